// Auto-save in Firefox ESR (MV3 and MV2 builds): the reports the cards read are stored in the extension's database
// without a click, once; turned off, nothing is stored.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import {
  FIREFOX_BUILDS,
  firefoxExtensionDir,
  launchFirefoxExtension,
  type FirefoxExtension,
} from './launchFirefoxExtension';
import { readStoredReportKeys, reportKeyOfBytes } from './storedReports';
import { gmailAttachments } from './webmailRoutes';

const THREAD_A = ['f_google_zip', 'f_zoho_gz', 'f_outlook_xml', 'f_scanned_xml', 'f_late_xml'] as const;
const expectedKeys = [
  ...THREAD_A.map((id) => reportKeyOfBytes(gmailAttachments[id]!.bytes)),
  // The raw message's zip (its subject: "Report domain: borschow.com Submitter: google.com Report-ID: 949348866075514174").
  'aggregate\u0000google.com\u0000949348866075514174',
].sort();

declare const browser: { storage: { local: { set(items: object): Promise<void> } } };

for (const build of FIREFOX_BUILDS) {
  test.describe(build, () => {
    test.describe.configure({ mode: 'serial' });
    test.skip(!existsSync(firefoxExtensionDir(build)), `${build} is not built`);

    let ff: FirefoxExtension;
    let extensionPage: Page;
    test.beforeAll(async () => {
      ff = await launchFirefoxExtension(firefoxExtensionDir(build));
      extensionPage = await ff.browser.newPage();
      // Puppeteer over BiDi may never see a moz-extension:// page finish loading: ask the page where it is instead.
      await extensionPage.goto(`${ff.origin}/options.html`, { timeout: 5000 }).catch(() => undefined);
      await expect
        .poll(() => extensionPage.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''), {
          timeout: 20_000,
        })
        .toBe(`${ff.origin}/options.html complete`);
    });
    test.afterAll(async () => {
      await ff?.close();
    });

    const storedKeys = () => extensionPage.evaluate(readStoredReportKeys);
    const setAutoSave = (on: boolean) =>
      extensionPage.evaluate(
        (autoSave: boolean) =>
          browser.storage.local.set({ gatherSettings: { autoSave, syncFolder: '', syncEveryMinutes: 60 } }),
        on,
      );

    /** Opens thread-a and waits until none of its seven cards is still reading. */
    async function readThreadA(): Promise<void> {
      const page = await ff.newWebmailPage();
      await page.goto('https://mail.google.com/mail/u/1/#inbox/thread-a');
      await page.waitForFunction(
        () => {
          const hosts = [...document.querySelectorAll('[data-dmarc-lens="summary"]')];
          return (
            hosts.length === 7 && hosts.every((h) => ['done', 'error'].includes(h.getAttribute('data-state') ?? ''))
          );
        },
        { timeout: 30_000, polling: 100 },
      );
      await page.close();
    }

    test('off: reading stores nothing; on: every report read is stored once', async () => {
      await setAutoSave(false);
      await readThreadA();
      expect(await storedKeys()).toEqual([]);
      await setAutoSave(true);
      await readThreadA();
      await expect.poll(storedKeys, { timeout: 10_000 }).toEqual(expectedKeys);
      await readThreadA();
      expect(await storedKeys()).toEqual(expectedKeys);
      expect(ff.elsewhere).toEqual([]);
    });
  });
}
