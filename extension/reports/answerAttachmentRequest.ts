// The answers to the card's parse and save requests, computed where a Worker can be started: the Firefox background
// page, or Chrome's offscreen document (entrypoints/offscreen), which the service worker forwards them to.
// A card's file is summarized when the card appears and read again when the user saves it or opens the analysis; the
// last few answers are kept, keyed by the SHA-256 of the bytes, and the worker that parsed a file keeps it for the save.
// A file abandoned as too slow keeps that answer, so that saving it does not start the wait over. With auto-save the
// save follows at once: the parsed reports themselves are read out of the worker, summarized here and kept for that
// save, since by the time it comes the worker may be reading another card's file (and may have let this one go).
import { base64ToBytes } from '../messaging/base64Bytes';
import type { AnswerOf, AttachmentPayload, AttachmentRequest, ParseAnswer, SaveAnswer } from '../messaging/messages';
import { sharedParseWorkerPool } from './ParseWorkerPool';
import type { ReadAttachmentResult } from './readReportAttachment';
import { saveParsedReports } from './saveParsedReports';
import { sayParseError } from './sayParseError';
import { toCardReportSummary } from './toCardReportSummary';

/** Answers a parse or save request, in this context or another (askOffscreenDocument). */
export type AttachmentRequestAnswerer = <R extends AttachmentRequest>(request: R) => Promise<AnswerOf[R['type']]>;

export const answerAttachmentRequest: AttachmentRequestAnswerer = async <R extends AttachmentRequest>(request: R) => {
  const answer =
    request.type === 'parse-attachment'
      ? await parseAttachment(request.attachment, request.keepForSave === true)
      : await saveAttachment(request.attachment);
  const locale = request.attachment.locale;
  if (answer.ok || locale === undefined) return answer as AnswerOf[R['type']];
  const shown = sayParseError(answer.error.message, locale);
  return { ok: false, error: { ...answer.error, shown } } as AnswerOf[R['type']];
};

/** A handful of files: a thread rarely shows more reports at once. */
const CACHED_FILES = 6;
const summarized = new Map<string, Promise<ParseAnswer>>();
/** Files parsed for a save that follows at once, until it comes (at most CACHED_FILES). */
const keptForSave = new Map<string, Promise<ReadAttachmentResult>>();

async function parseAttachment(attachment: AttachmentPayload, keepForSave: boolean): Promise<ParseAnswer> {
  const bytes = base64ToBytes(attachment.base64);
  const key = await attachmentKey(bytes, attachment);
  let answer = summarized.get(key);
  if (answer === undefined) {
    answer = keepForSave
      ? readAndSummarize(bytes, attachment, key)
      : sharedParseWorkerPool().summarize(bytes, attachment.fileName, attachment.container, key);
    if (summarized.size >= CACHED_FILES) summarized.delete(summarized.keys().next().value!);
  } else {
    summarized.delete(key); // re-inserted below: most recently used last
  }
  summarized.set(key, answer);
  return answer;
}

/** The card's summaries from the parsed reports, which are kept for the save (only when there is something to save). */
async function readAndSummarize(bytes: Uint8Array, attachment: AttachmentPayload, key: string): Promise<ParseAnswer> {
  const reading = sharedParseWorkerPool().read(bytes, attachment.fileName, attachment.container, key);
  const read = await reading;
  if (!read.ok) return { ok: false, error: read.error };
  if (read.reports.length > 0) {
    if (keptForSave.size >= CACHED_FILES) keptForSave.delete(keptForSave.keys().next().value!);
    keptForSave.set(key, reading);
  }
  try {
    return { ok: true, summaries: read.reports.map(toCardReportSummary) };
  } catch (error) {
    // As the parse worker says it: anything thrown is a bug, still reported for this file alone.
    const message = `${attachment.fileName} could not be read: the reader failed (${String(error)}).`;
    return { ok: false, error: { code: 'extension', message } };
  }
}

async function saveAttachment(attachment: AttachmentPayload): Promise<SaveAnswer> {
  const bytes = base64ToBytes(attachment.base64);
  const key = await attachmentKey(bytes, attachment);
  const earlier = await summarized.get(key);
  if (earlier !== undefined && !earlier.ok) return earlier;
  const kept = keptForSave.get(key);
  keptForSave.delete(key);
  const read = await (kept ?? sharedParseWorkerPool().read(bytes, attachment.fileName, attachment.container, key));
  if (!read.ok) return { ok: false, error: read.error };
  return { ok: true, ...(await saveParsedReports(attachment.fileName, read.reports, read.warnings)) };
}

async function attachmentKey(bytes: Uint8Array, { fileName, container }: AttachmentPayload): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return `${container}\u0000${fileName}\u0000${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
