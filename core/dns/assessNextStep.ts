// The rollout plan's question — is the plan's next step safe now? — answered by the readiness judgement of
// core/analysis/assessReadiness.ts (judgeNextStep) and worded here, in the records pages' sentences.
import { judgeNextStep, type FailingIdentity, type FailureCause, type NextStepJudgement } from '../analysis';
import type { AggregateRecord, AlignmentMode } from '../report';
import { englishText, recordText, type DnsRecordSentence } from './recordTexts';
import type { RolloutStep } from './rolloutPlan';

/** A failing identity with why it fails, in a sentence. */
export interface WordedFailingIdentity extends FailingIdentity {
  /** Why it fails DMARC, in one sentence (English; `reasonText` by id). */
  reason: string;
  reasonText: DnsRecordSentence;
}

export interface NextStepAssessment extends Omit<NextStepJudgement, 'failingSources'> {
  /** One or two sentences for the page (English; `summaryText` by id). */
  summary: string;
  summaryText: DnsRecordSentence;
  failingSources: WordedFailingIdentity[];
}

export interface AssessNextStepOptions {
  /** The policy domain; only records whose header_from is it or (for sp) its subdomains count. */
  domain: string;
  next: Pick<RolloutStep, 'policy' | 'pct' | 'testing'>;
  adkim?: AlignmentMode;
  aspf?: AlignmentMode;
}

export function assessNextStep(
  records: readonly AggregateRecord[],
  options: AssessNextStepOptions,
): NextStepAssessment {
  const { next } = options;
  const judgement = judgeNextStep(records, {
    domain: options.domain,
    next: { p: next.policy, t: next.testing ? 'y' : 'n', ...(next.pct === undefined ? {} : { pct: next.pct }) },
    ...(options.adkim ? { adkim: options.adkim } : {}),
    ...(options.aspf ? { aspf: options.aspf } : {}),
  });
  const failingSources = judgement.failingSources.map((source) => {
    const reasonText = failureReason(source.cause);
    return { ...source, reason: englishText(reasonText), reasonText };
  });
  const summaryText = summarize(judgement);
  return { ...judgement, failingSources, summary: englishText(summaryText), summaryText };
}

/** Why a record fails DMARC, DKIM first. */
function failureReason(cause: FailureCause): DnsRecordSentence {
  const strict = (isStrict: boolean) => (isStrict ? recordText('assess.reason.strict') : '');
  const { from } = cause;
  const dkim =
    cause.dkim.result === 'unaligned'
      ? recordText('assess.reason.dkim-unaligned', {
          domain: cause.dkim.domain,
          from,
          strict: strict(cause.dkim.strict),
        })
      : recordText(cause.dkim.result === 'unsigned' ? 'assess.reason.unsigned' : 'assess.reason.dkim-fails');
  const spf =
    cause.spf.result === 'unaligned'
      ? recordText('assess.reason.spf-unaligned', { domain: cause.spf.domain, from, strict: strict(cause.spf.strict) })
      : recordText('assess.reason.spf-fails');
  return recordText('assess.reason', { dkim, spf });
}

function summarize(judgement: NextStepJudgement): DnsRecordSentence {
  const { totalMessages: total, failingMessages: failing, authenticatedFailingMessages: authenticated } = judgement;
  const { authenticatedMessagesHit: authenticatedHit, messagesHitByNextStep: hit } = judgement;
  const names = judgement.failingSources
    .filter((s) => s.authenticated)
    .slice(0, 3)
    .map((s) => (s.service ? `${s.service}, ${s.identity}` : s.identity))
    .join('; ');
  switch (judgement.verdict) {
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
