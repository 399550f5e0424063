// Sentences from core/records (issues, tag explanations, rollout steps, purposes) in the page's language. Core gives
// each one as an id with parameters; the site catalogue holds it under `records.text.<id>` (recordsMessages.ts).
import { renderRecordText, type RecordText } from '../../../core/records/recordTexts';
import { useI18n } from '../i18n/i18n';
import { recordTextKey } from '../i18n/recordsMessages';

/** Renders a core sentence in the current language; plain strings (a provider's menu path, a DNS error) pass as they are. */
export function useRecordText(): (text: RecordText | string) => string {
  const { t, number } = useI18n();
  return (text) => (typeof text === 'string' ? text : renderRecordText(text, (id) => t(recordTextKey(id)), number));
}
