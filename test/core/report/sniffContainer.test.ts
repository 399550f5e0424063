// sniffContainer reads a document that starts with markup straight from its bytes; it must decide exactly as its text
// checks do: XML when the text, byte-order mark and blanks (any JavaScript trims) removed, starts with `<`, and
// nothing it would not decide otherwise when some other character comes first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffContainer } from '../../../core/report/sniffContainer';

const latin1 = new TextDecoder('latin1');

describe('sniffContainer', () => {
  it('reads markup after a BOM and blanks as XML exactly when the text checks would', () => {
    // 0xa0 is a blank to trimStart; 0x85 is "…" in windows-1252, not a blank.
    const prefix = fc.array(fc.constantFrom(0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x85), { maxLength: 6 });
    // No `f` in what follows, so no <feedback tag can make it XML further on.
    const rest = fc
      .uint8Array({ maxLength: 64 })
      .map((bytes) => bytes.map((b) => (b === 0x66 || b === 0x46 ? 0x20 : b)));
    fc.assert(
      fc.property(fc.boolean(), prefix, rest, (bom, blanks, after) => {
        const head = Uint8Array.from([...(bom ? [0xef, 0xbb, 0xbf] : []), ...blanks, 0x3c, ...after]);
        const startsWithMarkup = latin1
          .decode(head)
          .replace(/^\u00ef\u00bb\u00bf/, '')
          .trimStart()
          .startsWith('<');
        expect(sniffContainer(head).kind === 'xml').toBe(startsWithMarkup);
      }),
      { numRuns: 3000 },
    );
  });

  it('still tells the other kinds apart', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(sniffContainer(bytes('  \n<?xml version="1.0"?><feedback/>')).kind).toBe('xml');
    expect(sniffContainer(bytes('{"organization-name": "x"}')).kind).toBe('json');
    expect(sniffContainer(bytes('From x@example.com Mon Jan 1 00:00:00 2024\nFrom: x\n')).kind).toBe('mbox');
    expect(sniffContainer(bytes('   ')).kind).toBe('empty');
    expect(sniffContainer(Uint8Array.of(0x1f, 0x8b, 8)).kind).toBe('gzip');
  });
});
