// A source group's messages counted per class of their own (each record classed by classifyRecord), the class the
// group is (that of most of its messages), the reason in a sentence and, for a misconfigured service, the fix.
// Classes follow how DMARC tools present sources (docs/sender-intelligence.md "Classes"): compliant, misconfigured (a
// known service of the domain failing alignment), forwarded, suspicious (unknown, failing both). Reason and fix are
// explanations (explanation.ts) with their English text beside them.
import { CLASS_OF_CAUSE, type RecordCause, type SourceClass } from './classifyRecord';
import {
  country,
  explain,
  formatExplanation,
  quantity,
  type Explanation,
  type ExplanationParam,
  type Percentage,
} from './explanation';
import type { SourceGroup } from './groupSources';
import { labelExplanation } from './sourceLabel';

/** Messages of a source per class of their own (classifyRecord). */
export type ClassCounts = Record<SourceClass, number>;

/** The order classes win a tie in: what needs action first. */
const CLASS_PRECEDENCE: readonly SourceClass[] = ['misconfigured', 'suspicious', 'forwarded', 'compliant'];

/** Messages per class of a group's causes. */
export function classCounts(causes: Partial<Record<RecordCause, number>>): ClassCounts {
  const counts: ClassCounts = { compliant: 0, forwarded: 0, misconfigured: 0, suspicious: 0 };
  for (const [cause, messages] of Object.entries(causes) as Array<[RecordCause, number]>) {
    counts[CLASS_OF_CAUSE[cause]] += messages;
  }
  return counts;
}

/**
 * What a source is: the class most of its messages have. A shared platform always carries a few messages of other
 * kinds (forwarded copies, someone's spoofing); they are counted beside the class, never flip it. Ties go to what
 * needs action.
 */
export function classOfCounts(counts: ClassCounts): SourceClass {
  let best: SourceClass = 'compliant';
  let bestCount = 0;
  for (const cls of CLASS_PRECEDENCE) {
    if (counts[cls] > bestCount) {
      best = cls;
      bestCount = counts[cls];
    }
  }
  return best;
}

/**
 * Messages that failed both DKIM and SPF alignment and were not forwarded: misconfigured and suspicious mail. What
 * the spoofing figure counts.
 */
export function spoofedOf(counts: ClassCounts): number {
  return counts.misconfigured + counts.suspicious;
}

/** part/whole in percent: whole numbers at the ends (0%, 100%), one decimal between. */
function share(part: number, whole: number): Percentage {
  if (whole === 0) return { percent: 0, decimals: 0 };
  const value = (part / whole) * 100;
  const decimals = value >= 99.95 || value < 0.05 ? 0 : 1;
  return { percent: Number(value.toFixed(decimals)), decimals };
}

type GroupFacts = Omit<SourceGroup, 'classification'>;

function topDomain(group: GroupFacts): ExplanationParam {
  return group.headerFromDomains[0]?.value ?? explain('label.yourDomain');
}

/** The service's name, else the group's label, as a parameter (generated names are explanations). */
function nameOf(group: GroupFacts): ExplanationParam {
  return group.service
    ? labelExplanation(group.service.id, group.service.name)
    : labelExplanation(group.key, group.label);
}

function countriesClause(group: GroupFacts): ExplanationParam {
  if (group.countries.length === 0) return '';
  const countries = group.countries
    .slice(0, 3)
    .map((c) => explain('suspicious.country', { country: country(c.value), messages: c.messages }));
  return group.countries.length > 3
    ? explain('suspicious.moreCountries', { countries, more: group.countries.length - 3 })
    : explain('suspicious.countries', { countries });
}

/** A source's class and the most frequent cause of its messages of that class. */
interface Dominant {
  cls: SourceClass;
  cause: RecordCause;
}

function dominantOf(causes: GroupFacts['causes'], counts: ClassCounts): Dominant {
  const cls = classOfCounts(counts);
  let cause: RecordCause = cls === 'compliant' ? 'dmarc-pass' : 'unknown-failing';
  let causeCount = -1;
  for (const [each, count] of Object.entries(causes) as Array<[RecordCause, number]>) {
    if (CLASS_OF_CAUSE[each] === cls && count > causeCount) {
      cause = each;
      causeCount = count;
    }
  }
  return { cls, cause };
}

/** DKIM first (a broken signature of the domain's own, or signing to turn on), then SPF. */
function misconfiguredFix(group: GroupFacts, domain: ExplanationParam): Explanation {
  const service = group.service;
  const name = nameOf(group);
  let dkim: Explanation;
  const brokenSignature = group.ownSignatureFailingSelectors[0];
  if (brokenSignature) {
    const [selector = '', result = 'fail'] = brokenSignature.value.split('|');
    const keyName = `${selector || '<selector>'}._domainkey.${formatExplanation(domain)}`;
    dkim =
      result === 'temperror'
        ? explain('fix.keyUnreachable', { keyName, domain })
        : explain('fix.signatureBroken', {
            domain,
            selector: selector ? explain('fix.selector', { selector }) : '',
            name,
            result,
            keyName,
          });
  } else {
    const signsAs = group.foreignDkimDomains[0]?.value;
    dkim = explain('fix.turnOnDkim', {
      domain,
      where: service?.dkimSetupAt ?? name,
      signsAs: signsAs ? explain('fix.signsAs', { signsAs }) : '',
    });
  }
  let spf: Explanation | undefined;
  if (group.ownEnvelopeSpfFailing > 0) {
    const envelope = group.envelopeDomains[0]?.value ?? domain;
    const include = service?.spfIncludes[0];
    spf = include
      ? explain('fix.addInclude', { include: include.includes(':') ? include : `include:${include}`, envelope })
      : explain('fix.authorizeServers', { name, envelope });
  } else if (group.envelopeDomains[0] && service) {
    spf = explain('fix.returnPath', { domain, name });
  }
  return spf ? explain('fix.dkimAndSpf', { dkim, spf }) : explain('fix.dkim', { dkim });
}

/** The reason (and fix) of a group from its class, the most frequent cause of that class and its class counts. */
function explainSource(
  group: GroupFacts,
  dominant: Dominant,
  counts: ClassCounts,
): { reason: Explanation; fix?: Explanation } {
  if (group.messages === 0) return { reason: explain('source.noMessages') };
  const domain = topDomain(group);
  const messages = quantity(group.messages, 'message');
  const label = labelExplanation(group.key, group.label);
  if (dominant.cls === 'compliant') {
    const others = (['forwarded', 'misconfigured', 'suspicious'] as const)
      .filter((cls) => counts[cls] > 0)
      .map((cls) => explain(`class.${cls}`, { count: counts[cls] }));
    const signed = group.dkimAligned >= group.passing * 0.98;
    const params = {
      passShare: share(group.passing, group.messages),
      messages,
      label,
      besides: others.length > 0 ? explain('source.alsoCarried', { others }) : '',
    };
    return {
      reason: signed
        ? explain('source.compliant', params)
        : explain('source.compliantPartlySigned', { ...params, dkimShare: share(group.dkimAligned, group.messages) }),
    };
  }
  const { cls, cause } = dominant;
  const name = nameOf(group);
  const failing = counts[cls];
  switch (cls) {
    case 'misconfigured': {
      const code = cause === 'own-tenant-unaligned' ? 'source.misconfiguredTenant' : 'source.misconfigured';
      return { reason: explain(code, { name, failing, messages, domain }), fix: misconfiguredFix(group, domain) };
    }
    case 'forwarded': {
      const why =
        cause === 'receiver-says-forwarded'
          ? explain('forwarded.receiverSaysForwarded')
          : cause === 'forwarding-service'
            ? explain('forwarded.forwardingService', { name })
            : cause === 'mailing-list'
              ? explain('forwarded.mailingList', { name })
              : cause === 'own-signature-relayed'
                ? explain('forwarded.ownSignatureRelayed', { domain })
                : explain('forwarded.relayed');
      return { reason: explain('source.forwarded', { failing, messages, label, why }) };
    }
    case 'suspicious': {
      const blocked = group.spoofedBlocked;
      const what =
        cause === 'mailbox-account'
          ? explain('suspicious.mailboxAccount', { name, domain })
          : cause === 'cloud-server'
            ? explain('suspicious.cloudServer', { name, domain })
            : explain('suspicious.unknown', { domain });
      return {
        reason: explain('source.suspicious', {
          failing,
          messages,
          what,
          countries: countriesClause(group),
          blocked: blocked > 0 ? explain('suspicious.blocked', { blocked }) : '',
        }),
      };
    }
  }
}

/**
 * A source group's class, decided at once from its messages per class, with its reason and, for a misconfigured
 * service, the fix: explanations (codes with parameters, for other languages) and their English texts, each written
 * when first read — the dashboard classifies thousands of groups and shows a hundred, in one language.
 */
export class SourceClassification {
  readonly class: SourceClass;
  /** Messages per class of their own: what the class is, and what else the source carries beside it. */
  readonly byClass: Readonly<ClassCounts>;
  readonly #facts: () => GroupFacts;
  readonly #dominant: Dominant;
  #explained: { reason: Explanation; fix?: Explanation } | undefined;
  #reasonText: string | undefined;
  #fixText: string | undefined;

  /** `facts` gives the group's facts when the reason is first read. */
  constructor(causes: GroupFacts['causes'], facts: () => GroupFacts) {
    this.byClass = classCounts(causes);
    this.#dominant = dominantOf(causes, this.byClass);
    this.class = this.#dominant.cls;
    this.#facts = facts;
  }

  /** Messages that failed both DKIM and SPF alignment and were not forwarded (spoofedOf). */
  get spoofed(): number {
    return spoofedOf(this.byClass);
  }

  get #explanation(): { reason: Explanation; fix?: Explanation } {
    return (this.#explained ??= explainSource(this.#facts(), this.#dominant, this.byClass));
  }

  /** Why, in one sentence a domain owner can read. */
  get reasonExplanation(): Explanation {
    return this.#explanation.reason;
  }

  /** What to change, for misconfigured sources. */
  get fixExplanation(): Explanation | undefined {
    return this.#explanation.fix;
  }

  /** The reason in English. */
  get reason(): string {
    return (this.#reasonText ??= formatExplanation(this.reasonExplanation));
  }

  /** The fix in English. */
  get fix(): string | undefined {
    const fix = this.fixExplanation;
    return fix && (this.#fixText ??= formatExplanation(fix));
  }

  /** Exports (the dashboard's JSON) carry the class with its counts, reason and fix, in English and as explanations. */
  toJSON(): {
    class: SourceClass;
    byClass: ClassCounts;
    reason: string;
    fix?: string;
    reasonExplanation: Explanation;
    fixExplanation?: Explanation;
  } {
    const { fix, fixExplanation } = this;
    return {
      class: this.class,
      byClass: { ...this.byClass },
      reason: this.reason,
      ...(fix ? { fix } : {}),
      reasonExplanation: this.reasonExplanation,
      ...(fixExplanation ? { fixExplanation } : {}),
    };
  }
}

/** The class, reason and fix of a source group from its messages per cause; the reason and fix asked for when read. */
export function classifyCauses(causes: GroupFacts['causes'], facts: () => GroupFacts): SourceClassification {
  return new SourceClassification(causes, facts);
}

/** The class, reason and fix of a source group from its counts. */
export function classifySource(group: GroupFacts): SourceClassification {
  return classifyCauses(group.causes, () => group);
}
