// Counted nouns ("1 report", "30 days"): a catalogue key whose text is a `{count, plural, …}` template.
import type { I18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

export function plural(i18n: I18n, key: MessageKey, count: number): string {
  return i18n.t(key, { count });
}
