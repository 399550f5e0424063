// The watchdog tests' own builds of the extension, their browsers, and their inputs. The builds are the real extension
// with one difference: WXT_PARSE_BUDGET_MS shortens the parse budget to WATCHDOG_BUDGET_MS, so that a file too slow to
// read is abandoned in seconds rather than minutes. They go to dist/extension/<target>-watchdog (WXT's mode suffix),
// beside the builds the other tests use.
import { chromium, type BrowserContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumArgs } from '../../../playwright.config';
import { parseReport } from '../../../core/report/parseReport';
import type { CardReportSummary } from '../../../extension/messaging/messages';
import { toCardReportSummary } from '../../../extension/reports/toCardReportSummary';
import type { WebmailAnswer } from './webmailRoutes';

/**
 * Long enough for a fresh worker to start and read a real report (tens of milliseconds) even while other builds load
 * the machine, yet short for a test.
 */
export const WATCHDOG_BUDGET_MS = 5000;

export const WATCHDOG_TARGETS = {
  'chrome-mv3': ['wxt', 'build', '--mode', 'watchdog'],
  'firefox-mv3': ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'watchdog'],
  'firefox-mv2': ['wxt', 'build', '-b', 'firefox', '--mode', 'watchdog'],
} as const;
export type WatchdogTarget = keyof typeof WATCHDOG_TARGETS;

export const watchdogBuildDir = (target: WatchdogTarget) => resolve(`dist/extension/${target}-watchdog`);

export function buildWatchdogExtension(target: WatchdogTarget): string {
  execFileSync('npx', WATCHDOG_TARGETS[target], {
    env: { ...process.env, WXT_PARSE_BUDGET_MS: String(WATCHDOG_BUDGET_MS) },
    stdio: 'ignore',
  });
  return watchdogBuildDir(target);
}

/**
 * A real-shaped aggregate report that takes the parser a long time: 400,000 records, each with an unescaped `&` that
 * sends it through the repairing reader (over a minute in Node on the test machine, against a budget of 5 s). Slow because
 * it is large, not because of any one parser weakness, so it stays slow whatever the parser's fixes.
 */
export function slowReport(): { fileName: string; bytes: Uint8Array } {
  const records: string[] = [];
  for (let i = 0; i < 400_000; i++) {
    records.push(
      `<record><row><source_ip>10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}</source_ip>` +
        `<count>${(i % 97) + 1}</count>` +
        '<policy_evaluated><disposition>none</disposition><dkim>fail</dkim><spf>pass</spf></policy_evaluated></row>' +
        '<identifiers><header_from>mail&news.example.com</header_from></identifiers>' +
        '<auth_results><spf><domain>example.com</domain><result>pass</result></spf></auth_results></record>',
    );
  }
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?><feedback><report_metadata><org_name>slow.example</org_name>' +
    '<email>dmarc@slow.example</email><report_id>slow-1</report_id><date_range><begin>1700000000</begin>' +
    '<end>1700086399</end></date_range></report_metadata><policy_published><domain>example.com</domain><p>none</p>' +
    `</policy_published>${records.join('')}</feedback>`;
  return { fileName: 'slow.example!example.com!1700000000!1700086399.xml.gz', bytes: new Uint8Array(gzipSync(xml)) };
}

const fixture = (path: string) => new Uint8Array(readFileSync(resolve('test/fixtures/reports', path)));

/** Real reports (test/fixtures/reports, provenance in PROVENANCE.tsv) that read in milliseconds. */
export const normalReports = [
  'domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml',
  'domainaware__parsedmarc/addisonfoods.com!example.com!1536105600!1536191999.xml',
  'domainaware__parsedmarc/usssa.com!example.com!1538784000!1538870399.xml',
].map((path) => ({ fileName: path.slice(path.lastIndexOf('/') + 1), bytes: fixture(path) }));

/** What the background answers for a file, computed here with core's parser, as runtime messaging carries it. */
export async function expectedSummaries(bytes: Uint8Array, fileName: string): Promise<CardReportSummary[]> {
  const parsed = await parseReport(bytes, { fileName });
  if (!parsed.ok) throw new Error(`${fileName}: ${parsed.error.message}`);
  return JSON.parse(JSON.stringify(parsed.reports.map(toCardReportSummary))) as CardReportSummary[];
}

export interface ChromiumWatchdog {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Chromium with a watchdog build. Requests outside the extension go to `answer` (the fake webmail, for the card test);
 * anything it does not answer is refused: nothing in these tests reaches the network.
 */
export async function launchChromiumWatchdog(
  extensionDir: string,
  answer: (url: URL) => WebmailAnswer | undefined = () => undefined,
): Promise<ChromiumWatchdog> {
  const profile = mkdtempSync(join(tmpdir(), 'dmarc-lens-watchdog-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // Whatever escapes context.route (a redirect Chromium follows itself) resolves nowhere.
      '--host-resolver-rules=MAP * ~NOTFOUND',
    ],
  });
  await context.route(
    (url) => url.protocol !== 'chrome-extension:',
    async (route) => {
      const answered = answer(new URL(route.request().url()));
      if (answered === undefined) await route.abort('blockedbyclient');
      else await route.fulfill({ status: answered.status, headers: answered.headers, body: answered.body });
    },
  );
  // Content scripts register a moment after start: wait for the service worker before opening the first page.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const GECKO_ID = '{5f0b3d62-7c1e-4a8e-9d2f-0b6c1a7e4d93}';
const FIREFOX_UUID = '0c4e2a61-9b3d-4f57-8e21-7a6d5c4b3f20';

export interface FirefoxWatchdog {
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

/** Debian's Firefox ESR with a watchdog build, over WebDriver BiDi (docs/setup: Playwright cannot drive it). */
export async function launchFirefoxWatchdog(extensionDir: string): Promise<FirefoxWatchdog> {
  const profile = mkdtempSync(join(tmpdir(), 'dmarc-lens-watchdog-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }) },
  });
  await browser.installExtension(extensionDir);
  return {
    browser,
    origin: `moz-extension://${FIREFOX_UUID}`,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
