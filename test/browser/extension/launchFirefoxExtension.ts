// Debian's firefox-esr with the built extension (dist/extension/firefox-mv3), driven by puppeteer-core over WebDriver
// BiDi (Playwright cannot drive stock Firefox). Every request of a webmail tab is answered by the fake webmail or
// recorded as a leak, as in launchExtension.ts for Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { cardHostSelector, readCardRoot, type CardContent } from './cardContent';
import { answerWebmailRequest, type WebmailAnswer } from './webmailRoutes';

export type { CardContent } from './cardContent';

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

export interface FirefoxLaunchOptions {
  /** Answers for hosts other than the fake webmail (consulted first); `undefined` falls through to the webmail. */
  answer?: (url: URL, request: { method: string; headers: Record<string, string> }) => WebmailAnswer | undefined;
  /** More Firefox preferences (the profile's about:config values). */
  prefs?: Record<string, string | number | boolean>;
}

export async function launchFirefoxExtension(
  extensionDir: string,
  options: FirefoxLaunchOptions = {},
): Promise<FirefoxExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'dmarc-lens-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    // Needed to open moz-extension:// pages over BiDi.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      ...options.prefs,
    },
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
        const seen = { method: request.method(), headers: request.headers() };
        const answer = options.answer?.(url, seen) ?? answerWebmailRequest(url, seen.headers);
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

/** The few WebDriver BiDi pieces of puppeteer's page used below (puppeteer-core's BiDi classes, not its public API). */
interface BidiPagePieces {
  browsingContext: {
    id: string;
    userContext: { browser: { session: { send(method: string, params: object): Promise<{ result: unknown }> } } };
  };
}
interface BidiRemoteNode {
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string; value?: { mode?: string } } | null };
}

/**
 * Calls `fn(root, host, ...args)` in the page on every card host matching `selector`. WebDriver BiDi serializes an
 * element with its shadow root, closed ones included (NodeProperties.shadowRoot, mode "closed"): the test gets the
 * root page scripts cannot, and hands it to the function as an argument.
 */
async function callOnCardRoots(
  page: Page,
  selector: string,
  fn: (root: ShadowRoot, host: Element, ...args: string[]) => string,
  args: string[] = [],
): Promise<string[]> {
  const { browsingContext } = page.mainFrame() as unknown as BidiPagePieces;
  const answers: string[] = [];
  for (const host of await page.$$(selector)) {
    const remote = (host as unknown as { remoteValue(): BidiRemoteNode }).remoteValue();
    const rootId = remote.value?.shadowRoot?.sharedId;
    if (remote.sharedId === undefined || rootId === undefined)
      throw new Error(`${selector}: the card has no shadow root`);
    const { result: evaluation } = (await browsingContext.userContext.browser.session.send('script.callFunction', {
      functionDeclaration: fn.toString(),
      target: { context: browsingContext.id },
      awaitPromise: false,
      arguments: [
        { sharedId: rootId },
        { sharedId: remote.sharedId },
        ...args.map((value) => ({ type: 'string', value })),
      ],
      resultOwnership: 'none',
    })) as { result: { type: string; result?: { type: string; value?: unknown } } };
    if (evaluation.type !== 'success' || evaluation.result?.type !== 'string') {
      throw new Error(`reading the card failed: ${JSON.stringify(evaluation)}`);
    }
    answers.push(evaluation.result.value as string);
    await host.dispose();
  }
  return answers;
}

/** What the cards of a page show, read from their closed shadow roots. */
export async function readCards(page: Page): Promise<CardContent[]> {
  return (await callOnCardRoots(page, '[data-dmarc-lens="summary"]', readCardRoot)).map(
    (json) => JSON.parse(json) as CardContent,
  );
}

/** Whether the card's root is closed, as the protocol reports it. */
export async function cardRootModes(page: Page): Promise<string[]> {
  const modes: string[] = [];
  for (const host of await page.$$('[data-dmarc-lens="summary"]')) {
    modes.push(
      (host as unknown as { remoteValue(): BidiRemoteNode }).remoteValue().value?.shadowRoot?.value?.mode ?? 'none',
    );
    await host.dispose();
  }
  return modes;
}

/** Clicks a button inside a card: a click event dispatched on the button (puppeteer's mouse does not reach into it). */
export async function clickCardButton(
  page: Page,
  fileName: string,
  action: 'open' | 'save' | 'drop-page',
): Promise<void> {
  const clicked = await callOnCardRoots(page, cardHostSelector(fileName), clickButtonInRoot, [action]);
  if (clicked[0] !== 'clicked') throw new Error(`the card for ${fileName} has no ${action} button`);
}

function clickButtonInRoot(root: ShadowRoot, _host: Element, action: string): string {
  const button = root.querySelector(`button[data-action="${action}"]`);
  if (!(button instanceof HTMLButtonElement)) return 'none';
  button.click();
  return 'clicked';
}
