// Gmail's message list (a label, a search, the inbox): its rows, each thread's id, and the thread's raw message read
// from Gmail's own download of it. See docs/webmail.md "Bulk import". The selectors were checked against the committed
// fixture test/fixtures/webmail/gmail-list.html only, never against live Gmail.
import { bytesToBase64 } from '../messaging/base64Bytes';
import { GMAIL_DOWNLOADS } from '../webmail/attachmentUrlPolicy';
import { ACCOUNT_PATH_PATTERN } from '../webmail/gmail/gmailSelectors';
import { subjectText, type ListedMessage, type MailboxList } from './listedMessage';
import { BulkReadError, politeFetch } from './politeFetch';

export const gmailListSelectors = {
  /** The list lives in the main region, as the conversation view does. */
  main: '[role="main"]',
  /** An open conversation: then there is no list to import from. */
  openConversation: 'div.adn[data-message-id], [data-message-id], [data-legacy-message-id]',
  row: {
    /** A thread row of the list table (`tr.zA`: `zE` unread, `yO` read). */
    precise: 'tr.zA',
    /** Any row of the list grid carrying a thread id. */
    semantic: '[role="row"]',
  },
  /** The subject's element carries the thread's ids: `data-thread-id="#thread-f:<decimal>"`, `data-legacy-thread-id="<hex>"`. */
  threadId: '[data-legacy-thread-id], [data-thread-id]',
  subject: { precise: 'span.bog', semantic: '[data-legacy-thread-id], [data-thread-id]' },
  /** The list's table or grid: the control goes before it. */
  list: { precise: 'div.Cp', semantic: '[role="grid"], table' },
} as const;

export function findGmailList(root: Document): MailboxList | undefined {
  const main = root.querySelector(gmailListSelectors.main);
  if (main === null || main.querySelector(gmailListSelectors.openConversation) !== null) return undefined;
  const rows = new Set<Element>(main.querySelectorAll(gmailListSelectors.row.precise));
  for (const carrier of main.querySelectorAll(gmailListSelectors.threadId)) {
    const row = carrier.closest(`${gmailListSelectors.row.precise}, ${gmailListSelectors.row.semantic}`);
    if (row !== null && main.contains(row)) rows.add(row);
  }
  if (rows.size === 0) return undefined;
  const ordered = [...rows].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const list =
    main.querySelector(gmailListSelectors.list.precise) ?? ordered[0]!.closest(gmailListSelectors.list.semantic);
  const ik = gmailAccountKey(root);
  return {
    anchor: list ?? ordered[0]!,
    messages: ordered.map((row) => listedThread(row, ik)),
  };
}

function listedThread(row: Element, ik: string | undefined): ListedMessage {
  const id = threadIdOf(row);
  const subject = subjectText(
    row.querySelector(gmailListSelectors.subject.precise) ?? row.querySelector(gmailListSelectors.subject.semantic),
  );
  return {
    id: id ?? '',
    subject,
    readFiles: async (signal, onWait) => {
      if (id === undefined) throw new BulkReadError('notMessageId', { host: location.host });
      const { bytes } = await politeFetch(rawThreadUrl(id, ik), { policy: GMAIL_DOWNLOADS, signal, onWait });
      return [{ fileName: `gmail-${id}.eml`, base64: bytesToBase64(bytes), container: 'attachment' }];
    },
  };
}

/**
 * The thread's id in Gmail's hex form. The legacy id is hex already; the `#thread-f:` id is the same number in
 * decimal. Anything else (a row shaped by someone else) gives no id, and the row is reported as not readable.
 */
export function threadIdOf(row: Element): string | undefined {
  const carrier = row.querySelector(gmailListSelectors.threadId);
  const legacy = carrier?.getAttribute('data-legacy-thread-id') ?? '';
  if (/^[0-9a-f]{1,16}$/i.test(legacy)) return legacy.toLowerCase();
  const decimal = /^#?thread-f:(\d{1,20})$/.exec(carrier?.getAttribute('data-thread-id') ?? '')?.[1];
  if (decimal === undefined) return undefined;
  const value = BigInt(decimal);
  return value > 0n && value < 1n << 64n ? value.toString(16) : undefined;
}

/**
 * Gmail's "Download original" of the thread's first message (`view=att&th=<id>&attid=0&disp=comp&safe=1&zw`) under the
 * account the page is on, with the account key `ik` when the page has one. Report mails are one-message threads.
 */
export function rawThreadUrl(threadId: string, ik: string | undefined): string {
  const account = location.pathname.match(ACCOUNT_PATH_PATTERN)?.[0] ?? '/mail/';
  const url = new URL(account, location.href);
  if (ik !== undefined) url.searchParams.set('ik', ik);
  url.searchParams.set('view', 'att');
  url.searchParams.set('th', threadId);
  url.searchParams.set('attid', '0');
  url.searchParams.set('disp', 'comp');
  url.searchParams.set('safe', '1');
  url.searchParams.set('zw', '');
  return url.href;
}

/**
 * The account key Gmail puts in its own download links: the tenth value of the page's `GLOBALS` array, in the inline
 * script Gmail serves with the page (a mail's content never brings a script element). Undefined when not found.
 */
export function gmailAccountKey(root: Document): string | undefined {
  for (const script of root.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    const start = text.indexOf('GLOBALS=[');
    if (start < 0) continue;
    const values = text.slice(start + 'GLOBALS=['.length, start + 4096).match(/"(?:[^"\\]|\\.)*"|[^,\]]+/g) ?? [];
    const ik = /^"([0-9a-f]{6,16})"$/i.exec(values[9]?.trim() ?? '')?.[1];
    if (ik !== undefined) return ik;
  }
  return undefined;
}
