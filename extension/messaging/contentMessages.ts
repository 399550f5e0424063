// The content script's side of messages.ts: typed calls to the background.
import { base64ToBytes, bytesToBase64 } from './base64Bytes';
import type { AnswerOf, AttachmentPayload, ExtensionMessage } from './messages';

export async function sendToBackground<M extends ExtensionMessage>(message: M): Promise<AnswerOf[M['type']]> {
  return browser.runtime.sendMessage<M, AnswerOf[M['type']]>(message);
}

export function attachmentPayload(
  fileName: string,
  bytes: Uint8Array,
  container: AttachmentPayload['container'],
): AttachmentPayload {
  return { fileName, base64: bytesToBase64(bytes), container };
}

export async function requestGraphAttachment(
  conversationId: string,
  fileName: string,
): Promise<
  | { ok: true; bytes: Uint8Array; hosts: string[] }
  | { ok: false; reason: 'off' | 'not-found' | 'failed'; message: string }
> {
  const answer = await sendToBackground({ type: 'graph-attachment', conversationId, fileName });
  return answer.ok ? { ok: true, bytes: base64ToBytes(answer.base64), hosts: [GRAPH_HOST] } : answer;
}

/** Where the background reads Graph attachments from (graph/readGraphAttachment.ts); the card names it as the source. */
const GRAPH_HOST = 'graph.microsoft.com';
