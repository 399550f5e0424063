// `npm run bench:cli`: the command-line tool as a pipeline runs it. In one run:
// - start-up: `dmarc-lens --version` and `--help` from the built bundle, `parse` of one small report (which loads the
//   core), `--version` through bin/ (with its check that the bundle is current) and through tsx (how the tool ran
//   before it was built), each against `node -e 0` measured alternately with it;
// - `dmarc-lens parse` over the corpus and over 10,000 generated small report emails, as files and as one mbox:
//   wall time, reports per second and peak memory;
// - `dmarc-lens parse --to postgres://` with the same emails, and `fetch --dir … --to postgres://`, into a local
//   PostgreSQL started for each run (target for 10,000 emails: < 20 s).
// The issue's targets are printed beside the figures: start-up under 150 ms above bare Node.
// usage: npm run bench:cli [-- --emails N --runs N --only postgres]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest, SHARED_CORPUS, FIXTURE_REPORTS } from '../corpus/readManifest';
import { reportEmail } from '../cli/reportEmails';
import { findPostgresBin, startPostgres } from '../cli/postgresServer';
import { procStatFields, ticksAsSeconds } from './procStat';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = join(root, 'dist/cli/dmarc-lens.mjs');
const bin = join(root, 'bin/dmarc-lens.mjs');
const work = join(root, 'dist/bench/cli');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const EMAILS = option('emails', 10_000);
const RUNS = option('runs', 15);
/** `--only postgres`: only the PostgreSQL runs (the emails are still generated). */
const ONLY_POSTGRES =
  process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'postgres';
const STARTUP_TARGET_MS = 150;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timeOnce(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
  return performance.now() - started;
}

/** Medians of `candidate` and of `node -e 0`, measured one after the other so both see the same machine. */
function startUp(candidate: string[]): { ms: number; bareMs: number } {
  const ms: number[] = [];
  const bare: number[] = [];
  timeOnce(candidate);
  for (let i = 0; i < RUNS; i++) {
    bare.push(timeOnce(['-e', '0']));
    ms.push(timeOnce(candidate));
  }
  return { ms: median(ms), bareMs: median(bare) };
}

interface ParseRun {
  seconds: number;
  reports: number;
  maxRssMB: number;
  status: number | null;
}

// The child reports its own peak resident set size as it exits.
const reportRss = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS='+process.resourceUsage().maxRSS+'\\n'))`;

async function parse(files: string[]): Promise<ParseRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', reportRss, built, 'parse', ...files], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let reports = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 10) reports++;
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const maxRssKB = Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN);
  return { seconds: (performance.now() - started) / 1000, reports, maxRssMB: Math.round(maxRssKB / 1024), status };
}

if (!existsSync(built)) spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'emails'), { recursive: true });

if (!ONLY_POSTGRES) {
  console.log(`start-up, median of ${RUNS} runs each, alternating with node -e 0:`);
  // The target is for the built tool answering --version and --help; the other rows show what loading more costs.
  for (const [label, args, targeted] of [
    ['built bundle --version', [built, '--version'], true],
    ['built bundle --help', [built, '--help'], true],
    ['built bundle, parse one small report', [built, 'parse', join(FIXTURE_REPORTS, 'mjl-__mox/yahoo.eml')], false],
    ['bin/ (checks the bundle is current)', [bin, '--version'], false],
    ['through tsx (before the build)', ['--import', 'tsx', join(root, 'cli/start.ts'), '--version'], false],
  ] as const) {
    const { ms, bareMs } = startUp([...args]);
    const above = ms - bareMs;
    const verdict = above < STARTUP_TARGET_MS ? ', met' : ', NOT met';
    console.log(
      `  ${label.padEnd(38)} ${ms.toFixed(0).padStart(5)} ms, node -e 0 ${bareMs.toFixed(0)} ms: ` +
        `${above.toFixed(0)} ms above bare Node${targeted ? ` (target < ${STARTUP_TARGET_MS} ms${verdict})` : ''}`,
    );
  }
}

const corpusDir = existsSync(`${SHARED_CORPUS}MANIFEST.tsv`) ? SHARED_CORPUS : FIXTURE_REPORTS;
const corpusFrom = corpusDir === SHARED_CORPUS ? '../shared/corpus' : 'test/fixtures/reports';
const corpus = readManifest(`${corpusDir}${corpusDir === SHARED_CORPUS ? 'MANIFEST.tsv' : 'PROVENANCE.tsv'}`).map(
  (entry) => join(corpusDir, entry.relativePath),
);

const files: string[] = [];
const mbox: string[] = [];
for (let i = 0; i < EMAILS; i++) {
  const { email } = reportEmail(i);
  const file = join(work, 'emails', `${i}.eml`);
  writeFileSync(file, email);
  files.push(file);
  mbox.push(`From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n${email.replace(/^From /gm, '>From ')}\n`);
}
writeFileSync(join(work, 'reports.mbox'), mbox.join(''));

if (!ONLY_POSTGRES) {
  console.log(`\ndmarc-lens parse (built), JSON lines to a pipe:`);
  for (const [label, inputs] of [
    [`the corpus (${corpus.length} files from ${corpusFrom})`, corpus],
    [`${EMAILS} report emails as files`, files],
    [`${EMAILS} report emails in one mbox`, [join(work, 'reports.mbox')]],
  ] as const) {
    const run = await parse([...inputs]);
    console.log(
      `  ${label}: ${run.seconds.toFixed(2)} s, ${run.reports} lines, ${(run.reports / run.seconds).toFixed(0)} reports/s, ` +
        `peak ${run.maxRssMB} MB, exit ${run.status}`,
    );
  }
}

// To PostgreSQL: a server of its own with fsync on, as a real one runs; each run into empty tables. Beside the wall time,
// the processor time of the tool and of the server (its postmaster and every backend, from /proc): on a machine busy
// with other work the wall time says little, and their sum over two cores is the least wall time two idle cores need.
const postgresBin = findPostgresBin();
const TARGET_S = 20;
/** `seconds` against the target for 10,000 emails, scaled linearly when the run had another number. */
const ofTarget = (seconds: number): string =>
  `${((seconds * 10_000) / EMAILS / TARGET_S).toFixed(2)}x the ${TARGET_S} s target${EMAILS === 10_000 ? '' : ', scaled to 10,000 emails'}`;
// The child reports its processor time (user and system) as it exits.
const reportCpu = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('cpu='+(u.userCPUTime+u.systemCPUTime)/1e6+'\\n')})`;

/** Processor seconds of `pid` and of its children, living (from /proc) and ended (what the kernel added to it). */
function treeCpuSeconds(pid: number): number {
  let total = ticksAsSeconds(procStatFields(pid), 11, 14);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = procStatFields(entry);
      if (Number(fields[1]) === pid) total += ticksAsSeconds(fields);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

if (!postgresBin) {
  console.log('\ndmarc-lens parse --to postgres: skipped, no PostgreSQL under /usr/lib/postgresql/*/bin');
} else {
  console.log(
    `\ndmarc-lens parse|fetch --to postgres:// (built; a local server, fsync on, empty tables each run; ` +
      `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores):`,
  );
  for (const [label, inputs] of [
    [`parse, ${EMAILS} report emails as files`, ['parse', ...files]],
    [`parse, ${EMAILS} report emails in one mbox`, ['parse', join(work, 'reports.mbox')]],
    [
      `fetch --dir, ${EMAILS} report emails`,
      ['fetch', '--dir', join(work, 'emails'), '--state', join(work, 'state.json')],
    ],
  ] as const) {
    rmSync(join(work, 'state.json'), { force: true });
    const server = await startPostgres(postgresBin, { durable: true });
    try {
      const postmaster = Number(readFileSync(join(server.dir, 'data/postmaster.pid'), 'utf8').split('\n')[0]);
      const serverBefore = treeCpuSeconds(postmaster);
      const started = performance.now();
      const child = spawnSync(process.execPath, ['--import', reportCpu, built, ...inputs, '--to', server.url], {
        encoding: 'utf8',
      });
      const seconds = (performance.now() - started) / 1000;
      // The backends end once they see their connections closed.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const serverCpu = treeCpuSeconds(postmaster) - serverBefore;
      const cliCpu = Number(/cpu=([\d.]+)/.exec(child.stderr)?.[1] ?? NaN);
      const written = /(\d+) reports? written/.exec(child.stderr)?.[1] ?? '?';
      const idle = Math.max(cliCpu, (cliCpu + serverCpu) / 2);
      console.log(
        `  ${label}: ${seconds.toFixed(2)} s wall (${ofTarget(seconds)}), ` +
          `${written} reports written, ${(Number(written) / seconds).toFixed(0)} reports/s, exit ${child.status}; ` +
          `processor ${cliCpu.toFixed(1)} s dmarc-lens + ${serverCpu.toFixed(1)} s PostgreSQL: at least ` +
          `${idle.toFixed(1)} s on two idle cores (${ofTarget(idle)})`,
      );
    } finally {
      await server.stop();
    }
  }
  console.log(
    "  parsedmarc's figure for the same work is not measured here: it needs parsedmarc and its Python dependencies.",
  );
}
