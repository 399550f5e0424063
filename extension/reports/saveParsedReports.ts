// Stores parsed reports in this extension's own IndexedDB (core/store), deduplicated by report key.
import { openReportDatabase, type ReportDatabase, saveReportRows, toReportRows } from '../../core/store';
import type { ParsedReport } from '../../core/report';
import { tellOtherTabs } from '../../site/src/app/otherTabs';

let database: Promise<ReportDatabase> | undefined;

/** One connection per extension context (background, popup, dashboard), opened on first use. */
export function extensionDatabase(): Promise<ReportDatabase> {
  database ??= openReportDatabase();
  return database;
}

export async function saveParsedReports(
  fileName: string,
  reports: readonly ParsedReport[],
  fileWarnings: readonly string[],
): Promise<{ keys: string[]; added: number }> {
  const importedAt = Date.now();
  const rows = reports.map((parsed) => toReportRows(parsed, { fileName, fileWarnings, importedAt }));
  const outcomes = await saveReportRows(await extensionDatabase(), rows);
  // A dashboard open in a tab shows them without a reload.
  if (outcomes.includes('imported')) tellOtherTabs('data');
  return {
    keys: rows.map((row) => row.report.key),
    added: outcomes.filter((outcome) => outcome === 'imported').length,
  };
}
