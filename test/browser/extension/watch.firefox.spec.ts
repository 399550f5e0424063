// The watch in Firefox ESR (MV3 and MV2 builds): as in Chromium (watch.chromium.spec.ts), an alert comes once for a
// failing source and once for a new failing one, none on an identical import, and the one that passes again is
// resolved; the badge counts the open problem. Every request is recorded: none leaves the browser.
import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  FIREFOX_BUILDS,
  firefoxExtensionDir,
  launchFirefoxExtension,
  type FirefoxExtension,
} from './launchFirefoxExtension';
import { helloCharlyReport, watchReportsAvailable, type WatchReport } from './watchReports';

// The extension APIs the test reads in the extension's own page (`action` in MV3, `browserAction` in MV2).
declare const browser: {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
  action?: { getBadgeText(details: object): Promise<string> };
  browserAction?: { getBadgeText(details: object): Promise<string> };
};

interface WatchState {
  changes: string[];
  open: string[];
  badge: string;
}

for (const build of FIREFOX_BUILDS) {
  test.describe(build, () => {
    test.skip(!watchReportsAvailable, 'the shared corpus (../shared/corpus) is not beside this checkout');
    test.skip(!existsSync(firefoxExtensionDir(build)), `${build} is not built`);

    let ff: FirefoxExtension;
    test.beforeAll(async () => {
      ff = await launchFirefoxExtension(firefoxExtensionDir(build));
    });
    test.afterAll(async () => {
      await ff?.close();
    });

    /** The drop page, loaded (Puppeteer over BiDi may never see a moz-extension:// page finish: ask the page). */
    async function dropPage(): Promise<Page> {
      const page = await ff.browser.newPage();
      await page.goto(`${ff.origin}/drop.html`, { timeout: 5000 }).catch(() => undefined);
      await expect
        .poll(() => page.evaluate(() => document.querySelector('input[type=file]') !== null).catch(() => false), {
          timeout: 20_000,
        })
        .toBe(true);
      return page;
    }

    async function drop(report: WatchReport, saved: string): Promise<Page> {
      const page = await dropPage();
      const file = join(mkdtempSync(join(tmpdir(), 'dmarc-lens-watch-')), report.name);
      writeFileSync(file, report.buffer);
      const input = await page.waitForSelector('input[type=file]');
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
      await expect
        .poll(() => page.evaluate(() => document.querySelector('[data-testid="drop-outcomes"]')?.textContent ?? ''), {
          timeout: 30_000,
        })
        .toContain(saved);
      return page;
    }

    const watchState = (page: Page) =>
      page.evaluate(async (): Promise<WatchState> => {
        const stored = await browser.storage.local.get(['watchLog', 'watchMemory']);
        const log = (stored.watchLog ?? []) as Array<{ alert: { change: string; id: string } }>;
        const memory = stored.watchMemory as { findings: Record<string, { level: string }> } | undefined;
        const button = browser.action ?? browser.browserAction;
        return {
          changes: log.map((entry) => `${entry.alert.change} ${entry.alert.id}`),
          open: Object.entries(memory?.findings ?? {})
            .filter(([, f]) => f.level === 'problem')
            .map(([id]) => id),
          badge: (await button?.getBadgeText({})) ?? '',
        };
      });

    test('an alert comes once per change, never for an identical import, and resolves when the source passes', async () => {
      const first = await drop(helloCharlyReport('8770'), 'Saved 1.');
      await expect
        .poll(async () => (await watchState(first)).changes, { timeout: 20_000 })
        .toEqual(['raised source:hello-charly.com:google-cloud-notifications']);
      expect((await watchState(first)).badge).toBe('1');
      await first.close();

      const second = await drop(helloCharlyReport('8997'), 'Saved 1.');
      await expect.poll(async () => (await watchState(second)).changes.length, { timeout: 20_000 }).toBe(3);
      const state = await watchState(second);
      expect(state.changes).toEqual([
        'resolved source:hello-charly.com:google-cloud-notifications',
        'raised source:hello-charly.com:ovh',
        'raised source:hello-charly.com:google-cloud-notifications',
      ]);
      expect(state.open).toEqual(['source:hello-charly.com:ovh']);
      expect(state.badge).toBe('1');
      await second.close();

      const again = await drop(helloCharlyReport('8997'), 'Already saved.');
      // Give a check that should not run the time one takes, then look.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect((await watchState(again)).changes).toHaveLength(3);
      await again.close();
      expect(ff.elsewhere).toEqual([]);
    });
  });
}
