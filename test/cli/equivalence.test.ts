// The streaming CLI writes exactly what the whole-file API gives: every fixture report, in every format, compared
// line by line with parseReport's result put through the same formatters.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../core/report/parseReport';
import type { AggregateReport, ParseResult } from '../../core/report/types';
import { syntheticReport } from '../bench/generateAggregateXml';
import { CSV_HEADER, csvRecordRows, jsonErrorLine, jsonReportLine, parsedmarcLine } from '../../cli/formatReports';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/dmarc-lens.mjs', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/reports', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return name.endsWith('.tsv') || name.endsWith('.md') ? [] : [path];
  });
}

const files = filesUnder(fixtures).sort();
const results = new Map<string, ParseResult>();

beforeAll(async () => {
  for (const file of files) results.set(file, await parseReport(readFileSync(file), { fileName: basename(file) }));
}, 120_000);

/** Where two outputs first differ, line by line: undefined when they are the same. */
function firstDifference(
  actual: string,
  expected: string,
): { line: number; actual?: string; expected?: string } | undefined {
  if (actual === expected) return undefined;
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = a.findIndex((text, i) => text !== e[i]);
  const at = line === -1 ? a.length : line;
  return { line: at + 1, actual: a[at], expected: e[at] };
}

async function cli(format: string): Promise<string> {
  try {
    return (await run(process.execPath, [bin, 'parse', '--format', format, ...files], { maxBuffer: 512 * 2 ** 20 }))
      .stdout;
  } catch (error) {
    // Some fixtures are not reports: exit status 1, output complete.
    return (error as { stdout: string }).stdout;
  }
}

describe(`the CLI on the ${files.length} fixture files`, () => {
  it('JSON lines are the lines of parseReport’s reports and errors', { timeout: 180_000 }, async () => {
    let expected = '';
    for (const file of files) {
      const result = results.get(file)!;
      if (!result.ok) expected += jsonErrorLine(file, result.error, result.warnings);
      else
        for (const parsed of result.reports)
          expected += jsonReportLine(file, parsed, [...parsed.warnings, ...result.warnings]);
    }
    // The 121 files of PROVENANCE.tsv.
    expect(files.length).toBe(121);
    expect(firstDifference(await cli('json'), expected)).toBeUndefined();
  });

  it('parsedmarc lines are toParsedmarcJson of parseReport’s reports', { timeout: 180_000 }, async () => {
    let expected = '';
    for (const file of files) {
      const result = results.get(file)!;
      if (!result.ok) expected += jsonErrorLine(file, result.error, result.warnings);
      else for (const parsed of result.reports) expected += parsedmarcLine(parsed.report);
    }
    expect(firstDifference(await cli('parsedmarc'), expected)).toBeUndefined();
  });

  it('CSV rows are the rows of parseReport’s aggregate records', { timeout: 180_000 }, async () => {
    let expected = CSV_HEADER;
    for (const file of files) {
      const result = results.get(file)!;
      if (!result.ok) continue;
      for (const { report } of result.reports) {
        if (report.kind === 'aggregate') expected += csvRecordRows(file, report, report.records);
      }
    }
    expect(firstDifference(await cli('csv'), expected)).toBeUndefined();
  });
});

describe('a file of several reports', () => {
  it(
    'gives its lines in reading order: the first report with records, then each other in order',
    { timeout: 120_000 },
    async () => {
      // A report without records is known only at the end of the file; the reports after it with records are spooled.
      const withRecords = (seed: number) => syntheticReport(40_000, seed).xml;
      const noRecords = withRecords(9).replace(/<record>[\s\S]*<\/record>\n/, '');
      const dir = mkdtempSync(join(tmpdir(), 'dmarc-lens-order-'));
      try {
        const zip = join(dir, 'reports.zip');
        writeFileSync(
          zip,
          zipSync({ 'a.xml': strToU8(withRecords(1)), 'b.xml': strToU8(noRecords), 'c.xml': strToU8(withRecords(3)) }),
        );
        const result = await parseReport(readFileSync(zip), { fileName: 'reports.zip' });
        if (!result.ok) throw new Error(result.error.message);
        expect(result.reports.map((r) => [r.path.at(-1), (r.report as AggregateReport).records.length > 0])).toEqual([
          ['a.xml', true],
          ['b.xml', false],
          ['c.xml', true],
        ]);
        const { stdout } = await run(process.execPath, [bin, 'parse', zip], { maxBuffer: 64 * 2 ** 20 });
        expect(stdout).toBe(
          result.reports
            .map((parsed) => jsonReportLine(zip, parsed, [...parsed.warnings, ...result.warnings]))
            .join(''),
        );
        const parsedmarc = await run(process.execPath, [bin, 'parse', '--format', 'parsedmarc', zip], {
          maxBuffer: 64 * 2 ** 20,
        });
        expect(parsedmarc.stdout).toBe(result.reports.map((parsed) => parsedmarcLine(parsed.report)).join(''));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
