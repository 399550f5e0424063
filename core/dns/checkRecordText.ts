// The checker: any record (or several, or a zone-file snippet) pasted by the user, recognised by its version tag,
// parsed, explained and checked.
import { normalizeDomain } from '../report/alignment';
import { checkBimiRecord, explainBimiRecord, parseBimiRecord } from './bimiRecord';
import { checkDkimKeyRecord, explainDkimKeyRecord, parseDkimKeyRecord } from './dkimKeyRecord';
import { checkDmarcRecord, explainDmarcRecord, parseDmarcRecord, type DmarcRecord } from './dmarcRecord';
import { checkMtaStsPolicy, explainMtaStsRecord, parseMtaStsPolicy, parseMtaStsRecord } from './mtaStsRecord';
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

/** Checks one record's text (TXT strings already joined). `dmarc` lets a BIMI check see the domain's DMARC record. */
export function checkRecord(text: string, options: { name?: string; dmarc?: DmarcRecord } = {}): RecordCheck {
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
    case 'spf':
      return withName(fromParse(kind, text, parseSpfRecord(text), explainSpfRecord, checkSpfRecord));
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
    const strings = parseTxtPresentation(text.replace(/\s*\n\s*/g, ' '));
    if (strings === undefined)
      return [{ kind: 'unknown', text, valid: false, explanation: [], issues: [unclosedQuote()] }];
    const value = joinTxtStrings(strings).trim();
    if (value === '') return [];
    const domain = options.domain === undefined ? undefined : normalizeDomain(options.domain);
    const name = domain ? recordNameFor(detectRecordKind(value), domain) : undefined;
    return [checkRecord(value, name === undefined ? {} : { name })];
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
