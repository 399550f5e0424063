// inflateRaw must give back exactly what was deflated — by zlib at every level and strategy and by fflate, stored,
// fixed and dynamic blocks, long and short codes — and, on damaged or truncated streams, either refuse or agree with
// fflate; it never writes past the buffer it is given.
import { deflateRawSync, constants } from 'node:zlib';
import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateRaw } from '../../../core/report/inflateRaw';
import { recordXml, reportXml } from '../../helpers/reportXml';

function inflated(data: Uint8Array, size: number): Uint8Array | undefined {
  const out = new Uint8Array(size);
  const written = inflateRaw(data, out);
  return written < 0 ? undefined : out.subarray(0, written);
}

/** fflate's reading of a stream, or undefined where it refuses it. */
function fflate(data: Uint8Array, size: number): Uint8Array | undefined {
  try {
    return inflateSync(data, { out: new Uint8Array(size) });
  } catch {
    return undefined;
  }
}

const xml = new TextEncoder().encode(reportXml({ records: Array.from({ length: 40 }, (_, i) => recordXml({ ip: `192.0.2.${i}`, count: i + 1 })) }));

/** Content of different kinds: report XML, text, runs, random bytes (codes up to 15 bits long), and mixes of them. */
const content = fc.oneof(
  fc.constant(xml),
  fc.constant(new Uint8Array(0)),
  fc.uint8Array({ maxLength: 3000 }),
  fc.array(fc.constantFrom('<record>', '</record>', 'example.com', ' ', '\n', 'pass', 'fail', '192.0.2.'), { maxLength: 600 }).map((parts) => new TextEncoder().encode(parts.join(''))),
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 40_000 })).map(([byte, n]) => new Uint8Array(n).fill(byte)),
  // Skewed symbol frequencies make long codes (beyond the 9-bit fast table).
  fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 11 })), { minLength: 1, maxLength: 24 }).chain((weights) =>
    fc.array(fc.nat(), { minLength: 200, maxLength: 3000 }).map((picks) => {
      // Byte i of the pool is chosen with weight 2^weight: a few bytes get most of the picks.
      const total = weights.reduce((sum, [, weight]) => sum + 2 ** weight, 0);
      return Uint8Array.from(picks, (p) => {
        let left = p % total;
        for (const [byte, weight] of weights) if ((left -= 2 ** weight) < 0) return byte;
        return 0;
      });
    }),
  ),
);

describe('inflateRaw', () => {
  it('gives back what zlib deflated, at every level and strategy', () => {
    const strategies = [constants.Z_DEFAULT_STRATEGY, constants.Z_FILTERED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FIXED];
    fc.assert(
      fc.property(content, fc.integer({ min: 0, max: 9 }), fc.constantFrom(...strategies), (bytes, level, strategy) => {
        const data = new Uint8Array(deflateRawSync(bytes, { level, strategy }));
        expect(inflated(data, bytes.length)).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back what fflate deflated', () => {
    fc.assert(
      fc.property(content, fc.integer({ min: 0, max: 9 }), (bytes, level) => {
        expect(inflated(deflateSync(bytes, { level: level as 0 }), bytes.length)).toEqual(bytes);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses content larger than its buffer, and never writes past it', () => {
    const data = new Uint8Array(deflateRawSync(xml));
    const out = new Uint8Array(xml.length + 16).fill(7);
    expect(inflateRaw(data, out.subarray(0, xml.length - 1))).toBe(-1);
    expect(out.subarray(xml.length - 1).every((b) => b === 7)).toBe(true);
    expect(inflateRaw(data, out.subarray(0, xml.length + 16))).toBe(xml.length);
  });

  it('ignores bytes after the final block', () => {
    const data = new Uint8Array([...deflateRawSync(xml), 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(inflated(data, xml.length)).toEqual(xml);
  });

  it('refuses every truncation of a stream', () => {
    for (const bytes of [xml, new TextEncoder().encode('short'), new Uint8Array(5000).fill(65)]) {
      for (const level of [0, 1, 9]) {
        const data = new Uint8Array(deflateRawSync(bytes, { level }));
        for (let length = 0; length < data.length; length++) expect(inflated(data.subarray(0, length), bytes.length), `${level} ${length}`).not.toEqual(bytes);
      }
    }
  });

  it('on damaged streams refuses or reads what fflate reads', () => {
    const damaged = fc
      .tuple(content, fc.integer({ min: 0, max: 9 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }))
      .map(([bytes, level, edits]) => {
        const data = new Uint8Array(deflateRawSync(bytes, { level }));
        for (const [at, flip] of edits) if (data.length > 0) data[at % data.length]! ^= flip;
        return { data, size: bytes.length + 64 };
      });
    let refused = 0;
    fc.assert(
      fc.property(damaged, ({ data, size }) => {
        const mine = inflated(data, size);
        if (mine === undefined) {
          refused++;
          return;
        }
        const theirs = fflate(data, size);
        if (theirs !== undefined) expect(mine).toEqual(theirs);
      }),
      { numRuns: 800 },
    );
    expect(refused).toBeGreaterThan(50);
  });
});
