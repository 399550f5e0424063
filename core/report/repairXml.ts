// Recovery for the broken XML real reporters send (dmarc.md "What real reports get wrong"): unescaped `&`, `<…@…>`
// addresses inside text, stray or unclosed tags, truncation. fast-xml-parser never rejects such input — it silently
// drops or misplaces data — so damage is detected here first and repaired into well-formed XML, and each repair is
// reported so the user knows what was guessed.

/** `&` not starting a character or entity reference (XML 1.0 §4.1). */
const BARE_AMPERSAND = /&(?!(?:#\d+|#x[\da-fA-F]+|[A-Za-z_][\w.-]*);)/g;
/** `<` that cannot start markup, or a would-be tag whose name runs into a character names may not hold (`<a@b.c>`). */
const BARE_LESS_THAN = /<(?![A-Za-z_/!?])|<(?=\/?[A-Za-z_][\w.:-]*[^\w.:\-\s/>])/g;
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^<>]*?)?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

/** Cheap test for the damage {@link repairXml} fixes; false for almost every real report. */
export function looksDamaged(xml: string): boolean {
  BARE_AMPERSAND.lastIndex = 0;
  BARE_LESS_THAN.lastIndex = 0;
  return BARE_AMPERSAND.test(xml) || BARE_LESS_THAN.test(xml) || !tagsBalanced(xml);
}

function tagsBalanced(xml: string): boolean {
  const stack: string[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const name = m[2];
    if (name === undefined || m[3]) continue;
    if (m[1]) {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
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
