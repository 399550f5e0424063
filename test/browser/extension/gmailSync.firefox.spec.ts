// The background sync of a Gmail label through an open Gmail tab, in Firefox ESR (MV3 and MV2 builds, puppeteer over
// WebDriver BiDi), as gmailSync.chromium.spec.ts does in Chromium: the alarm (set from an extension page: alarms
// belong to the extension) wakes the background, which asks the Gmail tab's bulk content script to read the label's
// messages not read before; the next alarm reads nothing new. Every request of the Gmail tab is answered by the fake
// Gmail (bulkRoutes.ts) or recorded as a leak.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { GMAIL_ALWAYS_FAILING, GMAIL_LIST_PATH, bulkFakes } from './bulkRoutes';
import {
  FIREFOX_BUILDS,
  firefoxExtensionDir,
  launchFirefoxExtension,
  type FirefoxExtension,
} from './launchFirefoxExtension';
import { readStoredReportKeys } from './storedReports';

const ALARM = 'dmarc-lens-gmail-sync';
/** The label's reports, as bulk.chromium.spec.ts names them from the report messages' subjects and XML. */
const GMAIL_KEYS = [
  'aggregate\u0000google.com\u00001627703331531660819',
  'aggregate\u0000Mimecast\u0000157a5fe30ec76f4bc0d8bccfc96c118a167a1280fee7c7465af5115e73082e5e',
  'tls\u0000Google Inc.\u00002024-09-03T00:00:00Z_cardinalhealth.ca',
  'aggregate\u0000Mail.Ru\u000082403907998914102491559779200',
].sort();

interface GmailSyncRun {
  at: number;
  skipped?: string;
  listed: number;
  messages: number;
  added: number;
  alreadySaved: number;
  failed: number;
}

declare const browser: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

for (const build of FIREFOX_BUILDS) {
  test.describe(build, () => {
    test.describe.configure({ mode: 'serial' });
    test.skip(!existsSync(firefoxExtensionDir(build)), `${build} is not built`);
    let ff: FirefoxExtension;
    let options: Page;
    const fakes = bulkFakes();
    test.beforeAll(async () => {
      ff = await launchFirefoxExtension(firefoxExtensionDir(build), {
        answer: (url, request) => fakes.answer(url, request),
      });
      options = await ff.browser.newPage();
      await options.goto(`${ff.origin}/options.html`, { timeout: 5000 }).catch(() => undefined);
      await expect
        .poll(() => options.evaluate(() => document.readyState).catch(() => ''), { timeout: 20_000 })
        .toBe('complete');
      await options.evaluate(() =>
        browser.storage.local.set({
          gatherSettings: { autoSave: true, syncFolder: '', syncEveryMinutes: 60, gmailList: 'DMARC' },
        }),
      );
    });
    test.afterAll(async () => {
      await ff?.close();
    });

    const lastRun = async () =>
      (
        (await options.evaluate(() => browser.storage.local.get('gmailSyncState'))).gmailSyncState as
          { lastRun?: GmailSyncRun } | undefined
      )?.lastRun;

    async function fireAlarm(): Promise<GmailSyncRun> {
      const before = (await lastRun())?.at ?? 0;
      await options.evaluate((alarm) => browser.alarms.create(alarm, { when: Date.now() }), ALARM);
      await expect.poll(async () => (await lastRun())?.at ?? 0, { timeout: 30_000 }).toBeGreaterThan(before);
      return (await lastRun())!;
    }

    const downloads = () =>
      fakes.seen
        .filter((line) => line.includes('view=att'))
        .map((line) => new URLSearchParams(line.slice(line.indexOf('?'))).get('th'));

    test('no Gmail tab: nothing is asked; a tab on the label: its messages are read once, the next run reads nothing new', async () => {
      expect(await fireAlarm()).toMatchObject({ skipped: 'noTab', messages: 0 });
      expect(fakes.seen).toEqual([]);

      const gmail = await ff.newWebmailPage();
      await gmail.goto(`https://mail.google.com${GMAIL_LIST_PATH}#label/DMARC`);
      // The bulk content script is there once its control shows.
      await expect
        .poll(() => gmail.evaluate(() => document.querySelector('[data-dmarc-lens="bulk"]') !== null), {
          timeout: 20_000,
        })
        .toBe(true);
      const first = await fireAlarm();
      expect(first).toMatchObject({ listed: 8, messages: 6, added: 4, alreadySaved: 1, failed: 1 });
      expect(first.skipped).toBeUndefined();
      expect(downloads()).toHaveLength(11);
      expect(await options.evaluate(readStoredReportKeys)).toEqual(GMAIL_KEYS);

      const start = downloads().length;
      const quiet = await fireAlarm();
      expect(quiet).toMatchObject({ listed: 8, messages: 0, added: 0, alreadySaved: 0, failed: 1 });
      expect(downloads().slice(start)).toEqual(Array<string>(4).fill(GMAIL_ALWAYS_FAILING));
      expect(await options.evaluate(readStoredReportKeys)).toEqual(GMAIL_KEYS);
      expect(fakes.problems).toEqual([]);
      expect(ff.elsewhere).toEqual([]);
      expect(ff.requests.filter((r) => !r.startsWith('GET https://mail.google.com/'))).toEqual([]);
      await gmail.close();
    });
  });
}
