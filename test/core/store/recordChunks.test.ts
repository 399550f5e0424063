// Record digests (core/store/toRecordDigest.ts): the dashboard's compact copy of the stored records must say exactly
// what the full records say, stay in step with imports, deletes and restores, and be backfilled for databases made
// before it existed (schema version 1).
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupLines, restoreBackup } from '../../../core/store/backup';
import { deleteDomain, deleteEverything } from '../../../core/store/deleteReports';
import { ALL_TIME, forEachDigestChunk, forEachRecordOfDigests, listAggregateReports, readRecords, type Period } from '../../../core/store/queries';
import { saveReportRows } from '../../../core/store/saveReportRows';
import { migrations, openReportDatabase, type ReportDatabase, type ReportDbSchema, type StoredRecord, type StoredRecordDigest } from '../../../core/store/schema';
import { summarizeRecords } from '../../../core/store/summarizeRecords';
import { toReportRows, type ReportRows } from '../../../core/store/toStoredReport';
import { aggregate, DAY, MARCH_1, record } from './storeFixtures';

let counter = 0;
const opened: ReportDatabase[] = [];
const file = { fileName: 'r.xml', importedAt: 1 };

async function freshDatabase(): Promise<ReportDatabase> {
  const db = await openReportDatabase(`digest-test-${++counter}`);
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Forty daily reports of two outcomes, a week-long report, a second domain, and a record with raw values. */
function sampleRows(): ReportRows[] {
  const rows: ReportRows[] = [];
  for (let day = 0; day < 40; day++) {
    const records = [
      record({ count: 10, raw: { source_ip: '192.0.2.1' }, extensions: { note: 'x' } }),
      record({ sourceIp: '198.51.100.7', count: 1, dkim: 'fail', spf: 'fail', dkimAligned: false, spfAligned: false }),
      record({ sourceIp: '198.51.100.8', count: 2, disposition: 'quarantine', dkim: 'fail', spf: 'fail', reasons: [{ type: 'forwarded' }] }),
    ];
    rows.push(toReportRows(aggregate('google.com', `g${day}`, records, { begin: MARCH_1 + day * DAY }), file));
  }
  rows.push(
    toReportRows(aggregate('week.org', 'w', [record({ count: 70 })], { begin: MARCH_1 + 3 * DAY, end: MARCH_1 + 10 * DAY - 1 }), file),
    toReportRows(aggregate('yahoo.com', 'y1', [record({ count: 7 })], { domain: 'example.net', begin: MARCH_1 }), file),
  );
  return rows;
}

async function digestRecords(db: ReportDatabase, domain: string | null, period: Period): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  await forEachRecordOfDigests(db, domain, period, (chunk) => out.push(...chunk));
  return out;
}

/** Records as the full batches hold them, minus what digests leave out, in one order. */
function comparable(records: readonly StoredRecord[]): unknown[] {
  return records
    .map(({ record: { raw: _raw, extensions: _extensions, ...rest }, ...context }) => ({ ...context, record: rest }))
    .sort((a, b) => (a.id.join('|') < b.id.join('|') ? -1 : 1));
}

const PERIODS: Period[] = [
  ALL_TIME,
  { from: MARCH_1, to: MARCH_1 + 30 * DAY },
  { from: MARCH_1 + 5 * DAY, to: MARCH_1 + 8 * DAY },
  { from: MARCH_1 + 39 * DAY, to: MARCH_1 + 60 * DAY },
  { from: MARCH_1 + 100 * DAY, to: MARCH_1 + 130 * DAY },
];

describe('record digests', () => {
  let db: ReportDatabase;
  beforeEach(async () => {
    db = await freshDatabase();
    await saveReportRows(db, sampleRows());
  });

  it('hand over the same records and summaries as the full batches, for every period', async () => {
    for (const domain of ['example.com', 'example.net', null]) {
      for (const period of PERIODS) {
        const full = await readRecords(db, domain, period);
        const fromDigests = await digestRecords(db, domain, period);
        expect(comparable(fromDigests)).toEqual(comparable(full));
        const a = summarizeRecords(full, period);
        const b = summarizeRecords(fromDigests, period);
        expect(b.totals).toEqual(a.totals);
        expect(b.daily).toEqual(a.daily);
        expect(b.sources.map(({ ips: _ips, ...g }) => g)).toEqual(a.sources.map(({ ips: _ips, ...g }) => g));
      }
    }
  });

  it('keep each distinct outcome of a batch once', async () => {
    const digests: StoredRecordDigest[] = [];
    await forEachDigestChunk(db, 'example.com', { from: MARCH_1, to: MARCH_1 + DAY }, (chunk) => digests.push(...chunk));
    const daily = digests.find((d) => d.reportKey.includes('g0'));
    expect(daily?.profiles).toHaveLength(3);
    const many = Array.from({ length: 1200 }, (_, i) => record({ sourceIp: `10.0.${i >> 8}.${i & 255}`, count: i + 1 }));
    await saveReportRows(db, [toReportRows(aggregate('big.example', 'b', many, { domain: 'big.test' }), file)]);
    const big: StoredRecordDigest[] = [];
    await forEachDigestChunk(db, 'big.test', ALL_TIME, (chunk) => big.push(...chunk));
    expect(big.map((d) => d.profiles.length)).toEqual([1, 1, 1]);
    expect(comparable(await digestRecords(db, 'big.test', ALL_TIME))).toEqual(comparable(await readRecords(db, 'big.test')));
  });

  it('are not written again for a duplicate report', async () => {
    const again = await saveReportRows(db, sampleRows().slice(0, 2));
    expect(again).toEqual(['duplicate', 'duplicate']);
    expect(await db.count('recordDigests')).toBe(await db.count('records'));
  });

  it('go with their domain, and with everything', async () => {
    await deleteDomain(db, 'example.com');
    expect(await digestRecords(db, 'example.com', ALL_TIME)).toEqual([]);
    expect(await digestRecords(db, 'example.net', ALL_TIME)).toHaveLength(1);
    await deleteEverything(db);
    expect(await db.count('recordDigests')).toBe(0);
  });

  it('stay out of backups and are rebuilt by a restore', async () => {
    const lines: string[] = [];
    for await (const chunk of backupLines(db, 5)) lines.push(...chunk.split('\n').filter(Boolean));
    expect(lines.some((line) => line.includes('"recordDigests"'))).toBe(false);
    const restored = await freshDatabase();
    expect(await restoreBackup(restored, lines)).toMatchObject({ ok: true, imported: 42 });
    expect(comparable(await digestRecords(restored, null, ALL_TIME))).toEqual(comparable(await digestRecords(db, null, ALL_TIME)));
    expect(await restoreBackup(restored, lines)).toMatchObject({ ok: true, imported: 0, duplicates: 42 });
    expect(await restored.count('recordDigests')).toBe(await db.count('recordDigests'));
  });
});

describe('migration 1 → 2', () => {
  it('backfills the digests of a version 1 database and keeps its data', async () => {
    const name = `digest-migration-${++counter}`;
    const v1 = await openDB<ReportDbSchema>(name, 1, {
      upgrade(db, _old, _new, tx) {
        void migrations[0]!(db, tx);
      },
    });
    const rows = sampleRows();
    // What saveReportRows wrote at version 1: reports and record batches.
    const tx = v1.transaction(['reports', 'records'], 'readwrite');
    await Promise.all([
      ...rows.map((r) => tx.objectStore('reports').put(r.report)),
      ...rows.flatMap((r) => r.batches.map((b) => tx.objectStore('records').put(b))),
      tx.done,
    ]);
    v1.close();

    const db = await openReportDatabase(name);
    opened.push(db);
    expect(db.version).toBe(2);
    expect(await db.count('reports')).toBe(42);
    // The reports' new byKindEnd index is built over the stored reports too.
    expect(await listAggregateReports(db, null)).toHaveLength(42);
    expect(await listAggregateReports(db, 'example.com', { from: MARCH_1 + 5 * DAY, to: MARCH_1 + 8 * DAY })).toHaveLength(4);
    expect(await db.count('recordDigests')).toBe(await db.count('records'));
    for (const period of PERIODS) {
      expect(comparable(await digestRecords(db, null, period))).toEqual(comparable(await readRecords(db, null, period)));
    }
  });
});
