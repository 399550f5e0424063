// The published record drifting from what reports show (issue 17), only with live lookups on. The DNS-over-HTTPS host
// is routed to a committed answer (test/fixtures/dns): `_dmarc.hello-charly.com` says p=quarantine, while Google's
// reports of 29 and 30 January 2024 saw p=none. Lookups off: no DNS question at all, no drift. On: one question per
// check, one drift alert, and not again on the next check. Every request is recorded.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { helloCharlyReport, watchReportsAvailable, type WatchReport } from './watchReports';

declare const chrome: {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};

const DOH_HOST = 'cloudflare-dns.com';
const ANSWER = readFileSync('test/fixtures/dns/dmarc-hello-charly.com.json');
const QUESTION = `GET https://${DOH_HOST}/dns-query?name=_dmarc.hello-charly.com&type=TXT`;

let ext: ExtensionBrowser;
test.beforeAll(async () => {
  if (!watchReportsAvailable) return;
  ext = await launchExtension({
    // Granted in an earlier session, so the options page's request resolves without the permission dialog.
    previouslyGranted: { api: [], hosts: [`https://${DOH_HOST}/*`] },
    answer: (url) =>
      Promise.resolve(
        url.host === DOH_HOST && url.pathname === '/dns-query'
          ? {
              status: 200,
              headers: { 'content-type': 'application/dns-json', 'access-control-allow-origin': '*' },
              body: ANSWER,
            }
          : undefined,
      ),
    localHosts: [DOH_HOST],
  });
});
test.afterAll(async () => {
  await ext?.close();
});

test.skip(!watchReportsAvailable, 'the shared corpus (../shared/corpus) is not beside this checkout');

const told = (page: Page) =>
  page.evaluate(async () => {
    const stored = await chrome.storage.local.get(['watchLog']);
    const log = (stored.watchLog ?? []) as Array<{ alert: { change: string; id: string } }>;
    return {
      // Oldest check first; within a check, in the order it told them.
      log: log.map((entry) => `${entry.alert.change} ${entry.alert.id}`).reverse(),
      // Notification ids end with the time of the check that told them.
      toldAt: Object.keys(await chrome.notifications.getAll()).map((id) => Number(id.slice(id.lastIndexOf('|') + 1))),
    };
  });

const dohRequests = () => ext.requests.filter((request) => request.includes(DOH_HOST));

async function drop(page: Page, report: WatchReport): Promise<void> {
  await page.goto(`chrome-extension://${ext.extensionId}/drop.html`);
  await page.locator('input[type=file]').setInputFiles(report);
  await expect(page.getByTestId('drop-outcomes')).toContainText('Saved 1.', { timeout: 30_000 });
}

test('lookups off ask nothing; on, the drift is told once', async () => {
  const page = await ext.context.newPage();
  // Off (the default): the check after the import judges the reports alone.
  await drop(page, helloCharlyReport('8770'));
  await expect
    .poll(async () => (await told(page)).log, { timeout: 20_000 })
    .toEqual(['raised source:hello-charly.com:google-cloud-notifications']);
  expect(dohRequests()).toEqual([]);

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.getByTestId('live-lookups-status')).toHaveText('Off: no DNS question is asked.');
  await options.getByTestId('live-lookups').check();
  await expect(options.getByTestId('live-lookups-status')).toHaveText(
    'On: after each check, one DNS question per domain goes to cloudflare-dns.com over HTTPS.',
  );
  expect(dohRequests()).toEqual([]);

  // On: the next import's check asks once and tells the drift.
  await drop(page, helloCharlyReport('8997'));
  await expect
    .poll(async () => (await told(page)).log, { timeout: 20_000 })
    .toEqual([
      'raised source:hello-charly.com:google-cloud-notifications',
      'raised drift:hello-charly.com',
      'raised source:hello-charly.com:ovh',
      'resolved source:hello-charly.com:google-cloud-notifications',
    ]);
  expect(dohRequests()).toEqual([QUESTION]);
  const afterImport = await told(page);

  // The next check asks again and finds the same: nothing told.
  const watch = await ext.context.newPage();
  await watch.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/watch?domain=hello-charly.com`);
  await watch.getByTestId('check-now').click();
  await expect(watch.getByRole('status')).toHaveText('Checked: nothing new.');
  expect(dohRequests()).toEqual([QUESTION, QUESTION]);
  const afterCheck = await told(page);
  expect(afterCheck.log).toEqual(afterImport.log);
  // Notifications close by themselves after a while: none may be newer than the import's.
  expect(afterCheck.toldAt.filter((time) => time > Math.max(...afterImport.toldAt))).toEqual([]);
  await expect(watch.getByTestId('open-alerts')).toContainText(
    'The published DMARC record says p=quarantine, but the newest report (google.com) saw p=none np=none.',
  );
  expect(ext.elsewhere).toEqual([]);
  expect(ext.requests.filter((request) => !request.includes(DOH_HOST))).toEqual([]);
  for (const p of [page, options, watch]) await p.close();
});
