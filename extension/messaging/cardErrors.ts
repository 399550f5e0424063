// What the card says when a report cannot be read, from the catalogue. Errors travel between the content script, the
// background and the parse workers as English text, like the parser's own (core/report/reportMessages.ts); the card
// reads a text back into its key and parameters and says it in the reader's language. The parser's sentences are said
// where the parser runs (reports/sayParseError.ts), so that the content script does not carry the report catalogue.
import { extensionEn, sentenceReader, type MessageParams, type TemplateParams } from '../../core/i18n';

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
 * One of these sentences (an error from the webmail or the background, a detail line) with `t` saying the extension's
 * sentences, or undefined for any other text.
 */
export function sayCardSentence(
  text: string,
  t: (key: ExtensionKey, params?: MessageParams) => string,
): string | undefined {
  const sentence = reader.read(text);
  return sentence === undefined ? undefined : reader.say(sentence, (key, params) => t(key, params));
}

/** A text the card shows in the language of `t`: one of these sentences said so, anything else as it is. */
export function sayCardText(text: string, t: (key: ExtensionKey, params?: MessageParams) => string): string {
  return sayCardSentence(text, t) ?? text;
}
