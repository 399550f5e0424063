// The DMARC policy record, TXT at `_dmarc.<domain>`: RFC 7489 §6.3–6.4 and its successor RFC 9989 ("DMARCbis"),
// which adds np, psd and t and makes pct, rf and ri historic.
import { organizationalDomain, type AlignmentMode, type DmarcPolicy } from '../report';
import { formatTagList, parseTagList, type Tag } from './tagList';
import { joinTexts, recordText, type DnsRecordSentence, type RecordTextParam } from './recordTexts';
import type { RecordIssue, RecordParseResult, TagExplanation } from './types';
import { hasErrors, recordIssue, tagExplanation } from './types';

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
  adkim?: AlignmentMode;
  aspf?: AlignmentMode;
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
  const { tags, issues } = parseTagList(text, 'dmarc', { splitRunTogether: true });
  const first = tags[0];
  if (!first || first.name.toLowerCase() !== 'v' || first.value !== 'DMARC1') {
    issues.unshift(
      recordIssue(
        'error',
        'dmarc-missing-version',
        recordText('dmarc.missing-version'),
        'v',
        recordText('dmarc.missing-version.fix'),
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
        issues.push(recordIssue('error', 'dmarc-duplicate-tag', recordText('dmarc.repeated-version'), 'v'));
        break;
      case 'p':
      case 'sp':
      case 'np':
        if (POLICIES.includes(lower)) record[key] = lower as DmarcPolicy;
        else
          issues.push(
            recordIssue('error', `dmarc-invalid-${key}`, recordText('dmarc.invalid-policy', { tag: key, value }), key),
          );
        break;
      case 'adkim':
      case 'aspf':
        if (lower === 'r' || lower === 's') record[key] = lower;
        else
          issues.push(
            recordIssue(
              'error',
              `dmarc-invalid-${key}`,
              recordText('dmarc.invalid-alignment', { tag: key, value }),
              key,
            ),
          );
        break;
      case 'pct':
        if (/^\d{1,3}$/.test(value) && Number(value) <= 100) record.pct = Number(value);
        else issues.push(recordIssue('error', 'dmarc-invalid-pct', recordText('dmarc.invalid-pct', { value }), 'pct'));
        break;
      case 'fo': {
        const options = lower.split(':').map((option) => option.trim());
        if (options.every((option) => FAILURE_OPTIONS.includes(option))) record.fo = options as DmarcFailureOption[];
        else issues.push(recordIssue('error', 'dmarc-invalid-fo', recordText('dmarc.invalid-fo', { value }), 'fo'));
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
        else issues.push(recordIssue('error', 'dmarc-invalid-ri', recordText('dmarc.invalid-ri', { value }), 'ri'));
        break;
      case 'psd':
        if (lower === 'y' || lower === 'n' || lower === 'u') record.psd = lower;
        else issues.push(recordIssue('error', 'dmarc-invalid-psd', recordText('dmarc.invalid-psd', { value }), 'psd'));
        break;
      case 't':
        if (lower === 'y' || lower === 'n') record.t = lower;
        else issues.push(recordIssue('error', 'dmarc-invalid-t', recordText('dmarc.invalid-t', { value }), 't'));
        break;
      default:
        record.extensions.push({ name, value });
        issues.push(recordIssue('warning', 'dmarc-unknown-tag', recordText('dmarc.unknown-tag', { name }), name));
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
        recordIssue('error', `dmarc-invalid-${tag}`, recordText('dmarc.invalid-report-uri', { item, tag }), tag),
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
  const list = <T>(items: readonly T[] | undefined, format: (items: readonly T[]) => string) =>
    items && items.length > 0 ? format(items) : undefined;
  add(
    'fo',
    list(record.fo, (fo) => fo.join(':')),
  );
  add(
    'rf',
    list(record.rf, (rf) => rf.join(':')),
  );
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
      recordIssue('warning', 'dmarc-missing-p', recordText('dmarc.missing-p'), 'p', recordText('dmarc.missing-p.fix')),
    );
  if (policy === 'none')
    issues.push(
      recordIssue(
        'info',
        'dmarc-monitoring-only',
        recordText('dmarc.monitoring-only'),
        'p',
        recordText('dmarc.monitoring-only.fix'),
      ),
    );
  if (policy === 'reject' && context.dkimConfigured === false)
    issues.push(
      recordIssue(
        'warning',
        'dmarc-reject-without-dkim',
        recordText('dmarc.reject-without-dkim'),
        'p',
        recordText('dmarc.reject-without-dkim.fix'),
      ),
    );
  if (!record.rua || record.rua.length === 0)
    issues.push(
      recordIssue('warning', 'dmarc-no-rua', recordText('dmarc.no-rua'), 'rua', recordText('dmarc.no-rua.fix')),
    );
  for (const tag of ['rua', 'ruf'] as const) {
    const count = record[tag]?.length ?? 0;
    if (count > 2)
      issues.push(
        recordIssue(
          'warning',
          `dmarc-many-${tag}`,
          recordText('dmarc.many-uris', { tag, count }),
          tag,
          recordText('dmarc.many-uris.fix'),
        ),
      );
  }
  for (const { uri, maxSize } of [...(record.rua ?? []), ...(record.ruf ?? [])]) {
    if (!/^mailto:/i.test(uri))
      issues.push(recordIssue('warning', 'dmarc-non-mailto-uri', recordText('dmarc.non-mailto-uri', { uri }), 'rua'));
    if (maxSize)
      issues.push(recordIssue('info', 'dmarc-uri-size', recordText('dmarc.uri-size', { size: maxSize, uri }), 'rua'));
  }
  if (context.policyDomain)
    for (const name of externalReportAuthorizations(context.policyDomain, record))
      issues.push(
        recordIssue(
          'warning',
          'dmarc-external-report-domain',
          recordText('dmarc.external-report-domain', { name }),
          'rua',
          // Every name externalReportAuthorizations makes holds `._report._dmarc.`; the report domain follows it.
          recordText('dmarc.external-report-domain.fix', { domain: name.split('._report._dmarc.')[1] ?? name, name }),
        ),
      );
  if (record.ruf && record.ruf.length > 0)
    issues.push(recordIssue('info', 'dmarc-ruf-privacy', recordText('dmarc.ruf-privacy'), 'ruf'));
  if (record.fo && (!record.ruf || record.ruf.length === 0))
    issues.push(
      recordIssue(
        'info',
        'dmarc-fo-without-ruf',
        recordText('dmarc.fo-without-ruf'),
        'fo',
        recordText('dmarc.fo-without-ruf.fix'),
      ),
    );
  if (record.pct !== undefined && record.pct !== 100)
    issues.push(
      recordIssue(
        'info',
        'dmarc-historic-pct',
        recordText('dmarc.historic-pct', { pct: record.pct }),
        'pct',
        recordText('dmarc.historic-pct.fix'),
      ),
    );
  for (const tag of ['rf', 'ri'] as const)
    if (record[tag] !== undefined)
      issues.push(
        recordIssue(
          'info',
          `dmarc-historic-${tag}`,
          recordText('dmarc.historic-tag', { tag }),
          tag,
          recordText('dmarc.historic-tag.fix', { tag }),
        ),
      );
  if (record.psd === 'y')
    issues.push(recordIssue('warning', 'dmarc-psd', recordText('dmarc.psd'), 'psd', recordText('dmarc.psd.fix')));
  const rank = (p: DmarcPolicy | undefined) => (p === undefined ? -1 : POLICIES.indexOf(p));
  if (record.sp !== undefined && rank(record.sp) < rank(policy))
    issues.push(
      recordIssue(
        'info',
        'dmarc-weaker-subdomain-policy',
        recordText('dmarc.weaker-subdomain-policy', { sp: record.sp, p: policy }),
        'sp',
      ),
    );
  if (record.t === 'y' && record.pct !== undefined && record.pct < 100)
    issues.push(recordIssue('info', 'dmarc-test-mode-and-pct', recordText('dmarc.test-mode-and-pct'), 't'));
  return issues;
}

const FAILURE_CONDITIONS: Record<DmarcFailureOption, DnsRecordSentence> = {
  '0': recordText('dmarc.explain.fo.0'),
  '1': recordText('dmarc.explain.fo.1'),
  d: recordText('dmarc.explain.fo.d'),
  s: recordText('dmarc.explain.fo.s'),
};

/** One sentence per tag, in record order, for the checker and the wizard. */
export function explainDmarcRecord(record: DmarcRecord): TagExplanation[] {
  const text = formatDmarcRecord(record);
  const { tags } = parseTagList(text, 'dmarc');
  return tags.map(({ name, value }) => tagExplanation(name, value, explainDmarcTag(name, value)));
}

/** Where reports of `tag` go, for explaining a record (the addresses) or a wizard field (the addresses you list). */
export function explainReportAddresses(tag: 'rua' | 'ruf', addresses: RecordTextParam): DnsRecordSentence {
  return recordText(tag === 'rua' ? 'dmarc.explain.rua' : 'dmarc.explain.ruf', { addresses });
}

/** What a single DMARC tag means, for explaining a record or a wizard field. */
export function explainDmarcTag(name: string, value: string): DnsRecordSentence {
  const policy = POLICIES.includes(value)
    ? recordText(`dmarc.policy.${value as DmarcPolicy}`)
    : recordText('dmarc.policy.unknown');
  switch (name.toLowerCase()) {
    case 'v':
      return recordText('dmarc.explain.v');
    case 'p':
      return recordText('dmarc.explain.p', { policy });
    case 'sp':
      return recordText('dmarc.explain.sp', { policy });
    case 'np':
      return recordText('dmarc.explain.np', { policy });
    case 'adkim':
      return recordText(value === 's' ? 'dmarc.explain.adkim.s' : 'dmarc.explain.adkim.r');
    case 'aspf':
      return recordText(value === 's' ? 'dmarc.explain.aspf.s' : 'dmarc.explain.aspf.r');
    case 'pct':
      return recordText('dmarc.explain.pct', { pct: value });
    case 'fo': {
      const conditions = value
        .split(':')
        .map((option) =>
          Object.hasOwn(FAILURE_CONDITIONS, option) ? FAILURE_CONDITIONS[option as DmarcFailureOption] : option,
        );
      return recordText('dmarc.explain.fo', { conditions: joinTexts(conditions, 'dmarc.explain.fo.or') });
    }
    case 'rua':
    case 'ruf':
      return explainReportAddresses(name.toLowerCase() as 'rua' | 'ruf', joinTexts(value.split(','), 'list.and'));
    case 'rf':
      return recordText('dmarc.explain.rf');
    case 'ri':
      return recordText('dmarc.explain.ri', { seconds: value });
    case 'psd':
      return recordText(
        value === 'y' ? 'dmarc.explain.psd.y' : value === 'n' ? 'dmarc.explain.psd.n' : 'dmarc.explain.psd.u',
      );
    case 't':
      return recordText(value === 'y' ? 'dmarc.explain.t.y' : 'dmarc.explain.t.n');
    default:
      return recordText('dmarc.explain.unknown');
  }
}
