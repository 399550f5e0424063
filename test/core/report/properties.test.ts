// Property-based tests (fast-check): whatever bytes arrive — random, truncated or mutated real reports — parseReport
// returns a typed result and never throws or hangs.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import type { ParseResult } from '../../../core/report/types';
import { FIXTURE_REPORTS, readManifest } from '../../corpus/readManifest';

const ERROR_CODES = [
  'empty',
  'not-a-report',
  'corrupt-archive',
  'too-large',
  'encrypted',
  'unsupported',
  'malformed',
  'aborted',
];

function expectTyped(result: ParseResult): void {
  if (result.ok) {
    expect(Array.isArray(result.reports)).toBe(true);
    for (const r of result.reports) expect(['aggregate', 'failure', 'tls']).toContain(r.report.kind);
  } else {
    expect(ERROR_CODES).toContain(result.error.code);
    expect(typeof result.error.message).toBe('string');
  }
}

const fixtures = readManifest(`${FIXTURE_REPORTS}PROVENANCE.tsv`)
  .filter((e) => e.format !== 'eml' || e.reportType === 'aggregate')
  .map((e) => new Uint8Array(readFileSync(FIXTURE_REPORTS + e.relativePath)))
  .filter((bytes) => bytes.length < 64 * 1024);

describe('parseReport never throws', () => {
  it('on random byte strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => expectTyped(await parseReport(bytes))),
      { numRuns: 300 },
    );
  });

  it('on random bytes behind real magic numbers (gzip, zip, XML, JSON, email)', async () => {
    const prefixes = [
      [0x1f, 0x8b, 8, 0],
      [0x50, 0x4b, 3, 4],
      [...'<?xml version="1.0"?><feedback>'].map((c) => c.charCodeAt(0)),
      [0x7b],
      [...'From: a@b\r\nSubject: x\r\n'].map((c) => c.charCodeAt(0)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 2048 }), async (prefix, rest) =>
        expectTyped(await parseReport(Uint8Array.from([...prefix, ...rest]))),
      ),
      { numRuns: 300 },
    );
  });

  it('on every truncation of real reports and of their gzip', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        async (file, fraction, zipped) => {
          const bytes = zipped ? gzipSync(file) : file;
          expectTyped(await parseReport(bytes.subarray(0, Math.floor(bytes.length * fraction))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on real reports with random byte mutations', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 20,
        }),
        async (file, edits) => {
          const bytes = file.slice();
          for (const [where, value] of edits) bytes[Math.floor(where * (bytes.length - 1))] = value;
          expectTyped(await parseReport(bytes));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on real reports with XML-significant characters spliced in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures.filter((f) => f[0] === 0x3c || f[3] === 0x3c)),
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.constantFrom('<', '>', '&', '</record>', '<record>', '</feedback>', '"', '\u0000'),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        async (file, edits) => {
          let text = new TextDecoder().decode(file);
          for (const [where, insert] of edits) {
            const at = Math.floor(where * text.length);
            text = text.slice(0, at) + insert + text.slice(at);
          }
          expectTyped(await parseReport(new TextEncoder().encode(text)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
