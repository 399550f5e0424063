// Chromium with the built extension (dist/extension/chrome-mv3), every request answered by the fake webmail or
// recorded as a leak. Used by the Chromium specs and the benchmark.
import { chromium, type BrowserContext, type Request } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs } from '../../../playwright.config';
import { answerWebmailRequest } from './webmailRoutes';

export const CHROME_EXTENSION_DIR = resolve('dist/extension/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Every request the browser made to the network, as `METHOD url`. */
  requests: string[];
  /** Requests no fake webmail route answered: anything here went (or tried to go) elsewhere. */
  elsewhere: string[];
  close(): Promise<void>;
}

export async function launchExtension(): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'dmarc-lens-ext-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs, `--disable-extensions-except=${CHROME_EXTENSION_DIR}`, `--load-extension=${CHROME_EXTENSION_DIR}`],
    viewport: { width: 1280, height: 900 },
  });
  const requests: string[] = [];
  const elsewhere: string[] = [];
  context.on('request', (request: Request) => {
    if (!request.url().startsWith('chrome-extension://') && !request.url().startsWith('data:')) {
      requests.push(`${request.method()} ${request.url()}`);
    }
  });
  // Extension pages load their own files from chrome-extension://; everything else must be the fake webmail.
  await context.route((url) => url.protocol !== 'chrome-extension:', async (route) => {
    const request = route.request();
    const answer = answerWebmailRequest(new URL(request.url()), await request.allHeaders());
    if (answer === undefined) {
      elsewhere.push(`${request.method()} ${request.url()}`);
      await route.abort('blockedbyclient');
      return;
    }
    await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
  });
  // Content scripts register a moment after start: wait for the service worker before opening the first page.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    requests,
    elsewhere,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
