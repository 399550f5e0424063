// Recovery for the broken XML real reporters send (dmarc.md "What real reports get wrong"): unescaped `&`, `<…@…>`
// addresses inside text, stray or unclosed tags, truncation. fast-xml-parser never rejects such input — it silently
// drops or misplaces data — so damage is detected here first and repaired into well-formed XML, and each repair is
// reported so the user knows what was guessed.

/** `&` not starting a character or entity reference (XML 1.0 §4.1). */
const BARE_AMPERSAND = /&(?!(?:#\d+|#x[\da-fA-F]+|[A-Za-z_][\w.-]*);)/g;
/**
 * `<` that cannot start markup: not followed by a name, a would-be tag whose name runs into a character names may not
 * hold (`<a@b.c>`), or one never closed by `>` before the next `<` or the end (`<text </root>`).
 */
const BARE_LESS_THAN = /<(?!\/?[A-Za-z_]|!--|!\[CDATA\[|\?)|<(?=\/?[A-Za-z_][\w.:-]*[^\w.:\-\s/>])|<(?=[^<>]*(?:<|$))/g;
/** A start tag with attributes; ill-formed ones are dropped (reports carry none that matter: xmlns is read before repair). */
const START_TAG_ATTRIBUTES = /<([A-Za-z_][\w.:-]*)(\s[^<>]*?)(\/?)>/g;
/** An end tag carrying anything after its name (`</a x>`, `</a/>`): only `</a>` is well-formed. */
const END_TAG_WITH_JUNK = /<\/([A-Za-z_][\w.:-]*)(?![\w.:-])\s*[^\s>][^<>]*>/g;
const WELL_FORMED_ATTRIBUTES = /^(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/;
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^<>]*?)?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

const GT = 62; // >
const SLASH = 47;

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
  for (let i = xml.indexOf('<'), amp = xml.indexOf('&'); i !== -1 || amp !== -1; ) {
    if (amp !== -1 && (i === -1 || amp < i)) {
      BARE_AMPERSAND.lastIndex = amp;
      const bare = BARE_AMPERSAND.exec(xml);
      if (bare && bare.index === amp) return true;
      amp = xml.indexOf('&', amp + 1);
      continue;
    }
    const next = xml.charCodeAt(i + 1);
    if (next === 33 || next === 63) {
      // <!-- -->, <![CDATA[ ]]>, <? ?>: skip to their end.
      const close = xml.startsWith('<!--', i) ? xml.indexOf('-->', i) : xml.startsWith('<![CDATA[', i) ? xml.indexOf(']]>', i) : xml.indexOf('>', i);
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
    WELL_FORMED_ATTRIBUTES.test(attributes) ? tag : `<${name}${selfClosing}>`,
  );

  const out: string[] = [];
  const stack: string[] = [];
  let last = 0;
  const dropped = new Set<string>();
  const closed = new Set<string>();
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const name = m[2];
    if (name === undefined || m[3]) continue;
    if (!m[1]) {
      stack.push(name);
      continue;
    }
    const depth = stack.lastIndexOf(name);
    out.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (depth === -1) {
      dropped.add(name);
      continue;
    }
    while (stack.length - 1 > depth) {
      const open = stack.pop()!;
      closed.add(open);
      out.push(`</${open}>`);
    }
    stack.pop();
    out.push(m[0]);
  }
  out.push(text.slice(last));
  if (stack.length) repairs.push(`closed ${stack.length} element(s) left open at the end (${stack.slice(-3).join(', ')})`);
  while (stack.length) out.push(`</${stack.pop()}>`);
  if (dropped.size) repairs.push(`dropped closing tag(s) with no matching start: ${[...dropped].join(', ')}`);
  if (closed.size) repairs.push(`closed element(s) missing their end tag: ${[...closed].join(', ')}`);
  return { xml: out.join(''), repairs };
}
