// InflateStream given a whole stream in one call (a small .gz or zip member, as most reports are) must give back
// exactly what was deflated — by zlib at every level and strategy and by fflate, stored, fixed and dynamic blocks,
// long and short codes — and, on damaged or truncated streams, refuse or agree with fflate. One decoder reads every
// stream of this file, reset between them, as the parser reuses one from report to report: whatever state a stream
// left it in (cut short, damaged, ended), the next one reads as if on a new decoder.
import { deflateRawSync, constants } from 'node:zlib';
import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { borrowInflater, InflateStream, returnInflater } from '../../../core/report/inflateStream';
import { recordXml, reportXml } from '../../helpers/reportXml';

const decoder = new InflateStream(() => true);

/** What the decoder reads from the whole of `data` at once, or undefined where it does not read a whole stream. */
function inflated(data: Uint8Array): Uint8Array | undefined {
  decoder.reset(() => true);
  return decoder.run(data) === 'done' ? decoder.take().slice() : undefined;
}

/** fflate's reading of a stream, or undefined where it refuses it. */
function fflate(data: Uint8Array): Uint8Array | undefined {
  try {
    return inflateSync(data);
  } catch {
    return undefined;
  }
}

const xml = new TextEncoder().encode(
  reportXml({ records: Array.from({ length: 40 }, (_, i) => recordXml({ ip: `192.0.2.${i}`, count: i + 1 })) }),
);

/** Content of different kinds: report XML, text, runs, random bytes (codes up to 15 bits long), and mixes of them. */
const content = fc.oneof(
  fc.constant(xml),
  fc.constant(new Uint8Array(0)),
  fc.uint8Array({ maxLength: 3000 }),
  fc
    .array(fc.constantFrom('<record>', '</record>', 'example.com', ' ', '\n', 'pass', 'fail', '192.0.2.'), {
      maxLength: 600,
    })
    .map((parts) => new TextEncoder().encode(parts.join(''))),
  fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 40_000 }))
    .map(([byte, n]) => new Uint8Array(n).fill(byte)),
  // Skewed symbol frequencies make long codes (beyond the 9-bit fast table).
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 11 })), { minLength: 1, maxLength: 24 })
    .chain((weights) =>
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

/** Writes a DEFLATE stream bit by bit (RFC 1951 §3.1.1: values least significant bit first, codes most significant first). */
class BitWriter {
  readonly bytes: number[] = [];
  #bits = 0;

  value(value: number, n: number): void {
    for (let i = 0; i < n; i++) this.#bit((value >> i) & 1);
  }

  code({ code, length }: { code: number; length: number }): void {
    for (let i = length - 1; i >= 0; i--) this.#bit((code >> i) & 1);
  }

  #bit(bit: number): void {
    if (this.#bits % 8 === 0) this.bytes.push(0);
    this.bytes[this.bytes.length - 1]! |= bit << (this.#bits % 8);
    this.#bits++;
  }
}

/** The canonical Huffman code of RFC 1951 §3.2.2 for `lengths` (0: no code), by symbol. */
function canonicalCodes(lengths: readonly number[]): Array<{ code: number; length: number }> {
  const counts = new Array<number>(16).fill(0);
  for (const length of lengths) if (length > 0) counts[length]!++;
  const next = new Array<number>(16).fill(0);
  let code = 0;
  for (let length = 1; length < 16; length++) {
    next[length] = code;
    code = (code + counts[length]!) << 1;
  }
  return lengths.map((length) => ({ code: length > 0 ? next[length]!++ : 0, length }));
}

/**
 * A dynamic block written by hand, with the codes a compressor would rarely choose: literal/length code lengths
 * `literalLengths` and distance code lengths `distanceLengths`, then `symbols` (literals, or matches with their extra
 * bits) and the end of block. The code length code gives every length 0–15 a 4-bit code.
 */
function dynamicBlock(
  literalLengths: readonly number[],
  distanceLengths: readonly number[],
  symbols: ReadonlyArray<
    { literal: number } | { length: number; lengthExtra: number; distance: number; distanceExtra: number }
  >,
): Uint8Array {
  const out = new BitWriter();
  out.value(1, 1);
  out.value(2, 2);
  out.value(literalLengths.length - 257, 5);
  out.value(distanceLengths.length - 1, 5);
  out.value(19 - 4, 4);
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  for (const symbol of order) out.value(symbol < 16 ? 4 : 0, 3);
  const lengthCodes = canonicalCodes([...Array<number>(16).fill(4), 0, 0, 0]);
  for (const length of [...literalLengths, ...distanceLengths]) out.code(lengthCodes[length]!);
  const literalCodes = canonicalCodes(literalLengths);
  const distanceCodes = canonicalCodes(distanceLengths);
  for (const symbol of symbols) {
    if ('literal' in symbol) {
      out.code(literalCodes[symbol.literal]!);
      continue;
    }
    out.code(literalCodes[symbol.length]!);
    out.value(
      symbol.lengthExtra,
      [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0][symbol.length - 257]!,
    );
    out.code(distanceCodes[symbol.distance]!);
    out.value(
      symbol.distanceExtra,
      [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13][
        symbol.distance
      ]!,
    );
  }
  out.code(literalCodes[256]!);
  return Uint8Array.from(out.bytes);
}

describe('InflateStream in one call', () => {
  it('gives back what zlib deflated, at every level and strategy', () => {
    const strategies = [
      constants.Z_DEFAULT_STRATEGY,
      constants.Z_FILTERED,
      constants.Z_HUFFMAN_ONLY,
      constants.Z_RLE,
      constants.Z_FIXED,
    ];
    fc.assert(
      fc.property(content, fc.integer({ min: 0, max: 9 }), fc.constantFrom(...strategies), (bytes, level, strategy) => {
        const data = new Uint8Array(deflateRawSync(bytes, { level, strategy }));
        expect(inflated(data)).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a 15-bit length code and its 5 extra bits, distance codes of 9 and 11 bits and their 11 extra bits, at every bit position', () => {
    // 'A' 1 bit, 'B' 2, end of block 3, 'C'…'M' 4–14, 'N' and length code 281 (131 + 5 extra bits) 15 bits: a
    // complete code. Distances: codes 0–7 (1–12) 1–8 bits, codes 24 and 25 (4097 and 6145 + 11 extra bits) 9 bits;
    // or codes 0–9 1–10 bits and codes 24 and 25 11 bits, longer than the decoder's fast tables.
    for (const longest of [9, 11]) {
      const literalLengths = new Array<number>(282).fill(0);
      literalLengths[65] = 1;
      literalLengths[66] = 2;
      literalLengths[256] = 3;
      for (let i = 0; i < 11; i++) literalLengths[67 + i] = 4 + i;
      literalLengths[78] = 15;
      literalLengths[281] = 15;
      const distanceLengths = new Array<number>(26).fill(0);
      for (let i = 0; i < longest - 1; i++) distanceLengths[i] = i + 1;
      distanceLengths[24] = longest;
      distanceLengths[25] = longest;
      // Literals of 1 and 2 bits before the match put its codes at every position in the reader's bit buffer.
      for (let lead = 0; lead < 40; lead++) {
        const literals = Array.from({ length: 8200 + lead }, (_, i) => ((i * 7 + lead) % 5 === 0 ? 66 : 65));
        const symbols = [
          ...literals.map((literal) => ({ literal })),
          { length: 281, lengthExtra: 0b10110, distance: 25, distanceExtra: 0b10011010111 },
          { literal: 78 },
          { length: 281, lengthExtra: 0b00001, distance: 0, distanceExtra: 0 },
        ];
        const expected: number[] = [...literals];
        const copy = (length: number, distance: number) => {
          for (let i = 0; i < length; i++) expected.push(expected[expected.length - distance]!);
        };
        copy(131 + 0b10110, 6145 + 0b10011010111);
        expected.push(78);
        copy(131 + 1, 1);
        const stream = dynamicBlock(literalLengths, distanceLengths, symbols);
        const want = Uint8Array.from(expected);
        expect(fflate(stream)).toEqual(want);
        expect(inflated(stream)).toEqual(want);
      }
    }
  });

  it('gives back what fflate deflated', () => {
    fc.assert(
      fc.property(content, fc.integer({ min: 0, max: 9 }), (bytes, level) => {
        expect(inflated(deflateSync(bytes, { level: level as 0 }))).toEqual(bytes);
      }),
      { numRuns: 100 },
    );
  });

  it('reads stream after stream with one decoder, whatever state the last one left it in', () => {
    // Each step leaves the decoder mid-stream (cut short), refused (damaged) or at a stream's end, then reads a whole
    // stream, which must come out as deflated: nothing of the state before reaches it.
    const step = fc.tuple(
      content,
      fc.integer({ min: 0, max: 9 }),
      fc.constantFrom('cut', 'damaged', 'whole'),
      fc.nat(),
      content,
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 4 }), (steps) => {
        for (const [before, level, how, at, bytes] of steps) {
          const first = new Uint8Array(deflateRawSync(before, { level }));
          if (how === 'cut') inflated(first.subarray(0, at % (first.length + 1)));
          else if (how === 'damaged') {
            first[at % first.length]! ^= 0x55;
            inflated(first);
          } else expect(inflated(first)).toEqual(before);
          expect(inflated(new Uint8Array(deflateRawSync(bytes, { level })))).toEqual(bytes);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is lent out and given back with its buffer, which a new borrower reuses', () => {
    const lent = borrowInflater(() => true);
    lent.run(new Uint8Array(deflateRawSync(new Uint8Array(3_000_000).fill(65))));
    const grown = lent.capacity;
    expect(lent.take().length).toBe(3_000_000);
    returnInflater(lent);
    const again = borrowInflater(() => true);
    expect(again).toBe(lent);
    expect(again.capacity).toBe(grown);
    // Reset for its new stream: nothing pending, and it reads the new stream alone.
    expect(again.pending).toBe(0);
    expect(again.run(new Uint8Array(deflateRawSync(xml)))).toBe('done');
    expect(again.take()).toEqual(xml);
    // While lent, it is no one else's: the next borrower gets a decoder of its own.
    expect(borrowInflater(() => true)).not.toBe(again);
    returnInflater(again);
  });

  it('ignores bytes after the final block', () => {
    const data = new Uint8Array([...deflateRawSync(xml), 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(inflated(data)).toEqual(xml);
  });

  it('refuses every truncation of a stream', () => {
    for (const bytes of [xml, new TextEncoder().encode('short'), new Uint8Array(5000).fill(65)]) {
      for (const level of [0, 1, 9]) {
        const data = new Uint8Array(deflateRawSync(bytes, { level }));
        for (let length = 0; length < data.length; length++)
          expect(inflated(data.subarray(0, length)), `${level} ${length}`).toBeUndefined();
      }
    }
  });

  it('on damaged streams refuses or reads what fflate reads', () => {
    const damaged = fc
      .tuple(
        content,
        fc.integer({ min: 0, max: 9 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }),
      )
      .map(([bytes, level, edits]) => {
        const data = new Uint8Array(deflateRawSync(bytes, { level }));
        for (const [at, flip] of edits) if (data.length > 0) data[at % data.length]! ^= flip;
        return data;
      });
    let refused = 0;
    fc.assert(
      fc.property(damaged, (data) => {
        const mine = inflated(data);
        if (mine === undefined) {
          refused++;
          return;
        }
        const theirs = fflate(data);
        if (theirs !== undefined) expect(mine).toEqual(theirs);
      }),
      { numRuns: 800 },
    );
    expect(refused).toBeGreaterThan(50);
  });
});
