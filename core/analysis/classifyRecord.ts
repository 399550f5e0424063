// Why one aggregate record passed or failed DMARC, in terms that decide what the domain owner should do. The
// receiver's verdict (policy_evaluated, RFC 7489 §7.2.1.1 / RFC 9990 §3.1) is the truth for "did it pass"; the raw
// auth_results say why not.
import { type AggregateRecord, normalizeDomain, organizationalDomain } from '../report';
import type { SourceIdentification } from './identifySource';

export type SourceClass = 'compliant' | 'misconfigured' | 'forwarded' | 'suspicious';

export type RecordCause =
  /** DMARC pass: an aligned DKIM signature or an aligned SPF pass. */
  | 'dmarc-pass'
  /** The receiver overrode the policy and said the mail was forwarded or came from a list (RFC 7489 §6.3 reasons). */
  | 'receiver-says-forwarded'
  /** Relayed by a forwarding/alias service from the catalogue. */
  | 'forwarding-service'
  /** Resent by a mailing-list host. */
  | 'mailing-list'
  /** Carries a DKIM signature of the From domain, but came from a server that is not one of the domain's: a
   *  forwarded copy whose signature broke on the way (or a key problem, if the domain sends from here). */
  | 'own-signature-relayed'
  /** A known sending service (ESP, CRM, help desk…) sent as the domain without aligned DKIM or SPF. */
  | 'service-unaligned'
  /** The domain's own mailbox-provider tenant (Workspace, Microsoft 365…) sent without alignment. */
  | 'own-tenant-unaligned'
  /** Someone's account at a public mailbox provider used the domain in From. */
  | 'mailbox-account'
  /** A general-purpose cloud server, not a mail service. */
  | 'cloud-server'
  /** Nothing recognisable, failing both. */
  | 'unknown-failing';

export const CLASS_OF_CAUSE: Readonly<Record<RecordCause, SourceClass>> = {
  'dmarc-pass': 'compliant',
  'receiver-says-forwarded': 'forwarded',
  'forwarding-service': 'forwarded',
  'mailing-list': 'forwarded',
  'own-signature-relayed': 'forwarded',
  'service-unaligned': 'misconfigured',
  'own-tenant-unaligned': 'misconfigured',
  'mailbox-account': 'suspicious',
  'cloud-server': 'suspicious',
  'unknown-failing': 'suspicious',
};

const FORWARDING_REASONS = new Set(['forwarded', 'trusted_forwarder', 'mailing_list']);

/**
 * Whether the record passed DMARC by either account: the receiver said so, or its auth_results show an aligned pass
 * (some reporters, e.g. the zoho.com fixture, write `fail` in policy_evaluated next to an aligned DKIM and SPF pass).
 * Compare `receiverPassedDmarc` (summarizeReport.ts), the receiver's verdict alone.
 */
export function passesByVerdictOrAlignment(record: AggregateRecord): boolean {
  return record.dkim === 'pass' || record.spf === 'pass' || record.dkimAligned || record.spfAligned;
}

/** What a record's identifiers say about its origin; depends only on its domains and results, so it is cached. */
export interface RecordFacts {
  /** A DKIM signature (passing or not) of the From domain's organisation. */
  ownSignature: boolean;
  /** The envelope domain is the From domain's own (so the domain's SPF record was the one checked). */
  ownEnvelope: boolean;
  /** An SPF pass for the MAIL FROM identity (RFC 7208 §2.4), aligned or not. */
  spfPassed: boolean;
  /**
   * A DKIM signature of the domain's own tenant at the identified service: one of its tenant domains whose tenant
   * label names the From domain's organisation (`opserv-io.20150623.gappssmtp.com` for opserv.io).
   */
  tenantSigned: boolean;
  /** A DKIM signature of another organisation's tenant at the service (`condenast-com-tw.…gappssmtp.com`). */
  foreignTenantSigned: boolean;
  /** The envelope domain, normalized. */
  envelope?: string;
  /** Passing signatures of other organisations. */
  foreignPassingDkim: string[];
  /** Failing signatures of the From domain's organisation, as `selector|result`. */
  ownFailingSignatures: string[];
}

export function recordFacts(record: AggregateRecord, identification: SourceIdentification): RecordFacts {
  const org = record.headerFrom ? organizationalDomain(record.headerFrom) : '';
  const envelopeRaw = record.envelopeFrom ?? record.spfResults.find((r) => r.scope !== 'helo')?.domain;
  const envelope = envelopeRaw ? normalizeDomain(envelopeRaw) : undefined;
  const tenantDomains = identification.service?.tenantDkimDomains ?? [];
  const facts: RecordFacts = {
    ownSignature: false,
    ownEnvelope: envelope !== undefined && org !== '' && organizationalDomain(envelope) === org,
    spfPassed: record.spfResults.some((r) => r.result === 'pass' && r.scope !== 'helo'),
    tenantSigned: false,
    foreignTenantSigned: false,
    ...(envelope ? { envelope } : {}),
    foreignPassingDkim: [],
    ownFailingSignatures: [],
  };
  for (const dkim of record.dkimResults) {
    if (!dkim.domain) continue;
    const name = normalizeDomain(dkim.domain);
    const own = org !== '' && organizationalDomain(name) === org;
    if (own) {
      facts.ownSignature = true;
      if (dkim.result !== 'pass') facts.ownFailingSignatures.push(`${dkim.selector ?? ''}|${dkim.result}`);
    } else if (dkim.result === 'pass') facts.foreignPassingDkim.push(name);
    const tenant = tenantDomains.find((t) => name.endsWith(`.${t}`));
    if (tenant === undefined) continue;
    if (tenantNamesOrganization(name.slice(0, -tenant.length - 1), org)) facts.tenantSigned = true;
    else facts.foreignTenantSigned = true;
  }
  return facts;
}

/**
 * Whether the labels a provider puts before its tenant domain name the organisation `org`. Google Workspace signs
 * with `<primary domain, dots as hyphens>.<date>.gappssmtp.com`; Microsoft 365 with `<tenant name>.onmicrosoft.com`,
 * a name the customer chose, usually the domain's first label (contoso for contoso.com).
 */
export function tenantNamesOrganization(tenantLabels: string, org: string): boolean {
  if (org === '') return false;
  const tenant = tenantLabels.split('.', 1)[0] ?? '';
  return tenant === org.replace(/\./g, '-') || tenant === org.split('.', 1)[0];
}

/**
 * Gmail's comment on a local_policy override when an ARC chain (RFC 8617) showed the mail passed before an
 * intermediary forwarded it (DSalko__dmarc_parser/complete.xml: other Workspace tenants relaying opserv.io mail).
 */
const ARC_PASS = /(^|[\s;,])arc=pass($|[\s;,])/i;

/**
 * Whether a receiver's override reason says the record was forwarded or came from a mailing list: one of the
 * forwarding reasons of RFC 7489 §6.6.2, or an override the receiver made because ARC showed the original passed.
 */
export function receiverSaysForwarded(record: AggregateRecord): boolean {
  const reasons = record.reasons;
  for (let i = 0; i < reasons.length; i++) {
    const reason = reasons[i]!;
    if (FORWARDING_REASONS.has(reason.type)) return true;
    if (reason.comment !== undefined && ARC_PASS.test(reason.comment)) return true;
  }
  return false;
}

/**
 * The cause of a record that failed DMARC without a forwarding override: depends only on the identification and
 * the facts, so callers that see the same identifiers many times compute it once.
 */
export function causeOfFailure(identification: SourceIdentification, facts: RecordFacts): RecordCause {
  const service = identification.service;
  if (service?.type === 'forwarder') return 'forwarding-service';
  if (service?.type === 'mailing-list') return 'mailing-list';
  if (service && service.type !== 'mailbox' && service.type !== 'cloud') return 'service-unaligned';
  // The domain's tenant signature or its own envelope: the mail left from the domain's own account at this provider.
  if (service?.type === 'mailbox' && (facts.tenantSigned || (facts.ownEnvelope && !facts.ownSignature))) {
    return 'own-tenant-unaligned';
  }
  if (facts.ownSignature) return 'own-signature-relayed';
  if (service?.type === 'mailbox') return 'mailbox-account';
  if (service?.type === 'cloud') return 'cloud-server';
  return 'unknown-failing';
}

/**
 * Whether mail from a shared mailbox provider (Google, Microsoft 365…) came from the domain's own account there —
 * its tenant signature, its own DKIM or its own envelope — rather than from someone else's account at the same
 * provider (a public gmail.com address, another organisation's tenant). The two are different sources: the first is
 * the domain's mail system, the second spoofing or forwarding.
 */
export function fromOwnAccount(facts: RecordFacts): boolean {
  return facts.tenantSigned || facts.ownSignature || facts.ownEnvelope;
}

/** The class of one record: its cause's class (CLASS_OF_CAUSE). */
export function classOfRecord(
  record: AggregateRecord,
  identification: SourceIdentification,
  facts: RecordFacts = recordFacts(record, identification),
): SourceClass {
  return CLASS_OF_CAUSE[classifyRecord(record, identification, facts)];
}

/** The cause of one record's outcome; `identification` comes from identifySource. */
export function classifyRecord(
  record: AggregateRecord,
  identification: SourceIdentification,
  facts: RecordFacts = recordFacts(record, identification),
): RecordCause {
  if (passesByVerdictOrAlignment(record)) return 'dmarc-pass';
  if (receiverSaysForwarded(record)) return 'receiver-says-forwarded';
  return causeOfFailure(identification, facts);
}
