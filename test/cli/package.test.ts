// The tool as a user gets it: `npm pack`, installed into an empty folder with no network, run from there. It must bring
// nothing but itself (the core and its libraries are bundled; no browser-app dependency), say its version, and read a
// report exactly as the TypeScript in this clone does.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const report = fileURLToPath(new URL('../fixtures/reports/DSalko__dmarc_parser/complete.xml', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

describe('the packed command-line tool', () => {
  let work: string;
  let installed: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'dmarc-lens-pack-'));
    // `npm pack` builds the bundle itself (the prepare script), so this also checks that the build works.
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root });
    // The prepare script's own output comes first on standard output (the ASN table's "is up to date"): npm's JSON is
    // the array from the first line that opens one.
    const [{ filename }] = JSON.parse(stdout.slice(stdout.search(/^\[/m))) as [{ filename: string }];
    installed = join(work, 'app');
    rmSync(installed, { recursive: true, force: true });
    await run('mkdir', ['-p', installed]);
    writeFileSync(join(installed, 'package.json'), '{"name":"empty-folder","private":true}\n');
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, filename)], { cwd: installed });
  }, 180_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('installs as one package with no dependencies', () => {
    const packages = readdirSync(join(installed, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(packages).toEqual(['dmarc-lens']);
    const files = readdirSync(join(installed, 'node_modules/dmarc-lens'), { recursive: true }).map(String).sort();
    expect(files).toEqual([
      'README.md',
      'bin',
      'bin/dmarc-lens.mjs',
      'dist',
      'dist/cli',
      'dist/cli/dmarc-lens.mjs',
      'dist/cli/vendor',
      'dist/cli/vendor/imapflow.mjs',
      'dist/cli/vendor/pg.mjs',
      'package.json',
    ]);
  });

  it('says its version and reads a report exactly as the clone does', async () => {
    const tool = join(installed, 'node_modules/.bin/dmarc-lens');
    expect((await run(tool, ['--version'])).stdout).toBe(`${version}\n`);
    const fromPackage = await run(tool, ['parse', '--format', 'csv', report]);
    const fromClone = await run(process.execPath, [
      join(root, 'bin/dmarc-lens.mjs'),
      'parse',
      '--format',
      'csv',
      report,
    ]);
    expect(fromPackage.stdout).toBe(fromClone.stdout);
    // A header and the 12 records of the report (MANIFEST: DSalko__dmarc_parser/complete.xml, 12 records).
    expect(fromPackage.stdout.trimEnd().split('\n')).toHaveLength(13);
  });

  it('answers --help on standard output with status 0, and parses without the IMAP client or the database driver', async () => {
    const tool = join(installed, 'node_modules/.bin/dmarc-lens');
    const help = await run(tool, ['--help']);
    expect(help.stdout).toMatch(/^usage: dmarc-lens parse /);
    expect(help.stderr).toBe('');
    // A copy of the installed package without its vendored bundles: parse and senders never import them.
    const copy = join(work, 'without-vendor');
    cpSync(join(installed, 'node_modules/dmarc-lens'), copy, { recursive: true });
    rmSync(join(copy, 'dist/cli/vendor'), { recursive: true });
    const bin = join(copy, 'bin/dmarc-lens.mjs');
    const parsed = await run(process.execPath, [bin, 'parse', '--format', 'csv', report]);
    expect(parsed.stdout.trimEnd().split('\n')).toHaveLength(13);
    const senders = await run(process.execPath, [bin, 'senders', report]);
    expect(senders.stdout).not.toBe('');
    // fetch --imap does import the IMAP client: without it, it fails, naming the missing file.
    const fetched = await run(
      process.execPath,
      [bin, 'fetch', '--imap', 'imap://u@127.0.0.1:9/INBOX', '--insecure', '--state', join(work, 'fetch-state.json')],
      {
        env: { ...process.env, DMARC_LENS_IMAP_PASSWORD: 'x' },
      },
    ).catch((error: { stderr: string; code: number }) => error);
    expect(fetched.stderr).toContain('vendor/imapflow.mjs');
  });
});
