// A dated plan from p=none to p=reject. RFC 7489 receivers honour pct (§6.3: the policy applies to that share of
// failing mail, the next weaker policy to the rest), hence the classic stepped table; RFC 9989 made pct historic and
// offers t=y (test mode: the policy acts one level weaker) instead, with its advice to stay at p=none and then at
// p=quarantine for at least a month each before p=reject.
import type { DmarcPolicy } from '../report';
import { formatDmarcRecord, type DmarcRecord } from './dmarcRecord';
import { englishText, recordText, type DnsRecordSentence } from './recordTexts';

export type RolloutFlavour = 'rfc7489' | 'rfc9989';

export interface RolloutStep {
  index: number;
  /** YYYY-MM-DD (UTC) the step starts. */
  startsOn: string;
  /** Days to stay before the next step; undefined for the last. */
  minimumDays?: number;
  policy: DmarcPolicy;
  /** RFC 7489 pct (omitted at 100, its default). */
  pct?: number;
  /** RFC 9989 test mode. */
  testing: boolean;
  /** The DMARC record to publish during this step. */
  record: string;
  /** What receivers do to failing mail during this step, in one sentence (English; `effectText` by id). */
  effect: string;
  effectText: DnsRecordSentence;
  /** Where the dwell time comes from. */
  dwellSource: 'rfc9989' | 'plan';
  /** Advice that applies from this step on, when there is some (English; `adviceText` by id). */
  advice?: string;
  adviceText?: DnsRecordSentence;
}

export interface RolloutPlanOptions {
  flavour: RolloutFlavour;
  /** First day of the plan (today, usually). */
  start: Date;
  /** The rest of the record kept on every step (rua, adkim, …); p, pct and t are set per step. */
  base: DmarcRecord;
  /** For RFC 9989 plans: also write pct=0 on t=y steps so RFC 7489 receivers soften the policy the same way. */
  compatiblePct?: boolean;
  /** Days per intermediate pct step of the RFC 7489 table (default 7). */
  pctStepDays?: number;
  /** Days per t=y step of the RFC 9989 path (default 14). */
  testStepDays?: number;
}

/**
 * RFC 9989 advises against p=reject for general-purpose mailbox domains whose users post to mailing lists, and asks
 * a domain at p=reject to sign with DKIM: SPF alone does not survive forwarding.
 */
export const REJECT_ADVICE = recordText('rollout.reject-advice');

/** RFC 9989 rollout advice: at least a month at p=none, then at least a month at p=quarantine. */
export const RFC9989_MINIMUM_DAYS = 30;
export const STEPPED_PERCENTAGES: readonly number[] = [1, 5, 10, 25, 50, 100];

const DAY_MS = 86_400_000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function effectOf(policy: DmarcPolicy, pct: number, testing: boolean): DnsRecordSentence {
  if (policy === 'none') return recordText('rollout.effect.none');
  if (testing)
    return recordText(policy === 'quarantine' ? 'rollout.effect.test-quarantine' : 'rollout.effect.test-reject');
  if (pct >= 100)
    return recordText(policy === 'reject' ? 'rollout.effect.all-rejected' : 'rollout.effect.all-quarantined');
  return recordText(policy === 'reject' ? 'rollout.effect.some-rejected' : 'rollout.effect.some-quarantined', { pct });
}

export function buildRolloutPlan(options: RolloutPlanOptions): RolloutStep[] {
  const base: DmarcRecord = { ...options.base, extensions: [...options.base.extensions] };
  delete base.p;
  delete base.pct;
  delete base.t;
  type Shape = {
    policy: DmarcPolicy;
    pct: number;
    testing: boolean;
    days?: number;
    dwellSource: RolloutStep['dwellSource'];
  };
  const shapes: Shape[] = [];
  if (options.flavour === 'rfc7489') {
    const pctDays = options.pctStepDays ?? 7;
    shapes.push({ policy: 'none', pct: 100, testing: false, days: RFC9989_MINIMUM_DAYS, dwellSource: 'rfc9989' });
    for (const policy of ['quarantine', 'reject'] as const)
      for (const pct of STEPPED_PERCENTAGES)
        shapes.push({
          policy,
          pct,
          testing: false,
          // The last quarantine step is the month at full quarantine RFC 9989 asks for; the final reject step is open-ended.
          ...(policy === 'reject' && pct === 100 ? {} : { days: pct === 100 ? RFC9989_MINIMUM_DAYS : pctDays }),
          dwellSource: pct === 100 && policy === 'quarantine' ? 'rfc9989' : 'plan',
        });
  } else {
    const testDays = options.testStepDays ?? 14;
    shapes.push(
      { policy: 'none', pct: 100, testing: false, days: RFC9989_MINIMUM_DAYS, dwellSource: 'rfc9989' },
      { policy: 'quarantine', pct: 100, testing: true, days: testDays, dwellSource: 'plan' },
      { policy: 'quarantine', pct: 100, testing: false, days: RFC9989_MINIMUM_DAYS, dwellSource: 'rfc9989' },
      { policy: 'reject', pct: 100, testing: true, days: testDays, dwellSource: 'plan' },
      { policy: 'reject', pct: 100, testing: false, dwellSource: 'plan' },
    );
  }
  let day = Date.UTC(options.start.getUTCFullYear(), options.start.getUTCMonth(), options.start.getUTCDate());
  return shapes.map((shape, index) => {
    const record: DmarcRecord = { ...base, p: shape.policy };
    if (options.flavour === 'rfc7489' && shape.pct !== 100) record.pct = shape.pct;
    if (shape.testing) {
      record.t = 'y';
      // RFC 9989: pct=0 is what RFC 7489 receivers understand as "test" (the next weaker policy for all mail).
      if (options.compatiblePct) record.pct = 0;
    }
    const effect = effectOf(shape.policy, shape.pct, shape.testing);
    const step: RolloutStep = {
      index,
      startsOn: isoDay(new Date(day)),
      policy: shape.policy,
      ...(record.pct === undefined ? {} : { pct: record.pct }),
      testing: shape.testing,
      record: formatDmarcRecord(record),
      effect: englishText(effect),
      effectText: effect,
      dwellSource: shape.dwellSource,
      ...(shape.days === undefined ? {} : { minimumDays: shape.days }),
      ...(shape.policy === 'reject' && shapes[index - 1]?.policy !== 'reject'
        ? { advice: englishText(REJECT_ADVICE), adviceText: REJECT_ADVICE }
        : {}),
    };
    day += (shape.days ?? 0) * DAY_MS;
    return step;
  });
}

/** The step a published record corresponds to (the last one whose policy, pct and test mode match), or -1. */
export function findCurrentStep(plan: readonly RolloutStep[], record: DmarcRecord): number {
  const policy = record.p ?? 'none';
  const testing = record.t === 'y';
  let found = -1;
  for (const step of plan) {
    // pct is ignored on t=y steps: there it is only the optional RFC 7489 companion (pct=0).
    const pctMatches = step.testing || (step.pct ?? 100) === (record.pct ?? 100);
    if (step.policy === policy && step.testing === testing && pctMatches) found = step.index;
  }
  return found;
}

/** A DMARC record to start a plan or the wizard from, and the report address made up for it, if one was. */
export interface SeededDmarcRecord {
  record: DmarcRecord;
  /**
   * `mailto:dmarc@<domain>`, when no record the user gave names a report address: one at their own domain, which
   * they must create (or replace) before publishing. Absent when rua came from the user.
   */
  assumedRua?: string;
}

/**
 * What `domain` starts from: the policy tags as receivers saw them published (`reported`, from the stored reports'
 * policy_published: p, sp, np, adkim, aspf, pct, t, fo), else those of a record the user gave (`given`: looked up,
 * pasted or saved), else p=none. Reports never carry rua or ruf, so they come from `given`; without one, rua is
 * an address at the domain itself, marked as assumed, and never a placeholder of someone else's domain.
 */
export function seedDmarcRecord(
  domain: string,
  sources: { reported?: DmarcRecord; given?: DmarcRecord } = {},
): SeededDmarcRecord {
  const { reported, given } = sources;
  const policy: DmarcRecord = reported ?? given ?? { p: 'none', extensions: [] };
  const record: DmarcRecord = { ...policy, extensions: [...(given?.extensions ?? [])] };
  delete record.rua;
  delete record.ruf;
  if (given?.ruf) record.ruf = given.ruf;
  if (given?.rua && given.rua.length > 0) return { record: { ...record, rua: given.rua } };
  const assumedRua = `mailto:dmarc@${domain}`;
  return { record: { ...record, rua: [{ uri: assumedRua }] }, assumedRua };
}
