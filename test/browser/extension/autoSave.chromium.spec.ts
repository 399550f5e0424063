// Auto-save in Chromium: every report an inline card reads is stored in the extension's database without a click, once
// (a second reading finds it already saved); turned off in the settings, nothing is stored until Save is clicked.
import { expect, test, type Page, type Worker } from '@playwright/test';
import { card, clickCardButton, readCard } from './cardReader';
import { launchExtension, type ExtensionBrowser } from './launchExtension';
import { readStoredReportKeys, reportKeyOfBytes } from './storedReports';
import { gmailAttachments } from './webmailRoutes';

test.describe.configure({ mode: 'serial' });

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

/** The reports of thread-a's cards, keyed as the store keys them, read from their XML. */
const THREAD_A = ['f_google_zip', 'f_zoho_gz', 'f_outlook_xml', 'f_scanned_xml', 'f_late_xml'] as const;
const expectedKeys = [
  ...THREAD_A.map((id) => reportKeyOfBytes(gmailAttachments[id]!.bytes)),
  // The raw message's zip (its subject: "Report domain: borschow.com Submitter: google.com Report-ID: 949348866075514174").
  'aggregate\u0000google.com\u0000949348866075514174',
].sort();

let ext: ExtensionBrowser;
let worker: Worker;
let storePage: Page;
test.beforeAll(async () => {
  ext = await launchExtension();
  worker = ext.context.serviceWorkers()[0]!;
  storePage = await ext.context.newPage();
  await storePage.goto(`chrome-extension://${ext.extensionId}/options.html`);
});
test.afterAll(async () => {
  await ext.close();
});

const storedKeys = () => storePage.evaluate(readStoredReportKeys);
const setAutoSave = (autoSave: boolean) =>
  worker.evaluate(
    (on) => chrome.storage.local.set({ gatherSettings: { autoSave: on, syncFolder: '', syncEveryMinutes: 60 } }),
    autoSave,
  );

async function openThreadA(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto('https://mail.google.com/mail/u/1/#inbox/thread-a');
  for (const id of THREAD_A)
    await expect(card(page, gmailAttachments[id]!.fileName)).toHaveAttribute('data-state', 'done', {
      timeout: 20_000,
    });
  await expect(card(page, gmailAttachments.f_corrupt_gz!.fileName)).toHaveAttribute('data-state', 'error');
  return page;
}

test('turned off: reading stores nothing, and Save still stores the one report', async () => {
  await setAutoSave(false);
  const page = await openThreadA();
  expect(await storedKeys()).toEqual([]);
  await clickCardButton(page, gmailAttachments.f_zoho_gz!.fileName, 'save');
  await expect
    .poll(async () => (await readCard(page, gmailAttachments.f_zoho_gz!.fileName)).outcome)
    .toBe('Saved 1 report.');
  expect(await storedKeys()).toEqual([reportKeyOfBytes(gmailAttachments.f_zoho_gz!.bytes)]);
  await page.close();
});

test('on (the default): every report the cards read is stored once, without a click', async () => {
  await setAutoSave(true);
  const page = await openThreadA();
  await expect.poll(storedKeys, { timeout: 10_000 }).toEqual(expectedKeys);
  // Each card says what saving did, without a click: its one report was new.
  await expect
    .poll(async () => (await readCard(page, gmailAttachments.f_google_zip!.fileName)).outcome)
    .toBe('Saved 1 report.');
  await page.close();
  // Read again: nothing is stored twice, and the cards say so.
  const again = await openThreadA();
  expect(await storedKeys()).toEqual(expectedKeys);
  await expect
    .poll(async () => (await readCard(again, gmailAttachments.f_zoho_gz!.fileName)).outcome)
    .toBe('Already saved.');
  // Save on a card whose report auto-save stored says so.
  await clickCardButton(again, gmailAttachments.f_google_zip!.fileName, 'save');
  await expect
    .poll(async () => (await readCard(again, gmailAttachments.f_google_zip!.fileName)).outcome)
    .toBe('Already saved.');
  await again.close();
  expect(ext.elsewhere).toEqual([]);
  expect(
    ext.requests.filter((r) => !/^GET https:\/\/(mail\.google\.com|mail-attachment\.googleusercontent\.com)\//.test(r)),
  ).toEqual([]);
});
