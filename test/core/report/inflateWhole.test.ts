// Small gzip files and zip members are inflated in one call (core/report/inflateWhole.ts) only when that gives exactly
// what streaming gives. Each case where it must not — lying sizes, a wrong CRC, several gzip members, bytes after the
// member, damage, truncation, bombs — is checked to fall back, and parseReport's result is compared whole with a
// parseReport whose one-call inflation is switched off (the streaming path alone).
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { deflateSync, gzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { concatBytes } from '../../../core/report/concatBytes';
import { gunzipWhole, inflateWhole, WHOLE_INFLATE_MAX_BYTES } from '../../../core/report/inflateWhole';
import { INPUT_SLICE } from '../../../core/report/limits';
import { parseReport, parseReportStream } from '../../../core/report/parseReport';
import { readZipEntries } from '../../../core/report/readZipEntries';
import { recordXml, reportXml, utf8 } from '../../helpers/reportXml';

const xml = utf8(
  reportXml({ records: Array.from({ length: 15 }, (_, i) => recordXml({ count: i + 1, ip: `192.0.2.${i}` })) }),
);
const messages = (15 * 16) / 2;
const always = () => true;

let streamingOnly: typeof parseReport;
let streamingOnlyStream: typeof parseReportStream;
beforeAll(async () => {
  vi.resetModules();
  vi.doMock('../../../core/report/inflateWhole', async (actual: () => Promise<object>) => ({
    ...(await actual()),
    inflateWhole: () => undefined,
    gunzipWhole: () => undefined,
  }));
  ({ parseReport: streamingOnly, parseReportStream: streamingOnlyStream } =
    await import('../../../core/report/parseReport'));
  vi.doUnmock('../../../core/report/inflateWhole');
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

describe('one-call inflation where it is exact', () => {
  it('reads a small gzip file in one call, as streaming reads it', async () => {
    const gz = gzipSync(xml);
    expect(gunzipWhole(gz, always)).toEqual(xml);
    expect(messagesOf(await expectAsStreaming(gz, 'r.xml.gz'))).toBe(messages);
  });

  it('reads a small zip member in one call, as streaming reads it', async () => {
    const zip = zipSync({ 'r.xml': xml });
    const { data, size, crc } = firstMember(zip);
    expect(inflateWhole(data, size, crc, always)).toEqual(xml);
    // A CRC that does not match leaves the member to streaming.
    expect(inflateWhole(data, size, crc ^ 1, always)).toBeUndefined();
    expect(messagesOf(await expectAsStreaming(zip, 'r.zip'))).toBe(messages);
  });

  it('reads every optional gzip header field (FEXTRA, FNAME, FCOMMENT, FHCRC)', async () => {
    const gz = gzipWithHeader(xml, {
      extra: Uint8Array.of(1, 2, 3),
      name: 'r.xml',
      comment: 'a report',
      headerCrc: true,
    });
    expect(gunzipWhole(gz, always)).toEqual(xml);
    expect(messagesOf(await expectAsStreaming(gz))).toBe(messages);
  });

  it('reads stored (level 0) DEFLATE blocks and nested gzip', async () => {
    const stored = gzipSync(xml, { level: 0 });
    expect(gunzipWhole(stored, always)).toEqual(xml);
    expect(messagesOf(await expectAsStreaming(stored))).toBe(messages);
    expect(messagesOf(await expectAsStreaming(gzipSync(gzipSync(xml)), 'r.xml.gz.gz'))).toBe(messages);
    expect(messagesOf(await expectAsStreaming(zipSync({ 'inner.zip': zipSync({ 'r.xml.gz': gzipSync(xml) }) })))).toBe(
      messages,
    );
  });

  it('reads an empty gzip and an empty zip member as streaming does', async () => {
    await expectAsStreaming(gzipSync(new Uint8Array(0)), 'empty.gz');
    await expectAsStreaming(zipSync({ 'empty.xml': new Uint8Array(0) }), 'empty.zip');
  });
});

describe('falls back to streaming when a declared size is wrong', () => {
  it('gzip ISIZE one more, one less, zero or huge', async () => {
    const gz = gzipSync(xml);
    for (const size of [xml.length + 1, xml.length - 1, 0, 0xffffffff]) {
      expect(gunzipWhole(withIsize(gz, size), always)).toBeUndefined();
      expect(messagesOf(await expectAsStreaming(withIsize(gz, size)))).toBe(messages);
    }
  });

  it('zip central directory size one more, one less, zero or huge', async () => {
    const zip = zipSync({ 'r.xml': xml });
    for (const size of [xml.length + 1, xml.length - 1, 0, 0xffffffff]) {
      const lying = withCentralSize(zip, size);
      const { data, crc } = firstMember(lying);
      expect(inflateWhole(data, size, crc, always)).toBeUndefined();
      expect(messagesOf(await expectAsStreaming(lying, 'r.zip'))).toBe(messages);
    }
  });

  it('a stored block longer than the declared size', async () => {
    const stored = gzipSync(xml, { level: 0 });
    expect(gunzipWhole(withIsize(stored, 100), always)).toBeUndefined();
    expect(messagesOf(await expectAsStreaming(withIsize(stored, 100)))).toBe(messages);
  });
});

describe('falls back to streaming for anything but exactly one gzip member', () => {
  it('several members', async () => {
    const half = xml.length >> 1;
    const two = concatBytes([gzipSync(xml.subarray(0, half)), gzipSync(xml.subarray(half))]);
    expect(gunzipWhole(two, always)).toBeUndefined();
    expect(messagesOf(await expectAsStreaming(two))).toBe(messages);
  });

  it('the same member twice (its trailer then checks out against the first member)', async () => {
    const gz = gzipSync(xml);
    const twice = concatBytes([gz, gz]);
    expect(gunzipWhole(twice, always)).toBeUndefined();
    const result = await expectAsStreaming(twice, 'twice.xml.gz');
    expect(result.ok && result.reports.length).toBe(2);
  });

  it('bytes after the member, whatever their number (Mimecast)', async () => {
    const gz = gzipSync(xml);
    for (const extra of [1, 3, 4, 8, 100]) {
      const trailing = concatBytes([gz, utf8('\r\n'.repeat(extra).slice(0, extra))]);
      expect(gunzipWhole(trailing, always)).toBeUndefined();
      const result = await expectAsStreaming(trailing, 'mimecast.xml.gz');
      expect(messagesOf(result)).toBe(messages);
    }
  });

  it('bytes after the member that end in a copy of its trailer: the same report, without the warning about them', async () => {
    // The one case the trailer check cannot tell from one member: only a file made to end in a copy of the trailer.
    const gz = gzipSync(xml);
    const crafted = concatBytes([gz, utf8('junk'), gz.subarray(gz.length - 8)]);
    expect(gunzipWhole(crafted, always)).toEqual(xml);
    const streamed = await streamingOnly(crafted, { fileName: 'crafted.xml.gz' });
    expect(streamed.warnings.join()).toMatch(/ignored bytes after the end of the gzip data/);
    const result = await parseReport(crafted, { fileName: 'crafted.xml.gz' });
    expect(result).toEqual({ ...streamed, warnings: streamed.warnings.filter((w) => !/ignored bytes after/.test(w)) });
  });

  it('a wrong CRC in the trailer', async () => {
    const gz = gzipSync(xml);
    const wrong = setU32(gz, gz.length - 8, crc32(xml) ^ 1);
    expect(gunzipWhole(wrong, always)).toBeUndefined();
    expect(messagesOf(await expectAsStreaming(wrong))).toBe(messages);
  });

  it('an unterminated file name in the header', async () => {
    const gz = gzipWithHeader(xml, { name: 'r.xml' });
    const cut = gz.subarray(0, 14);
    expect(gunzipWhole(cut, always)).toBeUndefined();
    await expectAsStreaming(cut);
  });
});

describe('input read chunk by chunk (parseReportStream)', () => {
  // eslint-disable-next-line @typescript-eslint/require-await -- an async generator is the AsyncIterable the API reads (its yields await); nothing else to await
  async function* chunks(...parts: Uint8Array[]) {
    yield* parts;
  }

  it('reads members arriving one chunk each, and bytes after them, as streaming does', async () => {
    const half = xml.length >> 1;
    const one = gzipSync(xml.subarray(0, half));
    const two = gzipSync(xml.subarray(half));
    for (const parts of [
      [one, two],
      [gzipSync(xml), utf8('\r\n\r\n')],
      [gzipSync(xml), two.subarray(0, 20)],
      [one.subarray(0, 9), one.subarray(9), two],
    ]) {
      const result = await parseReportStream(chunks(...parts), { fileName: 'r.xml.gz' });
      expect(result).toEqual(await streamingOnlyStream(chunks(...parts), { fileName: 'r.xml.gz' }));
    }
  });
});

describe('falls back to streaming for damaged or truncated data', () => {
  it('a truncated gzip file, at every length', async () => {
    const gz = gzipSync(xml);
    for (let length = 0; length < gz.length; length += 7) {
      expect(gunzipWhole(gz.subarray(0, length), always)).toBeUndefined();
      await expectAsStreaming(gz.subarray(0, length), 'cut.xml.gz');
    }
  });

  it('a truncated zip member (compressed size cut in the central directory)', async () => {
    const zip = zipSync({ 'r.xml': xml });
    const central = zip.findIndex(
      (_, i) => zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2,
    );
    const cut = setU32(zip, central + 20, firstMember(zip).data.length - 10);
    const { data, size, crc } = firstMember(cut);
    expect(inflateWhole(data, size, crc, always)).toBeUndefined();
    expect(await expectAsStreaming(cut, 'cut.zip')).toMatchObject({ ok: false, error: { code: 'corrupt-archive' } });
  });

  it('damaged DEFLATE data', async () => {
    const gz = gzipSync(xml);
    for (const at of [12, 40, gz.length >> 1, gz.length - 12]) {
      const damaged = gz.slice();
      damaged[at] = damaged[at]! ^ 0xff;
      await expectAsStreaming(damaged, 'damaged.xml.gz');
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
    expect(gunzipWhole(gz, always)).toBeUndefined();
    expect(await expectAsStreaming(gz)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const zip = withCentralSize(zipSync({ 'r.xml': zeros }), 1000);
    expect(inflateWhole(firstMember(zip).data, 1000, firstMember(zip).crc, always)).toBeUndefined();
    expect(await expectAsStreaming(zip)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('a true size over the decompression limits is left to streaming, which refuses it', async () => {
    const padded = utf8(
      reportXml({ records: [recordXml()] }).replace('<feedback>', `<feedback>${' '.repeat(3 * 1024 * 1024)}`),
    );
    const gz = gzipSync(padded);
    expect(gunzipWhole(gz, always)).toBeDefined();
    expect(gunzipWhole(gz, () => false)).toBeUndefined();
    expect(await expectAsStreaming(gz)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('streams compressed data larger than one input slice, in gzip and in zip alike', () => {
    // Bytes that do not compress: the gzip and the zip member both hold a little more than INPUT_SLICE of them.
    let seed = 7;
    const noise = new Uint8Array(INPUT_SLICE).map(
      () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) >>> 24,
    );
    const gz = gzipSync(noise, { level: 0 });
    expect(gz.length).toBeGreaterThan(INPUT_SLICE);
    expect(gunzipWhole(gz, always)).toBeUndefined();
    const zip = zipSync({ 'r.bin': [noise, { level: 1 }] });
    const member = firstMember(zip);
    expect(member.data.length).toBeGreaterThan(INPUT_SLICE);
    expect(inflateWhole(member.data, member.size, member.crc, always)).toBeUndefined();
    // One slice less of the same bytes fits, and is inflated in one call.
    const smaller = noise.subarray(0, INPUT_SLICE / 2);
    expect(gunzipWhole(gzipSync(smaller, { level: 0 }), always)).toEqual(smaller);
  });

  it('allocates at most WHOLE_INFLATE_MAX_BYTES + 1 bytes, whatever the size declared', () => {
    const spaces = (n: number) => gzipSync(new Uint8Array(n).fill(0x20));
    expect(gunzipWhole(spaces(WHOLE_INFLATE_MAX_BYTES), always)?.length).toBe(WHOLE_INFLATE_MAX_BYTES);
    expect(gunzipWhole(spaces(WHOLE_INFLATE_MAX_BYTES + 1), always)).toBeUndefined();
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

  it('on gzip files and zip members with random damage, sizes and members', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sources), container, mutation, async (source, kind, m) => {
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
      }),
      { numRuns: 400 },
    );
  });
});
