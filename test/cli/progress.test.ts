// Progress and quiet through the real command (bin/dmarc-lens.mjs in a child process). A run is held up by a named
// pipe among its files, which the test fills only once a progress line was drawn while the run waits at it (or after
// 30 s, and the test fails). The counts are the fixtures' PROVENANCE records: nice-input.xml 20, the RFC 9990 example 2, usssa.com 2, and
// smtp_tls.json a TLS report without records.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { showsProgress } from '../../cli/progress';
import { FIXTURE_REPORTS } from '../corpus/readManifest';

const bin = fileURLToPath(new URL('../../bin/dmarc-lens.mjs', import.meta.url));
const fixture = (name: string) => `${FIXTURE_REPORTS}domainaware__parsedmarc/${name}`;
const nice = fixture('nice-input.xml');
const rfc9990 = fixture('rfc9990-example.net!example.com!1700000000!1700086399.xml');
const usssa = fixture('usssa.com!example.com!1538784000!1538870399.xml');
const smtpTls = fixture('smtp_tls.json');
/** The terminal's "erase to the end of the line". */
const ERASE = '\u001b[K';
/** A line the progress reporter writes: files, reports, records and the two rates. */
const PROGRESS = /^dmarc-lens: (.+?), (\d+) reports?, ([\d,]+) records?; [\d,]+ reports\/s, [\d,]+ records\/s$/;

const dir = mkdtempSync(join(tmpdir(), 'dmarc-lens-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A named pipe that will hold the usssa.com report once `fill` is called. */
function slowFile(name: string): { path: string; fill: () => void } {
  const path = join(dir, name);
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return {
    path,
    fill: () => {
      const stream = createWriteStream(path);
      stream.end(readFileSync(usssa));
    },
  };
}

/**
 * Runs `command` with `args` and fills `pipe` once what the child wrote to `watched` shows the run waiting at it;
 * gives what the child wrote.
 */
async function runHeldUp(
  command: string,
  args: string[],
  pipe: { fill: () => void },
  watched: 'stdout' | 'stderr',
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const text = { stdout: '', stderr: '' };
  let filled = false;
  const fill = () => {
    if (!filled) pipe.fill();
    filled = true;
  };
  for (const name of ['stdout', 'stderr'] as const) {
    child[name].on('data', (chunk: Buffer) => {
      text[name] += chunk.toString();
      if (name === watched && text[name].includes('2 of 4 files')) fill();
    });
  }
  const timer = setTimeout(fill, 30_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { ...text, code };
}

describe('progress on stderr', () => {
  it('writes plain lines with --progress, at most one a second and only when the counts moved', async () => {
    const pipe = slowFile('held-plain.xml');
    const started = Date.now();
    const { stderr, code } = await runHeldUp(
      process.execPath,
      [bin, 'parse', '--format', 'es', '--progress', nice, rfc9990, pipe.path, smtpTls],
      pipe,
      'stderr',
    );
    const seconds = (Date.now() - started) / 1000;
    expect(code).toBe(0);
    const lines = stderr.split('\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(PROGRESS);
    const counts = lines.map((line) => PROGRESS.exec(line)!.slice(1, 4));
    // While the pipe holds the run: two files read, the same line not repeated however long it waits.
    expect(counts[0]).toEqual(['2 of 4 files', '2', '22']);
    expect(new Set(counts.slice(0, -1).map((c) => c.join())).size).toBe(counts.length - 1);
    expect(counts.at(-1)).toEqual(['4 of 4 files', '4', '24']);
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  });

  it('rewrites one line in place on a terminal and leaves the last one standing', async () => {
    const pipe = slowFile('held-tty.xml');
    const command = [process.execPath, bin, 'parse', '--format', 'es', nice, rfc9990, pipe.path, smtpTls]
      .map((part) => `'${part}'`)
      .join(' ');
    // `script` gives the command a terminal; its standard output goes to /dev/null, so the terminal shows stderr.
    const { stdout, code } = await runHeldUp(
      'script',
      ['-qefc', `${command} > /dev/null`, '/dev/null'],
      pipe,
      'stdout',
    );
    expect(code).toBe(0);
    // Each drawing: a carriage return, the line, then "erase to the end of the line" (a warning would clear it first).
    const drawn = stdout.split('\r').filter((part) => part !== '' && part !== ERASE && part !== '\n');
    expect(drawn.length).toBeGreaterThanOrEqual(2);
    for (const part of drawn) expect(part.endsWith(ERASE)).toBe(true);
    const counts = drawn.map((part) => PROGRESS.exec(part.slice(0, -ERASE.length))?.slice(1, 4));
    expect(counts[0]).toEqual(['2 of 4 files', '2', '22']);
    expect(counts.at(-1)).toEqual(['4 of 4 files', '4', '24']);
    // The last line stays: a line break ends it (the terminal writes \r\n).
    expect(stdout.endsWith(`${ERASE}\r\n`)).toBe(true);
  });

  it('is silent when stderr is not a terminal and --progress is not given', () => {
    const result = spawnSync(process.execPath, [bin, 'parse', '--format', 'csv', nice, rfc9990], { encoding: 'utf8' });
    expect([result.status, result.stderr]).toEqual([0, '']);
  });

  it('counts fetched files too, their number unknown beforehand', () => {
    const folder = join(dir, 'inbox');
    mkdirSync(folder);
    copyFileSync(nice, join(folder, 'a.xml'));
    copyFileSync(usssa, join(folder, 'b.xml'));
    const state = join(dir, 'fetch-state.json');
    const result = spawnSync(
      process.execPath,
      [bin, 'fetch', '--dir', folder, '--state', state, '--format', 'csv', '--progress'],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines.filter((line) => PROGRESS.test(line)).at(-1)).toMatch(/^dmarc-lens: 2 files, 2 reports, 22 records;/);
  });
});

describe('when progress shows without --progress', () => {
  const terminal = (stdoutIsTty: boolean) => ({ stderrIsTty: true, stdoutIsTty });
  it('shows on a terminal whose screen the output does not share', () => {
    expect(showsProgress(['parse', 'a.xml'], false, terminal(false))).toBe(true);
    expect(showsProgress(['parse', 'a.xml'], false, terminal(true))).toBe(false);
    expect(showsProgress(['fetch', '--dir', 'd', '--out', 'f.jsonl'], false, terminal(true))).toBe(true);
    expect(showsProgress(['fetch', '--dir', 'd', '--out=f.jsonl'], false, terminal(true))).toBe(true);
    expect(showsProgress(['parse', '--to', 'postgres://u@h/db', 'a.xml'], false, terminal(true))).toBe(true);
    expect(showsProgress(['parse', '--outline.xml'], false, terminal(true))).toBe(false);
    expect(showsProgress(['parse', 'a.xml'], false, { stderrIsTty: false, stdoutIsTty: false })).toBe(false);
    expect(showsProgress(['parse', 'a.xml'], false, undefined)).toBe(false);
    expect(showsProgress(['parse', 'a.xml'], true, undefined)).toBe(true);
  });
});

describe('--quiet', () => {
  const tls = fixture('rfc8460.json');
  const empty = fixture('empty.xml');

  it('keeps the errors and silences warnings and progress', () => {
    const loud = spawnSync(process.execPath, [bin, 'parse', '--format', 'csv', '--progress', tls, empty], {
      encoding: 'utf8',
    });
    const loudLines = loud.stderr.split('\n').filter(Boolean);
    expect(loudLines.slice(0, 3)).toEqual([
      `${tls}: SMTP TLS report is not written as --format csv; use --format json`,
      `${tls}: policies[0].policy: mx-host is a string, not a list; read as a one-item list`,
      'empty.xml: the file is empty',
    ]);
    expect(loudLines[3]).toMatch(/^dmarc-lens: 2 of 2 files, 1 report, 0 records;/);
    const quiet = spawnSync(process.execPath, [bin, 'parse', '--format', 'csv', '--quiet', '--progress', tls, empty], {
      encoding: 'utf8',
    });
    expect([quiet.status, quiet.stderr]).toEqual([1, 'empty.xml: the file is empty\n']);
  });
});
