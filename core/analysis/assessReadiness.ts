// Is a domain ready for the next policy step? Judged the way DMARC tools do (docs/dmarc.md): the share of aligned
// mail per known source over a period, with the rollout guidance of RFC 9989 (§7 and its deployment appendix):
// p=none for at least a month, then quarantine for as long, then reject; t=y as the intermediate test step; and a
// domain publishing p=reject must sign with DKIM, because SPF alone does not survive forwarding.
import type { AggregateReport, DmarcPolicy } from '../report/types';
import { normalizeDomain } from './alignment';
import { explain, formatExplanation, percentage, quantity, type Explanation } from './explanation';
import { groupSources, reportCoversDomain, type GroupSourcesOptions, type SourceGroup } from './groupSources';
import { labelExplanation } from './sourceLabel';
import type { SourceClass } from './classifyRecord';

export interface ReadinessOptions extends GroupSourcesOptions {
  domain: string;
  /** Aligned share every legitimate source must reach (default 0.98). */
  threshold?: number;
  /** Days of reports under the current policy before moving on (default 30, RFC 9989's "at least a month"). */
  minimumDays?: number;
  /** Groups already computed by groupSources with the same domain and period (saves a second pass). */
  groups?: readonly SourceGroup[];
}

export interface PolicyStep {
  p: DmarcPolicy;
  /** RFC 9989 test mode. */
  t: 'y' | 'n';
}

export interface SourceReadiness {
  key: string;
  label: string;
  class: SourceClass;
  messages: number;
  /** DMARC-pass share. */
  alignedShare: number;
  /** Aligned-DKIM share (what survives forwarding). */
  dkimAlignedShare: number;
  blocking: boolean;
  /** Why it blocks, when it does (English). */
  blocker?: string;
  /** `blocker` as a code with parameters, for other languages. */
  blockerExplanation?: Explanation;
}

export interface Readiness {
  domain: string;
  /** The policy the newest report shows, or undefined without reports. */
  current?: PolicyStep & { pct?: number };
  /** The next step, or undefined when p=reject is fully in force. */
  next?: PolicyStep;
  ready: boolean;
  /** One sentence (English). */
  summary: string;
  /** `summary` as a code with parameters, for other languages. */
  summaryExplanation: Explanation;
  messages: number;
  alignedShare: number;
  /** Distinct UTC days covered by reports under the current policy. */
  daysUnderCurrentPolicy: number;
  /** Known sources (compliant or misconfigured), blocking first. */
  sources: SourceReadiness[];
  /** Everything that stands in the way, one sentence each (English). */
  blockers: string[];
  /** `blockers` as codes with parameters. */
  blockerExplanations: Explanation[];
  /** Messages of forwarded and suspicious sources (not blockers: the next step is meant to act on them). */
  forwardedMessages: number;
  suspiciousMessages: number;
}

const DAY = 86_400;

/** The next step on the ladder none → quarantine t=y → quarantine → reject t=y → reject. */
export function nextPolicyStep(current: PolicyStep & { pct?: number }): PolicyStep | undefined {
  const partial = current.t === 'y' || (current.pct !== undefined && current.pct < 100);
  if (current.p === 'none') return { p: 'quarantine', t: 'y' };
  if (current.p === 'quarantine') return partial ? { p: 'quarantine', t: 'n' } : { p: 'reject', t: 'y' };
  return partial ? { p: 'reject', t: 'n' } : undefined;
}

export function describeStep(step: PolicyStep & { pct?: number }): string {
  const pct = step.pct !== undefined && step.pct < 100 ? ` pct=${step.pct}` : '';
  return `p=${step.p}${step.t === 'y' ? ' t=y' : ''}${pct}`;
}

function sourceReadiness(group: SourceGroup, threshold: number, next: PolicyStep | undefined): SourceReadiness {
  const alignedShare = group.messages ? group.passing / group.messages : 0;
  const dkimAlignedShare = group.messages ? group.dkimAligned / group.messages : 0;
  const result: SourceReadiness = {
    key: group.key,
    label: group.label,
    class: group.classification.class,
    messages: group.messages,
    alignedShare,
    dkimAlignedShare,
    blocking: false,
  };
  const label = labelExplanation(group.key, group.label);
  let blocker: Explanation | undefined;
  if (alignedShare < threshold) {
    const params = { label, aligned: percentage(alignedShare), messages: quantity(group.messages, 'message'), threshold: percentage(threshold) };
    const fix = group.classification.fixExplanation;
    blocker = fix ? explain('readiness.belowThresholdFix', { ...params, fix }) : explain('readiness.belowThreshold', params);
  } else if (next?.p === 'reject' && dkimAlignedShare < threshold) {
    blocker = explain('readiness.spfOnly', { label, spfOnly: percentage(1 - dkimAlignedShare) });
  }
  if (blocker) {
    result.blocking = true;
    result.blocker = formatExplanation(blocker);
    result.blockerExplanation = blocker;
  }
  return result;
}

/** Readiness of `options.domain` for its next policy step, from the stored reports. */
export function assessReadiness(reports: readonly AggregateReport[], options: ReadinessOptions): Readiness {
  const domain = normalizeDomain(options.domain);
  const threshold = options.threshold ?? 0.98;
  const minimumDays = options.minimumDays ?? 30;
  const own = reports.filter(
    (r) =>
      r.kind === 'aggregate' &&
      reportCoversDomain(r, domain) &&
      (options.since === undefined || r.metadata.end >= options.since) &&
      (options.until === undefined || r.metadata.begin < options.until),
  );
  const newest = own.reduce<AggregateReport | undefined>(
    (a, r) => (!a || r.metadata.end > a.metadata.end ? r : a),
    undefined,
  );
  const exact = own.filter((r) => normalizeDomain(r.policy.domain) === domain);
  const policySource = exact.reduce<AggregateReport | undefined>(
    (a, r) => (!a || r.metadata.end > a.metadata.end ? r : a),
    undefined,
  ) ?? newest;
  const current = policySource
    ? {
        p: policySource.policy.p ?? 'none',
        t: policySource.policy.testing === 'y' || policySource.policy.pct === 0 ? ('y' as const) : ('n' as const),
        ...(policySource.policy.pct !== undefined ? { pct: policySource.policy.pct } : {}),
      }
    : undefined;
  const next = current ? nextPolicyStep(current) : undefined;

  // Days covered by reports that saw the current policy.
  const days = new Set<number>();
  for (const report of own) {
    if (!current || (report.policy.p ?? 'none') !== current.p) continue;
    const first = Math.floor(report.metadata.begin / DAY);
    const last = Math.floor(Math.max(report.metadata.begin, report.metadata.end - 1) / DAY);
    for (let day = first; day <= last && day - first < 366; day++) days.add(day);
  }

  const groups = options.groups ?? groupSources(own, { ...options, domain });
  const known = groups.filter((g) => g.classification.class === 'compliant' || g.classification.class === 'misconfigured');
  const sources = known
    .map((g) => sourceReadiness(g, threshold, next))
    .sort((a, b) => Number(b.blocking) - Number(a.blocking) || b.messages - a.messages);
  const messages = groups.reduce((n, g) => n + g.messages, 0);
  const passing = groups.reduce((n, g) => n + g.passing, 0);
  const forwardedMessages = groups.filter((g) => g.classification.class === 'forwarded').reduce((n, g) => n + g.messages, 0);
  const suspiciousMessages = groups.filter((g) => g.classification.class === 'suspicious').reduce((n, g) => n + g.messages, 0);

  const blockers: Explanation[] = [];
  if (!current) blockers.push(explain('readiness.noReports', { domain }));
  if (current && days.size < minimumDays && next) {
    blockers.push(explain('readiness.fewDays', { days: quantity(days.size, 'day'), step: describeStep(current), minimumDays }));
  }
  for (const source of sources) if (source.blockerExplanation) blockers.push(source.blockerExplanation);

  const ready = current !== undefined && next !== undefined && blockers.length === 0;
  let summary: Explanation;
  if (!current) summary = explain('readiness.summaryNoReports', { domain });
  else if (!next) summary = explain('readiness.summaryAtReject', { domain });
  else if (ready) {
    summary = explain('readiness.summaryReady', {
      domain,
      step: describeStep(next),
      threshold: percentage(threshold),
      days: quantity(days.size, 'day'),
    });
  } else {
    summary = explain('readiness.summaryNotReady', { domain, step: describeStep(next), things: quantity(blockers.length, 'thing') });
  }
  return {
    domain,
    ...(current ? { current } : {}),
    ...(next ? { next } : {}),
    ready,
    summary: formatExplanation(summary),
    summaryExplanation: summary,
    messages,
    alignedShare: messages ? passing / messages : 0,
    daysUnderCurrentPolicy: days.size,
    sources,
    blockers: blockers.map((blocker) => formatExplanation(blocker)),
    blockerExplanations: blockers,
    forwardedMessages,
    suspiciousMessages,
  };
}
