// `npm run bench -- --browser [sizes in MB] [corpus] [--runs N]`: issue 19's targets measured in headless Chromium
// (/usr/bin/chromium): bytes → records for generated reports of 1, 20 and 100 MB and for the corpus's real records
// concatenated to 20 MB (corpusConcatenated.ts), as plain XML and as .xml.gz, ours (parseReport, records
// kept, as the site's import worker calls it) beside the ceiling (ceilingScanner.ts) in the same run. For .gz the
// ceiling is the faster of two: inflated by fflate (the decompressor ours uses) or by Chromium's DecompressionStream.
// Each case runs in a browser of its own: its first and second runs also measure the renderer's peak memory (Linux
// /proc: the peak resident size is reset just before the run, after a full collection; the first run's includes
// compiling the parser, the second's is what the parse holds), the fastest of the others is its time. Ours runs once more with
// records not kept (streamed), for the flat-memory target; the ceiling's peak, with its records kept, is what the same
// objects cost at least. Writes dist/bench/parse-browser.json.
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { chromiumArgs } from '../../playwright.config';
import type { BrowserCaseMode, BrowserCaseRun } from './parseBrowserCase';
import {
  cpuSecondsOf,
  openParsePage,
  rendererPids,
  serveParsePage,
  statusKB,
  workDir,
  type PageBench,
} from './parseBrowserPage';
import { benchInputs } from './benchInputs';
import { writeGzipCopy } from './generateAggregateXml';

// BENCH_PORT lets two runs at once (in two worktrees) serve side by side.
const PORT = Number(process.env.BENCH_PORT ?? 4360);
const MARKER = `dmarc-lens-parse-bench-${process.pid}`;

const TARGET_MBPS = 60;
const TARGET_SHARE = 0.8;
const TARGET_KEPT_FACTOR = 3;
const TARGET_STREAMED_MB = 300;
/** The .gz read in at most this many times the plain XML's time (issue 19). */
const TARGET_GZIP_OF_PLAIN = 1.2;

interface CaseResult {
  mode: BrowserCaseMode;
  retainRecords: boolean;
  bytes: number;
  xmlBytes: number;
  seconds: number;
  records: number;
  messages: number;
  /** Renderer CPU seconds per run (all runs after the first), beside the wall time on a shared machine. */
  cpuSeconds: number;
  /** The renderer's peak resident memory during the first run, above what it held just before. */
  peakMB: number;
  /**
   * Of that, the browser's own files paged in (its resident file-backed memory grown): chiefly Chromium's optimizing
   * compilers, which whatever JavaScript first runs hot in a renderer pays for once, not the parse.
   */
  filePeakMB: number;
  /**
   * The same during the second run, after a full collection: the parser's code is compiled by then, so this is what
   * the parse itself holds at its peak (NaN with one run).
   */
  warmPeakMB: number;
  error?: string;
}

async function runInPage(
  page: Page,
  mode: BrowserCaseMode,
  gzip: boolean,
  retain: boolean,
  fileName: string,
): Promise<BrowserCaseRun> {
  return page.evaluate(([m, g, r, f]) => (globalThis as unknown as { bench: PageBench }).bench.runOnce(m, g, r, f), [
    mode,
    gzip,
    retain,
    fileName,
  ] as const);
}

/**
 * `run` with the renderer's peak resident memory above what it held after a full collection just before (Linux:
 * writing 5 to clear_refs resets the peak resident size, VmHWM, to the current one).
 */
async function withPeak<T>(
  page: Page,
  pids: readonly string[],
  run: () => Promise<T>,
): Promise<{ result: T; peakKB: number; fileKB: number }> {
  await page.evaluate(() => (globalThis as unknown as { gc: () => void }).gc());
  const before = new Map<string, number>();
  const fileBefore = new Map<string, number>();
  for (const pid of pids) {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    before.set(pid, statusKB(pid, 'VmRSS'));
    fileBefore.set(pid, statusKB(pid, 'RssFile'));
  }
  const result = await run();
  let peakKB = 0;
  let fileKB = 0;
  for (const pid of pids) {
    const peak = statusKB(pid, 'VmHWM') - before.get(pid)!;
    if (peak < peakKB) continue;
    peakKB = peak;
    fileKB = statusKB(pid, 'RssFile') - fileBefore.get(pid)!;
  }
  return { result, peakKB, fileKB };
}

async function runCase(
  mode: BrowserCaseMode,
  fileName: string,
  xmlBytes: number,
  retainRecords: boolean,
  runs: number,
): Promise<CaseResult> {
  const gzip = fileName.endsWith('.gz');
  const { browser, page } = await openParsePage(MARKER, PORT);
  try {
    const bytes = await page.evaluate(
      (url) => (globalThis as unknown as { bench: PageBench }).bench.loadBytes(url),
      `/files/${fileName}`,
    );
    const pids = rendererPids(MARKER);
    const first = await withPeak(page, pids, () => runInPage(page, mode, gzip, retainRecords, fileName));
    let seconds = first.result.seconds;
    const cpuBefore = cpuSecondsOf(pids);
    let warmPeakKB = NaN;
    for (let run = 1; run < runs; run++) {
      const measured =
        run === 1
          ? await withPeak(page, pids, () => runInPage(page, mode, gzip, retainRecords, fileName))
          : { result: await runInPage(page, mode, gzip, retainRecords, fileName), peakKB: NaN };
      if (run === 1) warmPeakKB = measured.peakKB;
      const next = measured.result;
      if (next.records !== first.result.records || next.messages !== first.result.messages)
        throw new Error(`${mode} read ${next.records} records, then ${first.result.records}, from ${fileName}`);
      seconds = Math.min(seconds, next.seconds);
    }
    const cpuSeconds = runs > 1 ? (cpuSecondsOf(pids) - cpuBefore) / (runs - 1) : NaN;
    return {
      mode,
      retainRecords,
      bytes,
      xmlBytes,
      seconds,
      records: first.result.records,
      messages: first.result.messages,
      cpuSeconds,
      peakMB: first.peakKB / 1024,
      filePeakMB: first.fileKB / 1024,
      warmPeakMB: warmPeakKB / 1024,
      ...(first.result.error ? { error: first.result.error } : {}),
    };
  } finally {
    await browser.close();
  }
}

const args = process.argv.slice(2);
/** `--runs N`: runs a case (default: as many as read about 200 MB, 3 to 20). */
const runsIndex = args.indexOf('--runs');
const fixedRuns = runsIndex === -1 ? undefined : Number(args[runsIndex + 1]);
const picked = args.filter((_arg, n) => runsIndex === -1 || (n !== runsIndex && n !== runsIndex + 1));
const INPUTS = benchInputs(picked, [1, 20, 100]);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const mbps = (r: CaseResult) => r.xmlBytes / 1e6 / r.seconds;

mkdirSync(workDir, { recursive: true });
const server = await serveParsePage(PORT, 'parse bench');
const version = await (async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
})();
console.log(`Chromium ${version}: bytes → records, records kept (MB/s of XML; CPU = renderer CPU seconds a run)`);
console.log(
  'Peak kept: the renderer above its start in the first run (compiling the parser included), and in the second (warm)',
);
console.log(
  "In brackets, the first run's browser files paged in (Chromium's own compilers, paid once by any JS that runs hot)",
);
console.log(
  `Targets (.gz): >= ${TARGET_MBPS} MB/s, >= ${TARGET_SHARE}x the ceiling; peak <= ${TARGET_KEPT_FACTOR}x the XML kept, < ${TARGET_STREAMED_MB} MB streamed; ` +
    `its time <= ${TARGET_GZIP_OF_PLAIN}x the plain XML's (the .xml row above it)\n`,
);
console.log(
  '         input      | ours MB/s (CPU s) | ceiling MB/s (CPU s)          | of ceiling |        peak kept MB, |     ceiling peak MB, | peak streamed MB | time',
);
console.log(
  "                    |                   |                               |            | first (files) / warm |         first / warm |                  | of .xml's",
);
const results: unknown[] = [];
try {
  for (const { label, xmlName, sizeMB, write } of INPUTS) {
    const xmlFile = `${workDir}/${xmlName}`;
    const countFile = `${xmlFile}.records`;
    if (!existsSync(xmlFile) || !existsSync(countFile)) writeFileSync(countFile, String(await write(xmlFile)));
    await writeGzipCopy(xmlFile);
    const expected = Number(readFileSync(countFile, 'utf8'));
    const xmlBytes = statSync(xmlFile).size;
    const runs = fixedRuns ?? Math.max(3, Math.min(100, Math.floor(200e6 / xmlBytes)));
    let plainSeconds = NaN;
    for (const fileName of [xmlName, `${xmlName}.gz`]) {
      const gzip = fileName.endsWith('.gz');
      const ours = await runCase('ours', fileName, xmlBytes, true, runs);
      const streamed = await runCase('ours', fileName, xmlBytes, false, 1);
      const ceilings = [await runCase('ceiling', fileName, xmlBytes, true, runs)];
      if (gzip) ceilings.push(await runCase('ceiling-native', fileName, xmlBytes, true, runs));
      for (const r of [ours, streamed, ...ceilings]) {
        if (r.error) throw new Error(`${r.mode} failed on ${fileName}: ${r.error}`);
        if (r.records !== expected)
          throw new Error(`${r.mode} read ${r.records} records of ${expected} in ${fileName}`);
      }
      const ceiling = ceilings.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      const share = mbps(ours) / mbps(ceiling);
      if (!gzip) plainSeconds = ours.seconds;
      const ofPlain = gzip ? ours.seconds / plainSeconds : undefined;
      const ceilingText = ceilings
        .map(
          (c) =>
            `${fmt(mbps(c))} (${fmt(c.cpuSeconds, 2)})${c.mode === 'ceiling-native' ? ' native' : gzip ? ' fflate' : ''}`,
        )
        .join(', ');
      console.log(
        `${label.padStart(13)} ${gzip ? '.gz ' : '.xml'} | ${`${fmt(mbps(ours))} (${fmt(ours.cpuSeconds, 2)})`.padStart(17)} | ${ceilingText.padEnd(29)} | ${share.toFixed(2).padStart(9)}× | ${`${fmt(ours.peakMB, 0)} (${fmt(ours.filePeakMB, 0)}) / ${fmt(ours.warmPeakMB, 0)}`.padStart(20)} | ${ceilings
          .map((c) => `${fmt(c.peakMB, 0)} / ${fmt(c.warmPeakMB, 0)}`)
          .join(', ')
          .padStart(
            20,
          )} | ${fmt(streamed.peakMB, 0).padStart(16)} | ${ofPlain === undefined ? '' : `${fmt(ofPlain, 2)}×`}`,
      );
      results.push({
        source: label,
        sizeMB,
        input: gzip ? 'gz' : 'xml',
        inputBytes: ours.bytes,
        xmlBytes,
        records: ours.records,
        ours: {
          mbPerSecond: mbps(ours),
          seconds: ours.seconds,
          cpuSeconds: ours.cpuSeconds,
          peakKeptMB: ours.peakMB,
          peakKeptBrowserFilesMB: ours.filePeakMB,
          warmPeakKeptMB: ours.warmPeakMB,
        },
        streamed: { peakMB: streamed.peakMB, seconds: streamed.seconds },
        ceilings: ceilings.map((c) => ({
          mode: c.mode,
          mbPerSecond: mbps(c),
          seconds: c.seconds,
          cpuSeconds: c.cpuSeconds,
          peakKeptMB: c.peakMB,
          warmPeakKeptMB: c.warmPeakMB,
        })),
        oursShare: share,
        ...(ofPlain === undefined ? {} : { ofPlainTime: ofPlain }),
        meets: {
          speed: mbps(ours) >= TARGET_MBPS,
          share: share >= TARGET_SHARE,
          keptMemory: ours.peakMB <= (TARGET_KEPT_FACTOR * xmlBytes) / 2 ** 20,
          streamedMemory: streamed.peakMB < TARGET_STREAMED_MB,
          ...(ofPlain === undefined ? {} : { gzipOfPlain: ofPlain <= TARGET_GZIP_OF_PLAIN }),
        },
      });
    }
  }
} finally {
  server.closeAllConnections();
  server.close();
}
writeFileSync(
  `${workDir}/parse-browser.json`,
  `${JSON.stringify({ date: new Date().toISOString(), chromium: version, results }, null, 2)}\n`,
);
console.log('\nWritten to dist/bench/parse-browser.json');
