// What one parse's peak in Chromium's renderer is made of, for diagnosis beside `npm run bench -- --browser`, which
// gives the peak alone. `node --import tsx test/bench/parseMemoryProbe.ts synthetic-1MB.xml.gz [--runs N] [--mode
// ours|ceiling|ceiling-native] [--streamed] [--dumps] [--setup CODE] [--eval CODE]` (a file under dist/bench, written
// by the bench): each run measured as the bench measures it (peak resident size above the start, after a full
// collection), with the growth of the renderer's anonymous, file-backed and shared memory from /proc, and with
// `--dumps` Chromium's own account of its allocators (memory-infra: V8's spaces, PartitionAlloc's partitions, malloc)
// before and after the run, changes of 100 KB or more. `--setup` runs page code once before the first run (e.g. other
// hot JavaScript, to see what the first run pays for once per renderer); `--eval` times page code instead of the parse.
import type { CDPSession } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import type { BrowserCaseMode } from './parseBrowserCase';
import { openParsePage, rendererPids, serveParsePage, statusKB, type PageBench } from './parseBrowserPage';

const PORT = Number(process.env.BENCH_PORT ?? 4312);
const MARKER = `dmarc-lens-memory-probe-${process.pid}`;

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1]!;
};
const fileName = args[0] ?? 'synthetic-1MB.xml.gz';
const mode = option('--mode', 'ours') as BrowserCaseMode;
const runs = Number(option('--runs', '3'));
const retain = !args.includes('--streamed');
const dumps = args.includes('--dumps');
const setupCode = option('--setup', '');
const evalCode = option('--eval', '');

const server = await serveParsePage(PORT, 'memory probe');
const mb = (kb: number): string => (kb / 1024).toFixed(1);

/** The page's renderer: of this browser's renderers, the largest. */
function pageRenderer(): string {
  return rendererPids(MARKER).reduce((a, b) => (statusKB(a, 'VmRSS') >= statusKB(b, 'VmRSS') ? a : b));
}

interface TraceEvent {
  ph: string;
  pid: number;
  args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: { value: string } } }> } };
}

/** Chromium's memory-infra dump of `pid`: each allocator's size (bytes), three levels deep. */
async function memoryDump(cdp: CDPSession, pid: string): Promise<Map<string, number>> {
  const events: TraceEvent[] = [];
  const collect = (event: { value: object[] }) => void events.push(...(event.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } },
  } as never);
  await cdp.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' } as never);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  const sizes = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== 'v' || String(event.pid) !== pid) continue;
    for (const [name, allocator] of Object.entries(event.args?.dumps?.allocators ?? {})) {
      const size = allocator.attrs?.size?.value;
      if (size && name.split('/').length <= 4) sizes.set(name, parseInt(size, 16));
    }
  }
  return sizes;
}

const { browser, page } = await openParsePage(MARKER, PORT);
try {
  const pageCode = (code: string) => page.evaluate(`(async () => { ${code} })()`);
  await page.evaluate(
    (url) => (globalThis as unknown as { bench: PageBench }).bench.loadBytes(url),
    `/files/${fileName}`,
  );
  if (setupCode) await pageCode(setupCode);
  const pid = pageRenderer();
  const cdp = dumps ? await page.context().newCDPSession(page) : undefined;
  const fields = ['RssAnon', 'RssFile', 'RssShmem'];
  for (let run = 1; run <= runs; run++) {
    await page.evaluate(() => (globalThis as unknown as { gc: () => void }).gc());
    const dumpBefore = cdp ? await memoryDump(cdp, pid) : undefined;
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const start = statusKB(pid, 'VmRSS');
    const partsBefore = fields.map((field) => statusKB(pid, field));
    const result = evalCode
      ? await pageCode(evalCode)
      : await page.evaluate(
          ([m, g, r, f]) => (globalThis as unknown as { bench: PageBench }).bench.runOnce(m, g, r, f),
          [mode, fileName.endsWith('.gz'), retain, fileName] as const,
        );
    const peak = statusKB(pid, 'VmHWM') - start;
    const parts = fields.map((field, n) => `${field} ${mb(statusKB(pid, field) - partsBefore[n]!)}`);
    console.log(`run ${run}: peak ${mb(peak)} MB; after the run ${parts.join(', ')}; ${JSON.stringify(result)}`);
    if (!cdp || !dumpBefore) continue;
    for (const [name, size] of await memoryDump(cdp, pid)) {
      const change = size - (dumpBefore.get(name) ?? 0);
      if (Math.abs(change) >= 100 * 1024)
        console.log(`  ${name}: ${change > 0 ? '+' : ''}${mb(change / 1024)} MB (now ${mb(size / 1024)})`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
