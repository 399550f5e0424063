// Restoring backups: every row checked in full before anything is written, all or nothing per file, refusals named by
// line, row kind and field; reads that pass over malformed rows; record digests of any number of profiles. Backups
// are made from real reports (test/fixtures/reports) stored the way an import stores them.
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import { recordsOfDigest, type StoredRecordDigest } from '../../../core/report/recordDigest';
import type { AggregateRecord } from '../../../core/report/types';
import { backupLines, restoreBackup } from '../../../core/store/backup';
import { deleteDomain } from '../../../core/store/deleteReports';
import {
  countStored,
  listAggregateReports,
  listAllReports,
  listDomains,
  listFailureReports,
  listTlsReports,
  readRawXml,
  readRecords,
  readRecordsOfReport,
} from '../../../core/store/queries';
import { getReport } from '../../../core/store/reportPacks';
import { RECORD_BATCH, shapeProblem, STORED_REPORT } from '../../../core/store/rowShape';
import { saveFiles, saveReportRows } from '../../../core/store/saveReportRows';
import {
  migrations,
  openReportDatabase,
  type ReportDatabase,
  type ReportDbSchema,
  type StoredAggregateReport,
  type StoredRecordBatch,
  type StoredReport,
} from '../../../core/store/schema';
import { toReportRows, type ReportRows } from '../../../core/store/toStoredReport';
import { toRecordDigest } from '../../../core/store/toRecordDigest';
import { FIXTURE_REPORTS, readManifest, SHARED_CORPUS } from '../../corpus/readManifest';
import { aggregate, DAY, MARCH_1, record, tls } from './storeFixtures';

const STORES = ['reportPacks', 'recordChunks', 'rawXml', 'sources'] as const;
/** Real files of every kind: aggregate (gzip, zip, plain, several in one zip), TLS (JSON) and failure (email). */
const FIXTURES = [
  'domainaware__parsedmarc/nice-input.xml.gz',
  'domainaware__parsedmarc/estadocuenta1.infonacot.gob.mx!example.com!1536853302!1536939702!2940.xml.zip',
  'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml',
  'stuartmaxwell__dmarc-report/multiple_reports.zip',
  'cry-inc__dmarc-report-viewer/google.json',
  'domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml',
];

let counter = 0;
const open: ReportDatabase[] = [];
async function freshDatabase(): Promise<ReportDatabase> {
  const db = await openReportDatabase(`backup-test-${++counter}`);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** Stores the fixtures (with their files kept) as an import does. */
async function storeFixtures(db: ReportDatabase): Promise<void> {
  for (const name of FIXTURES) {
    const bytes = new Uint8Array(readFileSync(FIXTURE_REPORTS + name));
    const parsed = await parseReport(bytes, { fileName: name });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const rows = parsed.reports.map((report) =>
      toReportRows(report, { fileName: name, fileWarnings: parsed.warnings, importedAt: 1 }),
    );
    await saveFiles(db, [{ rows, source: { fileName: name, bytes } }]);
  }
}

async function linesOf(db: ReportDatabase): Promise<string[]> {
  const lines: string[] = [];
  for await (const chunk of backupLines(db, 5)) lines.push(...chunk.split('\n').filter(Boolean));
  return lines;
}

/** Every row of every store, as stored. */
async function snapshot(db: ReportDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const store of STORES) out[store] = await db.getAll(store);
  return out;
}

/** A database holding something already: one report the backups do not have. */
async function targetDatabase(): Promise<ReportDatabase> {
  const db = await freshDatabase();
  await saveReportRows(db, [
    toReportRows(aggregate('already.example', 'kept', [record({ count: 7 })], { domain: 'kept.example' }), {
      fileName: 'k.xml',
      importedAt: 1,
    }),
  ]);
  return db;
}

/** Every query a page makes, over everything: none may throw, whatever is stored. */
async function readEverything(db: ReportDatabase) {
  const domains = await listDomains(db);
  const reports = await listAllReports(db);
  const aggregates = await listAggregateReports(db, null);
  const records = await readRecords(db, null);
  for (const report of aggregates) await readRecordsOfReport(db, report.key);
  for (const report of aggregates) await readRawXml(db, report.key);
  return {
    domains,
    reports: reports.length,
    aggregates: aggregates.length,
    failures: (await listFailureReports(db, null)).length,
    tls: (await listTlsReports(db, 'example.com')).length,
    records: records.length,
    counts: await countStored(db),
  };
}

let source: ReportDatabase;
let lines: string[];
beforeEach(async () => {
  source = await freshDatabase();
  await storeFixtures(source);
  lines = await linesOf(source);
});

/** A line of a backup as JSON.parse reads it: a row of one of the stores a backup writes. */
type BackupRow =
  | { store: 'reports'; value: StoredReport }
  | { store: 'records'; value: StoredRecordBatch }
  | { store: 'rawXml' | 'sources'; value: unknown };

const rowOf = (line: string) => JSON.parse(line) as BackupRow;

/** The batch a `records` row holds (a throw for a row of another store: the test picked the wrong line). */
function batchOf(row: BackupRow): StoredRecordBatch {
  if (row.store !== 'records') throw new Error(`a "${row.store}" row, not a "records" row`);
  return row.value;
}

/** The report a `reports` row holds, of the kind `kind` (a throw for any other row). */
function reportOf<K extends StoredReport['kind']>(row: BackupRow, kind: K): Extract<StoredReport, { kind: K }> {
  if (row.store !== 'reports' || row.value.kind !== kind) throw new Error(`not a "reports" row of a ${kind} report`);
  return row.value as Extract<StoredReport, { kind: K }>;
}

/** The backup with line `at` (0 = header) replaced by what `edit` makes of its parsed row. */
function withRow(at: number, edit: (row: BackupRow) => void): string[] {
  const row = rowOf(lines[at]!);
  edit(row);
  return lines.map((line, i) => (i === at ? JSON.stringify(row) : line));
}

function lineOf(predicate: (row: BackupRow) => boolean): number {
  const at = lines.findIndex((line, i) => i > 0 && predicate(rowOf(line)));
  if (at < 0) throw new Error('no such line in the backup');
  return at;
}

const aggregateLine = () => lineOf((row) => row.store === 'reports' && row.value.kind === 'aggregate');
const tlsLine = () => lineOf((row) => row.store === 'reports' && row.value.kind === 'tls');
const recordsLine = () => lineOf((row) => row.store === 'records');
const recordsLineOfTwo = () => lineOf((row) => row.store === 'records' && row.value.records.length >= 2);

describe('a backup of real reports', () => {
  it('holds every kind of row and restores whole', async () => {
    const stores = new Set(lines.slice(1).map((line) => rowOf(line).store));
    expect([...stores].sort()).toEqual(['records', 'reports', 'sources']);
    const target = await targetDatabase();
    const result = await restoreBackup(target, lines, 'b.jsonl');
    const before = await readEverything(source);
    expect(result).toEqual({
      ok: true,
      imported: before.reports,
      duplicates: 0,
      records: before.records,
      skippedLines: 0,
    });
    const after = await readEverything(target);
    expect(after.reports).toBe(before.reports + 1);
    expect(after.records).toBe(before.records + 1);
    for (const report of await listAggregateReports(source, null)) {
      expect(await readRecordsOfReport(target, report.key)).toEqual(await readRecordsOfReport(source, report.key));
      expect(await readRawXml(target, report.key)).toBe(await readRawXml(source, report.key));
    }
  });
});

describe('a restore refuses a backup with a malformed row by name, and stores nothing of it', () => {
  const cases: Array<[string, () => string[], (line: number) => string]> = [
    [
      'a record with reasons: [null]',
      () => withRow(recordsLine(), (row) => Object.assign(batchOf(row).records[0]!, { reasons: [null] })),
      (n) => `line ${n + 1}: the "records" row is not valid: records[0].reasons[0] is null, not an object`,
    ],
    [
      'a report: {}',
      () => withRow(aggregateLine(), (row) => Object.assign(reportOf(row, 'aggregate'), { report: {} })),
      (n) => `line ${n + 1}: the "reports" row is not valid: report.kind is missing`,
    ],
    [
      'metadata: null',
      () => withRow(aggregateLine(), (row) => Object.assign(reportOf(row, 'aggregate').report, { metadata: null })),
      (n) => `line ${n + 1}: the "reports" row is not valid: report.metadata is null, not an object`,
    ],
    [
      'policy: 5',
      () => withRow(aggregateLine(), (row) => Object.assign(reportOf(row, 'aggregate').report, { policy: 5 })),
      (n) => `line ${n + 1}: the "reports" row is not valid: report.policy is the number 5, not an object`,
    ],
    [
      'policies: "notalist"',
      () => withRow(tlsLine(), (row) => Object.assign(reportOf(row, 'tls').report, { policies: 'notalist' })),
      (n) => `line ${n + 1}: the "reports" row is not valid: report.policies is the text "notalist", not a list`,
    ],
    [
      'a disposition no report has',
      () => withRow(recordsLineOfTwo(), (row) => Object.assign(batchOf(row).records[1]!, { disposition: 'delete' })),
      (n) =>
        `line ${n + 1}: the "records" row is not valid: records[1].disposition is the text "delete", not one of "none", "quarantine", "reject", "pass"`,
    ],
    [
      'a count that is not a number',
      () => withRow(recordsLine(), (row) => Object.assign(batchOf(row).records[0]!, { count: '12' })),
      (n) => `line ${n + 1}: the "records" row is not valid: records[0].count is the text "12", not a number`,
    ],
    [
      'a field reports do not have',
      () =>
        withRow(aggregateLine(), (row) => Object.assign(reportOf(row, 'aggregate').report.metadata, { script: 'x' })),
      (n) =>
        `line ${n + 1}: the "reports" row is not valid: report.metadata has a field "script" that this kind of row does not have`,
    ],
  ];
  const sameLine = (build: () => string[]) => build().findIndex((line, i) => line !== lines[i]);

  it.each(cases)('%s', async (_name, build, message) => {
    const backup = build();
    const target = await targetDatabase();
    const before = await snapshot(target);
    const result = await restoreBackup(target, backup, 'b.jsonl');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-backup',
        message: `b.jsonl, ${message(sameLine(build))}. Nothing from this backup was restored.`,
      },
    });
    expect(await snapshot(target)).toEqual(before);
    // The same backup without the bad line's damage restores: the refusal was that line's.
    expect(await restoreBackup(target, lines, 'b.jsonl')).toMatchObject({ ok: true });
  });

  it('even when the bad line comes after thousands of good ones', async () => {
    const big = await freshDatabase();
    const rows = [];
    for (let i = 0; i < 2100; i++) {
      rows.push(
        toReportRows(
          aggregate('bulk.example', `r${i}`, [record({ sourceIp: `192.0.2.${i % 250}` })], {
            begin: MARCH_1 + (i % 30) * DAY,
          }),
          { fileName: 'b.xml', importedAt: 1 },
        ),
      );
    }
    await saveReportRows(big, rows);
    const backup = await linesOf(big);
    expect(backup).toHaveLength(1 + 2 * 2100);
    const last = rowOf(backup.at(-1)!);
    Object.assign(batchOf(last).records[0]!, { reasons: [null] });
    backup[backup.length - 1] = JSON.stringify(last);
    const target = await targetDatabase();
    const before = await snapshot(target);
    expect(await restoreBackup(target, backup, 'big.jsonl')).toMatchObject({
      ok: false,
      error: { code: 'invalid-backup', message: expect.stringMatching(/^big\.jsonl, line 4201: /) as unknown },
    });
    expect(await snapshot(target)).toEqual(before);
  });

  it('when a report’s records are missing (a file cut at a line end), or do not belong to it', async () => {
    const target = await targetDatabase();
    const before = await snapshot(target);
    const at = recordsLine();
    const { reportKey, records } = batchOf(rowOf(lines[at]!));
    const reportAt = lineOf((row) => row.store === 'reports' && row.value.key === reportKey);
    const refused = async (backup: string[]) => {
      const result = await restoreBackup(target, backup, 'b.jsonl');
      expect(await snapshot(target)).toEqual(before);
      return result.ok
        ? 'restored'
        : result.error.message.replace(/^b\.jsonl, /, '').replace(/\. Nothing from this backup was restored\.$/, '');
    };
    const key = JSON.stringify(reportKey);
    expect(await refused(lines.filter((_, i) => i !== at))).toBe(
      `line ${reportAt + 1}: aggregate report ${key} has ${records.length} records, but the backup holds 0 of them`,
    );
    expect(await refused([...lines, lines[at]!])).toBe(
      `line ${lines.length + 1}: batch 0 of the records of report ${key} (line ${reportAt + 1}) is here a second time`,
    );
    expect(await refused([...lines, lines[reportAt]!])).toBe(
      `line ${lines.length + 1}: report ${key} is here a second time (first on line ${reportAt + 1})`,
    );
    expect(await refused(withRow(at, (row) => batchOf(row).records.pop()))).toBe(
      `line ${reportAt + 1}: aggregate report ${key} has ${records.length} records, but the backup holds ${records.length - 1} of them`,
    );
    const moved = withRow(at, (row) => {
      batchOf(row).domain = 'elsewhere.example';
      batchOf(row).id[0] = 'elsewhere.example';
    });
    expect(await refused(moved)).toMatch(
      new RegExp(`^line ${at + 1}: these records of report .* give domain "elsewhere.example"`),
    );
    const failureLine = lines[lineOf((row) => row.store === 'reports' && row.value.kind === 'failure')]!;
    const failureKey = reportOf(rowOf(failureLine), 'failure').key;
    const onFailure = withRow(at, (row) => {
      batchOf(row).reportKey = failureKey;
      batchOf(row).id[2] = failureKey;
    });
    expect(await refused(onFailure)).toMatch(/which is a failure report: only aggregate reports have records$/);
    expect(await refused(withRow(at, (row) => (batchOf(row).id[2] = 'other')))).toMatch(
      /its id .* does not match its domain, begin and reportKey$/,
    );
  });

  it('with a __proto__ key anywhere, and pollutes nothing', async () => {
    const target = await targetDatabase();
    const before = await snapshot(target);
    const at = aggregateLine();
    const inReport = lines[at]!.replace(
      /^\{"store":"reports","value":\{/,
      '{"store":"reports","value":{"__proto__":{"polluted":true},',
    );
    const inRecord = lines[recordsLine()]!.replace(
      '"reasons":[]',
      '"extensions":{"__proto__":{"polluted":true}},"reasons":[]',
    );
    expect(inRecord).not.toBe(lines[recordsLine()]);
    const inEnvelope = lines[at]!.replace(/^\{"store":"reports",/, '{"__proto__":{"polluted":true},"store":"reports",');
    const results = [];
    for (const [i, line] of [inReport, inRecord, inEnvelope].entries()) {
      const n = [at, recordsLine(), at][i]!;
      results.push(
        await restoreBackup(
          target,
          lines.map((l, j) => (j === n ? line : l)),
          'b.jsonl',
        ),
      );
    }
    expect(results.map((r) => !r.ok && r.error.message)).toEqual([
      `b.jsonl, line ${at + 1}: the "reports" row is not valid: the row has a field "__proto__" that this kind of row does not have. Nothing from this backup was restored.`,
      `b.jsonl, line ${recordsLine() + 1}: the "records" row is not valid: records[0].extensions has a field "__proto__". Nothing from this backup was restored.`,
      `b.jsonl, line ${at + 1}: the "reports" row has a field "__proto__" rows do not have. Nothing from this backup was restored.`,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await snapshot(target)).toEqual(before);
  });
});

describe('a restore that cannot be stored', () => {
  it('is refused in plain words with nothing stored when the quota runs out mid-write', async () => {
    const target = await targetDatabase();
    const before = await snapshot(target);
    // The second put (a record chunk) fails as a full disk does, after the reports were added in the same transaction.
    const rawStore = (
      globalThis as unknown as { IDBObjectStore: { prototype: { put: (...args: unknown[]) => unknown } } }
    ).IDBObjectStore.prototype;
    const put = rawStore.put;
    let calls = 0;
    rawStore.put = function (this: unknown, ...args: unknown[]) {
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    let result;
    try {
      result = await restoreBackup(target, lines, 'b.jsonl');
    } finally {
      rawStore.put = put;
    }
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message:
          'b.jsonl could not be restored: there is not enough storage space left. Nothing from this backup was restored.',
      },
    });
    expect(await snapshot(target)).toEqual(before);
    expect(await restoreBackup(target, lines, 'b.jsonl')).toMatchObject({ ok: true });
  });

  it('is refused, not thrown, when the file cannot be read to the end or the database is closed', async () => {
    const target = await targetDatabase();
    const before = await snapshot(target);
    // eslint-disable-next-line @typescript-eslint/require-await -- an async generator is the AsyncIterable the API reads (its yields await); nothing else to await
    async function* cut() {
      yield* lines.slice(0, 5);
      throw new Error('NotReadableError: the file changed');
    }
    expect(await restoreBackup(target, cut(), 'b.jsonl')).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message:
          'b.jsonl could not be read to the end (NotReadableError: the file changed). Nothing from this backup was restored.',
      },
    });
    expect(await snapshot(target)).toEqual(before);
    const closed = await freshDatabase();
    closed.close();
    expect(await restoreBackup(closed, lines, 'b.jsonl')).toMatchObject({
      ok: false,
      error: {
        code: 'internal',
        message: expect.stringMatching(
          /^b\.jsonl could not be restored: the browser's database refused it \(InvalidStateError/,
        ) as unknown,
      },
    });
  });
});

/** Where a mutation goes: a path of keys and indexes into a row's value. */
function pathsOf(
  value: unknown,
  prefix: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

const JUNK = [
  null,
  0,
  -1,
  1.5,
  1e300,
  '',
  'x',
  'delete',
  true,
  [],
  {},
  [null],
  { type: null },
  JSON.parse('{"__proto__":{"polluted":1}}') as unknown,
];

/** The member `step` of a parsed JSON value (paths come from pathsOf, so every step but the last is into one). */
function member(value: unknown, step: string | number): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[step] : undefined;
}

type Mutation =
  | { op: 'set'; line: number; path: number; junk: number }
  | { op: 'delete'; line: number; path: number }
  /** Another text where there was text: often still a valid row. */
  | { op: 'retext'; line: number; path: number }
  | { op: 'drop'; line: number }
  | { op: 'duplicate'; line: number }
  | { op: 'truncate'; line: number; at: number };

function mutate(backup: readonly string[], m: Mutation): string[] {
  const out = [...backup];
  const at = 1 + (m.line % (backup.length - 1));
  if (m.op === 'drop' || m.op === 'duplicate')
    out.splice(at, m.op === 'drop' ? 1 : 0, ...(m.op === 'drop' ? [] : [backup[at]!]));
  else if (m.op === 'truncate') out[at] = backup[at]!.slice(0, m.at % backup[at]!.length);
  else {
    const edit: Extract<Mutation, { path: number }> = m;
    let row: unknown;
    try {
      row = JSON.parse(backup[at]!);
    } catch {
      return out;
    }
    const paths = pathsOf(row).filter((path) => edit.op !== 'retext' || typeof path.reduce(member, row) === 'string');
    const path = paths[edit.path % paths.length]!;
    if (path.length === 0)
      return edit.op === 'set'
        ? out.map((line, i) => (i === at ? JSON.stringify(JUNK[edit.junk % JUNK.length]) : line))
        : out;
    let parent = row;
    for (const step of path.slice(0, -1)) parent = member(parent, step);
    if (typeof parent !== 'object' || parent === null) throw new Error('a path into a value that holds none');
    const container = parent as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (edit.op === 'set') container[last] = structuredClone(JUNK[edit.junk % JUNK.length]);
    else if (edit.op === 'retext') container[last] = `${container[last] as string}x`;
    else if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete container[last];
    out[at] = JSON.stringify(row);
  }
  return out;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), line: fc.nat(), path: fc.nat(), junk: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), line: fc.nat(), path: fc.nat() }),
  fc.record({ op: fc.constant('retext' as const), line: fc.nat(), path: fc.nat() }),
  fc.record({ op: fc.constant('drop' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), line: fc.nat(), at: fc.nat() }),
);

describe('a mutated backup (fast-check)', () => {
  it('is restored whole or refused with the database unchanged, and every query still answers', async () => {
    const outcomes = { restored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const backup = mutations.reduce(mutate, lines);
        const target = await targetDatabase();
        const before = await snapshot(target);
        const result = await restoreBackup(target, backup, 'm.jsonl');
        const after = await readEverything(target);
        outcomes[result.ok ? 'restored' : 'refused']++;
        if (!result.ok) {
          expect(result.error.code).toBe('invalid-backup');
          expect(result.error.message).toMatch(/^m\.jsonl, line \d+: .+\. Nothing from this backup was restored\.$/);
          expect(await snapshot(target)).toEqual(before);
        } else {
          // Whole: every aggregate report stored has exactly the records it says it has.
          const reports = await listAggregateReports(target, null);
          let records = 0;
          for (const report of reports) {
            const stored = await readRecordsOfReport(target, report.key);
            expect(stored).toHaveLength(report.recordCount);
            records += stored.length;
          }
          expect(after.records).toBe(records);
          expect(after.counts.records).toBe(records);
          expect(result.imported).toBe(after.reports - 1);
          expect(result.records).toBe(records - 1);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 120, seed: 1309 },
    );
    // Both outcomes were checked, many times each.
    expect(outcomes.restored).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  }, 120_000);
});

/** The index of the first record that differs (-1 when none does): toEqual over 70,000 records takes seconds. */
function firstDifference(a: readonly AggregateRecord[], b: readonly AggregateRecord[]): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  return a.findIndex((record, i) => !isDeepStrictEqual(record, b[i]));
}

describe('record digests of more than 65,535 distinct profiles', () => {
  const distinct = (n: number): AggregateRecord[] =>
    Array.from({ length: n }, (_, i) =>
      record({
        sourceIp: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        count: i + 1,
        headerFrom: `h${i}.example`,
      }),
    );
  const batch = (records: AggregateRecord[]) => ({
    id: ['example.com', MARCH_1, 'k', 0] as [string, number, string, number],
    reportKey: 'k',
    domain: 'example.com',
    orgName: 'o',
    begin: MARCH_1,
    end: MARCH_1 + DAY - 1,
    records,
  });

  it('keep two bytes an index up to 65,536 profiles, four past that, and give every record back exactly', () => {
    const fits = toRecordDigest(batch(distinct(65_536)));
    expect(fits.profileOf).toBeInstanceOf(Uint16Array);
    expect(fits.profileOf[65_535]).toBe(65_535);
    const records = distinct(70_000);
    const digest = toRecordDigest(batch(records));
    expect(digest.profileOf).toBeInstanceOf(Uint32Array);
    expect(digest.profiles).toHaveLength(70_000);
    expect(
      firstDifference(
        recordsOfDigest(digest).map((stored) => stored.record),
        records,
      ),
    ).toBe(-1);
    // Typical batches keep Uint16Array.
    expect(toRecordDigest(batch(distinct(500))).profileOf).toBeInstanceOf(Uint16Array);
  });

  it('restore from one records line and read back exactly (stored rows of both widths read alike)', async () => {
    const records = distinct(70_000);
    const db = await freshDatabase();
    const rows = toReportRows(aggregate('huge.example', 'one', records), { fileName: 'h.xml', importedAt: 1 });
    const { report } = rows.report.kind === 'aggregate' ? rows : (undefined as never);
    const line = {
      id: [report.domain, report.begin, report.key, 0],
      reportKey: report.key,
      domain: report.domain,
      orgName: report.orgName,
      begin: report.begin,
      end: report.end,
      records,
    };
    const backup = [
      '{"format":"dmarc-lens-backup","version":1,"schemaVersion":4,"exportedAt":0}',
      JSON.stringify({ store: 'reports', value: report }),
      JSON.stringify({ store: 'records', value: line }),
    ];
    expect(await restoreBackup(db, backup, 'h.jsonl')).toEqual({
      ok: true,
      imported: 1,
      duplicates: 0,
      records: 70_000,
      skippedLines: 0,
    });
    const [chunk] = await db.getAll('recordChunks');
    expect((chunk!.digests[0] as StoredRecordDigest).profileOf).toBeInstanceOf(Uint32Array);
    expect(
      firstDifference(
        (await readRecordsOfReport(db, report.key)).map((stored) => stored.record),
        records,
      ),
    ).toBe(-1);
    expect(await countStored(db)).toEqual({ reports: 1, records: 70_000 });
  }, 60_000);
});

describe('reads over a database holding malformed rows', () => {
  it('pass over them: every query answers with the sound rows, deleting and backing up work', async () => {
    const db = await freshDatabase();
    const good = toReportRows(
      aggregate('good.example', '1', [record({ count: 3 }), record({ sourceIp: '192.0.2.9', count: 4 })]),
      { fileName: 'g.xml', importedAt: 1 },
    );
    const goodTls = toReportRows(tls('tls.example', '1'), { fileName: 't.json', importedAt: 1 });
    await saveReportRows(db, [good, goodTls]);
    const sound = await readEverything(db);
    expect(sound).toMatchObject({ reports: 2, aggregates: 1, tls: 1, records: 2 });
    const report = good.report;
    if (report.kind !== 'aggregate') throw new Error('an aggregate report was made');
    const broken = (key: string, edit: (r: StoredAggregateReport) => void) => {
      const copy = structuredClone({ ...report, key });
      edit(copy);
      return copy;
    };
    // Rows as a previous version's restore could leave them, next to the sound ones and in packs of their own.
    await db.put('reportPacks', {
      id: ['aggregate', 'example.com', 0, 'x1'],
      keys: ['x1', 'x2', 'x3', 'x4'],
      reports: [
        broken('x1', (r) => Object.assign(r, { report: {} })),
        broken('x2', (r) => Object.assign(r.report, { metadata: null })),
        broken('x3', (r) => Object.assign(r.report, { policy: 5 })),
        broken('x4', (r) => Object.assign(r, { recordCount: '2' })),
      ],
    } as never);
    await db.put('reportPacks', {
      id: ['tls', 'example.com', 0, 'x5'],
      keys: ['x5'],
      reports: [
        { ...structuredClone(goodTls.report), key: 'x5', report: { ...goodTls.report.report, policies: 'notalist' } },
      ],
    } as never);
    await db.put('reportPacks', { id: ['failure', 'example.com', 0, 'x6'], keys: ['x6'], reports: 'x' } as never);
    const [chunk] = await db.getAll('recordChunks');
    const digest = chunk!.digests[0]!;
    await db.put('recordChunks', {
      id: ['example.com', 0, 'bad'],
      digests: [
        { ...digest, reportKey: 'x1', profiles: [{ ...digest.profiles[0]!, reasons: [null] }] },
        { ...digest, reportKey: 'x2', profileOf: Uint16Array.of(5, 0) },
        { ...digest, reportKey: 'x3', counts: Float64Array.of(1) },
        null,
      ],
    } as never);
    await db.put('recordChunks', { id: ['example.com', 1, 'bad'], digests: 'x' } as never);
    await db.put('sources', { id: 'bad', files: 'x' } as never);
    await db.put('reportPacks', {
      id: ['aggregate', 'example.com', 2, 'x7'],
      keys: ['x7'],
      reports: [broken('x7', (r) => (r.source = { id: 'bad', file: 0, path: [], document: 0 }))],
    } as never);
    await db.put('rawXml', { key: 'x7', xml: 5 } as never);

    expect(await readEverything(db)).toEqual({
      ...sound,
      reports: 3,
      aggregates: 2,
      counts: { reports: 3, records: 4 },
    });
    expect(await getReport(db, 'x1')).toBeUndefined();
    expect(await readRecordsOfReport(db, report.key)).toEqual(await readRecordsOfReport(db, report.key));
    expect(await readRecordsOfReport(db, report.key)).toHaveLength(2);
    expect(await readRawXml(db, 'x7')).toBeUndefined();

    // A backup leaves out the malformed rows, and x7, which has none of its 2 records: the rest restores.
    const backup = await linesOf(db);
    expect(backup.filter((line) => line.includes('"x'))).toEqual([]);
    // …and says how many it left out (the five malformed reports and x7), so the page can tell the user.
    const leftOut = { reports: 0 };
    for await (const _chunk of backupLines(db, 5, leftOut));
    expect(leftOut).toEqual({ reports: 6 });
    const restored = await freshDatabase();
    expect(await restoreBackup(restored, backup, 'b.jsonl')).toEqual({
      ok: true,
      imported: 2,
      duplicates: 0,
      records: 2,
      skippedLines: 0,
    });
    expect(await readEverything(restored)).toEqual(sound);
    // Deleting the domain takes the malformed reports too: 2 sound, 4 + 1 malformed in packs, and x7.
    expect(await deleteDomain(db, 'example.com')).toBe(8);
    expect(await readEverything(db)).toMatchObject({ reports: 0, records: 0 });
  });
});

describe('every report of the corpus fits the row shapes a backup is checked against', () => {
  const corpora = [
    ...readManifest(`${FIXTURE_REPORTS}PROVENANCE.tsv`).map((e) => FIXTURE_REPORTS + e.relativePath),
    ...readManifest(`${SHARED_CORPUS}MANIFEST.tsv`).map((e) => SHARED_CORPUS + e.relativePath),
  ];
  it(`(${corpora.length} files)`, async () => {
    let reports = 0;
    let records = 0;
    for (const path of corpora) {
      const parsed = await parseReport(new Uint8Array(readFileSync(path)), { fileName: path });
      if (!parsed.ok) continue;
      for (const report of parsed.reports) {
        // As a backup line carries them: through JSON.
        const rows = JSON.parse(
          JSON.stringify(toReportRows(report, { fileName: path, fileWarnings: parsed.warnings, importedAt: 1 })),
        ) as ReportRows;
        expect([path, shapeProblem(STORED_REPORT, rows.report, true)]).toEqual([path, undefined]);
        for (const batch of rows.batches) {
          expect([path, shapeProblem(RECORD_BATCH, batch, true)]).toEqual([path, undefined]);
          records += batch.records.length;
        }
        reports++;
      }
    }
    // The committed fixtures alone hold 114 reports and 3,259 records; with ../shared/corpus beside them, over 250
    // reports. Either way, far more than none: a shape that refused everything would fail here.
    const withSharedCorpus = existsSync(`${SHARED_CORPUS}MANIFEST.tsv`);
    expect(reports).toBeGreaterThan(withSharedCorpus ? 250 : 100);
    expect(records).toBeGreaterThan(3000);
  }, 120_000);
});

describe('a database an older schema left with rows an older restore let through malformed', () => {
  for (const version of [1, 2] as const) {
    it(`opens from version ${version}: the upgrade leaves the malformed records behind and reads pass over their report`, async () => {
      const good = toReportRows(
        aggregate('good.example', '1', [record({ count: 3 }), record({ sourceIp: '192.0.2.9', count: 4 })]),
        { fileName: 'g.xml', importedAt: 1 },
      );
      const bad = toReportRows(aggregate('bad.example', '1', [record({ count: 5 })]), {
        fileName: 'b.xml',
        importedAt: 1,
      });
      const name = `backup-test-old-${++counter}`;
      const old = await openDB<ReportDbSchema>(name, version, {
        upgrade(db, _old, _new, tx) {
          for (const step of migrations.slice(0, version)) void step(db, tx);
        },
      });
      const brokenBatch = structuredClone(bad.batches[0]!);
      (brokenBatch.records[0]!.reasons as unknown[]) = [null];
      const brokenReport = { ...structuredClone(bad.report), report: {} };
      const tx = old.transaction(
        version === 1 ? ['reports', 'records'] : ['reports', 'records', 'recordDigests'],
        'readwrite',
      );
      await Promise.all([
        tx.objectStore('reports').put(good.report),
        tx.objectStore('reports').put(brokenReport as never),
        tx.objectStore('records').put(good.batches[0]!),
        tx.objectStore('records').put(brokenBatch),
        ...(version === 2 ? [tx.objectStore('recordDigests').put(toRecordDigest(good.batches[0]!))] : []),
        tx.done,
      ]);
      old.close();
      const db = await openReportDatabase(name);
      open.push(db);
      expect(db.version).toBe(4);
      expect(await readEverything(db)).toEqual({
        domains: ['example.com'],
        reports: 1,
        aggregates: 1,
        failures: 0,
        tls: 0,
        records: 2,
        counts: { reports: 1, records: 2 },
      });
      expect((await readRecordsOfReport(db, good.report.key)).map((r) => r.record.count)).toEqual([3, 4]);
    });
  }
});
