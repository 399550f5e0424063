// The background sync of an Outlook folder through Graph mode, in Chromium: an alarm fired by the test wakes the
// service worker, which signs in without a window (prompt=none), reads the folder through Graph's delta query, downloads
// only attachments named as reports, and saves them; the next alarm asks only for what changed since. Fakes of
// Microsoft's sign-in and Graph answer on their real origins (microsoftRoutes.ts, graphMailboxRoutes.ts).
import { expect, test, type Page, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { GRAPH_ORIGINS } from '../../../extension/graph/graphPermissions';
import { fakeMailbox, type MailboxMessage } from './graphMailboxRoutes';
import { CHROME_EXTENSION_DIR, launchExtension, unpackedExtensionId, type ExtensionBrowser } from './launchExtension';
import { fakeMicrosoft } from './microsoftRoutes';
import { readStoredReportKeys, reportKeyOfFixture } from './storedReports';

test.describe.configure({ mode: 'serial' });

declare const chrome: {
  alarms: {
    get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
    create(name: string, info: { when: number }): Promise<void>;
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

const CLIENT_ID = '7d2e4c1a-9b3f-4e6d-8a0c-5f1b2d3e4a6c';
const TENANT = 'common';
const ALARM = 'dmarc-lens-graph-sync';
const extensionId = unpackedExtensionId(CHROME_EXTENSION_DIR);
const fixture = (path: string) => new Uint8Array(readFileSync(`test/fixtures/reports/${path}`));
const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);

const AOL = 'jonzobrist__DMARC-Report-Manager/aol.com!secure.200permits.com!1769126400!1769212799.xml.gz';
const YAHOO = 'jonzobrist__DMARC-Report-Manager/yahoo.com!secure.200permits.com!1768953600!1769039999.xml.gz';
const COMCAST = 'jonzobrist__DMARC-Report-Manager/comcast.net!secure.200permits.com!1766188800!1766275200.xml';
const LOLEI = 'loleik__dmarc-analysis/enterprise.protection.outlook.com!lolei.uk!1740614400!1740700800.xml';

const attachment = (id: string, path: string) => ({
  id,
  name: name(path),
  contentType: path.endsWith('.gz') ? 'application/gzip' : 'text/xml',
  bytes: fixture(path),
});
const FOLDER = { id: 'AAMkADFixtureFolderDmarc=', displayName: 'DMARC' };
const firstMessages: MailboxMessage[] = [
  {
    id: 'AAMkMsgA=',
    attachments: [
      attachment('AttA1=', AOL),
      { id: 'AttA2=', name: 'logo.png', contentType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
    ],
  },
  { id: 'AAMkMsgB=', attachments: [attachment('AttB1=', YAHOO)] },
  { id: 'AAMkMsgC=', attachments: [attachment('AttC1=', COMCAST)] },
  // A message with an attachment that is no report, and one with none.
  {
    id: 'AAMkMsgD=',
    attachments: [{ id: 'AttD1=', name: 'invoice.pdf', contentType: 'application/pdf', bytes: new Uint8Array([0x25]) }],
  },
  { id: 'AAMkMsgE=', attachments: [] },
  // The same Yahoo report sent again in another message.
  { id: 'AAMkMsgF=', attachments: [attachment('AttF1=', YAHOO)] },
];

const microsoft = fakeMicrosoft({
  clientId: CLIENT_ID,
  tenant: TENANT,
  redirectUri: `https://${extensionId}.chromiumapp.org/`,
  conversations: {},
});
const mailbox = fakeMailbox(microsoft, FOLDER, firstMessages);

let ext: ExtensionBrowser;
let worker: Worker;
test.beforeAll(async () => {
  ext = await launchExtension({
    previouslyGranted: { api: ['identity'], hosts: GRAPH_ORIGINS },
    answer: mailbox.answer,
    localHosts: ['login.microsoftonline.com', `${extensionId}.chromiumapp.org`],
  });
  worker = ext.context.serviceWorkers()[0]!;
});
test.afterAll(async () => {
  await ext.close();
});

interface SyncRun {
  at: number;
  ok: boolean;
  folder: string;
  messages: number;
  added: number;
  alreadySaved: number;
  problems: string[];
  message?: string;
}
const lastRun = async () =>
  (await worker.evaluate(() => chrome.storage.local.get('graphSyncState'))).graphSyncState as
    { lastRun?: SyncRun; link?: string } | undefined;

/** Fires the sync alarm now (as Chromium would when its time comes) and waits for the run it starts to finish. */
async function fireAlarm(): Promise<SyncRun> {
  const before = (await lastRun())?.lastRun?.at ?? 0;
  await worker.evaluate((alarm) => chrome.alarms.create(alarm, { when: Date.now() }), ALARM);
  await expect.poll(async () => (await lastRun())?.lastRun?.at ?? 0, { timeout: 20_000 }).toBeGreaterThan(before);
  return (await lastRun())!.lastRun!;
}

/** The report keys in the extension's store, read from IndexedDB in an extension page. */
const storedKeys = (page: Page) => page.evaluate(readStoredReportKeys);

test('with Graph mode on and a folder named, the alarm is set to the chosen period', async () => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Application (client) id').fill(CLIENT_ID);
  await options.getByRole('button', { name: 'Turn Graph mode on' }).click();
  await expect(options.getByRole('status').first()).toContainText('Graph mode is on');
  await options.close();
  expect(await worker.evaluate((alarm) => chrome.alarms.get(alarm), ALARM)).toBeUndefined();
  await worker.evaluate(() =>
    chrome.storage.local.set({ gatherSettings: { autoSave: true, syncFolder: 'DMARC', syncEveryMinutes: 30 } }),
  );
  await expect
    .poll(() => worker.evaluate((alarm) => chrome.alarms.get(alarm), ALARM))
    .toMatchObject({ name: ALARM, periodInMinutes: 30 });
  expect(mailbox.calls).toEqual([]); // setting it up asks Microsoft nothing
  expect(microsoft.authorizations).toEqual([]);
});

test('the first alarm reads the folder once: only report attachments, each report saved once, throttling waited out', async () => {
  mailbox.throttleOnce.add('AttB1=');
  const run = await fireAlarm();
  expect(run).toMatchObject({ ok: true, folder: 'DMARC', messages: 4, added: 3, alreadySaved: 1, problems: [] });
  // Signed in without a window: prompt=none, then the PKCE code redeemed.
  expect(microsoft.authorizations).toHaveLength(1);
  expect(microsoft.authorizations[0]!.get('prompt')).toBe('none');
  expect(microsoft.tokenRequests).toHaveLength(1);
  const folder = `/v1.0/me/mailFolders/${FOLDER.id}/messages/delta`;
  expect(mailbox.calls).toEqual([
    "/v1.0/me/mailFolders?$filter=displayName eq 'DMARC'&$select=id",
    `${folder}?$select=id,subject,hasAttachments`,
    '/v1.0/me/messages/AAMkMsgA=/attachments?$select=id,name',
    '/v1.0/me/messages/AAMkMsgA=/attachments/AttA1=/$value',
    '/v1.0/me/messages/AAMkMsgB=/attachments?$select=id,name',
    '/v1.0/me/messages/AAMkMsgB=/attachments/AttB1=/$value', // 429, Retry-After: 1
    '/v1.0/me/messages/AAMkMsgB=/attachments/AttB1=/$value',
    '/v1.0/me/messages/AAMkMsgC=/attachments?$select=id,name',
    '/v1.0/me/messages/AAMkMsgC=/attachments/AttC1=/$value',
    `${folder}?$skiptoken=round0-3`,
    '/v1.0/me/messages/AAMkMsgD=/attachments?$select=id,name',
    '/v1.0/me/messages/AAMkMsgF=/attachments?$select=id,name',
    '/v1.0/me/messages/AAMkMsgF=/attachments/AttF1=/$value',
  ]);
  expect((await lastRun())?.link).toBe(
    `https://graph.microsoft.com/v1.0/me/mailFolders/${encodeURIComponent(FOLDER.id)}/messages/delta?$deltatoken=round0`,
  );
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await storedKeys(page)).toEqual(
    [reportKeyOfFixture(AOL), reportKeyOfFixture(COMCAST), reportKeyOfFixture(YAHOO)].sort(),
  );
  await page.close();
  expect(mailbox.problems).toEqual([]);
  expect(microsoft.problems).toEqual([]);
  // The sync handed over to the changes engine, which now watches the reports' domain.
  await expect
    .poll(
      async () =>
        ((await worker.evaluate(() => chrome.storage.local.get('watchMemory'))).watchMemory as { domains?: string[] })
          ?.domains,
      { timeout: 15_000 },
    )
    .toEqual(['secure.200permits.com']);
});

test('the next alarms ask only for what changed: nothing, then one new message and one deleted', async () => {
  const folder = `/v1.0/me/mailFolders/${FOLDER.id}/messages/delta`;
  let start = mailbox.calls.length;
  const quiet = await fireAlarm();
  expect(quiet).toMatchObject({ ok: true, messages: 0, added: 0, alreadySaved: 0 });
  expect(mailbox.calls.slice(start)).toEqual([`${folder}?$deltatoken=round0`]);

  mailbox.deliver([{ id: 'AAMkMsgG=', attachments: [attachment('AttG1=', LOLEI)] }], ['AAMkMsgA=']);
  start = mailbox.calls.length;
  const next = await fireAlarm();
  expect(next).toMatchObject({ ok: true, messages: 1, added: 1, alreadySaved: 0, problems: [] });
  expect(mailbox.calls.slice(start)).toEqual([
    `${folder}?$deltatoken=round0`,
    '/v1.0/me/messages/AAMkMsgG=/attachments?$select=id,name',
    '/v1.0/me/messages/AAMkMsgG=/attachments/AttG1=/$value',
  ]);
  // The token is kept in the background's memory: no second sign-in.
  expect(microsoft.authorizations).toHaveLength(1);
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await storedKeys(page)).toEqual(
    [reportKeyOfFixture(AOL), reportKeyOfFixture(COMCAST), reportKeyOfFixture(YAHOO), reportKeyOfFixture(LOLEI)].sort(),
  );
  await page.close();
  // The one-shot alarm the test fired gave way to the periodic one again.
  expect(await worker.evaluate((alarm) => chrome.alarms.get(alarm), ALARM)).toMatchObject({ periodInMinutes: 30 });
  // Nothing but Microsoft's sign-in and Graph: every request the browser made, and none unanswered except Chromium's
  // own load of the redirect address at the end of a sign-in.
  const redirectUriLoad = new RegExp(`^GET https://${extensionId}\\.chromiumapp\\.org/\\?`);
  expect(ext.elsewhere.filter((r) => !redirectUriLoad.test(r))).toEqual([]);
  const allowed = /^(GET|POST|OPTIONS) https:\/\/(login\.microsoftonline\.com|graph\.microsoft\.com)\//;
  expect(ext.requests.filter((r) => !allowed.test(r) && !redirectUriLoad.test(r))).toEqual([]);
  expect(mailbox.problems).toEqual([]);
});

test('turning Graph mode off clears the alarm', async () => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Turn Graph mode off' }).click();
  await expect(options.getByRole('status').first()).toContainText('Graph mode is off');
  await options.close();
  await expect.poll(() => worker.evaluate((alarm) => chrome.alarms.get(alarm), ALARM)).toBeUndefined();
});
