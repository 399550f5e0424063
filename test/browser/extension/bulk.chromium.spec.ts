// Bulk import from a mailbox list in Chromium: on a Gmail label and an Outlook folder (fixtures on their real origins),
// "Import the reports of all N messages listed here" reads each listed message under the card's fetch rules, a few at
// a time, waits out 429/5xx, says how each went, and stores every report once. Nothing is asked of any other host, and
// nothing at all before the click.
import { expect, test, type Page } from '@playwright/test';
import { clickBulkButton, readBulkControl } from './bulkReader';
import {
  GMAIL_ALWAYS_FAILING,
  GMAIL_LIST_PATH,
  GMAIL_THROTTLED_ONCE,
  OUTLOOK_LIST_PATH,
  bulkFakes,
  outlookBulkReports,
} from './bulkRoutes';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { readStoredReportKeys, reportKeyOfFixture } from './storedReports';

test.describe.configure({ mode: 'serial' });

const fakes = bulkFakes();
let ext: ExtensionBrowser;
let storePage: Page;
test.beforeAll(async () => {
  ext = await launchExtension({ answer: (url, request) => Promise.resolve(fakes.answer(url, request)) });
  storePage = await ext.context.newPage();
  await storePage.goto(`chrome-extension://${ext.extensionId}/options.html`);
});
test.afterAll(async () => {
  await ext.close();
});
const storedKeys = () => storePage.evaluate(readStoredReportKeys);
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
/** The domains the changes engine (extension/monitor) remembers having judged. */
const watchedDomains = async () =>
  (
    (await ext.context.serviceWorkers()[0]!.evaluate(() => chrome.storage.local.get('watchMemory'))).watchMemory as
      { domains?: string[] } | undefined
  )?.domains ?? [];

/** The store keys of the Gmail list's reports, from the report messages' subjects ("Report-ID: …") or their XML. */
const GMAIL_KEYS = [
  'aggregate\u0000google.com\u00001627703331531660819', // twilight.eml, "Report-ID: 1627703331531660819"
  // mimecast-weird-gzip.eml: the report id is the attachment name's last part
  'aggregate\u0000Mimecast\u0000157a5fe30ec76f4bc0d8bccfc96c118a167a1280fee7c7465af5115e73082e5e',
  'tls\u0000Google Inc.\u00002024-09-03T00:00:00Z_cardinalhealth.ca', // "Report-ID: <2024.09.03T00.00.00Z+cardinalhealth.ca@google.com>"
  'aggregate\u0000Mail.Ru\u000082403907998914102491559779200', // mailru.eml's <report_id>
];

const downloads = () => fakes.seen.filter((line) => line.includes('view=att'));

test('Gmail label: every listed thread is read once, politely, and each report stored once', async () => {
  const page = await ext.context.newPage();
  await page.goto(`https://mail.google.com${GMAIL_LIST_PATH}#label/DMARC`);
  await expect.poll(async () => (await readBulkControl(page))?.count, { timeout: 15_000 }).toBe('8');
  expect((await readBulkControl(page))?.start).toBe('Import the reports of all 8 messages listed here');
  expect(downloads()).toEqual([]); // nothing is read before the click

  await clickBulkButton(page, 'start');
  await expect.poll(async () => (await readBulkControl(page))?.state, { timeout: 30_000 }).toBe('done');
  const control = (await readBulkControl(page))!;
  expect(control.status).toBe('Done: 4 new reports saved, 1 already saved.');
  expect(control.totals).toBe('2 messages could not be read.');
  const twilight = 'Report domain: twlnet.com Submitter: google.com Report-ID: 1627703331531660819';
  // The same report in two threads: whichever was saved first says "new", the other "already saved".
  const [first, , , , , again, ...rest] = control.results;
  expect([first!.text, again!.text].sort()).toEqual(
    [`${twilight}: 1 new report saved`, `${twilight} (sent again): already saved`].sort(),
  );
  expect(control.results.slice(1, 5)).toEqual([
    { outcome: 'saved', text: 'Report domain: ab.id.au Submitter: mimecast.org: 1 new report saved' },
    {
      outcome: 'saved',
      text: 'Report Domain: cardinalhealth.ca Submitter: google.com Report-ID: <2024.09.03T00.00.00Z+cardinalhealth.ca@google.com>: 1 new report saved',
    },
    { outcome: 'saved', text: 'Report Domain: ueber.net; Submitter: Mail.Ru;: 1 new report saved' },
    { outcome: 'none', text: 'Lunch on Friday?: no report in this message' },
  ]);
  expect(rest).toEqual([
    {
      outcome: 'failed',
      text: 'Report Domain: ueber.net Submitter: yahoo.com Report-ID: <1559613526.307161>: not read: mail.google.com answered 503.',
    },
    {
      outcome: 'failed',
      text: 'Report domain: secure.200permits.com Submitter: evil.example: not read: the list row carries no message id of mail.google.com.',
    },
  ]);
  expect(await storedKeys()).toEqual([...GMAIL_KEYS].sort());
  // The import handed over to the changes engine, which now watches the reports' domains.
  await expect
    .poll(() => watchedDomains(), { timeout: 15_000 })
    .toEqual(expect.arrayContaining(['ab.id.au', 'twlnet.com', 'ueber.net']));

  // Each thread asked for once, with the account key; the throttled one twice (429 then the file), the failing one
  // four times (503 each time, Retry-After honoured), then given up. The attacker's row asked nothing.
  const threads = downloads().map((line) => new URLSearchParams(line.slice(line.indexOf('?'))).get('th'));
  const times = (th: string) => threads.filter((t) => t === th).length;
  expect(threads).toHaveLength(11);
  for (const th of ['18d0a1b2c3d4e5f1', '18d0a1b2c3d4e5f3', '18d0a1b2c3d4e5f4', '18d0a1b2c3d4e5f5', '18d0a1b2c3d4e5f6'])
    expect(times(th)).toBe(1);
  expect(times(GMAIL_THROTTLED_ONCE)).toBe(2);
  expect(times(GMAIL_ALWAYS_FAILING)).toBe(4);
  expect(fakes.problems).toEqual([]);
  expect(ext.elsewhere).toEqual([]);
  expect(ext.requests.filter((r) => !r.startsWith('GET https://mail.google.com/'))).toEqual([]);
  expect(ext.requests.filter((r) => r.includes('evil.example'))).toEqual([]);
  await page.close();
});

test('Gmail label: a second import stores nothing new; Cancel stops it and starts no more requests', async () => {
  const page = await ext.context.newPage();
  await page.goto(`https://mail.google.com${GMAIL_LIST_PATH}#label/DMARC`);
  await expect.poll(async () => (await readBulkControl(page))?.count, { timeout: 15_000 }).toBe('8');
  await clickBulkButton(page, 'start');
  await clickBulkButton(page, 'cancel');
  await expect.poll(async () => (await readBulkControl(page))?.state, { timeout: 15_000 }).toBe('cancelled');
  const afterCancel = downloads().length;
  const control = (await readBulkControl(page))!;
  expect(control.status).toMatch(/^Cancelled: [0-7] of 8 messages read\.$/);
  await page.waitForTimeout(2500);
  expect(downloads().length).toBe(afterCancel);
  expect(await storedKeys()).toEqual([...GMAIL_KEYS].sort());

  await clickBulkButton(page, 'start'); // "Import again"
  await expect.poll(async () => (await readBulkControl(page))?.state, { timeout: 30_000 }).toBe('done');
  expect((await readBulkControl(page))?.status).toBe('Done: 0 new reports saved, 5 already saved.');
  expect(await storedKeys()).toEqual([...GMAIL_KEYS].sort());
  expect(ext.elsewhere).toEqual([]);
  await page.close();
});

test('Outlook folder: each conversation’s report attachments are read through the page’s own service calls', async () => {
  const page = await ext.context.newPage();
  await page.goto(`https://outlook.office.com${OUTLOOK_LIST_PATH}`);
  // Five rows; the imitation row inside a message body is not one of them.
  await expect.poll(async () => (await readBulkControl(page))?.count, { timeout: 15_000 }).toBe('5');
  expect((await readBulkControl(page))?.start).toBe('Import the reports of all 5 messages listed here');
  const before = fakes.seen.length;
  await clickBulkButton(page, 'start');
  await expect.poll(async () => (await readBulkControl(page))?.state, { timeout: 30_000 }).toBe('done');
  const control = (await readBulkControl(page))!;
  expect(control.status).toBe('Done: 3 new reports saved, 0 already saved.');
  expect(control.results).toEqual([
    { outcome: 'saved', text: 'DMARC Aggregate Report: 1 new report saved' },
    { outcome: 'saved', text: 'Report Domain: example.com Submitter: usssa.com: 1 new report saved' },
    { outcome: 'none', text: 'Team meeting notes: no report in this message' },
    { outcome: 'saved', text: 'DMARC Aggregate Report: 1 new report saved' },
    {
      outcome: 'failed',
      text: 'Report Domain: secure.200permits.com Submitter: evil.example: not read: the list row carries no message id of outlook.office.com.',
    },
  ]);
  const calls = fakes.seen.slice(before).sort();
  expect(calls).toEqual(
    [
      ...['A', 'B', 'C', 'D', 'D'].map(() => 'POST /owa/service.svc?action=GetConversationItems&app=Mail'),
      'GET /owa/service.svc/s/GetFileAttachment?id=AAMkADBulkLolei1Gz=',
      'GET /owa/service.svc/s/GetFileAttachment?id=AAMkADBulkUsssa=',
      'GET /owa/service.svc/s/GetFileAttachment?id=AAMkADBulkLolei2=',
    ].sort(),
  );
  const outlookKeys = [outlookBulkReports.LOLEI_1, outlookBulkReports.USSSA, outlookBulkReports.LOLEI_2].map(
    reportKeyOfFixture,
  );
  expect(await storedKeys()).toEqual([...GMAIL_KEYS, ...outlookKeys].sort());
  expect(fakes.problems).toEqual([]);
  expect(ext.elsewhere).toEqual([]);
  expect(
    ext.requests.filter((r) => !/^(GET|POST) https:\/\/(mail\.google\.com|outlook\.office\.com)\//.test(r)),
  ).toEqual([]);
  await page.close();
});
