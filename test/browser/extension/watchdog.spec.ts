// The parse watchdog, through the real built extension (with a 3 s budget, watchdogBuilds.ts) in Chromium and in
// Firefox (MV3 event page and MV2 background page): a file that takes too long to read is abandoned and answered
// "took too long to read", naming it, while requests from other tabs and from the same tab are answered meanwhile,
// and a fresh worker reads the next file.
import { expect, test } from '@playwright/test';
import { bytesToBase64 } from '../../../extension/messaging/base64Bytes';
import type { ParseAnswer } from '../../../extension/messaging/messages';
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

test.describe.configure({ mode: 'serial' });

const slow = slowReport();
const parseMessage = (file: { fileName: string; bytes: Uint8Array }) => ({
  type: 'parse-attachment' as const,
  attachment: { fileName: file.fileName, base64: bytesToBase64(file.bytes), container: 'attachment' as const },
});

interface Timed {
  answer: ParseAnswer;
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
}

type Runtime = { runtime: { sendMessage(message: unknown): Promise<ParseAnswer> } };
type PageGlobals = { browser?: Runtime; chrome?: Runtime; pending?: Promise<Timed> };

// These run in the extension page (`browser` in Firefox, `chrome` in Chromium), so they carry no outside references.
function askInPage(message: unknown): Promise<Timed> {
  const page = globalThis as unknown as PageGlobals;
  const start = Date.now();
  return (page.browser ?? page.chrome)!.runtime.sendMessage(message).then((answer) => ({ answer, start, end: Date.now() }));
}
function startAskingInPage(message: unknown): void {
  const page = globalThis as unknown as PageGlobals;
  const start = Date.now();
  page.pending = (page.browser ?? page.chrome)!.runtime.sendMessage(message).then((answer) => ({ answer, start, end: Date.now() }));
}
function collectInPage(): Promise<Timed> {
  return (globalThis as unknown as PageGlobals).pending!;
}

async function expectWatchdogHolds(tabA: ExtensionTab, tabB: ExtensionTab): Promise<void> {
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
      message: `${slow.fileName} took too long to read (more than ${WATCHDOG_BUDGET_MS / 1000} seconds), so DMARC Lens stopped reading it.`,
    },
  });
  const slowTook = slowAnswer.end - slowAnswer.start;
  expect(slowTook).toBeGreaterThanOrEqual(WATCHDOG_BUDGET_MS);
  expect(slowTook).toBeLessThan(WATCHDOG_BUDGET_MS + 15_000);

  for (const [timed, file] of [[otherTab, normalReports[0]!], [sameTab, normalReports[1]!]] as const) {
    expect(timed.answer).toEqual({ ok: true, summaries: await expectedSummaries(file.bytes, file.fileName) });
    // Answered while the slow file was still being read, not after it was given up.
    expect(timed.end).toBeLessThan(slowAnswer.end);
  }

  // The stopped worker's place is taken by a fresh one: the next file reads as usual.
  const after = await tabB.ask(parseMessage(normalReports[2]!));
  expect(after.answer).toEqual({ ok: true, summaries: await expectedSummaries(normalReports[2]!.bytes, normalReports[2]!.fileName) });
}

test('Chromium: a file too slow to read is abandoned while other tabs and cards are answered', async () => {
  test.setTimeout(180_000);
  const ext = await launchChromiumWatchdog(buildWatchdogExtension('chrome-mv3'));
  try {
    const tab = async (): Promise<ExtensionTab> => {
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      return {
        ask: (message) => page.evaluate(askInPage, message),
        startAsking: (message) => page.evaluate(startAskingInPage, message),
        collect: () => page.evaluate(collectInPage),
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
    const ext = await launchFirefoxWatchdog(buildWatchdogExtension(target));
    try {
      const tab = async (): Promise<ExtensionTab> => {
        const page = await ext.browser.newPage();
        // Puppeteer over BiDi may never see a moz-extension:// page finish loading: ask the page where it is instead.
        await page.goto(`${ext.origin}/popup.html`, { timeout: 5000 }).catch(() => undefined);
        await expect
          .poll(() => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''), { timeout: 20_000 })
          .toBe(`${ext.origin}/popup.html complete`);
        return {
          ask: (message) => page.evaluate(askInPage, message),
          startAsking: (message) => page.evaluate(startAskingInPage, message),
          collect: () => page.evaluate(collectInPage),
        };
      };
      await expectWatchdogHolds(await tab(), await tab());
    } finally {
      await ext.close();
    }
  });
}
