// The sentences core/report writes, from the catalogue (core/i18n/en/report.ts). They are made in English, as the
// command line and the JSON outputs print them and as the store keeps them, and read back into their key and
// parameters, so that any of them — just made, or stored by an earlier version — is shown in the reader's language.
// Reading back rather than carrying the key beside the text leaves every stored row, backup and output as it was.
import {
  formatMessage,
  plainEnglish,
  reportEn,
  sentenceReader,
  type MessageParam,
  type MessageParams,
  type TemplateParams,
} from '../i18n';

export type ReportMessageKey = keyof typeof reportEn;

/** A sentence of the report area: its key and the parameters it was made with. */
export interface ReportMessage {
  readonly key: ReportMessageKey;
  readonly params: MessageParams;
}

/** Says a report sentence in one language: the site's `t`, or a translator over the report area. */
export type ReportTranslate = (key: ReportMessageKey, params?: MessageParams) => string;

const LIST_SEPARATOR = '; ';

/** The parameters the English template of `Key` names, each required: the compiler checks every call. */
export type ReportParams<Key extends ReportMessageKey> = Record<TemplateParams<(typeof reportEn)[Key]>, MessageParam>;

/** The parameters of `Key`, or none for a template without any. */
export type ReportParamsArgument<Key extends ReportMessageKey> = [TemplateParams<(typeof reportEn)[Key]>] extends [
  never,
]
  ? []
  : [ReportParams<Key>];

/** The keys whose sentence has no parameters (the words for a kind of file or a part of a report). */
export type PlainReportKey = {
  [Key in ReportMessageKey]: ReportParamsArgument<Key> extends [] ? Key : never;
}[ReportMessageKey];

/** The English of a sentence without parameters, for a key chosen at run time. */
export function plainReportText(key: PlainReportKey): string {
  return formatMessage(reportEn[key], {}, plainEnglish);
}

/** The English of a report sentence: what errors and warnings carry as their text. */
export function reportText<Key extends ReportMessageKey>(key: Key, ...params: ReportParamsArgument<Key>): string {
  return formatMessage(reportEn[key], params[0] ?? {}, plainEnglish);
}

const reader = sentenceReader<ReportMessageKey>(reportEn, {
  numberParams: ['count', 'limit', 'size', 'ratio'],
  // A value quoted by `shown` (plausibility.ts), a timestamp's digits, a number as JSON wrote it.
  shapedParams: { quoted: '("[\\s\\S]*")', digits: '(\\d+(?:\\.\\d+)?)', number: '(\\S+)' },
  sentenceParams: ['reason', 'refusal', 'problems', 'part', 'json', 'warning'],
  listParams: ['problems'],
  listSeparator: LIST_SEPARATOR,
  repeatedKey: 'report.repeated',
});

/** The key and parameters of an English report sentence, or undefined for text this catalogue did not make. */
export function readReportMessage(text: string): ReportMessage | undefined {
  return reader.read(text);
}

/** A report sentence in the language of `t`, the sentences inside it too. */
export function sayReportMessage(message: ReportMessage, t: ReportTranslate): string {
  return reader.say(message, t);
}

/** An English error or warning of core/report in the language of `t`; text it did not make stays as it is. */
export function localizeReportText(text: string, t: ReportTranslate): string {
  return reader.localize(text, t);
}

/** `problems` for a sentence that lists several: joined the way sayReportMessage splits them. */
export function reportList(sentences: readonly string[]): string {
  return sentences.join(LIST_SEPARATOR);
}
