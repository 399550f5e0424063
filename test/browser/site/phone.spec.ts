// The site on a 390 px phone (Chromium) with real reports of several domains: no page scrolls sideways, and tables
// become a card per row with each cell named. Screenshots in both languages and themes.
import { expect, test, type Page } from '@playwright/test';
import {
  addReports,
  AGGREGATE_FILES,
  axeViolations,
  chooseLocaleAndTheme,
  fixtureFile,
  ORIGIN,
  OTHER_REPORT_FILES,
} from './siteHelpers';

const SHOTS = '/work/shots/house';
const ROUTES = ['overview', 'dashboard', 'senders', 'records', 'import', 'data'] as const;

test.use({ viewport: { width: 390, height: 844 } });

/** The widest thing on the page, for the failure message: what sticks out past the viewport. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .filter((element) => !element.closest('.sr-only') && getComputedStyle(element).position !== 'fixed')
      .slice(0, 8)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className.toString().slice(0, 60)} ${Math.round(element.getBoundingClientRect().right)}`,
      ),
  );
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!localStorage.getItem('dmarc-lens:locale')) localStorage.setItem('dmarc-lens:locale', 'en');
  });
});

test('no page scrolls sideways at 390 px, in either language or theme, and each passes axe', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, [...AGGREGATE_FILES, ...OTHER_REPORT_FILES].map(fixtureFile));
  for (const [locale, theme] of [
    ['en', 'light'],
    ['nl', 'dark'],
  ] as const) {
    await chooseLocaleAndTheme(page, locale, theme);
    for (const route of ROUTES) {
      await page.goto(`${ORIGIN}/#/${route}`);
      await page.reload();
      await expect(page.locator('main h1').first()).toBeVisible({ timeout: 30_000 });
      // Let the page's data arrive (tables, charts) before measuring.
      await page.waitForTimeout(1500);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(
        width,
        `${route} (${locale}, ${theme}) is ${width} px wide: ${(await overflowing(page)).join('; ')}`,
      ).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SHOTS}/phone-${route}-${locale}-${theme}.png`, fullPage: true });
      expect(await axeViolations(page), `${route} (${locale}, ${theme})`).toEqual([]);
    }
  }
});
