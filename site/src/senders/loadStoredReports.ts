// Aggregate reports of one domain and period with their records, rebuilt from the store (which keeps records in
// batches apart from their reports), in the shape core/analysis takes.
import type { AggregateReport } from '../../../core/report';
import { splitByImport, type Period } from '../../../core/analysis';
import { forEachRecordChunk, listAggregateReports, type StoredAggregateReport } from '../../../core/store';
import { getDatabase } from '../app/database';

export interface LoadedReport {
  stored: StoredAggregateReport;
  report: AggregateReport;
}

export async function loadStoredReports(domain: string | null, period: Period): Promise<LoadedReport[]> {
  const db = await getDatabase();
  const stored = await listAggregateReports(db, domain, period);
  const byKey = new Map<string, LoadedReport>();
  for (const s of stored) byKey.set(s.key, { stored: s, report: { ...s.report, records: [] } });
  await forEachRecordChunk(db, domain, period, (chunk) => {
    for (const item of chunk) byKey.get(item.reportKey)?.report.records.push(item.record);
  });
  return [...byKey.values()];
}

/**
 * Splits stored reports into those of the newest import and everything before it. Every report of one import carries
 * the time that import began as its importedAt, so an import is exactly the reports sharing the newest one.
 */
export function splitByLastImport(reports: readonly LoadedReport[]): {
  previous: AggregateReport[];
  imported: AggregateReport[];
} {
  return splitByImport(reports.map((r) => ({ importedAt: r.stored.importedAt, report: r.report })));
}
