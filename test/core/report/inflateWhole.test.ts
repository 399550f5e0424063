// Small gzip files and zip members are inflated in one call by the decoder of core/report/inflateStream.ts: held in
// memory (parseReport) through the same path as large ones, arriving in pieces (parseReportStream) through gunzipWhole
// when a piece is exactly one whole member, else copied as they arrive (up to STREAM_COPY_MAX_BYTES, past which fflate
// reads them). Either way the result must be exactly what fflate's streaming gives. Each
// case where one call must not be taken — several gzip members, bytes after the member, damage, truncation, bombs — is
// checked to fall back, lying sizes and a wrong CRC to read as streaming reads them, and parseReport's result is
// compared whole with a parseReport whose decoder refuses everything (fflate's streaming path alone).
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { deflateSync, gzipSync, zipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { concatBytes } from '../../../core/report/concatBytes';
import { gunzipWhole } from '../../../core/report/inflateWhole';
import { borrowInflater, InflateStream, returnInflater } from '../../../core/report/inflateStream';
import { INPUT_SLICE, STREAM_COPY_MAX_BYTES } from '../../../core/report/limits';
import { parseReport, parseReportStream } from '../../../core/report/parseReport';
import { readZipEntries } from '../../../core/report/readZipEntries';
import { importFflateOnlyParser } from '../../helpers/fflateOnlyParser';
import { recordXml, reportXml, utf8 } from '../../helpers/reportXml';

const xml = utf8(
  reportXml({ records: Array.from({ length: 15 }, (_, i) => recordXml({ count: i + 1, ip: `192.0.2.${i}` })) }),
);
const messages = (15 * 16) / 2;
const always = () => true;
const inflater = new InflateStream(always);
/** gunzipWhole's reading of `gz` with one decoder reused throughout, copied out of its buffer. */
const whole = (gz: Uint8Array, keep: (bytes: number) => boolean = always) => gunzipWhole(inflater, gz, keep)?.slice();

let streamingOnly: typeof parseReport;
let streamingOnlyStream: typeof parseReportStream;
beforeAll(async () => {
  ({ parseReport: streamingOnly, parseReportStream: streamingOnlyStream } = await importFflateOnlyParser());
});

/** parseReport gives exactly what the streaming path alone gives; returns that result. */
async function expectAsStreaming(bytes: Uint8Array, fileName = 'input') {
  const result = await parseReport(bytes, { fileName });
  expect(result).toEqual(await streamingOnly(bytes, { fileName }));
  return result;
}

function messagesOf(result: Awaited<ReturnType<typeof parseReport>>): number {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.reports.reduce(
    (n, r) => n + (r.report.kind === 'aggregate' ? r.report.records.reduce((m, rec) => m + rec.count, 0) : 0),
    0,
  );
}

function setU32(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(at, value, true);
  return copy;
}

/** A gzip file with its trailer's ISIZE replaced. */
const withIsize = (gz: Uint8Array, size: number) => setU32(gz, gz.length - 4, size);

/** A one-member zip with the uncompressed size in its central directory replaced. */
function withCentralSize(zip: Uint8Array, size: number): Uint8Array {
  const central = zip.findIndex(
    (_, i) => zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2,
  );
  return setU32(zip, central + 24, size);
}

/** The compressed bytes and declared size of a zip's first member. */
function firstMember(zip: Uint8Array): { data: Uint8Array; size: number; crc: number } {
  const entry = readZipEntries(zip, 'test.zip')[0]!;
  return {
    data: zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
    size: entry.uncompressedSize,
    crc: entry.crc32,
  };
}

/** A gzip member built by hand, with the RFC 1952 optional header fields. */
function gzipWithHeader(
  content: Uint8Array,
  fields: { extra?: Uint8Array; name?: string; comment?: string; headerCrc?: boolean },
): Uint8Array {
  const flags = (fields.headerCrc ? 2 : 0) | (fields.extra ? 4 : 0) | (fields.name ? 8 : 0) | (fields.comment ? 16 : 0);
  const parts: Uint8Array[] = [Uint8Array.of(0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 255)];
  if (fields.extra) parts.push(Uint8Array.of(fields.extra.length & 0xff, fields.extra.length >> 8), fields.extra);
  if (fields.name) parts.push(utf8(`${fields.name}\0`));
  if (fields.comment) parts.push(utf8(`${fields.comment}\0`));
  if (fields.headerCrc) parts.push(Uint8Array.of(0xab, 0xcd));
  const trailer = setU32(setU32(new Uint8Array(8), 0, crc32(content)), 4, content.length);
  return concatBytes([...parts, deflateSync(content), trailer]);
}

/** The pieces parseReportStream is given, one after another. */
// eslint-disable-next-line @typescript-eslint/require-await -- an async generator is the AsyncIterable the API reads (its yields await); nothing else to await
async function* chunks(...parts: Uint8Array[]) {
  yield* parts;
}

/** parseReportStream, the input in `parts`, gives exactly what the streaming path alone gives; returns that result. */
async function expectStreamAsStreaming(parts: Uint8Array[], fileName = 'input') {
  const result = await parseReportStream(chunks(...parts), { fileName });
  expect(result).toEqual(await streamingOnlyStream(chunks(...parts), { fileName }));
  return result;
}

describe('one-call inflation where it is exact', () => {
  it('reads a small gzip file in one call, as streaming reads it', async () => {
    const gz = gzipSync(xml);
    expect(whole(gz)).toEqual(xml);
    expect(messagesOf(await expectAsStreaming(gz, 'r.xml.gz'))).toBe(messages);
    expect(messagesOf(await expectStreamAsStreaming([gz], 'r.xml.gz'))).toBe(messages);
  });

  it('reads a small zip member in one call, as streaming reads it', async () => {
    const zip = zipSync({ 'r.xml': xml });
    expect(messagesOf(await expectAsStreaming(zip, 'r.zip'))).toBe(messages);
  });

  it('reads every optional gzip header field (FEXTRA, FNAME, FCOMMENT, FHCRC)', async () => {
    const gz = gzipWithHeader(xml, {
      extra: Uint8Array.of(1, 2, 3),
      name: 'r.xml',
      comment: 'a report',
      headerCrc: true,
    });
    expect(whole(gz)).toEqual(xml);
    expect(messagesOf(await expectAsStreaming(gz))).toBe(messages);
    expect(messagesOf(await expectStreamAsStreaming([gz]))).toBe(messages);
  });

  it('reads stored (level 0) DEFLATE blocks and nested gzip', async () => {
    const stored = gzipSync(xml, { level: 0 });
    expect(whole(stored)).toEqual(xml);
    expect(messagesOf(await expectAsStreaming(stored))).toBe(messages);
    expect(messagesOf(await expectAsStreaming(gzipSync(gzipSync(xml)), 'r.xml.gz.gz'))).toBe(messages);
    expect(messagesOf(await expectAsStreaming(zipSync({ 'inner.zip': zipSync({ 'r.xml.gz': gzipSync(xml) }) })))).toBe(
      messages,
    );
  });

  it('reads an empty gzip and an empty zip member as streaming does', async () => {
    await expectAsStreaming(gzipSync(new Uint8Array(0)), 'empty.gz');
    await expectStreamAsStreaming([gzipSync(new Uint8Array(0))], 'empty.gz');
    await expectAsStreaming(zipSync({ 'empty.xml': new Uint8Array(0) }), 'empty.zip');
  });

  it('lends the decoder back after each parse, its buffer no larger than one small slice needs: the next parse allocates none', async () => {
    const large = utf8(
      reportXml({
        records: Array.from({ length: 3000 }, (_, i) => recordXml({ count: i + 1, ip: `192.0.2.${i % 250}` })),
      }),
    );
    const gz = gzipSync(large);
    expect(gz.length).toBeLessThan(INPUT_SLICE);
    expect(messagesOf(await parseReport(gz, { fileName: 'r.xml.gz' }))).toBe((3000 * 3001) / 2);
    // The decoder the parse used, given back: held input is inflated a few KiB at a time, so its buffer kept its
    // first size (256 KiB) where the whole 1.2 MB output read in one call had grown it to that size.
    const lent = borrowInflater(always);
    expect(large.length).toBeGreaterThan(1024 * 1024);
    expect(lent.capacity).toBe(256 * 1024);
    returnInflater(lent);
    expect(messagesOf(await parseReport(zipSync({ 'r.xml': large }), { fileName: 'r.zip' }))).toBe((3000 * 3001) / 2);
    const again = borrowInflater(always);
    expect(again).toBe(lent);
    expect(again.capacity).toBe(256 * 1024);
  });
});

describe('the sizes and CRC a container declares are read as streaming reads them: not at all', () => {
  it('gzip ISIZE one more, one less, zero or huge', async () => {
    const gz = gzipSync(xml);
    for (const size of [xml.length + 1, xml.length - 1, 0, 0xffffffff]) {
      expect(whole(withIsize(gz, size))).toEqual(xml);
      expect(messagesOf(await expectAsStreaming(withIsize(gz, size)))).toBe(messages);
      expect(messagesOf(await expectStreamAsStreaming([withIsize(gz, size)]))).toBe(messages);
    }
  });

  it('zip central directory size one more, one less, zero or huge', async () => {
    const zip = zipSync({ 'r.xml': xml });
    for (const size of [xml.length + 1, xml.length - 1, 0, 0xffffffff]) {
      expect(messagesOf(await expectAsStreaming(withCentralSize(zip, size), 'r.zip'))).toBe(messages);
    }
  });

  it('a stored block longer than the declared size', async () => {
    const stored = gzipSync(xml, { level: 0 });
    expect(whole(withIsize(stored, 100))).toEqual(xml);
    expect(messagesOf(await expectAsStreaming(withIsize(stored, 100)))).toBe(messages);
  });

  it('a wrong CRC in the trailer', async () => {
    const gz = gzipSync(xml);
    const wrong = setU32(gz, gz.length - 8, crc32(xml) ^ 1);
    expect(whole(wrong)).toEqual(xml);
    expect(messagesOf(await expectAsStreaming(wrong))).toBe(messages);
    expect(messagesOf(await expectStreamAsStreaming([wrong]))).toBe(messages);
  });
});

describe('falls back to streaming for anything but exactly one gzip member', () => {
  it('several members', async () => {
    const half = xml.length >> 1;
    const two = concatBytes([gzipSync(xml.subarray(0, half)), gzipSync(xml.subarray(half))]);
    expect(whole(two)).toBeUndefined();
    expect(messagesOf(await expectAsStreaming(two))).toBe(messages);
    expect(messagesOf(await expectStreamAsStreaming([two]))).toBe(messages);
  });

  it('the same member twice', async () => {
    const gz = gzipSync(xml);
    const twice = concatBytes([gz, gz]);
    expect(whole(twice)).toBeUndefined();
    const result = await expectAsStreaming(twice, 'twice.xml.gz');
    expect(result.ok && result.reports.length).toBe(2);
    await expectStreamAsStreaming([twice], 'twice.xml.gz');
  });

  it('bytes after the member, whatever their number (Mimecast)', async () => {
    const gz = gzipSync(xml);
    for (const extra of [1, 3, 4, 8, 100]) {
      const trailing = concatBytes([gz, utf8('\r\n'.repeat(extra).slice(0, extra))]);
      expect(whole(trailing)).toBeUndefined();
      const result = await expectAsStreaming(trailing, 'mimecast.xml.gz');
      expect(messagesOf(result)).toBe(messages);
      // fflate waits for a fourth byte before it reads what follows a member as a header.
      expect(/ignored bytes after the end of the gzip data/.test(result.warnings.join())).toBe(extra > 3);
      await expectStreamAsStreaming([trailing], 'mimecast.xml.gz');
    }
  });

  it('bytes after the member that end in a copy of its trailer, with the warning about them', async () => {
    // Where the DEFLATE data ends is known, not guessed from a trailer that checks out at the end of the file.
    const gz = gzipSync(xml);
    const crafted = concatBytes([gz, utf8('junk'), gz.subarray(gz.length - 8)]);
    expect(whole(crafted)).toBeUndefined();
    for (const result of [
      await expectAsStreaming(crafted, 'crafted.xml.gz'),
      await expectStreamAsStreaming([crafted], 'crafted.xml.gz'),
    ]) {
      expect(messagesOf(result)).toBe(messages);
      expect(result.warnings.join()).toMatch(/ignored bytes after the end of the gzip data/);
    }
  });

  it('an unterminated file name in the header', async () => {
    const gz = gzipWithHeader(xml, { name: 'r.xml' });
    const cut = gz.subarray(0, 14);
    expect(whole(cut)).toBeUndefined();
    await expectAsStreaming(cut);
    await expectStreamAsStreaming([cut]);
  });
});

describe('input read chunk by chunk (parseReportStream)', () => {
  it('reads members arriving one chunk each, and bytes after them, as streaming does', async () => {
    const half = xml.length >> 1;
    const one = gzipSync(xml.subarray(0, half));
    const two = gzipSync(xml.subarray(half));
    for (const parts of [
      [one, two],
      [gzipSync(xml), utf8('\r\n\r\n')],
      [gzipSync(xml), two.subarray(0, 20)],
      [one.subarray(0, 9), one.subarray(9), two],
      [one, two.subarray(0, 30), two.subarray(30)],
    ]) {
      await expectStreamAsStreaming(parts, 'r.xml.gz');
    }
  });
});

describe('a gzip file arriving in pieces longer than one input slice (parseReportStream)', () => {
  afterEach(() => vi.restoreAllMocks());

  // 18,000 records of varied addresses and counts: about 7 MB of XML, over 128 KiB gzipped.
  const counts = Array.from({ length: 18_000 }, (_, i) => (i * 7919) % 997);
  const large = utf8(
    reportXml({
      records: counts.map((count, i) => recordXml({ count, ip: `10.${i % 251}.${(i * 31) % 256}.${(i * 131) % 256}` })),
    }),
  );
  const gz = gzipSync(large);
  const largeMessages = counts.reduce((a, b) => a + b, 0);
  /** `bytes` in pieces of the given lengths, the rest as the last piece. */
  const inPieces = (bytes: Uint8Array, ...lengths: number[]) => {
    const parts: Uint8Array[] = [];
    let at = 0;
    for (const length of lengths) parts.push(bytes.subarray(at, (at += length)));
    return [...parts, bytes.subarray(at)];
  };

  it('is read by the decoder slice by slice, copied as it arrives, as streaming reads it', async () => {
    expect(gz.length).toBeGreaterThan(2 * INPUT_SLICE);
    const run = vi.spyOn(InflateStream.prototype, 'run');
    for (const parts of [[gz], inPieces(gz, 1000, INPUT_SLICE, 5), inPieces(gz, 9, 3 * INPUT_SLICE + 17)]) {
      run.mockClear();
      expect(messagesOf(await expectStreamAsStreaming(parts, 'large.xml.gz'))).toBe(largeMessages);
      // One call per slice of INPUT_SLICE or less: no slice was read by fflate.
      const lengths = run.mock.calls.map(([data]) => data.length);
      expect(lengths.length).toBeGreaterThanOrEqual(Math.ceil(gz.length / INPUT_SLICE));
      expect(Math.max(...lengths)).toBe(gz.length - 10);
    }
  });

  it('damaged or cut after some slices were handed over, is read again by fflate from its start', async () => {
    for (const at of [INPUT_SLICE + 100, gz.length - 2000]) {
      const damaged = gz.slice();
      damaged[at] = damaged[at]! ^ 0xff;
      await expectStreamAsStreaming(inPieces(damaged, 3000), 'damaged.xml.gz');
      await expectStreamAsStreaming(inPieces(gz.subarray(0, at), 3000), 'cut.xml.gz');
    }
    await expectStreamAsStreaming(inPieces(concatBytes([gz, gz, utf8('\r\n')]), 70_000, 70_000), 'twice.xml.gz');
  });

  it('past STREAM_COPY_MAX_BYTES is read by fflate from its start, giving the same', async () => {
    expect(STREAM_COPY_MAX_BYTES).toBeGreaterThan(gz.length);
    vi.resetModules();
    vi.doMock('../../../core/report/limits', async (actual: () => Promise<object>) => ({
      ...(await actual()),
      STREAM_COPY_MAX_BYTES: INPUT_SLICE + 1000,
    }));
    try {
      const small = await import('../../../core/report/parseReport');
      const run = vi.spyOn((await import('../../../core/report/inflateStream')).InflateStream.prototype, 'run');
      for (const bytes of [
        gz,
        concatBytes([gz.subarray(0, INPUT_SLICE + 500), utf8('damage'), gz.subarray(INPUT_SLICE + 506)]),
      ]) {
        const parts = inPieces(bytes, 5000, INPUT_SLICE);
        run.mockClear();
        const result = await small.parseReportStream(chunks(...parts), { fileName: 'large.xml.gz' });
        expect(result).toEqual(await streamingOnlyStream(chunks(...parts), { fileName: 'large.xml.gz' }));
        expect(Math.max(...run.mock.calls.map(([data]) => data.length))).toBeLessThanOrEqual(INPUT_SLICE + 1000);
      }
      expect(messagesOf(await small.parseReportStream(chunks(gz), { fileName: 'large.xml.gz' }))).toBe(largeMessages);
    } finally {
      vi.doUnmock('../../../core/report/limits');
    }
  });
});

describe('falls back to streaming for damaged or truncated data', () => {
  it('a truncated gzip file, at every length', async () => {
    const gz = gzipSync(xml);
    for (let length = 0; length < gz.length; length += 7) {
      expect(whole(gz.subarray(0, length))).toBeUndefined();
      await expectAsStreaming(gz.subarray(0, length), 'cut.xml.gz');
      await expectStreamAsStreaming([gz.subarray(0, length)], 'cut.xml.gz');
    }
  });

  it('a truncated zip member (compressed size cut in the central directory)', async () => {
    const zip = zipSync({ 'r.xml': xml });
    const central = zip.findIndex(
      (_, i) => zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2,
    );
    const cut = setU32(zip, central + 20, firstMember(zip).data.length - 10);
    expect(await expectAsStreaming(cut, 'cut.zip')).toMatchObject({ ok: false, error: { code: 'corrupt-archive' } });
  });

  it('damaged DEFLATE data', async () => {
    const gz = gzipSync(xml);
    for (const at of [12, 40, gz.length >> 1, gz.length - 12]) {
      const damaged = gz.slice();
      damaged[at] = damaged[at]! ^ 0xff;
      await expectAsStreaming(damaged, 'damaged.xml.gz');
      await expectStreamAsStreaming([damaged], 'damaged.xml.gz');
      await expectAsStreaming(zipSync({ 'r.xml.gz': damaged }), 'damaged.zip');
    }
  });
});

describe('decompression bombs stay refused, without large allocations', () => {
  const bomb = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/bombs/${name}`, import.meta.url)));

  it('the double gzip and zip bombs of test/fixtures/bombs', { timeout: 30_000 }, async () => {
    expect(await expectAsStreaming(bomb('zeros-1g.gz.gz'), 'zeros-1g.gz.gz')).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    expect(await expectAsStreaming(bomb('zeros-1g.zip'), 'zeros-1g.zip')).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });

  it('bombs that declare a small size', { timeout: 30_000 }, async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const gz = withIsize(gzipSync(zeros), 1000);
    expect(await expectAsStreaming(gz)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(await expectStreamAsStreaming([gz])).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const zip = withCentralSize(zipSync({ 'r.xml': zeros }), 1000);
    expect(await expectAsStreaming(zip)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('output past what may be kept is counted, not held: the buffer stops growing there', () => {
    // 8 MB of zeros from 8 KB: past 1 MiB the limits (here) allow no more, and gunzipWhole leaves it to streaming.
    const gz = gzipSync(new Uint8Array(8 * 1024 * 1024));
    const fresh = new InflateStream(always);
    expect(gunzipWhole(fresh, gz, (bytes) => bytes <= 1024 * 1024)).toBeUndefined();
    expect(fresh.capacity).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(fresh.pending).toBe(0);
  });

  it('a true size over the decompression limits is refused as streaming refuses it', async () => {
    const padded = utf8(
      reportXml({ records: [recordXml()] }).replace('<feedback>', `<feedback>${' '.repeat(3 * 1024 * 1024)}`),
    );
    const gz = gzipSync(padded);
    // Compared as a Buffer: a deep comparison of 3 MB byte by byte takes the test runner half a minute.
    expect(Buffer.from(whole(gz)!).equals(padded)).toBe(true);
    expect(gunzipWhole(new InflateStream(always), gz, () => false)).toBeUndefined();
    expect(await expectAsStreaming(gz)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(await expectStreamAsStreaming([gz])).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('reads compressed data larger than one input slice, in gzip and in zip alike', async () => {
    // Bytes that do not compress: the gzip and the zip member both hold a little more than INPUT_SLICE of them.
    let seed = 7;
    const noise = new Uint8Array(INPUT_SLICE).map(
      () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) >>> 24,
    );
    const gz = gzipSync(noise, { level: 0 });
    expect(gz.length).toBeGreaterThan(INPUT_SLICE);
    await expectAsStreaming(gz, 'r.bin.gz');
    await expectStreamAsStreaming([gz], 'r.bin.gz');
    const zip = zipSync({ 'r.bin': [noise, { level: 1 }] });
    expect(firstMember(zip).data.length).toBeGreaterThan(INPUT_SLICE);
    await expectAsStreaming(zip, 'r.zip');
  });
});

describe('parseReport gives what streaming gives (fast-check)', () => {
  const sources = [
    xml,
    utf8(reportXml()),
    utf8(`${reportXml()}\n${reportXml({ records: [recordXml({ count: 9 })] })}`),
  ];
  const container = fc.constantFrom('gzip', 'zip');
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('none' as const) }),
    fc.record({ kind: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
    fc.record({
      kind: fc.constant('edit' as const),
      where: fc.double({ min: 0, max: 1, noNaN: true }),
      value: fc.integer({ min: 0, max: 255 }),
    }),
    fc.record({ kind: fc.constant('size' as const), size: fc.integer({ min: 0, max: 0xffffffff }) }),
    fc.record({ kind: fc.constant('members' as const), split: fc.double({ min: 0, max: 1, noNaN: true }) }),
  );

  it('on gzip files and zip members with random damage, sizes and members, held whole or arriving in pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sources), container, mutation, fc.nat(), async (source, kind, m, cut) => {
        let bytes: Uint8Array = kind === 'gzip' ? gzipSync(source) : zipSync({ 'r.xml': source });
        if (m.kind === 'truncate') bytes = bytes.subarray(0, Math.floor(bytes.length * m.fraction));
        if (m.kind === 'append') bytes = concatBytes([bytes, m.bytes]);
        if (m.kind === 'edit') {
          bytes = bytes.slice();
          bytes[Math.floor(m.where * (bytes.length - 1))] = m.value;
        }
        if (m.kind === 'size') bytes = kind === 'gzip' ? withIsize(bytes, m.size) : withCentralSize(bytes, m.size);
        if (m.kind === 'members') {
          const at = Math.floor(source.length * m.split);
          bytes = concatBytes([gzipSync(source.subarray(0, at)), gzipSync(source.subarray(at))]);
        }
        await expectAsStreaming(bytes, `r.${kind}`);
        const at = cut % (bytes.length + 1);
        await expectStreamAsStreaming([bytes.subarray(0, at), bytes.subarray(at)], `r.${kind}`);
      }),
      { numRuns: 400 },
    );
  });
});
