// One way to say a catalogue sentence in a language: the site (`useI18n().t`), the extension and core (English, for
// the command line and the tests) all go through `createTranslator`.
import { en, type MessageKey } from './en';
import { formatMessage, numberStyle, type MessageParams, type NumberStyle } from './formatMessage';
import { nl, type Catalogue } from './nl';

export type Locale = 'en' | 'nl';

export const LOCALES: ReadonlyArray<{ code: Locale; name: string }> = [
  { code: 'en', name: 'English' },
  { code: 'nl', name: 'Nederlands' },
];

const catalogues: Readonly<Record<Locale, Catalogue>> = { en, nl };

/** The catalogue language for a BCP 47 language tag: Dutch for nl and nl-*, English for everything else. */
export function localeOf(languageTag: string | undefined): Locale {
  return /^nl(?:-|$)/i.test(languageTag ?? '') ? 'nl' : 'en';
}

export interface Translator {
  readonly locale: Locale;
  /** The sentence `key` with its parameters filled in; numbers and plurals the language's way. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Any template of this catalogue (the text of a key) filled in the same way. */
  format: (template: string, params?: MessageParams) => string;
  /** A number written the language's way (thousands separators). */
  number: (value: number) => string;
}

const translators = new Map<Locale, Translator>();

/** The translator of `locale`, made once; its functions use no `this`, so they can be taken out of it. */
export function createTranslator(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    const catalogue = catalogues[locale];
    const style: NumberStyle = numberStyle(locale);
    const format = (template: string, params: MessageParams = {}) => formatMessage(template, params, style);
    translator = {
      locale,
      t: (key, params) => format(catalogue[key], params),
      format,
      number: (value) => style.number(value),
    };
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
