// "Open analysis" on the inline card: the report lands in the extension's own store and its dashboard page (the
// site's app) opens on it; a dashboard open already shows it too. A fresh browser, so the store holds only what this
// test put there.
import { expect, test } from '@playwright/test';
import { card, clickCardButton } from './cardReader';
import { expectedSummaries } from './expectedSummary';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { gmailAttachments } from './webmailRoutes';

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

let ext: ExtensionBrowser;
test.beforeAll(async () => {
  ext = await launchExtension();
});
test.afterAll(async () => {
  await ext.close();
});

test('Open analysis saves the report and opens the extension dashboard with its numbers, and one open already shows them', async () => {
  const attachment = gmailAttachments.f_google_zip!;
  const [expected] = await expectedSummaries(attachment.bytes, attachment.fileName);
  if (expected?.kind !== 'aggregate') throw new Error('expected an aggregate report');
  // The cards do not save on their own here (autoSave.chromium.spec.ts tests that): the store holds only this report.
  await ext.context
    .serviceWorkers()[0]!
    .evaluate(() =>
      chrome.storage.local.set({ gatherSettings: { autoSave: false, syncFolder: '', syncEveryMinutes: 60 } }),
    );
  // A dashboard opened before, empty: it shows the report once the background has saved it, without a reload.
  const before = await ext.context.newPage();
  await before.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/dashboard?period=all`);
  await expect(before.getByRole('heading', { name: 'No reports yet' })).toBeVisible({ timeout: 15_000 });
  const page = await ext.context.newPage();
  await page.goto('https://mail.google.com/mail/u/1/?nolazy#inbox/thread-a');
  const google = card(page, attachment.fileName);
  await expect(google).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  const [dashboard] = await Promise.all([
    ext.context.waitForEvent('page'),
    clickCardButton(page, attachment.fileName, 'open'),
  ]);
  await dashboard.waitForLoadState();
  expect(dashboard.url()).toBe(
    `chrome-extension://${ext.extensionId}/dashboard.html#/dashboard?domain=${expected.domain}`,
  );
  // The store holds this one report: the dashboard lists its domain and shows its messages. (The site's dashboard does
  // not preselect the `?domain=` it is given yet; with one report stored, "all domains" is that report.)
  await expect(dashboard.getByTestId('domain-select').locator('option', { hasText: expected.domain })).toHaveCount(1, {
    timeout: 15_000,
  });
  await expect(dashboard.getByTestId('total-messages')).toHaveText(expected.messages.toLocaleString('en-US'));
  await expect(before.getByTestId('total-messages')).toHaveText(expected.messages.toLocaleString('en-US'));
  expect(ext.elsewhere).toEqual([]);
  await before.close();
  await dashboard.close();
  await page.close();
});
