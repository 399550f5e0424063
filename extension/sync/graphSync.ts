// Background sync of one Outlook folder through the opt-in Graph mode. An alarm wakes the background; each run asks
// Graph's delta query for what changed in the folder since the last run (the delta link is kept in extension storage),
// so each message is read once; only attachments named as reports are downloaded, and each is saved as a card's Save
// would save it (a report already stored is not stored twice). Nothing runs, and nothing asks Microsoft, while the
// folder setting is empty or Graph mode is off.
import type { AttachmentPayload, SaveAnswer } from '../messaging/messages';
import { bytesToBase64 } from '../messaging/base64Bytes';
import {
  GRAPH,
  GraphError,
  graphAccessToken,
  graphBytes,
  graphJson,
  graphList,
  isGraphUrl,
  usableGraphSettings,
} from '../graph/graphClient';
import { readGraphSettings } from '../graph/graphSettings';
import { isReportFileName } from '../webmail/reportFileName';
import { afterReportsGathered } from './afterGather';
import { readGatherSettings } from './gatherSettings';

export const SYNC_ALARM = 'dmarc-lens-graph-sync';
const STATE_KEY = 'graphSyncState';

/** What one run did, kept for the options page. */
export interface SyncRun {
  /** Unix milliseconds. */
  at: number;
  ok: boolean;
  folder: string;
  /** Messages with report attachments read in this run. */
  messages: number;
  /** Reports new to the store, and reports that were already in it. */
  added: number;
  alreadySaved: number;
  /** Attachments that could not be read or saved, each with its file name. */
  problems: string[];
  /** Why the run stopped, when it did not finish. */
  message?: string;
}

interface SyncState {
  folder: string;
  /** The next Graph address to ask: a page of the round in progress, or the delta link of the last finished one. */
  link?: string;
  lastRun?: SyncRun;
}

/** Graph's well-known folder names (mailFolder resource); anything else is looked up by display name. */
const WELL_KNOWN_FOLDERS = ['inbox', 'archive', 'junkemail', 'deleteditems', 'sentitems', 'drafts', 'outbox'];
/** A run reads at most this many delta pages (of up to ten messages each, Graph's default); the next run goes on. */
const MAX_PAGES_PER_RUN = 100;
/** Graph throttles with 429 (or 503) and Retry-After: wait that long, a few times, never longer than this. */
const MAX_RETRIES = 3;
const MAX_WAIT_SECONDS = 120;

/** Schedules (or clears) the alarm to match the settings: on only with a folder named and Graph mode on. */
export async function scheduleGraphSync(): Promise<void> {
  const [gather, graph] = await Promise.all([readGatherSettings(), readGraphSettings()]);
  if (gather.syncFolder === '' || !graph.enabled) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === gather.syncEveryMinutes) return;
  // The first run comes a period later; the options page's "Read the folder now" reads it at once.
  await browser.alarms.create(SYNC_ALARM, {
    delayInMinutes: gather.syncEveryMinutes,
    periodInMinutes: gather.syncEveryMinutes,
  });
}

export async function readSyncState(): Promise<SyncState | undefined> {
  const stored: unknown = (await browser.storage.local.get(STATE_KEY))[STATE_KEY];
  if (typeof stored !== 'object' || stored === null) return undefined;
  const state = stored as Partial<SyncState>;
  if (typeof state.folder !== 'string') return undefined;
  return {
    folder: state.folder,
    ...(typeof state.link === 'string' && isGraphUrl(state.link) ? { link: state.link } : {}),
    ...(state.lastRun === undefined ? {} : { lastRun: state.lastRun }),
  };
}

async function writeSyncState(state: SyncState): Promise<void> {
  await browser.storage.local.set({ [STATE_KEY]: state });
}

let running: Promise<SyncRun> | undefined;

/**
 * One run; a run asked for while one is going joins it. `interactive`: the user asked for it (the options page), so
 * signing in may open Microsoft's window; an alarm's run never does.
 */
export function syncGraphFolder(
  save: (attachment: AttachmentPayload) => Promise<SaveAnswer>,
  interactive = false,
): Promise<SyncRun> {
  running ??= runSync(save, interactive).finally(() => (running = undefined));
  return running;
}

async function runSync(
  save: (attachment: AttachmentPayload) => Promise<SaveAnswer>,
  interactive: boolean,
): Promise<SyncRun> {
  const { syncFolder } = await readGatherSettings();
  const run: SyncRun = {
    at: Date.now(),
    ok: false,
    folder: syncFolder,
    messages: 0,
    added: 0,
    alreadySaved: 0,
    problems: [],
  };
  const earlier = await readSyncState();
  // Another folder named: its delta starts over.
  const state: SyncState = earlier?.folder === syncFolder ? earlier : { folder: syncFolder };
  const finish = async (message?: string) => {
    if (message !== undefined) run.message = message;
    await writeSyncState({ ...state, lastRun: run });
    await afterReportsGathered('sync', run.added);
    return run;
  };
  if (syncFolder === '') return finish('No folder is named for the background sync.');
  const usable = await usableGraphSettings();
  if (!usable.ok) return finish(usable.message);
  try {
    const token = await graphAccessToken(usable.settings, interactive);
    let link =
      state.link ??
      `${GRAPH}/me/mailFolders/${await folderId(token, syncFolder)}/messages/delta?$select=id,subject,hasAttachments`;
    for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
      const answer = await politely(() =>
        graphJson<{
          value: Array<{ id: string; hasAttachments?: boolean; '@removed'?: unknown }>;
          '@odata.nextLink'?: string;
          '@odata.deltaLink'?: string;
        }>(token, link),
      );
      for (const message of answer.value) {
        if (message['@removed'] !== undefined || message.hasAttachments !== true) continue;
        await readMessage(token, message.id, save, run);
      }
      const next = answer['@odata.nextLink'];
      const delta = answer['@odata.deltaLink'];
      // Kept after every page, so a run cut short (the browser closed) goes on where it was, not from the start.
      if (next !== undefined && isGraphUrl(next)) {
        link = next;
        state.link = next;
        await writeSyncState(state);
        continue;
      }
      if (delta !== undefined && isGraphUrl(delta)) state.link = delta;
      run.ok = true;
      return await finish();
    }
    run.ok = true;
    return await finish();
  } catch (error) {
    const said = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
    return finish(`Microsoft Graph: ${said}.`);
  }
}

async function readMessage(
  token: string,
  messageId: string,
  save: (attachment: AttachmentPayload) => Promise<SaveAnswer>,
  run: SyncRun,
): Promise<void> {
  const message = `${GRAPH}/me/messages/${encodeURIComponent(messageId)}`;
  const attachments = await politely(() =>
    graphList<{ id: string; name?: string }>(token, `${message.slice(GRAPH.length)}/attachments?$select=id,name`),
  );
  const reports = attachments.filter((a) => typeof a.name === 'string' && isReportFileName(a.name));
  if (reports.length === 0) return;
  run.messages++;
  for (const attachment of reports) {
    const fileName = attachment.name!;
    try {
      const bytes = await politely(() =>
        graphBytes(token, `${message}/attachments/${encodeURIComponent(attachment.id)}/$value`),
      );
      const saved = await save({ fileName, base64: bytesToBase64(bytes), container: 'attachment' });
      if (!saved.ok) {
        run.problems.push(saved.error.message);
        continue;
      }
      run.added += saved.added;
      run.alreadySaved += saved.keys.length - saved.added;
    } catch (error) {
      if (error instanceof GraphError && error.status === 401) throw error;
      run.problems.push(`${fileName}: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }
}

/** The folder's Graph id: a well-known name as is; else a top-level folder or an Inbox subfolder of that name. */
async function folderId(token: string, folder: string): Promise<string> {
  if (WELL_KNOWN_FOLDERS.includes(folder.toLowerCase())) return folder.toLowerCase();
  const filter = encodeURIComponent(`displayName eq '${folder.replace(/'/g, "''")}'`);
  for (const parent of ['/me/mailFolders', '/me/mailFolders/inbox/childFolders']) {
    const found = await politely(() => graphList<{ id: string }>(token, `${parent}?$filter=${filter}&$select=id`));
    if (found[0] !== undefined) return encodeURIComponent(found[0].id);
  }
  throw new Error(`there is no folder named “${folder}” in the mailbox`);
}

/** Waits out Graph's throttling (429, 503 with Retry-After) a few times before giving up. */
async function politely<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const throttled = error instanceof GraphError && (error.status === 429 || error.status >= 500);
      if (!throttled || attempt >= MAX_RETRIES) throw error;
      const seconds = Math.min(MAX_WAIT_SECONDS, error.retryAfterSeconds ?? 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}
