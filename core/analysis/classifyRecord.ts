// Why one aggregate record passed or failed DMARC, in terms that decide what the domain owner should do. The
// receiver's verdict (policy_evaluated, RFC 7489 §7.2.1.1 / RFC 9990 §3.1) is the truth for "did it pass"; the raw
// auth_results say why not.
import type { AggregateRecord } from '../report/types';
import { normalizeDomain, organizationalDomain } from './alignment';
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
 * Whether the record passed DMARC: the receiver said so, or its auth_results show an aligned pass (some reporters,
 * e.g. the zoho.com fixture, write `fail` in policy_evaluated next to an aligned DKIM and SPF pass).
 */
export function passesDmarc(record: AggregateRecord): boolean {
  return record.dkim === 'pass' || record.spf === 'pass' || record.dkimAligned || record.spfAligned;
}

/** Whether any DKIM signature (passing or not) claims the From domain's organisation. */
export function hasOwnSignature(record: AggregateRecord): boolean {
  if (!record.headerFrom) return false;
  const org = organizationalDomain(record.headerFrom);
  return record.dkimResults.some((d) => d.domain !== '' && organizationalDomain(d.domain) === org);
}

/** Whether the envelope domain is the From domain's own (so the domain's SPF record was the one checked). */
export function hasOwnEnvelope(record: AggregateRecord): boolean {
  const envelope = record.envelopeFrom ?? record.spfResults.find((r) => r.scope !== 'helo')?.domain;
  if (!envelope || !record.headerFrom) return false;
  return organizationalDomain(envelope) === organizationalDomain(record.headerFrom);
}

/** The cause of one record's outcome; `identification` comes from identifySource. */
export function classifyRecord(record: AggregateRecord, identification: SourceIdentification): RecordCause {
  if (passesDmarc(record)) return 'dmarc-pass';
  if (record.reasons.some((r) => FORWARDING_REASONS.has(r.type))) return 'receiver-says-forwarded';
  const service = identification.service;
  if (service?.type === 'forwarder') return 'forwarding-service';
  if (service?.type === 'mailing-list') return 'mailing-list';
  if (service && service.type !== 'mailbox' && service.type !== 'cloud') return 'service-unaligned';
  if (service?.type === 'mailbox') {
    const tenantDomains = service.tenantDkimDomains ?? [];
    const tenantSigned = record.dkimResults.some((d) => {
      const name = normalizeDomain(d.domain);
      return tenantDomains.some((t) => name === t || name.endsWith(`.${t}`));
    });
    // A tenant signature or the domain's own envelope: the mail left from the domain's own account at this provider.
    if (tenantSigned || (hasOwnEnvelope(record) && !hasOwnSignature(record))) return 'own-tenant-unaligned';
  }
  if (hasOwnSignature(record)) return 'own-signature-relayed';
  if (service?.type === 'mailbox') return 'mailbox-account';
  if (service?.type === 'cloud') return 'cloud-server';
  return 'unknown-failing';
}
