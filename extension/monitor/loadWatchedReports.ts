// The stored aggregate reports the watch judges, rebuilt with their records from the extension's database. Per domain
// only the days the judgement looks at: counted back from the domain's newest report, a source's latest day within
// SOURCE_GONE_AFTER_DAYS, and the recent days with the spoofing baseline before them.
import { SOURCE_GONE_AFTER_DAYS, SPOOFING_BASELINE_DAYS, type WatchThresholds } from '../../core/analysis';
import type { AggregateReport } from '../../core/report';
import { forEachRecordChunk, listAggregateReports, listDomains, type ReportDatabase } from '../../core/store';

const DAY = 86_400;

export interface WatchedReports {
  /** Every domain with aggregate reports. */
  domains: string[];
  reports: AggregateReport[];
}

export async function loadWatchedReports(db: ReportDatabase, thresholds: WatchThresholds): Promise<WatchedReports> {
  const domains: string[] = [];
  const lookBack = (Math.max(SOURCE_GONE_AFTER_DAYS, thresholds.recentDays + SPOOFING_BASELINE_DAYS) + 1) * DAY;
  const reports: AggregateReport[] = [];
  for (const domain of await listDomains(db)) {
    const stored = await listAggregateReports(db, domain);
    const newest = stored[stored.length - 1];
    if (newest === undefined) continue;
    domains.push(domain);
    const period = { from: newest.end - lookBack, to: newest.end + 1 };
    const byKey = new Map<string, AggregateReport>();
    for (const s of stored) if (s.end >= period.from) byKey.set(s.key, { ...s.report, records: [] });
    await forEachRecordChunk(db, domain, period, (chunk) => {
      for (const item of chunk) byKey.get(item.reportKey)?.records.push(item.record);
    });
    reports.push(...byKey.values());
  }
  return { domains, reports };
}
