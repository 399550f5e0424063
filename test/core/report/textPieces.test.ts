// The aggregate reader is handed text in small pieces whatever size of chunk the bytes arrive in: a gzip or zip member
// inflated in one call comes out as one chunk of the whole document, and the reader was far slower on such strings
// than on the same text in pieces (docs/benchmarks.md, issue 19). What is read must not depend on the pieces.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AggregateXmlReader } from '../../../core/report/AggregateXmlReader';
import { parseReport, parseReportStream } from '../../../core/report/parseReport';
import type { AggregateReport, ParseResult } from '../../../core/report/types';
import { FIXTURE_REPORTS } from '../../corpus/readManifest';

/** 909,324 bytes, 2,286 records of one message each (test/fixtures/reports/PROVENANCE.tsv). */
const LARGE = new Uint8Array(
  readFileSync(`${FIXTURE_REPORTS}domainaware__parsedmarc/!large-example.com!1711897200!1711983600.xml`),
);

function reportOf(result: ParseResult): AggregateReport {
  if (!result.ok) throw new Error(result.error.message);
  expect(result.reports).toHaveLength(1);
  return result.reports[0]!.report as AggregateReport;
}

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield await Promise.resolve(bytes);
}

/** `bytes` in chunks of the given sizes, in turn, to the end. */
async function* chunksOf(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  for (let at = 0, n = 0; at < bytes.length; n++) {
    const size = sizes[n % sizes.length]!;
    yield await Promise.resolve(bytes.subarray(at, at + size));
    at += size;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('text pieces handed to the aggregate reader', () => {
  const inputs: Array<[string, () => Promise<ParseResult>]> = [
    ['plain XML', () => parseReport(LARGE, { fileName: 'large.xml' })],
    // Compressed to under 64 KiB: inflated in one call into one 909 KB chunk.
    ['a small .gz', () => parseReport(gzipSync(LARGE), { fileName: 'large.xml.gz' })],
    // Stored blocks: 909 KB of gzip, inflated by the streaming Gunzip.
    ['a stored .gz', () => parseReport(gzipSync(LARGE, { level: 0 }), { fileName: 'large.xml.gz' })],
    ['a .zip member', () => parseReport(zipSync({ 'large.xml': LARGE }), { fileName: 'large.zip' })],
    ['a stream of one chunk', () => parseReportStream(oneChunk(LARGE), { fileName: 'large.xml' })],
  ];

  it.each(inputs)('from %s: no piece over 32 KiB, the same 2,286 records', async (_what, parse) => {
    const expected = reportOf(await parseReport(LARGE, { fileName: 'large.xml' }));
    const push = vi.spyOn(AggregateXmlReader.prototype, 'push');
    const report = reportOf(await parse());
    const pieces = push.mock.calls.map(([text]) => text.length);
    expect(Math.max(...pieces)).toBeLessThanOrEqual(32 * 1024);
    // Every character of the document passed through, once (the file is ASCII: one character a byte).
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(LARGE.length);
    expect(report.records).toHaveLength(2286);
    expect(report.records.reduce((n, r) => n + r.count, 0)).toBe(2286);
    expect(report).toEqual(expected);
  });

  it('reads the same report from plain and gzipped bytes in chunks of any sizes', async () => {
    const expected = reportOf(await parseReport(LARGE, { fileName: 'large.xml' }));
    const gzipped = gzipSync(LARGE, { level: 1 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (sizes, gzip) => {
          const bytes = gzip ? gzipped : LARGE;
          const report = reportOf(await parseReportStream(chunksOf(bytes, sizes), { fileName: 'large.xml' }));
          expect(report).toEqual(expected);
        },
      ),
      { numRuns: 8 },
    );
  });
});
