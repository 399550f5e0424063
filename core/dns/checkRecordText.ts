// The checker: any record (or several, or a zone-file snippet) pasted by the user, recognised by its version tag,
// parsed, explained and checked.
import { normalizeDomain } from '../report';
import { checkBimiRecord, explainBimiRecord, parseBimiRecord } from './bimiRecord';
import { checkDkimKeyRecord, explainDkimKeyRecord, parseDkimKeyRecord } from './dkimKeyRecord';
import { checkDmarcRecord, explainDmarcRecord, parseDmarcRecord, type DmarcRecord } from './dmarcRecord';
import { checkMtaStsPolicy, explainMtaStsRecord, parseMtaStsPolicy, parseMtaStsRecord } from './mtaStsRecord';
import { estimateSpfLookups, spfEstimateIssues, type SpfLookupEstimate } from './estimateSpfLookups';
import { checkSpfRecord, checkSpfRecordCount, explainSpfRecord, isSpfRecordText, parseSpfRecord } from './spfRecord';
import { explainTlsRptRecord, parseTlsRptRecord } from './tlsRptRecord';
import { joinTxtStrings, parseTxtPresentation } from './txtStrings';
import { recordText } from './recordTexts';
import { recordIssue, tagExplanation, type RecordIssue, type RecordParseResult, type TagExplanation } from './types';

export type RecordKind =
  'dmarc' | 'spf' | 'dkim' | 'mta-sts' | 'mta-sts-policy' | 'tls-rpt' | 'bimi' | 'dmarc-authorization';

export interface RecordCheck {
  kind: RecordKind | 'unknown';
  /** The owner name when it came from a zone line. */
  name?: string;
  text: string;
  valid: boolean;
  explanation: TagExplanation[];
  issues: RecordIssue[];
  /**
   * For an SPF record checked without DNS: its lookups as far as they are known offline. When `uncounted` is not
   * empty the record cannot be called within the limit.
   */
  spfLookups?: SpfLookupEstimate;
}

/** Pasted text is capped: the checker reads records, not whole zone files of a hosting company. */
export const MAX_CHECK_INPUT_CHARS = 200_000;
export const MAX_CHECKED_RECORDS = 200;

/** Recognises a record by its leading version tag (and, for a DKIM key without v=, by its p= tag). */
export function detectRecordKind(text: string, name?: string): RecordKind | 'unknown' {
  const t = text.trim();
  const lowerName = name?.toLowerCase() ?? '';
  if (/^v\s*=\s*DMARC1\s*;?\s*$/.test(t) && lowerName.includes('._report._dmarc.')) return 'dmarc-authorization';
  if (/^v\s*=\s*DMARC1\b/i.test(t)) return 'dmarc';
  if (/^v=spf1\b/i.test(t)) return 'spf';
  if (
    /^v\s*=\s*DKIM1\b/i.test(t) ||
    (/(^|;)\s*p\s*=/.test(t) && (lowerName.includes('._domainkey') || /(^|;)\s*k\s*=/.test(t)))
  )
    return 'dkim';
  if (/^v\s*=\s*STSv1\b/i.test(t)) return 'mta-sts';
  if (/^version\s*:\s*STSv1\b/i.test(t)) return 'mta-sts-policy';
  if (/^v\s*=\s*TLSRPTv1\b/i.test(t)) return 'tls-rpt';
  if (/^v\s*=\s*BIMI1\b/i.test(t)) return 'bimi';
  if (lowerName.includes('._domainkey') || /(^|;)\s*p\s*=/.test(t)) return 'dkim';
  return 'unknown';
}

function fromParse<R>(
  kind: RecordKind,
  text: string,
  result: RecordParseResult<R>,
  explain: (record: R) => TagExplanation[],
  check: (record: R) => RecordIssue[],
): RecordCheck {
  if (!result.ok) return { kind, text, valid: false, explanation: [], issues: result.issues };
  return {
    kind,
    text,
    valid: true,
    explanation: explain(result.record),
    issues: [...result.issues, ...check(result.record)],
  };
}

/**
 * Checks one record's text (TXT strings already joined). `dmarc` lets a BIMI check see the domain's DMARC record.
 * `exactLookups` says the caller follows the SPF include tree through DNS itself, so no offline estimate is made.
 */
export function checkRecord(
  text: string,
  options: { name?: string; dmarc?: DmarcRecord; exactLookups?: boolean } = {},
): RecordCheck {
  const kind = detectRecordKind(text, options.name);
  const withName = (check: RecordCheck): RecordCheck =>
    options.name === undefined ? check : { ...check, name: options.name };
  const policyDomain = options.name
    ?.toLowerCase()
    .replace(/^_dmarc\./, '')
    .replace(/\.$/, '');
  switch (kind) {
    case 'dmarc':
      return withName(
        fromParse(kind, text, parseDmarcRecord(text), explainDmarcRecord, (record) =>
          checkDmarcRecord(
            record,
            policyDomain && options.name?.toLowerCase().startsWith('_dmarc.') ? { policyDomain } : {},
          ),
        ),
      );
    case 'dmarc-authorization':
      return withName({
        kind,
        text,
        valid: true,
        explanation: [tagExplanation('v', 'DMARC1', recordText('dmarc.explain.authorization'))],
        issues: [],
      });
    case 'spf': {
      const parsed = parseSpfRecord(text);
      const check = fromParse(kind, text, parsed, explainSpfRecord, checkSpfRecord);
      if (!parsed.ok || options.exactLookups) return withName(check);
      const estimate = estimateSpfLookups(parsed.record);
      return withName({ ...check, issues: [...check.issues, ...spfEstimateIssues(estimate)], spfLookups: estimate });
    }
    case 'dkim':
      return withName(fromParse(kind, text, parseDkimKeyRecord(text), explainDkimKeyRecord, checkDkimKeyRecord));
    case 'mta-sts':
      return withName(fromParse(kind, text, parseMtaStsRecord(text), explainMtaStsRecord, () => []));
    case 'mta-sts-policy':
      return withName(
        fromParse(
          kind,
          text,
          parseMtaStsPolicy(text),
          (policy) => [
            tagExplanation('mode', policy.mode, recordText(`mta-sts.explain.mode.${policy.mode}`)),
            ...policy.mx.map((mx) => tagExplanation('mx', mx, recordText('mta-sts.explain.mx'))),
            tagExplanation(
              'max_age',
              String(policy.maxAge),
              recordText('mta-sts.explain.max-age', { days: Math.round(policy.maxAge / 86_400) }),
            ),
          ],
          checkMtaStsPolicy,
        ),
      );
    case 'tls-rpt':
      return withName(fromParse(kind, text, parseTlsRptRecord(text), explainTlsRptRecord, () => []));
    case 'bimi':
      return withName(
        fromParse(kind, text, parseBimiRecord(text), explainBimiRecord, (record) =>
          checkBimiRecord(record, options.dmarc),
        ),
      );
    case 'unknown':
      return withName({
        kind,
        text,
        valid: false,
        explanation: [],
        issues: [recordIssue('error', 'unknown-record', recordText('check.unknown-record'))],
      });
  }
}

/** One TXT line of a zone file: `name [ttl] [class] TXT "…" …`. */
const ZONE_TXT_LINE = /^(\S+)\s+(?:\d+\s+)?(?:IN\s+)?(?:\d+\s+)?TXT\s+([\s\S]+)$/i;

/**
 * Checks pasted text: a zone-file snippet (one record per TXT line, parentheses spanning lines), a lone record value,
 * or an MTA-STS policy file. Several SPF records at one name are reported (RFC 7208 §4.5).
 */
/** Where a record of each kind is published for `domain` (DKIM needs a selector, so it has no fixed name). */
export function recordNameFor(kind: RecordKind | 'unknown', domain: string): string | undefined {
  switch (kind) {
    case 'dmarc':
      return `_dmarc.${domain}`;
    case 'spf':
      return domain;
    case 'mta-sts':
      return `_mta-sts.${domain}`;
    case 'tls-rpt':
      return `_smtp._tls.${domain}`;
    case 'bimi':
      return `default._bimi.${domain}`;
    default:
      return undefined;
  }
}

/**
 * `domain`, when given, is where a lone pasted value is published, so checks that depend on it (a DMARC report
 * address at another organization) can run.
 */
export function checkRecordText(input: string, options: { domain?: string } = {}): RecordCheck[] {
  const text = input.length > MAX_CHECK_INPUT_CHARS ? input.slice(0, MAX_CHECK_INPUT_CHARS) : input;
  if (/^\s*version\s*:/i.test(text)) return [checkRecord(text.trim())];
  const entries = zoneEntries(text);
  if (entries.length === 0) {
    const domain = options.domain === undefined ? undefined : normalizeDomain(options.domain);
    return pastedValues(text)
      .slice(0, MAX_CHECKED_RECORDS)
      .map(({ raw, value }): RecordCheck => {
        if (value === undefined)
          return { kind: 'unknown', text: raw, valid: false, explanation: [], issues: [unclosedQuote()] };
        const name = domain ? recordNameFor(detectRecordKind(value), domain) : undefined;
        return checkRecord(value, name === undefined ? {} : { name });
      });
  }
  const dmarc = entries
    .map((entry) =>
      entry.value !== undefined && detectRecordKind(entry.value, entry.name) === 'dmarc'
        ? parseDmarcRecord(entry.value)
        : undefined,
    )
    .find((result) => result?.ok);
  const checks = entries.slice(0, MAX_CHECKED_RECORDS).map((entry) =>
    entry.value === undefined
      ? {
          kind: 'unknown' as const,
          name: entry.name,
          text: entry.raw,
          valid: false,
          explanation: [],
          issues: [unclosedQuote()],
        }
      : checkRecord(entry.value, { name: entry.name, ...(dmarc?.ok ? { dmarc: dmarc.record } : {}) }),
  );
  const byName = new Map<string, string[]>();
  for (const entry of entries)
    if (entry.value !== undefined && isSpfRecordText(entry.value))
      byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry.value]);
  for (const [name, values] of byName) {
    const issues = checkSpfRecordCount(values);
    const first = checks.find((check) => check.name === name && check.kind === 'spf');
    if (first && issues.length > 0) first.issues.unshift(...issues);
  }
  return checks;
}

/** A line that opens a record of its own: a version tag, quoted or not (the kinds detectRecordKind knows). */
const RECORD_START = /^"?\s*(?:v\s*=\s*(?:DMARC1|spf1|DKIM1|STSv1|TLSRPTv1|BIMI1)\b)/i;
/** A line that goes on with an SPF record's terms: a mechanism or the redirect/exp modifier. */
const SPF_TERM_START = /^"?\s*(?:[+\-~?]?(?:all|include|a|mx|ptr|ip4|ip6|exists)\b|(?:redirect|exp)=)/i;
/** A line of base64 only: the rest of a DKIM key wrapped over lines. */
const BASE64_LINE = /^"?\s*[A-Za-z0-9+/]+={0,2}\s*;?\s*"?$/;

/**
 * The record values in pasted text that is not a zone file: one record per line, except where a line plainly goes
 * on with the one before (inside a quoted string or parentheses, after a `;`, `,` or `:` that leaves the value open,
 * SPF terms after an SPF line, a DKIM key wrapped over lines). `value` is undefined when a quote is never closed.
 */
function pastedValues(text: string): { raw: string; value: string | undefined }[] {
  const groups: string[][] = [];
  let quoteOpen = false;
  let depth = 0;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    const current = groups[groups.length - 1];
    if (trimmed === '' && !quoteOpen) continue;
    const joined = current?.join(' ') ?? '';
    const continues =
      current !== undefined &&
      (quoteOpen ||
        depth > 0 ||
        (!RECORD_START.test(trimmed) &&
          (/[;,:]\s*"?$/.test(joined) ||
            trimmed.startsWith(';') ||
            (isSpfRecordText(stripQuotes(current[0] ?? '')) && SPF_TERM_START.test(trimmed)) ||
            (detectRecordKind(stripQuotes(joined)) === 'dkim' && BASE64_LINE.test(trimmed)))));
    if (continues) current.push(trimmed);
    else groups.push([trimmed]);
    for (const char of trimmed.replace(/"(?:[^"\\]|\\.)*"?/g, '')) {
      if (char === '(') depth++;
      if (char === ')') depth = Math.max(0, depth - 1);
    }
    quoteOpen = quoteOpen !== oddQuotes(trimmed);
  }
  return groups.flatMap((group): { raw: string; value: string | undefined }[] => {
    const raw = group.join('\n');
    const strings = parseTxtPresentation(group.join(' '));
    if (strings === undefined) return [{ raw, value: undefined }];
    const value = joinTxtStrings(strings).trim();
    return value === '' ? [] : [{ raw, value }];
  });
}

/** Whether a line holds an odd number of unescaped double quotes (so it opens or closes a string). */
function oddQuotes(line: string): boolean {
  let odd = false;
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '"') odd = !odd;
  }
  return odd;
}

function stripQuotes(text: string): string {
  const strings = parseTxtPresentation(text);
  return strings === undefined ? text.replace(/"/g, '') : joinTxtStrings(strings);
}

function unclosedQuote(): RecordIssue {
  return recordIssue('error', 'unclosed-quote', recordText('check.unclosed-quote'));
}

interface ZoneEntry {
  name: string;
  raw: string;
  value: string | undefined;
}

function zoneEntries(text: string): ZoneEntry[] {
  // Join parenthesised continuations (RFC 1035 §5.1) into one logical line, ignoring ; comments outside quotes.
  const logical: string[] = [];
  let current = '';
  let depth = 0;
  for (const line of text.split(/\r?\n/)) {
    const withoutComment = stripComment(line);
    for (const char of withoutComment.replace(/"(?:[^"\\]|\\.)*"/g, '')) {
      if (char === '(') depth++;
      if (char === ')') depth = Math.max(0, depth - 1);
    }
    current += ` ${withoutComment}`;
    if (depth === 0) {
      if (current.trim() !== '') logical.push(current.trim());
      current = '';
    }
  }
  if (current.trim() !== '') logical.push(current.trim());
  const entries: ZoneEntry[] = [];
  for (const line of logical) {
    const match = ZONE_TXT_LINE.exec(line);
    if (!match) continue;
    const strings = parseTxtPresentation(match[2] ?? '');
    entries.push({ name: (match[1] ?? '').replace(/\.$/, ''), raw: line, value: strings && joinTxtStrings(strings) });
  }
  return entries;
}

function stripComment(line: string): string {
  let inQuote = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === '\\') index++;
    else if (char === '"') inQuote = !inQuote;
    else if (char === ';' && !inQuote) return line.slice(0, index);
  }
  return line;
}
