// Identifier alignment (RFC 7489 §3.1; RFC 9989 §4.4): does an authenticated domain match the RFC5322.From domain?
import { getDomain } from 'tldts';
import type { AlignmentMode, DkimAuthResult, SpfAuthResult } from './types';

const orgDomainCache = new Map<string, string>();
const ORG_DOMAIN_CACHE_LIMIT = 50_000;

/**
 * The organizational domain (RFC 7489 §3.2): the public suffix plus one label, from the Public Suffix List (tldts).
 * Domains the list does not know (single labels, IP literals) are their own organizational domain.
 */
export function organizationalDomain(domain: string): string {
  const name = normalizeDomain(domain);
  let org = orgDomainCache.get(name);
  if (org === undefined) {
    org = getDomain(name, { allowPrivateDomains: true }) ?? name;
    if (orgDomainCache.size >= ORG_DOMAIN_CACHE_LIMIT) orgDomainCache.clear();
    orgDomainCache.set(name, org);
  }
  return org;
}

/** Lower-cased, without surrounding whitespace or a trailing root dot. */
export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

/** Strict: the same name. Relaxed: the same organizational domain (RFC 7489 §3.1.1, §3.1.2). */
export function domainsAlign(authenticated: string, headerFrom: string, mode: AlignmentMode = 'r'): boolean {
  const a = normalizeDomain(authenticated);
  const b = normalizeDomain(headerFrom);
  if (a === '' || b === '') return false;
  if (a === b) return true;
  return mode === 'r' && organizationalDomain(a) === organizationalDomain(b);
}

/** DKIM aligns when a passing signature's d= aligns with the From domain (RFC 7489 §3.1.1). */
export function isDkimAligned(
  results: readonly DkimAuthResult[],
  headerFrom: string,
  mode: AlignmentMode = 'r',
): boolean {
  return results.some((r) => r.result === 'pass' && domainsAlign(r.domain, headerFrom, mode));
}

/**
 * Whether an SPF result can give alignment: SPF passed for the MAIL FROM domain (RFC 7489 §3.1.2). A result for the
 * HELO identity does not count; a result without scope is taken as mfrom (most reporters omit it).
 */
export function spfPassCounts(result: SpfAuthResult): boolean {
  return result.result === 'pass' && result.scope !== 'helo';
}

/** SPF aligns when a result that counts (spfPassCounts) is for a domain that aligns with the From domain. */
export function isSpfAligned(
  results: readonly SpfAuthResult[],
  headerFrom: string,
  mode: AlignmentMode = 'r',
): boolean {
  return results.some((r) => spfPassCounts(r) && domainsAlign(r.domain, headerFrom, mode));
}
