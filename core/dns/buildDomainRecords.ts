// The sender-domain wizard's engine: from the services and servers that send for a domain, every DNS record to
// publish (and the MTA-STS policy file), with the checks of each record type run over the result.
import { normalizeDomain } from '../report';
import { findWizardService, type WizardService } from '../analysis';
import { checkBimiRecord, formatBimiRecord } from './bimiRecord';
import {
  buildDkimKeyRecord,
  checkDkimKeyRecord,
  formatDkimKeyRecord,
  isValidDkimSelector,
  type DkimKeyType,
} from './dkimKeyRecord';
import { decodeBase64 } from './base64';
import { estimateSpfLookups, spfEstimateIssues } from './estimateSpfLookups';
import { checkDmarcRecord, externalReportAuthorizations, formatDmarcRecord, type DmarcRecord } from './dmarcRecord';
import { isIpv4Address, isIpv6Address } from './ipAddress';
import { checkMtaStsPolicy, formatMtaStsPolicy, formatMtaStsRecord, type MtaStsMode } from './mtaStsRecord';
import { checkSpfRecord, formatSpfRecord, isValidDomainSpec, type SpfRecord, type SpfTerm } from './spfRecord';
import { formatTlsRptRecord } from './tlsRptRecord';
import { formatTxtForZone } from './txtStrings';
import { englishText, recordText, type DnsRecordSentence, type RecordTextId } from './recordTexts';
import { recordIssue, type RecordIssue } from './types';

export type DmarcReceivers = 'both' | 'rfc7489' | 'rfc9989';

export interface DkimKeySetup {
  selector: string;
  keyType: DkimKeyType;
  /** Base64 of the public key: SubjectPublicKeyInfo for RSA, the 32 raw bytes for Ed25519 (RFC 8463 §4.2). */
  publicKey: string;
}

export interface SubdomainSetup {
  /** The label under the domain, e.g. `news` for news.example.com. */
  label: string;
  /**
   * Wizard keys (`WizardService.id`, core/analysis/findSendingService.ts) of the services that send from this
   * subdomain instead of the main domain.
   */
  senderIds: string[];
}

export interface DomainSetup {
  domain: string;
  /** Wizard keys (`WizardService.id`, core/analysis/findSendingService.ts) of services sending from the main domain. */
  senderIds: string[];
  /** Own servers' addresses or networks: `192.0.2.10`, `198.51.100.0/24`, `2001:db8::/48`. */
  ownNetworks: string[];
  /** Own servers by host name (an a: mechanism each). */
  ownHosts: string[];
  /** Whether the domain's own MX hosts send mail (the mx mechanism). */
  mxSends: boolean;
  spfAll: '~' | '-';
  dmarc: DmarcRecord;
  /** Which receivers the DMARC record is written for: RFC 7489 ones read pct; RFC 9989 ones read np, psd and t. */
  dmarcReceivers: DmarcReceivers;
  dkimKeys: DkimKeySetup[];
  subdomains: SubdomainSetup[];
  mtaSts?: { mode: MtaStsMode; mx: string[]; maxAgeDays: number; id: string };
  tlsRptRua?: string[];
  bimi?: { logoUrl: string; certificateUrl?: string };
}

/** A setup with nothing chosen yet: the wizard's starting point. */
export const EMPTY_DOMAIN_SETUP: DomainSetup = {
  domain: '',
  senderIds: [],
  ownNetworks: [],
  ownHosts: [],
  mxSends: false,
  spfAll: '~',
  dmarc: { p: 'none', extensions: [] },
  dmarcReceivers: 'both',
  dkimKeys: [],
  subdomains: [],
};

export interface PublishedRecord {
  /** Fully qualified, without the trailing dot. */
  name: string;
  type: 'TXT' | 'CNAME';
  value: string;
  /** What the record is for, in a few words (English; `purposeText` is the same by id). */
  purpose: string;
  purposeText: DnsRecordSentence;
  /** The value has `<…>` parts to fill in from the provider's dashboard. */
  placeholder: boolean;
  /** Published by someone else (e.g. the report domain's authorization), not in your zone. */
  publishedBy?: string;
}

export interface PublishedFile {
  url: string;
  content: string;
  purpose: string;
  purposeText: DnsRecordSentence;
}

/** A record's or file's purpose, in English and by id. */
function purpose(text: DnsRecordSentence): { purpose: string; purposeText: DnsRecordSentence } {
  return { purpose: englishText(text), purposeText: text };
}

export interface DomainRecordsPlan {
  records: PublishedRecord[];
  files: PublishedFile[];
  issues: RecordIssue[];
}

/** RFC 1035 §2.3.1 host names; we do not generate records for anything else. */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export function isValidDomainName(text: string): boolean {
  return DOMAIN.test(normalizeDomain(text));
}

/** Drops the tags one kind of receiver does not read, so each sees a record written for it. */
export function dmarcRecordForReceivers(record: DmarcRecord, receivers: DmarcReceivers): DmarcRecord {
  if (receivers === 'both') return record;
  const copy: DmarcRecord = { ...record, extensions: [...record.extensions] };
  if (receivers === 'rfc7489') {
    delete copy.np;
    delete copy.psd;
    delete copy.t;
  } else {
    // RFC 9989 §A (historic tags): pct, rf and ri are gone; t replaces pct.
    delete copy.pct;
    delete copy.rf;
    delete copy.ri;
  }
  return copy;
}

/** Builds the SPF record for the main domain or a subdomain; issues name terms that could not be written. */
export function buildSpfRecord(
  senders: readonly WizardService[],
  ownNetworks: readonly string[],
  ownHosts: readonly string[],
  mxSends: boolean,
  all: '~' | '-',
): { record: SpfRecord; issues: RecordIssue[] } {
  // Addresses first: they cost no DNS lookup, and receivers stop at the first match.
  const addressTerms: SpfTerm[] = [];
  const terms: SpfTerm[] = [];
  const issues: RecordIssue[] = [];
  if (mxSends) terms.push({ kind: 'mechanism', name: 'mx' });
  for (const host of ownHosts.map(normalizeDomain).filter((h) => h !== '')) {
    if (isValidDomainSpec(host) && isValidDomainName(host))
      terms.push({ kind: 'mechanism', name: 'a', domainSpec: host });
    else issues.push(recordIssue('error', 'setup-invalid-host', recordText('setup.invalid-host', { host }), 'a'));
  }
  for (const network of ownNetworks.map((n) => n.trim()).filter((n) => n !== '')) {
    const [address = '', prefix] = network.split('/');
    const bits = prefix === undefined ? undefined : Number(prefix);
    if (isIpv4Address(address) && (bits === undefined || (/^\d+$/.test(prefix ?? '') && bits <= 32)))
      addressTerms.push({
        kind: 'mechanism',
        name: 'ip4',
        ip: address,
        ...(bits === undefined ? {} : { ip4Cidr: bits }),
      });
    else if (isIpv6Address(address) && (bits === undefined || (/^\d+$/.test(prefix ?? '') && bits <= 128)))
      addressTerms.push({
        kind: 'mechanism',
        name: 'ip6',
        ip: address,
        ...(bits === undefined ? {} : { ip6Cidr: bits }),
      });
    else issues.push(recordIssue('error', 'setup-invalid-network', recordText('setup.invalid-network', { network })));
  }
  const includes = new Set(senders.flatMap((sender) => (sender.spfInclude ? [sender.spfInclude] : [])));
  for (const include of includes) terms.push({ kind: 'mechanism', name: 'include', domainSpec: include });
  terms.push({ kind: 'mechanism', qualifier: all, name: 'all' });
  return { record: { terms: [...addressTerms, ...terms] }, issues };
}

function senderRecords(domain: string, senders: readonly WizardService[]): PublishedRecord[] {
  return senders.flatMap((sender) =>
    sender.dkimRecords.map((dkim) => ({
      name: `${dkim.name}.${domain}`,
      type: dkim.type,
      value: dkim.value.replace(/<domain>/g, domain.replace(/\./g, '-')),
      ...purpose(recordText('purpose.sender-dkim', { service: sender.name, location: sender.setupAt })),
      placeholder: /<[^>]+>/.test(dkim.value.replace(/<domain>/g, '')),
    })),
  );
}

function sendersOf(ids: readonly string[], issues: RecordIssue[]): WizardService[] {
  return ids.flatMap((id) => {
    const sender = findWizardService(id);
    if (!sender) issues.push(recordIssue('error', 'setup-unknown-sender', recordText('setup.unknown-sender', { id })));
    return sender ? [sender] : [];
  });
}

type SenderPracticeId = Extract<RecordTextId, `sender.${string}`>;

/**
 * How the service does DKIM, in one sentence: `sender.<wizard key>` in recordTexts.ts (the wizard's catalogue test
 * checks every service the wizard offers has one).
 */
export function senderDkimPractice(sender: WizardService): DnsRecordSentence {
  return recordText(`sender.${sender.id}` as SenderPracticeId);
}

/** What DMARC can rely on for a service, given how its envelope sender is set up (RFC 7489 §3.1.2). */
function spfAlignmentNotes(sender: WizardService): RecordIssue[] {
  if (sender.spfAlignment === 'provider')
    return [
      recordIssue(
        'info',
        'setup-spf-not-aligned',
        recordText('setup.spf-not-aligned', { service: sender.name }),
        undefined,
        recordText('setup.spf-not-aligned.fix', { service: sender.name }),
      ),
    ];
  if (sender.spfAlignment === 'custom-return-path')
    return [
      recordIssue(
        'info',
        'setup-custom-return-path',
        recordText('setup.custom-return-path', { service: sender.name }),
        undefined,
        recordText('setup.custom-return-path.fix', { location: sender.setupAt }),
      ),
    ];
  return [];
}

/** Every record (and file) the domain should publish for this setup, with the issues the checks find in them. */
export function buildDomainRecords(setup: DomainSetup): DomainRecordsPlan {
  const issues: RecordIssue[] = [];
  const records: PublishedRecord[] = [];
  const files: PublishedFile[] = [];
  const domain = normalizeDomain(setup.domain);
  if (!isValidDomainName(domain)) {
    issues.push(
      recordIssue('error', 'setup-invalid-domain', recordText('setup.invalid-domain', { domain: setup.domain })),
    );
    return { records, files, issues };
  }
  const senders = sendersOf(setup.senderIds, issues);

  // SPF for the main domain.
  const spf = buildSpfRecord(senders, setup.ownNetworks, setup.ownHosts, setup.mxSends, setup.spfAll);
  issues.push(
    ...spf.issues,
    ...checkSpfRecord(spf.record).filter((i) => i.code !== 'spf-softfail-all' && i.code !== 'spf-fail-all'),
    ...spfEstimateIssues(estimateSpfLookups(spf.record)),
  );
  records.push({
    name: domain,
    type: 'TXT',
    value: formatSpfRecord(spf.record),
    ...purpose(recordText('purpose.spf')),
    placeholder: false,
  });
  issues.push(...senders.flatMap(spfAlignmentNotes));
  if (setup.spfAll === '-')
    issues.push(
      recordIssue('info', 'spf-fail-all', recordText('setup.fail-all'), undefined, recordText('setup.fail-all.fix')),
    );

  // DKIM: services' records and the user's own keys.
  records.push(...senderRecords(domain, senders));
  for (const key of setup.dkimKeys) {
    if (!isValidDkimSelector(key.selector)) {
      issues.push(
        recordIssue(
          'error',
          'setup-invalid-selector',
          recordText('setup.invalid-selector', { selector: key.selector }),
        ),
      );
      continue;
    }
    const bytes = decodeBase64(key.publicKey);
    if (!bytes) {
      issues.push(
        recordIssue('error', 'setup-invalid-key', recordText('setup.invalid-key', { selector: key.selector })),
      );
      continue;
    }
    const record = buildDkimKeyRecord(key.keyType, bytes);
    issues.push(...checkDkimKeyRecord(record));
    records.push({
      name: `${key.selector}._domainkey.${domain}`,
      type: 'TXT',
      value: formatDkimKeyRecord(record),
      ...purpose(recordText('purpose.own-dkim', { keyType: key.keyType === 'rsa' ? 'RSA' : 'Ed25519' })),
      placeholder: false,
    });
  }
  const dkimConfigured = setup.dkimKeys.length > 0 || senders.some((sender) => sender.dkimRecords.length > 0);
  if (!dkimConfigured)
    issues.push(
      recordIssue('warning', 'setup-no-dkim', recordText('setup.no-dkim'), undefined, recordText('setup.no-dkim.fix')),
    );

  // DMARC for the main domain.
  const dmarc = dmarcRecordForReceivers(setup.dmarc, setup.dmarcReceivers);
  issues.push(...checkDmarcRecord(dmarc, { policyDomain: domain, dkimConfigured }));
  records.push({
    name: `_dmarc.${domain}`,
    type: 'TXT',
    value: formatDmarcRecord(dmarc),
    ...purpose(recordText('purpose.dmarc')),
    placeholder: false,
  });
  for (const name of externalReportAuthorizations(domain, dmarc))
    records.push({
      name,
      type: 'TXT',
      value: 'v=DMARC1',
      ...purpose(recordText('purpose.report-authorization')),
      placeholder: false,
      publishedBy: name.split('._report._dmarc.')[1] ?? '',
    });

  // Subdomain strategy: bulk services on their own subdomain, each with its own SPF, DKIM and a monitoring DMARC.
  for (const sub of setup.subdomains) {
    const label = sub.label.trim().toLowerCase();
    const subdomain = `${label}.${domain}`;
    if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) {
      issues.push(
        recordIssue('error', 'setup-invalid-subdomain', recordText('setup.invalid-subdomain', { label: sub.label })),
      );
      continue;
    }
    const subSenders = sendersOf(sub.senderIds, issues);
    issues.push(...subSenders.flatMap(spfAlignmentNotes));
    const subSpf = buildSpfRecord(subSenders, [], [], false, '~');
    records.push({
      name: subdomain,
      type: 'TXT',
      value: formatSpfRecord(subSpf.record),
      ...purpose(
        recordText('purpose.subdomain-spf', { subdomain, services: subSenders.map((s) => s.name).join(', ') }),
      ),
      placeholder: false,
    });
    records.push(...senderRecords(subdomain, subSenders));
    const subDmarc: DmarcRecord = { p: 'none', ...(dmarc.rua ? { rua: dmarc.rua } : {}), extensions: [] };
    records.push({
      name: `_dmarc.${subdomain}`,
      type: 'TXT',
      value: formatDmarcRecord(subDmarc),
      ...purpose(recordText('purpose.subdomain-dmarc', { subdomain })),
      placeholder: false,
    });
  }
  const bulkOnMain = senders.filter((sender) => sender.bulk);
  if (bulkOnMain.length > 0)
    issues.push(
      recordIssue(
        'info',
        'setup-subdomain-advice',
        recordText(bulkOnMain.length === 1 ? 'setup.subdomain-advice.one' : 'setup.subdomain-advice.many', {
          services: bulkOnMain.map((s) => s.name).join(', '),
          domain,
        }),
        undefined,
        recordText('setup.subdomain-advice.fix'),
      ),
    );

  // MTA-STS and TLS-RPT.
  if (setup.mtaSts) {
    const { mode, mx, maxAgeDays, id } = setup.mtaSts;
    records.push({
      name: `_mta-sts.${domain}`,
      type: 'TXT',
      value: formatMtaStsRecord({ id, extensions: [] }),
      ...purpose(recordText('purpose.mta-sts')),
      placeholder: false,
    });
    const policy = {
      mode,
      mx: mx.map(normalizeDomain).filter((m) => m !== ''),
      maxAge: Math.round(maxAgeDays * 86_400),
      extensions: [],
    };
    if (policy.mx.length === 0 && mode !== 'none')
      issues.push(recordIssue('error', 'mta-sts-policy-no-mx', recordText('setup.mta-sts-no-mx'), 'mx'));
    issues.push(...checkMtaStsPolicy(policy));
    files.push({
      url: `https://mta-sts.${domain}/.well-known/mta-sts.txt`,
      content: formatMtaStsPolicy(policy),
      ...purpose(recordText('purpose.mta-sts-file', { domain })),
    });
    if (!setup.tlsRptRua || setup.tlsRptRua.length === 0)
      issues.push(recordIssue('info', 'mta-sts-without-tls-rpt', recordText('setup.mta-sts-without-tls-rpt')));
  }
  if (setup.tlsRptRua && setup.tlsRptRua.length > 0)
    records.push({
      name: `_smtp._tls.${domain}`,
      type: 'TXT',
      value: formatTlsRptRecord({ rua: setup.tlsRptRua, extensions: [] }),
      ...purpose(recordText('purpose.tls-rpt')),
      placeholder: false,
    });

  if (setup.bimi) {
    const bimi = {
      l: setup.bimi.logoUrl.trim(),
      ...(setup.bimi.certificateUrl?.trim() ? { a: setup.bimi.certificateUrl.trim() } : {}),
      extensions: [],
    };
    issues.push(...checkBimiRecord(bimi, dmarc));
    records.push({
      name: `default._bimi.${domain}`,
      type: 'TXT',
      value: formatBimiRecord(bimi),
      ...purpose(recordText('purpose.bimi')),
      placeholder: false,
    });
  }
  return { records, files, issues: dedupeIssues(issues) };
}

function dedupeIssues(issues: RecordIssue[]): RecordIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A BIND zone-file snippet (RFC 1035 §5) for the records in your own zone: fully qualified names, long TXT values
 * split into 255-byte strings inside parentheses. `placeholderComment` ends the lines with `<…>` parts to fill in (a
 * page passes it in its own language).
 */
export function formatZoneSnippet(
  records: readonly PublishedRecord[],
  {
    ttl = 3600,
    placeholderComment = englishText(recordText('zone.placeholder-comment')),
  }: { ttl?: number; placeholderComment?: string } = {},
): string {
  const lines = records
    .filter((record) => record.publishedBy === undefined)
    .map((record) => {
      const value =
        record.type === 'TXT'
          ? formatTxtForZone(record.value, { multiline: true })
          : `${record.value.replace(/\.$/, '')}.`;
      const comment = record.placeholder ? ` ; ${placeholderComment}` : '';
      return `${record.name}.\t${ttl}\tIN\t${record.type}\t${value}${comment}`;
    });
  return `${lines.join('\n')}\n`;
}
