// Graph mode end to end in Chromium: the options page turns it on with an application id and asks for the optional
// permissions; the Outlook tile without a download URL is then read through Microsoft Graph after an OAuth PKCE
// sign-in (chrome.identity.launchWebAuthFlow), all against fakes served on the real Microsoft origins.
//
// The permission dialog: headless Chromium shows it to nobody and no switch or policy accepts it. The profile says the
// user granted these permissions in an earlier session (Chromium then grants them again from the click without a
// dialog, as it does for a user who turned Graph mode off and on again); they are not active until the click.
import { expect, test, type Worker } from '@playwright/test';
import { createHash } from 'node:crypto';
import { GRAPH_ORIGINS } from '../../../extension/graph/graphPermissions';
import { card, expectCardMatches, expectCardText, readCard } from './cardReader';
import { expectedSummaries } from './expectedSummary';
import { CHROME_EXTENSION_DIR, launchExtension, unpackedExtensionId, type ExtensionBrowser } from './launchExtension';
import { fakeMicrosoft } from './microsoftRoutes';
import { outlookAttachments, outlookNoUrlAttachment } from './webmailRoutes';

test.describe.configure({ mode: 'serial' });

/** The chrome.* calls the test makes inside the extension's service worker (evaluated there, typed here). */
declare const chrome: {
  permissions: { contains(permissions: { permissions: string[]; origins: string[] }): Promise<boolean> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

const CLIENT_ID = '3f1c2a9e-5b7d-4e08-9a61-0c2d4b6e8f10';
const TENANT = 'organizations';
// Outlook on the web names conversations by their EWS id (standard base64: `/` and `+`); Graph uses the REST form of
// the same id (`-` and `_`). The fixture page is served with such an id for the selected conversation.
const FIXTURE_CONVID = 'AAQkADFixtureConversationOne=';
const OWA_CONVID = 'AAQkADFix/ture+ConversationOne=';
const GRAPH_CONVID = 'AAQkADFix-ture_ConversationOne=';
const one = outlookAttachments['AAMkADFixtureAttachmentOne=']!;
const extensionId = unpackedExtensionId(CHROME_EXTENSION_DIR);

const microsoft = fakeMicrosoft({
  clientId: CLIENT_ID,
  tenant: TENANT,
  redirectUri: `https://${extensionId}.chromiumapp.org/`,
  conversations: {
    [GRAPH_CONVID]: [
      {
        id: 'AAMkADFixture-Message_One=',
        attachments: [
          {
            id: 'AAMkADFixture-Attachment_One=',
            name: one.fileName,
            contentType: 'application/gzip',
            bytes: one.bytes,
          },
          {
            id: 'AAMkADFixture-Logo=',
            name: 'signature-logo.png',
            contentType: 'image/png',
            bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
          },
        ],
      },
      {
        id: 'AAMkADFixture-Message_Two=',
        attachments: [
          {
            id: 'AAMkADFixture-Attachment_Two=',
            name: outlookNoUrlAttachment.fileName,
            contentType: 'text/xml',
            bytes: outlookNoUrlAttachment.bytes,
          },
        ],
      },
    ],
  },
});

let ext: ExtensionBrowser;
let worker: Worker;
test.beforeAll(async () => {
  ext = await launchExtension({
    previouslyGranted: { api: ['identity'], hosts: GRAPH_ORIGINS },
    answer: microsoft.answer,
    // launchWebAuthFlow loads the sign-in page in a browser-owned WebContents that context.route does not see (unmapped,
    // it fails with "Authorization page could not be loaded"): the login host is also mapped to the local HTTPS server,
    // which answers with the same fake. The token request and Graph come from the service worker, through context.route.
    // The redirect URI's host is mapped too, answered by nothing, so that a request there is seen: Chromium itself
    // requests the redirect URI (with the code or the error) while launchWebAuthFlow completes on it. Unmapped, as
    // here without internet, that request fails at name resolution and nothing records it.
    localHosts: ['login.microsoftonline.com', `${extensionId}.chromiumapp.org`],
    rewriteWebmail: (url, answer) =>
      url.pathname === '/mail/inbox'
        ? { ...answer, body: Buffer.from(answer.body.toString('utf8').replaceAll(FIXTURE_CONVID, OWA_CONVID)) }
        : answer,
  });
  expect(ext.extensionId).toBe(extensionId);
  worker = ext.context.serviceWorkers()[0]!;
});
test.afterAll(async () => {
  await ext.close();
});

const graphPermissions = { permissions: ['identity'], origins: GRAPH_ORIGINS };
const hasGraphPermissions = () => worker.evaluate((p) => chrome.permissions.contains(p), graphPermissions);
const microsoftRequests = () =>
  ext.requests.filter((r) => /\/\/(login\.microsoftonline|graph\.microsoft)\.com\//.test(r));

test('the fake token endpoint refuses a code verifier that does not match the challenge (its check is not vacuous)', async () => {
  const verifier = 'a'.repeat(43);
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const request = (method: string, body?: string) => ({
    method,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body === undefined ? undefined : Buffer.from(body),
    via: 'route' as const,
  });
  const authorize = new URL(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`);
  authorize.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: `https://${extensionId}.chromiumapp.org/`,
    scope: 'https://graph.microsoft.com/Mail.Read',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 's',
  }).toString();
  const redirect = await microsoft.answer(authorize, request('GET'));
  const code = new URL(redirect!.headers.location!).searchParams.get('code')!;
  const token = new URL(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`);
  const form = (v: string) =>
    new URLSearchParams({
      client_id: CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: `https://${extensionId}.chromiumapp.org/`,
      code_verifier: v,
    }).toString();
  expect((await microsoft.answer(token, request('POST', form('b'.repeat(43)))))!.status).toBe(400);
  expect(microsoft.problems).toEqual(['invalid_grant: the code_verifier does not match the code_challenge']);
  // The code is spent either way, as at Microsoft.
  expect((await microsoft.answer(token, request('POST', form(verifier))))!.status).toBe(400);
  for (const list of [microsoft.problems, microsoft.authorizations, microsoft.tokenRequests, microsoft.seen])
    list.length = 0;
});

test('Graph mode off: the tile without a URL offers the drop path and nothing asks Microsoft', async () => {
  expect(await hasGraphPermissions()).toBe(false);
  const page = await ext.context.newPage();
  await page.goto('https://outlook.office.com/mail/inbox');
  await expect(card(page, outlookNoUrlAttachment.fileName)).toHaveAttribute('data-state', 'needs-download', {
    timeout: 15_000,
  });
  await page.close();
  expect(microsoftRequests()).toEqual([]);
});

test('turning Graph mode on asks for identity and the Microsoft hosts from the click, and stores the application id', async () => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator('code')).toHaveText(`https://${extensionId}.chromiumapp.org/`);
  await options.getByLabel('Application (client) id').fill(` ${CLIENT_ID} `);
  await options.getByLabel(/^Tenant/).fill(TENANT);
  await options.getByRole('button', { name: 'Turn Graph mode on' }).click();
  await expect(options.getByRole('status').first()).toContainText('Graph mode is on');
  await expect(options.getByRole('button', { name: 'Turn Graph mode off' })).toBeVisible();
  expect(await hasGraphPermissions()).toBe(true);
  expect(await worker.evaluate(() => chrome.storage.local.get('graphSettings'))).toEqual({
    graphSettings: { enabled: true, clientId: CLIENT_ID, tenant: TENANT },
  });
  await options.close();
  expect(microsoftRequests()).toEqual([]); // turning it on asks Microsoft nothing yet
});

test('the user declines consent on Microsoft’s page: the card says so in plain words and offers the drop path', async () => {
  microsoft.nextSignIn = 'decline';
  const page = await ext.context.newPage();
  await page.goto('https://outlook.office.com/mail/inbox');
  const tile = card(page, outlookNoUrlAttachment.fileName);
  await expect(tile).toHaveAttribute('data-state', 'needs-download', { timeout: 15_000 });
  await expectCardText(
    page,
    outlookNoUrlAttachment.fileName,
    'Microsoft Graph: AADSTS65004: User declined to consent to access the app. Download it, then drop it here.',
  );
  await page.close();
  expect(microsoft.authorizations).toHaveLength(1);
  expect(microsoft.tokenRequests).toEqual([]);
  expect(microsoft.graphCalls).toEqual([]);
  expect(microsoft.problems).toEqual([]);
  for (const list of [microsoft.authorizations, microsoft.seen]) list.length = 0;
});

test('the tile without a URL is read through Microsoft Graph after a PKCE sign-in; the numbers are the core’s', async () => {
  const start = ext.requests.length;
  const page = await ext.context.newPage();
  await page.goto('https://outlook.office.com/mail/inbox');
  await expectCardMatches(
    page,
    outlookNoUrlAttachment.fileName,
    await expectedSummaries(outlookNoUrlAttachment.bytes, outlookNoUrlAttachment.fileName),
  );
  // The card names where the bytes came from: Graph, not the page.
  expect((await readCard(page, outlookNoUrlAttachment.fileName)).sourceHosts).toBe('graph.microsoft.com');
  await expectCardText(page, outlookNoUrlAttachment.fileName, 'Downloaded from graph.microsoft.com and read');
  expect((await readCard(page, outlookNoUrlAttachment.fileName)).via).toBe('Microsoft Graph');
  // The tile with a GetFileAttachment link still takes the download link (tier 1) and never Graph.
  await expectCardMatches(page, one.fileName, await expectedSummaries(one.bytes, one.fileName));
  expect((await readCard(page, one.fileName)).sourceHosts).toBe('outlook.office.com');
  await expectCardText(page, one.fileName, 'Downloaded from outlook.office.com and read');
  expect((await readCard(page, one.fileName)).via).toBe('download link');

  expect(microsoft.problems).toEqual([]);
  // One sign-in: the authorization request carried an S256 challenge and the state; the token request the verifier
  // (checked by the fake against the challenge) and the same redirect URI.
  expect(microsoft.authorizations).toHaveLength(1);
  const authorization = microsoft.authorizations[0]!;
  expect(authorization.get('code_challenge_method')).toBe('S256');
  expect(authorization.get('state')).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  expect(microsoft.tokenRequests).toHaveLength(1);
  expect(microsoft.tokenRequests[0]!.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  // The REST form of the page's conversation id; the message without the file is skipped; the file is downloaded raw.
  expect(microsoft.graphCalls.map(decodeURIComponent)).toEqual([
    `/v1.0/me/messages?$filter=conversationId eq '${GRAPH_CONVID}'&$select=id,hasAttachments`,
    '/v1.0/me/messages/AAMkADFixture-Message_One=/attachments?$select=id,name',
    '/v1.0/me/messages/AAMkADFixture-Message_Two=/attachments?$select=id,name',
    '/v1.0/me/messages/AAMkADFixture-Message_Two=/attachments/AAMkADFixture-Attachment_Two=/$value',
  ]);

  // A second visit reuses the token (kept in the background's memory): no second sign-in.
  await page.reload();
  await expect(card(page, outlookNoUrlAttachment.fileName)).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  expect(microsoft.authorizations).toHaveLength(1);
  expect(microsoft.tokenRequests).toHaveLength(1);
  await page.close();

  // Which way each request reached the fakes: only the sign-in page outside context.route.
  expect(microsoft.seen).toEqual([
    `local GET https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
    `route POST https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
    ...[1, 2].flatMap(() => [
      'route GET https://graph.microsoft.com/v1.0/me/messages',
      'route GET https://graph.microsoft.com/v1.0/me/messages/AAMkADFixture-Message_One%3D/attachments',
      'route GET https://graph.microsoft.com/v1.0/me/messages/AAMkADFixture-Message_Two%3D/attachments',
      'route GET https://graph.microsoft.com/v1.0/me/messages/AAMkADFixture-Message_Two%3D/attachments/AAMkADFixture-Attachment_Two%3D/$value',
    ]),
  ]);
  // Nothing else left the browser. Besides the webmail and Microsoft, Chromium itself may load the redirect URI while
  // launchWebAuthFlow completes on it (seen here for the consented sign-in, with the code, before the token request;
  // not for the declined one): the extension does not make that request and cannot prevent it, and the code in it is
  // useless without the PKCE verifier, which only the token request carried.
  const redirectUriLoad = new RegExp(`^GET https://${extensionId}\\.chromiumapp\\.org/\\?`);
  expect(ext.elsewhere.filter((r) => !redirectUriLoad.test(r))).toEqual([]);
  expect(ext.elsewhere.length).toBeLessThanOrEqual(2); // at most one per sign-in
  const allowed =
    /^(GET|POST|OPTIONS) https:\/\/(outlook\.office\.com|login\.microsoftonline\.com|graph\.microsoft\.com)\//;
  expect(ext.requests.filter((r) => !allowed.test(r) && !redirectUriLoad.test(r))).toEqual([]);
  expect(ext.requests.slice(start).filter((r) => r.includes('login.microsoftonline.com'))).toEqual([
    expect.stringMatching(
      new RegExp(`^GET https://login\\.microsoftonline\\.com/${TENANT}/oauth2/v2\\.0/authorize\\?`),
    ),
    `POST https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
  ]);
});

test('turning Graph mode off gives the permissions back; the tile offers the drop path again', async () => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const errors: string[] = [];
  options.on('pageerror', (error) => errors.push(error.message));
  await options.getByRole('button', { name: 'Turn Graph mode off' }).click();
  await expect(options.getByRole('status').first()).toContainText('Graph mode is off');
  expect(await hasGraphPermissions()).toBe(false);
  // The page still shows the redirect URL to register, without the identity API it just gave back.
  await expect(options.locator('code')).toHaveText(`https://${extensionId}.chromiumapp.org/`);
  await expect(options.getByRole('button', { name: 'Turn Graph mode on' })).toBeVisible();
  expect(errors).toEqual([]);
  await options.close();

  const before = microsoftRequests().length;
  const elsewhereBefore = ext.elsewhere.length;
  const page = await ext.context.newPage();
  await page.goto('https://outlook.office.com/mail/inbox');
  await expect(card(page, outlookNoUrlAttachment.fileName)).toHaveAttribute('data-state', 'needs-download', {
    timeout: 15_000,
  });
  await page.close();
  expect(microsoftRequests()).toHaveLength(before);
  expect(ext.elsewhere).toHaveLength(elsewhereBefore);
});
