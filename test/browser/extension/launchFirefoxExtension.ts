// Debian's firefox-esr with the built extension (dist/extension/firefox-mv3), driven by puppeteer-core over WebDriver
// BiDi (Playwright cannot drive stock Firefox). Every request of a webmail tab is answered by the fake webmail or
// recorded as a leak, as in launchExtension.ts for Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { answerWebmailRequest } from './webmailRoutes';

/** The Firefox builds: `wxt build -b firefox --mv3` and `wxt build -b firefox` (MV2). */
export const FIREFOX_BUILDS = ['firefox-mv3', 'firefox-mv2'] as const;
export const firefoxExtensionDir = (build: (typeof FIREFOX_BUILDS)[number]) => resolve(`dist/extension/${build}`);
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = '{5f0b3d62-7c1e-4a8e-9d2f-0b6c1a7e4d93}';
/** Pinned, so the tests know the moz-extension:// origin in advance. */
export const FIREFOX_EXTENSION_UUID = '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b';

export interface FirefoxExtension {
  browser: Browser;
  origin: string;
  requests: string[];
  elsewhere: string[];
  /** A tab whose requests go to the fake webmail. */
  newWebmailPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxExtension(extensionDir: string): Promise<FirefoxExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'dmarc-lens-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    // Needed to open moz-extension:// pages over BiDi.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }) },
  });
  await browser.installExtension(extensionDir);
  const requests: string[] = [];
  const elsewhere: string[] = [];
  return {
    browser,
    origin: `moz-extension://${FIREFOX_EXTENSION_UUID}`,
    requests,
    elsewhere,
    newWebmailPage: async () => {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol === 'moz-extension:' || url.protocol === 'data:') return void request.continue();
        requests.push(`${request.method()} ${request.url()}`);
        const answer = answerWebmailRequest(url, request.headers());
        if (answer === undefined) {
          // Firefox asks every origin for its favicon on its own; that is the browser, not the extension.
          if (url.pathname !== '/favicon.ico') elsewhere.push(`${request.method()} ${request.url()}`);
          return void request.abort('blockedbyclient');
        }
        void request.respond({ status: answer.status, headers: answer.headers, body: answer.body });
      });
      return page;
    },
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What the cards of a page show, read from their open shadow roots inside the page. */
export interface CardContent {
  fileName: string;
  state: string;
  text: string;
  alert: string;
  reports: Array<{ messages: string; passRate: string; range: string; sources: Array<[string, string]> }>;
}

export function readCards(page: Page): Promise<CardContent[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-dmarc-lens="summary"]')].map((host) => {
      const root = host.shadowRoot!;
      const value = (scope: ParentNode, field: string) =>
        scope.querySelector(`[data-field="${field}"]`)?.getAttribute('data-value') ?? '';
      return {
        fileName: host.getAttribute('data-file-name') ?? '',
        state: host.getAttribute('data-state') ?? '',
        text: root.textContent ?? '',
        alert: root.querySelector('[role="alert"]')?.textContent ?? '',
        reports: [...root.querySelectorAll('[data-report-key]')].map((section) => ({
          messages: value(section, 'messages'),
          passRate: value(section, 'pass-rate'),
          range: value(section, 'range'),
          sources: [...section.querySelectorAll('[data-source]')].map(
            (li) => [li.getAttribute('data-source') ?? '', li.getAttribute('data-count') ?? ''] as [string, string],
          ),
        })),
      };
    }),
  );
}
