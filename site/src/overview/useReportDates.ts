// The dates and sizes of every stored aggregate report (their heads, not their records), read once per change of
// stored data and shared by the pages that need them: the period "the last 30 days with data", the chart's range
// and its note about reports outside it, and domains ordered busiest first.
import { useEffect, useState } from 'preact/hooks';
import { listAggregateReports } from '../../../core/store';
import { lastDaysWithData, type Period } from '../../../core/analysis';
import { dataVersion, getDatabase } from '../app/database';
import { useObservable } from '../app/Observable';

export interface DatedReport {
  domain: string;
  begin: number;
  end: number;
  messages: number;
}

export interface ReportDates {
  reports: DatedReport[];
  /** Messages stored per domain (every report, whatever its dates), busiest first. */
  volumes: Array<{ domain: string; messages: number }>;
}

let cached: { version: number; dates: Promise<ReportDates> } | undefined;

/** The stored reports' dates as of data version `version` (read once per version, whoever asks). */
export function loadReportDates(version: number): Promise<ReportDates> {
  if (cached?.version !== version) cached = { version, dates: readReportDates() };
  return cached.dates;
}

async function readReportDates(): Promise<ReportDates> {
  const stored = await listAggregateReports(await getDatabase(), null);
  const reports = stored.map((r) => ({ domain: r.domain, begin: r.begin, end: r.end, messages: r.messageCount }));
  const byDomain = new Map<string, number>();
  for (const report of reports) byDomain.set(report.domain, (byDomain.get(report.domain) ?? 0) + report.messages);
  const volumes = [...byDomain]
    .map(([domain, messages]) => ({ domain, messages }))
    .sort((a, b) => b.messages - a.messages || (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  return { reports, volumes };
}

/** The stored reports' dates, undefined until read; read again when stored data changes. */
export function useReportDates(): ReportDates | undefined {
  const version = useObservable(dataVersion);
  const [dates, setDates] = useState<{ version: number; dates: ReportDates }>();
  useEffect(() => {
    let live = true;
    void loadReportDates(version).then((read) => live && setDates({ version, dates: read }));
    return () => {
      live = false;
    };
  }, [version]);
  // While a new version is read, the previous dates stand (the page does not empty itself for every import batch).
  return dates?.dates;
}

/** The reports of `domain` (every domain when null). */
export function reportsOf(dates: ReportDates, domain: string | null): DatedReport[] {
  return domain === null ? dates.reports : dates.reports.filter((r) => r.domain === domain);
}

/** The last 30 days with data of `domain` (every domain when null), by the clock `now` (milliseconds). */
export function recentPeriodOf(dates: ReportDates, domain: string | null, now = Date.now()): Period | undefined {
  return lastDaysWithData(reportsOf(dates, domain), now / 1000);
}
