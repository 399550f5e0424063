// Auto-save: a report the inline card has read is stored as well, unless the user turned that off in the options. The
// save goes through the same request as the card's Save button (the Worker that parsed the file still holds it), so it
// is idempotent the same way: a report already stored counts as "already saved", never twice.
import type { AttachmentPayload, ParseAnswer } from '../messaging/messages';
import type { AttachmentRequestAnswerer } from '../reports/answerAttachmentRequest';
import { afterReportsGathered } from './afterGather';
import { readGatherSettings } from './gatherSettings';

/**
 * What auto-save did with a card's file: `added` of its `reports` were new to the store (0: all were already saved);
 * or why it could not save them.
 */
export type AutoSaveOutcome = { ok: true; added: number; reports: number } | { ok: false; message: string };

/** The card's parse answer, with what auto-save did when it ran (absent when it is off or the file was not read). */
export type AutoSavedParseAnswer = ParseAnswer & { autoSaved?: AutoSaveOutcome };

export async function parseAndAutoSave(
  attachment: AttachmentPayload,
  readAttachment: AttachmentRequestAnswerer,
): Promise<AutoSavedParseAnswer> {
  const parsed = await readAttachment({ type: 'parse-attachment', attachment });
  if (!parsed.ok || parsed.summaries.length === 0) return parsed;
  if (!(await readGatherSettings()).autoSave) return parsed;
  const saved = await readAttachment({ type: 'save-attachment', attachment });
  if (!saved.ok) return { ...parsed, autoSaved: { ok: false, message: saved.error.message } };
  await afterReportsGathered('card', saved.added);
  return { ...parsed, autoSaved: { ok: true, added: saved.added, reports: saved.keys.length } };
}
