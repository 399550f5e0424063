// Report strings (reporter names, domains, file names, failure-report headers) are written by whoever sent the report.
// Characters that draw nothing or reorder what is around them let such a string display as something it is not:
// `exa\u202Emoc.elpmaxe\u202C` shows as "exaexample.com" (a right-to-left override reverses the text after it), and a
// zero-width space makes two different domains look the same. Before such a string is shown, every one of these
// characters is replaced by a visible escape naming it (⟨U+202E⟩), so what the reader sees is what the bytes say.

/**
 * The characters made visible:
 * - every Unicode format character (general category Cf): the bidi embeddings, overrides and isolates
 *   (U+202A–U+202E, U+2066–U+2069), the bidi marks (U+200E, U+200F, U+061C), zero-width space, joiner and non-joiner
 *   (U+200B–U+200D), word joiner and invisible operators (U+2060–U+2064), the byte-order mark (U+FEFF), the soft
 *   hyphen (U+00AD), interlinear annotation marks, Unicode tags (U+E0001–U+E007F) …;
 * - control characters other than tab and line feed (category Cc: C0, DEL, C1), which draw nothing or break lines;
 * - line and paragraph separators (U+2028, U+2029), which break a line where none is expected;
 * - fillers that draw as empty space but are letters or symbols to Unicode: Hangul fillers (U+115F, U+1160, U+3164,
 *   U+FFA0), the Mongolian vowel separator (U+180E), Khmer inherent vowels (U+17B4, U+17B5), the Braille blank (U+2800);
 * - variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF), which can hide data after a visible character;
 * - lone surrogates, which are not characters at all (with the `u` flag a surrogate pair is one code point, so only a
 *   lone half matches U+D800–U+DFFF).
 */
// Each escape is one code point of the class (the `u` flag); the rule takes neighbours such as U+115F U+1160 for
// one rendered character, which in a class of escapes they are not.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\p{Cf}\p{Cc}\u2028\u2029\u115F\u1160\u3164\uFFA0\u180E\u17B4\u17B5\u2800\uFE00-\uFE0F\u{E0100}-\u{E01EF}\uD800-\uDFFF]/gu;

/**
 * Tab and line feed are ordinary whitespace in text that is shown in a block; they are kept as they are, and so is a
 * carriage return that ends a line with the line feed after it (an MTA-STS policy file must use CRLF, RFC 8461 §3.2).
 */
const KEPT = new Set(['\t', '\n']);

/**
 * The string with every invisible, reordering or line-breaking character replaced by `⟨U+XXXX⟩` (upper-case hex, at
 * least four digits). Everything else is returned unchanged, so ordinary text in any script displays as written.
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (character: string, at: number) =>
    KEPT.has(character) || (character === '\r' && text.charCodeAt(at + 1) === 0x0a) ? character : escapeOf(character),
  );
}

/** Whether the string holds any character {@link visibleText} would replace. */
export function hasInvisibleCharacters(text: string): boolean {
  return visibleText(text) !== text;
}

function escapeOf(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return `⟨U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}
