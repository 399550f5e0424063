// The background holds what the content script must not carry into every webmail page: the parser, the store and
// Microsoft Graph. It answers the messages of messaging/messages.ts and opens the extension's pages.
import { readGraphAttachment } from '../graph/readGraphAttachment';
import { base64ToBytes } from '../messaging/base64Bytes';
import type { AnswerOf, AttachmentPayload, ExtensionMessage, ParseAnswer, SaveAnswer } from '../messaging/messages';
import { dashboardUrl, dropPageUrl } from '../pages/extensionPageUrls';
import { readReportAttachmentCached } from '../reports/readReportAttachmentCached';
import { saveParsedReports } from '../reports/saveParsedReports';
import { toCardReportSummary } from '../reports/toCardReportSummary';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
    // Only this extension's own scripts and pages may ask (web pages cannot message us: no externally_connectable).
    if (sender.id !== browser.runtime.id || !isExtensionMessage(message)) return false;
    answer(message).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: { code: 'extension', message: `The extension failed: ${String(error)}` } }),
    );
    return true; // the answer comes asynchronously
  });
});

async function answer(message: ExtensionMessage): Promise<AnswerOf[ExtensionMessage['type']]> {
  switch (message.type) {
    case 'parse-attachment':
      return parseAttachment(message.attachment);
    case 'save-attachment':
      return saveAttachment(message.attachment);
    case 'open-dashboard': {
      const saved: SaveAnswer = message.attachment === undefined ? { ok: true, keys: [], added: 0 } : await saveAttachment(message.attachment);
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

async function parseAttachment(attachment: AttachmentPayload): Promise<ParseAnswer> {
  const read = await readReportAttachmentCached(base64ToBytes(attachment.base64), attachment.fileName, attachment.container);
  if (!read.ok) return { ok: false, error: read.error };
  return { ok: true, summaries: read.reports.map(toCardReportSummary) };
}

async function saveAttachment(attachment: AttachmentPayload): Promise<SaveAnswer> {
  const read = await readReportAttachmentCached(base64ToBytes(attachment.base64), attachment.fileName, attachment.container);
  if (!read.ok) return { ok: false, error: read.error };
  return { ok: true, ...(await saveParsedReports(attachment.fileName, read.reports, read.warnings)) };
}

function isExtensionMessage(message: unknown): message is ExtensionMessage {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}
