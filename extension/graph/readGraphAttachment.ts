// Microsoft Graph tier of Outlook attachments (runs in the background, only when the user turned Graph mode on):
// /me/messages?$filter=conversationId eq '…' → /attachments → /$value, signed in through graphClient.ts.
import type { GraphAnswer } from '../messaging/messages';
import { bytesToBase64 } from '../messaging/base64Bytes';
import { GRAPH, graphAccessToken, graphBytes, graphList, usableGraphSettings } from './graphClient';

export async function readGraphAttachment(conversationId: string, fileName: string): Promise<GraphAnswer> {
  const usable = await usableGraphSettings();
  if (!usable.ok) return { ok: false, reason: 'off', message: usable.message };
  try {
    const token = await graphAccessToken(usable.settings);
    // Outlook on the web names the conversation by its EWS id; Graph knows the REST form of the same id. The id as the
    // page has it is asked only when its REST form finds nothing.
    let messages: Array<{ id: string; hasAttachments: boolean }> = [];
    for (const id of new Set([toRestId(conversationId), conversationId])) {
      messages = await graphList<{ id: string; hasAttachments: boolean }>(
        token,
        `/me/messages?$filter=${encodeURIComponent(`conversationId eq '${id.replace(/'/g, "''")}'`)}&$select=id,hasAttachments`,
      );
      if (messages.length > 0) break;
    }
    for (const message of messages.filter((m) => m.hasAttachments)) {
      const attachments = await graphList<{ id: string; name: string }>(
        token,
        `/me/messages/${encodeURIComponent(message.id)}/attachments?$select=id,name`,
      );
      const match = attachments.find((a) => a.name === fileName);
      if (match === undefined) continue;
      const bytes = await graphBytes(
        token,
        `${GRAPH}/me/messages/${encodeURIComponent(message.id)}/attachments/${encodeURIComponent(match.id)}/$value`,
      ).catch((error: unknown) => {
        throw new Error(`${String(error instanceof Error ? error.message : error)} to the download`);
      });
      return { ok: true, base64: bytesToBase64(bytes) };
    }
    return {
      ok: false,
      reason: 'not-found',
      message: `Microsoft Graph found no attachment named ${fileName} in this conversation.`,
    };
  } catch (error) {
    // Chrome's own messages end with a period ("Authorization page could not be loaded."); say it once.
    const said = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
    return { ok: false, reason: 'failed', message: `Microsoft Graph: ${said}.` };
  }
}

/**
 * EWS ids (what Outlook on the web puts in the page) are standard base64; Graph's REST ids are the same bytes with `-`
 * for `/` and `_` for `+` (the conversion Office.js's `convertToRestId` makes).
 */
export function toRestId(ewsId: string): string {
  return ewsId.replace(/\//g, '-').replace(/\+/g, '_');
}
