// Which sending service sent a report record, from what the record itself says (DKIM d= domains, the envelope
// domain, the header From domain) and, when the caller has them, the reverse-DNS names and the ASN of the source IP.
// Nothing here touches the network: rDNS names come from an opt-in lookup (lookupReverseDns.ts), ASNs from the
// offline table (lookupAsn.ts).
import { type AggregateRecord, normalizeDomain, organizationalDomain } from '../report';
import { explain, formatExplanation } from './explanation';
import {
  findServiceByAsn,
  findServiceByDomain,
  findServiceByHostName,
  findServiceByReturnPathLabel,
} from './findSendingService';
import type { AsnInfo } from './lookupAsn';
import type { SendingService } from './sendingServices';

/** How the service was recognised, strongest first. */
export type IdentificationEvidence = 'dkim' | 'envelope' | 'header-from' | 'rdns' | 'asn';

export interface SourceIdentification {
  service?: SendingService;
  evidence?: IdentificationEvidence;
  /** The domain, host name or `AS<n>` that matched. */
  matched?: string;
}

export interface IdentifyContext {
  /** PTR names of the source IP, when the user opted into reverse DNS. */
  rdnsNames?: readonly string[];
  /** The source IP's ASN, from the offline table. */
  asn?: AsnInfo;
}

// Mailing-list software puts the list on its own host name; these first labels name one whatever the organisation
// (Mailman's lists.example.org, LISTSERV's listserv.example.edu, Sympa's sympa.example.fr).
const LIST_HOST_LABELS = new Set(['lists', 'list', 'mailman', 'listserv', 'sympa', 'groups', 'discuss', 'lists-old']);
const listHosts = new Map<string, SendingService>();

function listHostService(domain: string): SendingService | undefined {
  const name = normalizeDomain(domain);
  const first = name.split('.', 1)[0] ?? '';
  if (!LIST_HOST_LABELS.has(first) || name.split('.').length < 3) return undefined;
  let service = listHosts.get(name);
  if (!service) {
    service = {
      id: `list:${name}`,
      name: formatExplanation(explain('label.mailingList', { host: name })),
      type: 'mailing-list',
      dkimDomains: [name],
      envelopeDomains: [name],
      rdnsSuffixes: [],
      spfIncludes: [],
    };
    if (listHosts.size < 10_000) listHosts.set(name, service);
  }
  return service;
}

function matchDomain(
  domain: string | undefined,
  headerFromOrg: string,
): { service: SendingService; matched: string } | undefined {
  if (!domain) return undefined;
  const name = normalizeDomain(domain);
  if (!name) return undefined;
  // A domain of the sender's own organisation says nothing about which service sent (a customer-branded
  // return path or d= of the customer's own).
  if (organizationalDomain(name) === headerFromOrg) {
    const list = listHostService(name);
    return list ? { service: list, matched: name } : undefined;
  }
  const found = findServiceByDomain(name);
  if (found) return { service: found, matched: name };
  const list = listHostService(name);
  return list ? { service: list, matched: name } : undefined;
}

/**
 * Whether the envelope domain may name the sender: its SPF check passed, or the report has no SPF result for it (then
 * nothing says it was forged). A domain that failed its own check proves nothing: anyone can write yahoo.com as the
 * envelope of spam (freitagsrunde__dmarc-report-aggregator/mailru.eml, SPF neutral from a Russian access network).
 */
function envelopeVouchedFor(domain: string, record: AggregateRecord): boolean {
  const name = normalizeDomain(domain);
  let checked = false;
  for (const result of record.spfResults) {
    if (result.scope === 'helo' || normalizeDomain(result.domain) !== name) continue;
    if (result.result === 'pass') return true;
    checked = true;
  }
  return !checked;
}

/**
 * The service named by the record's own identifiers. Order of trust: a passing DKIM signature of a third party (only
 * the key holder can make it), the envelope domain when SPF did not refute it, the header From domain itself. A DKIM
 * signature that did not verify names nobody: its d= is whatever the sender wrote.
 */
export function identifyByRecordDomains(record: AggregateRecord): SourceIdentification {
  const headerFromOrg = record.headerFrom ? organizationalDomain(record.headerFrom) : '';
  for (const dkim of record.dkimResults) {
    if (dkim.result !== 'pass') continue;
    const match = matchDomain(dkim.domain, headerFromOrg);
    if (match) return { service: match.service, evidence: 'dkim', matched: match.matched };
  }
  const envelopeDomains = [
    record.envelopeFrom,
    ...record.spfResults.filter((r) => r.scope !== 'helo').map((r) => r.domain),
  ];
  for (const domain of envelopeDomains) {
    if (domain === undefined || !envelopeVouchedFor(domain, record)) continue;
    const match = matchDomain(domain, headerFromOrg);
    if (match) return { service: match.service, evidence: 'envelope', matched: match.matched };
    const name = domain ? normalizeDomain(domain) : '';
    if (name && organizationalDomain(name) === headerFromOrg && name !== headerFromOrg) {
      const service = findServiceByReturnPathLabel(name);
      if (service) return { service, evidence: 'envelope', matched: name };
    }
  }
  if (record.headerFrom) {
    const found = findServiceByDomain(record.headerFrom);
    if (found) return { service: found, evidence: 'header-from', matched: normalizeDomain(record.headerFrom) };
  }
  return {};
}

/** The service named by the source IP's PTR names, then by its autonomous system. */
export function identifyByNetwork(context: IdentifyContext): SourceIdentification {
  for (const name of context.rdnsNames ?? []) {
    const found = findServiceByHostName(name);
    if (found) return { service: found, evidence: 'rdns', matched: normalizeDomain(name) };
  }
  const asn = context.asn?.asn;
  if (asn !== undefined) {
    const service = findServiceByAsn(asn);
    if (service) return { service, evidence: 'asn', matched: `AS${asn}` };
  }
  return {};
}

/**
 * Names the service behind a record: from the record's domains first (identifyByRecordDomains), then from the
 * network the caller knows the source IP belongs to (identifyByNetwork).
 */
export function identifySource(record: AggregateRecord, context: IdentifyContext = {}): SourceIdentification {
  const byDomains = identifyByRecordDomains(record);
  return byDomains.service ? byDomains : identifyByNetwork(context);
}
