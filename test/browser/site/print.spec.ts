// The report to print for one domain and period (Chromium): reached from the dashboard's view, its figures the
// MANIFEST's, and on paper (print media, and a real PDF) without controls, white even from the dark theme.
import { expect, test } from '@playwright/test';
import { statSync } from 'node:fs';
import { addReports, axeViolations, expectedMessages, fixtureFile, ORIGIN, recordRequests } from './siteHelpers';

const SHOTS = '/work/shots/house';
/** The seven reports of secure.200permits.com in the fixtures (Google, Yahoo, AOL, Comcast, Outlook, Yahoo UK). */
const PERMITS = [
  'jonzobrist__DMARC-Report-Manager/aol.com!secure.200permits.com!1769126400!1769212799.xml.gz',
  'jonzobrist__DMARC-Report-Manager/comcast.net!secure.200permits.com!1766188800!1766275200.xml',
  'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml',
  'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1768867200!1768953599(1).zip',
  'jonzobrist__DMARC-Report-Manager/protection.outlook.com!secure.200permits.com!1766448000!1766534400.xml',
  'jonzobrist__DMARC-Report-Manager/yahoo.co.uk!secure.200permits.com!1768953600!1769039999.xml.gz',
  'jonzobrist__DMARC-Report-Manager/yahoo.com!secure.200permits.com!1768953600!1769039999.xml.gz',
];
const OTHER = 'domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!localStorage.getItem('dmarc-lens:locale')) localStorage.setItem('dmarc-lens:locale', 'en');
  });
});

test('one domain over one period prints with its headline, trend, sources with classes, readiness and changes', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, [...PERMITS, OTHER].map(fixtureFile));
  await page.goto(`${ORIGIN}/#/dashboard?domain=secure.200permits.com&period=all`);
  await expect(page.getByTestId('total-messages')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('print-link').click();
  await expect(page).toHaveURL(/#\/print\?domain=secure\.200permits\.com&period=all$/);
  await expect(page).toHaveTitle('DMARC report secure.200permits.com — DMARC Lens');
  const report = page.getByTestId('print-report');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('DMARC report for secure.200permits.com');
  // 27 + 1 + 52 + 5 + 1 + 18 + 5 messages (PROVENANCE.tsv); zoho's example.com report is not in it.
  expect(expectedMessages(PERMITS)).toBe(109);
  await expect(report.getByTestId('total-messages')).toHaveText('109');
  await expect(report.getByTestId('print-period-line')).toContainText('Dec 20, 2025 to Jan 23, 2026');
  await expect(report.getByRole('heading', { name: 'Messages and DMARC pass rate over time' })).toBeVisible();
  await expect(report.locator('svg').first()).toBeVisible();
  const sources = report.getByTestId('print-sources').locator('tbody tr');
  await expect(sources.first()).toBeVisible({ timeout: 30_000 });
  // Every source with a class, and their messages add up to the headline.
  const cells = await sources.evaluateAll((rows) =>
    rows.map((row) => {
      const text = (row as HTMLTableRowElement).cells[2]?.textContent ?? '';
      return Number(text.split(' (')[0]!.replace(/[^0-9]/g, ''));
    }),
  );
  expect(cells.reduce((sum, n) => sum + n, 0)).toBe(109);
  for (const row of await sources.all())
    await expect(row.locator('td').first()).toHaveText(/^(Compliant|Forwarded|Misconfigured|Suspicious)$/);
  await expect(report.getByRole('heading', { name: 'What changed since the last import' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/print-screen.png`, fullPage: true });

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-toolbar')).toBeHidden();
  await expect(page.getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/print-media-en.png`, fullPage: true });
  // From the dark theme, paper is still white with black text.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => localStorage.setItem('dmarc-lens:theme', 'dark'));
  await page.reload();
  await expect(report.getByTestId('total-messages')).toHaveText('109', { timeout: 30_000 });
  await page.emulateMedia({ media: 'print' });
  const colours = await page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor,
    section: getComputedStyle(document.querySelector('section')!).backgroundColor,
    heading: getComputedStyle(document.querySelector('h1')!).color,
  }));
  expect(colours.body).toBe('rgb(255, 255, 255)');
  expect(colours.section).toBe('rgb(255, 255, 255)');
  expect(colours.heading).not.toMatch(/rgb\(2[0-9]{2}, 2[0-9]{2}, 2[0-9]{2}\)/);
  await page.screenshot({ path: `${SHOTS}/print-media-from-dark.png`, fullPage: true });
  const pdf = `${SHOTS}/print-report-en.pdf`;
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  expect(statSync(pdf).size).toBeGreaterThan(20_000);

  // In Dutch.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => localStorage.setItem('dmarc-lens:locale', 'nl'));
  await page.reload();
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('DMARC-rapport voor secure.200permits.com');
  await expect(report.getByTestId('total-messages')).toHaveText('109', { timeout: 30_000 });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SHOTS}/print-media-nl.png`, fullPage: true });
  await page.pdf({ path: `${SHOTS}/print-report-nl.pdf`, format: 'A4', printBackground: true });
  requests.assertSameOrigin();
});
