// An error of a parse or save request in the reader's language, said where the request is answered (the background,
// Chrome's offscreen document), which carries the parser and its catalogue anyway: one of the extension's sentences,
// else one of the parser's (core's report area); a browser's own error text stays as it is.
import { reportEn, reportNl, translatorOf, type Locale } from '../../core/i18n';
import { localizeReportText } from '../../core/report';
import { sayCardSentence } from '../messaging/cardErrors';
import { extensionTranslator } from '../ui/extensionText';

export function sayParseError(message: string, locale: Locale): string {
  const extension = sayCardSentence(message, extensionTranslator(locale).t);
  if (extension !== undefined) return extension;
  return localizeReportText(message, translatorOf(locale, locale === 'nl' ? reportNl : reportEn).t);
}
