// Outlook on the web's message list (a folder, a search): its rows, each conversation's id, and the conversation's
// report attachments read through the service calls the page itself makes, on its own origin with its session cookie
// and the X-OWA-CANARY header (GetConversationItems for the attachment ids, GetFileAttachment for the bytes). Where
// Outlook authenticates those calls with tokens the page keeps to itself (Microsoft 365 today), it refuses them, and
// the message says so and points to the background sync through Graph mode. See docs/webmail.md "Bulk import". The
// selectors and answers were checked against the committed fixture test/fixtures/webmail/outlook-list.html and the
// test's fake service only, never against live Outlook.
import type { AttachmentPayload } from '../messaging/messages';
import { bytesToBase64 } from '../messaging/base64Bytes';
import { OUTLOOK_DOWNLOADS, type AttachmentUrlPolicy } from '../webmail/attachmentUrlPolicy';
import { OWA_CANARY_COOKIE, outlookSelectors } from '../webmail/outlook/outlookSelectors';
import { isReportFileName } from '../webmail/reportFileName';
import { subjectText, type ListedMessage, type MailboxList } from './listedMessage';
import { BulkReadError, politeFetch } from './politeFetch';

export const outlookListSelectors = {
  row: {
    /** A conversation row of the message list. */
    precise: '#MailList [role="option"][data-convid]',
    /** Any option of a listbox carrying a conversation id (outside the reading pane, checked in code). */
    semantic: '[role="listbox"] [role="option"][data-convid], [role="listbox"][data-convid] > [role="option"]',
  },
  /** The row's subject: a `title` Outlook gives the subject line; else the row's first line of text. */
  subject: '[title], div',
} as const;

/** The one service call bulk import makes besides downloads: reading a conversation's items and attachment ids. */
export const OWA_CONVERSATION_ITEMS: AttachmentUrlPolicy = {
  isDownloadPath: (url) =>
    /^\/owa\/service\.svc$/i.test(url.pathname) && url.searchParams.get('action') === 'GetConversationItems',
  redirectHosts: [],
};

/** EWS ids are base64 (standard or URL-safe); anything else in a row was not put there by Outlook. */
const EWS_ID = /^[A-Za-z0-9+/_-]{8,1024}={0,2}$/;
/** Outlook's answers when the cookie session cannot make the call: login timeout (440), unauthorized, forbidden. */
const SESSION_REFUSED = [401, 403, 440];

export function findOutlookList(root: Document): MailboxList | undefined {
  const insidePane = (element: Element) =>
    element.closest(`${outlookSelectors.readingPane.precise}, ${outlookSelectors.readingPane.semantic}`) !== null ||
    element.closest(outlookSelectors.messageBody) !== null;
  const rows = new Set<Element>();
  for (const layer of [outlookListSelectors.row.precise, outlookListSelectors.row.semantic])
    for (const row of root.querySelectorAll(layer)) if (!insidePane(row)) rows.add(row);
  if (rows.size === 0) return undefined;
  const ordered = [...rows].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return {
    anchor: ordered[0]!.closest('[role="listbox"]') ?? ordered[0]!,
    messages: ordered.map((row) => listedConversation(row)),
  };
}

function listedConversation(row: Element): ListedMessage {
  const raw = row.getAttribute('data-convid') ?? '';
  const id = EWS_ID.test(raw) ? raw : '';
  return {
    id,
    subject: subjectText(row.querySelector(outlookListSelectors.subject)),
    readFiles: async (signal, onWait) => {
      if (id === '') throw new BulkReadError('notMessageId', { host: location.host });
      try {
        return await readConversation(id, signal, onWait);
      } catch (error) {
        if (
          error instanceof BulkReadError &&
          error.reason === 'http' &&
          SESSION_REFUSED.includes(Number(error.params.status))
        )
          throw new BulkReadError('outlookRefused', { status: error.params.status! });
        throw error;
      }
    },
  };
}

interface OwaAttachment {
  AttachmentId?: { Id?: unknown };
  Name?: unknown;
}

async function readConversation(
  conversationId: string,
  signal: AbortSignal,
  onWait: (host: string, seconds: number) => void,
): Promise<AttachmentPayload[]> {
  const canary = OWA_CANARY_COOKIE.exec(document.cookie)?.[1] ?? '';
  const headers = {
    Action: 'GetConversationItems',
    'Content-Type': 'application/json; charset=utf-8',
    'X-OWA-CANARY': canary,
  };
  const url = new URL('/owa/service.svc', location.href);
  url.searchParams.set('action', 'GetConversationItems');
  url.searchParams.set('app', 'Mail');
  const { bytes } = await politeFetch(url.href, {
    policy: OWA_CONVERSATION_ITEMS,
    signal,
    onWait,
    method: 'POST',
    headers,
    body: JSON.stringify(conversationItemsRequest(conversationId)),
  });
  const files: AttachmentPayload[] = [];
  for (const attachment of reportAttachments(bytes)) {
    const download = new URL('/owa/service.svc/s/GetFileAttachment', location.href);
    download.searchParams.set('id', attachment.id);
    const { bytes: file } = await politeFetch(download.href, {
      policy: OUTLOOK_DOWNLOADS,
      signal,
      onWait,
      headers: { 'X-OWA-CANARY': canary },
    });
    files.push({ fileName: attachment.name, base64: bytesToBase64(file), container: 'attachment' });
  }
  return files;
}

/** The request body Outlook's own GetConversationItems calls carry, asking only for ids and attachments. */
function conversationItemsRequest(conversationId: string): object {
  return {
    __type: 'GetConversationItemsJsonRequest:#Exchange',
    Header: { __type: 'JsonRequestHeaders:#Exchange', RequestServerVersion: 'V2018_01_08' },
    Body: {
      __type: 'GetConversationItemsRequest:#Exchange',
      Conversations: [
        {
          __type: 'ConversationRequestType:#Exchange',
          ConversationId: { __type: 'ItemId:#Exchange', Id: conversationId },
        },
      ],
      ItemShape: {
        __type: 'ItemResponseShape:#Exchange',
        BaseShape: 'IdOnly',
        AdditionalProperties: [{ __type: 'PropertyUri:#Exchange', FieldURI: 'Attachments' }],
      },
      ShapeName: 'ItemPart',
      SortOrder: 'DateOrderAscending',
      MaxItemsToReturn: 50,
    },
  };
}

/** The attachments named as reports in a GetConversationItems answer; anything unexpected in it is skipped. */
export function reportAttachments(answer: Uint8Array): Array<{ id: string; name: string }> {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(answer));
  } catch {
    return [];
  }
  const found: Array<{ id: string; name: string }> = [];
  const responses = dig(body, ['Body', 'ResponseMessages', 'Items']);
  for (const response of Array.isArray(responses) ? responses : []) {
    const nodes = dig(response, ['Conversation', 'ConversationNodes']);
    for (const node of Array.isArray(nodes) ? nodes : []) {
      const items = dig(node, ['Items']);
      for (const item of Array.isArray(items) ? items : []) {
        const attachments = dig(item, ['Attachments']);
        for (const attachment of (Array.isArray(attachments) ? attachments : []) as OwaAttachment[]) {
          const id = attachment?.AttachmentId?.Id;
          const name = attachment?.Name;
          if (typeof id === 'string' && EWS_ID.test(id) && typeof name === 'string' && isReportFileName(name))
            found.push({ id, name: name.trim() });
        }
      }
    }
  }
  return found;
}

function dig(value: unknown, path: string[]): unknown {
  let here = value;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}
