// What a set of stored reports amounts to, as the parameters of the catalogue's `housekeeping.counts` sentence.
import type { StoredReport } from '../../../core/store';

export interface ReportCounts {
  aggregate: number;
  failure: number;
  tls: number;
  messages: number;
}

export function countsOf(reports: Iterable<StoredReport>): ReportCounts {
  const counts: ReportCounts = { aggregate: 0, failure: 0, tls: 0, messages: 0 };
  for (const report of reports) {
    counts[report.kind]++;
    if (report.kind === 'aggregate') counts.messages += report.messageCount;
  }
  return counts;
}

/** The sum of per-domain counts (core/store countReportsByDomain). */
export function sumCounts(rows: Iterable<ReportCounts>): ReportCounts {
  const total: ReportCounts = { aggregate: 0, failure: 0, tls: 0, messages: 0 };
  for (const row of rows) {
    total.aggregate += row.aggregate;
    total.failure += row.failure;
    total.tls += row.tls;
    total.messages += row.messages;
  }
  return total;
}

/** The parameters of `housekeeping.counts` (a plain object, as the translator takes). */
export function countParams(counts: ReportCounts): {
  aggregate: number;
  failure: number;
  tls: number;
  messages: number;
} {
  return { aggregate: counts.aggregate, failure: counts.failure, tls: counts.tls, messages: counts.messages };
}
