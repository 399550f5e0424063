// Restoring a backup in the built site (Chromium): a backup with a malformed row is refused whole, the Data page says
// which line and field and what is wrong there, nothing of it is stored, and the intact backup then restores.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  addReports,
  AGGREGATE_FILES,
  expectedMessages,
  fixtureFile,
  ORIGIN,
  OTHER_REPORT_FILES,
  recordRequests,
  totalMessages,
} from './siteHelpers';

const OUT = 'dist/test-results';
mkdirSync(OUT, { recursive: true });

async function openDataPage(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/#/data`);
  await expect(page.getByTestId('stored-counts')).toBeVisible();
}

/**
 * A row line of a backup (every line after the header): the store it comes from and the stored row, as far as the
 * cases below read and damage it.
 */
interface BackupRow {
  store: string;
  value: {
    kind?: string;
    records?: Array<{ reasons: unknown }>;
    report?: { metadata?: unknown; policies?: unknown };
  };
}

/** The backup with the first line `find` picks changed by `edit`; its line number (from 1). */
function damaged(
  lines: readonly string[],
  find: (row: BackupRow) => boolean,
  edit: (row: BackupRow) => void,
): { text: string; line: number } {
  const at = lines.findIndex((line, i) => i > 0 && line !== '' && find(JSON.parse(line) as BackupRow));
  if (at < 0) throw new Error('no such row in the backup');
  const row = JSON.parse(lines[at]!) as BackupRow;
  edit(row);
  return { text: lines.map((line, i) => (i === at ? JSON.stringify(row) : line)).join('\n'), line: at + 1 };
}

test('a backup with a malformed row is refused by line and field with nothing stored; the intact one restores', async ({
  page,
}) => {
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
      ...damaged(
        lines,
        (row) => row.store === 'records',
        (row) => (row.value.records![0]!.reasons = [null]),
      ),
      problem: 'the "records" row is not valid: records[0].reasons[0] is null, not an object',
    },
    {
      name: 'metadata-null.jsonl',
      ...damaged(
        lines,
        (row) => row.store === 'reports' && row.value.kind === 'aggregate',
        (row) => (row.value.report!.metadata = null),
      ),
      problem: 'the "reports" row is not valid: report.metadata is null, not an object',
    },
    {
      name: 'policies-not-a-list.jsonl',
      ...damaged(
        lines,
        (row) => row.store === 'reports' && row.value.kind === 'tls',
        (row) => (row.value.report!.policies = 'notalist'),
      ),
      problem: 'the "reports" row is not valid: report.policies is the text "notalist", not a list',
    },
  ];
  for (const bad of cases) {
    writeFileSync(`${OUT}/${bad.name}`, bad.text);
    await openDataPage(page);
    await page.getByTestId('restore-backup').setInputFiles(`${OUT}/${bad.name}`);
    const outcome = page.getByTestId('restore-outcome');
    await expect(outcome).toContainText(bad.name, { timeout: 30_000 });
    await expect(outcome).toContainText(
      `${bad.name}, line ${bad.line}: ${bad.problem}. Nothing from this backup was restored.`,
    );
    await expect(outcome.locator('tr[data-status="refused"]')).toHaveCount(1);
    await expect(page.getByTestId('stored-counts')).toContainText('0 reports and 0 records');
  }
  // Reloaded, the pages read what is stored (nothing) without breaking.
  await page.reload();
  await expect(page.getByTestId('stored-counts')).toContainText('0 reports and 0 records');

  await page.getByTestId('restore-backup').setInputFiles(good);
  await expect(page.getByTestId('restore-outcome').locator('tr[data-status="imported"]')).toHaveCount(1, {
    timeout: 30_000,
  });
  await expect(page.getByTestId('stored-counts')).toHaveText(stored);
  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
  expect(await totalMessages(page)).toBe(expected);
  requests.assertSameOrigin();
});

/** A backup of `reports` daily aggregate reports of 40 records each, as backupLines writes one (reports, then records). */
function generatedBackup(reports: number): string {
  const head = JSON.stringify({ format: 'dmarc-lens-backup', version: 1, schemaVersion: 4, exportedAt: 0 });
  const reportLines: string[] = [];
  const recordLines: string[] = [];
  for (let i = 0; i < reports; i++) {
    const records = Array.from({ length: 40 }, (_, r) => ({
      sourceIp: `198.51.${i % 200}.${r}`,
      count: r + 1,
      disposition: 'none',
      dkim: r % 3 === 0 ? 'fail' : 'pass',
      spf: 'pass',
      reasons: [],
      headerFrom: 'example.com',
      dkimResults: [{ domain: 'example.com', selector: 's1', result: r % 3 === 0 ? 'fail' : 'pass' }],
      spfResults: [{ domain: 'example.com', scope: 'mfrom', result: 'pass' }],
      dkimAligned: r % 3 !== 0,
      spfAligned: true,
    }));
    const begin = 1_709_251_200 + (i % 60) * 86_400;
    const key = `reload.example!r${i}`;
    const report = {
      key,
      fileName: `r${i}.xml`,
      path: [],
      warnings: [],
      importedAt: 1,
      kind: 'aggregate',
      domain: 'example.com',
      orgName: 'reload.example',
      begin,
      end: begin + 86_399,
      report: {
        kind: 'aggregate',
        metadata: {
          orgName: 'reload.example',
          email: 'noreply@reload.example',
          reportId: `r${i}`,
          begin,
          end: begin + 86_399,
          errors: [],
        },
        policy: { domain: 'example.com', p: 'none', adkim: 'r', aspf: 'r' },
      },
      recordCount: 40,
      messageCount: 820,
      hasRawXml: false,
    };
    reportLines.push(JSON.stringify({ store: 'reports', value: report }));
    recordLines.push(
      JSON.stringify({
        store: 'records',
        value: {
          id: ['example.com', begin, key, 0],
          reportKey: key,
          domain: 'example.com',
          orgName: 'reload.example',
          begin,
          end: begin + 86_399,
          records,
        },
      }),
    );
  }
  return [head, ...reportLines, ...recordLines, ''].join('\n');
}

test('a restore cut short by a reload stores all of the backup or none of it', async ({ page }) => {
  const reports = 4000;
  const path = `${OUT}/h7-reload-backup.jsonl`;
  writeFileSync(path, generatedBackup(reports));
  await openDataPage(page);
  await expect(page.getByTestId('stored-counts')).toContainText('0 reports and 0 records');
  await page.getByTestId('restore-backup').setInputFiles(path);
  // Reload while the restore runs (the header shows its progress bar until it ends).
  await expect(page.getByTestId('import-status').getByRole('status')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('stored-counts')).toBeVisible();
  // What the worker had not committed is gone with it: the counts read now are final.
  await page.waitForTimeout(1000);
  await page.reload();
  const after = (await page.getByTestId('stored-counts').textContent()) ?? '';
  expect([
    `0 reports and 0 records are stored in this browser.`,
    `4,000 reports and 160,000 records are stored in this browser.`,
  ]).toContain(after);
  // Either way the backup restores (again) in full.
  await page.getByTestId('restore-backup').setInputFiles(path);
  await expect(page.getByTestId('restore-outcome').locator('tr')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('stored-counts')).toContainText(
    `${reports.toLocaleString('en')} reports and 160,000 records`,
  );
  test.info().annotations.push({ type: 'after reload', description: after });
});
