// One class per source group, with the reason in a sentence and, for a misconfigured service, the fix.
// Classes follow how DMARC tools present sources (docs/dmarc.md): compliant, misconfigured (a known service of the
// domain failing alignment), forwarded, suspicious (unknown, failing both).
import { CLASS_OF_CAUSE, type RecordCause, type SourceClass } from './classifyRecord';
import { formatCount } from './formatCount';
import type { SourceGroup } from './groupSources';

export interface SourceClassification {
  class: SourceClass;
  /** Why, in one sentence a domain owner can read. */
  reason: string;
  /** What to change, for misconfigured sources. */
  fix?: string;
}

/**
 * Failing messages up to this share of a group do not change its class: a compliant service still has a few
 * forwarded copies (which fail SPF at the forwarder) in every week of reports.
 */
export const FAILURE_TOLERANCE = 0.02;

const numberFormat = formatCount;
const percent = (part: number, whole: number) => {
  if (whole === 0) return '0%';
  const value = (part / whole) * 100;
  return `${value >= 99.95 || value < 0.05 ? value.toFixed(0) : value.toFixed(1)}%`;
};
const plural = (n: number, word: string) => `${numberFormat(n)} ${word}${n === 1 ? '' : 's'}`;

type GroupFacts = Omit<SourceGroup, 'classification'>;

function topDomain(group: GroupFacts): string {
  return group.headerFromDomains[0]?.value ?? 'your domain';
}

function countriesText(group: GroupFacts): string {
  if (group.countries.length === 0) return '';
  const shown = group.countries.slice(0, 3).map((c) => `${c.value} ${numberFormat(c.messages)}`);
  const more = group.countries.length > 3 ? ` and ${group.countries.length - 3} more` : '';
  return ` from networks registered in ${shown.join(', ')}${more}`;
}

function dominantFailingClass(group: GroupFacts): { cls: Exclude<SourceClass, 'compliant'>; cause: RecordCause } {
  const byClass = new Map<Exclude<SourceClass, 'compliant'>, number>();
  let topCause: RecordCause = 'unknown-failing';
  let topCauseCount = -1;
  for (const [cause, count] of Object.entries(group.causes) as Array<[RecordCause, number]>) {
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
  for (const [cause, count] of Object.entries(group.causes) as Array<[RecordCause, number]>) {
    if (CLASS_OF_CAUSE[cause] === best && count > topCauseCount) {
      topCause = cause;
      topCauseCount = count;
    }
  }
  return { cls: best, cause: topCause };
}

function misconfiguredFix(group: GroupFacts, domain: string): string {
  const service = group.service;
  const name = service?.name ?? group.label;
  const steps: string[] = [];
  const brokenSignature = group.ownSignatureFailingSelectors[0];
  if (brokenSignature) {
    const [selector = '', result = 'fail'] = brokenSignature.value.split('|');
    const keyName = `${selector || '<selector>'}._domainkey.${domain}`;
    steps.push(
      result === 'temperror'
        ? `receivers could not fetch the DKIM key ${keyName} (temperror): make sure it resolves reliably from every DNS server of ${domain}`
        : `the DKIM signature d=${domain}${selector ? ` (selector ${selector})` : ''} from ${name} does not verify (${result}): ` +
            `publish the key ${name} gives you at ${keyName} exactly as shown`,
    );
  } else {
    const where = service?.dkimSetupAt ?? name;
    const signsAs = group.foreignDkimDomains[0]?.value;
    steps.push(
      `turn on DKIM signing with d=${domain} at ${where}` + (signsAs ? ` (it signs as ${signsAs} today, which does not align)` : ''),
    );
  }
  if (group.ownEnvelopeSpfFailing > 0) {
    const envelope = group.envelopeDomains[0]?.value ?? domain;
    const include = service?.spfIncludes[0];
    steps.push(
      include
        ? `add ${include.includes(':') ? include : `include:${include}`} to the SPF record of ${envelope}`
        : `authorize ${name}'s servers in the SPF record of ${envelope}`,
    );
  } else if (group.envelopeDomains[0] && service) {
    steps.push(`optionally set a custom return-path under ${domain} at ${name} so SPF aligns as well`);
  }
  const text = steps.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** The class, reason and fix of a source group from its counts. */
export function classifySource(group: GroupFacts): SourceClassification {
  const domain = topDomain(group);
  const failing = group.messages - group.passing;
  if (group.messages === 0) return { class: 'compliant', reason: 'No messages in the chosen period.' };
  if (failing <= group.messages * FAILURE_TOLERANCE) {
    const signed = group.dkimAligned >= group.passing * 0.98;
    const how = signed ? 'with aligned DKIM' : `(aligned DKIM on ${percent(group.dkimAligned, group.messages)})`;
    const rest = failing > 0 ? `; ${plural(failing, 'message')} failed, too few to change the verdict` : '';
    return {
      class: 'compliant',
      reason: `${percent(group.passing, group.messages)} of ${plural(group.messages, 'message')} from ${group.label} pass DMARC ${how}${rest}.`,
    };
  }
  const { cls, cause } = dominantFailingClass(group);
  const share = `${numberFormat(failing)} of ${plural(group.messages, 'message')}`;
  const name = group.service?.name ?? group.label;
  switch (cls) {
    case 'misconfigured': {
      const tenant = cause === 'own-tenant-unaligned';
      const who = tenant ? `${name} (your organisation's account there)` : name;
      const ifNotYours = tenant
        ? ''
        : ` If you do not use ${name}, someone else's ${name} account is sending as ${domain}: report it to ${name}.`;
      return {
        class: 'misconfigured',
        reason: `${who} sent ${share} as ${domain} without aligned DKIM or SPF, so DMARC fails.${ifNotYours}`,
        fix: misconfiguredFix(group, domain),
      };
    }
    case 'forwarded': {
      const why: Record<string, string> = {
        'receiver-says-forwarded': `the receivers marked them as forwarded or mailing-list mail (policy override)`,
        'forwarding-service': `${name} forwards mail it did not write, so SPF checks its servers instead of yours`,
        'mailing-list': `${name} is a mailing list: it changes the message, which breaks your DKIM signature, and sends from its own servers`,
        'own-signature-relayed': `they carry your DKIM signature (d=${domain}) but arrive from a server you do not send from, so the signature broke on the way`,
      };
      return {
        class: 'forwarded',
        reason:
          `${share} from ${group.label} failed DMARC after forwarding: ${why[cause] ?? 'they were relayed by a third party'}. ` +
          `Nothing to fix for these unless you send from this source; keep DKIM signing everything so forwarded copies can pass.`,
      };
    }
    default: {
      const blocked = group.dispositions.reject + group.dispositions.quarantine;
      const handled = blocked > 0 ? ` Receivers rejected or quarantined ${numberFormat(blocked)}.` : '';
      const what =
        cause === 'mailbox-account'
          ? `someone's ${name} account put ${domain} in From`
          : cause === 'cloud-server'
            ? `a server at ${name} (a general-purpose cloud) sent as ${domain}`
            : `an unrecognised sender used ${domain} in From`;
      return {
        class: 'suspicious',
        reason:
          `${share} failed both DKIM and SPF: ${what}${countriesText(group)}.${handled} ` +
          `Unless this is a sender you use, it is spoofing; p=quarantine or p=reject stops it from reaching inboxes.`,
      };
    }
  }
}
