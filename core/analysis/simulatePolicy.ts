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
import { CLASS_OF_CAUSE, passesByVerdictOrAlignment, receiverSaysForwarded } from './classifyRecord';
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

/** Recomputes every record of the reports under `hypothetical` (merged over each report's published policy). */
export function simulatePolicy(
  reports: Iterable<AggregateReport>,
  hypothetical: HypotheticalPolicy,
  options: SimulatePolicyOptions = {},
): PolicySimulation {
  const nonExistent = new Set([...(options.nonExistentDomains ?? [])].map(normalizeDomain));
  const resolver = new SourceResolver(options);
  const alignment = new AlignmentCache();
  const sources = new Map<string, SimulatedSource>();
  const simulated = { ...emptyOutcome(), messages: 0, newlyBlocked: 0, blockedByClass: emptyClassCounts() };
  const reported = { ...emptyOutcome(), messages: 0 };
  for (const report of reports) {
    if (report.kind !== 'aggregate') continue;
    if (options.domain && !reportCoversDomain(report, options.domain)) continue;
    if (options.since !== undefined && report.metadata.end < options.since) continue;
    if (options.until !== undefined && report.metadata.begin >= options.until) continue;
    const published = report.policy;
    const policy = {
      domain: published.domain,
      p: hypothetical.p ?? published.p ?? 'none',
      ...((hypothetical.sp ?? published.sp) ? { sp: hypothetical.sp ?? published.sp } : {}),
      ...((hypothetical.np ?? published.np) ? { np: hypothetical.np ?? published.np } : {}),
      testing: hypothetical.t ?? published.testing ?? 'n',
    } as const;
    const adkim = hypothetical.adkim ?? published.adkim ?? 'r';
    const aspf = hypothetical.aspf ?? published.aspf ?? 'r';
    const policyDomain = normalizeDomain(published.domain);
    for (const record of report.records) {
      const count = record.count;
      const { context, identifiers, failureCause } = resolver.cell(record);
      const key = context.groupKey;
      const label = context.groupLabel;
      let source = sources.get(key);
      if (!source) {
        source = {
          key,
          label,
          messages: 0,
          ...emptyOutcome(),
          newlyBlocked: 0,
          previouslyOverridden: 0,
          blockedByClass: emptyClassCounts(),
        };
        sources.set(key, source);
      }
      source.messages += count;
      simulated.messages += count;
      reported.messages += count;
      const actual = record.disposition === 'pass' ? 'pass' : record.disposition;
      if (actual === 'pass' || (actual === 'none' && (record.dkim === 'pass' || record.spf === 'pass')))
        reported.pass += count;
      else reported[actual] += count;
      const outcome: keyof Outcome = wouldPass(record, identifiers, alignment, adkim, aspf, published)
        ? 'pass'
        : appliedPolicyToNormalized(identifiers.headerFrom, policyDomain, policy, nonExistent);
      source[outcome] += count;
      simulated[outcome] += count;
      if ((outcome === 'quarantine' || outcome === 'reject') && (actual === 'none' || actual === 'pass')) {
        source.newlyBlocked += count;
        simulated.newlyBlocked += count;
      }
      if ((outcome === 'quarantine' || outcome === 'reject') && record.reasons.length > 0) {
        source.previouslyOverridden += count;
      }
      if (outcome === 'quarantine' || outcome === 'reject') {
        const cls = passesByVerdictOrAlignment(record)
          ? 'compliant'
          : receiverSaysForwarded(record)
            ? 'forwarded'
            : CLASS_OF_CAUSE[failureCause];
        source.blockedByClass[cls] += count;
        simulated.blockedByClass[cls] += count;
      }
    }
  }
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
