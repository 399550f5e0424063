// Background sync of one Gmail label or search, through an open Gmail tab. Without a server, the extension can read
// Gmail only as the signed-in page does: an alarm wakes the background, which asks the Gmail tabs' bulk content script
// (extension/bulk/readGmailListForSync.ts) to read the messages of the named list not read before. Only a tab that
// shows that list reads anything, with the page's own requests under the bulk import's rules; no Gmail tab, or none
// showing the list, and nothing is asked of Gmail at all, and the options page says why. The ids of the threads
// read are kept in extension storage, as the Graph sync keeps its delta link, so each message is read once.
import type { BulkOutcome } from '../bulk/runBulkImport';
import { afterReportsGathered } from './afterGather';
import type { GmailSyncAnswer, GmailSyncRequest } from './gatherMessages';
import { readGatherSettings } from './gatherSettings';

export const GMAIL_SYNC_ALARM = 'dmarc-lens-gmail-sync';
const STATE_KEY = 'gmailSyncState';
/** The thread ids remembered: far more than a list page holds, so a thread read once is not read again. */
const MAX_SEEN = 5000;

/** Why a run read nothing: no list named, no Gmail tab open, or none showing the list. */
export type GmailSyncSkip = 'noList' | 'noTab' | 'notShown';

/** What one run did, kept for the options page. */
export interface GmailSyncRun {
  /** Unix milliseconds. */
  at: number;
  list: string;
  /** Set when the run read nothing, with why. */
  skipped?: GmailSyncSkip;
  /** Messages the tab listed, and those not read before that it read now. */
  listed: number;
  messages: number;
  /** Reports new to the store, and reports that were already in it. */
  added: number;
  alreadySaved: number;
  /** Messages that could not be read or saved; they are tried again next run. */
  failed: number;
}

interface GmailSyncState {
  /** Thread ids (hex) read, oldest first. */
  seen: string[];
  lastRun?: GmailSyncRun;
}

/** Schedules (or clears) the alarm to match the settings: on only while a Gmail label or search is named. */
export async function scheduleGmailSync(): Promise<void> {
  const { gmailList, gmailEveryMinutes } = await readGatherSettings();
  if (gmailList === '') {
    await browser.alarms.clear(GMAIL_SYNC_ALARM);
    return;
  }
  const existing = await browser.alarms.get(GMAIL_SYNC_ALARM);
  if (existing?.periodInMinutes === gmailEveryMinutes) return;
  await browser.alarms.create(GMAIL_SYNC_ALARM, {
    delayInMinutes: gmailEveryMinutes,
    periodInMinutes: gmailEveryMinutes,
  });
}

export async function readGmailSyncState(): Promise<GmailSyncState> {
  const stored: unknown = (await browser.storage.local.get(STATE_KEY))[STATE_KEY];
  const state = typeof stored === 'object' && stored !== null ? (stored as Partial<GmailSyncState>) : {};
  return {
    seen: Array.isArray(state.seen) ? state.seen.filter((id): id is string => typeof id === 'string') : [],
    ...(typeof state.lastRun === 'object' && state.lastRun !== null ? { lastRun: state.lastRun } : {}),
  };
}

let running: Promise<GmailSyncRun> | undefined;

/** One run; a run asked for while one is going joins it. */
export function syncGmailList(): Promise<GmailSyncRun> {
  running ??= runGmailSync().finally(() => (running = undefined));
  return running;
}

async function runGmailSync(): Promise<GmailSyncRun> {
  const { gmailList } = await readGatherSettings();
  const run: GmailSyncRun = {
    at: Date.now(),
    list: gmailList,
    listed: 0,
    messages: 0,
    added: 0,
    alreadySaved: 0,
    failed: 0,
  };
  const state = await readGmailSyncState();
  const finish = async (skipped?: GmailSyncSkip) => {
    if (skipped !== undefined) run.skipped = skipped;
    await browser.storage.local.set({ [STATE_KEY]: { ...state, lastRun: run } satisfies GmailSyncState });
    await afterReportsGathered('sync', run.added);
    return run;
  };
  if (gmailList === '') return finish('noList');
  const request: GmailSyncRequest = { type: 'gmail-sync-read', list: gmailList, seen: state.seen };
  // Without the `tabs` permission the background cannot tell a Gmail tab by its address: it asks every tab, and only
  // Gmail tabs, where the bulk content script listens, answer (other tabs have no one to receive the question).
  let gmailTabs = 0;
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || tab.discarded === true) continue;
    const answer = await browser.tabs
      .sendMessage<GmailSyncRequest, GmailSyncAnswer | undefined>(tab.id, request)
      .catch(() => undefined);
    if (typeof answer !== 'object' || answer === null || typeof answer.shown !== 'boolean') continue;
    gmailTabs++;
    if (!answer.shown) continue;
    run.listed = answer.listed;
    const read: string[] = [];
    for (const { id, outcome } of answer.results) {
      if (countOutcome(run, outcome)) read.push(id);
    }
    state.seen = [...state.seen.filter((id) => !read.includes(id)), ...read].slice(-MAX_SEEN);
    return finish();
  }
  return finish(gmailTabs === 0 ? 'noTab' : 'notShown');
}

/** Adds one message's outcome to the run; true when the message is read for good (a failure is tried again). */
function countOutcome(run: GmailSyncRun, outcome: BulkOutcome): boolean {
  switch (outcome.kind) {
    case 'saved':
      run.messages++;
      run.added += outcome.added;
      run.alreadySaved += outcome.reports - outcome.added;
      return true;
    case 'none':
      run.messages++;
      return true;
    case 'failed':
    case 'notSaved':
      run.failed++;
      return false;
  }
}
