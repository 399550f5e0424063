// The messages of gathering, between the bulk-import control in the webmail page, the extension's pages and the
// background (apart from messaging/messages.ts, which carries the card's).
import type { BulkOutcome } from '../bulk/runBulkImport';
import type { AttachmentPayload, SaveAnswer } from '../messaging/messages';
import type { GmailSyncRun } from './gmailSync';
import type { SyncRun } from './graphSync';

export type GatherMessage =
  /** Bulk import: a file read from a listed message (Gmail: its raw source); every report in it is saved. */
  | { type: 'gather-save-file'; file: AttachmentPayload }
  /** Bulk import finished (or was cancelled): the reports it added, for the changes engine. */
  | { type: 'gather-bulk-finished'; added: number }
  /** The options page's "Read the folder now". */
  | { type: 'gather-sync-now' }
  /** The options page's "Read the Gmail list now". */
  | { type: 'gather-gmail-now' };

export interface GatherAnswerOf {
  'gather-save-file': SaveAnswer;
  'gather-bulk-finished': { ok: true };
  'gather-sync-now': SyncRun;
  'gather-gmail-now': GmailSyncRun;
}

const GATHER_MESSAGE_TYPES: Record<GatherMessage['type'], true> = {
  'gather-save-file': true,
  'gather-bulk-finished': true,
  'gather-sync-now': true,
  'gather-gmail-now': true,
};

export function isGatherMessage(message: unknown): message is GatherMessage {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' && Object.hasOwn(GATHER_MESSAGE_TYPES, type);
}

export async function sendGatherMessage<M extends GatherMessage>(message: M): Promise<GatherAnswerOf[M['type']]> {
  return browser.runtime.sendMessage<M, GatherAnswerOf[M['type']]>(message);
}

/**
 * The background's question to a Gmail tab's bulk content script (extension/sync/gmailSync.ts): read the messages of
 * this label or search not read before, if the tab shows that list.
 */
export interface GmailSyncRequest {
  type: 'gmail-sync-read';
  /** The label or search named in the options. */
  list: string;
  /** Thread ids (hex) read in earlier runs. */
  seen: string[];
}

/** The tab's answer: it does not show the list, or what each message not read before gave. */
export type GmailSyncAnswer =
  { shown: false } | { shown: true; listed: number; results: Array<{ id: string; outcome: BulkOutcome }> };

export function isGmailSyncRequest(message: unknown): message is GmailSyncRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, list, seen } = message as Partial<Record<keyof GmailSyncRequest, unknown>>;
  return (
    type === 'gmail-sync-read' &&
    typeof list === 'string' &&
    Array.isArray(seen) &&
    seen.every((id) => typeof id === 'string')
  );
}
