// Bulk import from a Gmail label in Firefox ESR (MV3 and MV2 builds, puppeteer over WebDriver BiDi): the control reads
// every listed thread under the card's fetch rules and stores each report once; nothing goes to another host.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { GMAIL_LIST_PATH, bulkFakes } from './bulkRoutes';
import {
  FIREFOX_BUILDS,
  firefoxExtensionDir,
  launchFirefoxExtension,
  type FirefoxExtension,
} from './launchFirefoxExtension';
import { readStoredReportKeys } from './storedReports';

/** The few WebDriver BiDi pieces of puppeteer's page used below (as launchFirefoxExtension.ts uses them). */
interface BidiPagePieces {
  browsingContext: {
    id: string;
    userContext: { browser: { session: { send(method: string, params: object): Promise<{ result: unknown }> } } };
  };
}
interface BidiRemoteNode {
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string } | null };
}

/** Calls `fn(root, host, arg)` on the control's closed shadow root (BiDi serializes closed roots to the test). */
async function callOnControl(
  page: Page,
  fn: (root: ShadowRoot, host: Element, arg: string) => string,
  arg = '',
): Promise<string | undefined> {
  const host = await page.$('[data-dmarc-lens="bulk"]');
  if (host === null) return undefined;
  const { browsingContext } = page.mainFrame() as unknown as BidiPagePieces;
  const remote = (host as unknown as { remoteValue(): BidiRemoteNode }).remoteValue();
  const rootId = remote.value?.shadowRoot?.sharedId;
  if (remote.sharedId === undefined || rootId === undefined) throw new Error('the control has no shadow root');
  const { result } = (await browsingContext.userContext.browser.session.send('script.callFunction', {
    functionDeclaration: fn.toString(),
    target: { context: browsingContext.id },
    awaitPromise: false,
    arguments: [{ sharedId: rootId }, { sharedId: remote.sharedId }, { type: 'string', value: arg }],
    resultOwnership: 'none',
  })) as { result: { type: string; result?: { value?: unknown } } };
  await host.dispose();
  if (result.type !== 'success') throw new Error(`reading the control failed: ${JSON.stringify(result)}`);
  return result.result?.value as string;
}

function readRoot(root: ShadowRoot, host: Element): string {
  return JSON.stringify({
    state: host.getAttribute('data-state'),
    count: host.getAttribute('data-count'),
    status: root.querySelector('[role="status"]')?.textContent ?? '',
  });
}

function clickInRoot(root: ShadowRoot, _host: Element, action: string): string {
  const button = root.querySelector(`button[data-action="${action}"]`);
  if (!(button instanceof HTMLButtonElement)) return 'none';
  button.click();
  return 'clicked';
}

const GMAIL_KEYS = [
  'aggregate\u0000google.com\u00001627703331531660819',
  'aggregate\u0000Mimecast\u0000157a5fe30ec76f4bc0d8bccfc96c118a167a1280fee7c7465af5115e73082e5e',
  'tls\u0000Google Inc.\u00002024-09-03T00:00:00Z_cardinalhealth.ca',
  'aggregate\u0000Mail.Ru\u000082403907998914102491559779200',
].sort();

for (const build of FIREFOX_BUILDS) {
  test.describe(build, () => {
    test.skip(!existsSync(firefoxExtensionDir(build)), `${build} is not built`);
    let ff: FirefoxExtension;
    const fakes = bulkFakes();
    test.beforeAll(async () => {
      ff = await launchFirefoxExtension(firefoxExtensionDir(build), {
        answer: (url, request) => fakes.answer(url, request),
      });
    });
    test.afterAll(async () => {
      await ff?.close();
    });

    test('Gmail label: every listed thread read once, each report stored once, nothing elsewhere', async () => {
      const page = await ff.newWebmailPage();
      await page.goto(`https://mail.google.com${GMAIL_LIST_PATH}#label/DMARC`);
      const read = async () => JSON.parse((await callOnControl(page, readRoot)) ?? '{}') as Record<string, string>;
      await expect.poll(async () => (await read()).count, { timeout: 20_000 }).toBe('8');
      expect(await callOnControl(page, clickInRoot, 'start')).toBe('clicked');
      await expect.poll(async () => (await read()).state, { timeout: 40_000 }).toBe('done');
      expect((await read()).status).toBe('Done: 4 new reports saved, 1 already saved.');
      const extensionPage = await ff.browser.newPage();
      await extensionPage.goto(`${ff.origin}/options.html`, { timeout: 5000 }).catch(() => undefined);
      await expect
        .poll(() => extensionPage.evaluate(() => document.readyState).catch(() => ''), { timeout: 20_000 })
        .toBe('complete');
      expect(await extensionPage.evaluate(readStoredReportKeys)).toEqual(GMAIL_KEYS);
      expect(fakes.problems).toEqual([]);
      expect(ff.elsewhere).toEqual([]);
      expect(ff.requests.filter((r) => !r.startsWith('GET https://mail.google.com/'))).toEqual([]);
      await extensionPage.close();
      await page.close();
    });
  });
}
