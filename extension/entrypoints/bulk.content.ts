// Bulk import from a webmail's message list (extension/bulk): a second content script next to the card's, so that the
// card's stays as small as it is; this one carries only the list readers and the control, never the parser. In Gmail
// it also answers the background sync's question (extension/sync/gmailSync.ts) when its alarm fires.
import { createBulkImportControl } from '../bulk/bulkImportControl';
import { findGmailList } from '../bulk/gmailList';
import type { MailboxList } from '../bulk/listedMessage';
import { findOutlookList } from '../bulk/outlookList';
import { readGmailListForSync } from '../bulk/readGmailListForSync';
import { isGmailSyncRequest } from '../sync/gatherMessages';
import { WEBMAIL_MATCHES } from '../webmail/webmailMatches';

/** How often the page is looked at for a list: lists change on navigation and as rows load. */
const LOOK_EVERY_MS = 1000;

export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const find: ((root: Document) => MailboxList | undefined) | undefined =
      location.hostname === 'mail.google.com'
        ? findGmailList
        : location.hostname.startsWith('outlook.')
          ? findOutlookList
          : undefined;
    if (find === undefined) return;
    const control = createBulkImportControl();
    const look = () => control.update(find(document));
    look();
    ctx.setInterval(look, LOOK_EVERY_MS);
    ctx.onInvalidated(() => control.remove());
    if (find === findGmailList) answerGmailSync(ctx.signal);
  },
});

function answerGmailSync(signal: AbortSignal): void {
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
    // Only the extension's background asks (a page cannot message a content script).
    if (sender.id !== browser.runtime.id || !isGmailSyncRequest(message)) return false;
    readGmailListForSync(message, document, signal).then(sendResponse, () => sendResponse({ shown: false }));
    return true; // the answer comes asynchronously
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
