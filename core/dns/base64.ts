// Base64 (RFC 4648 §4) without atob/btoa: core/ only has the globals in core/platform.d.ts. DKIM `p=` carries the
// public key this way (RFC 6376 §3.6.1), and a key generated in the browser is formatted here.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index] ?? 0;
    const b = bytes[index + 1];
    const c = bytes[index + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(triple >> 18) & 63];
    out += ALPHABET[(triple >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(triple >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[triple & 63];
  }
  return out;
}

/**
 * Decodes base64, ignoring whitespace (RFC 6376 §3.6.1 allows FWS inside `p=`). Returns undefined for characters
 * outside the alphabet, misplaced padding or a length that cannot be base64.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/[\s]+/g, '');
  const body = compact.replace(/={1,2}$/, '');
  if (body.includes('=')) return undefined;
  if (compact.length % 4 !== 0 && compact.length !== body.length) return undefined;
  if (body.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let position = 0;
  for (const char of body) {
    const value = VALUES.get(char);
    if (value === undefined) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[position++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
