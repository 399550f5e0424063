// The weekly digest of one domain (issue 17): a week of reports, counted on the days they speak for (reportDay), next
// to the week before; what changed (the watch's notices and problems of that week); the sources first seen in it; the
// sources of the domain's own mail that failed DMARC in it; and readiness for the next policy step. Every figure is a
// sum over the reports' records, so it can be checked against the XML.
import { normalizeDomain, type AggregateReport } from '../report';
import { assessReadiness, type Readiness } from './assessReadiness';
import { groupSources } from './groupSources';
import { utcDay } from './spreadOverDays';
import { receiverPassedDmarc } from './summarizeReport';
import {
  DEFAULT_WATCH_THRESHOLDS,
  reportDay,
  watchFindings,
  type SourceFinding,
  type WatchFinding,
  type WatchOptions,
} from './watchFindings';

export interface DigestCounts {
  messages: number;
  /** Messages the receivers counted as DMARC pass (as the dashboard's headline counts them). */
  dmarcPass: number;
}

export interface DigestSource {
  key: string;
  label: string;
  /** The source's own mail in the week (compliant and misconfigured messages), and of it the aligned part. */
  ownMessages: number;
  alignedMessages: number;
}

export interface WeeklyDigest {
  domain: string;
  /** The week's first and last day (UTC, YYYY-MM-DD). */
  from: string;
  to: string;
  /** Each of the seven days, oldest first. */
  days: Array<DigestCounts & { day: string }>;
  thisWeek: DigestCounts;
  weekBefore: DigestCounts;
  /** The watch's findings of the week that are news: a policy change, a spoofing spike. */
  changes: WatchFinding[];
  /** Sources first seen in the week. */
  newSources: SourceFinding[];
  /** Sources of the domain's own mail whose aligned share in the week was below the failing threshold. */
  failingSources: DigestSource[];
  readiness: Readiness;
  /** The days with reports of the domain, newest first: the weeks a reader can choose. */
  reportDays: string[];
}

export interface DigestOptions extends Omit<WatchOptions, 'publishedPolicies'> {
  domain: string;
  /** The week's last day; by default the day of the domain's newest report. */
  weekEnd?: string;
}

const DAY = 86_400;
const addDays = (day: string, days: number) => utcDay(Date.parse(`${day}T00:00:00Z`) / 1000 + days * DAY);

function countInto(counts: DigestCounts, report: AggregateReport): void {
  for (const record of report.records) {
    counts.messages += record.count;
    if (receiverPassedDmarc(record)) counts.dmarcPass += record.count;
  }
}

/** The digest of `options.domain`'s week, or undefined when the domain has no reports. */
export function weeklyDigest(reports: Iterable<AggregateReport>, options: DigestOptions): WeeklyDigest | undefined {
  const domain = normalizeDomain(options.domain);
  const ofDomain: AggregateReport[] = [];
  for (const report of reports)
    if (report.kind === 'aggregate' && normalizeDomain(report.policy.domain) === domain) ofDomain.push(report);
  if (ofDomain.length === 0) return undefined;
  const reportDays = [...new Set(ofDomain.map(reportDay))].sort().reverse();
  const to = options.weekEnd ?? reportDays[0]!;
  const from = addDays(to, -6);
  const beforeFrom = addDays(from, -7);
  const upToWeekEnd = ofDomain.filter((report) => reportDay(report) <= to);
  const inWeek = upToWeekEnd.filter((report) => reportDay(report) >= from);

  const days = Array.from({ length: 7 }, (_, i) => ({ day: addDays(from, i), messages: 0, dmarcPass: 0 }));
  const thisWeek: DigestCounts = { messages: 0, dmarcPass: 0 };
  const weekBefore: DigestCounts = { messages: 0, dmarcPass: 0 };
  for (const report of upToWeekEnd) {
    const day = reportDay(report);
    if (day >= from) {
      countInto(thisWeek, report);
      countInto(
        days.find((d) => d.day === day)!,
        report,
      );
    } else if (day >= beforeFrom) {
      countInto(weekBefore, report);
    }
  }

  const thresholds = { ...DEFAULT_WATCH_THRESHOLDS, ...options.thresholds, recentDays: 7 };
  const groupOptions = {
    ...(options.asnTable ? { asnTable: options.asnTable } : {}),
    ...(options.rdns ? { rdns: options.rdns } : {}),
  };
  // The watch as it stood at the week's end: its recent days are the week (when the week ends on a report day).
  const findings = watchFindings(upToWeekEnd, { ...groupOptions, now: options.now, thresholds });
  const newSources = findings.filter((f): f is SourceFinding => f.kind === 'source' && f.isNew && f.firstDay >= from);
  const changes = findings.filter(
    (f) =>
      (f.kind === 'policy' && f.level === 'notice' && (f.since ?? '') >= from) || (f.kind === 'spoofing' && f.spike),
  );
  const failingSources: DigestSource[] = [];
  for (const group of groupSources(inWeek, groupOptions)) {
    const { compliant, misconfigured } = group.classification.byClass;
    const cls = group.classification.class;
    const own = compliant + misconfigured;
    if ((cls === 'compliant' || cls === 'misconfigured') && own > 0 && compliant / own < thresholds.failingBelow)
      failingSources.push({ key: group.key, label: group.label, ownMessages: own, alignedMessages: compliant });
  }
  failingSources.sort((a, b) => b.ownMessages - b.alignedMessages - (a.ownMessages - a.alignedMessages));
  const readiness = assessReadiness(upToWeekEnd, { domain, ...groupOptions });
  return { domain, from, to, days, thisWeek, weekBefore, changes, newSources, failingSources, readiness, reportDays };
}
