// Benchmark (not a test): the intel workload of intelBenchCase.ts in headless Chromium — 1,000,000 records
// classified with the ASN lookup, plus readiness — as the site runs it. Bundles the case with esbuild, serves it and
// the ASN table from a routed origin (no network), runs each step in its own evaluation and prints its wall time and
// the CPU time the renderer processes used meanwhile, from the browser's own process list (CDP SystemInfo).
//   node --import tsx test/bench/intel.browser.bench.ts [records] [distinct IPs] [--profile <file.cpuprofile>]
// --profile writes a CPU profile of the classify step (CDP Profiler; open it in Chromium's DevTools).
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from '../../playwright.config';
import { formatTiming, targetTiming, type BenchTiming } from './intelBenchCase';

const args = process.argv.slice(2);
const profileAt = args.indexOf('--profile');
const profilePath = profileAt >= 0 ? args.splice(profileAt, 2)[1] : undefined;
const records = Number(args[0] ?? 1_000_000);
const distinctIps = Number(args[1] ?? 100_000);
const tablePath = fileURLToPath(new URL('../../site/public/data/asn-table.bin', import.meta.url));
if (!existsSync(tablePath)) {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-asn-table.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
}

const bundle = await build({
  stdin: {
    contents: `import { intelBenchSteps, makeBenchReports } from './intelBenchCase';
      let bench;
      globalThis.prepareBench = async (records, ips) => {
        const bytes = new Uint8Array(await (await fetch('/asn-table.bin')).arrayBuffer());
        bench = intelBenchSteps(bytes, makeBenchReports(records, ips));
        return bench.steps.map((step) => step.label);
      };
      globalThis.runStep = (index) => {
        const started = performance.now();
        bench.steps[index].run();
        return performance.now() - started;
      };
      globalThis.benchSummary = () => bench.summary();`,
    resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  logLevel: 'warning',
});
const script = bundle.outputFiles[0]!.text;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs,
});
try {
  const page = await browser.newPage();
  await page.route('http://bench.invalid/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/asn-table.bin')
      return route.fulfill({ body: readFileSync(tablePath), contentType: 'application/octet-stream' });
    if (path === '/bench.js') return route.fulfill({ body: script, contentType: 'text/javascript' });
    return route.fulfill({
      body: '<!doctype html><script type="module" src="/bench.js"></script>',
      contentType: 'text/html',
    });
  });
  await page.goto('http://bench.invalid/');
  const cdp = await browser.newBrowserCDPSession();
  /** CPU seconds of the renderer processes so far. */
  const rendererCpu = async () => {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
  };
  await page.waitForFunction(() => 'prepareBench' in globalThis);
  const version = await page.evaluate(() => navigator.userAgent.match(/Chrom(e|ium)\/[\d.]+/)?.[0] ?? 'Chromium');
  type Page = {
    prepareBench: (n: number, ips: number) => Promise<string[]>;
    runStep: (index: number) => number;
    benchSummary: () => string;
  };
  const labels = await page.evaluate(([n, ips]) => (globalThis as unknown as Page).prepareBench(n, ips), [
    records,
    distinctIps,
  ] as const);
  const pageCdp = profilePath ? await page.context().newCDPSession(page) : undefined;
  if (pageCdp) await pageCdp.send('Profiler.enable');
  // One evaluation per step, so that the renderer's CPU time is read between steps.
  const timings: BenchTiming[] = [];
  for (const [index, label] of labels.entries()) {
    const profiled = pageCdp !== undefined && label.startsWith('classify');
    if (profiled) await pageCdp.send('Profiler.start');
    const cpuBefore = await rendererCpu();
    const ms = await page.evaluate((i) => (globalThis as unknown as Page).runStep(i), index);
    timings.push({ label, ms, cpuMs: ((await rendererCpu()) - cpuBefore) * 1000 });
    if (profiled) writeFileSync(profilePath!, JSON.stringify((await pageCdp.send('Profiler.stop')).profile));
  }
  timings.push(targetTiming(timings));
  console.log(
    `${version}: ${records.toLocaleString('en-US')} records, ${distinctIps.toLocaleString('en-US')} distinct source IPs`,
  );
  for (const timing of timings) console.log(formatTiming(timing));
  console.log(await page.evaluate(() => (globalThis as unknown as Page).benchSummary()));
} finally {
  await browser.close();
}
