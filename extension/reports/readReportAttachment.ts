// Parses an attachment's bytes with core's parser. When the bytes are the whole raw message (Gmail's fallback), only
// the reports found inside the named attachment are kept: the parser's `path` says which part each came from.
import { parseReport, type ParsedReport, type ReportError } from '../../core/report';
import { cardErrorText } from '../messaging/cardErrors';

/**
 * Errors of the extension's own beyond the parser's: the named attachment is not in the message; reading took longer
 * than the parse budget (ParseWorkerPool); the reader itself failed.
 */
export type AttachmentError = { code: 'not-in-message' | 'too-slow' | 'extension'; message: string };

export type ReadAttachmentResult =
  { ok: true; reports: ParsedReport[]; warnings: string[] } | { ok: false; error: ReportError | AttachmentError };

export async function readReportAttachment(
  bytes: Uint8Array,
  fileName: string,
  container: 'attachment' | 'message',
): Promise<ReadAttachmentResult> {
  const result = await parseReport(bytes, { fileName });
  if (!result.ok) return { ok: false, error: result.error };
  if (container === 'attachment') return { ok: true, reports: result.reports, warnings: result.warnings };
  const wanted = fileName.toLowerCase();
  const inAttachment = result.reports.filter((parsed) => parsed.path.some((part) => part.toLowerCase() === wanted));
  if (inAttachment.length === 0) {
    return {
      ok: false,
      error: { code: 'not-in-message', message: cardErrorText('ext.error.notInMessage', { file: fileName }) },
    };
  }
  return { ok: true, reports: inAttachment, warnings: result.warnings };
}
