import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupLines, looksLikeBackupFile, restoreBackup } from '../../../core/store/backup';
import { deleteDomain, deleteEverything } from '../../../core/store/deleteReports';
import {
  countStored,
  forEachDigestChunk,
  listAggregateReports,
  listDomains,
  listTlsReports,
  readRawXml,
  readRecords,
  readRecordsOfReport,
  REPORTS_PER_REQUEST,
} from '../../../core/store/queries';
import { getReport } from '../../../core/store/reportPacks';
import { saveFiles, saveReportRows } from '../../../core/store/saveReportRows';
import { DB_VERSION, openReportDatabase, type ReportDatabase } from '../../../core/store/schema';
import { RECORDS_PER_CHUNK } from '../../../core/store/rowSizes';
import { ALL_TIME } from '../../../core/analysis/period';
import { summarizeRecords } from '../../../core/analysis/summarizeRecords';
import { SOURCE_MAX_BYTES, toReportRows } from '../../../core/store/toStoredReport';
import { parseReport } from '../../../core/report/parseReport';
import { FIXTURE_REPORTS } from '../../corpus/readManifest';
import { aggregate, DAY, MARCH_1, record, tls } from './storeFixtures';

let db: ReportDatabase;
let name: string;
let counter = 0;

beforeEach(async () => {
  name = `test-${++counter}`;
  db = await openReportDatabase(name);
});
afterEach(() => db.close());

const file = { fileName: 'r.xml', importedAt: 1 };

describe('schema', () => {
  it('creates every store at the current version and keeps data when reopened', async () => {
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['rawXml', 'recordChunks', 'reportPacks', 'sources']);
    await saveReportRows(db, [toReportRows(aggregate('google.com', '1', [record()]), file)]);
    db.close();
    db = await openReportDatabase(name);
    expect(await countStored(db)).toEqual({ reports: 1, records: 1 });
  });
});

describe('saveReportRows', () => {
  it('stores a report once: the same org + report id again is a duplicate', async () => {
    const first = await saveReportRows(db, [toReportRows(aggregate('google.com', '1', [record({ count: 5 })]), file)]);
    const again = await saveReportRows(db, [
      toReportRows(aggregate('google.com', '1', [record({ count: 5 })]), { ...file, fileName: 'copy.xml' }),
      toReportRows(aggregate('google.com', '2', [record({ count: 3 })]), file),
      toReportRows(aggregate('google.com', '2', [record({ count: 3 })]), file),
    ]);
    expect(first).toEqual(['imported']);
    expect(again).toEqual(['duplicate', 'imported', 'duplicate']);
    expect(await countStored(db)).toEqual({ reports: 2, records: 2 });
  });

  it('keys on org name and report id with case preserved', async () => {
    const outcomes = await saveReportRows(db, [
      toReportRows(aggregate('Example', 'abc', [record()]), file),
      toReportRows(aggregate('Example', 'ABC', [record()]), file),
      toReportRows(aggregate('other.org', 'abc', [record()]), file),
    ]);
    expect(outcomes).toEqual(['imported', 'imported', 'imported']);
  });

  it('keeps a report’s file and reads its XML back from it, for every container', async () => {
    for (const fixture of [
      'estadocuenta1.infonacot.gob.mx!example.com!1536853302!1536939702!2940.xml.zip',
      'Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml',
    ]) {
      const bytes = new Uint8Array(readFileSync(`${FIXTURE_REPORTS}domainaware__parsedmarc/${fixture}`));
      const parsed = await parseReport(bytes, { fileName: fixture });
      if (!parsed.ok) throw new Error(parsed.error.message);
      const [report] = parsed.reports;
      const rows = toReportRows(report!, file);
      expect(await saveFiles(db, [{ rows: [rows], source: { fileName: fixture, bytes } }])).toEqual([['imported']]);
      const stored = await getReport(db, rows.report.key);
      expect(stored?.kind === 'aggregate' && stored.hasRawXml).toBe(true);
      const xml = await readRawXml(db, rows.report.key);
      expect(xml).toMatch(/^\s*(<\?xml[^>]*>\s*)?<feedback/);
      const again = await parseReport(new TextEncoder().encode(xml), { fileName: 'again.xml' });
      expect(again.ok && again.reports[0]!.report).toEqual(report!.report);
    }
    expect(await db.count('sources')).toBe(2);
  });

  it('keeps no file when all its reports were stored already, or when it is too large', async () => {
    const rows = toReportRows(aggregate('a.org', '1', [record()]), file);
    await saveReportRows(db, [rows]);
    expect(await saveFiles(db, [{ rows: [rows], source: { fileName: 'a.xml', bytes: new Uint8Array([60]) } }])).toEqual(
      [['duplicate']],
    );
    const big = toReportRows(aggregate('b.org', '1', [record()]), file);
    await saveFiles(db, [{ rows: [big], source: { fileName: 'b.xml', bytes: new Uint8Array(SOURCE_MAX_BYTES + 1) } }]);
    expect(await db.count('sources')).toBe(0);
    expect(await readRawXml(db, big.report.key)).toBeUndefined();
  });

  it('reads the XML schema 1–2 kept for a report', async () => {
    const rows = toReportRows(aggregate('a.org', '1', [record()]), file);
    await saveReportRows(db, [rows]);
    await db.put('rawXml', { key: rows.report.key, xml: '<feedback/>' });
    expect(await readRawXml(db, rows.report.key)).toBe('<feedback/>');
    expect(await readRawXml(db, 'unknown')).toBeUndefined();
  });

  it('keeps a file while one of its reports is stored, and backs it up', async () => {
    const a = toReportRows(aggregate('a.org', '1', [record()], { domain: 'a.test' }), file);
    const b = toReportRows(aggregate('b.org', '1', [record()], { domain: 'b.test' }), file);
    const other = toReportRows(aggregate('c.org', '1', [record()], { domain: 'c.test' }), file);
    const bytes = new Uint8Array([1, 2, 3, 250]);
    await saveFiles(db, [
      { rows: [a, b], source: { fileName: 'm.mbox', bytes } },
      { rows: [other], source: { fileName: 'c.xml', bytes: new Uint8Array([60]) } },
    ]);
    const [row] = await db.getAll('sources');
    expect(row?.files).toEqual([
      { fileName: 'm.mbox', bytes, reportKeys: [a.report.key, b.report.key] },
      { fileName: 'c.xml', bytes: new Uint8Array([60]), reportKeys: [other.report.key] },
    ]);
    const lines: string[] = [];
    for await (const chunk of backupLines(db, 5)) lines.push(...chunk.split('\n').filter(Boolean));
    const fresh = await openReportDatabase(`${name}-sources`);
    expect(await restoreBackup(fresh, lines)).toMatchObject({ ok: true, imported: 3 });
    expect(await fresh.getAll('sources')).toEqual([row]);
    fresh.close();
    await deleteDomain(db, 'a.test');
    expect((await db.get('sources', row!.id))?.files.map((f) => f?.reportKeys)).toEqual([
      [b.report.key],
      [other.report.key],
    ]);
    await deleteDomain(db, 'c.test');
    expect((await db.get('sources', row!.id))?.files.map((f) => f?.reportKeys ?? null)).toEqual([[b.report.key], null]);
    await deleteDomain(db, 'b.test');
    expect(await db.count('sources')).toBe(0);
  });
});

describe('queries', () => {
  beforeEach(async () => {
    const rows = [];
    for (let day = 0; day < 40; day++) {
      rows.push(
        toReportRows(
          aggregate(
            'google.com',
            `g${day}`,
            [record({ count: 10 }), record({ sourceIp: '198.51.100.7', count: 1, dkim: 'fail', spf: 'fail' })],
            {
              begin: MARCH_1 + day * DAY,
            },
          ),
          file,
        ),
      );
    }
    rows.push(
      toReportRows(
        aggregate('yahoo.com', 'y1', [record({ count: 7 })], { domain: 'Example.NET', begin: MARCH_1 }),
        file,
      ),
    );
    rows.push(toReportRows(tls('google.com', 't1'), file));
    await saveReportRows(db, rows);
  });

  it('lists domains, lower-cased', async () => {
    expect(await listDomains(db)).toEqual(['example.com', 'example.net']);
  });

  it('reads one domain over a period as a key range', async () => {
    const tenDays = { from: MARCH_1 + 5 * DAY, to: MARCH_1 + 15 * DAY };
    const records = await readRecords(db, 'example.com', tenDays);
    expect(records).toHaveLength(20);
    expect(records.every((r) => r.domain === 'example.com')).toBe(true);
    const all = await readRecords(db, null, ALL_TIME);
    expect(all).toHaveLength(81);
  });

  it('reads in chunks larger sets than one request returns', async () => {
    const many = Array.from({ length: 9000 }, (_, i) => record({ sourceIp: `10.0.${i >> 8}.${i & 255}` }));
    await saveReportRows(db, [toReportRows(aggregate('big.example', 'b', many, { domain: 'big.test' }), file)]);
    const chunks: number[] = [];
    const records = await readRecords(db, 'big.test', ALL_TIME, (chunk) => chunks.push(chunk.length));
    expect(records).toHaveLength(9000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(new Set(records.map((r) => r.id[3])).size).toBe(9000);
  });

  it('summarizes totals, days and sources that add up', async () => {
    const period = { from: MARCH_1, to: MARCH_1 + 30 * DAY };
    const summary = summarizeRecords(await readRecords(db, 'example.com', period), period);
    expect(summary.totals.messages).toBe(330);
    expect(summary.totals.dmarcPass).toBe(300);
    expect(summary.totals.sources).toBe(2);
    expect(summary.totals.reports).toBe(30);
    expect(summary.daily).toHaveLength(30);
    expect(summary.daily.reduce((s, d) => s + d.pass + d.fail + d.quarantined + d.rejected, 0)).toBe(330);
    expect(summary.sources.reduce((s, g) => s + g.messages, 0)).toBe(330);
    // Neither IP is in the sender catalogue, and no ASN table is given: each is a source of its own, as on the Senders page.
    expect(summary.sources[0]).toMatchObject({
      key: 'ip:192.0.2.1',
      name: '192.0.2.1',
      messages: 300,
      sourceClass: 'compliant',
    });
  });

  it('spreads a multi-day report over its days and counts only the share inside the period', async () => {
    await saveReportRows(db, [
      toReportRows(
        aggregate('week.org', 'w', [record({ count: 70 })], {
          domain: 'week.test',
          begin: MARCH_1,
          end: MARCH_1 + 7 * DAY - 1,
        }),
        file,
      ),
    ]);
    const whole = summarizeRecords(await readRecords(db, 'week.test'), ALL_TIME);
    expect(whole.daily.map((d) => d.pass)).toEqual([10, 10, 10, 10, 10, 10, 10]);
    const threeDays = { from: MARCH_1 + 2 * DAY, to: MARCH_1 + 5 * DAY };
    expect(summarizeRecords(await readRecords(db, 'week.test', threeDays), threeDays).totals.messages).toBe(30);
  });

  it('lists reports by kind and domain', async () => {
    expect(await listAggregateReports(db, 'example.net')).toHaveLength(1);
    expect(await listAggregateReports(db, null)).toHaveLength(41);
    const tlsReports = await listTlsReports(db, 'example.com');
    expect(tlsReports[0]).toMatchObject({ successfulSessions: 10, failedSessions: 2 });
  });

  /** One import per size given, of that many reports of packs.test ending in the same week: a pack each. */
  async function importPacks(sizes: number[]): Promise<void> {
    for (const [batch, size] of sizes.entries()) {
      const rows = Array.from({ length: size }, (_, i) =>
        toReportRows(
          aggregate('pack.example', `p${String(batch).padStart(3, '0')}-${i}`, [record({ count: 1 })], {
            domain: 'packs.test',
            begin: MARCH_1 + (i % 5) * DAY,
          }),
          file,
        ),
      );
      await saveReportRows(db, rows);
    }
  }

  /** The aggregate reports of packs.test, with the reports each request read. */
  async function readCountingRequests() {
    const perRequest: number[] = [];
    const counting = new Proxy(db, {
      get(target, property) {
        if (property === 'getAll')
          return async (...args: Parameters<ReportDatabase['getAll']>) => {
            const packs = await target.getAll(...args);
            perRequest.push(packs.reduce((sum, pack) => sum + (pack as { reports: unknown[] }).reports.length, 0));
            return packs;
          };
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    return { reports: await listAggregateReports(counting, 'packs.test'), perRequest };
  }

  it('reads reports in requests of about REPORTS_PER_REQUEST, however full the packs, each report once', async () => {
    // 30 imports of 100 reports ending in the same week: 30 packs of 100 (one per import), which 64 packs a request
    // read in one request of 3,000 reports, all decoded in one task of a page's main thread; one pack a request would
    // make 30 requests.
    await importPacks(Array.from({ length: 30 }, () => 100));
    const { reports, perRequest } = await readCountingRequests();
    expect(reports).toHaveLength(3000);
    expect(new Set(reports.map((r) => r.key)).size).toBe(3000);
    expect(perRequest.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(Math.max(...perRequest)).toBeLessThanOrEqual(REPORTS_PER_REQUEST);
    expect(perRequest.length).toBeLessThanOrEqual(Math.ceil(3000 / REPORTS_PER_REQUEST) + 2);
  });

  it('reads about REPORTS_PER_REQUEST reports a request when a small pack comes first', async () => {
    // One import of 2 reports, then 20 of 100, all ending in the same week: the small pack is read first (its keys sort
    // first). Sized by that pack alone, the next request read 100 packs, all 2,000 other reports in one task.
    await importPacks([2, ...Array.from({ length: 20 }, () => 100)]);
    const { reports, perRequest } = await readCountingRequests();
    expect(reports).toHaveLength(2002);
    expect(perRequest[0]).toBe(2);
    expect(Math.max(...perRequest)).toBeLessThanOrEqual(REPORTS_PER_REQUEST);
  });

  it('reads record digests in requests of one chunk at most, each record once', async () => {
    // 6 imports of 100 reports of 20 records ending in the same week: chunks of up to 4,000 records, which two chunks a
    // request read in requests of 8,000 records, each decoded in one task of a page's main thread.
    for (let batch = 0; batch < 6; batch++) {
      const rows = Array.from({ length: 100 }, (_, i) =>
        toReportRows(
          aggregate(
            'chunk.example',
            `c${batch}-${i}`,
            Array.from({ length: 20 }, (_, n) => record({ sourceIp: `198.51.100.${n}`, count: n + 1 })),
            { domain: 'chunks.test', begin: MARCH_1 + (i % 5) * DAY },
          ),
          file,
        ),
      );
      await saveReportRows(db, rows);
    }
    const perRequest: number[] = [];
    const counting = new Proxy(db, {
      get(target, property) {
        if (property === 'getAll')
          return async (...args: Parameters<ReportDatabase['getAll']>) => {
            const rows = await target.getAll(...args);
            if (args[0] === 'recordChunks')
              perRequest.push(
                rows.reduce(
                  (sum, chunk) =>
                    sum +
                    (chunk as { digests: Array<{ profileOf: ArrayLike<number> }> }).digests.reduce(
                      (n, digest) => n + digest.profileOf.length,
                      0,
                    ),
                  0,
                ),
              );
            return rows;
          };
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const handed: string[] = [];
    let messages = 0;
    await forEachDigestChunk(counting, 'chunks.test', ALL_TIME, (digests) => {
      for (const digest of digests) {
        handed.push(digest.reportKey);
        for (const count of digest.counts) messages += count;
      }
    });
    expect(handed).toHaveLength(600);
    expect(new Set(handed).size).toBe(600);
    expect(messages).toBe(600 * 210);
    expect(perRequest.reduce((a, b) => a + b, 0)).toBe(12_000);
    expect(Math.max(...perRequest)).toBe(RECORDS_PER_CHUNK);
  });

  it('deletes one domain with its records, or everything', async () => {
    const [one] = await listAggregateReports(db, 'example.com');
    expect(await deleteDomain(db, 'example.com')).toBe(41);
    expect(await readRecordsOfReport(db, one!.key)).toEqual([]);
    expect(await listDomains(db)).toEqual(['example.net']);
    expect(await countStored(db)).toEqual({ reports: 1, records: 1 });
    await deleteEverything(db);
    expect(await countStored(db)).toEqual({ reports: 0, records: 0 });
  });

  it('backs up and restores everything, skipping what is already there', async () => {
    const lines: string[] = [];
    for await (const chunk of backupLines(db, 5)) lines.push(...chunk.split('\n').filter(Boolean));
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'dmarc-lens-backup', version: 1, schemaVersion: DB_VERSION });
    // The import worker tells a backup from a report by its bytes.
    const encode = (text: string) => new TextEncoder().encode(text);
    for (const head of [lines[0]!, `\ufeff \r\n${lines[0]!}`])
      expect(looksLikeBackupFile(encode(`${head}\n${lines[1]!}`))).toBe(true);
    for (const other of ['<feedback/>', '{"format":"other"}', ' x{', ''])
      expect(looksLikeBackupFile(encode(other))).toBe(false);
    expect(
      looksLikeBackupFile(
        readFileSync(
          `${FIXTURE_REPORTS}domainaware__parsedmarc/fastmail.com!example.com!1516060800!1516147199!102675056.xml.gz`,
        ),
      ),
    ).toBe(false);
    const before = await countStored(db);

    const fresh = await openReportDatabase(`${name}-restored`);
    const restored = await restoreBackup(fresh, lines);
    expect(restored).toEqual({ ok: true, imported: 42, duplicates: 0, records: 81, skippedLines: 0 });
    expect(await countStored(fresh)).toEqual(before);
    expect(await restoreBackup(fresh, lines)).toMatchObject({ ok: true, imported: 0, duplicates: 42, records: 0 });
    expect(await countStored(fresh)).toEqual(before);
    fresh.close();
  });

  it('refuses what is not a backup, and a backup with a row that is not valid, naming the line and storing nothing', async () => {
    expect(await restoreBackup(db, ['hello'], 'x.txt')).toMatchObject({ ok: false, error: { code: 'not-a-backup' } });
    expect(await restoreBackup(db, ['{"format":"dmarc-lens-backup","version":99,"schemaVersion":1}'])).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    const before = await countStored(db);
    const header = '{"format":"dmarc-lens-backup","version":1,"schemaVersion":1,"exportedAt":0}';
    expect(await restoreBackup(db, [header, '{"store":"reports","value":{"key":1}}'], 'b.jsonl')).toEqual({
      ok: false,
      error: {
        code: 'invalid-backup',
        message:
          'b.jsonl, line 2: the "reports" row is not valid: kind is missing. Nothing from this backup was restored.',
      },
    });
    expect(await restoreBackup(db, [header, '', '{"store":"records","value":{"id":"nope"}}'], 'b.jsonl')).toMatchObject(
      {
        error: {
          message:
            'b.jsonl, line 3: the "records" row is not valid: id is the text "nope", not a list of 4 items. Nothing from this backup was restored.',
        },
      },
    );
    expect(await restoreBackup(db, [header, 'not json'], 'b.jsonl')).toMatchObject({
      error: {
        message:
          'b.jsonl, line 2: this line is not a complete row (the file may have been cut short or edited). Nothing from this backup was restored.',
      },
    });
    expect(await countStored(db)).toEqual(before);
  });
});
