// TXT record values as DNS carries them: a sequence of character-strings of at most 255 bytes each
// (RFC 1035 §3.3 and §3.3.14). Long values (DKIM keys, SPF records) must be split into several strings; a receiver
// joins them without any separator (RFC 7208 §3.3, RFC 6376 §3.6.2.2).

/** RFC 1035 §3.3: a <character-string> is a length octet followed by that many octets. */
export const MAX_TXT_STRING_BYTES = 255;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Splits a value into character-strings of at most `maxBytes` UTF-8 bytes, never cutting a multi-byte character.
 * An empty value is one empty string (a TXT record always has at least one).
 */
export function splitTxtValue(value: string, maxBytes = MAX_TXT_STRING_BYTES): string[] {
  if (maxBytes < 4) throw new RangeError('maxBytes must leave room for a UTF-8 character');
  const bytes = encoder.encode(value);
  if (bytes.length === 0) return [''];
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + maxBytes, bytes.length);
    // Step back over UTF-8 continuation bytes (10xxxxxx) so a character is never cut in two.
    while (end < bytes.length && end > start && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    parts.push(decoder.decode(bytes.subarray(start, end)));
    start = end;
  }
  return parts;
}

/** What a receiver sees: the character-strings of one TXT record concatenated without separators. */
export function joinTxtStrings(strings: readonly string[]): string {
  return strings.join('');
}

/** The byte length DNS counts (UTF-8), not the UTF-16 length JavaScript counts. */
export function txtByteLength(value: string): number {
  return encoder.encode(value).length;
}

/**
 * A TXT value in zone-file presentation format (RFC 1035 §5.1): each character-string quoted, `"` and `\` escaped,
 * bytes outside printable ASCII as `\DDD`. Long values become several quoted strings, inside parentheses when
 * `multiline` so the zone line stays readable.
 */
export function formatTxtForZone(value: string, options: { multiline?: boolean } = {}): string {
  const quoted = splitTxtValue(value).map(quoteCharacterString);
  if (quoted.length === 1 || !options.multiline) return quoted.join(' ');
  return `( ${quoted.join('\n  ')} )`;
}

function quoteCharacterString(text: string): string {
  let out = '"';
  for (const byte of encoder.encode(text)) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte > 0x7e) out += `\\${String(byte).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}"`;
}

/**
 * Reads the character-strings of a TXT value written in presentation format: `"a" "b"` (quoted, with `\"`, `\\` and
 * `\DDD` escapes) or a bare word. Text with no quotes at all is returned as a single string, so users can paste either
 * the value a DNS panel shows or the zone-file form. Returns undefined when a quote is left open.
 */
export function parseTxtPresentation(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.includes('"')) return [trimmed];
  const strings: string[] = [];
  let index = 0;
  while (index < trimmed.length) {
    const char = trimmed[index];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '(' || char === ')') {
      index++;
      continue;
    }
    const bytes: number[] = [];
    if (char === '"') {
      index++;
      let closed = false;
      while (index < trimmed.length) {
        const c = trimmed[index] as string;
        if (c === '"') {
          closed = true;
          index++;
          break;
        }
        if (c === '\\') {
          const digits = trimmed.slice(index + 1, index + 4);
          if (/^\d{3}$/.test(digits) && Number(digits) <= 255) {
            bytes.push(Number(digits));
            index += 4;
            continue;
          }
          const next = trimmed[index + 1];
          if (next === undefined) return undefined;
          bytes.push(...encoder.encode(next));
          index += 2;
          continue;
        }
        bytes.push(...encoder.encode(c));
        index++;
      }
      if (!closed) return undefined;
    } else {
      while (index < trimmed.length && !/[\s"()]/.test(trimmed[index] as string)) {
        bytes.push(...encoder.encode(trimmed[index]));
        index++;
      }
    }
    strings.push(decoder.decode(new Uint8Array(bytes)));
  }
  return strings;
}
