// One row of the domain overview: a domain's figures over a period, as the pages that open from it show them. Each
// figure comes from the function the page behind it uses, so a click on the row lands on the same number: messages,
// DMARC pass and the days from RecordSummarizer (the dashboard), sources and classes from analyzeSenders, readiness
// from assessReadiness, new sources from changesSinceLastImport (the Senders page).
import { normalizeDomain, type AggregateReport, type PolicyPublished, type StoredRecord } from '../report';
import { analyzeSenders } from './analyzeSenders';
import { assessReadiness, describeStep } from './assessReadiness';
import { changesSinceLastImport, splitByImport, type ImportedReport } from './changesSinceLastImport';
import type { ClassCounts } from './classifySource';
import type { GroupSourcesOptions } from './groupSources';
import type { Period } from './period';
import { reportKey } from './reportKey';
import { utcDay } from './spreadOverDays';
import { RecordSummarizer } from './summarizeRecords';

const DAY = 86_400;

/** A policy as a reporter saw it: p, sp and pct with the RFC 7489 §6.3 defaults filled in (sp = p, pct = 100). */
export interface SeenPolicy {
  p: NonNullable<PolicyPublished['p']>;
  sp: NonNullable<PolicyPublished['sp']>;
  pct: number;
  /** The reporters (org names) whose newest report saw it. */
  reporters: string[];
}

/**
 * How long before a domain's newest report the reporters' policies are compared: reports of the same week saw the
 * same DNS record, unless it changed that week.
 */
export const POLICY_WINDOW_DAYS = 7;

export type ReadinessState = 'ready' | 'not-yet' | 'at-reject' | 'no-data';

export interface DomainOverview {
  domain: string;
  /** Messages and DMARC passes inside the period (multi-day reports spread over their days), as on the dashboard. */
  messages: number;
  dmarcPass: number;
  /** Reports with messages inside the period. */
  reports: number;
  /** Messages and passes per UTC day of the spark window, every day of it, empty ones too. */
  spark: Array<{ day: string; messages: number; dmarcPass: number }>;
  /**
   * The policies the reporters' newest reports of the last POLICY_WINDOW_DAYS before the newest report saw, most
   * reporters first; more than one when the reporters disagree.
   */
  policies: SeenPolicy[];
  readiness: {
    state: ReadinessState;
    /** The policy now and the next step, as `p=quarantine t=y` (describeStep). */
    current?: string;
    next?: string;
    blockers: number;
  };
  /** Messages per class of their own (analyzeSenders). */
  byClass: ClassCounts;
  /** Sources first seen in the newest import (changesSinceLastImport). */
  newSources: number;
  /** Sources whose class is misconfigured: the domain's own senders whose mail fails DMARC. */
  failingSources: number;
}

export interface OverviewOptions extends Pick<GroupSourcesOptions, 'asnTable'> {
  period: Period;
  /** The days the sparkline shows (whole UTC days inside the period). */
  sparkWindow: Period;
}

/** A stored aggregate report with its records and the import it came in. */
export interface OverviewReport extends ImportedReport {
  report: AggregateReport;
}

/**
 * The overview row of `domain` from its stored reports overlapping the period (as the dashboard and the Senders page
 * load them for that domain and period); reports of other policy domains are left out.
 */
export function overviewDomain(
  domain: string,
  reports: readonly OverviewReport[],
  options: OverviewOptions,
): DomainOverview {
  const wanted = normalizeDomain(domain);
  const own = reports.filter(
    (r) => r.report.kind === 'aggregate' && normalizeDomain(r.report.policy.domain) === wanted,
  );
  const aggregate = own.map((r) => r.report);
  const tableOption = options.asnTable ? { asnTable: options.asnTable } : {};

  const summarizer = new RecordSummarizer(options.period);
  for (const { report } of own) summarizer.add(storedRecordsOf(report, wanted));
  const { totals, daily } = summarizer.headline();
  const byDay = new Map(daily.map((point) => [point.day, point]));
  const spark: DomainOverview['spark'] = [];
  for (let day = Math.floor(options.sparkWindow.from / DAY); day * DAY < options.sparkWindow.to; day++) {
    const point = byDay.get(utcDay(day * DAY));
    spark.push({
      day: utcDay(day * DAY),
      messages: point ? point.pass + point.fail + point.quarantined + point.rejected : 0,
      dmarcPass: point?.dmarcPass ?? 0,
    });
  }

  const senders = analyzeSenders(aggregate, { domain: wanted, ...tableOption });
  const readiness = assessReadiness(aggregate, {
    domain: wanted,
    ...tableOption,
    groups: senders.sources.map((s) => s.group),
  });
  const split = splitByImport(own);
  const changes = changesSinceLastImport(split.previous, split.imported, tableOption);

  return {
    domain: wanted,
    messages: totals.messages,
    dmarcPass: totals.dmarcPass,
    reports: totals.reports,
    spark,
    policies: policiesSeen(aggregate),
    readiness: {
      state: !readiness.current ? 'no-data' : !readiness.next ? 'at-reject' : readiness.ready ? 'ready' : 'not-yet',
      ...(readiness.current ? { current: describeStep(readiness.current) } : {}),
      ...(readiness.next ? { next: describeStep(readiness.next) } : {}),
      blockers: readiness.blockers.length,
    },
    byClass: senders.byClass,
    newSources: changes.newSources.filter((s) => s.domain === wanted).length,
    failingSources: senders.sources.filter((s) => s.class === 'misconfigured').length,
  };
}

/** The records of `report` as the store hands them to RecordSummarizer. */
function storedRecordsOf(report: AggregateReport, domain: string): StoredRecord[] {
  const key = reportKey(report);
  const { begin, end, orgName } = report.metadata;
  return report.records.map((record, i) => ({
    id: [domain, begin, key, i],
    reportKey: key,
    domain,
    orgName,
    begin,
    end,
    record,
  }));
}

/**
 * The policies the reporters saw lately: per reporter its newest report among those ending in the last
 * POLICY_WINDOW_DAYS before the newest report, grouped by what they saw. Older reports are left out, so that a
 * policy changed a month ago is not taken for reporters disagreeing.
 */
export function policiesSeen(reports: readonly AggregateReport[]): SeenPolicy[] {
  let newestEnd = -Infinity;
  for (const report of reports) newestEnd = Math.max(newestEnd, report.metadata.end);
  const newestByReporter = new Map<string, AggregateReport>();
  for (const report of reports) {
    if (report.metadata.end < newestEnd - POLICY_WINDOW_DAYS * DAY) continue;
    const seen = newestByReporter.get(report.metadata.orgName);
    if (!seen || report.metadata.end > seen.metadata.end) newestByReporter.set(report.metadata.orgName, report);
  }
  const byPolicy = new Map<string, SeenPolicy>();
  for (const [reporter, report] of newestByReporter) {
    const p = report.policy.p ?? 'none';
    const policy = { p, sp: report.policy.sp ?? p, pct: report.policy.pct ?? 100 };
    const text = `${policy.p} ${policy.sp} ${policy.pct}`;
    const seen = byPolicy.get(text);
    if (seen) seen.reporters.push(reporter);
    else byPolicy.set(text, { ...policy, reporters: [reporter] });
  }
  const policies = [...byPolicy.values()];
  for (const policy of policies) policy.reporters.sort();
  return policies.sort((a, b) => b.reporters.length - a.reporters.length);
}
