// Restoring a backup in the built site (Chromium): a backup with a malformed row is refused whole, the Data page says
// which line and field and what is wrong there, nothing of it is stored, and the intact backup then restores.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { addReports, AGGREGATE_FILES, expectedMessages, fixtureFile, ORIGIN, OTHER_REPORT_FILES, recordRequests, totalMessages } from './siteHelpers';

const OUT = 'dist/test-results';
mkdirSync(OUT, { recursive: true });

async function openDataPage(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/#/data`);
  await expect(page.getByTestId('stored-counts')).toBeVisible();
}

/** The backup with the first line `find` picks changed by `edit`; its line number (from 1). */
function damaged(lines: readonly string[], find: (row: any) => boolean, edit: (row: any) => void): { text: string; line: number } {
  const at = lines.findIndex((line, i) => i > 0 && line !== '' && find(JSON.parse(line)));
  if (at < 0) throw new Error('no such row in the backup');
  const row = JSON.parse(lines[at]!);
  edit(row);
  return { text: lines.map((line, i) => (i === at ? JSON.stringify(row) : line)).join('\n'), line: at + 1 };
}

test('a backup with a malformed row is refused by line and field with nothing stored; the intact one restores', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto(`${ORIGIN}/#/import`);
  const aggregates = AGGREGATE_FILES.slice(0, 4);
  await addReports(page, [...aggregates, OTHER_REPORT_FILES[0]!].map(fixtureFile));
  const expected = expectedMessages(aggregates);

  await openDataPage(page);
  const stored = (await page.getByTestId('stored-counts').textContent()) ?? '';
  expect(stored).toMatch(/^5 reports and \d+ records/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-backup').click()]);
  const good = `${OUT}/h7-backup.jsonl`;
  await download.saveAs(good);
  const lines = readFileSync(good, 'utf8').split('\n');

  await page.getByTestId('delete-everything').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('stored-counts')).toContainText('0 reports and 0 records');

  const cases = [
    {
      name: 'reasons-null.jsonl',
      ...damaged(lines, (row) => row.store === 'records', (row) => (row.value.records[0].reasons = [null])),
      problem: 'the "records" row is not valid: records[0].reasons[0] is null, not an object',
    },
    {
      name: 'metadata-null.jsonl',
      ...damaged(lines, (row) => row.store === 'reports' && row.value.kind === 'aggregate', (row) => (row.value.report.metadata = null)),
      problem: 'the "reports" row is not valid: report.metadata is null, not an object',
    },
    {
      name: 'policies-not-a-list.jsonl',
      ...damaged(lines, (row) => row.store === 'reports' && row.value.kind === 'tls', (row) => (row.value.report.policies = 'notalist')),
      problem: 'the "reports" row is not valid: report.policies is the text "notalist", not a list',
    },
  ];
  for (const bad of cases) {
    writeFileSync(`${OUT}/${bad.name}`, bad.text);
    await openDataPage(page);
    await page.getByTestId('restore-backup').setInputFiles(`${OUT}/${bad.name}`);
    const outcome = page.getByTestId('restore-outcome');
    await expect(outcome).toContainText(bad.name, { timeout: 30_000 });
    await expect(outcome).toContainText(`${bad.name}, line ${bad.line}: ${bad.problem}. Nothing from this backup was restored.`);
    await expect(outcome.locator('tr[data-status="refused"]')).toHaveCount(1);
    await expect(page.getByTestId('stored-counts')).toContainText('0 reports and 0 records');
  }
  // Reloaded, the pages read what is stored (nothing) without breaking.
  await page.reload();
  await expect(page.getByTestId('stored-counts')).toContainText('0 reports and 0 records');

  await page.getByTestId('restore-backup').setInputFiles(good);
  await expect(page.getByTestId('restore-outcome').locator('tr[data-status="imported"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('stored-counts')).toHaveText(stored);
  await page.goto(`${ORIGIN}/#/dashboard`);
  expect(await totalMessages(page)).toBe(expected);
  requests.assertSameOrigin();
});
