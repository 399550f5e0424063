// One way to say a catalogue sentence in a language: the site (`useI18n().t`) and core (English, for the command line
// and the tests) go through `createTranslator`; the extension through an area of it (translator.ts).
import { en, type MessageKey } from './en';
import type { MessageParams } from './formatMessage';
import type { Locale } from './locale';
import { nl, type Catalogue } from './nl';
import { translatorOf, type Translator } from './translator';

const catalogues: Readonly<Record<Locale, Catalogue>> = { en, nl };
const translators = new Map<Locale, Translator<MessageKey>>();

/** The translator of the whole catalogue in `locale`, made once. */
export function createTranslator(locale: Locale): Translator<MessageKey> {
  let translator = translators.get(locale);
  if (!translator) {
    translator = translatorOf(locale, catalogues[locale]);
    translators.set(locale, translator);
  }
  return translator;
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return createTranslator(locale).t(key, params);
}

/** The English of a key: what core writes for the command line and the tests. */
export function english(key: MessageKey, params?: MessageParams): string {
  return translate('en', key, params);
}
