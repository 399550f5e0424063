// The messages of gathering, between the bulk-import control in the webmail page, the extension's pages and the
// background (apart from messaging/messages.ts, which carries the card's).
import type { AttachmentPayload, SaveAnswer } from '../messaging/messages';
import type { SyncRun } from './graphSync';

export type GatherMessage =
  /** Bulk import: a file read from a listed message (Gmail: its raw source); every report in it is saved. */
  | { type: 'gather-save-file'; file: AttachmentPayload }
  /** Bulk import finished (or was cancelled): the reports it added, for the changes engine. */
  | { type: 'gather-bulk-finished'; added: number }
  /** The options page's "Read the folder now". */
  | { type: 'gather-sync-now' };

export interface GatherAnswerOf {
  'gather-save-file': SaveAnswer;
  'gather-bulk-finished': { ok: true };
  'gather-sync-now': SyncRun;
}

const GATHER_MESSAGE_TYPES: Record<GatherMessage['type'], true> = {
  'gather-save-file': true,
  'gather-bulk-finished': true,
  'gather-sync-now': true,
};

export function isGatherMessage(message: unknown): message is GatherMessage {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' && Object.hasOwn(GATHER_MESSAGE_TYPES, type);
}

export async function sendGatherMessage<M extends GatherMessage>(message: M): Promise<GatherAnswerOf[M['type']]> {
  return browser.runtime.sendMessage<M, GatherAnswerOf[M['type']]>(message);
}
