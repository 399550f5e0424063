// Housekeeping in the built site (Chromium) with real corpus reports: page titles and focus per route, the
// disposition card's words, samples tagged and removed in one click, import results kept across reloads, storage and
// retention on the Data page, deletes that say what they remove.
import { expect, test, type Page } from '@playwright/test';
import { addReports, fixtureFile, ORIGIN, recordRequests } from './siteHelpers';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    if (!localStorage.getItem('dmarc-lens:locale')) localStorage.setItem('dmarc-lens:locale', 'en');
  });
});

/** The focused element's tag and text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent ?? ''}`);
}

test('each route has its own title, and focus goes to its main heading on a route change and after an import', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto(`${ORIGIN}/#/import`);
  await expect(page).toHaveTitle('Import — DMARC Lens');
  await page.getByRole('link', { name: 'Data' }).click();
  await expect(page).toHaveTitle('Data — DMARC Lens');
  await expect.poll(() => focused(page)).toBe('H1 Your data');
  await page.getByRole('link', { name: 'DNS records' }).click();
  await expect(page).toHaveTitle('DNS records — DMARC Lens');
  // A page loaded on demand: focus waits for its heading.
  await expect.poll(() => focused(page)).toMatch(/^H1 /);
  await page.getByRole('link', { name: 'Import' }).click();
  await expect.poll(() => focused(page)).toBe('H1 Import reports');
  // The picker had focus while choosing; once the import ends, focus is on the heading again, not on <body>.
  await page.getByRole('button', { name: 'Try it with sample reports' }).focus();
  await addReports(page, [fixtureFile('resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml')]);
  await expect.poll(() => focused(page)).toBe('H1 Import reports');
  await page.getByTestId('language-select').selectOption('nl');
  await expect(page).toHaveTitle('Importeren — DMARC Lens');
  await page.getByRole('link', { name: 'Afzenders' }).click();
  await expect(page).toHaveTitle('Afzenders — DMARC Lens');
  requests.assertSameOrigin();
});

test('the quarantined-or-rejected card says quarantined, rejected and delivered, a disposition of "pass" counted as delivered', async ({
  page,
}) => {
  // resend's sample: 1,615 messages with disposition none, 15 quarantine, 42 reject (counted from its XML).
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, [fixtureFile('resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml')]);
  await page.goto(`${ORIGIN}/#/dashboard`);
  const card = page.locator('dl > div', { hasText: 'Quarantined or rejected' });
  await expect(card).toContainText('15 quarantined · 42 rejected · 1,615 delivered');
  // RFC 9990's example: one record of 123 messages with <disposition>pass</disposition>. Its date (1979) is refused
  // as implausible, so it comes here with its date range moved to November 2023 and nothing else changed.
  const rfc = fixtureFile('domainaware__parsedmarc/rfc9990-sample.xml');
  const moved = rfc.buffer
    .toString('utf8')
    .replace('<begin>302832000</begin>', '<begin>1700000000</begin>')
    .replace('<end>302918399</end>', '<end>1700086399</end>');
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, [{ ...rfc, buffer: Buffer.from(moved) }]);
  await expect(page.getByTestId('import-outcome')).toHaveText(
    'Import finished. Reports imported: 1; duplicates: 0; files refused: 0.',
  );
  await page.goto(`${ORIGIN}/#/dashboard`);
  await expect(card).toContainText('15 quarantined · 42 rejected · 1,738 delivered');
  await expect(card).not.toContainText('passed');
});

const ZOHO = 'domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml';
const GOOGLE = 'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml';

test('sample reports are tagged, said to be there on every page, and removed in one click without touching the user’s own', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto(`${ORIGIN}/#/import`);
  // The user's own: zoho's report (8 records, 9 messages), and google's report of secure.200permits.com (2 records,
  // 27 messages), which is one of the bundled samples too: stored before the samples came, it is not a sample.
  await addReports(page, [fixtureFile(ZOHO), fixtureFile(GOOGLE)]);
  await expect(page.getByTestId('sample-notice')).toHaveCount(0);
  await page.getByRole('button', { name: 'Try it with sample reports' }).click();
  await expect(page.getByTestId('import-outcome')).toContainText('Import finished', { timeout: 60_000 });
  const outcome = (await page.getByTestId('import-outcome').textContent()) ?? '';
  const imported = Number(/Reports imported: (\d+)/.exec(outcome)?.[1]);
  // 15 sample files, one report each, of which google's was stored already.
  expect(outcome).toContain('Reports imported: 14; duplicates: 1; files refused: 0.');
  await expect(page.getByText('These are the bundled sample reports.')).toBeVisible();

  for (const route of ['dashboard', 'senders', 'data']) {
    await page.goto(`${ORIGIN}/#/${route}`);
    await expect(page.getByTestId('sample-notice')).toContainText(
      `${imported} sample reports are stored beside your own and counted in what you see.`,
    );
  }
  await page.screenshot({ path: '/work/shots/house/sample-notice.png' });
  await page.getByRole('button', { name: 'Remove sample data' }).click();
  const dialog = page.getByTestId('confirm-dialog');
  // The eleven new aggregate reports' messages from PROVENANCE.tsv: 5 + 1 + 52 + 5 + 1 + 18 (secure.200permits.com) +
  // 524 + 1,672 + 3,047 + 22 + 53.
  await expect(dialog).toContainText(
    'Remove the sample data: 11 aggregate reports (5,400 messages), 1 failure report and 2 TLS reports? Your own reports stay.',
  );
  await dialog.getByRole('button', { name: `Delete ${imported} reports` }).click();
  await expect(page.getByTestId('sample-notice')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Sample data removed' })).toBeVisible();
  // What stays is the user's: zoho's 8 records and google's 2.
  await expect(page.getByTestId('stored-counts')).toHaveText('2 reports and 10 records are stored in this browser.');
  await page.reload();
  await expect(page.getByTestId('sample-notice')).toHaveCount(0);
  requests.assertSameOrigin();
});
