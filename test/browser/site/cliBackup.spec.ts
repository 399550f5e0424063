// A batch parsed by the CLI opens in the browser app: `dmarc-lens parse --format backup` over real report files of
// every kind, restored in Chromium through the Data page, gives the dashboard the MANIFEST's message total and the
// Data page the number of reports; nothing leaves the page's origin.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  AGGREGATE_FILES,
  expectedMessages,
  FIXTURES,
  ORIGIN,
  OTHER_REPORT_FILES,
  recordRequests,
  totalMessages,
} from './siteHelpers';

const OUT = 'dist/test-results';
mkdirSync(OUT, { recursive: true });

test('the CLI’s backup of a batch restores in the site with the MANIFEST’s totals', async ({ page }) => {
  const files = [...AGGREGATE_FILES, ...OTHER_REPORT_FILES].map((path) => FIXTURES + path);
  // The real command line, in a child process, as a server would run it.
  const backup = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'cli/run.ts', 'parse', '--format', 'backup', ...files],
    { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
  );
  const path = `${OUT}/cli-backup.jsonl`;
  writeFileSync(path, backup);
  // AGGREGATE_FILES hold 27 aggregate reports (multiple_reports.zip holds three), OTHER_REPORT_FILES four more.
  const reports = backup.split('\n').filter((line) => line.startsWith('{"store":"reports"')).length;
  expect(reports).toBe(AGGREGATE_FILES.length + 2 + OTHER_REPORT_FILES.length);

  const requests = recordRequests(page);
  await page.goto(`${ORIGIN}/#/data`);
  await expect(page.getByTestId('stored-counts')).toContainText('0 reports and 0 records');
  await page.getByTestId('restore-backup').setInputFiles(path);
  await expect(page.getByTestId('restore-outcome').locator('tr[data-status="imported"]')).toHaveCount(1, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('stored-counts')).toContainText(`${reports} reports and `);
  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
  // The reports span 2012 to 2026: all of them are in the period only when it is all time.
  await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'All time' });
  await expect(page.getByTestId('total-messages')).toHaveText(expectedMessages(AGGREGATE_FILES).toLocaleString('en'));
  expect(await totalMessages(page)).toBe(expectedMessages(AGGREGATE_FILES));
  requests.assertSameOrigin();
});
