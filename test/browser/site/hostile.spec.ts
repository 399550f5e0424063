// Hostile and unlucky imports on the built site: a file that holds a worker up is abandoned by the import's watchdog
// while the other files land; a full storage is said in plain words.
import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { addReports, AGGREGATE_FILES, expectedMessages, fixtureFile, ORIGIN, totalMessages } from './siteHelpers';

/** ImportController's STALL_BUDGET_TEST_KEY. */
const STALL_BUDGET_TEST_KEY = 'dmarc-lens:test:stall-budget-ms';

/**
 * A TLS report (RFC 8460) listing `policies` policy domains, gzipped: read as one JSON document, with no record
 * batches along the way to show progress, it keeps a worker busy for seconds (100,000 policies: 4 s in Node) from a
 * file of a few hundred kilobytes, well under the decompression ratio limit.
 */
function manyPoliciesReport(policies: number): { name: string; mimeType: string; buffer: Buffer } {
  const report = {
    'organization-name': 'Many Policies Inc.',
    'date-range': { 'start-datetime': '2024-01-01T00:00:00Z', 'end-datetime': '2024-01-01T23:59:59Z' },
    'contact-info': 'tlsrpt@many.example',
    'report-id': 'many-policies-1',
    policies: Array.from({ length: policies }, (_, i) => ({
      policy: { 'policy-type': 'sts', 'policy-domain': `d${i}.many.example` },
      summary: { 'total-successful-session-count': 1, 'total-failure-session-count': 0 },
    })),
  };
  return { name: 'many.example!1704067200!1704153599.json.gz', mimeType: 'application/gzip', buffer: gzipSync(JSON.stringify(report), { level: 9 }) };
}

async function openImportPage(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/#/import`);
  await expect(page.getByRole('heading', { name: 'Import reports' })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dmarc-lens:locale', 'en'));
});

test('a file that keeps its worker busy past the budget is abandoned and reported; the files around it land, each counted once', async ({ page }) => {
  // The test-only budget: 1.5 s without a sign of progress instead of 15 s and more.
  await page.addInitScript((key) => localStorage.setItem(key, '1500'), STALL_BUDGET_TEST_KEY);
  await openImportPage(page);
  const slow = manyPoliciesReport(100_000);
  const normal = AGGREGATE_FILES.map(fixtureFile);
  // The slow file in the middle: files before and after it, in the same worker's messages, must all land.
  const files = [...normal.slice(0, 12), slow, ...normal.slice(12)];
  const started = Date.now();
  await addReports(page, files);
  const outcome = page.getByTestId('import-outcome');
  const reportsInFiles = AGGREGATE_FILES.length + 2; /* multiple_reports.zip holds 3 */
  await expect(outcome).toHaveText(`Import finished. Reports imported: ${reportsInFiles}; duplicates: 0; files refused: 1.`);
  const row = page.getByTestId('import-results').locator('tr', { hasText: slow.name });
  await expect(row).toContainText('Refused');
  await expect(row).toContainText('This file took too long to read, so it was set aside; the other files were read as usual.');
  await expect(row).toContainText(`${slow.name}: no progress for 2 s; reading was stopped`);
  await expect(page.getByTestId('import-results').locator('tr[data-status="imported"]')).toHaveCount(AGGREGATE_FILES.length);
  // Within a few budgets (one to suspect the file, one to name it), not the minutes the file takes.
  expect(Date.now() - started).toBeLessThan(20_000);

  await page.goto(`${ORIGIN}/#/dashboard`);
  expect(await totalMessages(page)).toBe(expectedMessages(AGGREGATE_FILES));
});

test('storage that fills up mid-import: the files that no longer fit are refused in plain words, the others land', async ({ page }) => {
  // Chromium's own quota for the origin, lowered through the DevTools protocol before the page opens: about what the
  // empty database and a few reports take (100 KB), so that the writes of an import start failing part way through,
  // as on a full disk.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: 100_000 });
  await openImportPage(page);
  // Twelve files of one report each.
  const paths = AGGREGATE_FILES.slice(0, 12);
  await addReports(page, paths.map(fixtureFile));
  const rows = await page.getByTestId('import-results').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ status: tr.getAttribute('data-status'), cells: [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText) })),
  );
  expect(rows).toHaveLength(12);
  const imported = rows.filter((row) => row.status === 'imported');
  const refused = rows.filter((row) => row.status === 'refused');
  expect(imported.length, 'some files fit').toBeGreaterThan(0);
  expect(refused.length, 'some files did not').toBeGreaterThan(0);
  expect(imported.length + refused.length).toBe(12);
  for (const row of refused) {
    const name = row.cells[0]!;
    expect(row.cells[2]).toBe(
      `Your browser’s storage for this site is full: delete old reports on the Data page or free disk space, then import this file again.\n${name}: QuotaExceededError`,
    );
  }
  await expect(page.getByTestId('import-outcome')).toHaveText(
    `Import finished. Reports imported: ${imported.length}; duplicates: 0; files refused: ${refused.length}.`,
  );
  // What did fit is stored whole and readable.
  const landed = paths.filter((path) => imported.some((row) => row.cells[0] === path.split('/').pop()));
  await page.goto(`${ORIGIN}/#/dashboard`);
  expect(await totalMessages(page)).toBe(expectedMessages(landed));
});

test('a storage too full even to open the database: every file is refused in plain words and the import finishes', async ({ page }) => {
  await openImportPage(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: ORIGIN, quotaSize: 1 });
  const names = AGGREGATE_FILES.slice(0, 3);
  await addReports(page, names.map(fixtureFile));
  await expect(page.getByTestId('import-outcome')).toHaveText('Import finished. Reports imported: 0; duplicates: 0; files refused: 3.');
  for (const path of names) {
    const name = path.split('/').pop()!;
    const row = page.getByTestId('import-results').locator('tr', { hasText: name });
    await expect(row).toContainText('Your browser’s storage for this site is full');
    await expect(row).toContainText(`${name}: QuotaExceededError`);
  }
});
