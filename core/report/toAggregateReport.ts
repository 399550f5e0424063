// From the parsed XML tree (fast-xml-parser objects, namespace prefixes removed) to the typed AggregateReport.
// Every schema variant is read by element name (RFC 7489 appendix C, RFC 9990 §3 and appendix A, the 0.1/0.2 drafts),
// misspellings seen in real reports are accepted, and enum values are normalized with the raw value kept.
import { domainsAlign, spfPassCounts } from './alignment';
import { canonicalIpAddress } from './parseIpAddress';
import { reportText } from './reportMessages';
import {
  MAX_RECORD_COUNT,
  MILLISECONDS_ABOVE,
  describeTime,
  invisibleCharactersWarning,
  isPlausibleReportTime,
  isTimestampText,
  readCount,
  shown,
} from './plausibility';
import type {
  AggregateRecord,
  AlignmentMode,
  DkimAuthResult,
  DkimResult,
  Disposition,
  DmarcPolicy,
  DmarcVerdict,
  OverrideReason,
  PolicyOverride,
  PolicyPublished,
  RawValues,
  ReportMetadata,
  SpfAuthResult,
  SpfResult,
} from './types';

export type XmlNode = string | XmlObject | XmlNode[];
export interface XmlObject {
  [name: string]: XmlNode;
}

/**
 * Most distinct warnings kept for one report. A report of a million records each with a different bad source_ip must
 * not hold a million messages; the rest are counted.
 */
export const MAX_DISTINCT_WARNINGS = 100;

/** Where warnings go as records are read: a WarningSet, or a list to add to one later. */
export interface WarningSink {
  add(message: string): void;
}

/** Collects warnings without repeating the same one for every record of a large report. */
export class WarningSet implements WarningSink {
  private readonly seen = new Map<string, number>();
  private dropped = 0;
  add(message: string): void {
    const n = this.seen.get(message);
    if (n !== undefined) this.seen.set(message, n + 1);
    else if (this.seen.size < MAX_DISTINCT_WARNINGS) this.seen.set(message, 1);
    else this.dropped++;
  }
  list(): string[] {
    const list = [...this.seen].map(([message, n]) =>
      n > 1 ? reportText('report.repeated', { warning: message, count: n }) : message,
    );
    if (this.dropped > 0) list.push(reportText('report.moreWarnings', { count: this.dropped }));
    return list;
  }
}

function isObject(node: XmlNode | undefined): node is XmlObject {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** The first child named any of `names` (aliases: real reports misspell elements). */
export function child(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  if (Array.isArray(node)) node = node[0];
  if (!isObject(node)) return undefined;
  for (const name of names) {
    const value = node[name];
    if (value !== undefined) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Every child named any of `names`, in document order per name. */
export function children(node: XmlNode | undefined, ...names: string[]): XmlNode[] {
  if (Array.isArray(node)) node = node[0];
  if (!isObject(node)) return [];
  const out: XmlNode[] = [];
  for (const name of names) {
    const value = node[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) out.push(...value);
    else out.push(value);
  }
  return out;
}

/** Text content of an element (`<a>x</a>`, `<a attr="">x</a>` or mixed content). */
export function text(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.trim();
  if (Array.isArray(node)) return text(node[0]);
  const value = node['#text'];
  return typeof value === 'string' ? value.trim() : '';
}

function optionalText(node: XmlNode | undefined): string | undefined {
  const value = text(node);
  return value === '' ? undefined : value;
}

/** Depth-first search for an element by name: tolerates wrappers such as the stray IKEA `<xs:schema>`. */
export function findElement(node: XmlNode | undefined, name: string, depth = 3): XmlNode | undefined {
  if (Array.isArray(node)) node = node[0];
  if (!isObject(node)) return undefined;
  if (node[name] !== undefined) return child(node, name);
  if (depth === 0) return undefined;
  for (const value of Object.values(node)) {
    const found = findElement(value, name, depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function normalizeWord(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Map a raw enum value through `aliases`. The caller records the raw value when the result differs from it (records
 * make their `raw` only then: nearly every record has none, and an empty object for each was most of what they cost).
 */
function normalizeEnum<T extends string>(
  raw: string,
  allowed: readonly T[],
  aliases: Record<string, T>,
  fallback: T,
  field: string,
  warnings: WarningSink,
): T {
  // Nearly every value is already one of the allowed words.
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  const word = normalizeWord(raw);
  let value: T;
  if ((allowed as readonly string[]).includes(word)) value = word as T;
  else if (word in aliases) value = aliases[word]!;
  else {
    value = fallback;
    warnings.add(reportText('report.unknownValue', { field, value: raw, fallback }));
  }
  return value;
}

const DISPOSITIONS = ['none', 'quarantine', 'reject', 'pass'] as const;
const VERDICTS = ['pass', 'fail'] as const;
const DKIM_RESULTS = ['none', 'pass', 'fail', 'policy', 'neutral', 'temperror', 'permerror'] as const;
const SPF_RESULTS = ['none', 'neutral', 'pass', 'fail', 'softfail', 'temperror', 'permerror'] as const;
const POLICIES = ['none', 'quarantine', 'reject'] as const;
/** Every override reason a record may carry (RFC 7489 and RFC 9990); a store row is checked against the same list. */
export const REASONS = [
  'forwarded',
  'sampled_out',
  'trusted_forwarder',
  'mailing_list',
  'local_policy',
  'policy_test_mode',
  'other',
] as const;

/** Older and non-standard result words seen in real reports (docs/report-quirks.md "Values"). */
const RESULT_ALIASES = {
  hardfail: 'fail',
  unknown: 'none',
  error: 'temperror',
  'temp-error': 'temperror',
  'perm-error': 'permerror',
  '': 'none',
} as const;

function withRaw<T extends object>(value: T, raw: RawValues): T & { raw?: RawValues } {
  // A loop rather than Object.keys: this runs several times per record, and raw is nearly always empty.
  for (const _ in raw) return { ...value, raw };
  return value;
}

/**
 * A `<begin>` or `<end>` as Unix seconds. Decimal timestamps (`"1538204542.0"`) are seen in real reports and read as
 * whole seconds. A time in milliseconds is divided by 1000, with a warning, when that gives a plausible report time.
 * Anything else that is not digits (`1e9`, `-5`, `0x10`, a date string) or is missing reads as 0, with what was written
 * kept in `raw` ('' when nothing was): dateRangeProblem then names it, and the report is refused.
 */
function parseTimestamp(
  value: string,
  field: string,
  warnings: WarningSink,
  raw: RawValues,
  nowSeconds: number,
): number {
  if (!isTimestampText(value)) {
    warnings.add(
      value === ''
        ? reportText('report.noDateField', { field })
        : reportText('report.notTimestamp', { field, quoted: shown(value) }),
    );
    raw[field] = value;
    return 0;
  }
  // At most 2^53 - 1: a 400-digit "timestamp" would otherwise be Infinity.
  const seconds = Math.min(Math.floor(Number(value)), Number.MAX_SAFE_INTEGER);
  if (String(seconds) !== value) raw[field] = value;
  if (seconds > MILLISECONDS_ABOVE) {
    const fromMilliseconds = Math.floor(seconds / 1000);
    if (isPlausibleReportTime(fromMilliseconds, nowSeconds)) {
      warnings.add(
        reportText('report.milliseconds', {
          field,
          digits: value,
          seconds: String(fromMilliseconds),
          time: describeTime(fromMilliseconds),
        }),
      );
      raw[field] = value;
      return fromMilliseconds;
    }
  }
  return seconds;
}

/** Adds a warning when a report's `field` holds invisible or reordering characters (see invisibleCharactersWarning). */
function noteInvisible(field: string, value: string, warnings: WarningSink, isName = false): void {
  const warning = invisibleCharactersWarning(field, value, isName);
  if (warning !== undefined) warnings.add(warning);
}

/**
 * RFC 7489 appendix C `ReportMetadataType`; RFC 9990 adds `generator`. `nowSeconds` (the reader's clock) decides
 * whether a time in milliseconds converts to a plausible one; dateRangeProblem then checks the range as read.
 */
export function toMetadata(
  node: XmlNode | undefined,
  warnings: WarningSink,
  nowSeconds = Date.now() / 1000,
): ReportMetadata {
  const raw: RawValues = {};
  const email = text(child(node, 'email'));
  let orgName = text(child(node, 'org_name'));
  if (orgName === '' && email !== '') {
    // docs/report-quirks.md "Values": org_name missing — take it from the reporter's address.
    orgName = email.replace(/^.*@/, '').replace(/[<>\s]/g, '');
    warnings.add(reportText('report.orgFromEmail', { org: orgName }));
  }
  const range = child(node, 'date_range', 'data_range', 'daterange');
  if (child(node, 'date_range') === undefined && range !== undefined)
    warnings.add(reportText('report.misspelledDateRange'));
  const extra = optionalText(child(node, 'extra_contact_info'));
  const generator = optionalText(child(node, 'generator'));
  const metadata: ReportMetadata = {
    orgName,
    email,
    reportId: text(child(node, 'report_id')),
    begin: parseTimestamp(text(child(range, 'begin')), 'begin', warnings, raw, nowSeconds),
    end: parseTimestamp(text(child(range, 'end')), 'end', warnings, raw, nowSeconds),
    errors: children(node, 'error')
      .map(text)
      .filter((e) => e !== ''),
  };
  if (extra !== undefined) metadata.extraContactInfo = extra;
  if (generator !== undefined) metadata.generator = generator;
  if (metadata.reportId === '') warnings.add(reportText('report.noReportId'));
  noteInvisible('org_name', orgName, warnings, true);
  noteInvisible('email', email, warnings);
  noteInvisible('report_id', metadata.reportId, warnings);
  if (extra !== undefined) noteInvisible('extra_contact_info', extra, warnings);
  return withRaw(metadata, raw);
}

function optionalPolicy(
  node: XmlNode | undefined,
  field: string,
  raw: RawValues,
  warnings: WarningSink,
): DmarcPolicy | undefined {
  const value = text(node);
  if (value === '') return undefined;
  const policy = normalizeEnum(value, POLICIES, {}, 'none', field, warnings);
  if (policy !== value) raw[field] = value;
  return policy;
}

function alignmentMode(node: XmlNode | undefined, field: string, raw: RawValues): AlignmentMode | undefined {
  const value = normalizeWord(text(node));
  if (value === '') return undefined;
  const mode: AlignmentMode = value.startsWith('s') ? 's' : 'r';
  if (mode !== text(node)) raw[field] = text(node);
  return mode;
}

/** RFC 7489 appendix C `PolicyPublishedType`; RFC 9990 adds np, testing, discovery_method and drops pct. */
export function toPolicyPublished(node: XmlNode | undefined, warnings: WarningSink): PolicyPublished {
  const raw: RawValues = {};
  const policy: PolicyPublished = { domain: text(child(node, 'domain')).toLowerCase() };
  const p = optionalPolicy(child(node, 'p'), 'p', raw, warnings);
  const sp = optionalPolicy(child(node, 'sp'), 'sp', raw, warnings);
  const np = optionalPolicy(child(node, 'np'), 'np', raw, warnings);
  const adkim = alignmentMode(child(node, 'adkim'), 'adkim', raw);
  const aspf = alignmentMode(child(node, 'aspf'), 'aspf', raw);
  if (p) policy.p = p;
  if (sp) policy.sp = sp;
  if (np) policy.np = np;
  if (adkim) policy.adkim = adkim;
  if (aspf) policy.aspf = aspf;
  const pct = text(child(node, 'pct'));
  if (pct !== '') {
    // RFC 7489 §6.3: an integer from 0 to 100; `0x10` or `1e2` are not.
    const n = readCount(pct);
    if (n >= 0 && n <= 100) {
      policy.pct = n;
      if (String(n) !== pct) raw.pct = pct;
    } else warnings.add(reportText('report.pctInvalid', { value: shown(pct) }));
  }
  const fo = optionalText(child(node, 'fo'));
  if (fo !== undefined) policy.fo = fo;
  const testing = normalizeWord(text(child(node, 'testing')));
  if (testing === 'y' || testing === 'n') policy.testing = testing;
  const discovery = normalizeWord(text(child(node, 'discovery_method')));
  if (discovery === 'psl' || discovery === 'treewalk') policy.discoveryMethod = discovery;
  if (policy.domain === '') warnings.add(reportText('report.noPolicyDomain'));
  noteInvisible('policy_published domain', policy.domain, warnings);
  return withRaw(policy, raw);
}

function toReason(text: ReasonText, warnings: WarningSink): PolicyOverride {
  const type = normalizeEnum<OverrideReason>(text.type, REASONS, {}, 'other', 'type', warnings);
  const reason: PolicyOverride = { type };
  if (text.comment !== '') reason.comment = text.comment;
  return type === text.type ? reason : { ...reason, raw: { type: text.type } };
}

function toDkimResult(text: DkimResultText, warnings: WarningSink): DkimAuthResult {
  const result: DkimAuthResult = {
    domain: text.domain.toLowerCase(),
    result: normalizeEnum<DkimResult>(text.result, DKIM_RESULTS, RESULT_ALIASES, 'none', 'result', warnings),
  };
  if (text.selector !== '') result.selector = text.selector;
  if (text.humanResult !== '') result.humanResult = text.humanResult;
  noteInvisible('DKIM domain', text.domain, warnings);
  noteInvisible('DKIM selector', text.selector, warnings);
  return result.result === text.result ? result : { ...result, raw: { result: text.result } };
}

function toSpfResult(text: SpfResultText, warnings: WarningSink): SpfAuthResult {
  const result: SpfAuthResult = {
    domain: text.domain.toLowerCase(),
    result: normalizeEnum<SpfResult>(text.result, SPF_RESULTS, RESULT_ALIASES, 'none', 'result', warnings),
  };
  const scope = normalizeWord(text.scope);
  if (scope === 'mfrom' || scope === 'helo') result.scope = scope;
  if (text.humanResult !== '') result.humanResult = text.humanResult;
  noteInvisible('SPF domain', text.domain, warnings);
  return result.result === text.result ? result : { ...result, raw: { result: text.result } };
}

/** Counts the warnings passed on to `target`. */
const countingSink = {
  target: undefined as WarningSink | undefined,
  added: 0,
  add(message: string): void {
    this.added++;
    this.target!.add(message);
  },
};

/**
 * An interpreted DKIM or SPF result kept for the next record with the same four values (the reader hands over one
 * string for each value it has read before, so they are compared by reference first), with whether it aligns with the
 * header_from and mode it was last checked against. Records share these result objects: a large report has a handful
 * of distinct results, and an object per result per record was much of what records kept cost.
 */
interface KeptResult<R> {
  /** The selector (DKIM) or scope (SPF) as written; the domain is the key it is kept under. */
  b: string;
  result: string;
  humanResult: string;
  value: R;
  headerFrom: string;
  mode: AlignmentMode | undefined;
  aligned: boolean;
  /** The list of this result alone, shared by the records that have no other (most have one SPF result). */
  alone: R[] | undefined;
}

/** Kept results by their domain as written; a few per domain, and a bounded number of domains. */
const KEPT_DOMAINS = 4096;
const KEPT_PER_DOMAIN = 16;
const keptDkim = new Map<string, Array<KeptResult<DkimAuthResult>>>();
const keptSpf = new Map<string, Array<KeptResult<SpfAuthResult>>>();

function keptResult<T extends { domain: string; result: string; humanResult: string }, R>(
  kept: Map<string, Array<KeptResult<R>>>,
  text: T,
  b: string,
  interpret: (text: T, warnings: WarningSink) => R,
  warnings: WarningSink,
): KeptResult<R> {
  const list = kept.get(text.domain);
  if (list !== undefined) {
    for (const entry of list) {
      if (entry.b === b && entry.result === text.result && entry.humanResult === text.humanResult) return entry;
    }
  }
  countingSink.target = warnings;
  countingSink.added = 0;
  const value = interpret(text, countingSink);
  countingSink.target = undefined;
  const entry: KeptResult<R> = {
    b,
    result: text.result,
    humanResult: text.humanResult,
    value,
    headerFrom: '',
    mode: undefined,
    aligned: false,
    alone: undefined,
  };
  // A result that gave warnings is not kept: they must be given again for every record that has it.
  if (countingSink.added > 0) return entry;
  // Shared by records of any report read after, so frozen: a change through one record would show in all of them.
  Object.freeze((value as { raw?: object }).raw);
  Object.freeze(value);
  if (list === undefined) {
    if (kept.size >= KEPT_DOMAINS) kept.clear();
    kept.set(text.domain, [entry]);
  } else if (list.length < KEPT_PER_DOMAIN) list.push(entry);
  else list[list.length - 1] = entry;
  return entry;
}

/** The one empty list every record without reasons, or without DKIM or SPF results, shares (frozen, as shared). */
const NONE = Object.freeze([]) as never[];

/** Whether one of the results {@link dkimResultsOf} or {@link spfResultsOf} gave last aligns (no pair made per record). */
let resultsAligned = false;

/**
 * The DKIM results of a record; whether one aligns (RFC 7489 §3.1.1: a passing signature whose d= aligns with the From
 * domain), as isDkimAligned decides it, in {@link resultsAligned}.
 */
function dkimResultsOf(
  texts: readonly DkimResultText[],
  headerFrom: string,
  mode: AlignmentMode | undefined,
  warnings: WarningSink,
): DkimAuthResult[] {
  resultsAligned = false;
  if (texts.length === 0) return NONE;
  if (texts.length === 1) {
    const read = keptResult(keptDkim, texts[0]!, texts[0]!.selector, toDkimResult, warnings);
    resultsAligned = read.value.result === 'pass' && alignedAsKept(read, headerFrom, mode);
    return (read.alone ??= Object.freeze([read.value]) as DkimAuthResult[]);
  }
  const results: DkimAuthResult[] = [];
  let aligned = false;
  for (const text of texts) {
    const read = keptResult(keptDkim, text, text.selector, toDkimResult, warnings);
    results.push(read.value);
    if (!aligned && read.value.result === 'pass') aligned = alignedAsKept(read, headerFrom, mode);
  }
  resultsAligned = aligned;
  return results;
}

/**
 * The SPF results of a record; whether one aligns (RFC 7489 §3.1.2: SPF passed for a MAIL FROM domain, not HELO, that
 * aligns with the From domain), as isSpfAligned decides it, in {@link resultsAligned}.
 */
function spfResultsOf(
  texts: readonly SpfResultText[],
  headerFrom: string,
  mode: AlignmentMode | undefined,
  warnings: WarningSink,
): SpfAuthResult[] {
  resultsAligned = false;
  if (texts.length === 0) return NONE;
  if (texts.length === 1) {
    const read = keptResult(keptSpf, texts[0]!, texts[0]!.scope, toSpfResult, warnings);
    const value = read.value;
    resultsAligned = spfPassCounts(value) && alignedAsKept(read, headerFrom, mode);
    return (read.alone ??= Object.freeze([value]) as SpfAuthResult[]);
  }
  const results: SpfAuthResult[] = [];
  let aligned = false;
  for (const text of texts) {
    const read = keptResult(keptSpf, text, text.scope, toSpfResult, warnings);
    results.push(read.value);
    if (!aligned && spfPassCounts(read.value)) aligned = alignedAsKept(read, headerFrom, mode);
  }
  resultsAligned = aligned;
  return results;
}

/**
 * Whether a kept result's domain aligns with `headerFrom` under `mode`: checked again only when they change (a new
 * entry's '' and undefined need no check: nothing aligns with an empty header_from).
 */
function alignedAsKept<R extends { domain: string }>(
  entry: KeptResult<R>,
  headerFrom: string,
  mode: AlignmentMode | undefined,
): boolean {
  if (entry.headerFrom !== headerFrom || entry.mode !== mode) {
    entry.aligned = domainsAlign(entry.value.domain, headerFrom, mode);
    entry.headerFrom = headerFrom;
    entry.mode = mode;
  }
  return entry.aligned;
}

const KNOWN_RECORD_CHILDREN = new Set(['row', 'identifiers', 'identities', 'auth_results', 'policy_evaluated']);

export interface AlignmentPolicy {
  adkim?: AlignmentMode;
  aspf?: AlignmentMode;
}

export interface ReasonText {
  type: string;
  comment: string;
}
export interface DkimResultText {
  domain: string;
  selector: string;
  result: string;
  humanResult: string;
}
export interface SpfResultText {
  domain: string;
  scope: string;
  result: string;
  humanResult: string;
}

/**
 * A `<record>` as read from the XML, before any interpretation: each value is the element's trimmed text ('' when the
 * element is missing or empty). Both readers of records produce it (the tree of readWellFormedXml or fast-xml-parser,
 * and readPlainRecords straight from the text); toAggregateRecords interprets it, so they cannot differ in meaning.
 */
export interface RecordText {
  sourceIp: string;
  count: string;
  /** Whether the record has a `<policy_evaluated>` (inside `<row>` or, as two corpus files have it, beside it). */
  evaluated: boolean;
  disposition: string;
  dkim: string;
  spf: string;
  reasons: ReasonText[];
  headerFrom: string;
  envelopeFrom: string;
  envelopeTo: string;
  dkimResults: DkimResultText[];
  spfResults: SpfResultText[];
  /** Misspellings read: `<identities>` for `<identifiers>`, `<diskim>` for `<dkim>`. */
  identities?: boolean;
  diskim?: boolean;
  /** Unknown child elements of `<record>`, with their content as parsed. */
  extensions?: Array<[name: string, value: XmlNode]>;
}

/** What a parsed `<record>` element says, by element name (misspellings included). */
export function recordTextOf(node: XmlNode): RecordText {
  const row = child(node, 'row');
  // Two corpus files put policy_evaluated beside <row> instead of inside it.
  const evaluated = child(row, 'policy_evaluated') ?? child(node, 'policy_evaluated');
  const identifiers = child(node, 'identifiers', 'identities');
  const auth = child(node, 'auth_results');
  const record: RecordText = {
    sourceIp: text(child(row, 'source_ip')),
    count: text(child(row, 'count')),
    evaluated: evaluated !== undefined,
    disposition: text(child(evaluated, 'disposition')),
    dkim: text(child(evaluated, 'dkim', 'diskim')),
    spf: text(child(evaluated, 'spf')),
    reasons: children(evaluated, 'reason').map((r) => ({
      type: text(child(r, 'type')),
      comment: text(child(r, 'comment')),
    })),
    headerFrom: text(child(identifiers, 'header_from')),
    envelopeFrom: text(child(identifiers, 'envelope_from')),
    envelopeTo: text(child(identifiers, 'envelope_to')),
    dkimResults: children(auth, 'dkim', 'diskim').map((r) => ({
      domain: text(child(r, 'domain')),
      selector: text(child(r, 'selector')),
      result: text(child(r, 'result')),
      humanResult: text(child(r, 'human_result')),
    })),
    spfResults: children(auth, 'spf').map((r) => ({
      domain: text(child(r, 'domain')),
      scope: text(child(r, 'scope')),
      result: text(child(r, 'result')),
      humanResult: text(child(r, 'human_result')),
    })),
  };
  if (child(node, 'identifiers') === undefined && identifiers !== undefined) record.identities = true;
  if (child(auth, 'diskim') !== undefined || child(evaluated, 'diskim') !== undefined) record.diskim = true;
  if (isObject(node)) {
    for (const [name, value] of Object.entries(node)) {
      if (!KNOWN_RECORD_CHILDREN.has(name)) (record.extensions ??= []).push([name, value]);
    }
  }
  return record;
}

/**
 * Why a record cannot be believed, as a warning naming its source_ip and the field, or undefined when it can: its
 * source_ip must be an IP address (RFC 9990 `IPAddress`) and its count a whole number of messages no larger than
 * MAX_RECORD_COUNT. Such a record is left out of the report, so that it is in no total, source or chart.
 */
function recordProblem(text: RecordText, count: number): string | undefined {
  if (text.count === '') return reportText('report.leftOutNoCount', { ip: text.sourceIp });
  if (count < 0) {
    return reportText('report.leftOutBadCount', { ip: text.sourceIp, value: shown(text.count) });
  }
  if (count > MAX_RECORD_COUNT) {
    return reportText('report.leftOutHugeCount', {
      ip: text.sourceIp,
      value: shown(text.count),
      most: String(MAX_RECORD_COUNT),
    });
  }
  return undefined;
}

/**
 * RFC 7489 appendix C `RecordType` → AggregateRecord, alignment recomputed under the published modes; undefined, with
 * a warning, for a record whose source_ip or count cannot be believed (see recordProblem). The source_ip is kept in its
 * canonical text (canonicalIpAddress), so that one address written in several ways is one source everywhere after.
 */
export function readAggregateRecord(
  text: RecordText,
  policy: AlignmentPolicy,
  warnings: WarningSink,
): AggregateRecord | undefined {
  const ip = canonicalIpAddress(text.sourceIp);
  if (ip === undefined) {
    warnings.add(
      text.sourceIp === ''
        ? reportText('report.leftOutNoIp')
        : reportText('report.leftOutBadIp', { value: shown(text.sourceIp) }),
    );
    return undefined;
  }
  const count = readCount(text.count);
  const problem = recordProblem(text, count);
  if (problem !== undefined) {
    warnings.add(problem);
    return undefined;
  }
  return buildRecord(text, ip, count, policy, warnings);
}

/** The believable records of `texts`, in order: what a report's totals are made from. */
export function toAggregateRecords(
  texts: readonly RecordText[],
  policy: AlignmentPolicy,
  warnings: WarningSink,
): AggregateRecord[] {
  const records: AggregateRecord[] = [];
  for (const text of texts) {
    const record = readAggregateRecord(text, policy, warnings);
    if (record !== undefined) records.push(record);
  }
  return records;
}

function buildRecord(
  text: RecordText,
  sourceIp: string,
  count: number,
  policy: AlignmentPolicy,
  warnings: WarningSink,
): AggregateRecord {
  let raw: RawValues | undefined;
  if (!text.evaluated) warnings.add(reportText('report.noPolicyEvaluated'));
  if (text.identities) warnings.add(reportText('report.misspelledIdentities'));
  // The count is digits and at most MAX_RECORD_COUNT (readCount, recordProblem): written otherwise than String(count)
  // only with a leading zero.
  if (text.count.length > 1 && text.count.charCodeAt(0) === 48) raw = { count: text.count };
  const disposition = normalizeEnum<Disposition>(
    text.disposition,
    DISPOSITIONS,
    { '': 'none' },
    'none',
    'disposition',
    warnings,
  );
  if (disposition !== text.disposition) (raw ??= {}).disposition = text.disposition;
  const dkim = normalizeEnum<DmarcVerdict>(text.dkim, VERDICTS, {}, 'fail', 'dkim', warnings);
  if (dkim !== text.dkim) (raw ??= {}).dkim = text.dkim;
  const spf = normalizeEnum<DmarcVerdict>(text.spf, VERDICTS, {}, 'fail', 'spf', warnings);
  if (spf !== text.spf) (raw ??= {}).spf = text.spf;
  const reasons = text.reasons.length === 0 ? NONE : text.reasons.map((r) => toReason(r, warnings));
  const headerFrom = text.headerFrom.toLowerCase();
  const dkimResults = dkimResultsOf(text.dkimResults, headerFrom, policy.adkim, warnings);
  const dkimAligned = resultsAligned;
  const spfResults = spfResultsOf(text.spfResults, headerFrom, policy.aspf, warnings);
  const spfAligned = resultsAligned;
  const envelopeFrom = text.envelopeFrom === '' ? undefined : text.envelopeFrom.toLowerCase();
  const envelopeTo = text.envelopeTo === '' ? undefined : text.envelopeTo.toLowerCase();
  // Made whole by one literal for each set of fields: a field added after would move every record to another hidden
  // class and give it a property store of its own.
  const record: AggregateRecord =
    envelopeFrom === undefined
      ? envelopeTo === undefined
        ? {
            sourceIp,
            count,
            disposition,
            dkim,
            spf,
            reasons,
            headerFrom,
            dkimResults,
            spfResults,
            dkimAligned,
            spfAligned,
          }
        : {
            sourceIp,
            count,
            disposition,
            dkim,
            spf,
            reasons,
            headerFrom,
            dkimResults,
            spfResults,
            dkimAligned,
            spfAligned,
            envelopeTo,
          }
      : envelopeTo === undefined
        ? {
            sourceIp,
            count,
            disposition,
            dkim,
            spf,
            reasons,
            headerFrom,
            dkimResults,
            spfResults,
            dkimAligned,
            spfAligned,
            envelopeFrom,
          }
        : {
            sourceIp,
            count,
            disposition,
            dkim,
            spf,
            reasons,
            headerFrom,
            dkimResults,
            spfResults,
            dkimAligned,
            spfAligned,
            envelopeFrom,
            envelopeTo,
          };
  noteInvisible('header_from', text.headerFrom, warnings);
  if (text.diskim) warnings.add(reportText('report.misspelledDiskim'));
  if (envelopeFrom !== undefined) noteInvisible('envelope_from', text.envelopeFrom, warnings);
  if (envelopeTo !== undefined) noteInvisible('envelope_to', text.envelopeTo, warnings);
  for (const [name, value] of text.extensions ?? []) {
    (record.extensions ??= {})[name] = value;
    warnings.add(reportText('report.unknownRecordElement', { name }));
  }
  return raw === undefined ? record : { ...record, raw };
}
