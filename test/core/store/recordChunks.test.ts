// Record chunks (core/store/recordChunks.ts): records stored as digests packed per domain and span of days must come back
// exactly as they were imported, stay in step with imports, deletes and restores, and be made from the stores of
// databases written by schema versions 1 and 2.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupLines, restoreBackup } from '../../../core/store/backup';
import { deleteDomain, deleteEverything } from '../../../core/store/deleteReports';
import { keyRanges } from '../../../core/store/keyRange';
import {
  countStored,
  forEachDigestChunk,
  forEachRecordChunk,
  listAggregateReports,
  readRecords,
  readRecordsOfReport,
  recordsOfBatch,
} from '../../../core/store/queries';
import { ROW_SPAN_DAYS, spanStart, utcMidnight } from '../../../core/store/recordChunks';
import { RECORDS_PER_BATCH, RECORDS_PER_CHUNK } from '../../../core/store/rowSizes';
import { saveReportRows } from '../../../core/store/saveReportRows';
import {
  DB_VERSION,
  migrations,
  openReportDatabase,
  type ReportDatabase,
  type ReportDbSchema,
  type StoredRecordChunk,
} from '../../../core/store/schema';
import { profileHash, ProfileTable, toRecordDigest } from '../../../core/store/toRecordDigest';
import { toReportRows, type ReportRows } from '../../../core/store/toStoredReport';
import { ALL_TIME, type Period } from '../../../core/analysis/period';
import { RecordSummarizer, summarizeRecords, type RecordSummary } from '../../../core/analysis/summarizeRecords';
import { recordsOfDigest, type StoredRecord, type StoredRecordDigest } from '../../../core/report/recordDigest';
import type { AggregateRecord } from '../../../core/report/types';
import { aggregate, DAY, MARCH_1, OTHER_VALUES, record } from './storeFixtures';

/** `value` with the keys of every object in it sorted (JSON text that ignores key order). */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sortedKeys(v)]),
  );
}

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
      record({
        sourceIp: '198.51.100.8',
        count: 2,
        disposition: 'quarantine',
        dkim: 'fail',
        spf: 'fail',
        reasons: [{ type: 'forwarded' }],
      }),
    ];
    rows.push(toReportRows(aggregate('google.com', `g${day}`, records, { begin: MARCH_1 + day * DAY }), file));
  }
  rows.push(
    toReportRows(
      aggregate('week.org', 'w', [record({ count: 70 })], { begin: MARCH_1 + 3 * DAY, end: MARCH_1 + 10 * DAY - 1 }),
      file,
    ),
    toReportRows(aggregate('yahoo.com', 'y1', [record({ count: 7 })], { domain: 'example.net', begin: MARCH_1 }), file),
  );
  return rows;
}

async function storedRecords(db: ReportDatabase, domain: string | null, period: Period): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  await forEachRecordChunk(db, domain, period, (chunk) => out.push(...chunk));
  return out;
}

/** The records of `rows` whose report overlaps `period`, as the store should hand them over, in one order. */
function expected(rows: readonly ReportRows[], domain: string | null, period: Period): StoredRecord[] {
  return sorted(
    rows
      .flatMap((r) => r.batches.flatMap(recordsOfBatch))
      .filter((r) => (domain === null || r.domain === domain) && r.end >= period.from && r.begin < period.to),
  );
}

function sorted(records: readonly StoredRecord[]): StoredRecord[] {
  return [...records].sort((a, b) => (a.id.join('|') < b.id.join('|') ? -1 : 1));
}

const PERIODS: Period[] = [
  ALL_TIME,
  { from: MARCH_1, to: MARCH_1 + 30 * DAY },
  { from: MARCH_1 + 5 * DAY, to: MARCH_1 + 8 * DAY },
  { from: MARCH_1 + 39 * DAY, to: MARCH_1 + 60 * DAY },
  { from: MARCH_1 + 100 * DAY, to: MARCH_1 + 130 * DAY },
];

describe('record chunks', () => {
  let db: ReportDatabase;
  beforeEach(async () => {
    db = await freshDatabase();
    await saveReportRows(db, sampleRows());
  });

  it('hand over exactly the stored records, raw values and extensions included, for every domain and period', async () => {
    const rows = sampleRows();
    for (const domain of ['example.com', 'example.net', null]) {
      for (const period of PERIODS) {
        expect(sorted(await storedRecords(db, domain, period))).toEqual(expected(rows, domain, period));
        expect(sorted(await readRecords(db, domain, period))).toEqual(expected(rows, domain, period));
      }
    }
  });

  it('count digests in for the headline alone (as an import posts them), as adding them counts them, keeping none for the sources', async () => {
    for (const period of PERIODS) {
      const added = new RecordSummarizer(period);
      const counted = new RecordSummarizer(period);
      await forEachDigestChunk(db, null, period, (digests) => {
        added.addDigests(digests);
        counted.countDigests(digests);
      });
      expect(counted.headline()).toEqual(added.headline());
      expect(counted.sources()).toEqual([]);
    }
  });

  it('summarize the same from digests as from the records made of them, with and without grouping in slices', async () => {
    const comparable = (summary: RecordSummary) => ({
      ...summary,
      sources: summary.sources.map(({ classification, ips, ...group }) => ({
        ...group,
        class: classification.class,
        reason: classification.reason,
        ips: ips.map((ip) => ({
          ...ip,
          records: ip.records
            .list()
            .map((r) => r.id.join('|'))
            .sort(),
        })),
      })),
    });
    for (const domain of ['example.com', 'example.net', null]) {
      for (const period of PERIODS) {
        const fromDigests = new RecordSummarizer(period);
        await forEachDigestChunk(db, domain, period, (digests) => fromDigests.addDigests(digests));
        while (!fromDigests.groupSome(7)) {
          // Seven records at a time, as a page spreads the work.
        }
        let sources: RecordSummary['sources'] | undefined;
        while (!(sources = fromDigests.buildSources(2))) {
          // Two groups at a time.
        }
        const expected = summarizeRecords(await readRecords(db, domain, period), period);
        expect(comparable({ ...fromDigests.headline(), sources })).toEqual(comparable(expected));
      }
    }
  });

  it('hold one domain’s reports ending in one span of days in one row', async () => {
    // 40 days of example.com from March 1st (a Friday; spans of a week run from Thursdays) make 6 spans, the week-long
    // report ending on day 9 among them; 1 of example.net.
    expect(ROW_SPAN_DAYS).toBe(7);
    expect(await db.count('recordChunks')).toBe(7);
    const chunks = await db.getAll('recordChunks');
    expect(
      chunks.every((chunk) => chunk.digests.every((d) => d.domain === chunk.id[0] && spanStart(d.end) === chunk.id[1])),
    ).toBe(true);
  });

  it('store equal outcomes of the reports stored together as one object, read back as one object', async () => {
    // Each daily report has the same three outcomes: in a chunk row, every report's digest refers to the same three.
    const chunks = await db.getAll('recordChunks');
    const google = chunks.filter((chunk) => chunk.digests.every((d) => d.reportKey.includes('\u0000g')));
    expect(google.length).toBeGreaterThan(2);
    for (const chunk of google) {
      const distinct = new Set(chunk.digests.flatMap((d) => d.profiles));
      expect(distinct.size).toBe(3);
      expect(chunk.digests.length).toBeGreaterThan(1);
    }
  });

  it('still read rows written one per day, before rows spanned days', async () => {
    // The same reports as a database written before spans holds them: a chunk per domain and day of their end.
    const perDay = await freshDatabase();
    const packs = new Map<string, StoredRecordChunk>();
    for (const chunk of await db.getAll('recordChunks')) {
      for (const digest of chunk.digests) {
        const day = utcMidnight(digest.end);
        const key = `${digest.domain}|${day}`;
        if (!packs.has(key))
          packs.set(key, { id: [digest.domain, day, `${digest.reportKey}#${digest.id[3]}`], digests: [] });
        packs.get(key)!.digests.push(digest);
      }
    }
    const tx = perDay.transaction(['recordChunks', 'reportPacks'], 'readwrite');
    for (const chunk of packs.values()) void tx.objectStore('recordChunks').put(chunk);
    for (const pack of await db.getAll('reportPacks')) {
      for (const report of pack.reports) {
        void tx.objectStore('reportPacks').put({
          id: [report.kind, report.domain, utcMidnight(report.end), report.key],
          keys: [report.key],
          reports: [report],
        });
      }
    }
    await tx.done;
    expect(await perDay.count('recordChunks')).toBe(41);
    for (const domain of ['example.com', 'example.net', null]) {
      for (const period of PERIODS) {
        expect(sorted(await storedRecords(perDay, domain, period))).toEqual(
          sorted(await storedRecords(db, domain, period)),
        );
        expect(await listAggregateReports(perDay, domain, period)).toEqual(
          await listAggregateReports(db, domain, period),
        );
      }
    }
    for (const key of ['g0', 'g9', 'w', 'y1'].map(
      (id) => sampleRows().find((r) => r.report.key.includes(id))!.report.key,
    )) {
      expect(await readRecordsOfReport(perDay, key)).toEqual(await readRecordsOfReport(db, key));
      expect((await readRecordsOfReport(db, key)).length).toBeGreaterThan(0);
    }
  });

  it('keep each distinct outcome of a batch once, and split what is larger than a batch or a chunk', async () => {
    const digests: StoredRecordDigest[] = [];
    await forEachDigestChunk(db, 'example.com', { from: MARCH_1, to: MARCH_1 + DAY }, (chunk) =>
      digests.push(...chunk),
    );
    const daily = digests.find((d) => d.reportKey.includes('g0'));
    expect(daily?.profiles).toHaveLength(3);
    const many = Array.from({ length: RECORDS_PER_CHUNK + 1200 }, (_, i) =>
      record({ sourceIp: `10.0.${i >> 8}.${i & 255}`, count: i + 1 }),
    );
    const big = toReportRows(aggregate('big.example', 'b', many, { domain: 'big.test' }), file);
    await saveReportRows(db, [big]);
    const bigDigests: StoredRecordDigest[] = [];
    await forEachDigestChunk(db, 'big.test', ALL_TIME, (chunk) => bigDigests.push(...chunk));
    expect(bigDigests.map((d) => d.profiles.length)).toEqual(Array(Math.ceil(many.length / RECORDS_PER_BATCH)).fill(1));
    expect(await db.count('recordChunks', keyRanges().bound(['big.test'], ['big.test', []]))).toBe(2);
    expect(sorted(await storedRecords(db, 'big.test', ALL_TIME))).toEqual(expected([big], null, ALL_TIME));
    expect(await readRecordsOfReport(db, big.report.key)).toEqual(big.batches.flatMap(recordsOfBatch));
  });

  it('share a profile between two records exactly when everything but their IP and count is equal', () => {
    const text = fc.constantFrom('', 'a', 'pass', '1:a', '-', 'a1:', 'example.com', 'R', 'D1:a');
    const optional = fc.option(text, { nil: undefined });
    /** Mostly absent, as in real records. */
    const rare = <T>(arbitrary: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary, weight: 1 });
    const raw = rare(fc.dictionary(fc.constantFrom('result', 'type', 'count'), text, { minKeys: 1, maxKeys: 1 }));
    const drop = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    const generated = fc
      .record({
        sourceIp: fc.constantFrom('192.0.2.1', '192.0.2.2'),
        count: fc.nat(3),
        disposition: fc.constantFrom('none', 'quarantine'),
        dkim: fc.constantFrom('pass', 'fail'),
        spf: fc.constantFrom('pass', 'fail'),
        reasons: fc.array(fc.record({ type: text, comment: optional, raw }), { maxLength: 2 }),
        headerFrom: text,
        envelopeFrom: optional,
        envelopeTo: optional,
        dkimResults: fc.array(
          fc.record({ domain: text, result: text, selector: optional, humanResult: optional, raw }),
          { maxLength: 2 },
        ),
        spfResults: fc.array(
          fc.record({
            domain: text,
            result: text,
            scope: fc.constantFrom(undefined, 'mfrom', 'helo'),
            humanResult: optional,
            raw,
          }),
          { maxLength: 2 },
        ),
        dkimAligned: fc.boolean(),
        spfAligned: fc.boolean(),
        extensions: rare(fc.dictionary(fc.constantFrom('x', 'y'), text, { minKeys: 1, maxKeys: 1 })),
        raw: raw,
      })
      // Absent fields are absent, as the parser makes records.
      .map((r) => drop(r) as unknown as AggregateRecord);
    const profile = ({ sourceIp: _ip, count: _count, ...rest }: AggregateRecord) => rest;
    // Pairs that differ in one field at most, or in one field of the first reason or result, so that equal and
    // nearly equal profiles both come up often.
    const paths: Array<[keyof AggregateRecord, string?]> = [
      ['sourceIp'],
      ['count'],
      ...Object.entries(OTHER_VALUES).flatMap(([field, others]): Array<[keyof AggregateRecord, string?]> =>
        Array.isArray(others)
          ? [[field as keyof AggregateRecord]]
          : Object.keys(others).map((sub) => [field as keyof AggregateRecord, sub]),
      ),
    ];
    const pair = fc
      .tuple(generated, generated, fc.constantFrom(...paths), fc.boolean())
      .map(([a, other, [field, sub], same]) => {
        let value: unknown = same ? a[field] : other[field];
        if (sub !== undefined) {
          const list = a[field] as unknown as Array<Record<string, unknown>>;
          const replacement = (other[field] as unknown as Array<Record<string, unknown>>)[0]?.[sub];
          value = list.map((item, i) => (i === 0 && !same ? { ...item, [sub]: replacement } : item));
        }
        return [a, drop<AggregateRecord>({ ...a, [field]: value })] as const;
      });
    // With the real hash, and with one under which every profile collides (so that only the comparison tells them).
    for (const table of [() => new ProfileTable(), () => new ProfileTable(() => 0)]) {
      fc.assert(
        fc.property(pair, ([a, b]) => {
          const equal = JSON.stringify(sortedKeys(profile(a))) === JSON.stringify(sortedKeys(profile(b)));
          const profiles = table();
          expect(profiles.profileOf(a) === profiles.profileOf(b)).toBe(equal);
          if (equal) expect(profileHash(a)).toBe(profileHash(b));
          const digest = toRecordDigest(
            { id: ['d', 0, 'k', 0], reportKey: 'k', domain: 'd', orgName: 'o', begin: 0, end: 0, records: [a, b] },
            table(),
          );
          expect(digest.profiles).toHaveLength(equal ? 1 : 2);
          expect(recordsOfDigest(digest).map((r) => r.record)).toEqual([a, b]);
        }),
        { numRuns: 3000 },
      );
    }
    // Equal profiles are found: pairs differing in IP and count alone, among others made before.
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 6 }), generated, (others, a) => {
        const profiles = new ProfileTable();
        for (const other of others) profiles.profileOf(other);
        expect(profiles.profileOf({ ...a, sourceIp: '198.51.100.7', count: 9 })).toBe(profiles.profileOf(a));
      }),
    );
  });

  it('are not written again for a duplicate report', async () => {
    const again = await saveReportRows(db, sampleRows().slice(0, 2));
    expect(again).toEqual(['duplicate', 'duplicate']);
    expect(await db.count('recordChunks')).toBe(7);
  });

  it('go with their domain, and with everything', async () => {
    await deleteDomain(db, 'example.com');
    expect(await storedRecords(db, 'example.com', ALL_TIME)).toEqual([]);
    expect(await storedRecords(db, 'example.net', ALL_TIME)).toHaveLength(1);
    await deleteEverything(db);
    expect(await db.count('recordChunks')).toBe(0);
  });

  it('are backed up as full records and rebuilt by a restore', async () => {
    const lines: string[] = [];
    for await (const chunk of backupLines(db, 5)) lines.push(...chunk.split('\n').filter(Boolean));
    expect(lines.filter((line) => line.startsWith('{"store":"records"'))).toHaveLength(42);
    const restored = await freshDatabase();
    expect(await restoreBackup(restored, lines)).toMatchObject({ ok: true, imported: 42 });
    expect(sorted(await storedRecords(restored, null, ALL_TIME))).toEqual(expected(sampleRows(), null, ALL_TIME));
    expect(await restoreBackup(restored, lines)).toMatchObject({ ok: true, imported: 0, duplicates: 42 });
  });
});

/** A database as an older schema left it: opened at `version` by the migrations up to it, with `rows` written. */
async function olderDatabase(version: 1 | 2, rows: readonly ReportRows[]): Promise<string> {
  const name = `chunk-migration-${++counter}`;
  const old = await openDB<ReportDbSchema>(name, version, {
    upgrade(db, _old, _new, tx) {
      for (const step of migrations.slice(0, version)) void step(db, tx);
    },
  });
  const tx = old.transaction(
    version === 1 ? ['reports', 'records'] : ['reports', 'records', 'recordDigests'],
    'readwrite',
  );
  await Promise.all([
    ...rows.map((r) => tx.objectStore('reports').put(r.report)),
    ...rows.flatMap((r) => r.batches.map((b) => tx.objectStore('records').put(b))),
    ...(version === 2
      ? rows.flatMap((r) => r.batches.map((b) => tx.objectStore('recordDigests').put(toRecordDigest(b))))
      : []),
    tx.done,
  ]);
  old.close();
  return name;
}

describe('migrations from schema 1 and 2', () => {
  for (const version of [1, 2] as const) {
    it(`move the records of a version ${version} database into chunks and drop the old stores`, async () => {
      // Many days and a large report, so the migration hands chunks over while it reads.
      const rows = sampleRows();
      const many = Array.from({ length: 1200 }, (_, i) => record({ sourceIp: `10.2.${i >> 8}.${i & 255}`, count: 1 }));
      rows.push(toReportRows(aggregate('big.example', 'b', many, { begin: MARCH_1 + 20 * DAY }), file));
      const db = await openReportDatabase(await olderDatabase(version, rows));
      opened.push(db);
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual(['rawXml', 'recordChunks', 'reportPacks', 'sources']);
      expect((await countStored(db)).reports).toBe(43);
      expect(
        await listAggregateReports(db, 'example.com', { from: MARCH_1 + 5 * DAY, to: MARCH_1 + 8 * DAY }),
      ).toHaveLength(4);
      for (const period of PERIODS)
        expect(sorted(await storedRecords(db, null, period))).toEqual(expected(rows, null, period));
      expect(await db.count('recordChunks')).toBe(7); // A row per domain and span of days, as an import writes them.
    });
  }
});
