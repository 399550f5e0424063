// The Chrome service worker's side of the offscreen document (entrypoints/offscreen): opened on first use, and again
// whenever Chrome has closed it; requests are forwarded as runtime messages.
import type { AnswerOf, AttachmentRequest, OffscreenMessage } from '../messaging/messages';
import type { AttachmentRequestAnswerer } from './answerAttachmentRequest';

const OFFSCREEN_PATH = '/offscreen.html';
let opening: Promise<void> | undefined;

/** How long a request waits for a document that exists but has not yet started listening, in steps. */
const LISTENER_WAIT_STEPS = 40;
const LISTENER_WAIT_STEP_MS = 50;

export const askOffscreenDocument: AttachmentRequestAnswerer = async <R extends AttachmentRequest>(request: R) => {
  await openOffscreenDocument();
  const message: OffscreenMessage = { type: 'offscreen-attachment', request };
  // Chrome lists the document as open before its script has run: a request sent then finds no listener ("Receiving
  // end does not exist"). Nothing was read yet, so sending again is safe.
  for (let step = 0; ; step++) {
    try {
      return await browser.runtime.sendMessage<OffscreenMessage, AnswerOf[R['type']]>(message);
    } catch (error) {
      if (step >= LISTENER_WAIT_STEPS || !/Receiving end does not exist/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, LISTENER_WAIT_STEP_MS));
    }
  }
};

async function openOffscreenDocument(): Promise<void> {
  // A request arriving while the document is being created waits for that creation to finish.
  if (opening) return opening;
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
