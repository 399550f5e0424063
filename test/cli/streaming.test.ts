// The CLI streams: a report far larger than its heap is written in every format, several reports of one file come out
// whole and in order, and reading waits for a slow reader of the output. The real bin script, in child processes.
import { execFile, spawn } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../core/report/parseReport';
import { syntheticReport, writeSyntheticReport } from '../bench/generateAggregateXml';
import type { JsonLine, ParsedmarcLine } from '../helpers/cliLines';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/dmarc-lens.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dmarc-lens-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 30 MB report: the CLI before streaming ran out of a 32 MB heap on it in every format. */
const xml = join(dir, 'large.xml');
const gz = `${xml}.gz`;
let records = 0;
beforeAll(async () => {
  records = await writeSyntheticReport(xml, 30 * 2 ** 20);
  await pipeline(createReadStream(xml), createGzip(), createWriteStream(gz));
}, 120_000);

async function cli(args: string[], options: { heapMB?: number; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const flags = options.heapMB ? [`--max-old-space-size=${options.heapMB}`] : [];
  const { stdout } = await run(process.execPath, [...flags, bin, ...args], {
    maxBuffer: 512 * 2 ** 20,
    env: { ...process.env, ...options.env },
  });
  return stdout;
}

describe('a report larger than the heap', () => {
  it('is written in every format under a 32 MB heap', { timeout: 240_000 }, async () => {
    const [json, csv, parsedmarc] = await Promise.all(
      ['json', 'csv', 'parsedmarc'].map((format) => cli(['parse', '--format', format, gz], { heapMB: 32 })),
    );
    const line = JSON.parse(json!) as JsonLine;
    expect(line.report?.records).toHaveLength(records);
    expect(line.report?.metadata.reportId).toBe(`bench-1-${30 * 2 ** 20}`);
    expect(json!.indexOf('\n')).toBe(json!.length - 1);
    expect(csv!.split('\n')).toHaveLength(1 + records + 1);
    expect((JSON.parse(parsedmarc!) as ParsedmarcLine).records).toHaveLength(records);
  });
});

describe('several reports in one file', () => {
  it(
    'come out as the same lines parseReport gives, in order, a large later one spooled through a temporary file',
    { timeout: 120_000 },
    async () => {
      // Three reports pasted into one file (seen from real reporters): the second one's line is held back (16 MB of
      // JSON, past the spool's memory) until the first one's warnings are known at the end of the file.
      const first = syntheticReport(20_000, 1).xml;
      const second = syntheticReport(24 * 2 ** 20, 2).xml;
      const third = syntheticReport(20_000, 3).xml;
      const pasted = join(dir, 'pasted.xml');
      writeFileSync(pasted, first + second + third);
      const spoolDir = join(dir, 'spool');
      mkdirSync(spoolDir);
      const stdout = await cli(['parse', pasted], { env: { TMPDIR: spoolDir } });
      const result = await parseReport(readFileSync(pasted), { fileName: 'pasted.xml' });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.reports).toHaveLength(3);
      const expected = result.reports.map((parsed) =>
        JSON.stringify({
          file: pasted,
          type: parsed.report.kind,
          path: parsed.path,
          report: parsed.report,
          warnings: [...parsed.warnings, ...result.warnings],
        }),
      );
      const lines = stdout.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(3);
      lines.forEach((line, n) => expect(line === expected[n], `line ${n + 1}`).toBe(true));
      expect(result.reports[0]!.warnings).toContain('3 reports were pasted into one file; read each');
      // The temporary file is gone (tsx keeps its own cache there).
      expect(readdirSync(spoolDir).filter((name) => name.startsWith('dmarc-lens-'))).toEqual([]);
    },
  );
});

/** Where the process `pid` is in the file `path` it has open, or undefined when it has it not open. */
function readPosition(pid: number, path: string): number | undefined {
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (target !== path) continue;
      const match = /^pos:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'));
      if (match) return Number(match[1]);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a slow reader of the output', () => {
  it.skipIf(process.platform !== 'linux')(
    'holds reading back until it has taken what was written',
    { timeout: 180_000 },
    async () => {
      const child = spawn(process.execPath, [bin, 'parse', xml], { stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      // Nobody reads the output yet. Wait until the CLI has opened the file and stopped moving through it.
      let position: number | undefined;
      let still = 0;
      let opened = false;
      for (let waited = 0; waited < 120_000 && still < 8; waited += 250) {
        await sleep(250);
        const now = readPosition(child.pid!, xml);
        if (now === undefined) {
          if (opened) break; // closed: it read to the end without waiting
          continue;
        }
        opened = true;
        still = now === position ? still + 1 : 0;
        position = now;
      }
      const size = statSync(xml).size;
      expect(opened).toBe(true);
      expect(still, 'reading stopped while the output was not read').toBe(8);
      expect(position!).toBeLessThan(size / 4);
      // Now read: the whole report comes out.
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      expect(await exited).toBe(0);
      const line = JSON.parse(Buffer.concat(chunks).toString('utf8')) as JsonLine;
      expect(line.report?.records).toHaveLength(records);
    },
  );
});

describe('a reader that goes away', () => {
  it('ends reading quietly (dmarc-lens parse … | head)', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, [bin, 'parse', '--format', 'csv', gz], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.once('data', () => child.stdout.destroy());
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });
});
