// The built site (dist/site, served by scripts/serve-site.mjs on 127.0.0.1:4174) in Chromium: import real corpus
// reports and broken files, totals against MANIFEST ground truth, persistence, duplicates, backup and restore,
// cancel, accessibility, report strings as text, and not one request leaving the origin.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { generateReportFiles, type GeneratedFile } from './generateReports';
import {
  addReports,
  AGGREGATE_FILES,
  axeViolations,
  BROKEN_FILES,
  expectedMessages,
  fixtureFile,
  ORIGIN,
  OTHER_REPORT_FILES,
  recordRequests,
  SITE_FIXTURES,
  totalMessages,
} from './siteHelpers';

const SCREENSHOTS = 'dist/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

async function openImportPage(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/#/import`);
  await expect(page.getByRole('heading', { name: 'Import reports' })).toBeVisible();
}

async function openDashboard(page: Page): Promise<void> {
  // All time: these tests hold the totals of every stored report, not the default last 30 days with data.
  await page.goto(`${ORIGIN}/#/dashboard?period=all`);
}

/** Picks `files` with the empty dashboard's "Add reports" and waits until their import has finished. */
async function importOnEmptyDashboard(page: Page, files: readonly GeneratedFile[]): Promise<void> {
  await openDashboard(page);
  await expect(page.getByRole('heading', { name: 'No reports yet' })).toBeVisible();
  await page
    .getByTestId('add-reports')
    .first()
    .setInputFiles(files.map(({ name, mimeType, buffer }) => ({ name, mimeType, buffer })));
  await expect(page.getByTestId('import-outcome')).toContainText('Import finished', { timeout: 60_000 });
}

test.beforeEach(async ({ page }) => {
  // Every test starts from an empty database and English.
  await page.addInitScript(() => localStorage.setItem('dmarc-lens:locale', 'en'));
});

test('imports a mix of real reports and broken files; totals match the MANIFEST, survive a reload, and re-import counts duplicates', async ({
  page,
}) => {
  const requests = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openImportPage(page);
  const files = [...AGGREGATE_FILES, ...OTHER_REPORT_FILES, ...BROKEN_FILES.map((b) => b.path)].map(fixtureFile);
  files.push({
    name: 'garbage.xml.gz',
    mimeType: 'application/gzip',
    buffer: Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]),
  });
  files.push({
    name: 'holiday.png',
    mimeType: 'image/png',
    buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  });
  await addReports(page, files);

  const reportsInFiles = AGGREGATE_FILES.length + 2 /* multiple_reports.zip holds 3 */ + OTHER_REPORT_FILES.length;
  await expect(page.getByTestId('import-outcome')).toHaveText(
    `Import finished. Reports imported: ${reportsInFiles}; duplicates: 0; files refused: ${BROKEN_FILES.length + 2}.`,
  );
  for (const broken of BROKEN_FILES) {
    const row = page.getByTestId('import-results').locator('tr', { hasText: broken.path.split('/').pop()! });
    await expect(row).toContainText('Refused');
    await expect(row).toContainText(broken.reason);
  }
  await expect(page.getByTestId('import-results').locator('tr', { hasText: 'garbage.xml.gz' })).toContainText(
    'damaged',
  );

  const expected = expectedMessages(AGGREGATE_FILES);
  await openDashboard(page);
  expect(await totalMessages(page)).toBe(expected);
  await expect(page.getByTestId('failures-table').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('tls-table')).toBeVisible();

  await page.reload();
  expect(await totalMessages(page)).toBe(expected);

  await openImportPage(page);
  await addReports(page, files);
  await expect(page.getByTestId('import-outcome')).toHaveText(
    `Import finished. Reports imported: 0; duplicates: ${reportsInFiles}; files refused: ${BROKEN_FILES.length + 2}.`,
  );
  await openDashboard(page);
  expect(await totalMessages(page)).toBe(expected);

  // One domain, one period: the figures narrow to it.
  await page.getByTestId('domain-select').selectOption('secure.200permits.com');
  await expect(page.getByTestId('total-messages')).toHaveText(
    String(expectedMessages(AGGREGATE_FILES.filter((f) => f.includes('200permits')))),
  );
  await page.getByTestId('domain-select').selectOption('');
  await expect(page.getByTestId('total-messages')).toHaveText(expected.toLocaleString('en-US'));

  await page.screenshot({ path: `${SCREENSHOTS}/dashboard.png`, fullPage: true });
  await page.getByTestId('theme-select').selectOption('dark');
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-dark.png`, fullPage: true });
  await page.getByTestId('language-select').selectOption('nl');
  await expect(page.getByRole('heading', { name: 'Overzicht', level: 1 })).toBeVisible();
  await expect(page.getByTestId('total-messages')).toHaveText(expected.toLocaleString('nl-NL'));
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-nl-dark.png`, fullPage: true });

  expect(errors).toEqual([]);
  requests.assertSameOrigin();
});

test('sample reports are one click away on first visit', async ({ page }) => {
  const requests = recordRequests(page);
  await openDashboard(page);
  await expect(page.getByRole('heading', { name: 'No reports yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Try it with sample reports' }).click();
  await expect.poll(() => totalMessages(page), { timeout: 30_000 }).toBeGreaterThan(5000);
  await expect(page.getByTestId('sources-table')).toBeVisible();
  await expect(page.getByTestId('reporters-table')).toBeVisible();
  // Drill down: a group, its IPs, one IP's records, and the raw XML of a report.
  await page
    .getByRole('button', { name: /^Show IP addresses of / })
    .first()
    .click();
  await page.getByRole('button', { name: 'Show records' }).first().click();
  await page.getByRole('button', { name: 'View XML' }).first().click();
  await expect(page.getByRole('dialog')).toContainText('<feedback');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  requests.assertSameOrigin();
});

test('backup downloads as one file and restores into an emptied database', async ({ page }) => {
  const requests = recordRequests(page);
  await openImportPage(page);
  const files = AGGREGATE_FILES.slice(0, 10).map(fixtureFile);
  await addReports(page, files);
  const expected = expectedMessages(AGGREGATE_FILES.slice(0, 10));

  await page.goto(`${ORIGIN}/#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-backup').click()]);
  const backupPath = `dist/test-results/site-backup.jsonl`;
  await download.saveAs(backupPath);
  expect(readFileSync(backupPath, 'utf8').split('\n')[0]).toContain('"format":"dmarc-lens-backup"');

  await page.getByTestId('delete-everything').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('stored-counts')).toContainText('0 reports and 0 records');
  await openDashboard(page);
  await expect(page.getByRole('heading', { name: 'No reports yet' })).toBeVisible();

  await page.goto(`${ORIGIN}/#/data`);
  await page.getByTestId('restore-backup').setInputFiles(backupPath);
  await expect(page.getByTestId('stored-counts')).toContainText(`${files.length} reports`, { timeout: 30_000 });
  await openDashboard(page);
  expect(await totalMessages(page)).toBe(expected);

  // Restoring the same backup again adds nothing.
  await openImportPage(page);
  await addReports(page, [
    { name: 'backup.jsonl', mimeType: 'application/x-ndjson', buffer: readFileSync(backupPath) },
  ]);
  await expect(page.getByTestId('import-results')).toContainText(`${files.length} already stored`);
  await openDashboard(page);
  expect(await totalMessages(page)).toBe(expected);
  requests.assertSameOrigin();
});

test('an import can be cancelled; what was stored stays, the rest is reported as cancelled', async ({ page }) => {
  const requests = recordRequests(page);
  await openImportPage(page);
  const files = generateReportFiles(3000, { seed: 7 });
  const all = files.reduce((sum, f) => sum + f.messages, 0);
  await page
    .getByLabel('Add reports')
    .setInputFiles(files.map(({ name, mimeType, buffer }) => ({ name, mimeType, buffer })));
  const cancel = page.getByRole('button', { name: 'Cancel import' });
  await expect(cancel).toBeVisible();
  // Cancel once some files are stored, so that both halves of the promise are checked.
  await expect(page.getByTestId('import-status').getByRole('status')).toHaveText(/^[1-9][\d,]* of 3,000 files/, {
    timeout: 30_000,
  });
  await cancel.click();
  await expect(page.getByTestId('import-outcome')).toContainText('Import cancelled');
  const outcome = (await page.getByTestId('import-outcome').textContent()) ?? '';
  const read = Number(/cancelled: ([\d,]+) of/.exec(outcome)?.[1]?.replace(/,/g, ''));
  expect(read).toBeGreaterThan(0);
  expect(read).toBeLessThan(3000);
  const cancelled = await page.getByTestId('import-results').locator('tr[data-status=cancelled]').count();
  expect(cancelled).toBeGreaterThan(0);
  await openDashboard(page);
  const stored = await totalMessages(page);
  expect(stored).toBeGreaterThan(0);
  expect(stored).toBeLessThan(all);
  requests.assertSameOrigin();
});

test('the dashboard counts reports in as an import stores them, never twice, and a fresh read then agrees', async ({
  page,
}) => {
  const requests = recordRequests(page);
  // Every total the headline shows, and whether the import was still running then.
  await page.addInitScript(() => {
    const seen: Array<{ total: number; running: boolean; sources: string }> = [];
    (window as unknown as { __totals: typeof seen }).__totals = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="total-messages"]')?.textContent;
      if (!text) return;
      const total = Number(text.replace(/[^0-9]/g, ''));
      const running = document.querySelector('[data-testid="import-status"] progress') !== null;
      const sources = document.querySelector('[data-testid="sources"] [role="status"]')?.textContent ?? '';
      const last = seen[seen.length - 1];
      if (last?.total !== total || last?.running !== running || last?.sources !== sources)
        seen.push({ total, running, sources });
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const files = generateReportFiles(5000, { seed: 9 });
  const all = files.reduce((sum, f) => sum + f.messages, 0);
  await importOnEmptyDashboard(page, files);
  await expect(page.getByTestId('total-messages')).toHaveText(all.toLocaleString('en-US'));
  // The sources come from the read that follows the import: the same messages.
  await expect(page.getByTestId('sources')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(page.getByTestId('sources')).toHaveAttribute('data-messages', String(all));
  const seen = await page.evaluate(
    () => (window as unknown as { __totals: Array<{ total: number; running: boolean; sources: string }> }).__totals,
  );
  const whileRunning = seen.filter((s) => s.running);
  const counted = whileRunning.filter((s) => s.total > 0 && s.total < all);
  expect(
    counted.length,
    `totals shown while importing: ${whileRunning.map((s) => s.total).join(', ')}`,
  ).toBeGreaterThan(0);
  // Meanwhile the sources table says when its sources come.
  expect(counted.map((s) => s.sources)).toContain('The sources are named and classified once the import has finished.');
  // Counting in never counts a report twice: the figures only grow, up to the total.
  const totals = seen.map((s) => s.total);
  const wrong = totals.filter((total, i) => total > all || (i > 0 && total < totals[i - 1]!));
  expect(wrong, `totals in the order shown: ${totals.join(', ')}`).toEqual([]);
  await page.reload();
  expect(await totalMessages(page)).toBe(all);
  requests.assertSameOrigin();
});

test('after an import the dashboard groups what it counted in without reading the records back, as a reload shows them', async ({
  page,
}) => {
  // Every IndexedDB read of the record chunks on the page (the workers' own reads are theirs), with its time.
  await page.addInitScript(() => {
    const reads: number[] = [];
    (window as unknown as { __chunkReads: number[] }).__chunkReads = reads;
    const getAll = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'getAll')!.value as (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['getAll']>
    ) => ReturnType<IDBObjectStore['getAll']>;
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
      if (this.name === 'recordChunks') reads.push(performance.now());
      return getAll.apply(this, args);
    };
  });
  const files = generateReportFiles(1500, { seed: 21 });
  const all = files.reduce((sum, f) => sum + f.messages, 0);
  await importOnEmptyDashboard(page, files);
  const sources = page.getByTestId('sources');
  await expect(sources).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(sources).toHaveAttribute('data-messages', String(all));
  const { reads, finishedAt } = await page.evaluate(() => ({
    reads: (window as unknown as { __chunkReads: number[] }).__chunkReads,
    finishedAt: performance.getEntriesByName('dmarc-lens:import-finished')[0]!.startTime,
  }));
  expect(reads.filter((at) => at >= finishedAt)).toEqual([]);
  const shown = async () => ({
    total: await totalMessages(page),
    byClass: await sources
      .getByTestId('source-group')
      .evaluateAll((rows) => rows.map((row) => `${row.getAttribute('data-by-class')} ${row.textContent}`)),
  });
  const afterImport = await shown();
  expect(afterImport.byClass.length).toBeGreaterThan(10);
  await page.reload();
  await expect(sources).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  expect(await shown()).toEqual(afterImport);
});

test('the sources are shown without waiting for the reporters table', async ({ page }) => {
  // While the tab's session says so, the page's reads of aggregate reports answer only once released.
  await page.addInitScript(() => {
    const held: Array<() => void> = [];
    const w = window as unknown as { __releaseReports: () => void };
    w.__releaseReports = () => {
      sessionStorage.removeItem('hold-reports');
      for (const release of held.splice(0)) release();
    };
    const getAll = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'getAll')!.value as (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['getAll']>
    ) => ReturnType<IDBObjectStore['getAll']>;
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
      const request = getAll.apply(this, args);
      const range = args[0];
      const aggregate = range instanceof IDBKeyRange && Array.isArray(range.lower) && range.lower[0] === 'aggregate';
      if (this.name !== 'reportPacks' || !aggregate || sessionStorage.getItem('hold-reports') === null) return request;
      const listen = request.addEventListener.bind(request);
      request.addEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: unknown) => {
        const later =
          type === 'success'
            ? (event: Event) =>
                held.push(() =>
                  typeof listener === 'function' ? listener.call(request, event) : listener.handleEvent(event),
                )
            : listener;
        listen(type, later, options as AddEventListenerOptions);
      };
      return request;
    };
  });
  await openImportPage(page);
  await addReports(page, AGGREGATE_FILES.map(fixtureFile));
  await page.evaluate(() => sessionStorage.setItem('hold-reports', '1'));
  await openDashboard(page);
  await page.reload();
  const sources = page.getByTestId('sources');
  await expect(sources).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(page.getByText('Reading the reports…')).toBeVisible();
  await page.evaluate(() => (window as unknown as { __releaseReports: () => void }).__releaseReports());
  await expect(page.getByTestId('reporters-table')).toBeVisible();
  await expect(sources).toHaveAttribute('data-state', 'ready');
});

test('the XML of a report that came inside an email is read back from the kept file', async ({ page }) => {
  const requests = recordRequests(page);
  const name = 'Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml';
  await openImportPage(page);
  await addReports(page, [fixtureFile(`domainaware__parsedmarc/${name}`)]);
  await openDashboard(page);
  await expect(page.getByTestId('total-messages')).toBeVisible();
  await page
    .getByRole('button', { name: /Show IP addresses of/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Show records' }).first().click();
  await page.getByRole('button', { name: 'View XML' }).first().click();
  await expect(page.getByRole('dialog')).toContainText('<report_id>949348866075514174</report_id>');
  requests.assertSameOrigin();
});

test('markup in report fields is shown as text and never runs', async ({ page }) => {
  const requests = recordRequests(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openImportPage(page);
  await addReports(page, [
    { name: 'markup-report.xml', mimeType: 'text/xml', buffer: readFileSync(`${SITE_FIXTURES}markup-report.xml`) },
  ]);
  await openDashboard(page);
  await expect(page.getByTestId('total-messages')).toHaveText('7');
  await page
    .getByRole('button', { name: /Show IP addresses of/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Show records' }).first().click();
  await expect(page.getByTestId('reporters-table')).toContainText(
    "<script>window.__pwned = 'org_name'</script>Evil & Co",
  );
  await expect(page.getByTestId('sources-table')).toContainText(`<svg onload="window.__pwned='comment'"></svg>`);
  await expect(page.getByTestId('sources-table')).toContainText(`<img src=x onerror="window.__pwned='dkim'">.example`);
  await page.getByRole('button', { name: 'View XML' }).first().click();
  await expect(page.getByRole('dialog')).toContainText('&lt;script&gt;');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.locator('main img, main iframe, main svg[onload], main script').count()).toBe(0);
  expect(dialogs).toEqual([]);
  requests.assertSameOrigin();
});

test('axe-core finds no violations on the dashboard, import and data pages, light and dark', async ({ page }) => {
  const requests = recordRequests(page);
  await openDashboard(page);
  await expect(page.getByRole('heading', { name: 'No reports yet' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await openImportPage(page);
  await addReports(
    page,
    [...AGGREGATE_FILES.slice(0, 8), ...OTHER_REPORT_FILES, BROKEN_FILES[0]!.path].map(fixtureFile),
  );
  await page.screenshot({ path: `${SCREENSHOTS}/import.png`, fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  for (const theme of ['light', 'dark'] as const) {
    await openDashboard(page);
    await page.getByTestId('theme-select').selectOption(theme);
    await expect(page.getByTestId('total-messages')).toBeVisible();
    await page
      .getByRole('button', { name: /Show IP addresses of/ })
      .first()
      .click();
    expect(await axeViolations(page), `dashboard (${theme})`).toEqual([]);
    await page.goto(`${ORIGIN}/#/data`);
    await expect(page.getByTestId('stored-counts')).toBeVisible();
    expect(await axeViolations(page), `data page (${theme})`).toEqual([]);
  }
  requests.assertSameOrigin();
});

test('keyboard: the navigation, filters and drill-down work without a mouse', async ({ page }) => {
  await openImportPage(page);
  await addReports(page, AGGREGATE_FILES.slice(8, 15).map(fixtureFile));
  await openDashboard(page);
  await expect(page.getByTestId('total-messages')).toBeVisible();
  const groupButton = page.getByRole('button', { name: /Show IP addresses of/ }).first();
  await groupButton.focus();
  await page.keyboard.press('Enter');
  await expect(groupButton).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('link', { name: 'Import' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/import$/);
});
