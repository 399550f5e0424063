// The checker's live mode: reads a domain's published records through the injected resolver and checks them.
// Only called when the user has turned live lookups on; core itself never reaches the network.
import { normalizeDomain, organizationalDomain } from '../report';
import { checkRecord, type RecordCheck } from './checkRecordText';
import { externalReportAuthorizations, parseDmarcRecord, type DmarcRecord } from './dmarcRecord';
import { evaluateSpfLookups, type SpfLookupEvaluation } from './evaluateSpfLookups';
import { isSpfRecordText } from './spfRecord';
import { joinTxtStrings } from './txtStrings';
import { recordText, type DnsRecordSentence } from './recordTexts';
import { askResolver, dnsErrorReason, recordIssue, type DnsResolver, type RecordIssue } from './types';

export interface PublishedRecordsReport {
  domain: string;
  /** Every record found, checked, with its owner name. */
  checks: RecordCheck[];
  /** The SPF include tree and its lookup counts, when the domain has an SPF record. */
  spf?: SpfLookupEvaluation;
  /** Records not found, lookups that failed, missing authorizations. */
  issues: RecordIssue[];
}

const isDmarcText = (value: string) => /^v\s*=\s*DMARC1/.test(value);

/**
 * RFC 9989 §4.10 DNS tree walk: the names whose `_dmarc` record is looked for, in order — the domain itself, then
 * (starting at no more than 7 labels) one label shorter each time, down to the top-level domain.
 */
export function dmarcTreeWalk(domain: string): string[] {
  const labels = domain.split('.').filter((label) => label !== '');
  const names = [labels.join('.')];
  for (let count = Math.min(labels.length - 1, 7); count >= 1; count--) names.push(labels.slice(-count).join('.'));
  return names;
}

/** At most this many DKIM selectors are looked up per check (each is one DNS question). */
export const MAX_DKIM_SELECTORS = 10;

async function readTxt(
  resolver: DnsResolver,
  name: string,
): Promise<{ values: string[]; error?: DnsRecordSentence | string }> {
  const answer = await askResolver(resolver, name, 'TXT');
  if (answer.status === 'ok') return { values: answer.answers.map(joinTxtStrings) };
  if (answer.status === 'error') return { values: [], error: dnsErrorReason(answer) };
  return { values: [] };
}

export async function lookupPublishedRecords(
  domainInput: string,
  resolver: DnsResolver,
  options: { dkimSelectors?: string[] } = {},
): Promise<PublishedRecordsReport> {
  const domain = normalizeDomain(domainInput);
  const checks: RecordCheck[] = [];
  const issues: RecordIssue[] = [];
  const missing = (code: string, text: DnsRecordSentence, severity: RecordIssue['severity'] = 'warning') =>
    issues.push(recordIssue(severity, code, text));
  const failed = (name: string, error: DnsRecordSentence | string) =>
    missing('lookup-failed', recordText('dns.lookup-failed', { name, error }), 'error');

  // DMARC policy discovery by the RFC 9989 tree walk: the domain, then its parents up to the TLD. RFC 7489 receivers
  // look at the domain and its PSL organizational domain, which the walk passes through too.
  let dmarc: DmarcRecord | undefined;
  let dmarcName = `_dmarc.${domain}`;
  let dmarcTxt: Awaited<ReturnType<typeof readTxt>> = { values: [] };
  for (const name of dmarcTreeWalk(domain)) {
    dmarcName = `_dmarc.${name}`;
    dmarcTxt = await readTxt(resolver, dmarcName);
    if (dmarcTxt.error || dmarcTxt.values.some(isDmarcText)) break;
  }
  if (dmarcTxt.error) failed(dmarcName, dmarcTxt.error);
  const dmarcValues = dmarcTxt.values.filter(isDmarcText);
  if (dmarcValues.length > 1)
    missing(
      'dmarc-multiple-records',
      recordText('live.dmarc-multiple-records', { name: dmarcName, count: dmarcValues.length }),
      'error',
    );
  for (const value of dmarcValues) {
    checks.push(checkRecord(value, { name: dmarcName }));
    const parsed = parseDmarcRecord(value);
    if (parsed.ok) dmarc ??= parsed.record;
  }
  if (dmarcValues.length > 0 && dmarcName !== `_dmarc.${domain}`) {
    const org = organizationalDomain(domain);
    const fromOrg = dmarcName === `_dmarc.${org}`;
    missing(
      'dmarc-inherited',
      fromOrg
        ? recordText('live.dmarc-from-organization', { domain, organization: org })
        : recordText('live.dmarc-from-tree-walk', { domain, source: dmarcName.slice(7), organization: org }),
      'info',
    );
  }
  if (!dmarcTxt.error && dmarcValues.length === 0)
    missing('dmarc-missing', recordText('live.dmarc-missing', { domain }), 'error');

  // SPF, with the include tree.
  const spfTxt = await readTxt(resolver, domain);
  if (spfTxt.error) failed(domain, spfTxt.error);
  const spfValues = spfTxt.values.filter(isSpfRecordText);
  if (spfValues.length > 0) {
    for (const value of spfValues) checks.push(checkRecord(value, { name: domain, exactLookups: true }));
    if (spfValues.length > 1)
      missing(
        'spf-multiple-records',
        recordText('spf.multiple-published', { domain, count: spfValues.length }),
        'error',
      );
  } else if (!spfTxt.error) missing('spf-missing', recordText('spf.no-record', { domain }));
  const spf = spfValues.length === 1 ? await evaluateSpfLookups(domain, resolver) : undefined;

  // DKIM selectors the user named (there is no way to list them from DNS).
  for (const selector of (options.dkimSelectors ?? []).slice(0, MAX_DKIM_SELECTORS)) {
    const name = `${selector}._domainkey.${domain}`;
    const txt = await readTxt(resolver, name);
    if (txt.error) failed(name, txt.error);
    else if (txt.values.length === 0) missing('dkim-missing', recordText('dkim.missing-at', { name }));
    for (const value of txt.values) checks.push(checkRecord(value, { name }));
  }

  // MTA-STS, TLS-RPT, BIMI: optional, so their absence is information, not a warning.
  for (const [name, code, what] of [
    [`_mta-sts.${domain}`, 'mta-sts-missing', 'MTA-STS'],
    [`_smtp._tls.${domain}`, 'tls-rpt-missing', 'TLS-RPT'],
    [`default._bimi.${domain}`, 'bimi-missing', 'BIMI'],
  ] as const) {
    const txt = await readTxt(resolver, name);
    if (txt.error) failed(name, txt.error);
    else if (txt.values.length === 0) missing(code, recordText('live.optional-missing', { kind: what, name }), 'info');
    const recordChecks = txt.values.map((value) => checkRecord(value, { name, ...(dmarc ? { dmarc } : {}) }));
    // Other TXT records at these names are not ours to judge (RFC 8461 §3.1 tells senders to discard them). With more
    // than one record of the kind, senders act as if there were none (RFC 8461 §3.1, RFC 8460 §3).
    const versioned = recordChecks.filter((check) => check.kind !== 'unknown');
    if (versioned.length > 1)
      missing(
        `${code.replace(/-missing$/, '')}-multiple-records`,
        recordText('live.optional-multiple-records', { name, count: versioned.length, kind: what }),
        'error',
      );
    checks.push(...versioned);
  }

  // Report addresses at other domains need their authorization record (RFC 7489 §7.1).
  if (dmarc)
    for (const name of externalReportAuthorizations(dmarcName.replace(/^_dmarc\./, ''), dmarc)) {
      const txt = await readTxt(resolver, name);
      if (txt.error) failed(name, txt.error);
      else if (!txt.values.some((v) => /^v\s*=\s*DMARC1/.test(v)))
        missing('dmarc-authorization-missing', recordText('live.authorization-missing', { name }), 'error');
    }

  return { domain, checks, ...(spf ? { spf } : {}), issues };
}
