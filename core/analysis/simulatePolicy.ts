// What-if: recompute every stored record under a hypothetical DMARC record and count, per source, the messages that
// would pass, be delivered anyway, be quarantined or be rejected. Alignment is recomputed from auth_results
// (RFC 7489 §3.1, RFC 9989 §4.4), so stricter adkim/aspf show their effect; the policy is applied as RFC 9989 does:
// p for the domain itself, sp for its subdomains, np (falling back to sp, then p) for non-existent subdomains, and
// t=y lowers the applied policy one step (reject → quarantine, quarantine → none).
import {
  type AggregateRecord,
  type AggregateReport,
  type AlignmentMode,
  type DmarcPolicy,
  type PolicyPublished,
  isDkimAligned,
  isSpfAligned,
  normalizeDomain,
} from '../report';
import { CLASS_OF_CAUSE, passesByVerdictOrAlignment, receiverSaysForwarded, type RecordCause } from './classifyRecord';
import type { ClassCounts } from './classifySource';
import { SourceResolver, reportCoversDomain, type GroupSourcesOptions, type IdentifierSet } from './groupSources';

export interface HypotheticalPolicy {
  p?: DmarcPolicy;
  sp?: DmarcPolicy;
  np?: DmarcPolicy;
  adkim?: AlignmentMode;
  aspf?: AlignmentMode;
  /** RFC 9989 test mode. */
  t?: 'y' | 'n';
}

export interface SimulatePolicyOptions extends GroupSourcesOptions {
  /**
   * Header From domains known not to exist (NXDOMAIN), to which np applies. Reports cannot tell, so by default no
   * domain is treated as non-existent and np has no effect.
   */
  nonExistentDomains?: Iterable<string>;
}

export interface Outcome {
  /** DMARC pass. */
  pass: number;
  /** DMARC fail, delivered because the applied policy is none. */
  none: number;
  quarantine: number;
  reject: number;
}

export interface SimulatedSource extends Outcome {
  key: string;
  label: string;
  messages: number;
  /** Messages delivered today (disposition none/pass) that the hypothetical policy would quarantine or reject. */
  newlyBlocked: number;
  /** Of the blocked messages, those a receiver overrode before (forwarded, mailing list, local policy…): receivers
   *  will likely do so again. */
  previouslyOverridden: number;
  /**
   * The messages the hypothetical policy would quarantine or reject, by their own class today: compliant ones are
   * the domain's mail it would lose, suspicious ones the spoofing it is meant to stop.
   */
  blockedByClass: ClassCounts;
}

export interface PolicySimulation {
  hypothetical: HypotheticalPolicy;
  /** What would happen. */
  simulated: Outcome & { messages: number; newlyBlocked: number; blockedByClass: ClassCounts };
  /** What receivers reported. */
  reported: Outcome & { messages: number };
  /** Sources that would lose messages, most affected first, then the others by volume. */
  sources: SimulatedSource[];
}

/** RFC 9989 test mode (t=y): a receiver applies the policy one level weaker than published. */
export const TEST_MODE_POLICY: Readonly<Record<DmarcPolicy, DmarcPolicy>> = {
  reject: 'quarantine',
  quarantine: 'none',
  none: 'none',
};

/** The policy RFC 9989 applies to a failing message with this From domain under `policy`. */
export function appliedPolicy(
  headerFrom: string,
  policy: Pick<PolicyPublished, 'domain' | 'p' | 'sp' | 'np' | 'testing'>,
  nonExistent: ReadonlySet<string> = new Set(),
): DmarcPolicy {
  return appliedPolicyToNormalized(normalizeDomain(headerFrom), normalizeDomain(policy.domain), policy, nonExistent);
}

/** appliedPolicy with the From domain and the policy domain already normalized (normalizeDomain). */
export function appliedPolicyToNormalized(
  from: string,
  policyDomain: string,
  policy: Pick<PolicyPublished, 'p' | 'sp' | 'np' | 'testing'>,
  nonExistent: ReadonlySet<string>,
): DmarcPolicy {
  const isPolicyDomain = from === policyDomain || from === '';
  const p = policy.p ?? 'none';
  let applied: DmarcPolicy;
  if (isPolicyDomain) applied = p;
  else if (nonExistent.has(from)) applied = policy.np ?? policy.sp ?? p;
  else applied = policy.sp ?? p;
  return policy.testing === 'y' ? TEST_MODE_POLICY[applied] : applied;
}

/** Alignment recomputed under a changed mode depends only on the identifiers: cached per identifier set. */
class AlignmentCache {
  /** Per identifier set: bit 0 set when computed, bit 1 the result; DKIM in the low byte, SPF in the next. */
  private readonly bits = new Map<IdentifierSet, number>();

  dkim(set: IdentifierSet, record: AggregateRecord, mode: AlignmentMode): boolean {
    const shift = mode === 's' ? 0 : 2;
    const bits = this.bits.get(set) ?? 0;
    if ((bits >> shift) & 1) return ((bits >> (shift + 1)) & 1) === 1;
    return this.store(set, bits, shift, isDkimAligned(record.dkimResults, record.headerFrom, mode));
  }

  spf(set: IdentifierSet, record: AggregateRecord, mode: AlignmentMode): boolean {
    const shift = mode === 's' ? 4 : 6;
    const bits = this.bits.get(set) ?? 0;
    if ((bits >> shift) & 1) return ((bits >> (shift + 1)) & 1) === 1;
    return this.store(set, bits, shift, isSpfAligned(record.spfResults, record.headerFrom, mode));
  }

  private store(set: IdentifierSet, bits: number, shift: number, value: boolean): boolean {
    this.bits.set(set, bits | (1 << shift) | (value ? 2 << shift : 0));
    return value;
  }
}

/**
 * Whether the record would pass under the given modes. Under the published mode the receiver's verdict stands (or
 * an aligned pass in auth_results, see passesByVerdictOrAlignment); only a changed mode is recomputed from
 * auth_results, and without auth_results of a kind the receiver's verdict is all there is.
 */
function wouldPass(
  record: AggregateRecord,
  set: IdentifierSet,
  alignment: AlignmentCache,
  adkim: AlignmentMode,
  aspf: AlignmentMode,
  published: Pick<PolicyPublished, 'adkim' | 'aspf'>,
): boolean {
  const dkimAsReported = record.dkim === 'pass' || record.dkimAligned;
  const dkim =
    adkim === (published.adkim ?? 'r') || record.dkimResults.length === 0
      ? dkimAsReported
      : alignment.dkim(set, record, adkim);
  if (dkim) return true;
  const spfAsReported = record.spf === 'pass' || record.spfAligned;
  return aspf === (published.aspf ?? 'r') || record.spfResults.length === 0
    ? spfAsReported
    : alignment.spf(set, record, aspf);
}

const emptyOutcome = (): Outcome => ({ pass: 0, none: 0, quarantine: 0, reject: 0 });
const emptyClassCounts = (): ClassCounts => ({ compliant: 0, forwarded: 0, misconfigured: 0, suspicious: 0 });
const KNOWN_DISPOSITIONS: ReadonlySet<string> = new Set(['none', 'quarantine', 'reject', 'pass']);

/** What a report applies: its published policy with the hypothetical one merged over it. */
interface Variant {
  policy: Pick<PolicyPublished, 'domain' | 'p' | 'sp' | 'np' | 'testing'>;
  adkim: AlignmentMode;
  aspf: AlignmentMode;
  published: Pick<PolicyPublished, 'adkim' | 'aspf'>;
  policyDomain: string;
}

function variantOf(report: AggregateReport, hypothetical: HypotheticalPolicy): Variant {
  const published = report.policy;
  return {
    policy: {
      domain: published.domain,
      p: hypothetical.p ?? published.p ?? 'none',
      ...((hypothetical.sp ?? published.sp) ? { sp: hypothetical.sp ?? published.sp } : {}),
      ...((hypothetical.np ?? published.np) ? { np: hypothetical.np ?? published.np } : {}),
      testing: hypothetical.t ?? published.testing ?? 'n',
    },
    adkim: hypothetical.adkim ?? published.adkim ?? 'r',
    aspf: hypothetical.aspf ?? published.aspf ?? 'r',
    published,
    policyDomain: normalizeDomain(published.domain),
  };
}

/** Reports with the same key give every record the same outcome: the fields of a Variant that outcomes read. */
function variantKey({ policy, adkim, aspf, published, policyDomain }: Variant): string {
  return JSON.stringify([
    policyDomain,
    policy.p,
    policy.sp ?? '',
    policy.np ?? '',
    policy.testing ?? '',
    adkim,
    aspf,
    adkim === (published.adkim ?? 'r'),
    aspf === (published.aspf ?? 'r'),
  ]);
}

/** What a record of one profile and cause adds to its source and the totals under one variant, per message. */
interface Effect {
  /** The disposition receivers reported, or pass. */
  reported: keyof Outcome;
  outcome: keyof Outcome;
  newlyBlocked: boolean;
  previouslyOverridden: boolean;
  /** The class blocked mail counts under, when the outcome blocks it. */
  blockedClass: keyof ClassCounts | undefined;
}

function effectOf(
  record: AggregateRecord,
  identifiers: IdentifierSet,
  failureCause: RecordCause,
  variant: Variant,
  alignment: AlignmentCache,
  nonExistent: ReadonlySet<string>,
): Effect {
  const actual = record.disposition === 'pass' ? 'pass' : record.disposition;
  const reported =
    actual === 'pass' || (actual === 'none' && (record.dkim === 'pass' || record.spf === 'pass')) ? 'pass' : actual;
  const outcome: keyof Outcome = wouldPass(
    record,
    identifiers,
    alignment,
    variant.adkim,
    variant.aspf,
    variant.published,
  )
    ? 'pass'
    : appliedPolicyToNormalized(identifiers.headerFrom, variant.policyDomain, variant.policy, nonExistent);
  const blocks = outcome === 'quarantine' || outcome === 'reject';
  return {
    reported,
    outcome,
    newlyBlocked: blocks && (actual === 'none' || actual === 'pass'),
    previouslyOverridden: blocks && record.reasons.length > 0,
    blockedClass: !blocks
      ? undefined
      : passesByVerdictOrAlignment(record)
        ? 'compliant'
        : receiverSaysForwarded(record)
          ? 'forwarded'
          : CLASS_OF_CAUSE[failureCause],
  };
}

function newSource(key: string, label: string): SimulatedSource {
  return {
    key,
    label,
    messages: 0,
    ...emptyOutcome(),
    newlyBlocked: 0,
    previouslyOverridden: 0,
    blockedByClass: emptyClassCounts(),
  };
}

type Totals = Pick<PolicySimulation, 'simulated' | 'reported'>;

/** Adds `count` messages of one effect to a source and the totals. */
function addEffect(source: SimulatedSource, totals: Totals, effect: Effect, count: number): void {
  const { simulated, reported } = totals;
  source.messages += count;
  simulated.messages += count;
  reported.messages += count;
  reported[effect.reported] += count;
  source[effect.outcome] += count;
  simulated[effect.outcome] += count;
  if (effect.newlyBlocked) {
    source.newlyBlocked += count;
    simulated.newlyBlocked += count;
  }
  if (effect.previouslyOverridden) source.previouslyOverridden += count;
  if (effect.blockedClass !== undefined) {
    source.blockedByClass[effect.blockedClass] += count;
    simulated.blockedByClass[effect.blockedClass] += count;
  }
}

/** Whether a report passes the domain and period filters of the options. */
function selected(report: AggregateReport, options: SimulatePolicyOptions): boolean {
  if (report.kind !== 'aggregate') return false;
  if (options.domain && !reportCoversDomain(report, options.domain)) return false;
  if (options.since !== undefined && report.metadata.end < options.since) return false;
  if (options.until !== undefined && report.metadata.begin >= options.until) return false;
  return true;
}

/** Per variant: messages and records per cell (by index), grown as cells are made. */
interface CellCounts {
  variant: Variant;
  messages: Float64Array;
  records: Uint32Array;
}

/**
 * Recomputes every record of the reports under `hypothetical` (merged over each report's published policy). A
 * record's outcome follows from its profile, its cell's cause and its report's variant, so records only add their
 * messages to their cell under their variant, and each (variant, cell) is judged once.
 */
export function simulatePolicy(
  reports: Iterable<AggregateReport>,
  hypothetical: HypotheticalPolicy,
  options: SimulatePolicyOptions = {},
): PolicySimulation {
  const nonExistent = new Set([...(options.nonExistentDomains ?? [])].map(normalizeDomain));
  const resolver = new SourceResolver(options);
  const alignment = new AlignmentCache();
  const chosen: AggregateReport[] = [];
  const variants = new Map<string, CellCounts>();
  let total = 0;
  let whole = true;
  for (const report of reports) {
    if (!selected(report, options)) continue;
    chosen.push(report);
    const variant = variantOf(report, hypothetical);
    const key = variantKey(variant);
    let counts = variants.get(key);
    if (counts === undefined) {
      counts = { variant, messages: new Float64Array(1024), records: new Uint32Array(1024) };
      variants.set(key, counts);
    }
    for (const record of report.records) {
      const count = record.count;
      const cell = resolver.cellIndex(record);
      if (cell >= counts.messages.length) {
        const size = Math.max(cell + 1, counts.messages.length * 2);
        const messages = new Float64Array(size);
        messages.set(counts.messages);
        const records = new Uint32Array(size);
        records.set(counts.records);
        counts.messages = messages;
        counts.records = records;
      }
      counts.messages[cell]! += count;
      counts.records[cell]! += 1;
      total += count;
      if (!Number.isInteger(count)) whole = false;
    }
  }
  const cells = resolver.cellCount;
  // Sums in another order than the records' are the same only for whole numbers with an exact total; a disposition
  // outside the four words adds a field to `reported` where its first record is. Otherwise, record by record.
  if (
    !whole ||
    !(total <= Number.MAX_SAFE_INTEGER) ||
    resolver.kinds.some((kind) => !KNOWN_DISPOSITIONS.has(kind.profile.exemplar.disposition))
  ) {
    return simulateRecordByRecord(chosen, hypothetical, nonExistent, options);
  }
  const totals: Totals = {
    simulated: { ...emptyOutcome(), messages: 0, newlyBlocked: 0, blockedByClass: emptyClassCounts() },
    reported: { ...emptyOutcome(), messages: 0 },
  };
  const sourceOfContext = new Array<SimulatedSource | undefined>(resolver.contextCount);
  const sources = new Map<string, SimulatedSource>();
  for (const { variant, messages, records } of variants.values()) {
    const effects = new Array<Effect | undefined>(resolver.kinds.length);
    for (let index = 0; index < cells && index < messages.length; index++) {
      if (records[index] === 0) continue;
      const context = resolver.contextAt(index);
      let source = sourceOfContext[context.index];
      if (source === undefined) {
        source = sources.get(context.groupKey);
        if (source === undefined) {
          source = newSource(context.groupKey, context.groupLabel);
          sources.set(context.groupKey, source);
        }
        sourceOfContext[context.index] = source;
      }
      const kind = resolver.kindAt(index);
      const effect = (effects[kind.index] ??= effectOf(
        kind.profile.exemplar,
        kind.profile.identifiers,
        kind.failureCause,
        variant,
        alignment,
        nonExistent,
      ));
      addEffect(source, totals, effect, messages[index]!);
    }
  }
  return simulation(hypothetical, totals, sources);
}

/** simulatePolicy one record at a time, adding in the records' order. */
function simulateRecordByRecord(
  reports: readonly AggregateReport[],
  hypothetical: HypotheticalPolicy,
  nonExistent: ReadonlySet<string>,
  options: SimulatePolicyOptions,
): PolicySimulation {
  const resolver = new SourceResolver(options);
  const alignment = new AlignmentCache();
  const totals: Totals = {
    simulated: { ...emptyOutcome(), messages: 0, newlyBlocked: 0, blockedByClass: emptyClassCounts() },
    reported: { ...emptyOutcome(), messages: 0 },
  };
  const sources = new Map<string, SimulatedSource>();
  for (const report of reports) {
    const variant = variantOf(report, hypothetical);
    for (const record of report.records) {
      const { context, identifiers, failureCause } = resolver.cell(record);
      let source = sources.get(context.groupKey);
      if (!source) {
        source = newSource(context.groupKey, context.groupLabel);
        sources.set(context.groupKey, source);
      }
      const effect = effectOf(record, identifiers, failureCause, variant, alignment, nonExistent);
      addEffect(source, totals, effect, record.count);
    }
  }
  return simulation(hypothetical, totals, sources);
}

function simulation(
  hypothetical: HypotheticalPolicy,
  { simulated, reported }: Totals,
  sources: ReadonlyMap<string, SimulatedSource>,
): PolicySimulation {
  const blocked = (s: SimulatedSource) => s.quarantine + s.reject;
  return {
    hypothetical,
    simulated,
    reported,
    sources: [...sources.values()].sort(
      (a, b) => blocked(b) - blocked(a) || b.messages - a.messages || (a.key < b.key ? -1 : 1),
    ),
  };
}
