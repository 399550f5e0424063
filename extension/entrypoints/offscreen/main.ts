// Chrome's offscreen document (reason WORKERS): the service worker cannot start Workers, so it forwards the card's
// parse and save requests here, where a ParseWorkerPool reads each attachment in a Worker it can terminate.
import { isOffscreenMessage } from '../../messaging/messages';
import { answerAttachmentRequest } from '../../reports/answerAttachmentRequest';

browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: unknown) => void) => {
  // Content scripts' messages reach this document too; they are the service worker's to answer.
  if (sender.id !== browser.runtime.id || !isOffscreenMessage(message)) return false;
  const { fileName } = message.request.attachment;
  answerAttachmentRequest(message.request).then(sendResponse, (error: unknown) =>
    sendResponse({
      ok: false,
      error: { code: 'extension', message: `${fileName} could not be read: the extension failed (${String(error)}).` },
    }),
  );
  return true; // the answer comes asynchronously
});
