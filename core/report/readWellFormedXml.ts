// A strict, fast reader for the plain XML nearly every aggregate report is: elements, text, attributes (ignored),
// the five predefined entities. It builds exactly the tree fast-xml-parser builds with AggregateXmlReader's options
// (a differential test holds it to that on the corpus and on generated documents) at several times its speed, and
// declines — returns undefined — on anything else: comments, CDATA, processing instructions, character references,
// mixed content, and every kind of damage. Declined text takes the general path (repairXml, then fast-xml-parser),
// so the fast path changes how quickly a report is read, never what is read from it.
import type { XmlNode, XmlObject } from './toAggregateReport';

const GT = 62; // >
const SLASH = 47; // /
const COLON = 58; // :
const BANG = 33; // !
const QUESTION = 63; // ?
const LT = 60; // <
const AMP = 38; // &
const EQUALS = 61; // =
const DOUBLE_QUOTE = 34; // "
const SINGLE_QUOTE = 39; // '

/** Character classes of ASCII codes; names are ASCII here (anything else declines). */
const NAME_START = 1;
const NAME_CHAR = 2;
const BLANK = 4;
const CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  if (start) CLASSES[c]! |= NAME_START | NAME_CHAR;
  if ((c >= 48 && c <= 57) || c === 45 || c === 46 || c === COLON) CLASSES[c]! |= NAME_CHAR;
  if (c === 32 || c === 10 || c === 13 || c === 9) CLASSES[c]! |= BLANK;
}

function isNameStart(c: number): boolean {
  return c < 128 && (CLASSES[c]! & NAME_START) !== 0;
}

/** Space, tab, line feed or carriage return: XML's white space (XML 1.0 §2.3 `S`). */
export function isBlank(c: number): boolean {
  return c < 128 && (CLASSES[c]! & BLANK) !== 0;
}

/**
 * Element names seen before, by a hash of their characters: a name read again is the same string, which V8 has
 * internalized the first time it served as a property key. A fresh slice for every element made each property access
 * of the tree look its key up in the string table first (a third of this reader's time). Slots are overwritten on
 * collision, so the cache stays this small whatever the input.
 */
const NAME_SLOTS = 1024;
const cachedNames: Array<string | undefined> = new Array<string | undefined>(NAME_SLOTS).fill(undefined);
const cachedKeys: string[] = new Array<string>(NAME_SLOTS).fill('');

/**
 * `text` as a string of its own: V8 makes a slice of 13 characters or more a view into the string it was cut from,
 * which a cached name would keep alive (a whole batch of records) and read through an indirection. The property key
 * V8 keeps for it is an internalized copy.
 */
function ownString(text: string): string {
  // No prototype: `__proto__` is then a key like any other.
  const holder = Object.create(null) as Record<string, true>;
  holder[text] = true;
  return Object.keys(holder)[0]!;
}

/** Whether `xml` holds `name` at `at`. */
function holds(xml: string, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) {
    if (xml.charCodeAt(at + k) !== name.charCodeAt(k)) return false;
  }
  return true;
}

/** Whether text between elements is nothing fast-xml-parser would keep (it trims values with String.prototype.trim). */
function isIgnorable(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!isBlank(xml.charCodeAt(i))) return xml.slice(from, to).trim() === '';
  }
  return true;
}

/** JavaScript's `\s`: the blanks a regular expression would allow around attributes. */
export function isWhiteSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whether `xml` from `from` to `to` is attributes, each after blanks, then blanks: what
 * `/^(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/` matches, read in one pass (the expression's
 * backtracking made a tag of a megabyte of attributes cost ~100× a quarter of it). `plain` also refuses `>` and `&` in
 * values and allows a closing `/` at the end: what may follow a tag's name up to its `>` in the XML this reader reads.
 */
export function isAttributeList(xml: string, from: number, to: number, plain: boolean): boolean {
  let i = from;
  for (;;) {
    const blanks = i;
    while (i < to && isWhiteSpace(xml.charCodeAt(i))) i++;
    if (i === to || (plain && i === to - 1 && xml.charCodeAt(i) === SLASH)) return true;
    if (i === blanks || !isNameStart(xml.charCodeAt(i))) return false;
    i++;
    for (let c = xml.charCodeAt(i); i < to && c < 128 && (CLASSES[c]! & NAME_CHAR) !== 0; c = xml.charCodeAt(++i));
    while (i < to && isWhiteSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== EQUALS || i >= to) return false;
    i++;
    while (i < to && isWhiteSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if ((quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) || i >= to) return false;
    for (i++; i < to; i++) {
      const c = xml.charCodeAt(i);
      if (c === quote) break;
      if (c === LT || (plain && (c === GT || c === AMP))) return false;
    }
    if (i >= to) return false;
    i++;
  }
}

const ENTITY = /&(lt|gt|amp|quot|apos);/g;
const REPLACEMENT: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The value of a text-only element, or undefined when it holds a reference this reader leaves to the general path. */
function textValue(xml: string, from: number, to: number): string | undefined {
  const value = xml.slice(from, to).trim();
  // fast-xml-parser turns a line end inside a value into a line feed (XML 1.0 §2.11); the general path reads those.
  if (value.includes('\r')) return undefined;
  const amp = value.indexOf('&');
  if (amp === -1) return value;
  let references = 0;
  for (let i = amp; i !== -1; i = value.indexOf('&', i + 1)) references++;
  let replaced = 0;
  const decoded = value.replace(ENTITY, (_match, name: string) => {
    replaced++;
    return REPLACEMENT[name]!;
  });
  return replaced === references ? decoded : undefined;
}

/** The tree fast-xml-parser would build for `xml`, or undefined when `xml` is not plain, well-formed XML. */
export function readWellFormedXml(xml: string): XmlObject | undefined {
  const root: XmlObject = {};
  // Open elements: qualified name (to match the end tag), local name, object (created at the first child).
  const qualified: string[] = [];
  const local: string[] = [];
  const objects: Array<XmlObject | undefined> = [];
  /** Where the text after the last tag starts. */
  let textFrom = 0;
  const length = xml.length;
  let lt = xml.indexOf('<');
  if (lt === -1) return undefined;
  while (lt !== -1) {
    const next = xml.charCodeAt(lt + 1);
    if (next === SLASH) {
      // End tag: `</name>` exactly, as well-formed end tags are (optional blanks before `>`).
      const depth = qualified.length - 1;
      if (depth < 0) return undefined;
      const name = qualified[depth]!;
      if (!holds(xml, lt + 2, name)) return undefined;
      let gt = lt + 2 + name.length;
      while (gt < length && isBlank(xml.charCodeAt(gt))) gt++;
      if (xml.charCodeAt(gt) !== GT) return undefined;
      const object = objects[depth];
      let value: XmlNode;
      if (object === undefined) {
        const text = textValue(xml, textFrom, lt);
        if (text === undefined) return undefined;
        value = text;
      } else {
        if (!isIgnorable(xml, textFrom, lt)) return undefined;
        value = object;
      }
      qualified.pop();
      const key = local.pop()!;
      objects.pop();
      if (!addChild(depth === 0 ? root : objects[depth - 1]!, key, value)) return undefined;
      textFrom = gt + 1;
      lt = xml.indexOf('<', textFrom);
      continue;
    }
    if (next === BANG || next === QUESTION || !isNameStart(next)) return undefined;
    // Start tag. Text before it belongs to the parent, which holds elements and may hold no text.
    if (!isIgnorable(xml, textFrom, lt)) return undefined;
    let end = lt + 1;
    let colon = -1;
    let hash = 0;
    for (; end < length; end++) {
      const c = xml.charCodeAt(end);
      if (c >= 128 || (CLASSES[c]! & NAME_CHAR) === 0) break;
      if (c === COLON) {
        if (colon !== -1) return undefined;
        colon = end;
      }
      hash = (hash * 31 + c) | 0;
    }
    const slot = hash & (NAME_SLOTS - 1);
    let name = cachedNames[slot];
    let key: string;
    if (name !== undefined && name.length === end - lt - 1 && holds(xml, lt + 1, name)) key = cachedKeys[slot]!;
    else {
      name = ownString(xml.slice(lt + 1, end));
      key = colon === -1 ? name : ownString(xml.slice(colon + 1, end));
      cachedNames[slot] = name;
      cachedKeys[slot] = key;
    }
    if (key === '' || !isNameStart(key.charCodeAt(0)) || key === '__proto__') return undefined;
    // Attributes are skipped, but must be well-formed: `name="value"` pairs without `<` or `&` (those, and a `>`
    // inside a value, are legal XML that the damage check would still flag; the general path reads them).
    const c = xml.charCodeAt(end);
    if (c !== GT && c !== SLASH && !isBlank(c)) return undefined;
    const gt = xml.indexOf('>', end);
    if (gt === -1) return undefined;
    if (gt > end + 1 && !isAttributeList(xml, end, gt, true)) return undefined;
    const depth = qualified.length;
    if (depth > 0 && objects[depth - 1] === undefined) objects[depth - 1] = {};
    const parent = depth === 0 ? root : objects[depth - 1]!;
    if (xml.charCodeAt(gt - 1) === SLASH) {
      if (!addChild(parent, key, '')) return undefined;
    } else {
      qualified.push(name);
      local.push(key);
      objects.push(undefined);
    }
    textFrom = gt + 1;
    lt = xml.indexOf('<', textFrom);
  }
  if (qualified.length > 0 || !isIgnorable(xml, textFrom, length)) return undefined;
  return root;
}

/** Adds a child element's value the way fast-xml-parser does: a repeated name becomes an array in document order. */
function addChild(parent: XmlObject, key: string, value: XmlNode): boolean {
  const existing = parent[key];
  if (existing === undefined) parent[key] = value;
  else if (typeof existing === 'function')
    return false; // a name Object.prototype has (`constructor`…)
  else if (Array.isArray(existing)) existing.push(value);
  else parent[key] = [existing, value];
  return true;
}
