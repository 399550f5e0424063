// Reads `<record>` elements of the plain shape nearly every reporter writes straight from the text into RecordText,
// without building a tree first (building a tree and walking it costs more than reading the record). Only the elements
// RFC 7489 appendix C names are accepted, each where the schema puts it, without attributes, prefixes, references,
// comments or repeats of a single element; anything else — misspellings, extensions, damage — declines (undefined) and
// the batch is read through the tree. So this reader changes how quickly records are read, never what is read from them
// (test/core/report/readPlainRecords.test.ts holds it to the tree path).
import { isBlank } from './readWellFormedXml';
import type { DkimResultText, ReasonText, RecordText, SpfResultText } from './toAggregateReport';

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const AMP = 38; // &

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

function skipBlanks(): void {
  while (isBlank(xml.charCodeAt(at))) at++;
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
  if (name.length !== end - from || !xml.startsWith(name, from)) throw DECLINE;
  let c = xml.charCodeAt(end);
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
  const text = NAMES[name];
  if (!xml.startsWith(text, at + 2) || xml.charCodeAt(at + 2 + text.length) !== GT) throw DECLINE;
  at += text.length + 3;
  return true;
}

/** The trimmed text of an element holding text only (its start tag just read), up to and past its end tag. */
function leaf(name: Name): string {
  if (empty) return '';
  const from = at;
  const lt = xml.indexOf('<', from);
  if (lt === -1) throw DECLINE;
  for (let i = from; i < lt; i++) if (xml.charCodeAt(i) === AMP) throw DECLINE;
  const text = NAMES[name];
  if (xml.charCodeAt(lt + 1) !== SLASH || !xml.startsWith(text, lt + 2) || xml.charCodeAt(lt + 2 + text.length) !== GT)
    throw DECLINE;
  at = lt + text.length + 3;
  return xml.slice(from, lt).trim();
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
    if (name === Name.sourceIp) record.sourceIp = leaf(name);
    else if (name === Name.count) record.count = leaf(name);
    else if (name === Name.policyEvaluated) readPolicyEvaluated(record);
    else throw DECLINE;
  }
}

function readPolicyEvaluated(record: RecordText): void {
  record.evaluated = true;
  if (empty) return;
  while (!atEndOf(Name.policyEvaluated)) {
    const name = startTag();
    if (name === Name.reason) {
      record.reasons.push(readReason());
      continue;
    }
    once(name);
    if (name === Name.disposition) record.disposition = leaf(name);
    else if (name === Name.dkim) record.dkim = leaf(name);
    else if (name === Name.spf) record.spf = leaf(name);
    else throw DECLINE;
  }
}

function readReason(): ReasonText {
  const reason: ReasonText = { type: '', comment: '' };
  if (empty) return reason;
  let read = 0;
  while (!atEndOf(Name.reason)) {
    const name = startTag();
    const bit = name === Name.type ? 1 : name === Name.comment ? 2 : 0;
    if (bit === 0 || read & bit) throw DECLINE;
    read |= bit;
    if (name === Name.type) reason.type = leaf(name);
    else reason.comment = leaf(name);
  }
  return reason;
}

function readIdentifiers(record: RecordText): void {
  if (empty) return;
  while (!atEndOf(Name.identifiers)) {
    const name = startTag();
    once(name);
    if (name === Name.headerFrom) record.headerFrom = leaf(name);
    else if (name === Name.envelopeFrom) record.envelopeFrom = leaf(name);
    else if (name === Name.envelopeTo) record.envelopeTo = leaf(name);
    else throw DECLINE;
  }
}

function readAuthResults(record: RecordText): void {
  if (empty) return;
  while (!atEndOf(Name.authResults)) {
    const name = startTag();
    if (name === Name.dkim)
      record.dkimResults.push(readAuthResult(name, { domain: '', selector: '', result: '', humanResult: '' }));
    else if (name === Name.spf)
      record.spfResults.push(readAuthResult(name, { domain: '', scope: '', result: '', humanResult: '' }));
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
    if (name === Name.domain) result.domain = leaf(name);
    else if (name === Name.result) result.result = leaf(name);
    else if (name === Name.humanResult) result.humanResult = leaf(name);
    else if (name === Name.selector && of === Name.dkim) (result as DkimResultText).selector = leaf(name);
    else if (name === Name.scope && of === Name.spf) (result as SpfResultText).scope = leaf(name);
    else throw DECLINE;
  }
  return result;
}

function readRecord(): RecordText {
  const record: RecordText = {
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
