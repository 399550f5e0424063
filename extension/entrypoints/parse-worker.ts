// Runs in a dedicated Worker started by a ParseWorkerPool: reads one attachment at a time with core's parser. A parse
// that runs too long is stopped by terminating this worker, which nothing running in it can prevent.
import { readReportAttachment, type ReadAttachmentResult } from '../reports/readReportAttachment';
import type { ParseWorkerRequest, ParseWorkerResponse } from '../reports/parseWorkerProtocol';

export default defineUnlistedScript(() => {
  globalThis.addEventListener('message', (event: MessageEvent<ParseWorkerRequest>) => {
    const { bytes, fileName, container } = event.data;
    void readReportAttachment(bytes, fileName, container)
      // The parser answers bad input with typed errors; anything thrown is a bug, still reported for this file alone.
      .catch((error: unknown): ReadAttachmentResult => ({
        ok: false,
        error: { code: 'extension', message: `${fileName} could not be read: the reader failed (${String(error)}).` },
      }))
      .then((result) => {
        const response: ParseWorkerResponse = { result };
        globalThis.postMessage(response);
      });
  });
});
