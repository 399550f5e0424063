// What the card says when a report cannot be read, from the catalogue. Errors travel between the content script, the
// background and the parse workers as English text, like the parser's own (core/report/reportMessages.ts); the card
// reads a text back into its key and parameters and says it in the reader's language.
import {
  extensionEn,
  reportEn,
  reportNl,
  sentenceReader,
  translatorOf,
  type Locale,
  type MessageParams,
  type TemplateParams,
} from '../../core/i18n';
import { localizeReportText } from '../../core/report';

type ExtensionKey = keyof typeof extensionEn;

/** The extension's sentences that travel as text: why a report could not be read, and the card's report details. */
export type CardErrorKey = Extract<
  ExtensionKey,
  `ext.${'error' | 'download' | 'link' | 'gmail' | 'outlook' | 'detail'}.${string}`
>;

const area = Object.fromEntries(
  Object.entries(extensionEn).filter(([key]) => /^ext\.(?:error|download|link|gmail|outlook|detail)\./.test(key)),
) as Record<CardErrorKey, string>;

const reader = sentenceReader<CardErrorKey>(area, {
  numberParams: ['count', 'status'],
  sentenceParams: ['unavailable', 'problem'],
});

type ParamsArgument<Key extends CardErrorKey> = [TemplateParams<(typeof extensionEn)[Key]>] extends [never]
  ? []
  : [Record<TemplateParams<(typeof extensionEn)[Key]>, string | number>];

/** The English of one of these sentences: what an error or a detail line carries. */
export function cardErrorText<Key extends CardErrorKey>(key: Key, ...params: ParamsArgument<Key>): string {
  return reader.english(key, params[0] ?? {});
}

/**
 * A text the card shows (an error from the webmail, the background or the parser, a detail line) in `locale`, with
 * `t` saying the extension's sentences: read back as one of the extension's, else as one of the parser's; anything
 * else (a browser's own error text) as it is.
 */
export function sayCardText(
  text: string,
  locale: Locale,
  t: (key: ExtensionKey, params?: MessageParams) => string,
): string {
  const sentence = reader.read(text);
  if (sentence !== undefined) {
    return reader.say(sentence, (key, params) => t(key, params));
  }
  const report = translatorOf(locale, locale === 'nl' ? reportNl : reportEn);
  return localizeReportText(text, report.t);
}
