// The dashboard's view in its address: the extension opens `dashboard.html#/dashboard?domain=<domain>`
// (extension/pages/extensionPageUrls.ts) and the site's dashboard is the same app, so a hash query must preselect the
// domain; choosing a domain or period keeps the address in step, so the view can be linked, reloaded and shared.
import { expect, test, type Page } from '@playwright/test';
import { generateReportFiles, type GeneratedFile } from './generateReports';
import { addReports, ORIGIN, recordRequests, totalMessages } from './siteHelpers';

const DAY = 86_400;
const today = Math.floor(Date.now() / 1000 / DAY) * DAY;
/** 8 reporters × 2 domains today, and the same 60 days ago (another seed, so other report ids). */
const recent = generateReportFiles(16, { seed: 31, recordsPerFile: 5, lastDay: today });
const old = generateReportFiles(16, { seed: 32, recordsPerFile: 5, lastDay: today - 60 * DAY });

function messagesOf(files: readonly GeneratedFile[], domain: string): number {
  return files.filter((f) => f.name.split('!')[1] === domain).reduce((sum, f) => sum + f.messages, 0);
}

async function importGenerated(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, [...recent, ...old]);
  await expect(page.getByTestId('import-outcome')).toContainText('Reports imported: 32;', { timeout: 30_000 });
}

function hashOf(page: Page): string {
  return new URL(page.url()).hash;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dmarc-lens:locale', 'en'));
});

test('a linked domain is preselected, and choosing a domain or period keeps the address in step', async ({ page }) => {
  const requests = recordRequests(page);
  await importGenerated(page);

  // What the extension opens (it lower-cases the domain; a hand-written link may not).
  await page.goto(`${ORIGIN}/#/dashboard?domain=Example.NET`);
  await expect(page.getByTestId('domain-select')).toHaveValue('example.net');
  // The default period, the last 30 days with data, ends today: the reports of 60 days ago are outside it.
  await expect.poll(() => totalMessages(page)).toBe(messagesOf(recent, 'example.net'));
  expect(hashOf(page)).toBe('#/dashboard?domain=example.net');

  await page.getByTestId('period-select').selectOption('30');
  await expect.poll(() => hashOf(page)).toBe('#/dashboard?domain=example.net&period=30');
  await expect.poll(() => totalMessages(page)).toBe(messagesOf(recent, 'example.net'));

  // The address survives a reload, and says the same view.
  await page.reload();
  await expect(page.getByTestId('domain-select')).toHaveValue('example.net');
  await expect(page.getByTestId('period-select')).toHaveValue('30');
  await expect.poll(() => totalMessages(page)).toBe(messagesOf(recent, 'example.net'));

  await page.getByTestId('domain-select').selectOption('');
  await expect.poll(() => hashOf(page)).toBe('#/dashboard?period=30');
  await expect
    .poll(() => totalMessages(page))
    .toBe(messagesOf(recent, 'example.com') + messagesOf(recent, 'example.net'));

  // A link followed in the same tab (a second click in the extension) changes the view.
  await page.evaluate(() => (location.hash = '#/dashboard?domain=example.com'));
  await expect(page.getByTestId('domain-select')).toHaveValue('example.com');
  await expect(page.getByTestId('period-select')).toHaveValue('recent');
  await expect.poll(() => totalMessages(page)).toBe(messagesOf(recent, 'example.com'));

  // Going to another page leaves its address alone.
  await page.getByRole('link', { name: 'Import' }).first().click();
  await expect.poll(() => hashOf(page)).toBe('#/import');
  requests.assertSameOrigin();
});

test('a linked domain with no stored reports falls back to all domains', async ({ page }) => {
  await importGenerated(page);
  await page.goto(`${ORIGIN}/#/dashboard?domain=nothing-stored.example`);
  await expect(page.getByTestId('domain-select')).toHaveValue('');
  await expect
    .poll(() => totalMessages(page))
    .toBe(messagesOf(recent, 'example.com') + messagesOf(recent, 'example.net'));
  await expect.poll(() => hashOf(page)).toBe('#/dashboard');
});
