// Is the next rollout step safe? Answered from stored aggregate records, with alignment recomputed from auth_results
// (RFC 7489 §3.1) under the alignment modes the domain will publish, rather than trusting each receiver's verdict.
import { isDkimAligned, isSpfAligned, organizationalDomain } from '../analysis/alignment';
import { findServiceByDomain } from '../analysis/findSendingService';
import type { AggregateRecord } from '../report/types';
import type { AlignmentMode, DmarcPolicy } from '../report/types';
import { englishText, recordText, type DnsRecordSentence } from './recordTexts';
import type { RolloutStep } from './rolloutPlan';

/**
 * Share of all mail from sources that authenticate as someone (a service, a forwarder) but fail alignment that the
 * next step may quarantine or reject (after its pct) before it is called unsafe. Mail that authenticates as nobody is
 * spoofing or junk and is meant to be hit.
 */
export const SAFE_AUTHENTICATED_FAILURE_SHARE = 0.005;
export const CAUTION_AUTHENTICATED_FAILURE_SHARE = 0.02;
/** Fewer messages than this say little about a domain's senders. */
export const MIN_MESSAGES_FOR_VERDICT = 100;

export type NextStepVerdict = 'safe' | 'caution' | 'not-yet' | 'no-data';

export interface FailingSource {
  /** What the mail authenticated as, when not the domain: a DKIM d= or SPF domain, or `unauthenticated`. */
  identity: string;
  /** The sending service that domain belongs to, when the catalogue knows it (core/analysis/sendingServices.ts). */
  service?: string;
  messages: number;
  sourceIps: string[];
  headerFroms: string[];
  /** Why it fails DMARC, in one sentence (English; `reasonText` by id). */
  reason: string;
  reasonText: DnsRecordSentence;
  /** Authenticates as a service or forwarder (worth fixing), rather than as nobody (spoofing). */
  authenticated: boolean;
  /** Receivers' override reasons seen (forwarded, mailing_list…). */
  overrides: string[];
}

export interface NextStepAssessment {
  verdict: NextStepVerdict;
  /** One or two sentences for the page (English; `summaryText` by id). */
  summary: string;
  summaryText: DnsRecordSentence;
  totalMessages: number;
  /** Messages failing DMARC after recomputing alignment. */
  failingMessages: number;
  /** Failing messages the next step would quarantine or reject (its pct share, or none in test mode). */
  messagesHitByNextStep: number;
  /** Failing messages from authenticated sources: the legitimate mail at risk. */
  authenticatedFailingMessages: number;
  /** Of those, the ones the next step would actually quarantine or reject (its pct share). */
  authenticatedMessagesHit: number;
  failingSources: FailingSource[];
  /** Messages whose receiver verdict differs from the recomputed one (e.g. local overrides, trusted forwarders). */
  verdictDisagreements: number;
}

export interface NextStepOptions {
  /** The policy domain; only records whose header_from is it or (for sp) its subdomains count. */
  domain: string;
  next: Pick<RolloutStep, 'policy' | 'pct' | 'testing'>;
  adkim?: AlignmentMode;
  aspf?: AlignmentMode;
}

const DMARC_WEAKER: Record<DmarcPolicy, DmarcPolicy> = { none: 'none', quarantine: 'none', reject: 'quarantine' };

/** The share of failing mail a step quarantines or rejects (RFC 7489 pct; RFC 9989 t=y acts one level weaker). */
function enforcedShare(step: NextStepOptions['next']): number {
  const policy = step.testing ? DMARC_WEAKER[step.policy] : step.policy;
  if (policy === 'none') return 0;
  return (step.pct ?? 100) / 100;
}

export function assessNextStep(records: readonly AggregateRecord[], options: NextStepOptions): NextStepAssessment {
  const domain = options.domain.toLowerCase();
  const adkim = options.adkim ?? 'r';
  const aspf = options.aspf ?? 'r';
  let totalMessages = 0;
  let failingMessages = 0;
  let verdictDisagreements = 0;
  const sources = new Map<string, FailingSource & { ips: Map<string, number>; froms: Set<string>; overrideSet: Set<string> }>();
  for (const record of records) {
    const from = record.headerFrom.toLowerCase();
    // The domain's own mail and its subdomains' (which fall under the same record unless they publish their own).
    if (from !== domain && !from.endsWith(`.${domain}`)) continue;
    const count = Math.max(0, record.count);
    totalMessages += count;
    const dkimAligned = isDkimAligned(record.dkimResults, from, adkim);
    const spfAligned = isSpfAligned(record.spfResults, from, aspf);
    const pass = dkimAligned || spfAligned;
    const receiverPass = record.dkim === 'pass' || record.spf === 'pass';
    if (pass !== receiverPass) verdictDisagreements += count;
    if (pass) continue;
    failingMessages += count;
    const passingDkim = record.dkimResults.filter((r) => r.result === 'pass' && r.domain);
    const passingSpf = record.spfResults.filter((r) => r.result === 'pass' && r.scope !== 'helo' && r.domain);
    const authDomain = passingDkim[0]?.domain ?? passingSpf[0]?.domain;
    const identity = authDomain ? organizationalDomain(authDomain) : 'unauthenticated';
    const key = identity;
    let source = sources.get(key);
    if (!source) {
      const service = authDomain === undefined ? undefined : findServiceByDomain(authDomain)?.name;
      const reason = failureReason(record, from, adkim, aspf);
      source = {
        identity,
        ...(service === undefined ? {} : { service }),
        messages: 0,
        sourceIps: [],
        headerFroms: [],
        reason: englishText(reason),
        reasonText: reason,
        authenticated: authDomain !== undefined,
        overrides: [],
        ips: new Map(),
        froms: new Set(),
        overrideSet: new Set(),
      };
      sources.set(key, source);
    }
    source.messages += count;
    source.ips.set(record.sourceIp, (source.ips.get(record.sourceIp) ?? 0) + count);
    source.froms.add(from);
    for (const reason of record.reasons) source.overrideSet.add(reason.type);
  }
  const failingSources = [...sources.values()]
    .map(({ ips, froms, overrideSet, ...source }) => ({
      ...source,
      sourceIps: [...ips.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([ip]) => ip),
      headerFroms: [...froms].sort(),
      overrides: [...overrideSet].sort(),
    }))
    .sort((a, b) => Number(b.authenticated) - Number(a.authenticated) || b.messages - a.messages);
  const authenticatedFailingMessages = failingSources.filter((s) => s.authenticated).reduce((sum, s) => sum + s.messages, 0);
  const share = enforcedShare(options.next);
  const messagesHitByNextStep = Math.round(failingMessages * share);
  const authenticatedMessagesHit = Math.round(authenticatedFailingMessages * share);
  const authenticatedShare = totalMessages === 0 ? 0 : authenticatedMessagesHit / totalMessages;
  let verdict: NextStepVerdict;
  if (totalMessages < MIN_MESSAGES_FOR_VERDICT) verdict = 'no-data';
  else if (authenticatedShare <= SAFE_AUTHENTICATED_FAILURE_SHARE) verdict = 'safe';
  else if (authenticatedShare <= CAUTION_AUTHENTICATED_FAILURE_SHARE) verdict = 'caution';
  else verdict = 'not-yet';
  const summary = summarize(verdict, totalMessages, failingMessages, authenticatedFailingMessages, authenticatedMessagesHit, messagesHitByNextStep, failingSources);
  return {
    verdict,
    summary: englishText(summary),
    summaryText: summary,
    totalMessages,
    failingMessages,
    messagesHitByNextStep,
    authenticatedFailingMessages,
    authenticatedMessagesHit,
    failingSources,
    verdictDisagreements,
  };
}

/**
 * Why a record fails DMARC, DKIM first. Only called for failing records, so a passing DKIM or SPF result there never
 * aligns: were the first one aligned, the record would pass.
 */
function failureReason(record: AggregateRecord, from: string, adkim: AlignmentMode, aspf: AlignmentMode): DnsRecordSentence {
  const dkimPass = record.dkimResults.find((r) => r.result === 'pass');
  const spfPass = record.spfResults.find((r) => r.result === 'pass' && r.scope !== 'helo');
  const strict = (mode: AlignmentMode) => (mode === 's' ? recordText('assess.reason.strict') : '');
  const dkim = dkimPass
    ? recordText('assess.reason.dkim-unaligned', { domain: dkimPass.domain, from, strict: strict(adkim) })
    : recordText(record.dkimResults.length === 0 ? 'assess.reason.unsigned' : 'assess.reason.dkim-fails');
  const spf = spfPass
    ? recordText('assess.reason.spf-unaligned', { domain: spfPass.domain, from, strict: strict(aspf) })
    : recordText('assess.reason.spf-fails');
  return recordText('assess.reason', { dkim, spf });
}

function summarize(
  verdict: NextStepVerdict,
  total: number,
  failing: number,
  authenticated: number,
  authenticatedHit: number,
  hit: number,
  sources: FailingSource[],
): DnsRecordSentence {
  const known = sources.filter((s) => s.authenticated);
  const names = known
    .slice(0, 3)
    .map((s) => (s.service ? `${s.service}, ${s.identity}` : s.identity))
    .join('; ');
  switch (verdict) {
    case 'no-data':
      return total === 0 ? recordText('assess.summary.no-reports') : recordText('assess.summary.too-few', { total });
    case 'safe':
      return recordText('assess.summary.safe', { failing, total, authenticated, hit });
    case 'caution':
      return recordText('assess.summary.caution', { authenticated, total, sources: names, hit, authenticatedHit });
    case 'not-yet':
      return recordText('assess.summary.not-yet', { authenticated, total, sources: names, hit, authenticatedHit });
  }
}
