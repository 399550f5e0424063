// The parse watchdog, through the real built extension (with a 5 s budget, watchdogBuilds.ts) in Chromium and in
// Firefox (MV3 event page and MV2 background page): a file that takes too long to read is abandoned and answered
// "took too long to read", naming it, while requests from other tabs and from the same tab are answered meanwhile,
// and a fresh worker reads the next file.
import { expect, test } from '@playwright/test';
import { bytesToBase64 } from '../../../extension/messaging/base64Bytes';
import type { ParseAnswer, SaveAnswer } from '../../../extension/messaging/messages';
import {
  WATCHDOG_BUDGET_MS,
  buildWatchdogExtension,
  expectedSummaries,
  launchChromiumWatchdog,
  launchFirefoxWatchdog,
  normalReports,
  slowReport,
  type WatchdogTarget,
} from './watchdogBuilds';
import { card, readCard } from './cardReader';
import { answerWebmailRequest, gmailAttachments } from './webmailRoutes';

test.describe.configure({ mode: 'serial' });

const slow = slowReport();
const message = (type: 'parse-attachment' | 'save-attachment', file: { fileName: string; bytes: Uint8Array }) => ({
  type,
  attachment: { fileName: file.fileName, base64: bytesToBase64(file.bytes), container: 'attachment' as const },
});
const parseMessage = (file: { fileName: string; bytes: Uint8Array }) => message('parse-attachment', file);

interface Timed {
  answer: ParseAnswer | SaveAnswer;
  start: number;
  end: number;
}

/** What a test does in an extension page, whichever browser drives it. */
interface ExtensionTab {
  /** Sends the message and waits for the background's answer. */
  ask(message: unknown): Promise<Timed>;
  /** Sends the message and returns at once; `collect` waits for its answer. */
  startAsking(message: unknown): Promise<void>;
  collect(): Promise<Timed>;
  /** Turns auto-save off, so that a parse answers only the reading and the saves below are the first. */
  autoSaveOff(): Promise<void>;
}

type Runtime = { runtime: { sendMessage(message: unknown): Promise<ParseAnswer | SaveAnswer> } };
type PageGlobals = { browser?: Runtime; chrome?: Runtime; pending?: Promise<Timed> };

// These run in the extension page (`browser` in Firefox, `chrome` in Chromium), so they carry no outside references.
function askInPage(message: unknown): Promise<Timed> {
  const page = globalThis as unknown as PageGlobals;
  const start = Date.now();
  return (page.browser ?? page.chrome)!.runtime
    .sendMessage(message)
    .then((answer) => ({ answer, start, end: Date.now() }));
}
function startAskingInPage(message: unknown): void {
  const page = globalThis as unknown as PageGlobals;
  const start = Date.now();
  page.pending = (page.browser ?? page.chrome)!.runtime
    .sendMessage(message)
    .then((answer) => ({ answer, start, end: Date.now() }));
}
function autoSaveOffInPage(): Promise<void> {
  const api = globalThis as unknown as {
    browser?: { storage: { local: { set(items: object): Promise<void> } } };
    chrome: { storage: { local: { set(items: object): Promise<void> } } };
  };
  return (api.browser ?? api.chrome).storage.local.set({
    gatherSettings: { autoSave: false, syncFolder: '', syncEveryMinutes: 60 },
  });
}
function collectInPage(): Promise<Timed> {
  return (globalThis as unknown as PageGlobals).pending!;
}

async function expectWatchdogHolds(tabA: ExtensionTab, tabB: ExtensionTab): Promise<void> {
  await tabA.autoSaveOff();
  await tabA.startAsking(parseMessage(slow));
  // Give the slow file time to reach its worker, then ask from another tab and from the same one.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const otherTab = await tabB.ask(parseMessage(normalReports[0]!));
  const sameTab = await tabA.ask(parseMessage(normalReports[1]!));
  const slowAnswer = await tabA.collect();

  expect(slowAnswer.answer).toEqual({
    ok: false,
    error: {
      code: 'too-slow',
      message:
        `${slow.fileName} took too long to read (more than ${WATCHDOG_BUDGET_MS / 1000} seconds); ` +
        'DMARC Lens stopped reading it so that it could go on with other files.',
    },
  });
  const slowTook = slowAnswer.end - slowAnswer.start;
  expect(slowTook).toBeGreaterThanOrEqual(WATCHDOG_BUDGET_MS);
  expect(slowTook).toBeLessThan(WATCHDOG_BUDGET_MS + 15_000);

  for (const [timed, file] of [
    [otherTab, normalReports[0]!],
    [sameTab, normalReports[1]!],
  ] as const) {
    expect(timed.answer).toEqual({ ok: true, summaries: await expectedSummaries(file.bytes, file.fileName) });
    // Answered while the slow file was still being read, not after it was given up.
    expect(timed.end).toBeLessThan(slowAnswer.end);
  }

  // The stopped worker's place is taken by a fresh one: the next file reads as usual.
  const after = await tabB.ask(parseMessage(normalReports[2]!));
  expect(after.answer).toEqual({
    ok: true,
    summaries: await expectedSummaries(normalReports[2]!.bytes, normalReports[2]!.fileName),
  });

  // Saving the abandoned file answers the same error; the others are saved, from the workers that read them or anew.
  const slowSave = await tabB.ask(message('save-attachment', slow));
  expect(slowSave.answer).toEqual(slowAnswer.answer);
  for (const file of normalReports) {
    const saved = await tabA.ask(message('save-attachment', file));
    const keys = (await expectedSummaries(file.bytes, file.fileName)).map((summary) => summary.key);
    expect(saved.answer).toEqual({ ok: true, keys, added: keys.length });
  }
}

/** Each target is built once per run of this file. */
const builds = new Map<WatchdogTarget, string>();
function built(target: WatchdogTarget): string {
  let dir = builds.get(target);
  if (dir === undefined) {
    dir = buildWatchdogExtension(target);
    builds.set(target, dir);
  }
  return dir;
}

test('Chromium: a file too slow to read is abandoned while other tabs are answered', async () => {
  test.setTimeout(180_000);
  const ext = await launchChromiumWatchdog(built('chrome-mv3'));
  try {
    const tab = async (): Promise<ExtensionTab> => {
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      return {
        ask: (message) => page.evaluate(askInPage, message),
        startAsking: (message) => page.evaluate(startAskingInPage, message),
        collect: () => page.evaluate(collectInPage),
        autoSaveOff: () => page.evaluate(autoSaveOffInPage),
      };
    };
    await expectWatchdogHolds(await tab(), await tab());
  } finally {
    await ext.close();
  }
});

for (const target of ['firefox-mv3', 'firefox-mv2'] as const satisfies readonly WatchdogTarget[]) {
  test(`Firefox (${target}): a file too slow to read is abandoned while other tabs are answered`, async () => {
    test.setTimeout(180_000);
    const ext = await launchFirefoxWatchdog(built(target));
    try {
      const tab = async (): Promise<ExtensionTab> => {
        const page = await ext.browser.newPage();
        // Puppeteer over BiDi may never see a moz-extension:// page finish loading: ask the page where it is instead.
        await page.goto(`${ext.origin}/popup.html`, { timeout: 5000 }).catch(() => undefined);
        await expect
          .poll(() => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''), {
            timeout: 20_000,
          })
          .toBe(`${ext.origin}/popup.html complete`);
        return {
          ask: (message) => page.evaluate(askInPage, message),
          startAsking: (message) => page.evaluate(startAskingInPage, message),
          collect: () => page.evaluate(collectInPage),
          autoSaveOff: () => page.evaluate(autoSaveOffInPage),
        };
      };
      await expectWatchdogHolds(await tab(), await tab());
    } finally {
      await ext.close();
    }
  });
}

test('Chromium, Gmail: the card of a file too slow to read says so while the other cards show their reports', async () => {
  test.setTimeout(180_000);
  // The Outlook-made report's card downloads the slow file instead; every other request is the fake Gmail's.
  const slowCard = gmailAttachments.f_outlook_xml!;
  const ext = await launchChromiumWatchdog(built('chrome-mv3'), (url) =>
    url.origin === 'https://mail.google.com' && url.searchParams.get('realattid') === 'f_outlook_xml'
      ? { status: 200, headers: { 'content-type': 'application/gzip' }, body: Buffer.from(slow.bytes) }
      : answerWebmailRequest(url, {}),
  );
  try {
    const page = await ext.context.newPage();
    await page.goto('https://mail.google.com/mail/u/1/?nolazy#inbox/thread-a');
    const fast = gmailAttachments.f_google_zip!;
    await expect(card(page, fast.fileName)).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
    // The other card was answered while the slow one was still being read.
    expect(await card(page, slowCard.fileName).getAttribute('data-state')).toBe('loading');
    await expect(card(page, slowCard.fileName)).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
    expect((await readCard(page, slowCard.fileName)).text).toContain(
      `${slowCard.fileName} took too long to read (more than ${WATCHDOG_BUDGET_MS / 1000} seconds)`,
    );
    const shown = (await readCard(page, fast.fileName)).text;
    for (const summary of await expectedSummaries(fast.bytes, fast.fileName)) {
      expect(shown).toContain(summary.orgName);
    }
  } finally {
    await ext.close();
  }
});

test('Chromium, drop page: a dropped file too slow to read is reported and the others are read and saved', async () => {
  test.setTimeout(180_000);
  const ext = await launchChromiumWatchdog(built('chrome-mv3'));
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/drop.html`);
    const files = [slow, ...normalReports.slice(0, 2)];
    await page.locator('input[type="file"]').setInputFiles(
      files.map((file) => ({
        name: file.fileName,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(file.bytes),
      })),
    );
    const outcomes = page.getByTestId('drop-outcomes').locator(':scope > li');
    await expect(outcomes).toHaveCount(3, { timeout: 30_000 });
    await expect(outcomes.nth(0).getByRole('alert')).toHaveText(
      `${slow.fileName} took too long to read (more than ${WATCHDOG_BUDGET_MS / 1000} seconds); ` +
        'DMARC Lens stopped reading it so that it could go on with other files.',
    );
    for (const [index, file] of [
      [1, normalReports[0]!],
      [2, normalReports[1]!],
    ] as const) {
      const [expected] = await expectedSummaries(file.bytes, file.fileName);
      await expect(outcomes.nth(index).locator('[data-field="messages"]')).toHaveText(
        `${expected!.messages.toLocaleString('en-US')} message${expected!.messages === 1 ? '' : 's'}`,
      );
      await expect(outcomes.nth(index)).toContainText('Saved 1.');
    }
  } finally {
    await ext.close();
  }
});
