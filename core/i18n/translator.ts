// A translator over a catalogue: the whole one (translate.ts) or one area of it, for code that should not carry every
// sentence along (the extension's content script, injected into every webmail page, holds only its own).
import { formatMessage, numberStyle, type MessageParams } from './formatMessage';
import type { Locale } from './locale';

export interface Translator<Key extends string> {
  readonly locale: Locale;
  /** The sentence `key` with its parameters filled in; numbers and plurals the language's way. */
  t: (key: Key, params?: MessageParams) => string;
  /** Any template of this catalogue (the text of a key) filled in the same way. */
  format: (template: string, params?: MessageParams) => string;
  /** A number written the language's way (thousands separators). */
  number: (value: number) => string;
}

/** A translator of `catalogue`, which is in `locale`; its functions use no `this`, so they can be taken out of it. */
export function translatorOf<Key extends string>(
  locale: Locale,
  catalogue: Readonly<Record<Key, string>>,
): Translator<Key> {
  const style = numberStyle(locale);
  const format = (template: string, params: MessageParams = {}) => formatMessage(template, params, style);
  return { locale, t: (key, params) => format(catalogue[key], params), format, number: (value) => style.number(value) };
}
