// One class per source group, with the reason in a sentence and, for a misconfigured service, the fix.
// Classes follow how DMARC tools present sources (docs/sender-intelligence.md "Classes"): compliant, misconfigured (a
// known service of the domain failing alignment), forwarded, suspicious (unknown, failing both). Reason and fix are
// explanations (explanation.ts) with their English text beside them.
import { CLASS_OF_CAUSE, type RecordCause, type SourceClass } from './classifyRecord';
import {
  explain,
  formatExplanation,
  quantity,
  type Explanation,
  type ExplanationParam,
  type Percentage,
} from './explanation';
import type { SourceGroup } from './groupSources';
import { labelExplanation } from './sourceLabel';

/**
 * Failing messages up to this share of a group do not change its class: a compliant service still has a few
 * forwarded copies (which fail SPF at the forwarder) in every week of reports.
 */
export const FAILURE_TOLERANCE = 0.02;

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
    .map((c) => explain('suspicious.country', { country: c.value, messages: c.messages }));
  return group.countries.length > 3
    ? explain('suspicious.moreCountries', { countries, more: group.countries.length - 3 })
    : explain('suspicious.countries', { countries });
}

/** The class of most failing messages and its most frequent cause; undefined for a compliant group. */
type Dominant = { cls: Exclude<SourceClass, 'compliant'>; cause: RecordCause } | undefined;

function dominantFailingClass(causes: GroupFacts['causes']): NonNullable<Dominant> {
  const byClass = new Map<Exclude<SourceClass, 'compliant'>, number>();
  let topCause: RecordCause = 'unknown-failing';
  let topCauseCount = -1;
  for (const [cause, count] of Object.entries(causes) as Array<[RecordCause, number]>) {
    const cls = CLASS_OF_CAUSE[cause];
    if (cls === 'compliant') continue;
    byClass.set(cls, (byClass.get(cls) ?? 0) + count);
  }
  // Ties resolve towards what needs action: misconfigured, then suspicious, then forwarded.
  let best: Exclude<SourceClass, 'compliant'> = 'suspicious';
  let bestCount = -1;
  for (const cls of ['misconfigured', 'suspicious', 'forwarded'] as const) {
    const count = byClass.get(cls) ?? 0;
    if (count > bestCount) {
      best = cls;
      bestCount = count;
    }
  }
  for (const [cause, count] of Object.entries(causes) as Array<[RecordCause, number]>) {
    if (CLASS_OF_CAUSE[cause] === best && count > topCauseCount) {
      topCause = cause;
      topCauseCount = count;
    }
  }
  return { cls: best, cause: topCause };
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

/** The reason (and fix) of a group whose class is known: compliant without `dominant`, else its dominant failure. */
function explainSource(group: GroupFacts, dominant: Dominant): { reason: Explanation; fix?: Explanation } {
  if (group.messages === 0) return { reason: explain('source.noMessages') };
  const domain = topDomain(group);
  const failing = group.messages - group.passing;
  const messages = quantity(group.messages, 'message');
  const label = labelExplanation(group.key, group.label);
  if (!dominant) {
    const signed = group.dkimAligned >= group.passing * 0.98;
    const params = {
      passShare: share(group.passing, group.messages),
      messages,
      label,
      fewFailed: failing > 0 ? explain('source.fewFailed', { failed: quantity(failing, 'message') }) : '',
    };
    return {
      reason: signed
        ? explain('source.compliant', params)
        : explain('source.compliantPartlySigned', { ...params, dkimShare: share(group.dkimAligned, group.messages) }),
    };
  }
  const { cls, cause } = dominant;
  const name = nameOf(group);
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
    default: {
      const blocked = group.dispositions.reject + group.dispositions.quarantine;
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
 * A source group's class, decided at once, with its reason and, for a misconfigured service, the fix: explanations
 * (codes with parameters, for other languages) and their English texts, each written when first read — the dashboard
 * classifies thousands of groups and shows a hundred, in one language.
 */
export class SourceClassification {
  readonly class: SourceClass;
  readonly #facts: () => GroupFacts;
  readonly #dominant: Dominant;
  #explained: { reason: Explanation; fix?: Explanation } | undefined;
  #reasonText: string | undefined;
  #fixText: string | undefined;

  /** `facts` gives the group's facts when the reason is first read. */
  constructor(facts: () => GroupFacts, dominant: Dominant) {
    this.class = dominant?.cls ?? 'compliant';
    this.#facts = facts;
    this.#dominant = dominant;
  }

  get #explanation(): { reason: Explanation; fix?: Explanation } {
    return (this.#explained ??= explainSource(this.#facts(), this.#dominant));
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

  /** Exports (the dashboard's JSON) carry the class with its reason and fix, in English and as explanations. */
  toJSON(): {
    class: SourceClass;
    reason: string;
    fix?: string;
    reasonExplanation: Explanation;
    fixExplanation?: Explanation;
  } {
    const { fix, fixExplanation } = this;
    return {
      class: this.class,
      reason: this.reason,
      ...(fix ? { fix } : {}),
      reasonExplanation: this.reasonExplanation,
      ...(fixExplanation ? { fixExplanation } : {}),
    };
  }
}

/**
 * The class of a group from its messages, passing messages and (for a failing group) its causes; the reason and fix
 * from its facts, asked for when first read (SourceGrouper.classes gathers them only then).
 */
export function classifyCounts(
  messages: number,
  passing: number,
  causes: () => GroupFacts['causes'],
  facts: () => GroupFacts,
): SourceClassification {
  const failing = messages - passing;
  const compliant = messages === 0 || failing <= messages * FAILURE_TOLERANCE;
  return new SourceClassification(facts, compliant ? undefined : dominantFailingClass(causes()));
}

/** The class, reason and fix of a source group from its counts. */
export function classifySource(group: GroupFacts): SourceClassification {
  return classifyCounts(
    group.messages,
    group.passing,
    () => group.causes,
    () => group,
  );
}
