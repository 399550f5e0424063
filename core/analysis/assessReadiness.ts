// Is a domain ready for the next policy step? The one judgement behind the Senders page (assessReadiness) and the
// rollout plan (judgeNextStep, worded by core/dns/assessNextStep.ts), with one set of thresholds. Judged the way
// DMARC tools do (docs/sender-intelligence.md "Readiness"): the share of aligned mail per known source over a period,
// and the share of all mail that authenticates as someone yet fails alignment that the next step would quarantine or
// reject, with the rollout guidance of RFC 9989 (§7 and its deployment appendix): p=none for at least a month, then
// quarantine for as long, then reject; t=y as the intermediate test step; and a domain publishing p=reject must sign
// with DKIM, because SPF alone does not survive forwarding.
import {
  type AggregateRecord,
  type AggregateReport,
  type AlignmentMode,
  type DmarcPolicy,
  isDkimAligned,
  isSpfAligned,
  normalizeDomain,
  organizationalDomain,
} from '../report';
import { explain, formatExplanation, percentage, quantity, type Explanation } from './explanation';
import { findServiceByDomain } from './findSendingService';
import { TEST_MODE_POLICY } from './simulatePolicy';
import { groupSources, reportCoversDomain, type GroupSourcesOptions, type SourceGroup } from './groupSources';
import { labelExplanation } from './sourceLabel';
import type { SourceClass } from './classifyRecord';
import type { ClassCounts } from './classifySource';

/** The thresholds of the readiness judgement, in one place. */
export const READINESS_THRESHOLDS = {
  /** Aligned share every known source must reach. */
  alignedShare: 0.98,
  /** Days of reports under the current policy before moving on: RFC 9989's "at least a month". */
  minimumDays: 30,
  /** Fewer messages than this say little about a domain's senders. */
  minimumMessages: 100,
  /**
   * Share of all mail, authenticated as someone (a service, a forwarder) but failing alignment, that the next step
   * may quarantine or reject (after its pct) and still be called safe; up to the second share it calls for caution.
   * Mail that authenticates as nobody is spoofing or junk and is meant to be hit.
   */
  safeFailingShare: 0.005,
  cautionFailingShare: 0.02,
} as const;

export interface ReadinessOptions extends GroupSourcesOptions {
  domain: string;
  /** Aligned share every legitimate source must reach (default READINESS_THRESHOLDS.alignedShare). */
  threshold?: number;
  /** Days of reports under the current policy before moving on (default READINESS_THRESHOLDS.minimumDays). */
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
  /**
   * The source's own mail: its compliant and misconfigured messages. Its forwarded copies and whatever spoofing came
   * from the same platform are not its mail, and the next step is meant to act on them.
   */
  ownMessages: number;
  /** DMARC-pass share of its own mail. */
  alignedShare: number;
  /** Aligned-DKIM share of its own mail (what survives forwarding). */
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
  /** Messages per class of their own, over every source. */
  byClass: ClassCounts;
  /** Forwarded and suspicious messages, whatever source carried them (not blockers: the next step is meant to act
   *  on them). */
  forwardedMessages: number;
  suspiciousMessages: number;
  /** The failing mail the next step would hit (judgeNextStep), when there is a next step that enforces anything. */
  nextStep?: NextStepJudgement;
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
  const { compliant, misconfigured } = group.classification.byClass;
  const ownMessages = compliant + misconfigured;
  const alignedShare = ownMessages ? compliant / ownMessages : 0;
  const dkimAlignedShare = ownMessages ? group.dkimAligned / ownMessages : 0;
  const result: SourceReadiness = {
    key: group.key,
    label: group.label,
    class: group.classification.class,
    messages: group.messages,
    ownMessages,
    alignedShare,
    dkimAlignedShare,
    blocking: false,
  };
  const label = labelExplanation(group.key, group.label);
  let blocker: Explanation | undefined;
  if (alignedShare < threshold) {
    const params = {
      label,
      aligned: percentage(alignedShare),
      messages: quantity(ownMessages, 'message'),
      threshold: percentage(threshold),
    };
    const fix = group.classification.fixExplanation;
    blocker = fix
      ? explain('readiness.belowThresholdFix', { ...params, fix })
      : explain('readiness.belowThreshold', params);
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
  const threshold = options.threshold ?? READINESS_THRESHOLDS.alignedShare;
  const minimumDays = options.minimumDays ?? READINESS_THRESHOLDS.minimumDays;
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
  const policySource =
    exact.reduce<AggregateReport | undefined>((a, r) => (!a || r.metadata.end > a.metadata.end ? r : a), undefined) ??
    newest;
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
  // Known sources: those whose mail is mostly the domain's own, and any with misconfigured mail to fix.
  const known = groups.filter(
    (g) =>
      g.classification.class === 'compliant' ||
      g.classification.class === 'misconfigured' ||
      g.classification.byClass.misconfigured > 0,
  );
  const sources = known
    .map((g) => sourceReadiness(g, threshold, next))
    .sort((a, b) => Number(b.blocking) - Number(a.blocking) || b.messages - a.messages);
  const messages = groups.reduce((n, g) => n + g.messages, 0);
  const passing = groups.reduce((n, g) => n + g.passing, 0);
  const byClass: ClassCounts = { compliant: 0, forwarded: 0, misconfigured: 0, suspicious: 0 };
  for (const group of groups) {
    for (const cls of Object.keys(byClass) as SourceClass[]) byClass[cls] += group.classification.byClass[cls];
  }

  const blockers: Explanation[] = [];
  if (!current) blockers.push(explain('readiness.noReports', { domain }));
  if (current && days.size < minimumDays && next) {
    blockers.push(
      explain('readiness.fewDays', { days: quantity(days.size, 'day'), step: describeStep(current), minimumDays }),
    );
  }
  for (const source of sources) if (source.blockerExplanation) blockers.push(source.blockerExplanation);
  // The failing mail the next step would hit, judged as the rollout plan judges it: a step it calls unsafe is one
  // this page cannot call ready. A step that quarantines nothing (t=y from p=none) cannot be unsafe, so the extra
  // pass over every record is spared.
  const nextStep =
    next && policySource && enforcedShare(next) > 0
      ? judgeNextStep(
          own.flatMap((r) => r.records),
          { domain, next, ...modesOf(policySource) },
        )
      : undefined;
  if (next && nextStep?.verdict === 'not-yet') {
    blockers.push(
      explain('readiness.authenticatedFailing', {
        failing: quantity(nextStep.authenticatedFailingMessages, 'message'),
        share: percentage(nextStep.authenticatedFailingMessages / nextStep.totalMessages),
        messages: quantity(nextStep.totalMessages, 'message'),
        step: describeStep(next),
        hit: nextStep.authenticatedMessagesHit,
      }),
    );
  }

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
    summary = explain('readiness.summaryNotReady', {
      domain,
      step: describeStep(next),
      things: quantity(blockers.length, 'thing'),
    });
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
    byClass,
    forwardedMessages: byClass.forwarded,
    suspiciousMessages: byClass.suspicious,
    ...(nextStep ? { nextStep } : {}),
  };
}

function modesOf(report: AggregateReport): { adkim?: AlignmentMode; aspf?: AlignmentMode } {
  return {
    ...(report.policy.adkim ? { adkim: report.policy.adkim } : {}),
    ...(report.policy.aspf ? { aspf: report.policy.aspf } : {}),
  };
}

export type NextStepVerdict = 'safe' | 'caution' | 'not-yet' | 'no-data';

/** Why a record fails DMARC, as its auth_results show it (RFC 7489 §3.1): each identifier's part. */
export interface FailureCause {
  /** The header From domain the identifiers were checked against. */
  from: string;
  /** A passing DKIM signature whose d= does not align, none at all, or only failing ones. */
  dkim: { result: 'unaligned'; domain: string; strict: boolean } | { result: 'unsigned' } | { result: 'fails' };
  /** A passing SPF check of a domain that does not align, or no passing check. */
  spf: { result: 'unaligned'; domain: string; strict: boolean } | { result: 'fails' };
}

/** The failing mail of one authenticated identity (or of nobody), as the next step would meet it. */
export interface FailingIdentity {
  /**
   * What the mail authenticated as, when not the domain: the organizational domain of a DKIM d= or SPF domain, or
   * `unauthenticated`.
   */
  identity: string;
  /** The sending service that domain belongs to, when the catalogue knows it (sendingServices.ts). */
  service?: string;
  messages: number;
  /** Up to five source IPs, most messages first. */
  sourceIps: string[];
  headerFroms: string[];
  /** Why the first record seen of this identity fails DMARC. */
  cause: FailureCause;
  /** Authenticates as a service or forwarder (worth fixing), rather than as nobody (spoofing). */
  authenticated: boolean;
  /** Receivers' override reasons seen (forwarded, mailing_list…). */
  overrides: string[];
}

export interface NextStepJudgement {
  verdict: NextStepVerdict;
  totalMessages: number;
  /** Messages failing DMARC after recomputing alignment. */
  failingMessages: number;
  /** Failing messages the next step would quarantine or reject (its pct share, or none in test mode). */
  messagesHitByNextStep: number;
  /** Failing messages from authenticated sources: the legitimate mail at risk. */
  authenticatedFailingMessages: number;
  /** Of those, the ones the next step would actually quarantine or reject (its pct share). */
  authenticatedMessagesHit: number;
  /** Authenticated identities first, then by messages. */
  failingSources: FailingIdentity[];
  /** Messages whose receiver verdict differs from the recomputed one (e.g. local overrides, trusted forwarders). */
  verdictDisagreements: number;
}

export interface JudgeNextStepOptions {
  /** The policy domain; only records whose header_from is it or one of its subdomains count. */
  domain: string;
  next: PolicyStep & { pct?: number };
  adkim?: AlignmentMode;
  aspf?: AlignmentMode;
}

/** The share of failing mail a step quarantines or rejects (RFC 7489 pct; RFC 9989 t=y acts one level weaker). */
function enforcedShare(step: JudgeNextStepOptions['next']): number {
  const policy = step.t === 'y' ? TEST_MODE_POLICY[step.p] : step.p;
  if (policy === 'none') return 0;
  return (step.pct ?? 100) / 100;
}

/**
 * What the next step would do to the failing mail of `records`, with alignment recomputed from auth_results under
 * the modes the domain will publish rather than trusting each receiver's verdict.
 */
export function judgeNextStep(records: readonly AggregateRecord[], options: JudgeNextStepOptions): NextStepJudgement {
  const domain = options.domain.toLowerCase();
  const adkim = options.adkim ?? 'r';
  const aspf = options.aspf ?? 'r';
  let totalMessages = 0;
  let failingMessages = 0;
  let verdictDisagreements = 0;
  type Tally = FailingIdentity & { ips: Map<string, number>; froms: Set<string>; overrideSet: Set<string> };
  const sources = new Map<string, Tally>();
  for (const record of records) {
    const from = record.headerFrom.toLowerCase();
    // The domain's own mail and its subdomains' (which fall under the same record unless they publish their own).
    if (from !== domain && !from.endsWith(`.${domain}`)) continue;
    const count = Math.max(0, record.count);
    totalMessages += count;
    const pass = isDkimAligned(record.dkimResults, from, adkim) || isSpfAligned(record.spfResults, from, aspf);
    const receiverPass = record.dkim === 'pass' || record.spf === 'pass';
    if (pass !== receiverPass) verdictDisagreements += count;
    if (pass) continue;
    failingMessages += count;
    const passingDkim = record.dkimResults.find((r) => r.result === 'pass' && r.domain);
    const passingSpf = record.spfResults.find((r) => r.result === 'pass' && r.scope !== 'helo' && r.domain);
    const authDomain = passingDkim?.domain ?? passingSpf?.domain;
    const identity = authDomain ? organizationalDomain(authDomain) : 'unauthenticated';
    let source = sources.get(identity);
    if (!source) {
      const service = authDomain === undefined ? undefined : findServiceByDomain(authDomain)?.name;
      source = {
        identity,
        ...(service === undefined ? {} : { service }),
        messages: 0,
        sourceIps: [],
        headerFroms: [],
        cause: failureCause(record, from, adkim, aspf),
        authenticated: authDomain !== undefined,
        overrides: [],
        ips: new Map(),
        froms: new Set(),
        overrideSet: new Set(),
      };
      sources.set(identity, source);
    }
    source.messages += count;
    source.ips.set(record.sourceIp, (source.ips.get(record.sourceIp) ?? 0) + count);
    source.froms.add(from);
    for (const reason of record.reasons) source.overrideSet.add(reason.type);
  }
  const failingSources = [...sources.values()]
    .map(({ ips, froms, overrideSet, ...source }) => ({
      ...source,
      sourceIps: [...ips.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([ip]) => ip),
      headerFroms: [...froms].sort(),
      overrides: [...overrideSet].sort(),
    }))
    .sort((a, b) => Number(b.authenticated) - Number(a.authenticated) || b.messages - a.messages);
  const authenticatedFailingMessages = failingSources
    .filter((s) => s.authenticated)
    .reduce((sum, s) => sum + s.messages, 0);
  const share = enforcedShare(options.next);
  const authenticatedMessagesHit = Math.round(authenticatedFailingMessages * share);
  const authenticatedShare = totalMessages === 0 ? 0 : authenticatedMessagesHit / totalMessages;
  let verdict: NextStepVerdict;
  if (totalMessages < READINESS_THRESHOLDS.minimumMessages) verdict = 'no-data';
  else if (authenticatedShare <= READINESS_THRESHOLDS.safeFailingShare) verdict = 'safe';
  else if (authenticatedShare <= READINESS_THRESHOLDS.cautionFailingShare) verdict = 'caution';
  else verdict = 'not-yet';
  return {
    verdict,
    totalMessages,
    failingMessages,
    messagesHitByNextStep: Math.round(failingMessages * share),
    authenticatedFailingMessages,
    authenticatedMessagesHit,
    failingSources,
    verdictDisagreements,
  };
}

/**
 * Why a record fails DMARC. Only called for failing records, so a passing DKIM or SPF result there never aligns: were
 * the first one aligned, the record would pass.
 */
function failureCause(record: AggregateRecord, from: string, adkim: AlignmentMode, aspf: AlignmentMode): FailureCause {
  const dkimPass = record.dkimResults.find((r) => r.result === 'pass');
  const spfPass = record.spfResults.find((r) => r.result === 'pass' && r.scope !== 'helo');
  return {
    from,
    dkim: dkimPass
      ? { result: 'unaligned', domain: dkimPass.domain, strict: adkim === 's' }
      : { result: record.dkimResults.length === 0 ? 'unsigned' : 'fails' },
    spf: spfPass ? { result: 'unaligned', domain: spfPass.domain, strict: aspf === 's' } : { result: 'fails' },
  };
}
