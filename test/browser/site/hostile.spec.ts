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
