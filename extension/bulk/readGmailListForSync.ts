// The Gmail tab's side of the background sync (extension/sync/gmailSync.ts): when the background asks and this tab
// shows the label or search named in the options, the messages listed that were not read before are read as the bulk
// import reads them (same requests, same URL rules, three at a time, 429/5xx waited out) and their reports saved.
// A tab showing anything else reads nothing: the user's view is never changed, and nothing is listed behind it.
import type { GmailSyncAnswer, GmailSyncRequest } from '../sync/gatherMessages';
import { findGmailList } from './gmailList';
import { gmailViewOf, showsGmailList } from './gmailView';
import { runBulkImport } from './runBulkImport';

/** A run reads at most this many messages (a page of Gmail's list); the next run goes on with the rest. */
export const GMAIL_SYNC_MAX_MESSAGES = 100;

export async function readGmailListForSync(
  request: GmailSyncRequest,
  root: Document,
  signal: AbortSignal,
): Promise<GmailSyncAnswer> {
  const view = gmailViewOf(root.location.hash);
  const list = view !== undefined && showsGmailList(view, request.list) ? findGmailList(root) : undefined;
  if (list === undefined) return { shown: false };
  const seen = new Set(request.seen);
  // A row without a thread id cannot be read (the bulk control reports it); the sync leaves it out.
  const unseen = list.messages.filter((message) => message.id !== '' && !seen.has(message.id));
  const chosen = unseen.slice(0, GMAIL_SYNC_MAX_MESSAGES);
  const run = await runBulkImport(chosen, { signal, onResult: () => undefined, onWait: () => undefined });
  return {
    shown: true,
    listed: list.messages.length,
    results: run.results.map(({ index, outcome }) => ({ id: chosen[index]!.id, outcome })),
  };
}
