// The background holds what the content script must not carry into every webmail page: the parser, the store and
// Microsoft Graph. It answers the messages of messaging/messages.ts and opens the extension's pages. It never parses
// on its own thread: attachments are read in Workers under a watchdog (reports/ParseWorkerPool.ts), so one slow file
// cannot keep it from answering every other card. Firefox's background is a page and starts those Workers itself;
// Chrome's is a service worker, which cannot, and forwards the requests to its offscreen document.
import { readGraphAttachment } from '../graph/readGraphAttachment';
import { isExtensionMessage, type AnswerOf, type ExtensionMessage, type SaveAnswer } from '../messaging/messages';
import { dashboardUrl, dropPageUrl } from '../pages/extensionPageUrls';
import { answerAttachmentRequest, type AttachmentRequestAnswerer } from '../reports/answerAttachmentRequest';
import { askOffscreenDocument } from '../reports/askOffscreenDocument';
import { checkAfterSave } from '../monitor/runChecks';
import { registerAlertClicks } from '../monitor/showAlerts';
import { parseAndAutoSave } from '../sync/autoSave';
import { startGathering } from '../sync/startGathering';

export default defineBackground(() => {
  const readAttachment = typeof Worker === 'function' ? answerAttachmentRequest : askOffscreenDocument;
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
    // Only this extension's own scripts and pages may ask (web pages cannot message us: no externally_connectable).
    if (sender.id !== browser.runtime.id || !isExtensionMessage(message)) return false;
    answer(message, readAttachment).then(sendResponse, (error: unknown) =>
      sendResponse({
        ok: false,
        error: { code: 'extension', message: `${subjectOf(message)}The extension failed (${String(error)}).` },
      }),
    );
    return true; // the answer comes asynchronously
  });
  startGathering(readAttachment);
  registerAlertClicks();
});

async function answer(
  message: ExtensionMessage,
  readAttachment: AttachmentRequestAnswerer,
): Promise<AnswerOf[ExtensionMessage['type']]> {
  switch (message.type) {
    case 'parse-attachment':
      return parseAndAutoSave(message.attachment, readAttachment);
    case 'save-attachment':
      return readAttachment(message).then(checkAfterSave);
    case 'open-dashboard': {
      const saved: SaveAnswer =
        message.attachment === undefined
          ? { ok: true, keys: [], added: 0 }
          : await readAttachment({ type: 'save-attachment', attachment: message.attachment });
      checkAfterSave(saved);
      if (saved.ok) await browser.tabs.create({ url: dashboardUrl(message.domain) });
      return saved;
    }
    case 'open-drop-page':
      await browser.tabs.create({ url: dropPageUrl(message.fileName) });
      return { ok: true };
    case 'graph-attachment':
      return readGraphAttachment(message.conversationId, message.fileName);
  }
}

/** The file a failed message was about, to start its error message with. */
function subjectOf(message: ExtensionMessage): string {
  const fileName =
    'attachment' in message ? message.attachment?.fileName : 'fileName' in message ? message.fileName : undefined;
  return fileName === undefined ? '' : `${fileName}: `;
}
