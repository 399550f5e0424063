// Auto-save: a report the inline card has read is stored as well, unless the user turned that off in the options. The
// save goes through the same request as the card's Save button, from the reports parsed for the card (kept for it by
// answerAttachmentRequest), so it costs no second parse and is idempotent the same way: a report already stored
// counts as "already saved", never twice.
import type { AttachmentPayload, ParseAnswer } from '../messaging/messages';
import type { AttachmentRequestAnswerer } from '../reports/answerAttachmentRequest';
import { afterReportsGathered } from './afterGather';
import { readGatherSettings } from './gatherSettings';

export async function parseAndAutoSave(
  attachment: AttachmentPayload,
  readAttachment: AttachmentRequestAnswerer,
): Promise<ParseAnswer> {
  const { autoSave } = await readGatherSettings();
  // The save reads the reports parsed for the card: each file is parsed once, to be shown and saved.
  const parsed = await readAttachment({ type: 'parse-attachment', attachment, keepForSave: autoSave });
  if (!parsed.ok || parsed.summaries.length === 0 || !autoSave) return parsed;
  const saved = await readAttachment({ type: 'save-attachment', attachment });
  if (!saved.ok) return { ...parsed, autoSaved: { ok: false, message: saved.error.message } };
  await afterReportsGathered('card', saved.added);
  return { ...parsed, autoSaved: { ok: true, added: saved.added, reports: saved.keys.length } };
}
