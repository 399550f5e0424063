// Streaming bytes → text for XML documents: the encoding comes from the byte-order mark or the XML declaration
// (XML 1.0 §4.3.3, Appendix F), defaulting to UTF-8. Invalid bytes become U+FFFD and are reported, not fatal: real
// reports carry raw windows-1252 bytes in UTF-8 documents (docs/report-quirks.md; fixture
// domainaware__parsedmarc/invalid_utf_8.xml).
import { concatBytes } from './concatBytes';
import { reportText } from './reportMessages';

const DECLARATION_ENCODING = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;
/** Bytes to wait for before choosing an encoding: enough for any XML declaration. */
const DECLARATION_WINDOW = 256;

/**
 * Decoders not in use, by encoding. Making a TextDecoder for each of thousands of small documents cost more than
 * decoding them; one is taken for a document and given back at its end, when its last decode has reset it.
 */
const idle = new Map<string, TextDecoder[]>();
/** Idle decoders kept per encoding at most (documents nest: a report in a zip in an email). */
const IDLE_DECODERS = 4;

function takeDecoder(label: string): TextDecoder {
  return idle.get(label)?.pop() ?? new TextDecoder(label, { ignoreBOM: true });
}

export class XmlTextDecoder {
  private decoder: TextDecoder | undefined;
  private pending: Uint8Array | undefined;
  /** The encoding in use, once chosen. */
  encoding = 'utf-8';
  /** Replacement characters produced: bytes that were invalid in the encoding. */
  invalidSequences = 0;
  readonly notes: string[] = [];

  push(bytes: Uint8Array): string {
    if (this.decoder) return this.decode(bytes, true);
    this.pending = this.pending ? concatBytes([this.pending, bytes]) : bytes;
    if (this.pending.length < DECLARATION_WINDOW) return '';
    return this.start(true);
  }

  end(): string {
    let text = '';
    if (!this.decoder) text = this.start(false);
    text += this.decode(new Uint8Array(0), false);
    // A decode without `stream` has reset the decoder: the next document may use it.
    const decoder = this.decoder!;
    this.decoder = undefined;
    const free = idle.get(decoder.encoding) ?? [];
    if (free.length < IDLE_DECODERS) free.push(decoder);
    idle.set(decoder.encoding, free);
    return text;
  }

  private start(stream: boolean): string {
    const head = this.pending ?? new Uint8Array(0);
    this.pending = undefined;
    let offset = 0;
    let label = 'utf-8';
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      offset = 3;
      this.notes.push(reportText('report.bomRemoved'));
    } else if (head[0] === 0xff && head[1] === 0xfe) {
      offset = 2;
      label = 'utf-16le';
    } else if (head[0] === 0xfe && head[1] === 0xff) {
      offset = 2;
      label = 'utf-16be';
    } else {
      // The declaration ends at its first `>`: only bytes up to there are looked at.
      const end = head.indexOf(0x3e);
      const window = head.subarray(0, Math.min(end === -1 ? head.length : end + 1, DECLARATION_WINDOW));
      const declared = DECLARATION_ENCODING.exec(String.fromCharCode(...window))?.[1];
      if (declared) label = declared.toLowerCase();
    }
    try {
      this.decoder = takeDecoder(label);
    } catch {
      this.notes.push(reportText('report.unknownEncoding', { label }));
      this.decoder = takeDecoder('utf-8');
    }
    this.encoding = this.decoder.encoding;
    return this.decode(head.subarray(offset), stream);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    const text = this.decoder!.decode(bytes, { stream });
    if (text.includes('\ufffd')) {
      for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) this.invalidSequences++;
    }
    return text;
  }
}
