// Reads `<record>` elements of the plain shape nearly every reporter writes straight from the text into RecordText,
// without building a tree first (building a tree and walking it costs more than reading the record). Only the elements
// RFC 7489 appendix C names are accepted, each where the schema puts it, without prefixes or repeats of a single
// element; what real reports also hold is read as fast-xml-parser reads it: attributes (ignored), comments between
// elements, the five predefined entities, character references, and a value that is one CDATA section. Anything else —
// misspellings, extensions, damage, a comment inside a value — declines that record (undefined), which is then read
// through the tree. So this reader changes how quickly records are read, never what is read from them
// (test/core/report/readPlainRecords.test.ts holds it to the tree path).
import { isAttributeList, isBlank, isWhiteSpace } from './readWellFormedXml';
import type { DkimResultText, ReasonText, RecordText, SpfResultText } from './toAggregateReport';

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const AMP = 38; // &
const BANG = 33; // !
const CR = 13;

/** The elements read, by number. */
const enum Name {
  record,
  row,
  sourceIp,
  count,
  policyEvaluated,
  disposition,
  dkim,
  spf,
  reason,
  type,
  comment,
  identifiers,
  headerFrom,
  envelopeFrom,
  envelopeTo,
  authResults,
  domain,
  selector,
  result,
  humanResult,
  scope,
}

const NAMES: Record<Name, string> = {
  [Name.record]: 'record',
  [Name.row]: 'row',
  [Name.sourceIp]: 'source_ip',
  [Name.count]: 'count',
  [Name.policyEvaluated]: 'policy_evaluated',
  [Name.disposition]: 'disposition',
  [Name.dkim]: 'dkim',
  [Name.spf]: 'spf',
  [Name.reason]: 'reason',
  [Name.type]: 'type',
  [Name.comment]: 'comment',
  [Name.identifiers]: 'identifiers',
  [Name.headerFrom]: 'header_from',
  [Name.envelopeFrom]: 'envelope_from',
  [Name.envelopeTo]: 'envelope_to',
  [Name.authResults]: 'auth_results',
  [Name.domain]: 'domain',
  [Name.selector]: 'selector',
  [Name.result]: 'result',
  [Name.humanResult]: 'human_result',
  [Name.scope]: 'scope',
};

/** Names by a hash of their characters (no two of them share a slot: checked below). */
const SLOTS = 256;
const BY_HASH = new Int8Array(SLOTS).fill(-1);

function hashOf(text: string, from: number, to: number): number {
  let hash = 0;
  for (let i = from; i < to; i++) hash = (hash * 5 + text.charCodeAt(i)) | 0;
  return hash & (SLOTS - 1);
}

for (const [id, name] of Object.entries(NAMES)) {
  const slot = hashOf(name, 0, name.length);
  if (BY_HASH[slot] !== -1) throw new Error(`readPlainRecords: ${name} shares a hash slot`);
  BY_HASH[slot] = Number(id);
}

/** Declines the whole batch: thrown inside this module only, caught by readPlainRecords. */
const DECLINE = new Error('not a plain record');

/** The text being read and where the reader stands in it. */
let xml = '';
let at = 0;
/** Set by `startTag` when the tag it read was `<name/>`. */
let empty = false;

/**
 * Whether `text` stands at `from` in the text being read: compared character by character, which for the short names
 * and values compared here costs less than a call to startsWith.
 */
function isAt(text: string, from: number): boolean {
  for (let k = 0; k < text.length; k++) if (xml.charCodeAt(from + k) !== text.charCodeAt(k)) return false;
  return true;
}

/** Skips blanks and comments (fast-xml-parser drops comments between elements). */
function skipBlanks(): void {
  for (;;) {
    while (isBlank(xml.charCodeAt(at))) at++;
    if (xml.charCodeAt(at) !== LT || xml.charCodeAt(at + 1) !== BANG || !xml.startsWith('<!--', at)) return;
    const end = xml.indexOf('-->', at + 4);
    if (end === -1 || hasEndTagBetween(at + 4, end)) throw DECLINE;
    at = end + 3;
  }
}

/**
 * Whether `</` occurs between `from` and `to`: inside a comment or a CDATA section it could be the `</record>` the
 * aggregate reader splits records at, so the record read in place would not be the one it cuts out.
 */
function hasEndTagBetween(from: number, to: number): boolean {
  const slash = xml.indexOf('</', from);
  return slash !== -1 && slash + 1 < to;
}

/** Reads a start tag `<name>` or `<name/>` at `at` (a `<` already seen) and returns which name it is. */
function startTag(): Name {
  const from = at + 1;
  let end = from;
  let hash = 0;
  for (;;) {
    const c = xml.charCodeAt(end);
    if (!((c >= 97 && c <= 122) || c === 95)) break;
    hash = (hash * 5 + c) | 0;
    end++;
  }
  const id = BY_HASH[hash & (SLOTS - 1)]!;
  if (id === -1) throw DECLINE;
  const name = NAMES[id as Name];
  if (name.length !== end - from || !isAt(name, from)) throw DECLINE;
  let c = xml.charCodeAt(end);
  if (isBlank(c)) {
    // Attributes, which the tree path ignores: well-formed ones only (no `<`, `>` or `&` in values).
    const gt = xml.indexOf('>', end);
    if (gt === -1 || !isAttributeList(xml, end, gt, true)) throw DECLINE;
    empty = xml.charCodeAt(gt - 1) === SLASH;
    at = gt + 1;
    return id;
  }
  empty = c === SLASH;
  if (empty) c = xml.charCodeAt(++end);
  if (c !== GT) throw DECLINE;
  at = end + 1;
  return id;
}

/** After `<name>`: true at its end tag (read), false before a child's start tag (its `<` at `at`). */
function atEndOf(name: Name): boolean {
  skipBlanks();
  if (xml.charCodeAt(at) !== LT) throw DECLINE;
  if (xml.charCodeAt(at + 1) !== SLASH) return false;
  at = endTag(name, at);
  return true;
}

/** Where the end tag `</name>` at `lt` ends (blanks before its `>` allowed); declines on any other tag. */
function endTag(name: Name, lt: number): number {
  const text = NAMES[name];
  if (!isAt(text, lt + 2)) throw DECLINE;
  let gt = lt + 2 + text.length;
  while (isBlank(xml.charCodeAt(gt))) gt++;
  if (xml.charCodeAt(gt) !== GT) throw DECLINE;
  return gt + 1;
}

/**
 * The trimmed text of an element holding text only (its start tag just read), up to and past its end tag; `target` is
 * where the record keeps it (recorded while learning a shape).
 */
function leaf(name: Name, target: Target): string {
  if (empty) return '';
  const from = at;
  const lt = xml.indexOf('<', from);
  if (lt === -1) throw DECLINE;
  if (xml.charCodeAt(lt + 1) !== SLASH) {
    learnable = false;
    return cdata(name, from, lt);
  }
  at = endTag(name, lt);
  if (learning) {
    learnedValues.push(from, lt, target);
  }
  return valueBetween(from, lt);
}

/** isWhiteSpace, answered at once for the printable ASCII characters values are made of. */
function isSpace(c: number): boolean {
  return c <= 32 ? isWhiteSpace(c) : c >= 127 && isWhiteSpace(c);
}

/** The value of an element whose text runs from `from` to `lt` (its end tag's `<`): trimmed, references replaced. */
function valueBetween(from: number, lt: number): string {
  // The value's bounds as trim() finds them (it removes what `\s` matches).
  let start = from;
  let end = lt;
  while (start < end && isSpace(xml.charCodeAt(start))) start++;
  while (end > start && isSpace(xml.charCodeAt(end - 1))) end--;
  const length = end - start;
  if (length === 0) return '';
  if (length > INTERNED_MAX_CHARS) return valueOf(start, end);
  // Most values were read before: found by a few of their characters and then compared whole, which is all the
  // reading a value found costs (a value in the table holds no `&` or carriage return: those are not put there).
  const slot = slotOf(start, end);
  const known = internedValues[slot]!;
  if (known.length === length && xml.substring(start, end) === known) return known;
  if (hasReference(start, end)) return decoded(xml.slice(start, end));
  const value = flatCopy(xml.slice(start, end));
  internedValues[slot] = value;
  return value;
}

/**
 * Values read before, by their length and a few of their characters (one per slot, the last one read there). Real
 * reports repeat a few values in every record (domains, selectors, results, policy words), so most values are found
 * here: the records share one string instead of a fresh one each, and no value is a slice of the text read (V8 keeps
 * the whole text a slice was cut from in memory while the slice lives).
 */
const INTERNED_SLOTS = 4096;
const INTERNED_MAX_CHARS = 128;
const internedValues: string[] = new Array<string>(INTERNED_SLOTS).fill('');

/** The table slot of the value from `start` to `end` (not empty): its length, first, middle and last two characters. */
function slotOf(start: number, end: number): number {
  const length = end - start;
  let hash = Math.imul(length, 0x9e3779b1) ^ xml.charCodeAt(start);
  hash = Math.imul(hash, 31) ^ xml.charCodeAt(start + (length >> 1));
  hash = Math.imul(hash, 31) ^ xml.charCodeAt(end - 1);
  hash = Math.imul(hash, 31) ^ xml.charCodeAt(end - (length > 1 ? 2 : 1));
  return (hash ^ (hash >>> 15)) & (INTERNED_SLOTS - 1);
}

/** Whether the text from `start` to `end` holds a reference or a carriage return (which {@link decoded} reads). */
function hasReference(start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c === AMP || c === CR) return true;
  }
  return false;
}

/** The value from `start` to `end`, not looked for in the table: references replaced, else a copy of its own. */
function valueOf(start: number, end: number): string {
  return hasReference(start, end) ? decoded(xml.slice(start, end)) : copied(xml.slice(start, end));
}

/**
 * A string holding its own characters: V8 makes a slice of 13 or more characters a view into the string it was cut
 * from; joined to one character and cut again, it is a view into a fresh string of its own length.
 */
function copied(slice: string): string {
  return slice.length < 13 ? slice : ` ${slice}`.slice(1);
}

/** A value that is one CDATA section between blanks: its content trimmed, references left as written. */
function cdata(name: Name, from: number, lt: number): string {
  for (let i = from; i < lt; i++) if (!isBlank(xml.charCodeAt(i))) throw DECLINE;
  if (!xml.startsWith('<![CDATA[', lt)) throw DECLINE;
  const close = xml.indexOf(']]>', lt + 9);
  if (close === -1) throw DECLINE;
  if (hasEndTagBetween(lt + 9, close)) throw DECLINE;
  const content = xml.slice(lt + 9, close);
  if (content.includes('\r')) throw DECLINE;
  at = close + 3;
  skipSpaces();
  if (xml.charCodeAt(at) !== LT || xml.charCodeAt(at + 1) !== SLASH) throw DECLINE;
  at = endTag(name, at);
  return copied(content.trim());
}

function skipSpaces(): void {
  while (isBlank(xml.charCodeAt(at))) at++;
}

const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A trimmed value with references replaced in one pass (`&amp;lt;` is `&lt;`), as the tree path replaces them; declines
 * a carriage return (the tree path turns line ends into line feeds), any other `&`, and character references to
 * control characters, surrogates or past Unicode, which the tree path drops or keeps as written. Trimmed again after,
 * as the record's text is read from the tree (a reference may stand for a blank).
 */
function decoded(value: string): string {
  if (value.includes('\r')) throw DECLINE;
  let references = 0;
  for (let i = value.indexOf('&'); i !== -1; i = value.indexOf('&', i + 1)) references++;
  let replaced = 0;
  const text = value.replace(REFERENCE, (_match, name: string | undefined, decimal?: string, hex?: string) => {
    replaced++;
    if (name !== undefined) return PREDEFINED[name]!;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)
      throw DECLINE;
    return String.fromCodePoint(code);
  });
  if (replaced !== references) throw DECLINE;
  return copied(text.trim());
}

/** Which single elements of the record were read already: a repeat declines (the tree would keep the first). */
let seen = 0;

function once(name: Name): void {
  const bit = 1 << name;
  if (seen & bit) throw DECLINE;
  seen |= bit;
}

function readRow(record: RecordText): void {
  if (empty) return;
  while (!atEndOf(Name.row)) {
    const name = startTag();
    once(name);
    if (name === Name.sourceIp) record.sourceIp = leaf(name, Target.sourceIp);
    else if (name === Name.count) record.count = leaf(name, Target.count);
    else if (name === Name.policyEvaluated) readPolicyEvaluated(record);
    else throw DECLINE;
  }
}

function readPolicyEvaluated(record: RecordText): void {
  record.evaluated = true;
  if (learning) learnedOpens.push(learnedValues.length / 3, Target.openEvaluated);
  if (empty) return;
  while (!atEndOf(Name.policyEvaluated)) {
    const name = startTag();
    if (name === Name.reason) {
      record.reasons.push(readReason(record.reasons.length));
      continue;
    }
    once(name);
    if (name === Name.disposition) record.disposition = leaf(name, Target.disposition);
    else if (name === Name.dkim) record.dkim = leaf(name, Target.dkim);
    else if (name === Name.spf) record.spf = leaf(name, Target.spf);
    else throw DECLINE;
  }
}

function readReason(n: number): ReasonText {
  const reason = reasonText(n);
  if (empty) return reason;
  let read = 0;
  while (!atEndOf(Name.reason)) {
    const name = startTag();
    const bit = name === Name.type ? 1 : name === Name.comment ? 2 : 0;
    if (bit === 0 || read & bit) throw DECLINE;
    read |= bit;
    if (name === Name.type) reason.type = leaf(name, Target.reasonType);
    else reason.comment = leaf(name, Target.reasonComment);
  }
  return reason;
}

function readIdentifiers(record: RecordText): void {
  if (empty) return;
  while (!atEndOf(Name.identifiers)) {
    const name = startTag();
    once(name);
    if (name === Name.headerFrom) record.headerFrom = leaf(name, Target.headerFrom);
    else if (name === Name.envelopeFrom) record.envelopeFrom = leaf(name, Target.envelopeFrom);
    else if (name === Name.envelopeTo) record.envelopeTo = leaf(name, Target.envelopeTo);
    else throw DECLINE;
  }
}

function readAuthResults(record: RecordText): void {
  if (empty) return;
  while (!atEndOf(Name.authResults)) {
    const name = startTag();
    if (name === Name.dkim) record.dkimResults.push(readAuthResult(name, dkimText(record.dkimResults.length)));
    else if (name === Name.spf) record.spfResults.push(readAuthResult(name, spfText(record.spfResults.length)));
    else throw DECLINE;
  }
}

/** A `<dkim>` or `<spf>` of auth_results: domain, result, human_result, and selector (DKIM) or scope (SPF). */
function readAuthResult<T extends DkimResultText | SpfResultText>(of: Name, result: T): T {
  if (empty) return result;
  let read = 0;
  while (!atEndOf(of)) {
    const name = startTag();
    const bit = 1 << name;
    if (read & bit) throw DECLINE;
    read |= bit;
    const dkim = of === Name.dkim;
    if (name === Name.domain) result.domain = leaf(name, dkim ? Target.dkimDomain : Target.spfDomain);
    else if (name === Name.result) result.result = leaf(name, dkim ? Target.dkimResult : Target.spfResult);
    else if (name === Name.humanResult)
      result.humanResult = leaf(name, dkim ? Target.dkimHumanResult : Target.spfHumanResult);
    else if (name === Name.selector && dkim) (result as DkimResultText).selector = leaf(name, Target.dkimSelector);
    else if (name === Name.scope && !dkim) (result as SpfResultText).scope = leaf(name, Target.spfScope);
    else throw DECLINE;
  }
  return result;
}

function emptyRecord(): RecordText {
  return {
    sourceIp: '',
    count: '',
    evaluated: false,
    disposition: '',
    dkim: '',
    spf: '',
    reasons: [],
    headerFrom: '',
    envelopeFrom: '',
    envelopeTo: '',
    dkimResults: [],
    spfResults: [],
  };
}

/**
 * Whether the record being read is the one reused for every record ({@link readPlainRecordAt}), with its reasons and
 * results taken from the pools below, instead of a record of its own.
 */
let reusing = false;
const reused = emptyRecord();
const reasonPool: ReasonText[] = [];
const dkimPool: DkimResultText[] = [];
const spfPool: SpfResultText[] = [];

function reasonText(n: number): ReasonText {
  if (learning) learnedOpens.push(learnedValues.length / 3, Target.openReason);
  if (!reusing) return { type: '', comment: '' };
  const text = (reasonPool[n] ??= { type: '', comment: '' });
  text.type = '';
  text.comment = '';
  return text;
}

function dkimText(n: number): DkimResultText {
  if (learning) learnedOpens.push(learnedValues.length / 3, Target.openDkim);
  if (!reusing) return { domain: '', selector: '', result: '', humanResult: '' };
  const text = (dkimPool[n] ??= { domain: '', selector: '', result: '', humanResult: '' });
  text.domain = '';
  text.selector = '';
  text.result = '';
  text.humanResult = '';
  return text;
}

function spfText(n: number): SpfResultText {
  if (learning) learnedOpens.push(learnedValues.length / 3, Target.openSpf);
  if (!reusing) return { domain: '', scope: '', result: '', humanResult: '' };
  const text = (spfPool[n] ??= { domain: '', scope: '', result: '', humanResult: '' });
  text.domain = '';
  text.scope = '';
  text.result = '';
  text.humanResult = '';
  return text;
}

/** The record to read into: the reused one emptied, or a fresh one. */
function startRecord(): RecordText {
  let record: RecordText;
  if (reusing) {
    record = reused;
    record.sourceIp = '';
    record.count = '';
    record.evaluated = false;
    record.disposition = '';
    record.dkim = '';
    record.spf = '';
    record.reasons.length = 0;
    record.headerFrom = '';
    record.envelopeFrom = '';
    record.envelopeTo = '';
    record.dkimResults.length = 0;
    record.spfResults.length = 0;
  } else record = emptyRecord();
  return record;
}

function readRecord(): RecordText {
  const record = startRecord();
  seen = 0;
  if (empty) return record;
  while (!atEndOf(Name.record)) {
    const name = startTag();
    once(name);
    if (name === Name.row) readRow(record);
    else if (name === Name.identifiers) readIdentifiers(record);
    else if (name === Name.authResults) readAuthResults(record);
    else throw DECLINE;
  }
  return record;
}

/**
 * The records of `text`: `<record>` elements one after another (blanks between them allowed), as RecordText; or
 * undefined when any of them is not of the plain shape.
 */
export function readPlainRecords(text: string): RecordText[] | undefined {
  xml = text;
  at = 0;
  const records: RecordText[] = [];
  try {
    for (;;) {
      skipBlanks();
      if (at >= text.length) return records;
      if (xml.charCodeAt(at) !== LT || startTag() !== Name.record) return undefined;
      records.push(readRecord());
    }
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  } finally {
    xml = '';
  }
}

/**
 * The records of a batch: `text` is `lengths.length` record elements one after another, the nth `lengths[n]`
 * characters long. Each is read on its own: a record not of the plain shape is undefined in its place, and only it
 * needs the tree path.
 */
export function readPlainBatch(text: string, lengths: readonly number[]): Array<RecordText | undefined> {
  xml = text;
  const records: Array<RecordText | undefined> = [];
  let start = 0;
  try {
    for (let n = 0; n < lengths.length; n++) {
      const end = start + lengths[n]!;
      at = start;
      let read: RecordText | undefined;
      try {
        if (xml.charCodeAt(at) === LT && startTag() === Name.record) {
          const record = readRecord();
          skipSpaces();
          if (at === end) read = record;
        }
      } catch (error) {
        if (error !== DECLINE) throw error;
      }
      records.push(read);
      start = end;
    }
    return records;
  } finally {
    xml = '';
  }
}

/** Where a value goes in the record (a field of it, or of its last reason or result), or an element opened. */
const enum Target {
  sourceIp,
  count,
  disposition,
  dkim,
  spf,
  headerFrom,
  envelopeFrom,
  envelopeTo,
  reasonType,
  reasonComment,
  dkimDomain,
  dkimSelector,
  dkimResult,
  dkimHumanResult,
  spfDomain,
  spfScope,
  spfResult,
  spfHumanResult,
  /** Not a value: the end of the record. */
  end,
  openEvaluated,
  openReason,
  openDkim,
  openSpf,
}

/**
 * A record's text between two values, as a step of a shape: a reporter writes every record with the same text around
 * its values (tags, indentation, attributes), differing only where an element is there or not. How this reader reads
 * a record follows from that text alone up to each value (a value ends at its first `<`), so a record whose text
 * between values is that of a record read before is read the same way: that text is compared in one loop and each
 * value read as `leaf` reads it, instead of each name looked up, each blank skipped and each end tag checked.
 */
interface Step {
  /** The text from the end of the value before (or the record's `<`) to the next value's start (or past the record). */
  literal: string;
  /** Where the value after it goes, or Target.end. */
  target: Target;
  /** Elements opened within the literal, in order (policy_evaluated, a reason, a DKIM or SPF result). */
  opens: readonly Target[];
  /** The steps seen after this one. */
  next: Step[];
}

const NO_OPENS: readonly Target[] = Object.freeze([]);
/** Steps kept at most (ever different shapes must not grow the tree without end): the tree is cleared past it. */
const MAX_STEPS = 512;
/** The longest text between two values learned (a longer one is not: the shape is not kept). */
const MAX_LITERAL = 4096;
/** Alternatives kept after one step: the last one is replaced past it. */
const MAX_NEXT = 8;
/**
 * Records learned without a record read by its shape in between, at most: a report of ever different shapes stops
 * paying for learning them (each record read by a shape gives one back).
 */
const LEARN_BUDGET = 64;

/** The shapes learned: the root's steps start at a record's `<`. */
const shapes: Step = { literal: '', target: Target.end, opens: NO_OPENS, next: [] };
let steps = 0;
let learnBudget = LEARN_BUDGET;
let shapesOn = true;
/** Records read by a shape since {@link readByShapes} was last called. */
let shapeReads = 0;
/** While a record is read to learn its shape: each value's start, end (its end tag's `<`) and target, in order… */
let learning = false;
const learnedValues: number[] = [];
/** …each element opened, as the number of values before it and its target… */
const learnedOpens: number[] = [];
/** …and whether the record can be a shape (no value was a CDATA section). */
let learnable = true;

/**
 * Whether records are read by their shapes (default on). Off, every record is read tag by tag: for tests that hold the
 * two ways to each other. Either way the shapes learned so far are forgotten.
 */
export function readByShapes(on: boolean): void {
  shapesOn = on;
  shapes.next = [];
  steps = 0;
  learnBudget = LEARN_BUDGET;
  shapeReads = 0;
}

/** How many records were read by a shape since {@link readByShapes} was last called. */
export function recordsReadByShape(): number {
  return shapeReads;
}

/**
 * A string of `text`'s characters of its own, not a view into the text it was cut from (which V8 would keep alive), and
 * flat, which is quickest to compare with.
 */
function flatCopy(text: string): string {
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) codes.push(text.charCodeAt(i));
  return String.fromCharCode(...codes);
}

/** Adds the shape of the record just read (from `start` to recordEnd) to the tree. */
function learnShape(start: number): void {
  const values = learnedValues.length / 3;
  if (steps + values + 1 > MAX_STEPS) {
    shapes.next = [];
    steps = 0;
  }
  let step = shapes;
  let from = start;
  let open = 0;
  for (let n = 0; n <= values; n++) {
    const to = n < values ? learnedValues[3 * n]! : recordEnd;
    const target: Target = n < values ? learnedValues[3 * n + 2]! : Target.end;
    let opens = NO_OPENS;
    if (open < learnedOpens.length && learnedOpens[open] === n) {
      const list: Target[] = [];
      for (; open < learnedOpens.length && learnedOpens[open] === n; open += 2) list.push(learnedOpens[open + 1]!);
      opens = list;
    }
    // Cut short, the path learned so far ends in no record end, which no record then follows to the end.
    if (to - from > MAX_LITERAL) return;
    const literal = xml.slice(from, to);
    let next = step.next.find((s) => s.literal === literal);
    if (next === undefined) {
      next = { literal: flatCopy(literal), target, opens, next: [] };
      if (step.next.length < MAX_NEXT) step.next.push(next);
      else step.next[MAX_NEXT - 1] = next;
      steps++;
    }
    step = next;
    if (n < values) from = learnedValues[3 * n + 1]!;
  }
}

/** The record at `start` read by a shape learned before, or undefined when its text follows none of them. */
function readByShape(start: number): RecordText | undefined {
  const text = xml;
  let step = shapes;
  let p = start;
  const record = startRecord();
  try {
    for (;;) {
      const next = step.next;
      let found: Step | undefined;
      for (let k = 0; k < next.length; k++) {
        const literal = next[k]!.literal;
        // Cut out and compared whole: less work a character than comparing character by character.
        if (text.substring(p, p + literal.length) === literal) {
          found = next[k]!;
          break;
        }
      }
      if (found === undefined) return undefined;
      p += found.literal.length;
      const opens = found.opens;
      for (let k = 0; k < opens.length; k++) open(record, opens[k]!);
      if (found.target === Target.end) {
        recordEnd = p;
        return record;
      }
      let lt = p;
      for (let c = text.charCodeAt(lt); c !== LT; c = text.charCodeAt(++lt)) if (c !== c) return undefined;
      put(record, found.target, valueBetween(p, lt));
      p = lt;
      step = found;
    }
  } catch (error) {
    // A value refused (a reference the tree path reads otherwise): the record is read tag by tag, which refuses it too.
    if (error === DECLINE) return undefined;
    throw error;
  }
}

function open(record: RecordText, target: Target): void {
  if (target === Target.openEvaluated) record.evaluated = true;
  else if (target === Target.openReason) record.reasons.push(reasonText(record.reasons.length));
  else if (target === Target.openDkim) record.dkimResults.push(dkimText(record.dkimResults.length));
  else record.spfResults.push(spfText(record.spfResults.length));
}

function put(record: RecordText, target: Target, value: string): void {
  switch (target) {
    case Target.sourceIp:
      record.sourceIp = value;
      return;
    case Target.count:
      record.count = value;
      return;
    case Target.disposition:
      record.disposition = value;
      return;
    case Target.dkim:
      record.dkim = value;
      return;
    case Target.spf:
      record.spf = value;
      return;
    case Target.headerFrom:
      record.headerFrom = value;
      return;
    case Target.envelopeFrom:
      record.envelopeFrom = value;
      return;
    case Target.envelopeTo:
      record.envelopeTo = value;
      return;
    case Target.reasonType:
      record.reasons[record.reasons.length - 1]!.type = value;
      return;
    case Target.reasonComment:
      record.reasons[record.reasons.length - 1]!.comment = value;
      return;
    case Target.dkimDomain:
      record.dkimResults[record.dkimResults.length - 1]!.domain = value;
      return;
    case Target.dkimSelector:
      record.dkimResults[record.dkimResults.length - 1]!.selector = value;
      return;
    case Target.dkimResult:
      record.dkimResults[record.dkimResults.length - 1]!.result = value;
      return;
    case Target.dkimHumanResult:
      record.dkimResults[record.dkimResults.length - 1]!.humanResult = value;
      return;
    case Target.spfDomain:
      record.spfResults[record.spfResults.length - 1]!.domain = value;
      return;
    case Target.spfScope:
      record.spfResults[record.spfResults.length - 1]!.scope = value;
      return;
    case Target.spfResult:
      record.spfResults[record.spfResults.length - 1]!.result = value;
      return;
    case Target.spfHumanResult:
      record.spfResults[record.spfResults.length - 1]!.humanResult = value;
      return;
  }
}

/** Where the record {@link readPlainRecordAt} read last ends in its text (after its `</record>`). */
let recordEnd = 0;

/**
 * The `<record>` element starting at `start` of `text`, read where it stands (not cut out first), or undefined when it
 * is not of the plain shape, is `<record/>`, or does not end within `text`. Its end is then {@link plainRecordEnd}:
 * where the first `</record>` after `start` ends, since nothing this reader reads over (comments, CDATA, attributes)
 * may hold `</`. With `reuse`, the record returned is one object read into again by the next call with `reuse` (for a
 * caller that is done with it by then: no record, reason or result object is made).
 */
export function readPlainRecordAt(text: string, start: number, reuse = false): RecordText | undefined {
  xml = text;
  at = start;
  reusing = reuse;
  try {
    if (shapesOn && shapes.next.length > 0) {
      const record = readByShape(start);
      if (record !== undefined) {
        shapeReads++;
        if (learnBudget < LEARN_BUDGET) learnBudget++;
        return record;
      }
      at = start;
    }
    learning = shapesOn && learnBudget > 0;
    learnable = true;
    learnedValues.length = 0;
    learnedOpens.length = 0;
    if (xml.charCodeAt(at) !== LT || startTag() !== Name.record || empty) return undefined;
    const record = readRecord();
    recordEnd = at;
    if (learning && learnable) {
      learnBudget--;
      learnShape(start);
    }
    return record;
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  } finally {
    xml = '';
    reusing = false;
    learning = false;
  }
}

/** Where the record the last successful {@link readPlainRecordAt} read ends. */
export function plainRecordEnd(): number {
  return recordEnd;
}
