// The Chrome service worker's side of the offscreen document (entrypoints/offscreen): opened on first use, and again
// whenever Chrome has closed it; requests are forwarded as runtime messages.
import type { AnswerOf, AttachmentRequest, OffscreenMessage } from '../messaging/messages';
import type { AttachmentRequestAnswerer } from './answerAttachmentRequest';

const OFFSCREEN_PATH = '/offscreen.html';
let opening: Promise<void> | undefined;

export const askOffscreenDocument: AttachmentRequestAnswerer = async <R extends AttachmentRequest>(request: R) => {
  await openOffscreenDocument();
  const message: OffscreenMessage = { type: 'offscreen-attachment', request };
  return (await browser.runtime.sendMessage(message)) as AnswerOf[R['type']];
};

async function openOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  // The document outlives a restarted service worker, so ask Chrome rather than remember.
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open.length > 0) return;
  // Requests arriving together must not each create it: Chrome allows one offscreen document and throws on a second.
  opening ??= browser.offscreen
    .createDocument({
      url,
      reasons: ['WORKERS'],
      justification: 'Reads report attachments in Workers that can be stopped when a file takes too long.',
    })
    .finally(() => (opening = undefined));
  await opening;
}
