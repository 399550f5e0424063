// The message catalogue: one per language (en.ts, nl.ts, each merging its area files), one template syntax with
// plurals (formatMessage.ts), one translator for core, the site and the extension (translate.ts, translator.ts).
export { en, type MessageKey } from './en';
export { nl, type Catalogue } from './nl';
export type { Translation } from './translation';
export {
  formatMessage,
  numberStyle,
  templateParams,
  type MessageParam,
  type MessageParams,
  type NumberStyle,
  type TemplateParams,
} from './formatMessage';
export { LOCALES, localeOf, type Locale } from './locale';
export { createTranslator, english, translate } from './translate';
export { translatorOf, type Translator } from './translator';
export { dnsEn } from './en/dns';
export { dnsTextsEn } from './en/dnsTexts';
export { sendersEn } from './en/senders';
export { siteEn } from './en/site';
export { dnsNl } from './nl/dns';
export { dnsTextsNl } from './nl/dnsTexts';
export { sendersNl } from './nl/senders';
export { siteNl } from './nl/site';
export { extensionEn } from './en/extension';
export { extensionNl } from './nl/extension';
export { extensionPagesEn } from './en/extensionPages';
export { extensionPagesNl } from './nl/extensionPages';
export { monitorEn } from './en/monitor';
export { monitorNl } from './nl/monitor';
export { reportEn } from './en/report';
export { reportNl } from './nl/report';
export {
  plainEnglish,
  sentenceReader,
  type Sentence,
  type SentenceReader,
  type SentenceReaderOptions,
} from './sentenceReader';
