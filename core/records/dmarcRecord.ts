// The DMARC policy record, TXT at `_dmarc.<domain>`: RFC 7489 §6.3–6.4 and its successor RFC 9989 ("DMARCbis"),
// which adds np, psd and t and makes pct, rf and ri historic.
import { organizationalDomain } from '../analysis/alignment';
import { formatTagList, parseTagList, type Tag } from './tagList';
import type { RecordIssue, RecordParseResult, TagExplanation } from './types';
import { hasErrors, recordIssue } from './types';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';
export type DmarcAlignmentMode = 'r' | 's';
/** RFC 7489 §6.3 `fo`: 0 (all fail), 1 (any fails), d (DKIM fails), s (SPF fails). */
export type DmarcFailureOption = '0' | '1' | 'd' | 's';

/** A report address; `maxSize` is the RFC 7489 `!size` suffix (e.g. `10m`), ignored by RFC 9989 receivers. */
export interface DmarcReportUri {
  uri: string;
  maxSize?: string;
}

export interface DmarcRecord {
  p?: DmarcPolicy;
  sp?: DmarcPolicy;
  /** RFC 9989: policy for non-existent subdomains. */
  np?: DmarcPolicy;
  adkim?: DmarcAlignmentMode;
  aspf?: DmarcAlignmentMode;
  /** RFC 7489 sampling percentage, historic in RFC 9989. */
  pct?: number;
  fo?: DmarcFailureOption[];
  rua?: DmarcReportUri[];
  ruf?: DmarcReportUri[];
  /** RFC 7489 failure report format, historic in RFC 9989. */
  rf?: string[];
  /** RFC 7489 aggregate report interval in seconds, historic in RFC 9989. */
  ri?: number;
  /** RFC 9989 public suffix domain flag. */
  psd?: 'y' | 'n' | 'u';
  /** RFC 9989 test mode. */
  t?: 'y' | 'n';
  /** Tags this parser does not know, kept in order (receivers ignore them: RFC 7489 §6.3). */
  extensions: Tag[];
}

const POLICIES: readonly string[] = ['none', 'quarantine', 'reject'];
const FAILURE_OPTIONS: readonly string[] = ['0', '1', 'd', 's'];
/** RFC 7489 §6.4 dmarc-uri size suffix: 1*DIGIT [ "k" / "m" / "g" / "t" ]. */
const URI_SIZE = /^\d+[kmgt]?$/i;
/** RFC 3986 scheme followed by at least one character. */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;


/**
 * Parses the text of a DMARC TXT record (the character-strings already joined). Tag names are matched without
 * regard to case and values like `Reject` are normalized, as ABNF literals are case-insensitive (RFC 5234 §2.3);
 * `v=DMARC1` is the exception: RFC 7489 §6.4 spells it with %x codes, and a record not starting with it is not a
 * DMARC record at all (§6.6.3).
 */
export function parseDmarcRecord(text: string): RecordParseResult<DmarcRecord> {
  const { tags, issues } = parseTagList(text, 'dmarc');
  const first = tags[0];
  if (!first || first.name.toLowerCase() !== 'v' || first.value !== 'DMARC1') {
    issues.unshift(
      recordIssue(
        'error',
        'dmarc-missing-version',
        'A DMARC record must start with v=DMARC1 (exactly, in capitals); receivers ignore any other record.',
        'v',
        'Put v=DMARC1 first.',
      ),
    );
    return { ok: false, issues };
  }
  const record: DmarcRecord = { extensions: [] };
  for (const { name, value } of tags.slice(1)) {
    const key = name.toLowerCase();
    const lower = value.toLowerCase();
    switch (key) {
      case 'v':
        issues.push(recordIssue('error', 'dmarc-duplicate-tag', 'v= may appear only once, first.', 'v'));
        break;
      case 'p':
      case 'sp':
      case 'np':
        if (POLICIES.includes(lower)) record[key] = lower as DmarcPolicy;
        else
          issues.push(
            recordIssue('error', `dmarc-invalid-${key}`, `${key}=${value} is not a policy: use none, quarantine or reject.`, key),
          );
        break;
      case 'adkim':
      case 'aspf':
        if (lower === 'r' || lower === 's') record[key] = lower;
        else issues.push(recordIssue('error', `dmarc-invalid-${key}`, `${key}=${value} must be r (relaxed) or s (strict).`, key));
        break;
      case 'pct':
        if (/^\d{1,3}$/.test(value) && Number(value) <= 100) record.pct = Number(value);
        else issues.push(recordIssue('error', 'dmarc-invalid-pct', `pct=${value} must be a whole number from 0 to 100.`, 'pct'));
        break;
      case 'fo': {
        const options = lower.split(':').map((option) => option.trim());
        if (options.every((option) => FAILURE_OPTIONS.includes(option)))
          record.fo = options as DmarcFailureOption[];
        else
          issues.push(
            recordIssue('error', 'dmarc-invalid-fo', `fo=${value} must be a colon-separated list of 0, 1, d and s.`, 'fo'),
          );
        break;
      }
      case 'rua':
      case 'ruf': {
        const uris = parseReportUris(value, key, issues);
        if (uris) record[key] = uris;
        break;
      }
      case 'rf':
        record.rf = lower.split(':').map((format) => format.trim());
        break;
      case 'ri':
        if (/^\d{1,10}$/.test(value) && Number(value) <= 0xffffffff) record.ri = Number(value);
        else issues.push(recordIssue('error', 'dmarc-invalid-ri', `ri=${value} must be a number of seconds.`, 'ri'));
        break;
      case 'psd':
        if (lower === 'y' || lower === 'n' || lower === 'u') record.psd = lower;
        else issues.push(recordIssue('error', 'dmarc-invalid-psd', `psd=${value} must be y, n or u.`, 'psd'));
        break;
      case 't':
        if (lower === 'y' || lower === 'n') record.t = lower;
        else issues.push(recordIssue('error', 'dmarc-invalid-t', `t=${value} must be y or n.`, 't'));
        break;
      default:
        record.extensions.push({ name, value });
        issues.push(
          recordIssue('warning', 'dmarc-unknown-tag', `${name} is not a DMARC tag; receivers ignore it (is it a typo?).`, name),
        );
    }
  }
  if (hasErrors(issues)) return { ok: false, issues };
  return { ok: true, record, issues };
}

function parseReportUris(value: string, tag: 'rua' | 'ruf', issues: RecordIssue[]): DmarcReportUri[] | undefined {
  const uris: DmarcReportUri[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    const bang = item.lastIndexOf('!');
    const uri = bang > 0 ? item.slice(0, bang) : item;
    const size = bang > 0 ? item.slice(bang + 1) : undefined;
    if (!URI.test(uri) || (size !== undefined && !URI_SIZE.test(size))) {
      issues.push(
        recordIssue(
          'error',
          `dmarc-invalid-${tag}`,
          `"${item}" in ${tag}= is not a report address; write mailto:address@domain, separated by commas.`,
          tag,
        ),
      );
      return undefined;
    }
    uris.push(size === undefined ? { uri } : { uri, maxSize: size.toLowerCase() });
  }
  return uris;
}

/** The record text, tags in the order RFC 7489 lists them and the RFC 9989 tags after the policies. */
export function formatDmarcRecord(record: DmarcRecord): string {
  const tags: Tag[] = [{ name: 'v', value: 'DMARC1' }];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined) tags.push({ name, value });
  };
  add('p', record.p);
  add('sp', record.sp);
  add('np', record.np);
  add('psd', record.psd);
  add('t', record.t);
  add('adkim', record.adkim);
  add('aspf', record.aspf);
  add('pct', record.pct === undefined ? undefined : String(record.pct));
  // An empty list is no tag at all: `rua=` with nothing after it would make the record invalid.
  const list = <T,>(items: readonly T[] | undefined, format: (items: readonly T[]) => string) =>
    items && items.length > 0 ? format(items) : undefined;
  add('fo', list(record.fo, (fo) => fo.join(':')));
  add('rf', list(record.rf, (rf) => rf.join(':')));
  add('ri', record.ri === undefined ? undefined : String(record.ri));
  add('rua', list(record.rua, formatReportUris));
  add('ruf', list(record.ruf, formatReportUris));
  tags.push(...record.extensions);
  return formatTagList(tags);
}

function formatReportUris(uris: readonly DmarcReportUri[]): string {
  // RFC 7489 §6.4: commas and "!" inside a URI must be percent-encoded, they separate URIs and the size suffix.
  return uris
    .map(({ uri, maxSize }) => uri.replace(/,/g, '%2C').replace(/!/g, '%21') + (maxSize ? `!${maxSize}` : ''))
    .join(',');
}

/** The host part of a `mailto:` report URI, lower-cased; undefined for other schemes. */
export function reportUriDomain(uri: string): string | undefined {
  const match = /^mailto:[^@]+@([^?]+)/i.exec(uri);
  return match?.[1]?.toLowerCase().replace(/\.$/, '');
}

/**
 * RFC 7489 §7.1 / RFC 9989: a report address outside the policy domain's organizational domain needs that domain to
 * publish `<policy-domain>._report._dmarc.<report-domain>` TXT `v=DMARC1`. Returns one name per such domain.
 */
export function externalReportAuthorizations(policyDomain: string, record: DmarcRecord): string[] {
  const policyOrg = organizationalDomain(policyDomain);
  const names = new Set<string>();
  for (const { uri } of [...(record.rua ?? []), ...(record.ruf ?? [])]) {
    const domain = reportUriDomain(uri);
    if (domain && organizationalDomain(domain) !== policyOrg) {
      names.add(`${policyDomain.toLowerCase()}._report._dmarc.${domain}`);
    }
  }
  return [...names];
}

export interface DmarcCheckContext {
  /** The domain publishing the record (without `_dmarc.`), to check report addresses against. */
  policyDomain?: string;
  /** Whether the domain's mail is DKIM-signed (the wizard knows; a pasted record does not). */
  dkimConfigured?: boolean;
}

/** Risks and advice beyond the syntax: what a careful reviewer would say about this record. */
export function checkDmarcRecord(record: DmarcRecord, context: DmarcCheckContext = {}): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const policy = record.p ?? 'none';
  if (record.p === undefined)
    issues.push(
      recordIssue('warning', 'dmarc-missing-p', 'There is no p= tag; receivers treat the record as p=none.', 'p', 'Add p=none (or stricter).'),
    );
  if (policy === 'none')
    issues.push(
      recordIssue(
        'info',
        'dmarc-monitoring-only',
        'p=none only asks for reports: receivers will not quarantine or reject mail that fails DMARC.',
        'p',
        'Once the reports show every legitimate source aligned, move on to quarantine (see the rollout plan).',
      ),
    );
  if (policy === 'reject' && context.dkimConfigured === false)
    issues.push(
      recordIssue(
        'warning',
        'dmarc-reject-without-dkim',
        'p=reject without DKIM signing relies on SPF alone, which breaks on every forward: RFC 9989 advises against it.',
        'p',
        'Set up DKIM for every sending service before publishing p=reject.',
      ),
    );
  if (!record.rua || record.rua.length === 0)
    issues.push(
      recordIssue(
        'warning',
        'dmarc-no-rua',
        'No rua= address: you will receive no aggregate reports and cannot see who sends as your domain.',
        'rua',
        'Add rua=mailto:dmarc-reports@your-domain.',
      ),
    );
  for (const tag of ['rua', 'ruf'] as const)
    if ((record[tag]?.length ?? 0) > 2)
      issues.push(
        recordIssue(
          'warning',
          `dmarc-many-${tag}`,
          `${tag}= lists ${record[tag]?.length} addresses; receivers only have to send to two of them (RFC 7489 §6.2), so later ones may get nothing.`,
          tag,
          'Keep at most two addresses, the most important first.',
        ),
      );
  for (const { uri, maxSize } of [...(record.rua ?? []), ...(record.ruf ?? [])]) {
    if (!/^mailto:/i.test(uri))
      issues.push(
        recordIssue('warning', 'dmarc-non-mailto-uri', `${uri} is not a mailto: address; receivers only send reports by mail.`, 'rua'),
      );
    if (maxSize)
      issues.push(
        recordIssue('info', 'dmarc-uri-size', `The !${maxSize} size limit on ${uri} is ignored by RFC 9989 receivers.`, 'rua'),
      );
  }
  if (context.policyDomain)
    for (const name of externalReportAuthorizations(context.policyDomain, record))
      issues.push(
        recordIssue(
          'warning',
          'dmarc-external-report-domain',
          `Reports go to another organization's domain: it must publish a TXT record ${name} with the value v=DMARC1, or receivers will not send them.`,
          'rua',
          `Ask the owner of ${name.split('._report._dmarc.')[1] ?? 'that domain'} to publish ${name} TXT "v=DMARC1" (many report services do this for you).`,
        ),
      );
  if (record.ruf && record.ruf.length > 0)
    issues.push(
      recordIssue(
        'info',
        'dmarc-ruf-privacy',
        'ruf= asks for failure reports, which can contain personal data; few receivers send them.',
        'ruf',
      ),
    );
  if (record.fo && (!record.ruf || record.ruf.length === 0))
    issues.push(
      recordIssue('info', 'dmarc-fo-without-ruf', 'fo= only chooses when failure reports are sent; without ruf= none are.', 'fo', 'Add ruf= or remove fo=.'),
    );
  if (record.pct !== undefined && record.pct !== 100)
    issues.push(
      recordIssue(
        'info',
        'dmarc-historic-pct',
        `pct=${record.pct} applies the policy to ${record.pct}% of failing mail at RFC 7489 receivers only; RFC 9989 made pct historic and its receivers ignore it.`,
        'pct',
        'For RFC 9989 receivers use t=y while testing a stricter policy (pct=0 corresponds to t=y).',
      ),
    );
  for (const tag of ['rf', 'ri'] as const)
    if (record[tag] !== undefined)
      issues.push(recordIssue('info', `dmarc-historic-${tag}`, `${tag}= is historic in RFC 9989; receivers may ignore it.`, tag, `Remove ${tag}=.`));
  if (record.psd === 'y')
    issues.push(
      recordIssue(
        'warning',
        'dmarc-psd',
        'psd=y declares this domain a public suffix (like a TLD); only registries should publish it.',
        'psd',
        'Remove psd=y unless you operate a public suffix.',
      ),
    );
  const rank = (p: DmarcPolicy | undefined) => (p === undefined ? -1 : POLICIES.indexOf(p));
  if (record.sp !== undefined && rank(record.sp) < rank(policy))
    issues.push(
      recordIssue(
        'info',
        'dmarc-weaker-subdomain-policy',
        `Subdomains get sp=${record.sp}, weaker than p=${policy}: spoofed mail from made-up subdomains is treated more leniently.`,
        'sp',
      ),
    );
  if (record.t === 'y' && record.pct !== undefined && record.pct < 100)
    issues.push(
      recordIssue(
        'info',
        'dmarc-test-mode-and-pct',
        't=y (RFC 9989) and pct (RFC 7489) both soften the policy; each kind of receiver reads only its own tag.',
        't',
      ),
    );
  return issues;
}

const POLICY_MEANING: Record<DmarcPolicy, string> = {
  none: 'take no action on mail that fails DMARC, only report it',
  quarantine: 'treat mail that fails DMARC as suspicious (usually the spam folder)',
  reject: 'refuse mail that fails DMARC during the SMTP transaction',
};

/** One sentence per tag, in record order, for the checker and the wizard. */
export function explainDmarcRecord(record: DmarcRecord): TagExplanation[] {
  const text = formatDmarcRecord(record);
  const { tags } = parseTagList(text, 'dmarc');
  return tags.map(({ name, value }) => ({ tag: name, value, meaning: explainDmarcTag(name, value) }));
}

/** What a single DMARC tag means, for explaining a record or a wizard field. */
export function explainDmarcTag(name: string, value: string): string {
  const policy = POLICY_MEANING[value as DmarcPolicy] ?? 'an unknown policy';
  switch (name.toLowerCase()) {
    case 'v':
      return 'Marks the record as DMARC version 1; it must come first.';
    case 'p':
      return `Policy for the domain itself: receivers ${policy}.`;
    case 'sp':
      return `Policy for subdomains: receivers ${policy}. Without sp, subdomains get p.`;
    case 'np':
      return `RFC 9989 policy for subdomains that do not exist in DNS: receivers ${policy}. Falls back to sp, then p.`;
    case 'adkim':
      return value === 's'
        ? 'Strict DKIM alignment: the signing domain d= must equal the From domain exactly.'
        : 'Relaxed DKIM alignment: the signing domain d= may be any domain of the same organization as the From domain.';
    case 'aspf':
      return value === 's'
        ? 'Strict SPF alignment: the envelope sender (Return-Path) domain must equal the From domain exactly.'
        : 'Relaxed SPF alignment: the envelope sender domain may be any domain of the same organization as the From domain.';
    case 'pct':
      return `RFC 7489 receivers apply the policy to ${value}% of failing mail and the next weaker policy to the rest; historic in RFC 9989.`;
    case 'fo':
      return `Failure reports are requested when ${value
        .split(':')
        .map(
          (option) =>
            ({ '0': 'all checks fail', '1': 'any check fails', d: 'a DKIM signature fails', s: 'SPF fails' })[option] ??
            option,
        )
        .join(', or when ')}.`;
    case 'rua':
      return `Aggregate (daily summary) reports are sent to ${value.split(',').join(' and ')}.`;
    case 'ruf':
      return `Failure reports about single messages are sent to ${value.split(',').join(' and ')}.`;
    case 'rf':
      return 'Format of failure reports (afrf); historic in RFC 9989.';
    case 'ri':
      return `Asks for aggregate reports every ${value} seconds (receivers send daily regardless); historic in RFC 9989.`;
    case 'psd':
      return value === 'y'
        ? 'RFC 9989: this domain is a public suffix domain (a registry such as a TLD).'
        : value === 'n'
          ? 'RFC 9989: this domain is an organizational domain, not a public suffix; the tree walk stops here.'
          : 'RFC 9989: no statement about being a public suffix (the default).';
    case 't':
      return value === 'y'
        ? 'RFC 9989 test mode: receivers apply the next weaker policy (reject acts as quarantine, quarantine as none) while you watch the reports.'
        : 'RFC 9989: the policy is applied as written (not in test mode).';
    default:
      return 'Not a DMARC tag; receivers ignore it.';
  }
}
