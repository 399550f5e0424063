import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import { countReportsByDomain, deleteReports, endedBefore, reportKeysWhere } from '../../../core/store/pruneReports';
import { countStored, listDomains, readRawXml, readRecordsOfReport } from '../../../core/store/queries';
import { saveFiles, type FileRows } from '../../../core/store/saveReportRows';
import { openReportDatabase, type ReportDatabase } from '../../../core/store/schema';
import { toReportRows } from '../../../core/store/toStoredReport';
import { FIXTURE_REPORTS } from '../../corpus/readManifest';

// Real reports; figures counted from their XML (and in PROVENANCE.tsv): google.com's 2 records and 27 messages and
// comcast.net's 1 and 1 for secure.200permits.com, ending 22 and 21 December 2025; resend's sample, 5 records and 1,672
// messages for example.com, ending 2 February 2024; LinkedIn's failure report for example.com, arrived 30 April 2019.
const GOOGLE = 'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml';
const COMCAST = 'jonzobrist__DMARC-Report-Manager/comcast.net!secure.200permits.com!1766188800!1766275200.xml';
const RESEND = 'resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml';
const LINKEDIN = 'domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml';

let db: ReportDatabase;
let counter = 0;
/** The stored keys of each file's one report. */
const keyOf = new Map<string, string>();

async function rowsOf(path: string): Promise<FileRows> {
  const bytes = new Uint8Array(readFileSync(`${FIXTURE_REPORTS}${path}`));
  const parsed = await parseReport(bytes, { fileName: path });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const rows = parsed.reports.map((report) => toReportRows(report, { fileName: path, importedAt: 1 }));
  keyOf.set(path, rows[0]!.report.key);
  return { rows, source: { fileName: path, bytes } };
}

beforeEach(async () => {
  db = await openReportDatabase(`prune-${++counter}`);
  await saveFiles(db, await Promise.all([GOOGLE, COMCAST, RESEND, LINKEDIN].map(rowsOf)));
});
afterEach(() => db.close());

describe('countReportsByDomain', () => {
  it('counts reports, records and messages per domain', async () => {
    expect(await countReportsByDomain(db)).toEqual([
      { domain: 'example.com', aggregate: 1, failure: 1, tls: 0, records: 5, messages: 1672 },
      { domain: 'secure.200permits.com', aggregate: 2, failure: 0, tls: 0, records: 3, messages: 28 },
    ]);
  });

  it('counts only the reports asked for: those that ended before a day', async () => {
    const cutoff = Date.UTC(2025, 0, 1) / 1000;
    expect(await countReportsByDomain(db, (report) => endedBefore(report, cutoff))).toEqual([
      { domain: 'example.com', aggregate: 1, failure: 1, tls: 0, records: 5, messages: 1672 },
    ]);
    const before2020 = Date.UTC(2020, 0, 1) / 1000;
    expect(await countReportsByDomain(db, (report) => endedBefore(report, before2020))).toEqual([
      { domain: 'example.com', aggregate: 0, failure: 1, tls: 0, records: 0, messages: 0 },
    ]);
  });
});

describe('endedBefore', () => {
  it('never takes a report without a date for an old one', () => {
    expect(endedBefore({ end: 0 }, 1_700_000_000)).toBe(false);
    expect(endedBefore({ end: 1_699_999_999 }, 1_700_000_000)).toBe(true);
    expect(endedBefore({ end: 1_700_000_000 }, 1_700_000_000)).toBe(false);
  });
});

describe('deleteReports', () => {
  it('deletes exactly the reports asked for, with their records, raw XML and kept files', async () => {
    const google = keyOf.get(GOOGLE)!;
    const comcast = keyOf.get(COMCAST)!;
    expect(await readRecordsOfReport(db, google)).toHaveLength(2);
    expect(await deleteReports(db, [google, 'not stored'])).toBe(1);
    expect(await countStored(db)).toEqual({ reports: 3, records: 6 });
    expect(await readRecordsOfReport(db, google)).toEqual([]);
    expect(await readRawXml(db, google)).toBeUndefined();
    // The other report of the same domain, span of days and batch keeps its records and its XML.
    expect((await readRecordsOfReport(db, comcast)).map((r) => r.record.count)).toEqual([1]);
    expect(await readRawXml(db, comcast)).toMatch(/<feedback/);
    const files = (await db.getAll('sources')).flatMap((source) => source.files);
    expect(files.filter((file) => file !== null).map((file) => file.fileName)).not.toContain(GOOGLE);
    expect(await countReportsByDomain(db)).toEqual([
      { domain: 'example.com', aggregate: 1, failure: 1, tls: 0, records: 5, messages: 1672 },
      { domain: 'secure.200permits.com', aggregate: 1, failure: 0, tls: 0, records: 1, messages: 1 },
    ]);
    expect(await deleteReports(db, [comcast])).toBe(1);
    expect(await listDomains(db)).toEqual(['example.com']);
    expect(
      await db.count('recordChunks', IDBKeyRange.bound(['secure.200permits.com'], ['secure.200permits.com', []])),
    ).toBe(0);
  });

  it('deletes what reportKeysWhere chose: here every report that ended before 2025', async () => {
    const cutoff = Date.UTC(2025, 0, 1) / 1000;
    const keys = await reportKeysWhere(db, (report) => endedBefore(report, cutoff));
    expect(keys).toContain(keyOf.get(RESEND));
    expect(keys).not.toContain(keyOf.get(GOOGLE));
    expect(await deleteReports(db, keys)).toBe(keys.length);
    expect(await reportKeysWhere(db, (report) => endedBefore(report, cutoff))).toEqual([]);
    expect(keys).toHaveLength(2);
    expect((await countStored(db)).records).toBe(3);
  });

  it('does nothing for no keys', async () => {
    expect(await deleteReports(db, [])).toBe(0);
    expect(await countStored(db)).toEqual({ reports: 4, records: 8 });
  });
});
