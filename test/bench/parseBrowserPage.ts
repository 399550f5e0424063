// What the parse bench in Chromium (parse.browser.bench.ts), its memory probe (parseMemoryProbe.ts) and its profiler
// (parseProfile.ts) share: the page that runs parseBrowserCase.ts (or another script), served with the bench's files from dist/bench, and the renderer's figures read
// from Linux /proc.
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from '../../playwright.config';
import type { BrowserCaseMode, BrowserCaseRun } from './parseBrowserCase';
import { procStatFields, ticksAsSeconds } from './procStat';

/** What the page puts on `globalThis.bench`. */
export interface PageBench {
  loadBytes(url: string): Promise<number>;
  runOnce(mode: BrowserCaseMode, gzip: boolean, retain: boolean, fileName: string): Promise<BrowserCaseRun>;
}

export const workDir = fileURLToPath(new URL('../../dist/bench', import.meta.url));

/** parseBrowserCase.ts bundled for the page, putting it on `globalThis.bench`. */
async function bundleParseCase(): Promise<string> {
  const bundle = await build({
    stdin: {
      contents: `import { loadBytes, runOnce } from './parseBrowserCase';
        globalThis.bench = { loadBytes, runOnce };`,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  return bundle.outputFiles[0]!.text;
}

/**
 * Serves, on 127.0.0.1:`port`, a page titled `title` that loads `script` (by default parseBrowserCase.ts as
 * `globalThis.bench`), and the files of dist/bench under /files/.
 */
export async function serveParsePage(port: number, title: string, script?: string): Promise<Server> {
  script ??= await bundleParseCase();
  // Cross-origin isolated, so that performance.now() counts in microseconds, not Chromium's coarse 100 µs: a 1 MB
  // report reads in about 5 ms.
  const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', `http://127.0.0.1:${port}`).pathname;
    if (path === '/bench.js') {
      response.writeHead(200, { ...isolated, 'content-type': 'text/javascript' });
      response.end(script);
    } else if (path.startsWith('/files/')) {
      const file = `${workDir}/${decodeURIComponent(path.slice('/files/'.length)).replace(/[/\\]/g, '')}`;
      if (!existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, {
        ...isolated,
        'content-type': 'application/octet-stream',
        'content-length': statSync(file).size,
      });
      createReadStream(file).pipe(response);
    } else {
      response.writeHead(200, { ...isolated, 'content-type': 'text/html' });
      response.end(`<!doctype html><title>${title}</title><script type="module" src="/bench.js"></script>`);
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/**
 * A fresh Chromium, marked with `marker` (its user agent) so that its renderers can be found and with `gc()` exposed,
 * showing the page served on `port` once `globalThis.bench` is there.
 */
export async function openParsePage(marker: string, port: number): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs, `--user-agent=${marker}`, '--js-flags=--expose-gc'],
  });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'bench' in globalThis);
  return { browser, page };
}

/** The renderer processes of a browser started with `marker` in its command line (its user agent). */
export function rendererPids(marker: string): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return command.includes(marker) && command.includes('--type=renderer');
      } catch {
        return false;
      }
    });
}

/** CPU seconds the processes `pids` have used so far (Linux /proc; a process that has ended counts 0). */
export function cpuSecondsOf(pids: readonly string[]): number {
  let seconds = 0;
  for (const pid of pids) {
    try {
      seconds += ticksAsSeconds(procStatFields(pid));
    } catch {
      // Ended meanwhile.
    }
  }
  return seconds;
}

/** A size field of /proc/`pid`/status, in kB (0 when absent). */
export function statusKB(pid: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : 0;
}
