// The XML text decoder: encodings from the byte-order mark or the declaration, and decoders reused from one document to
// the next only once a document has ended (documents nest and interleave: a report in a zip in an email).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlTextDecoder } from '../../../core/report/XmlTextDecoder';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The text of `bytes` pushed through `decoder` in pieces of `size`. */
function decodeInPieces(decoder: XmlTextDecoder, bytes: Uint8Array, size: number): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += size) text += decoder.push(bytes.subarray(at, at + size));
  return text + decoder.end();
}

describe('XmlTextDecoder', () => {
  it('takes the encoding from the byte-order mark or the declaration', () => {
    const latin1 = Uint8Array.from([...utf8('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...utf8('</a>')]);
    const decoder = new XmlTextDecoder();
    expect(decodeInPieces(decoder, latin1, 7)).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>');
    expect(decoder.encoding).toBe('windows-1252');
    const bom = new XmlTextDecoder();
    expect(decodeInPieces(bom, Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('<a>é</a>')]), 3)).toBe('<a>é</a>');
    expect(bom.notes).toEqual(['removed a UTF-8 byte-order mark']);
    const utf16 = new XmlTextDecoder();
    expect(
      decodeInPieces(utf16, Uint8Array.from([0xff, 0xfe, ...[...'<a>é</a>'].flatMap((c) => [c.charCodeAt(0), 0])]), 5),
    ).toBe('<a>é</a>');
  });

  it('decodes interleaved documents, split anywhere (inside characters too), as each alone', () => {
    const documents = fc.array(
      fc.tuple(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 1, max: 300 })),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(documents, fc.array(fc.nat(), { maxLength: 40 }), (docs, order) => {
        const bytes = docs.map(([text]) => utf8(`<?xml version="1.0"?><a>${text}</a>`));
        const decoders = docs.map(() => new XmlTextDecoder());
        const at = docs.map(() => 0);
        const texts = docs.map(() => '');
        // Push pieces of the documents in a drawn order, then finish them in turn.
        for (const pick of order) {
          const i = pick % docs.length;
          const size = docs[i]![1];
          texts[i] += decoders[i]!.push(bytes[i]!.subarray(at[i], at[i]! + size));
          at[i] = at[i]! + size;
        }
        docs.forEach((_, i) => {
          texts[i] += decoders[i]!.push(bytes[i]!.subarray(at[i])) + decoders[i]!.end();
          expect(texts[i]).toBe(`<?xml version="1.0"?><a>${docs[i]![0]}</a>`);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('counts invalid bytes', () => {
    const decoder = new XmlTextDecoder();
    expect(decodeInPieces(decoder, Uint8Array.from([...utf8('<a>'), 0xff, 0xfe, ...utf8('</a>')]), 2)).toBe(
      '<a>\ufffd\ufffd</a>',
    );
    expect(decoder.invalidSequences).toBe(2);
  });
});
