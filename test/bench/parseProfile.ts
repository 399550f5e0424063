// Where a parse's time goes in Chromium, and two trees side by side in one page, for diagnosis beside `npm run bench --
// --browser`. `node --import tsx test/bench/parseProfile.ts synthetic-20MB.xml.gz [--runs N] [--mode
// ours|ceiling|ceiling-native|inflate|inflate-ours|decode] [--against DIR] [--profile]` (a file under dist/bench, written by the
// bench). Every run is timed in the page (wall ms) with the renderer's CPU ms; with `--against DIR` (another worktree)
// the same page also holds that tree's parseReport, and the two run alternately, run by run, so that both see the same
// machine. `--profile` takes a CDP CPU profile over the runs and prints self time by function and by line.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpuSecondsOf, openParsePage, rendererPids, serveParsePage, workDir } from './parseBrowserPage';

const PORT = Number(process.env.BENCH_PORT ?? 4318);
const MARKER = `dmarc-lens-parse-profile-${process.pid}`;

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1]!;
};
const fileName = args[0] ?? 'synthetic-20MB.xml.gz';
const runs = Number(option('--runs', '10'));
const mode = option('--mode', 'ours');
const against = option('--against', '');
const profile = args.includes('--profile');

const here = fileURLToPath(new URL('.', import.meta.url));
const page = `
  import { parseReport } from './../../core/report/parseReport';
  ${against ? `import { parseReport as parseAgainst } from '${against}/core/report/parseReport';` : 'const parseAgainst = undefined;'}
  import { scanRecords } from './ceilingScanner';
  import { Gunzip } from 'fflate';
  import { borrowInflater, returnInflater } from './../../core/report/inflateStream';
  import { gunzipWhole } from './../../core/report/inflateWhole';
  let bytes = new Uint8Array(0);
  async function load(url) { bytes = new Uint8Array(await (await fetch(url)).arrayBuffer()); return bytes.length; }
  async function nativeChunks() {
    const out = [];
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (;;) { const { done, value } = await reader.read(); if (done) return out; out.push(value); }
  }
  async function run(which, mode) {
    const start = performance.now();
    let records = 0;
    if (mode === 'ours') {
      const parse = which === 'against' ? parseAgainst : parseReport;
      const result = await parse(bytes, { fileName: '${fileName}', onRecords: (batch) => { records += batch.length; } });
      if (!result.ok) throw new Error(result.error.message);
    } else if (mode === 'ceiling' || mode === 'ceiling-native') {
      const all = [];
      const gz = '${fileName}'.endsWith('.gz');
      async function* native() {
        const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
        for (;;) { const { done, value } = await reader.read(); if (done) return; yield value; }
      }
      function* plain() { for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20)); }
      function* ff() {
        const out = []; const g = new Gunzip((c) => out.push(c));
        for (let at = 0; at < bytes.length; at += 1 << 20) { g.push(bytes.subarray(at, at + (1 << 20)), at + (1 << 20) >= bytes.length); yield* out.splice(0); }
      }
      await scanRecords(!gz ? plain() : mode === 'ceiling' ? ff() : native(), (batch) => { records += batch.length; for (const r of batch) all.push(r); });
    } else if (mode === 'inflate') {
      records = (await nativeChunks()).length;
    } else if (mode === 'inflate-ours') {
      const inflater = borrowInflater(() => true);
      records = gunzipWhole(inflater, bytes, () => true).length;
      returnInflater(inflater);
    } else if (mode === 'decode') {
      const decoder = new TextDecoder();
      for (let at = 0; at < bytes.length; at += 32768) records += decoder.decode(bytes.subarray(at, at + 32768), { stream: true }).length;
    }
    return { ms: performance.now() - start, records };
  }
  globalThis.bench = { load, run };
`;
const bundle = await build({
  stdin: { contents: page, resolveDir: here, loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  minify: false,
  write: false,
  logLevel: 'warning',
});
const script = bundle.outputFiles[0]!.text;
// Kept for reading the profile's line numbers against.
writeFileSync(`${workDir}/parse-profile-bundle.js`, script);
const server = await serveParsePage(PORT, 'profile', script);
/** CPU ms of the processes `pids` so far. */
const cpuMs = (pids: readonly string[]): number => cpuSecondsOf(pids) * 1000;

const { browser, page: tab } = await openParsePage(MARKER, PORT);
try {
  await tab.evaluate(
    (url) => (globalThis as never as { bench: { load(u: string): Promise<number> } }).bench.load(url),
    `/files/${fileName}`,
  );
  const pids = rendererPids(MARKER);
  const cdp = await tab.context().newCDPSession(tab);
  const trees = against ? ['this', 'against'] : ['this'];
  const times = new Map<string, Array<{ ms: number; cpu: number }>>(trees.map((t) => [t, []]));
  const once = async (which: string) => {
    await tab.evaluate(() => (globalThis as never as { gc(): void }).gc());
    const cpu = cpuMs(pids);
    const r = await tab.evaluate(
      ([w, m]) =>
        (
          globalThis as never as { bench: { run(w: string, m: string): Promise<{ ms: number; records: number }> } }
        ).bench.run(w!, m!),
      [which, mode],
    );
    return { ms: r.ms, cpu: cpuMs(pids) - cpu, records: r.records };
  };
  for (const t of trees) await once(t); // warm-up, compiled
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  let records = 0;
  for (let n = 0; n < runs; n++) {
    for (const t of n % 2 ? [...trees].reverse() : trees) {
      const r = await once(t);
      records = r.records;
      times.get(t)!.push({ ms: r.ms, cpu: r.cpu });
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${fileName} ${mode}: ${records} records (or chunks/characters), ${runs} runs each`);
  for (const t of trees) {
    const list = times.get(t)!;
    console.log(
      `${t.padEnd(8)} wall ms median ${median(list.map((x) => x.ms)).toFixed(1)} min ${Math.min(...list.map((x) => x.ms)).toFixed(1)}; CPU ms median ${median(list.map((x) => x.cpu))}  [${list.map((x) => x.ms.toFixed(0)).join(' ')}]`,
    );
  }
  if (against) {
    const a = times.get('this')!;
    const b = times.get('against')!;
    console.log(`this ÷ against, run by run: ${a.map((x, n) => (x.ms / b[n]!.ms).toFixed(2)).join(' ')}`);
  }
  if (profile) {
    const { profile: p } = (await cdp.send('Profiler.stop')) as {
      profile: {
        nodes: Array<{
          id: number;
          children?: number[];
          callFrame: { functionName: string; url: string; lineNumber: number };
          hitCount?: number;
          positionTicks?: Array<{ line: number; ticks: number }>;
        }>;
        samples: number[];
        timeDeltas: number[];
      };
    };
    const byNode = new Map(p.nodes.map((node) => [node.id, node]));
    const selfMs = new Map<number, number>();
    p.samples.forEach((id, n) => selfMs.set(id, (selfMs.get(id) ?? 0) + (p.timeDeltas[n + 1] ?? 0) / 1000));
    const byFunction = new Map<string, number>();
    const byLine = new Map<string, number>();
    let total = 0;
    for (const [id, ms] of selfMs) {
      const node = byNode.get(id)!;
      const name = `${node.callFrame.functionName || '(anon)'}:${node.callFrame.lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
      total += ms;
      const ticks = node.positionTicks ?? [];
      const all = ticks.reduce((s, t) => s + t.ticks, 0);
      for (const t of ticks) {
        const key = `${node.callFrame.functionName}@${t.line}`;
        byLine.set(key, (byLine.get(key) ?? 0) + (ms * t.ticks) / all);
      }
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(
          ([k, v]) =>
            `${(v / (runs * trees.length)).toFixed(1).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`,
        )
        .join('\n');
    const parent = new Map<number, number>();
    for (const node of p.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
    const inclusive = new Map<string, number>();
    for (const [id, ms] of selfMs) {
      const names = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const node = byNode.get(n)!;
        names.add(`${node.callFrame.functionName || '(anon)'}:${node.callFrame.lineNumber + 1}`);
      }
      for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
    console.log(`\nself time a run, by function (bundle line):\n${top(byFunction, 40)}`);
    console.log(`\ntotal time a run, by function (bundle line):\n${top(inclusive, 40)}`);
    console.log(`\nby line of the bundle:\n${top(byLine, 40)}`);
  }
} finally {
  await browser.close();
  server.close();
}
