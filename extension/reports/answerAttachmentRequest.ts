// The answers to the card's parse and save requests, computed where a Worker can be started: the Firefox background
// page, or Chrome's offscreen document (entrypoints/offscreen), which the service worker forwards them to.
import { base64ToBytes } from '../messaging/base64Bytes';
import type { AnswerOf, AttachmentRequest, ParseAnswer, SaveAnswer } from '../messaging/messages';
import { readReportAttachmentCached } from './readReportAttachmentCached';
import { saveParsedReports } from './saveParsedReports';
import { toCardReportSummary } from './toCardReportSummary';

/** Answers a parse or save request, in this context or another (askOffscreenDocument). */
export type AttachmentRequestAnswerer = <R extends AttachmentRequest>(request: R) => Promise<AnswerOf[R['type']]>;

export const answerAttachmentRequest: AttachmentRequestAnswerer = <R extends AttachmentRequest>(request: R) =>
  (request.type === 'parse-attachment' ? parseAttachment(request) : saveAttachment(request)) as Promise<
    AnswerOf[R['type']]
  >;

export async function parseAttachment({ attachment }: AttachmentRequest): Promise<ParseAnswer> {
  const read = await readReportAttachmentCached(
    base64ToBytes(attachment.base64),
    attachment.fileName,
    attachment.container,
  );
  if (!read.ok) return { ok: false, error: read.error };
  return { ok: true, summaries: read.reports.map(toCardReportSummary) };
}

export async function saveAttachment({ attachment }: AttachmentRequest): Promise<SaveAnswer> {
  const read = await readReportAttachmentCached(
    base64ToBytes(attachment.base64),
    attachment.fileName,
    attachment.container,
  );
  if (!read.ok) return { ok: false, error: read.error };
  return { ok: true, ...(await saveParsedReports(attachment.fileName, read.reports, read.warnings)) };
}
