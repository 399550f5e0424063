// Chrome's runtime messaging serializes like JSON, so a Uint8Array would arrive as an object of numbered keys.
// Attachment bytes therefore travel as base64 (4/3 the size, and quick to encode even for a large report).

/** Bytes per String.fromCharCode call: large enough to be fast, small enough for the engine's argument limit. */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
