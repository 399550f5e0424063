// `dmarc-lens parse --format backup`: the CLI's backup of real report files passes the site's own restore (every row
// checked against its shape, records counted against their report), and restores to exactly what importing the same
// files in the site stores; a report in two files is written once.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../cli/main';
import { parseReport } from '../../core/report/parseReport';
import { restoreBackup } from '../../core/store/backup';
import { countStored, listAllReports, readRecords } from '../../core/store/queries';
import { saveFiles } from '../../core/store/saveReportRows';
import { openReportDatabase, type ReportDatabase, type StoredReport } from '../../core/store/schema';
import { toReportRows } from '../../core/store/toStoredReport';
import { FIXTURE_REPORTS, readManifest } from '../corpus/readManifest';

let counter = 0;
const open: ReportDatabase[] = [];
async function freshDatabase(): Promise<ReportDatabase> {
  const db = await openReportDatabase(`cli-backup-${++counter}`);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function backupOf(files: string[]): Promise<{ lines: string[]; err: string[]; code: number }> {
  let text = '';
  const err: string[] = [];
  const io: CliIo = {
    out: { closed: false, write: (t) => void (text += t), ready: () => Promise.resolve() },
    err: (line) => void err.push(line),
  };
  const code = await main(['parse', '--format', 'backup', ...files], io);
  return { lines: text.split('\n'), err, code };
}

/** The files imported as the site's import worker stores them (its rows, with the file's name and warnings). */
async function importAsTheSite(db: ReportDatabase, files: string[]): Promise<void> {
  for (const file of files) {
    const parsed = await parseReport(new Uint8Array(readFileSync(file)), { fileName: file.split('/').pop()! });
    if (!parsed.ok) continue;
    const fileName = file.split('/').pop()!;
    const rows = parsed.reports.map((report) =>
      toReportRows(report, { fileName, fileWarnings: parsed.warnings, importedAt: 1 }),
    );
    await saveFiles(db, [{ rows }]);
  }
}

/** Stored reports and records, by key, without the import time (the CLI's is the time it ran). */
async function stored(db: ReportDatabase) {
  const reports = (await listAllReports(db))
    .map(({ importedAt: _importedAt, source: _source, ...report }: StoredReport & { source?: unknown }) => report)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const records = (await readRecords(db, null)).map((r) => JSON.stringify(r)).sort();
  return { reports, records, counts: await countStored(db) };
}

describe('dmarc-lens parse --format backup', () => {
  // Every fixture file of every kind, many of them the same report as another (copies between projects).
  const files = readManifest(`${FIXTURE_REPORTS}PROVENANCE.tsv`).map((e) => FIXTURE_REPORTS + e.relativePath);

  it('restores through the site’s restore to what importing the same files in the site stores', async () => {
    const { lines, code } = await backupOf(files);
    // Some fixtures are refused on purpose (empty, damaged, not a report): said on stderr, the rest written.
    expect(code).toBe(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'dmarc-lens-backup', version: 1, schemaVersion: 4 });
    const restoredDb = await freshDatabase();
    const result = await restoreBackup(restoredDb, lines, 'cli-backup.jsonl');
    expect(result).toMatchObject({ ok: true, duplicates: 0, skippedLines: 0 });
    const imported = await freshDatabase();
    await importAsTheSite(imported, files);
    const expected = await stored(imported);
    expect(expected.counts.reports).toBeGreaterThan(90);
    const actual = await stored(restoredDb);
    expect(actual.counts).toEqual(expected.counts);
    expect(actual.reports).toEqual(expected.reports);
    expect(actual.records).toEqual(expected.records);
    if (result.ok)
      expect([result.imported, result.records]).toEqual([expected.counts.reports, expected.counts.records]);
  });

  it('writes a report held by two files once, and says so naming the second file', async () => {
    const linkedin = `${FIXTURE_REPORTS}domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml`;
    const crlf = `${FIXTURE_REPORTS}domainaware__parsedmarc/dmarc_ruf_report_linkedin.crlf.eml`;
    const nice = `${FIXTURE_REPORTS}domainaware__parsedmarc/nice-input.xml`;
    const niceGz = `${FIXTURE_REPORTS}domainaware__parsedmarc/nice-input.xml.gz`;
    const { lines, err, code } = await backupOf([linkedin, nice, crlf, niceGz]);
    expect(code).toBe(0);
    const rows = lines
      .slice(1)
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { store: string; value: { key?: string } });
    expect(rows.filter((r) => r.store === 'reports').map((r) => r.value.key?.split('\u0000')[0])).toEqual([
      'failure',
      'aggregate',
    ]);
    expect(err).toEqual([
      `${crlf}: the failure report about example.com is in this backup already (an earlier file held it too); written once`,
      `${niceGz}: the aggregate report 11038226378739404135 from google.com is in this backup already (an earlier file held it too); written once`,
    ]);
    expect(await restoreBackup(await freshDatabase(), lines, 'b.jsonl')).toMatchObject({ ok: true, imported: 2 });
  });
});
