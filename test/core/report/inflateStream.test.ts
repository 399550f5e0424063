// InflateStream reads large .gz files and zip members slice by slice. It must give back exactly what was deflated
// (zlib at every level and strategy, fflate, stored blocks, streams followed by other bytes), decode in each slice
// exactly what fflate's Inflate hands over for the same slice (parseReport relies on that to hand output over where
// fflate would), refuse what is not a valid stream, and count a bomb's output without holding it. parseReport's whole
// result through it is compared with a parseReport whose InflateStream refuses everything at once, which is fflate's
// streaming path alone: on large reports split into members, cut short, damaged, followed by other bytes, with lying
// trailers, as zip members, and on bombs.
import { constants, deflateRawSync, gzipSync as zlibGzip, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { Inflate, deflateSync, gzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from '../../../core/report/concatBytes';
import { InflateStream, type InflateStatus } from '../../../core/report/inflateStream';
import { INPUT_SLICE } from '../../../core/report/limits';
import { parseReport, type ParseOptions } from '../../../core/report/parseReport';
import { importFflateOnlyParser } from '../../helpers/fflateOnlyParser';
import { recordXml, reportXml, utf8 } from '../../helpers/reportXml';

/** A report of `records` records with varied values, so that it compresses about as real reports do. */
function bigReport(records: number, seed: number): Uint8Array {
  let state = seed;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state % n;
  };
  return utf8(
    reportXml({
      records: Array.from({ length: records }, () =>
        recordXml({
          ip: `${random(223) + 1}.${random(256)}.${random(256)}.${random(256)}`,
          count: random(5000) + 1,
          disposition: ['none', 'quarantine', 'reject'][random(3)]!,
          dkim: random(2) ? 'pass' : 'fail',
          spf: random(2) ? 'pass' : 'fail',
          identifiers: `<header_from>${random(1e9).toString(36)}.example</header_from>`,
        }),
      ),
    }),
  );
}

/** Feeds `data` to a new InflateStream in slices ending at `ends`, then whole; what each call gave. */
function inflateIn(data: Uint8Array, ends: number[], keep: (bytes: number) => boolean = () => true) {
  const stream = new InflateStream(keep);
  const outputs: Uint8Array[] = [];
  const pending: number[] = [];
  let status: InflateStatus = 'more';
  for (const end of [...ends.filter((e) => e < data.length).sort((a, b) => a - b), data.length]) {
    status = stream.run(data.subarray(0, end));
    pending.push(stream.pending);
    outputs.push(stream.take().slice());
    if (status !== 'more') break;
  }
  return { status, output: concatBytes(outputs), pending, end: stream.end, stream };
}

/** What fflate's Inflate hands over for each push of the same slices (none of them final). */
function fflatePushes(data: Uint8Array, ends: number[]): number[] {
  const sizes: number[] = [];
  const inflate = new Inflate((chunk) => sizes.push(chunk.length));
  let from = 0;
  for (const end of [...ends.filter((e) => e < data.length).sort((a, b) => a - b), data.length]) {
    inflate.push(data.subarray(from, end), false);
    from = end;
  }
  return sizes;
}

const xml = bigReport(3000, 1);

/** Pseudo-random bytes: made directly, since fast-check takes long to make and to shrink large arrays. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed | 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state;
  }
  return bytes;
}

/** Content of different kinds: report XML, random bytes (codes up to 15 bits long), runs, and mixes of them. */
const contents = fc
  .array(
    fc.oneof(
      fc.tuple(fc.nat(xml.length), fc.integer({ min: 0, max: 150_000 })).map(([at, n]) => xml.subarray(at, at + n)),
      fc.tuple(fc.integer({ min: 0, max: 70_000 }), fc.integer()).map(([n, seed]) => noise(n, seed)),
      fc
        .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 40_000 }))
        .map(([byte, n]) => new Uint8Array(n).fill(byte)),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map(concatBytes);

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

const zlibDeflate = fc
  .record({
    level: fc.constantFrom(0, 1, 6, 9),
    strategy: fc.constantFrom(
      constants.Z_DEFAULT_STRATEGY,
      constants.Z_FILTERED,
      constants.Z_HUFFMAN_ONLY,
      constants.Z_RLE,
      constants.Z_FIXED,
    ),
  })
  .map((options) => (content: Uint8Array) => new Uint8Array(deflateRawSync(content, options)));
const fflateDeflate = fc
  .constantFrom(0 as const, 1 as const, 6 as const, 9 as const)
  .map((level) => (content: Uint8Array) => deflateSync(content, { level }));

describe('InflateStream', () => {
  it('gives back what zlib and fflate deflated, fed in any slices, and stops where the stream ends', () => {
    fc.assert(
      fc.property(
        contents,
        fc.oneof(zlibDeflate, fflateDeflate),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.uint8Array({ maxLength: 12 }),
        (content, deflate, cuts, after) => {
          const deflated = deflate(content);
          const data = concatBytes([deflated, after]);
          const ends = cuts.map((c) => c % (data.length + 1));
          const { status, output, end } = inflateIn(data, ends);
          expect(status).toBe('done');
          expect(same(output, content)).toBe(true);
          expect(end).toBe(deflated.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('decodes in each slice what fflate’s Inflate hands over for the same slice', () => {
    fc.assert(
      fc.property(
        contents,
        fc.oneof(zlibDeflate, fflateDeflate),
        fc.array(fc.nat(), { maxLength: 12 }),
        (content, deflate, cuts) => {
          const data = deflate(content);
          const ends = cuts.map((c) => c % (data.length + 1));
          const ours = inflateIn(data, ends).pending;
          expect(ours).toEqual(fflatePushes(data, ends).slice(0, ours.length));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hands its output over as views of one buffer, reused from slice to slice', () => {
    const data = new Uint8Array(deflateRawSync(bigReport(16_000, 4), { level: 1 }));
    const stream = new InflateStream(() => true);
    const buffers = new Set<ArrayBufferLike>();
    let slices = 0;
    let length = 0;
    const expected = inflateRawSync(data).length;
    for (let end = INPUT_SLICE; ; end += INPUT_SLICE) {
      slices++;
      const status = stream.run(data.subarray(0, end));
      const output = stream.take();
      buffers.add(output.buffer);
      length += output.length;
      if (status !== 'more') break;
    }
    expect(length).toBe(expected);
    expect(slices).toBeGreaterThan(4);
    // Grown at most once or twice, until one slice's output fits; never one buffer per slice.
    expect(buffers.size).toBeLessThanOrEqual(2);
  });

  it('grows its buffer once to about the output of a slice, not by doublings past it', () => {
    // Report XML at level 6: the first 64 KiB of input give about 1.4 MB, first read into a buffer of 256 KiB.
    const data = new Uint8Array(deflateRawSync(bigReport(16_000, 5), { level: 6 }));
    const stream = new InflateStream(() => true);
    const sizes = new Set<number>();
    let largest = 0;
    for (let end = INPUT_SLICE; ; end += INPUT_SLICE) {
      const status = stream.run(data.subarray(0, end));
      sizes.add(stream.capacity);
      largest = Math.max(largest, stream.take().length);
      if (status !== 'more') break;
    }
    expect(largest).toBeGreaterThan(1024 * 1024);
    // Doubling from 256 KiB would end at 2 MiB, having made three buffers on the way.
    expect(stream.capacity).toBeLessThan(largest * 1.5);
    expect(sizes.size).toBeLessThanOrEqual(2);
  });

  it('refuses what is not a valid DEFLATE stream', () => {
    /** Bits written least significant first; Huffman codes most significant first (RFC 1951 §3.1.1). */
    const bits = (fields: Array<[value: number, length: number, code?: boolean]>): Uint8Array => {
      const out: number[] = [];
      let at = 0;
      for (const [value, length, code] of fields) {
        for (let i = 0; i < length; i++) {
          const bit = code ? (value >> (length - 1 - i)) & 1 : (value >> i) & 1;
          if (at % 8 === 0) out.push(0);
          out[out.length - 1]! |= bit << (at % 8);
          at++;
        }
      }
      return Uint8Array.from(out);
    };
    const cases: Record<string, Uint8Array> = {
      'block type 3': bits([
        [1, 1],
        [3, 2],
      ]),
      'a stored length whose complement does not match': Uint8Array.of(1, 5, 0, 0, 0, 1, 2, 3, 4, 5),
      // A fixed block whose first symbol is a match (length code 257, distance code 0): no output to copy yet.
      'a distance before the start': bits([
        [1, 1],
        [1, 2],
        [1, 7, true],
        [0, 5, true],
        [0, 7, true],
      ]),
      // A fixed block with distance code 30, which RFC 1951 reserves.
      'a reserved distance code': bits([
        [1, 1],
        [1, 2],
        [0x61 + 0x30, 8, true],
        [1, 7, true],
        [30, 5, true],
      ]),
      // A dynamic block whose code length code gives 19 codes of length 1: over-subscribed.
      'an over-subscribed code': bits([
        [1, 1],
        [2, 2],
        [0, 5],
        [0, 5],
        [15, 4],
        ...Array.from({ length: 19 }, (): [number, number] => [1, 3]),
      ]),
    };
    for (const [name, data] of Object.entries(cases)) {
      expect(new InflateStream(() => true).run(data), name).toBe('bad');
    }
  });

  it('waits for the rest of a stream cut short, at every length', () => {
    const data = new Uint8Array(deflateRawSync(xml.subarray(0, 20_000)));
    for (let cut = 0; cut < data.length; cut += 7) {
      const { status, output } = inflateIn(data.subarray(0, cut), []);
      expect(status).toBe('more');
      expect(same(output, xml.subarray(0, output.length))).toBe(true);
    }
  });

  it('counts output past what it may keep, without keeping it (a bomb)', () => {
    const zeros = new Uint8Array(40 * 1024 * 1024);
    const data = new Uint8Array(deflateRawSync(zeros));
    const stream = new InflateStream((bytes) => bytes <= 1024 * 1024);
    expect(stream.run(data)).toBe('done');
    expect(stream.pending).toBe(zeros.length);
    expect(stream.take().length).toBe(0);
  });
});

/** parseReport as fflate's streaming path alone reads: a decoder that refuses every stream at once. */
let fflateOnly: typeof parseReport;
beforeAll(async () => {
  ({ parseReport: fflateOnly } = await importFflateOnlyParser());
});

/** Everything parseReport tells its caller: the result, the records as they stream, reports as they end. */
async function observe(parse: typeof parseReport, bytes: Uint8Array, fileName: string) {
  let records = 0;
  let messages = 0;
  const ended: string[] = [];
  const options: ParseOptions = {
    fileName,
    onRecords: (batch) => {
      records += batch.length;
      for (const r of batch) messages += r.count;
    },
    onReportEnd: (report) => ended.push(report.path.join('/')),
  };
  const result = await parse(bytes, options);
  return { result, records, messages, ended };
}

async function expectAsFflate(bytes: Uint8Array, fileName = 'r.xml.gz') {
  const ours = await observe(parseReport, bytes, fileName);
  const theirs = await observe(fflateOnly, bytes, fileName);
  // The test runner's deep comparison of thousands of records takes seconds each: the same JSON is checked first,
  // and the deep comparison (which shows where they differ) runs only when it is not the same.
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) expect(ours).toEqual(theirs);
  return ours;
}

/** Gzip members of `content` split at `cuts`, at zlib level `level`. */
function gzipMembers(content: Uint8Array, cuts: number[], level: number): Uint8Array {
  const points = [...new Set([0, ...cuts.map((c) => c % content.length), content.length])].sort((a, b) => a - b);
  const members: Uint8Array[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    members.push(new Uint8Array(zlibGzip(content.subarray(points[i], points[i + 1]), { level })));
  }
  return concatBytes(members);
}

function damaged(bytes: Uint8Array, flips: Array<[at: number, xor: number]>): Uint8Array {
  const copy = bytes.slice();
  for (const [at, xor] of flips) copy[at % copy.length]! ^= xor;
  return copy;
}

describe('parseReport through InflateStream reads as fflate alone does', () => {
  const report = bigReport(11_000, 2);
  const reportCount = (() => {
    const text = new TextDecoder().decode(report);
    return text.split('<record>').length - 1;
  })();

  it('a large .gz file, whole, in members, at every level', async () => {
    for (const level of [1, 6, 9]) {
      const gz = new Uint8Array(zlibGzip(report, { level }));
      expect(gz.length).toBeGreaterThan(2 * INPUT_SLICE);
      const { records } = await expectAsFflate(gz);
      expect(records).toBe(reportCount);
    }
    const members = gzipMembers(report, [1, 100, 5000, 300_000], 6);
    expect((await expectAsFflate(members)).records).toBe(reportCount);
  });

  it('cut short, damaged, with bytes after it, lying trailers, in members', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.constantFrom(1, 6),
        fc.option(fc.nat(), { nil: undefined }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 2 }),
        fc.uint8Array({ maxLength: 9 }),
        fc.boolean(),
        async (cuts, level, truncate, flips, after, lie) => {
          let gz = gzipMembers(report, cuts, level);
          if (lie)
            gz = damaged(gz, [
              [gz.length - 2, 0x40],
              [gz.length - 7, 0x01],
            ]);
          // Damage in the compressed data and headers, not in the bytes appended after.
          gz = damaged(gz, flips);
          gz = concatBytes([gz, after]);
          if (truncate !== undefined) gz = gz.subarray(0, truncate % gz.length);
          await expectAsFflate(gz);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('a large zip member, whole and damaged', async () => {
    const zip = zipSync({ 'a.xml': report, 'b.xml': report.subarray(0, 100) }, { level: 6 });
    expect((await expectAsFflate(zip, 'r.zip')).records).toBe(reportCount);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 40, max: 150_000 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 3,
        }),
        async (flips) => {
          await expectAsFflate(damaged(zip, flips), 'r.zip');
        },
      ),
      { numRuns: 5 },
    );
  });

  it('bombs: refused alike, in gzip and in zip', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const gz = gzipSync(zeros, { level: 9 });
    const { result } = await expectAsFflate(gz, 'bomb.gz');
    expect(result.ok ? undefined : result.error.code).toBe('too-large');
    const zip = zipSync({ 'bomb.xml': zeros.subarray(0, 32 * 1024 * 1024) }, { level: 9 });
    const zipped = await expectAsFflate(zip, 'bomb.zip');
    expect(zipped.result.ok ? undefined : zipped.result.error.code).toBe('too-large');
    // A bomb damaged within the slice that passes the limits is refused for what fflate finds first.
    await expectAsFflate(damaged(gz, [[gz.length >> 1, 0x5a]]), 'bomb.gz');
  });

  it('a first member smaller than the sniffed head, and a zip inside a .gz, kept past the push that gave them', async () => {
    // The first member's output is held by the document until enough has come to tell what it is; the zip's bytes
    // are held until the zip ends. Both arrive as views of InflateStream's buffer, which the next member overwrites.
    const gz = gzipMembers(report, [40, 200_000], 6);
    expect((await expectAsFflate(gz)).records).toBe(reportCount);
    const zipInGz = gzipMembers(zipSync({ 'r.xml': report }, { level: 0 }), [10, 100_000, 400_000], 1);
    expect(zipInGz.length).toBeGreaterThan(2 * INPUT_SLICE);
    expect((await expectAsFflate(zipInGz, 'r.zip.gz')).records).toBe(reportCount);
  });

  it('a small .gz read in one call still reads as before', async () => {
    const small = gzipSync(bigReport(20, 3));
    expect((await expectAsFflate(small)).records).toBe(20);
  });
});
