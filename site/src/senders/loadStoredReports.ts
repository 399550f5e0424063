// Aggregate reports of one domain and period with their records, rebuilt from the store (which keeps records in
// batches apart from their reports), in the shape core/analysis takes.
import type { AggregateReport } from '../../../core/report/types';
import type { Period } from '../../../core/analysis/period';
import { forEachRecordChunk, listAggregateReports } from '../../../core/store/queries';
import type { StoredAggregateReport } from '../../../core/store/schema';
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

/** Reports imported within this long of the newest import count as one import (an import stores over time). */
export const IMPORT_WINDOW_MS = 10 * 60 * 1000;

/** Splits stored reports into those of the newest import and everything before it. */
export function splitByLastImport(reports: readonly LoadedReport[]): {
  previous: AggregateReport[];
  imported: AggregateReport[];
} {
  const newest = reports.reduce((max, r) => Math.max(max, r.stored.importedAt), 0);
  const previous: AggregateReport[] = [];
  const imported: AggregateReport[] = [];
  for (const r of reports) (r.stored.importedAt >= newest - IMPORT_WINDOW_MS ? imported : previous).push(r.report);
  return { previous, imported };
}
