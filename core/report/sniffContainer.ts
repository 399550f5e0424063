// What kind of bytes these are, judged by their content only — never by file name or MIME type, which real
// reporters get wrong (docs/report-quirks.md "Containers": wrong MIME types, a PNG named `.xml.gz`).

import type { PlainReportKey } from './reportMessages';

export type ContainerKind =
  'gzip' | 'zip' | 'xml' | 'json' | 'email' | 'mbox' | 'unused' | 'empty' | 'pgp' | 'binary' | 'text';

/** How many leading bytes {@link sniffContainer} needs to decide (fewer only at end of input). */
export const SNIFF_BYTES = 4096;

const BINARY_SIGNATURES: Array<[PlainReportKey, number[]]> = [
  ['report.kind.png', [0x89, 0x50, 0x4e, 0x47]],
  ['report.kind.pdf', [0x25, 0x50, 0x44, 0x46]],
  ['report.kind.jpeg', [0xff, 0xd8, 0xff]],
  ['report.kind.gif', [0x47, 0x49, 0x46, 0x38]],
  ['report.kind.7z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['report.kind.rar', [0x52, 0x61, 0x72, 0x21]],
  ['report.kind.bzip2', [0x42, 0x5a, 0x68]],
  ['report.kind.xz', [0xfd, 0x37, 0x7a, 0x58]],
  ['report.kind.zstd', [0x28, 0xb5, 0x2f, 0xfd]],
];

export interface SniffResult {
  kind: ContainerKind;
  /** For `binary`: what the bytes look like, when known (a catalogue sentence naming the kind of file). */
  detail?: PlainReportKey;
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** One byte, one character: ASCII patterns match whatever the real encoding (WHATWG "latin1" is windows-1252). */
const byteText = new TextDecoder('latin1');

/** Text of the first bytes for pattern checks; UTF-16 BOMs handled, the rest read byte per character. */
function headText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return byteText.decode(bytes).replace(/^\u00ef\u00bb\u00bf/, '');
}

/**
 * The first byte of `bytes` after a UTF-8 byte-order mark and ASCII blanks (tab to carriage return, space), or
 * undefined when there is none: what a text format starts with, read without decoding the bytes.
 */
export function firstByteOfText(bytes: Uint8Array): number | undefined {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && (bytes[at] === 0x20 || (bytes[at]! >= 0x09 && bytes[at]! <= 0x0d))) at++;
  return bytes[at];
}

const EMAIL_HEADER = /^[!-9;-~]+:[ \t]?\S?/;
const KNOWN_HEADERS =
  /^(received|return-path|delivered-to|from|to|subject|date|message-id|mime-version|content-type|x-[\w-]+|dkim-signature|arc-[\w-]+|authentication-results|reply-to|sender|envelope-to|x-original-to):/im;

/** Classify the first {@link SNIFF_BYTES} of a document. */
export function sniffContainer(head: Uint8Array): SniffResult {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return { kind: 'gzip' };
  if (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 3 || head[2] === 5) &&
    (head[3] === 4 || head[3] === 6)
  ) {
    return { kind: 'zip' };
  }
  for (const [detail, signature] of BINARY_SIGNATURES) {
    if (head.length >= signature.length && startsWith(head, signature)) return { kind: 'binary', detail };
  }
  // What the checks below decide as `xml` first, read straight from the bytes (decoding 4 KB to look at one character
  // would cost more than the rest of sniffing). Anything else, other blanks included, is left to them.
  if (firstByteOfText(head) === 0x3c) return { kind: 'xml' };
  const text = headText(head);
  const trimmed = text.trimStart();
  if (trimmed === '') return { kind: 'empty' };
  // Yahoo and AOL have sent the literal word `unused` (inside a gzip) instead of a report (docs/report-quirks.md
  // "Containers").
  if (/^unused\s*$/i.test(trimmed)) return { kind: 'unused' };
  if (trimmed.startsWith('-----BEGIN PGP MESSAGE')) return { kind: 'pgp' };
  if (trimmed.startsWith('<')) return { kind: 'xml' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { kind: 'json' };
  // mbox (RFC 4155): the first line is a `From ` separator line.
  if (/^From [^\r\n]*\r?\n/.test(text)) return { kind: 'mbox' };
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  if (EMAIL_HEADER.test(firstLine) && KNOWN_HEADERS.test(trimmed)) return { kind: 'email' };
  // Several reports pasted into one text file, with separators before the first (docs/report-quirks.md "Encoding and
  // XML").
  if (/<(?:[A-Za-z_][\w.-]*:)?feedback[\s>]/.test(text)) return { kind: 'xml' };
  // Control bytes other than whitespace mean binary content.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  if (/[\x00-\x08\x0e-\x1a]/.test(text.slice(0, 512))) return { kind: 'binary' };
  return { kind: 'text' };
}
