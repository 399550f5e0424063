// Housekeeping in the built site (Chromium) with real corpus reports: page titles and focus per route, the
// disposition card's words, samples tagged and removed in one click, import results kept across reloads, storage and
// retention on the Data page, deletes that say what they remove, changes made in one tab shown in the others, and an
// import whose page closed before it ended listed as interrupted.
import { expect, test, type Page } from '@playwright/test';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SHARED_CORPUS } from '../../corpus/readManifest';
import { generateReportFiles } from './generateReports';
import {
  addReports,
  axeViolations,
  chooseLocaleAndTheme,
  FIXTURES,
  fixtureFile,
  ORIGIN,
  recordRequests,
} from './siteHelpers';

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
  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
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
  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
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
  // The first import's outcome stays on screen until the samples' replaces it: wait for the samples' own words.
  // 15 sample files, one report each, of which google's was stored already.
  await expect(page.getByTestId('import-outcome')).toContainText(
    'Reports imported: 14; duplicates: 1; files refused: 0.',
    { timeout: 60_000 },
  );
  const outcome = (await page.getByTestId('import-outcome').textContent()) ?? '';
  const imported = Number(/Reports imported: (\d+)/.exec(outcome)?.[1]);
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

/** A folder `reports/<sub>/` holding copies of real report files, for the folder picker. */
function folderOf(files: Array<{ from: string; sub: string }>): string {
  const root = mkdtempSync(join(tmpdir(), 'dmarc-house-'));
  for (const { from, sub } of files) {
    mkdirSync(join(root, 'reports', sub), { recursive: true });
    copyFileSync(from, join(root, 'reports', sub, basename(from)));
  }
  return join(root, 'reports');
}

const PASTED = `${SHARED_CORPUS}asrokknoivl__dmarc-analyser/dmarcreport@microsoft.com.txt`;

test('per-file results stay across reloads, with the folder of each file, one line per repeated warning and links to its reports', async ({
  page,
}) => {
  test.skip(!existsSync(PASTED), 'needs the shared corpus (../shared/corpus)');
  const requests = recordRequests(page);
  await page.goto(`${ORIGIN}/#/import`);
  // Twelve reports pasted into one text file (112 messages, counted from its XML): the reader says so once per report.
  const folder = folderOf([
    { from: PASTED, sub: '2024/microsoft' },
    { from: `${FIXTURES}${ZOHO}`, sub: '2020' },
  ]);
  await page.getByTestId('add-folder').setInputFiles(folder);
  await expect(page.getByTestId('import-outcome')).toHaveText(
    'Import finished. Reports imported: 13; duplicates: 0; files refused: 0.',
    { timeout: 60_000 },
  );
  await page.reload();
  const earlier = page.getByTestId('earlier-import');
  await expect(earlier).toHaveCount(1);
  await expect(earlier).toContainText('2 files: 13 reports imported, 0 duplicates, 0 files refused');
  await earlier.locator('summary').click();
  const pasted = earlier.locator('tr', { hasText: 'dmarcreport@microsoft.com.txt' });
  await expect(pasted).toContainText('reports/2024/microsoft/');
  await expect(pasted).toContainText('12 reports stored');
  await expect(pasted.getByTestId('file-warnings').locator('li')).toHaveText([
    '12 reports were pasted into one file; read each (12 times)',
  ]);
  // Three links, the other nine folded away (and there, not dropped).
  await expect(pasted.getByTestId('report-links').locator(':scope > a')).toHaveCount(3);
  // The first of them ends at midnight on 15 February 2024 (1707955200): it covers the 14th.
  await expect(pasted.getByTestId('report-links').locator(':scope > a').first()).toHaveText(
    'Open hello-charly.com, Feb 14, 2024',
  );
  await pasted.getByText('9 more reports').click();
  await expect(pasted.getByTestId('report-links').locator('a')).toHaveCount(12);
  const zoho = earlier.locator('tr', { hasText: 'zoho.com!example.com' });
  await expect(zoho).toContainText('reports/2020/');
  // zoho's report runs from 15 February 2020 08:00 to 16 February 08:00 UTC (1581753600 – 1581840000): its link opens
  // that domain on those two days.
  const link = zoho.getByRole('link', { name: /^Open example\.com, / });
  await expect(link).toHaveAttribute(
    'href',
    '#/dashboard?domain=example.com&period=custom&from=2020-02-15&to=2020-02-16',
  );
  await page.screenshot({ path: '/work/shots/house/import-history.png', fullPage: true });
  await link.click();
  await expect(page.getByTestId('total-messages')).toHaveText('9');
  requests.assertSameOrigin();
});

test('the Data page counts what is stored per domain, applies retention, and says what each delete removes before it does', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto(`${ORIGIN}/#/import`);
  // zoho (example.com, February 2020, 9 messages), resend (example.com, February 2024, 1,672 messages), google and
  // comcast (secure.200permits.com, December 2025, 27 and 1 messages), LinkedIn's failure report (example.com, 2019).
  await addReports(page, [
    fixtureFile(ZOHO),
    fixtureFile('resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml'),
    fixtureFile(GOOGLE),
    fixtureFile('jonzobrist__DMARC-Report-Manager/comcast.net!secure.200permits.com!1766188800!1766275200.xml'),
    fixtureFile('domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml'),
  ]);
  await page.goto(`${ORIGIN}/#/data`);
  await expect(page.getByTestId('storage-estimate')).toContainText(
    /This site uses .+ of the .+ this browser allows it\./,
  );
  const rows = page.getByTestId('domain-counts').locator('tbody tr');
  await expect(rows).toHaveText([/example\.com\s*2\s*1,681\s*1\s*0/, /secure\.200permits\.com\s*2\s*28\s*0\s*0/]);

  // Delete one domain: nothing chosen until the user chooses.
  await expect(page.getByTestId('delete-domain-select')).toHaveValue('');
  await expect(page.getByTestId('delete-domain')).toBeDisabled();
  await page.getByTestId('delete-domain-select').selectOption('secure.200permits.com');
  await page.getByTestId('delete-domain').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText(
    'Delete everything stored about secure.200permits.com: 2 aggregate reports (28 messages), 0 failure reports and 0 TLS reports? This cannot be undone.',
  );
  await dialog.getByRole('button', { name: 'Keep' }).click();
  await expect(rows).toHaveCount(2);

  // Retention of 12 months: the reports that ended before a year ago (all but December 2025's, when this runs in 2026).
  await page.getByTestId('retention-select').selectOption('12');
  await page.getByTestId('apply-retention').click();
  await expect(dialog).toContainText('2 aggregate reports (1,681 messages), 1 failure report and 0 TLS reports');
  await expect(dialog.getByTestId('retention-domains')).toHaveText(
    'example.com: 2 aggregate reports (1,681 messages), 1 failure report and 0 TLS reports',
  );
  await page.screenshot({ path: '/work/shots/house/data-retention-dialog.png' });
  await dialog.getByRole('button', { name: 'Delete 3 reports' }).click();
  await expect(rows).toHaveText([/secure\.200permits\.com\s*2\s*28\s*0\s*0/]);
  await expect(page.getByTestId('data-status')).toHaveText(
    'Deleted: 2 aggregate reports (1,681 messages), 1 failure report and 0 TLS reports.',
  );

  // The setting holds at the next import: an old report imported now goes at once, and the outcome says so.
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, [fixtureFile(ZOHO)]);
  await expect(page.getByTestId('import-outcome')).toHaveText(
    'Import finished. Reports imported: 1; duplicates: 0; files refused: 0. 1 report older than 12 months deleted (retention setting).',
  );

  await page.goto(`${ORIGIN}/#/data`);
  await expect(rows).toHaveCount(1);
  await page.getByTestId('delete-everything').click();
  await expect(dialog).toContainText(
    'Delete everything stored in this browser: 2 aggregate reports (28 messages), 0 failure reports and 0 TLS reports, for 1 domain, and the list of earlier imports? This cannot be undone.',
  );
  await dialog.getByRole('button', { name: 'Delete 2 reports' }).click();
  await expect(page.getByTestId('stored-counts')).toHaveText('0 reports and 0 records are stored in this browser.');
  await page.goto(`${ORIGIN}/#/import`);
  await expect(page.getByTestId('earlier-import')).toHaveCount(0);
  requests.assertSameOrigin();
});

test('the import, data and print pages pass axe in both languages and themes, with sample data and earlier imports shown', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, [fixtureFile(ZOHO)]);
  await expect(page.getByTestId('import-outcome')).toContainText('Import finished', { timeout: 60_000 });
  // The samples once the first import has finished (a click while it runs would be a second import's to wait for).
  await page.getByRole('button', { name: 'Try it with sample reports' }).click();
  await expect(page.getByTestId('sample-notice')).toBeVisible({ timeout: 60_000 });
  for (const [locale, theme] of [
    ['en', 'light'],
    ['en', 'dark'],
    ['nl', 'light'],
    ['nl', 'dark'],
  ] as const) {
    await chooseLocaleAndTheme(page, locale, theme);
    for (const route of ['import', 'data', 'print?domain=secure.200permits.com&period=all']) {
      await page.goto(`${ORIGIN}/#/${route}`);
      await page.reload();
      await expect(page.locator('main h1').first()).toBeVisible({ timeout: 30_000 });
      if (route === 'import') await page.getByTestId('earlier-import').first().locator('summary').click();
      if (route === 'data') await expect(page.getByTestId('domain-counts')).toBeVisible();
      if (route.startsWith('print')) await expect(page.getByTestId('print-sources')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('sample-notice').or(page.getByTestId('print-report'))).toBeVisible({
        timeout: 30_000,
      });
      expect(await axeViolations(page), `${route} (${locale}, ${theme})`).toEqual([]);
      await page.screenshot({
        path: `/work/shots/house/${route.split('?')[0]}-${locale}-${theme}.png`,
        fullPage: true,
      });
    }
  }
});

test('a change made in one tab shows in the site’s other tabs without a reload: an import, its history, a delete', async ({
  page,
  context,
}) => {
  const requests = recordRequests(page);
  const other = await context.newPage();
  const otherRequests = recordRequests(other);
  await other.goto(`${ORIGIN}/#/dashboard?period=all`);
  await expect(other.getByRole('heading', { name: 'No reports yet' })).toBeVisible();
  const otherImports = await context.newPage();
  await otherImports.goto(`${ORIGIN}/#/import`);
  await expect(otherImports.getByTestId('earlier-import')).toHaveCount(0);

  // resend's sample: 1,672 messages (counted from its XML).
  await page.goto(`${ORIGIN}/#/import`);
  await addReports(page, [fixtureFile('resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml')]);
  await expect(other.getByTestId('total-messages')).toHaveText('1,672');
  await expect(otherImports.getByTestId('earlier-import')).toHaveCount(1);
  await expect(otherImports.getByTestId('earlier-import')).toContainText('1 file: 1 report imported');

  await page.goto(`${ORIGIN}/#/data`);
  await page.getByTestId('delete-everything').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('stored-counts')).toContainText('0 reports and 0 records');
  await expect(other.getByRole('heading', { name: 'No reports yet' })).toBeVisible();
  await expect(otherImports.getByTestId('earlier-import')).toHaveCount(0);
  requests.assertSameOrigin();
  otherRequests.assertSameOrigin();
});

test('an import whose page closes before it ends is listed as interrupted with the results written; while it runs, other tabs do not list it', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const requests = recordRequests(page);
  const other = await context.newPage();
  const otherRequests = recordRequests(other);
  const dir = mkdtempSync(join(tmpdir(), 'dmarc-interrupted-'));
  const paths = generateReportFiles(3000, { seed: 41, recordsPerFile: 3 }).map(({ name, buffer }) => {
    writeFileSync(join(dir, name), buffer);
    return join(dir, name);
  });
  await page.goto(`${ORIGIN}/#/import`);
  // Slowed tenfold, so that the import is still running when the page closes.
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 10 });
  await page.getByLabel('Add reports').first().setInputFiles(paths);
  const progress = page.getByTestId('import-status').locator('progress');
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(50);
  // Results are written at least once a second.
  await page.waitForTimeout(1500);

  // Running in a page: another tab does not take it for an earlier import.
  await other.goto(`${ORIGIN}/#/import`);
  await expect(other.getByRole('heading', { name: 'Import reports' })).toBeVisible();
  await expect(other.getByTestId('earlier-import')).toHaveCount(0);
  // Still running when it closes. (The page goes on between this read and the close: a batch of results that came
  // meanwhile is kept too, so the count read here bounds nothing.)
  expect(Number(await progress.getAttribute('value'))).toBeLessThan(3000);
  await page.close();

  const earlier = other.getByTestId('earlier-import');
  await expect(async () => {
    await other.reload();
    await expect(earlier).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(earlier).toContainText('Interrupted');
  const text = (await earlier.locator('summary').textContent()) ?? '';
  const kept = Number(/The results of ([\d,]+) of 3,000 files were kept/.exec(text)?.[1]?.replace(/,/g, ''));
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(3000);
  // Every generated file is one new report; the count of files kept is said once.
  expect(text).toContain(`files were kept: ${kept.toLocaleString('en')} reports imported, 0 duplicates`);
  expect(text).not.toContain(`${kept.toLocaleString('en')} files:`);
  await earlier.locator('summary').click();
  await expect(earlier.locator('tbody tr').first()).toBeVisible();
  // A result is kept only once its reports are stored: the database holds at least as many reports as were kept.
  await other.goto(`${ORIGIN}/#/data`);
  await expect(other.getByTestId('stored-counts')).toBeVisible();
  const storedText = (await other.getByTestId('stored-counts').textContent()) ?? '';
  const stored = Number(/([\d,]+) reports?/.exec(storedText)?.[1]?.replace(/,/g, ''));
  expect(stored).toBeGreaterThanOrEqual(kept);
  expect(stored).toBeLessThanOrEqual(3000);
  await other.goto(`${ORIGIN}/#/import`);

  // The next import keeps it, with its results.
  await addReports(other, [fixtureFile('resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml')]);
  await other.reload();
  await expect(other.getByTestId('earlier-import')).toHaveCount(2);
  await expect(other.getByTestId('earlier-import').nth(1)).toContainText('Interrupted');
  // In both languages and themes, on a phone too.
  for (const [locale, theme, width] of [
    ['en', 'light', 1280],
    ['nl', 'dark', 1280],
    ['nl', 'light', 390],
  ] as const) {
    await other.setViewportSize({ width, height: 900 });
    await chooseLocaleAndTheme(other, locale, theme);
    await other.reload();
    const interrupted = other.getByTestId('earlier-import').nth(1);
    await expect(interrupted).toContainText(locale === 'en' ? 'Interrupted' : 'Onderbroken');
    await interrupted.locator('summary').click();
    await expect(interrupted.locator('tbody tr').first()).toBeVisible();
    expect(await axeViolations(other), `${locale}, ${theme}`).toEqual([]);
    await other.screenshot({ path: `/work/shots/house/interrupted-${locale}-${theme}-${width}.png`, fullPage: true });
  }
  requests.assertSameOrigin();
  otherRequests.assertSameOrigin();
});
