// The weekly digest in the extension's dashboard (issue 17), on hello-charly.com's real reports of January and
// February 2024, dropped whole (Google's and Microsoft's, read in place from ../shared/corpus): the figures are the
// ones summed by hand from the XML in test/core/analysis/weeklyDigest.test.ts. Then the pages as a user sees them, in
// English and Dutch, light and dark, saved to shotsDir('watch') to be looked at.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { axeViolations } from '../site/siteHelpers';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { watchReportsAvailable } from './watchReports';
import { shotsDir } from '../shotsDir';

const FOLDER = fileURLToPath(new URL('../../../../shared/corpus/asrokknoivl__dmarc-analyser/', import.meta.url));
const SHOTS = shotsDir('watch');

let ext: ExtensionBrowser;
test.beforeAll(async () => {
  if (watchReportsAvailable) ext = await launchExtension();
});
test.afterAll(async () => {
  await ext?.close();
});
test.skip(!watchReportsAvailable, 'the shared corpus (../shared/corpus) is not beside this checkout');
test.describe.configure({ mode: 'serial' });

const extensionPage = async (path: string): Promise<Page> => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  return page;
};

/** The site's language and theme settings, shared by every page of the extension's origin. */
async function choose(page: Page, locale: 'en' | 'nl', theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(
    ([l, t]) => {
      localStorage.setItem('dmarc-lens:locale', l!);
      localStorage.setItem('dmarc-lens:theme', t!);
    },
    [locale, theme],
  );
}

test('the digest of 4 to 10 February counts what the XML holds', async () => {
  const drop = await extensionPage('drop.html');
  await drop.locator('input[type=file]').setInputFiles(
    ['noreply-dmarc-support@google.com.txt', 'dmarcreport@microsoft.com.txt'].map((name) => ({
      name,
      mimeType: 'text/plain',
      buffer: readFileSync(FOLDER + name),
    })),
  );
  await expect(drop.getByTestId('drop-outcomes').locator('li')).toHaveCount(2, { timeout: 30_000 });
  await expect(drop.getByTestId('drop-outcomes')).not.toContainText('Already saved');

  const watch = await extensionPage('dashboard.html#/watch?domain=hello-charly.com');
  await watch.getByTestId('digest-week').selectOption('2024-02-10');
  const volume = watch.getByTestId('digest-volume');
  await expect(volume.locator('tr[data-row=thisWeek] td')).toHaveText(['179', '178', '99.4%']);
  await expect(volume.locator('tr[data-row=weekBefore] td')).toHaveText(['1,366', '1,344', '98.4%']);
  const days = watch.getByTestId('digest-days').locator('li');
  expect(await days.evaluateAll((items) => items.map((li) => `${li.dataset.day} ${li.dataset.messages}`))).toEqual([
    '2024-02-04 79',
    '2024-02-05 0',
    '2024-02-06 0',
    '2024-02-07 0',
    '2024-02-08 23',
    '2024-02-09 12',
    '2024-02-10 65',
  ]);
  await watch.getByTestId('digest-week').selectOption('2024-02-01');
  await expect(watch.getByTestId('digest-failing')).toHaveText(
    'OVHcloud (mail hosting): 0 of 1 message aligned this week',
  );
  expect(await axeViolations(watch)).toEqual([]);
  expect(ext.elsewhere).toEqual([]);
  await drop.close();
  await watch.close();
});

test('screenshots: popup, options, drop page and the alerts view, English and Dutch, light and dark', async () => {
  // Twenty pages, each checked with axe.
  test.setTimeout(600_000);
  for (const [locale, theme] of [
    ['en', 'light'],
    ['nl', 'dark'],
    ['en', 'dark'],
    ['nl', 'light'],
  ] as const) {
    const setup = await extensionPage('options.html');
    await choose(setup, locale, theme);
    await setup.close();
    for (const [name, path, width] of [
      ['popup', 'popup.html', 400],
      ['options', 'options.html', 900],
      ['drop', 'drop.html?file=report.xml.gz', 900],
      ['watch', 'dashboard.html#/watch?domain=hello-charly.com', 1100],
      ['watch-phone', 'dashboard.html#/watch?domain=hello-charly.com', 390],
    ] as const) {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      if (name.startsWith('watch')) await expect(page.getByTestId('digest')).toBeVisible({ timeout: 20_000 });
      else await page.waitForTimeout(500);
      expect(await axeViolations(page), `${name} ${locale} ${theme}`).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${name}-${locale}-${theme}.png`, fullPage: true });
      await page.close();
    }
  }
  expect(ext.elsewhere).toEqual([]);
});
