// The watch in Chromium (issue 17): reports dropped on the extension's page are judged after the import, and an alert
// comes once, as a notification with the open problems on the toolbar badge; a second identical import tells nothing;
// a source that passes again is resolved. Every request is recorded: none leaves the browser.
import { expect, test, type Page } from '@playwright/test';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { helloCharlyReport, watchReportsAvailable, type WatchReport } from './watchReports';

// The extension APIs the test reads in the extension's own page.
declare const chrome: {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getBadgeText(details: object): Promise<string> };
};

let ext: ExtensionBrowser;
test.beforeAll(async () => {
  if (watchReportsAvailable) ext = await launchExtension();
});
test.afterAll(async () => {
  await ext?.close();
});

interface WatchState {
  log: Array<{ alert: { change: string; id: string } }>;
  open: string[];
  notifications: string[];
  badge: string;
}

function watchState(page: Page): Promise<WatchState> {
  return page.evaluate(async () => {
    const stored = await chrome.storage.local.get(['watchLog', 'watchMemory']);
    const memory = stored.watchMemory as { findings: Record<string, { level: string }> } | undefined;
    return {
      log: (stored.watchLog ?? []) as WatchState['log'],
      open: Object.entries(memory?.findings ?? {})
        .filter(([, f]) => f.level === 'problem')
        .map(([id]) => id),
      notifications: Object.keys(await chrome.notifications.getAll()),
      badge: await chrome.action.getBadgeText({}),
    };
  });
}

async function drop(page: Page, report: WatchReport, saved: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(report);
  await expect(page.getByTestId('drop-outcomes')).toContainText(saved, { timeout: 30_000 });
}

/** The time of the check that made a notification (its id ends with it). */
const toldAt = (id: string) => Number(id.slice(id.lastIndexOf('|') + 1));

const changes = (state: WatchState) => state.log.map((entry) => `${entry.alert.change} ${entry.alert.id}`);

test.skip(!watchReportsAvailable, 'the shared corpus (../shared/corpus) is not beside this checkout');

test('an alert comes once for a new failing source, not again on an identical import, and resolves when it passes', async () => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/drop.html`);

  // 29 January: Google's notifications of the domain's own tenant, 65 of 75 aligned.
  await drop(page, helloCharlyReport('8770'), 'Saved 1.');
  await expect
    .poll(async () => changes(await watchState(page)), { timeout: 20_000 })
    .toEqual(['raised source:hello-charly.com:google-cloud-notifications']);
  // The check writes its log, then sets the badge, then notifies: wait for the notification too.
  await expect.poll(async () => (await watchState(page)).notifications.length, { timeout: 20_000 }).toBe(1);
  let state = await watchState(page);
  expect(state.badge).toBe('1');
  expect(state.notifications).toHaveLength(1);
  expect(state.notifications[0]).toMatch(/^dmarc-lens-watch\|hello-charly\.com\|\d+$/);

  // 30 January: OVH appears and fails (0 of 1); the notifications pass again (76 of 76).
  await page.reload();
  await drop(page, helloCharlyReport('8997'), 'Saved 1.');
  await expect.poll(async () => (await watchState(page)).log.length, { timeout: 20_000 }).toBe(3);
  await expect.poll(async () => (await watchState(page)).notifications.length, { timeout: 20_000 }).toBe(2);
  state = await watchState(page);
  expect(changes(state)).toEqual([
    'resolved source:hello-charly.com:google-cloud-notifications',
    'raised source:hello-charly.com:ovh',
    'raised source:hello-charly.com:google-cloud-notifications',
  ]);
  expect(state.open).toEqual(['source:hello-charly.com:ovh']);
  expect(state.badge).toBe('1');
  expect(state.notifications).toHaveLength(2);
  const lastTold = Math.max(...state.notifications.map(toldAt));

  // The same file again: already saved, nothing judged anew. A check asked for by hand finds nothing new either.
  await page.reload();
  await drop(page, helloCharlyReport('8997'), 'Already saved.');
  const watch = await ext.context.newPage();
  await watch.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/watch?domain=hello-charly.com`);
  await watch.getByTestId('check-now').click();
  await expect(watch.getByRole('status')).toHaveText('Checked: nothing new.');
  state = await watchState(page);
  expect(state.log).toHaveLength(3);
  // Notifications close by themselves after a while: none may be newer than the second import's.
  expect(state.notifications.filter((id) => toldAt(id) > lastTold)).toEqual([]);

  // The alert view a notification opens: the open alert in words, and the three alerts told.
  await expect(watch.getByTestId('open-alerts')).toHaveText(
    'New source OVHcloud (mail hosting) fails DMARC: 0 of 1 message aligned on 2024-01-30.',
  );
  await expect(watch.getByTestId('alert-log').locator('li')).toHaveCount(3);
  await expect(watch.getByTestId('alert-log').locator('li[data-change=resolved]')).toContainText(
    'Google service notifications passes DMARC again: 76 of 76 messages aligned on 2024-01-30.',
  );
  expect(ext.elsewhere).toEqual([]);
  await watch.close();
  await page.close();
});
