// Runs in a dedicated Worker started by a ParseWorkerPool: reads one attachment at a time with core's parser. A parse
// that runs too long is stopped by terminating this worker, which nothing running in it can prevent.
import type { ParseAnswer } from '../messaging/messages';
import { HELD_FILES, type ParseWorkerRequest, type ParseWorkerResponse } from '../reports/parseWorkerProtocol';
import { readReportAttachment, type AttachmentError, type ReadAttachmentResult } from '../reports/readReportAttachment';
import { toCardReportSummary } from '../reports/toCardReportSummary';

/** Files this worker parsed, by key, oldest first. */
const held = new Map<string, ReadAttachmentResult>();

export default defineUnlistedScript(() => {
  globalThis.addEventListener('message', (event: MessageEvent<ParseWorkerRequest>) => {
    void answer(event.data).then((response) => globalThis.postMessage(response));
  });
});

async function answer(request: ParseWorkerRequest): Promise<ParseWorkerResponse> {
  const { kind, key, bytes, fileName, container } = request;
  // The parser answers bad input with typed errors; anything thrown is a bug, still reported for this file alone.
  const failed = (error: unknown): AttachmentError => ({
    code: 'extension',
    message: `${fileName} could not be read: the reader failed (${String(error)}).`,
  });
  let result = held.get(key);
  if (result === undefined) {
    result = await readReportAttachment(bytes, fileName, container).catch((error: unknown): ReadAttachmentResult => ({
      ok: false,
      error: failed(error),
    }));
    if (key !== '') {
      held.set(key, result);
      if (held.size > HELD_FILES) held.delete(held.keys().next().value!);
    }
  }
  if (kind === 'read') return { kind, result };
  let summarized: ParseAnswer;
  try {
    summarized = result.ok
      ? { ok: true, summaries: result.reports.map(toCardReportSummary) }
      : { ok: false, error: result.error };
  } catch (error) {
    summarized = { ok: false, error: failed(error) };
  }
  return { kind, answer: summarized };
}
