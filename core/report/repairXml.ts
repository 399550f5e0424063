// Recovery for the broken XML real reporters send (docs/report-quirks.md "Encoding and XML"): unescaped `&`, `<…@…>`
// addresses inside text, stray or unclosed tags, truncation. fast-xml-parser never rejects such input — it silently
// drops or misplaces data — so damage is detected here first and repaired into well-formed XML, and each repair is
// reported so the user knows what was guessed.

import { isAttributeList, isWhiteSpace } from './readWellFormedXml';

/** `&` not starting a character or entity reference (XML 1.0 §4.1). */
const BARE_AMPERSAND = /&(?!(?:#\d+|#x[\da-fA-F]+|[A-Za-z_][\w.-]*);)/g;
const BARE_AMPERSAND_HERE = new RegExp(BARE_AMPERSAND.source, 'y');
/**
 * `<` that cannot start markup: not followed by a name, a would-be tag whose name runs into a character names may not
 * hold (`<a@b.c>`), or one never closed by `>` before the next `<` or the end (`<text </root>`).
 */
const BARE_LESS_THAN = /<(?!\/?[A-Za-z_]|!--|!\[CDATA\[|\?)|<(?=\/?[A-Za-z_][\w.:-]*[^\w.:\-\s/>])|<(?=[^<>]*(?:<|$))/g;
/** A start tag with attributes; ill-formed ones are dropped (reports carry none that matter: xmlns is read before repair). */
const START_TAG_ATTRIBUTES = /<([A-Za-z_][\w.:-]*)(\s[^<>]*?)(\/?)>/g;
/** An end tag carrying anything after its name (`</a x>`, `</a/>`): only `</a>` is well-formed. */
const END_TAG_WITH_JUNK = /<\/([A-Za-z_][\w.:-]*)(?![\w.:-])\s*[^\s>][^<>]*>/g;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33; // !
const QUESTION = 63; // ?

/** [A-Za-z_] */
function isAsciiNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** [\w.:-] */
function isAsciiNameChar(c: number): boolean {
  return isAsciiNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 58;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 58;
}

/**
 * Cheap test for the damage {@link repairXml} fixes, false for almost every real report: one pass over the text
 * checking that every `<` starts markup, every `&` a reference, and that start and end tags pair up by count
 * (record batches are checked with this on every read, so it must cost far less than parsing).
 */
export function looksDamaged(xml: string): boolean {
  let depth = 0;
  const length = xml.length;
  for (let i = xml.indexOf('<'), amp = xml.indexOf('&'); i !== -1 || amp !== -1;) {
    if (amp !== -1 && (i === -1 || amp < i)) {
      // Sticky: a global search from here would run on to the next bare `&`, past every well-formed reference, once
      // per reference, which would take time quadratic in the report.
      BARE_AMPERSAND_HERE.lastIndex = amp;
      if (BARE_AMPERSAND_HERE.test(xml)) return true;
      amp = xml.indexOf('&', amp + 1);
      continue;
    }
    const next = xml.charCodeAt(i + 1);
    if (next === 33 || next === 63) {
      // <!-- -->, <![CDATA[ ]]>, <? ?>: skip to their end.
      const close = xml.startsWith('<!--', i)
        ? xml.indexOf('-->', i)
        : xml.startsWith('<![CDATA[', i)
          ? xml.indexOf(']]>', i)
          : xml.indexOf('>', i);
      if (close === -1) return true;
      i = xml.indexOf('<', close);
      if (amp !== -1 && amp < close) amp = xml.indexOf('&', close);
      continue;
    }
    const closing = next === SLASH;
    let j = closing ? i + 2 : i + 1;
    if (!isNameStart(xml.charCodeAt(j))) return true;
    while (j < length && isNameChar(xml.charCodeAt(j))) j++;
    const after = xml.charCodeAt(j);
    if (after !== GT && after !== SLASH && after !== 32 && after !== 9 && after !== 10 && after !== 13) return true;
    const end = xml.indexOf('>', j);
    if (end === -1) return true;
    const nextLt = xml.indexOf('<', j);
    if (nextLt !== -1 && nextLt < end) return true;
    if (closing) {
      if (--depth < 0) return true;
    } else if (xml.charCodeAt(end - 1) !== SLASH) depth++;
    i = nextLt;
  }
  return depth !== 0;
}

export interface Repaired {
  xml: string;
  repairs: string[];
}

/**
 * Make `xml` well-formed: escape bare `&` and `<`, drop closing tags that close nothing, close elements left open
 * (implicitly where an outer element closes, or at the end for truncated input).
 */
export function repairXml(xml: string): Repaired {
  const repairs: string[] = [];
  let ampersands = 0;
  let text = xml.replace(BARE_AMPERSAND, () => {
    ampersands++;
    return '&amp;';
  });
  if (ampersands) repairs.push(`escaped ${ampersands} bare "&"`);
  let lessThans = 0;
  text = text.replace(BARE_LESS_THAN, () => {
    lessThans++;
    return '&lt;';
  });
  if (lessThans) repairs.push(`escaped ${lessThans} "<" that did not start a tag`);
  text = text.replace(END_TAG_WITH_JUNK, '</$1>');
  text = text.replace(START_TAG_ATTRIBUTES, (tag, name: string, attributes: string, selfClosing: string) =>
    isAttributeList(attributes, 0, attributes.length, false) ? tag : `<${name}${selfClosing}>`,
  );

  const out: string[] = [];
  const stack: string[] = [];
  /** How many elements of each name are open: whether an end tag closes anything, without searching the stack. */
  const openByName = new Map<string, number>();
  let last = 0;
  const dropped = new Set<string>();
  const closed = new Set<string>();
  const pop = (): string => {
    const name = stack.pop()!;
    openByName.set(name, openByName.get(name)! - 1);
    return name;
  };
  for (const tag of new TagScanner(text)) {
    if (tag.selfClosing) continue;
    if (!tag.closing) {
      stack.push(tag.name);
      openByName.set(tag.name, (openByName.get(tag.name) ?? 0) + 1);
      continue;
    }
    out.push(text.slice(last, tag.start));
    last = tag.end;
    if (!openByName.get(tag.name)) {
      dropped.add(tag.name);
      continue;
    }
    // Close what is still open inside the innermost element of this name.
    while (stack[stack.length - 1] !== tag.name) {
      const open = pop();
      closed.add(open);
      out.push(`</${open}>`);
    }
    pop();
    out.push(text.slice(tag.start, tag.end));
  }
  out.push(text.slice(last));
  if (stack.length)
    repairs.push(`closed ${stack.length} element(s) left open at the end (${stack.slice(-3).join(', ')})`);
  while (stack.length) out.push(`</${stack.pop()}>`);
  if (dropped.size) repairs.push(`dropped closing tag(s) with no matching start: ${[...dropped].join(', ')}`);
  if (closed.size) repairs.push(`closed element(s) missing their end tag: ${[...closed].join(', ')}`);
  return { xml: out.join(''), repairs };
}

interface ScannedTag {
  start: number;
  end: number;
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

/**
 * The start and end tags of `text` in order, skipping comments, CDATA sections and processing instructions: what
 * `/<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^<>]*?)?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g` matches,
 * in linear time. That expression searches to the end of the text for the terminator of every unclosed `<!--`, `<?` or
 * `<![CDATA[`, which would take time quadratic in the report; here each terminator's next position is searched once and
 * remembered.
 */
class TagScanner {
  private readonly ends = new Map<string, { from: number; at: number }>();

  constructor(private readonly text: string) {}

  /** The first `terminator` at or after `from`, or -1; calls must come with `from` never decreasing. */
  private next(terminator: string, from: number): number {
    const known = this.ends.get(terminator);
    if (known && known.from <= from && (known.at === -1 || known.at >= from)) return known.at;
    const at = this.text.indexOf(terminator, from);
    this.ends.set(terminator, { from, at });
    return at;
  }

  *[Symbol.iterator](): Generator<ScannedTag> {
    const text = this.text;
    const length = text.length;
    let i = text.indexOf('<');
    while (i !== -1) {
      const c = text.charCodeAt(i + 1);
      let resume = i + 1;
      if (c === BANG || c === QUESTION) {
        const [opener, terminator] = text.startsWith('<!--', i)
          ? ['<!--', '-->']
          : text.startsWith('<![CDATA[', i)
            ? ['<![CDATA[', ']]>']
            : c === QUESTION
              ? ['<?', '?>']
              : ['', ''];
        if (opener !== '') {
          const close = this.next(terminator, i + opener.length);
          if (close !== -1) resume = close + terminator.length;
        }
      } else {
        const closing = c === SLASH;
        const nameStart = closing ? i + 2 : i + 1;
        let j = nameStart;
        if (isAsciiNameStart(text.charCodeAt(j))) {
          j++;
          while (j < length && isAsciiNameChar(text.charCodeAt(j))) j++;
          const name = text.slice(nameStart, j);
          const after = text.charCodeAt(j);
          let gt = -1;
          if (after === GT) gt = j;
          else if (after === SLASH && text.charCodeAt(j + 1) === GT) gt = j + 1;
          else if (isWhiteSpace(after)) {
            // Attributes: anything but `<` up to the first `>`.
            for (let k = j + 1; k < length; k++) {
              const d = text.charCodeAt(k);
              if (d === GT) {
                gt = k;
                break;
              }
              if (d === LT) break;
            }
          }
          if (gt !== -1) {
            yield { start: i, end: gt + 1, name, closing, selfClosing: gt > j && text.charCodeAt(gt - 1) === SLASH };
            resume = gt + 1;
          }
        }
      }
      i = text.indexOf('<', resume);
    }
  }
}
