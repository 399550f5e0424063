// Counted nouns ("1 report", "30 days"): the catalogue holds `<key>.one` and `<key>.other`, each with `{count}`.
import type { I18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
}[MessageKey];

export function plural(i18n: I18n, key: PluralKey, count: number): string {
  const form = new Intl.PluralRules(i18n.locale).select(count) === 'one' ? 'one' : 'other';
  return i18n.t(`${key}.${form}`, { count });
}
