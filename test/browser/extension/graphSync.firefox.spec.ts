// The background sync of an Outlook folder through Graph mode, in Firefox ESR (MV3 and MV2 builds, puppeteer over
// WebDriver BiDi), as graphSync.chromium.spec.ts does in Chromium: an alarm fires, the background signs in without a
// window (prompt=none: Firefox follows the authorize address's redirect itself and never opens one), reads the folder
// through Graph's delta query, downloads only attachments named as reports and saves them; the next alarm asks only
// for what changed. The background's requests leave no tab, so no driver sees them: Firefox is pointed at a local
// proxy (interceptingProxy.ts) that answers Microsoft's hosts with the same fakes and refuses every other host.
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { SyncRun } from '../../../extension/sync/graphSync';
import { fakeMailbox, type FakeMailbox, type MailboxMessage } from './graphMailboxRoutes';
import { startInterceptingProxy, type InterceptingProxy } from './interceptingProxy';
import { FIREFOX_BUILDS, FIREFOX_EXTENSION_UUID, FIREFOX_PATH, firefoxExtensionDir } from './launchFirefoxExtension';
import { fakeMicrosoft, type FakeMicrosoft } from './microsoftRoutes';
import { readStoredReportKeys, reportKeyOfFixture } from './storedReports';

const CLIENT_ID = '7d2e4c1a-9b3f-4e6d-8a0c-5f1b2d3e4a6c';
const ALARM = 'dmarc-lens-graph-sync';
/** This helper's port range is 4330–4339; one per build, as the builds' tests may run one after the other. */
const PROXY_PORTS = { 'firefox-mv3': 4331, 'firefox-mv2': 4332 } as const;
const fixture = (path: string) => new Uint8Array(readFileSync(`test/fixtures/reports/${path}`));
const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);

const AOL = 'jonzobrist__DMARC-Report-Manager/aol.com!secure.200permits.com!1769126400!1769212799.xml.gz';
const YAHOO = 'jonzobrist__DMARC-Report-Manager/yahoo.com!secure.200permits.com!1768953600!1769039999.xml.gz';
const LOLEI = 'loleik__dmarc-analysis/enterprise.protection.outlook.com!lolei.uk!1740614400!1740700800.xml';
const attachment = (id: string, path: string) => ({
  id,
  name: name(path),
  contentType: path.endsWith('.gz') ? 'application/gzip' : 'text/xml',
  bytes: fixture(path),
});
const FOLDER = { id: 'AAMkADFixtureFolderDmarc=', displayName: 'DMARC' };
const firstMessages = (): MailboxMessage[] => [
  {
    id: 'AAMkMsgA=',
    attachments: [
      attachment('AttA1=', AOL),
      { id: 'AttA2=', name: 'logo.png', contentType: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
    ],
  },
  { id: 'AAMkMsgB=', attachments: [attachment('AttB1=', YAHOO)] },
  { id: 'AAMkMsgC=', attachments: [] },
  // The same Yahoo report sent again in another message.
  { id: 'AAMkMsgD=', attachments: [attachment('AttD1=', YAHOO)] },
];

declare const browser: {
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

/** An extension page, once loaded (Firefox's BiDi navigation to moz-extension:// may not report its end). */
async function extensionPage(firefox: Browser, path: string): Promise<Page> {
  const page = await firefox.newPage();
  await page.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`, { timeout: 5000 }).catch(() => undefined);
  await expect
    .poll(() => page.evaluate(() => document.readyState).catch(() => ''), { timeout: 20_000 })
    .toBe('complete');
  return page;
}

for (const build of FIREFOX_BUILDS) {
  test.describe(build, () => {
    test.describe.configure({ mode: 'serial' });
    const directory = firefoxExtensionDir(build);
    test.skip(!existsSync(directory), `${build} is not built`);
    const manifest = existsSync(directory)
      ? (JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as {
          browser_specific_settings: { gecko: { id: string } };
        })
      : undefined;
    const geckoId = manifest?.browser_specific_settings.gecko.id ?? '';
    // Firefox's identity.getRedirectURL(): the SHA-1 of the add-on's id, in hex, under extensions.allizom.org.
    const redirectUri = `https://${createHash('sha1').update(geckoId).digest('hex')}.extensions.allizom.org/`;
    let microsoft: FakeMicrosoft;
    let mailbox: FakeMailbox;
    let proxy: InterceptingProxy;
    let firefox: Browser;
    let profile: string;
    let options: Page;

    test.beforeAll(async () => {
      microsoft = fakeMicrosoft({ clientId: CLIENT_ID, tenant: 'common', redirectUri, conversations: {} });
      mailbox = fakeMailbox(microsoft, FOLDER, firstMessages());
      proxy = await startInterceptingProxy(
        PROXY_PORTS[build],
        ['login.microsoftonline.com', 'graph.microsoft.com'],
        mailbox.answer,
      );
      profile = mkdtempSync(join(tmpdir(), 'dmarc-lens-ff-'));
      firefox = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        userDataDir: profile,
        // The proxy's certificate for Microsoft's hosts is made by the test.
        acceptInsecureCerts: true,
        args: ['--remote-allow-system-access'],
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
          // Optional permissions asked for in a click are granted without the doorhanger headless Firefox shows nobody.
          'extensions.webextOptionalPermissionPrompts': false,
          'network.proxy.type': 1,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': PROXY_PORTS[build],
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': PROXY_PORTS[build],
          'network.proxy.no_proxies_on': '',
        },
      });
      await firefox.installExtension(directory);
      options = await extensionPage(firefox, 'options.html');
    });
    test.afterAll(async () => {
      await firefox?.close();
      await proxy?.close();
      if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
    });

    const lastRun = async () =>
      (await options.evaluate(() => browser.storage.local.get('graphSyncState'))).graphSyncState as
        { lastRun?: SyncRun } | undefined;

    /** Fires the sync alarm now (alarms belong to the extension, so a page may set one) and waits for its run. */
    async function fireAlarm(): Promise<SyncRun> {
      const before = (await lastRun())?.lastRun?.at ?? 0;
      await options.evaluate((alarm) => browser.alarms.create(alarm, { when: Date.now() }), ALARM);
      await expect.poll(async () => (await lastRun())?.lastRun?.at ?? 0, { timeout: 30_000 }).toBeGreaterThan(before);
      return (await lastRun())!.lastRun!;
    }

    test('with Graph mode on and a folder named, the alarm is set, and nothing is asked of Microsoft', async () => {
      expect(await options.evaluate(() => location.href)).toContain('options.html');
      await options.type('section[aria-labelledby="options-graph-title"] input', CLIENT_ID);
      await options.click('::-p-text(Turn Graph mode on)');
      await expect
        .poll(() => options.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? ''))
        .toContain('Graph mode is on');
      await options.evaluate(() =>
        browser.storage.local.set({ gatherSettings: { autoSave: true, syncFolder: 'DMARC', syncEveryMinutes: 30 } }),
      );
      await expect
        .poll(() => options.evaluate((alarm) => browser.alarms.get(alarm), ALARM))
        .toMatchObject({ periodInMinutes: 30 });
      expect(mailbox.calls).toEqual([]);
      expect(microsoft.authorizations).toEqual([]);
      expect(proxy.requests).toEqual([]);
    });

    test('the first alarm reads the folder once; the next asks only for what changed', async () => {
      const first = await fireAlarm();
      expect(first).toMatchObject({ ok: true, folder: 'DMARC', messages: 3, added: 2, alreadySaved: 1, problems: [] });
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
        '/v1.0/me/messages/AAMkMsgB=/attachments/AttB1=/$value',
        `${folder}?$skiptoken=round0-3`,
        '/v1.0/me/messages/AAMkMsgD=/attachments?$select=id,name',
        '/v1.0/me/messages/AAMkMsgD=/attachments/AttD1=/$value',
      ]);
      expect(await options.evaluate(readStoredReportKeys)).toEqual(
        [reportKeyOfFixture(AOL), reportKeyOfFixture(YAHOO)].sort(),
      );

      let start = mailbox.calls.length;
      const quiet = await fireAlarm();
      expect(quiet).toMatchObject({ ok: true, messages: 0, added: 0, alreadySaved: 0 });
      expect(mailbox.calls.slice(start)).toEqual([`${folder}?$deltatoken=round0`]);

      mailbox.deliver([{ id: 'AAMkMsgE=', attachments: [attachment('AttE1=', LOLEI)] }]);
      start = mailbox.calls.length;
      const next = await fireAlarm();
      expect(next).toMatchObject({ ok: true, messages: 1, added: 1, alreadySaved: 0, problems: [] });
      expect(mailbox.calls.slice(start)).toEqual([
        `${folder}?$deltatoken=round0`,
        '/v1.0/me/messages/AAMkMsgE=/attachments?$select=id,name',
        '/v1.0/me/messages/AAMkMsgE=/attachments/AttE1=/$value',
      ]);
      expect(await options.evaluate(readStoredReportKeys)).toEqual(
        [reportKeyOfFixture(AOL), reportKeyOfFixture(YAHOO), reportKeyOfFixture(LOLEI)].sort(),
      );
      // The token is kept in the background's memory: no second sign-in.
      expect(microsoft.authorizations).toHaveLength(1);
      // Every request went to Microsoft's sign-in or Graph, through the proxy; nothing else was asked for but
      // Firefox's own remote settings (its blocklists), which the browser fetches with or without the add-on (the
      // proxy refuses them).
      expect(proxy.elsewhere.filter((r) => r !== 'CONNECT firefox.settings.services.mozilla.com:443')).toEqual([]);
      const allowed = /^(GET|POST|OPTIONS) https:\/\/(login\.microsoftonline\.com|graph\.microsoft\.com)\//;
      expect(proxy.requests.filter((r) => !allowed.test(r))).toEqual([]);
      expect(mailbox.problems).toEqual([]);
      expect(microsoft.problems).toEqual([]);
    });
  });
}
