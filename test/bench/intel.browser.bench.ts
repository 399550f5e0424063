// Benchmark (not a test): the intel workload of intelBenchCase.ts in headless Chromium — 1,000,000 records
// classified with the ASN lookup, plus readiness — as the site runs it. Bundles the case with esbuild, serves it and
// the ASN table from a routed origin (no network), prints the timings and the CPU time the renderer processes used
// over the whole run (generating the records included), from the browser's own process list (CDP SystemInfo).
//   node --import tsx test/bench/intel.browser.bench.ts [records] [distinct IPs]
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from '../../playwright.config';
import type { BenchTiming } from './intelBenchCase';

const records = Number(process.argv[2] ?? 1_000_000);
const distinctIps = Number(process.argv[3] ?? 100_000);
const tablePath = fileURLToPath(new URL('../../site/public/data/asn-table.bin', import.meta.url));
if (!existsSync(tablePath)) {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-asn-table.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
}

const bundle = await build({
  stdin: {
    contents: `import { makeBenchReports, runIntelBench } from './intelBenchCase';
      globalThis.runBench = async (records, ips) => {
        const bytes = new Uint8Array(await (await fetch('/asn-table.bin')).arrayBuffer());
        const reports = makeBenchReports(records, ips);
        return runIntelBench(bytes, reports, () => performance.now());
      };`,
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
  await page.waitForFunction(() => 'runBench' in globalThis);
  const version = await page.evaluate(() => navigator.userAgent.match(/Chrom(e|ium)\/[\d.]+/)?.[0] ?? 'Chromium');
  const cpuBefore = await rendererCpu();
  const result = (await page.evaluate(
    ([n, ips]) =>
      (globalThis as unknown as { runBench: (n: number, ips: number) => Promise<unknown> }).runBench(n, ips),
    [records, distinctIps] as const,
  )) as { timings: BenchTiming[]; summary: string };
  console.log(
    `${version}: ${records.toLocaleString('en-US')} records, ${distinctIps.toLocaleString('en-US')} distinct source IPs`,
  );
  const cpuUsed = (await rendererCpu()) - cpuBefore;
  for (const { label, ms } of result.timings) console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`);
  console.log(
    `CPU time of the renderer processes over the run (records made included): ${(cpuUsed * 1000).toFixed(0)} ms`,
  );
  console.log(result.summary);
} finally {
  await browser.close();
}
