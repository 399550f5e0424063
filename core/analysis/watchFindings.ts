// What the extension watches for in a domain's stored reports (issue 17): a source of the domain's own mail that
// fails DMARC (new, or known and starting to fail), a new source, a spike of spoofed mail, a change of the policy
// reporters saw, a published record that differs from it (with live lookups on), and reports that stopped coming.
// Everything is judged on the reports' own dates, counted back from the domain's newest report, so importing an
// archive of old reports reads the same as receiving them day by day; only silence is judged against the clock.
// The findings describe the domain as it is now; diffWatchFindings.ts turns a change between two checks into alerts.
import { normalizeDomain, type AggregateReport, type PolicyPublished } from '../report';
import { policyText } from './changesSinceLastImport';
import { groupSources, type GroupSourcesOptions, type SourceGroup } from './groupSources';
import { utcDay } from './spreadOverDays';

export interface WatchThresholds {
  /** A source of the domain's own mail fails when less than this share of it is DMARC-aligned on its latest day. */
  failingBelow: number;
  /** Days of reports, counted back from the domain's newest, that are "recent": new sources and spikes. */
  recentDays: number;
  /** Spoofed messages a day in the recent days, against the days before, that make a spike… */
  spoofingSpikeFactor: number;
  /** …when at least this many spoofed messages came in the recent days. */
  spoofingSpikeMinimum: number;
  /** Days since the newest report ended before a domain counts as silent; 0 turns the check off. */
  silentDays: number;
  /**
   * A new source no catalogue entry names (a network, an address) is told when it sent at least this many messages
   * of the domain's own; a catalogued service always. Single aligned messages from new networks are mostly the
   * domain's own mail relayed with its signature intact.
   */
  newSourceMinimum: number;
}

export const DEFAULT_WATCH_THRESHOLDS: WatchThresholds = {
  failingBelow: 0.9,
  recentDays: 7,
  spoofingSpikeFactor: 3,
  spoofingSpikeMinimum: 10,
  silentDays: 3,
  newSourceMinimum: 10,
};

/** Days before the recent ones that give the usual level of spoofing. */
export const SPOOFING_BASELINE_DAYS = 28;

/** A source with no mail in this many days of reports before the domain's newest has gone; it is no longer judged. */
export const SOURCE_GONE_AFTER_DAYS = 30;

/**
 * How much a finding asks for attention: a problem stays open until it is resolved, a notice is told once, and a
 * quiet finding is the normal state (told only when it ends a problem).
 */
export type FindingLevel = 'problem' | 'notice' | 'quiet';

interface FindingBase {
  /** Stable across checks: the same condition of the same domain always has the same id. */
  id: string;
  domain: string;
  level: FindingLevel;
  /** What the condition is now; a problem or notice whose state changes is told again. */
  state: string;
}

/** A source of the domain's own mail (its class is compliant or misconfigured), judged on its latest day of mail. */
export interface SourceFinding extends FindingBase {
  kind: 'source';
  key: string;
  label: string;
  status: 'failing' | 'passing';
  /** First seen in the recent days, with reports of the domain from before. */
  isNew: boolean;
  /** The source's first and latest day of its own mail (UTC, YYYY-MM-DD). */
  firstDay: string;
  lastDay: string;
  /** Its own messages on its latest day, and of those the DMARC-aligned ones. */
  ownMessages: number;
  alignedMessages: number;
  /** The aligned share of its own mail on the days before its latest, when it had any… */
  alignedShareBefore?: number;
  /** …and whether that share passed (so a failing source "started failing"). */
  wasPassing?: boolean;
}

export interface SpoofingFinding extends FindingBase {
  kind: 'spoofing';
  spike: boolean;
  /** Spoofed messages (failed both alignments, not forwarded) and days with reports, recent and before. */
  recentSpoofed: number;
  recentDays: number;
  baselineSpoofed: number;
  baselineDays: number;
}

export interface PolicyFinding extends FindingBase {
  kind: 'policy';
  /** The policy the newest report saw (policyText). */
  now: string;
  /** The policy before it changed to `now`, and the days between which it changed, when that was in the recent days. */
  before?: string;
  until?: string;
  since?: string;
}

export interface DriftFinding extends FindingBase {
  kind: 'drift';
  /** The record published in DNS now and what the newest report saw, both as policyText. */
  published: string;
  reported: string;
  reporter: string;
  /** The tags in which the published record differs from what the newest report saw (none: they agree). */
  differences: DriftTag[];
  /** Why no published record applies now (then `published` is empty), while reporters saw `reported`. */
  problem?: DmarcRecordProblem;
}

/**
 * Why no DMARC policy applies to a domain now (RFC 7489 §6.6.3): no record at its `_dmarc` name nor at its
 * organizational domain's; more than one record; or one that cannot be read.
 */
export type DmarcRecordProblem = 'missing' | 'several' | 'unreadable';

/** The tags of the policy a published record is compared on with what reporters saw. */
export type DriftTag = 'p' | 'sp' | 'adkim' | 'aspf' | 'pct';

export interface SilenceFinding extends FindingBase {
  kind: 'silence';
  /** The day the newest report ended, and whole days since then. */
  lastDay: string;
  daysSilent: number;
}

export type WatchFinding = SourceFinding | SpoofingFinding | PolicyFinding | DriftFinding | SilenceFinding;
export type WatchFindingKind = WatchFinding['kind'];

export interface WatchOptions extends Pick<GroupSourcesOptions, 'asnTable' | 'rdns'> {
  thresholds?: Partial<WatchThresholds>;
  /** Now, in Unix seconds: silence is judged against it. */
  now: number;
  /** The DMARC record each domain publishes now, from a lookup the user turned on; only those domains are judged. */
  publishedPolicies?: ReadonlyMap<
    string,
    Pick<PolicyPublished, 'p' | 'sp' | 'np' | 'adkim' | 'aspf' | 'pct' | 'testing'>
  >;
  /** From the same lookup: the domains for which DNS gives no policy that applies, and why. */
  recordProblems?: ReadonlyMap<string, DmarcRecordProblem>;
}

const DAY = 86_400;

/** The day a report speaks for: the day its last second falls on (Google ends 23:59:59, Microsoft at 00:00 next). */
export function reportDay(report: AggregateReport): string {
  const { begin, end } = report.metadata;
  return utcDay(end > begin ? end - 1 : begin);
}

/** The day `days` after `day` (negative: before). */
function addDays(day: string, days: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) / 1000 + days * DAY);
}

const ownOf = (group: SourceGroup) =>
  group.classification.byClass.compliant + group.classification.byClass.misconfigured;

type PolicyFields = Pick<PolicyPublished, 'p' | 'sp' | 'np' | 'adkim' | 'aspf' | 'pct' | 'testing'>;

/**
 * Whether two reports saw the same policy. Reporters leave out tags they do not know or did not find (Microsoft's
 * reports have no np where Google's say np=none, hello-charly.com, February 2024): a tag counts only when both state it.
 */
function samePolicy(a: PolicyFields, b: PolicyFields): boolean {
  if ((a.p ?? 'none') !== (b.p ?? 'none')) return false;
  for (const tag of ['sp', 'np', 'adkim', 'aspf', 'pct', 'testing'] as const) {
    if (a[tag] !== undefined && b[tag] !== undefined && a[tag] !== b[tag]) return false;
  }
  return true;
}

/**
 * Where a published DMARC record differs from the policy a report saw: p, sp, adkim, aspf and pct. A tag the record
 * leaves out counts as its default (RFC 7489 §6.3: sp is p, alignment relaxed, pct 100), since reporters write what
 * they applied; a tag the report leaves out is not compared (reporters that do not state it, as for p, saw none).
 * np and t are left out: RFC 7489 reporters do not know them, and their defaults follow sp, which is compared.
 */
export function policyDrift(published: PolicyFields, reported: PolicyFields): DriftTag[] {
  const p = published.p ?? 'none';
  const applied = {
    sp: published.sp ?? p,
    adkim: published.adkim ?? 'r',
    aspf: published.aspf ?? 'r',
    pct: published.pct ?? 100,
  };
  const differences: DriftTag[] = [];
  if (p !== (reported.p ?? 'none')) differences.push('p');
  for (const tag of ['sp', 'adkim', 'aspf', 'pct'] as const) {
    if (reported[tag] !== undefined && reported[tag] !== applied[tag]) differences.push(tag);
  }
  return differences;
}

/** Everything watched in `reports`, per policy domain (normalized), domains in order. */
export function watchFindings(reports: Iterable<AggregateReport>, options: WatchOptions): WatchFinding[] {
  const thresholds = { ...DEFAULT_WATCH_THRESHOLDS, ...options.thresholds };
  const groupOptions = {
    ...(options.asnTable ? { asnTable: options.asnTable } : {}),
    ...(options.rdns ? { rdns: options.rdns } : {}),
  };
  const byDomain = new Map<string, AggregateReport[]>();
  for (const report of reports) {
    if (report.kind !== 'aggregate') continue;
    const domain = normalizeDomain(report.policy.domain);
    const list = byDomain.get(domain);
    if (list) list.push(report);
    else byDomain.set(domain, [report]);
  }
  const findings: WatchFinding[] = [];
  for (const domain of [...byDomain.keys()].sort()) {
    findings.push(...domainFindings(domain, byDomain.get(domain)!, thresholds, groupOptions, options));
  }
  return findings;
}

function domainFindings(
  domain: string,
  reports: readonly AggregateReport[],
  thresholds: WatchThresholds,
  groupOptions: Pick<GroupSourcesOptions, 'asnTable' | 'rdns'>,
  options: WatchOptions,
): WatchFinding[] {
  // Reports by the day they speak for, oldest first.
  const days = new Map<string, AggregateReport[]>();
  for (const report of reports) {
    const day = reportDay(report);
    const list = days.get(day);
    if (list) list.push(report);
    else days.set(day, [report]);
  }
  const dayList = [...days.keys()].sort();
  const firstDay = dayList[0]!;
  const newestDay = dayList[dayList.length - 1]!;
  const recentFrom = addDays(newestDay, 1 - thresholds.recentDays);
  const baselineFrom = addDays(recentFrom, -SPOOFING_BASELINE_DAYS);
  const goneBefore = addDays(newestDay, -SOURCE_GONE_AFTER_DAYS);

  const findings: WatchFinding[] = [];
  const all = groupSources(reports, groupOptions);
  // Each day's groups: a source's latest day and the spoofing per day.
  const perDay = dayList.map((day) => ({
    day,
    groups: new Map(groupSources(days.get(day)!, groupOptions).map((g) => [g.key, g])),
  }));

  let recentSpoofed = 0;
  let recentDays = 0;
  let baselineSpoofed = 0;
  let baselineDays = 0;
  for (const { day, groups } of perDay) {
    let spoofed = 0;
    for (const group of groups.values()) spoofed += group.classification.spoofed;
    if (day >= recentFrom) {
      recentSpoofed += spoofed;
      recentDays++;
    } else if (day >= baselineFrom) {
      baselineSpoofed += spoofed;
      baselineDays++;
    }
  }

  for (const group of all) {
    const cls = group.classification.class;
    if ((cls !== 'compliant' && cls !== 'misconfigured') || ownOf(group) === 0) continue;
    let first: string | undefined;
    let last: { day: string; group: SourceGroup } | undefined;
    for (const { day, groups } of perDay) {
      const g = groups.get(group.key);
      if (!g || ownOf(g) === 0) continue;
      first ??= day;
      last = { day, group: g };
    }
    if (first === undefined || last === undefined || last.day < goneBefore) continue;
    const ownMessages = ownOf(last.group);
    const alignedMessages = last.group.classification.byClass.compliant;
    const failing = alignedMessages / ownMessages < thresholds.failingBelow;
    const isNew =
      first > firstDay &&
      first >= recentFrom &&
      (group.service !== undefined || failing || ownOf(group) >= thresholds.newSourceMinimum);
    const ownBefore = ownOf(group) - ownMessages;
    const alignedBefore = group.classification.byClass.compliant - alignedMessages;
    findings.push({
      kind: 'source',
      id: `source:${domain}:${group.key}`,
      domain,
      level: failing ? 'problem' : isNew ? 'notice' : 'quiet',
      state: failing ? 'failing' : isNew ? 'new' : 'passing',
      key: group.key,
      label: group.label,
      status: failing ? 'failing' : 'passing',
      isNew,
      firstDay: first,
      lastDay: last.day,
      ownMessages,
      alignedMessages,
      ...(ownBefore > 0
        ? {
            alignedShareBefore: alignedBefore / ownBefore,
            wasPassing: alignedBefore / ownBefore >= thresholds.failingBelow,
          }
        : {}),
    });
  }

  // A spike needs a usual level to compare with: days of reports before the recent ones.
  const spike =
    baselineDays > 0 &&
    recentSpoofed >= thresholds.spoofingSpikeMinimum &&
    recentSpoofed / recentDays >= (thresholds.spoofingSpikeFactor * baselineSpoofed) / baselineDays;
  findings.push({
    kind: 'spoofing',
    id: `spoofing:${domain}`,
    domain,
    level: spike ? 'problem' : 'quiet',
    state: spike ? 'spike' : 'usual',
    spike,
    recentSpoofed,
    recentDays,
    baselineSpoofed,
    baselineDays,
  });

  // The policy reporters saw, in the order of the days they saw it.
  const sorted = [...reports].sort((a, b) => a.metadata.end - b.metadata.end || a.metadata.begin - b.metadata.begin);
  const newest = sorted[sorted.length - 1]!;
  const now = policyText(newest.policy);
  let change: { before: string; until: string; since: string } | undefined;
  for (let i = sorted.length - 2; i >= 0; i--) {
    if (samePolicy(sorted[i]!.policy, newest.policy)) continue;
    const since = reportDay(sorted[i + 1]!);
    if (since >= recentFrom) change = { before: policyText(sorted[i]!.policy), until: reportDay(sorted[i]!), since };
    break;
  }
  findings.push({
    kind: 'policy',
    id: `policy:${domain}`,
    domain,
    level: change ? 'notice' : 'quiet',
    state: change ? `${change.before} → ${now}` : now,
    now,
    ...change,
  });

  const problem = options.recordProblems?.get(domain);
  if (problem) {
    // Receivers that find no record apply no policy and send no more reports, whatever the reports so far saw.
    findings.push({
      kind: 'drift',
      id: `drift:${domain}`,
      domain,
      level: 'problem',
      state: `${problem} | ${now}`,
      published: '',
      reported: now,
      reporter: newest.metadata.orgName,
      differences: [],
      problem,
    });
  }
  const published = problem ? undefined : options.publishedPolicies?.get(domain);
  if (published) {
    const publishedText = policyText(published);
    // A reporter that still had the old record in its cache on the newest day is no drift when another saw the new one.
    const differences = policyDrift(published, newest.policy);
    const differs =
      differences.length > 0 &&
      days.get(newestDay)!.every((report) => policyDrift(published, report.policy).length > 0);
    findings.push({
      kind: 'drift',
      id: `drift:${domain}`,
      domain,
      level: differs ? 'problem' : 'quiet',
      state: differs ? `${publishedText} | ${now}` : 'same',
      published: publishedText,
      reported: now,
      reporter: newest.metadata.orgName,
      differences: differs ? differences : [],
    });
  }

  if (thresholds.silentDays > 0) {
    let newestEnd = -Infinity;
    for (const report of reports) newestEnd = Math.max(newestEnd, report.metadata.end);
    const daysSilent = Math.floor((options.now - newestEnd) / DAY);
    const silent = daysSilent >= thresholds.silentDays;
    findings.push({
      kind: 'silence',
      id: `silence:${domain}`,
      domain,
      level: silent ? 'problem' : 'quiet',
      state: silent ? 'silent' : 'reporting',
      lastDay: utcDay(newestEnd),
      daysSilent,
    });
  }
  return findings;
}
