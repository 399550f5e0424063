// The background sync of a Gmail label through an open Gmail tab, in Chromium: an alarm fired by the test wakes the
// service worker, which asks the Gmail tab's bulk content script to read the messages of the label it has not read
// before; only a tab showing that label reads anything. The label list (test/fixtures/webmail/gmail-list.html) and
// Gmail's "Download original" of each thread (real report messages) are served on mail.google.com (bulkRoutes.ts),
// and every request the browser makes is recorded: nothing goes anywhere but Gmail's origin.
import { expect, test, type Page, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { GMAIL_ALWAYS_FAILING, GMAIL_LIST_PATH, GMAIL_THROTTLED_ONCE, bulkFakes } from './bulkRoutes';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { readStoredReportKeys } from './storedReports';

test.describe.configure({ mode: 'serial' });

declare const chrome: {
  alarms: {
    get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
    create(name: string, info: { when: number }): Promise<void>;
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

const ALARM = 'dmarc-lens-gmail-sync';
/** A report mail that arrives in the label after the first runs: Google's report on ngyn.org, as a zip attachment. */
const NEW_THREAD = '18d0a1b2c3d4e5f8';
const NEW_MESSAGE = new Uint8Array(
  readFileSync(
    'test/fixtures/reports/modoboa__modoboa-dmarc/Report_Domain_ngyn.org_Submitter_google.com_Report-ID_14872432101891615947.eml',
  ),
);
/** Its store key, from the zip's XML: <org_name>google.com</org_name>, <report_id>14872432101891615947</report_id>. */
const NEW_KEY = 'aggregate\u0000google.com\u000014872432101891615947';
/** The label's reports, as bulk.chromium.spec.ts names them from the report messages' subjects and XML. */
const GMAIL_KEYS = [
  'aggregate\u0000google.com\u00001627703331531660819',
  'aggregate\u0000Mimecast\u0000157a5fe30ec76f4bc0d8bccfc96c118a167a1280fee7c7465af5115e73082e5e',
  'tls\u0000Google Inc.\u00002024-09-03T00:00:00Z_cardinalhealth.ca',
  'aggregate\u0000Mail.Ru\u000082403907998914102491559779200',
];

const fakes = bulkFakes();
let ext: ExtensionBrowser;
let worker: Worker;
let storePage: Page;
test.beforeAll(async () => {
  ext = await launchExtension({
    answer: (url, request) => {
      if (url.origin === 'https://mail.google.com' && url.searchParams.get('th') === NEW_THREAD) {
        fakes.seen.push(`${request.method} ${decodeURIComponent(url.pathname + url.search)}`);
        return Promise.resolve({
          status: 200,
          headers: { 'content-type': 'message/rfc822', 'cache-control': 'no-store' },
          body: Buffer.from(NEW_MESSAGE),
        });
      }
      return Promise.resolve(fakes.answer(url, request));
    },
  });
  worker = ext.context.serviceWorkers()[0]!;
  storePage = await ext.context.newPage();
  await storePage.goto(`chrome-extension://${ext.extensionId}/options.html`);
});
test.afterAll(async () => {
  await ext.close();
});

interface GmailSyncRun {
  at: number;
  list: string;
  skipped?: string;
  listed: number;
  messages: number;
  added: number;
  alreadySaved: number;
  failed: number;
}
const syncState = async () =>
  (await worker.evaluate(() => chrome.storage.local.get('gmailSyncState'))).gmailSyncState as
    { seen: string[]; lastRun?: GmailSyncRun } | undefined;

/** Fires the Gmail sync alarm now (as Chromium does when its time comes) and waits for the run it starts to end. */
async function fireAlarm(): Promise<GmailSyncRun> {
  const before = (await syncState())?.lastRun?.at ?? 0;
  await worker.evaluate((alarm) => chrome.alarms.create(alarm, { when: Date.now() }), ALARM);
  await expect.poll(async () => (await syncState())?.lastRun?.at ?? 0, { timeout: 30_000 }).toBeGreaterThan(before);
  return (await syncState())!.lastRun!;
}

/** The threads Gmail was asked to download, in order. */
const downloads = () =>
  fakes.seen
    .filter((line) => line.includes('view=att'))
    .map((line) => new URLSearchParams(line.slice(line.indexOf('?'))).get('th'));

/** What the options page says of the last Gmail run. */
async function optionsSay(): Promise<string> {
  await storePage.reload();
  return (await storePage.getByTestId('gather-gmail-last-run').textContent()) ?? '';
}

test('named label: the alarm is set to the chosen period; with no Gmail tab open the run asks nothing', async () => {
  expect(await worker.evaluate((alarm) => chrome.alarms.get(alarm), ALARM)).toBeUndefined();
  expect(await optionsSay()).toBe('Gmail: not read yet.');
  await storePage.locator('input[name="gmailList"]').fill('DMARC');
  await storePage.locator('input[name="gmailEveryMinutes"]').fill('30');
  await storePage.getByRole('button', { name: 'Save these settings' }).click();
  await expect
    .poll(() => worker.evaluate((alarm) => chrome.alarms.get(alarm), ALARM))
    .toMatchObject({ name: ALARM, periodInMinutes: 30 });

  const run = await fireAlarm();
  expect(run).toMatchObject({ list: 'DMARC', skipped: 'noTab', listed: 0, messages: 0, added: 0, failed: 0 });
  expect(await optionsSay()).toMatch(/^Gmail, .+: nothing read, because no Gmail tab was open\.$/);
  expect(fakes.seen).toEqual([]);
  expect(ext.requests).toEqual([]);
});

test('a Gmail tab on another view reads nothing; on the label, every message not read before is read once', async () => {
  const gmail = await ext.context.newPage();
  await gmail.goto(`https://mail.google.com${GMAIL_LIST_PATH}#inbox`);
  const pageLoads = fakes.seen.length;
  const elsewhere = await fireAlarm();
  expect(elsewhere).toMatchObject({ skipped: 'notShown', messages: 0 });
  expect(await optionsSay()).toMatch(
    /^Gmail, .+: nothing read, because no Gmail tab showed “DMARC”\. Open that label or search in a Gmail tab\.$/,
  );
  expect(fakes.seen.length).toBe(pageLoads); // the list page itself, nothing read from it

  await gmail.evaluate(() => (location.hash = '#label/DMARC'));
  const first = await fireAlarm();
  // Eight rows: six read (four new reports, the same report sent again, a lunch message with none), Gmail's 503 for
  // one given up after four tries, and the row without a thread id left out.
  expect(first).toMatchObject({ listed: 8, messages: 6, added: 4, alreadySaved: 1, failed: 1 });
  expect(first.skipped).toBeUndefined();
  expect(await storePage.evaluate(readStoredReportKeys)).toEqual([...GMAIL_KEYS].sort());
  const threads = downloads();
  expect(threads).toHaveLength(11);
  const times = (th: string) => threads.filter((t) => t === th).length;
  for (const th of ['18d0a1b2c3d4e5f1', '18d0a1b2c3d4e5f3', '18d0a1b2c3d4e5f4', '18d0a1b2c3d4e5f5', '18d0a1b2c3d4e5f6'])
    expect(times(th)).toBe(1);
  expect(times(GMAIL_THROTTLED_ONCE)).toBe(2); // 429 with Retry-After, then the message
  expect(times(GMAIL_ALWAYS_FAILING)).toBe(4);
  expect((await syncState())?.seen.sort()).toEqual([
    '18d0a1b2c3d4e5f1',
    '18d0a1b2c3d4e5f2',
    '18d0a1b2c3d4e5f3',
    '18d0a1b2c3d4e5f4',
    '18d0a1b2c3d4e5f5',
    '18d0a1b2c3d4e5f6',
  ]);
  expect(await optionsSay()).toMatch(
    /^Gmail, .+: 6 new messages read of 8 listed; 4 new reports saved, 1 already saved\. 1 message could not be read and will be tried again next time\.$/,
  );
  // The sync handed over to the changes engine, which now watches the reports' domains.
  await expect
    .poll(
      async () =>
        ((await worker.evaluate(() => chrome.storage.local.get('watchMemory'))).watchMemory as { domains?: string[] })
          ?.domains ?? [],
      { timeout: 15_000 },
    )
    .toEqual(expect.arrayContaining(['ab.id.au', 'twlnet.com', 'ueber.net']));
  await gmail.close();
});

test('the next alarm reads nothing new; a message arriving in the label is read by the one after', async () => {
  const gmail = await ext.context.newPage();
  await gmail.goto(`https://mail.google.com${GMAIL_LIST_PATH}#label/DMARC`);
  let start = downloads().length;
  const quiet = await fireAlarm();
  // Only the thread Gmail failed is asked again.
  expect(quiet).toMatchObject({ listed: 8, messages: 0, added: 0, alreadySaved: 0, failed: 1 });
  expect(downloads().slice(start)).toEqual(Array<string>(4).fill(GMAIL_ALWAYS_FAILING));

  // Gmail puts a new conversation at the top of the list it shows.
  await gmail.evaluate((thread) => {
    const first = document.querySelector('tr.zA')!;
    const row = first.cloneNode(true) as Element;
    const subject = row.querySelector('[data-legacy-thread-id]')!;
    subject.setAttribute('data-legacy-thread-id', thread);
    subject.setAttribute('data-thread-id', `#thread-f:${BigInt(`0x${thread}`).toString()}`);
    subject.textContent = 'Report domain: ngyn.org Submitter: google.com Report-ID: 14872432101891615947';
    first.before(row);
  }, NEW_THREAD);
  start = downloads().length;
  const next = await fireAlarm();
  expect(next).toMatchObject({ listed: 9, messages: 1, added: 1, alreadySaved: 0, failed: 1 });
  expect(downloads().slice(start).sort()).toEqual([NEW_THREAD, ...Array<string>(4).fill(GMAIL_ALWAYS_FAILING)].sort());
  expect(await storePage.evaluate(readStoredReportKeys)).toEqual([...GMAIL_KEYS, NEW_KEY].sort());
  expect(await optionsSay()).toMatch(
    /^Gmail, .+: 1 new message read of 9 listed; 1 new report saved, 0 already saved\. 1 message could not be read/,
  );
  // The one-shot alarm the test fired gave way to the periodic one again.
  expect(await worker.evaluate((alarm) => chrome.alarms.get(alarm), ALARM)).toMatchObject({ periodInMinutes: 30 });
  // Every request the browser made went to Gmail's origin, and the fakes answered each as Gmail would.
  expect(ext.requests.filter((r) => !r.startsWith('GET https://mail.google.com/'))).toEqual([]);
  expect(ext.elsewhere).toEqual([]);
  expect(fakes.problems).toEqual([]);
  await gmail.close();
});

test('clearing the label clears the alarm', async () => {
  await storePage.locator('input[name="gmailList"]').fill('');
  await storePage.getByRole('button', { name: 'Save these settings' }).click();
  await expect.poll(() => worker.evaluate((alarm) => chrome.alarms.get(alarm), ALARM)).toBeUndefined();
});
