// The dashboard's reporters table in the built site: one row per reporting organization, whatever names it used.
import { expect, test } from '@playwright/test';
import { addReports, fixtureFile, ORIGIN } from './siteHelpers';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dmarc-lens:locale', 'en'));
});

test('Yahoo as "Yahoo" and as "Yahoo! Inc.", and Google as "google.com" and "Google Inc.", are one row each', async ({
  page,
}) => {
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(
    page,
    [
      'cry-inc__dmarc-report-viewer/yahoo.xml',
      'danielsen__dmarc-aggregate-parser/sample_report.xml',
      'cry-inc__dmarc-report-viewer/google.xml',
      'resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml',
    ].map(fixtureFile),
  );
  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
  const table = page.getByTestId('reporters-table');
  await expect(table).toBeVisible({ timeout: 30_000 });
  const names = table.locator('tbody th[scope="row"]');
  await expect(names).toHaveCount(2);
  await expect(table.getByRole('rowheader', { name: /^Yahoo/ })).toHaveText('YahooYahoo! Inc. · yahoo.com');
  await expect(table.getByRole('rowheader', { name: /^Google Inc\./ })).toHaveText('Google Inc.google.com');
});
