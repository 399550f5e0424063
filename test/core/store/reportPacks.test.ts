// Report packs (core/store/reportPacks.ts, schema 4): reports stored a pack per kind, domain and day must be found by
// key and by period exactly as single rows were, dedupe across packs and within one, and be made by the migration
// from schema 3 out of a database that kept a row per report.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { ALL_TIME } from '../../../core/analysis/period';
import { afterEach, describe, expect, it } from 'vitest';
import {
  countStored,
  listAggregateReports,
  listAllReports,
  listDomains,
  listTlsReports,
  readRecordsOfReport,
} from '../../../core/store/queries';
import { getReport, REPORTS_PER_PACK } from '../../../core/store/reportPacks';
import { spanStart } from '../../../core/store/recordChunks';
import { saveReportRows } from '../../../core/store/saveReportRows';
import {
  DB_VERSION,
  migrations,
  openReportDatabase,
  type ReportDatabase,
  type ReportDbSchema,
} from '../../../core/store/schema';
import { toReportRows, type ReportRows } from '../../../core/store/toStoredReport';
import { aggregate, DAY, MARCH_1, record, tls } from './storeFixtures';

let counter = 0;
const opened: ReportDatabase[] = [];
const file = { fileName: 'r.xml', importedAt: 1 };

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function open(name = `packs-${++counter}`): Promise<ReportDatabase> {
  const db = await openReportDatabase(name);
  opened.push(db);
  return db;
}

/** More reports of one domain and day than a pack holds, a few other days and domains, and a TLS report. */
function sampleRows(): ReportRows[] {
  const rows: ReportRows[] = [];
  for (let i = 0; i < REPORTS_PER_PACK + 44; i++)
    rows.push(toReportRows(aggregate(`r${i % 7}.example`, `same-day-${i}`, [record({ count: i + 1 })]), file));
  for (let day = 1; day < 6; day++) {
    rows.push(
      toReportRows(aggregate('google.com', `g${day}`, [record({ count: day })], { begin: MARCH_1 + day * DAY }), file),
    );
    rows.push(
      toReportRows(
        aggregate('google.com', `o${day}`, [record({ count: 2 })], {
          begin: MARCH_1 + day * DAY,
          domain: 'other.test',
        }),
        file,
      ),
    );
  }
  // The next span of days (spans of a week run from Thursdays; March 1st 2024 was a Friday).
  rows.push(
    toReportRows(
      aggregate('google.com', 'o8', [record({ count: 3 })], { begin: MARCH_1 + 8 * DAY, domain: 'other.test' }),
      file,
    ),
  );
  rows.push(toReportRows(tls('Google Inc.', 'tls-1'), file));
  return rows;
}

/** What every query of the store gives, to compare a migrated database with one written by schema 4. */
async function everything(db: ReportDatabase) {
  const keys = (await listAllReports(db)).map((r) => r.key).sort();
  return {
    counts: await countStored(db),
    domains: await listDomains(db),
    all: await listAggregateReports(db, null),
    oneDay: await listAggregateReports(db, 'example.com', { from: MARCH_1 + 2 * DAY, to: MARCH_1 + 4 * DAY }),
    other: await listAggregateReports(db, 'other.test', ALL_TIME),
    tls: await listTlsReports(db, null),
    byKey: await Promise.all(keys.map((key) => getReport(db, key))),
    records: await readRecordsOfReport(db, keys[0]!),
  };
}

describe('report packs', () => {
  it('store reports a pack per kind, domain and span of days, and find each by key and by period', async () => {
    const db = await open();
    const rows = sampleRows();
    expect(new Set(await saveReportRows(db, rows))).toEqual(new Set(['imported']));
    // 300 reports of one day and five more days of example.com: two packs; other.test in two spans; one TLS pack.
    expect(await db.count('reportPacks')).toBe(2 + 2 + 1);
    const packs = await db.getAll('reportPacks');
    expect(
      packs.every((pack) =>
        pack.reports.every((r) => r.kind === pack.id[0] && r.domain === pack.id[1] && spanStart(r.end) === pack.id[2]),
      ),
    ).toBe(true);
    for (const { report } of rows) expect(await getReport(db, report.key)).toEqual(report);
    expect(await getReport(db, 'aggregate\u0000nobody\u0000none')).toBeUndefined();
    const all = await listAggregateReports(db, null);
    expect(all).toHaveLength(rows.length - 1);
    // In the order single rows gave them: by domain, then end, then key.
    const order = (r: (typeof all)[number]) => [r.domain, String(r.end).padStart(12, '0'), r.key].join('\u0000');
    expect(all.map(order)).toEqual(all.map(order).sort());
  });

  it('dedupe against stored reports in the same pack and within one batch, adding the rest', async () => {
    const db = await open();
    const a = toReportRows(aggregate('a.example', '1', [record()]), file);
    const b = toReportRows(aggregate('b.example', '1', [record()]), file);
    const c = toReportRows(aggregate('c.example', '1', [record()]), file);
    expect(await saveReportRows(db, [a])).toEqual(['imported']);
    // b and c land in the same pack as a would: the pack is added again without a.
    expect(await saveReportRows(db, [b, a, c, b])).toEqual(['imported', 'duplicate', 'imported', 'duplicate']);
    expect(await countStored(db)).toEqual({ reports: 3, records: 3 });
    expect(await saveReportRows(db, [a, b, c])).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect((await listAggregateReports(db, null)).map((r) => r.orgName)).toEqual([
      'a.example',
      'b.example',
      'c.example',
    ]);
  });
});

describe('migration from schema 3', () => {
  it('packs the reports of a version 3 database and answers every query as a database written by schema 4', async () => {
    const rows = sampleRows();
    const name = `packs-migration-${++counter}`;
    const old = await openDB<ReportDbSchema>(name, 3, {
      upgrade(db, _old, _new, tx) {
        let previous: Promise<void> = Promise.resolve();
        for (const step of migrations.slice(0, 3)) previous = previous.then(() => step(db, tx));
      },
    });
    // Schema 3 wrote a row per report; the records are saved the way schema 3 saved them (chunks).
    const tx = old.transaction(['reports', 'recordChunks'], 'readwrite');
    await Promise.all([...rows.map((r) => tx.objectStore('reports').put(r.report)), tx.done]);
    old.close();
    const migrated = await open(name);
    expect(migrated.version).toBe(DB_VERSION);
    expect([...migrated.objectStoreNames].sort()).toEqual(['rawXml', 'recordChunks', 'reportPacks', 'sources']);
    const written = await open();
    await saveReportRows(written, rows);
    const expected = await everything(written);
    // The records were not in the schema 3 database: only the reports are compared there.
    expect({ ...(await everything(migrated)), records: [], counts: undefined }).toEqual({
      ...expected,
      records: [],
      counts: undefined,
    });
    expect((await countStored(migrated)).reports).toBe(rows.length);
    expect(expected.records).toHaveLength(1);
    // A report the migration packed is still a duplicate.
    expect(await saveReportRows(migrated, rows.slice(0, 3))).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });
});
