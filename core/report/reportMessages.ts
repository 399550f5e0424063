// The sentences core/report writes, from the catalogue (core/i18n/en/report.ts). They are made in English, as the
// command line and the JSON outputs print them and as the store keeps them, and read back into their key and
// parameters, so that any of them — just made, or stored by an earlier version — is shown in the reader's language.
// Reading back rather than carrying the key beside the text leaves every stored row, backup and output as it was.
import {
  formatMessage,
  numberStyle,
  reportEn,
  templateParams,
  type MessageParam,
  type MessageParams,
  type NumberStyle,
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

/**
 * English with numbers in plain digits (`100000`, not `100,000`): the command line's outputs and the store have always
 * written them so, and other languages write them their own way when the sentence is read back.
 */
const plainEnglish: NumberStyle = {
  number: (value) => String(value),
  pluralCategory: numberStyle('en').pluralCategory,
};

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

/** Parameters that are numbers, written the language's way; every other parameter is text. */
const NUMBER_PARAMS = new Set(['count', 'limit', 'size', 'ratio']);
/**
 * Text parameters with a shape of their own, so that one standing right after another parameter is told apart from
 * it: a value quoted by `shown` (plausibility.ts), a timestamp's digits, a number as JSON wrote it.
 */
const SHAPED_PARAMS: Readonly<Record<string, string>> = {
  quoted: '("[\\s\\S]*")',
  digits: '(\\d+(?:\\.\\d+)?)',
  number: '(\\S+)',
};
/** Parameters that hold sentences of this catalogue themselves (`problems`: several, joined by "; "). */
const SENTENCE_PARAMS = new Set(['reason', 'refusal', 'problems', 'part', 'json', 'warning']);
const LIST_SEPARATOR = '; ';

interface Pattern {
  key: ReportMessageKey;
  regex: RegExp;
  /** The parameter each capture group fills, in group order. */
  groups: Array<{ name: string; number: boolean }>;
  /** Parameters the pattern fixes: a plural count whose branch was chosen by an exact number or `one`. */
  fixed: Record<string, number>;
  /** Characters of its own the sentence has: the pattern with more of them is tried first. */
  specificity: number;
}

const STRING_MARK = (n: number) => `\u0000${n}\u0000`;
/** Numbers no sentence holds as words of its own, one per parameter, so each is found in the English. */
const NUMBER_MARK = (n: number) => 987_654_300 + n;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per way the template can come out: each plural count as 1, as an exact number it names, or as any. */
function patternsOf(key: ReportMessageKey): Pattern[] {
  const template: string = reportEn[key];
  const names = templateParams(template);
  const plurals = new Map<string, number[]>();
  for (const match of template.matchAll(/\{(\w+)\s*,\s*plural\s*,/g)) {
    const exact = [...template.matchAll(/=(\d+)\s*\{/g)].map((m) => Number(m[1]));
    plurals.set(match[1]!, [1, ...exact, NaN]);
  }
  let variants: Array<Record<string, number>> = [{}];
  for (const [name, values] of plurals) {
    variants = variants.flatMap((variant) => values.map((value) => ({ ...variant, [name]: value })));
  }
  return variants.map((variant) => {
    const params: Record<string, string | number> = {};
    const marks = new Map<string, { name: string; number: boolean }>();
    const fixed: Record<string, number> = {};
    names.forEach((name, n) => {
      const value = variant[name];
      if (value !== undefined && !Number.isNaN(value)) {
        params[name] = value;
        fixed[name] = value;
      } else if (value !== undefined || NUMBER_PARAMS.has(name)) {
        params[name] = NUMBER_MARK(n);
        marks.set(String(NUMBER_MARK(n)), { name, number: true });
      } else {
        params[name] = STRING_MARK(n);
        marks.set(STRING_MARK(n), { name, number: false });
      }
    });
    const rendered = formatMessage(template, params, plainEnglish);
    const groups: Pattern['groups'] = [];
    let source = '';
    let specificity = 0;
    let at = 0;
    const markAt = new RegExp([...marks.keys()].map(escapeRegex).join('|') || '(?!)', 'g');
    for (const found of rendered.matchAll(markAt)) {
      const literal = rendered.slice(at, found.index);
      source += escapeRegex(literal);
      specificity += literal.length;
      const group = marks.get(found[0])!;
      const earlier = groups.findIndex((g) => g.name === group.name);
      if (earlier >= 0) source += `\\${earlier + 1}`;
      else {
        groups.push(group);
        source += group.number ? '(-?\\d+(?:\\.\\d+)?(?:e[+-]\\d+)?)' : (SHAPED_PARAMS[group.name] ?? '([\\s\\S]*?)');
      }
      at = found.index + found[0].length;
    }
    source += escapeRegex(rendered.slice(at));
    specificity += rendered.length - at;
    return { key, regex: new RegExp(`^${source}$`), groups, fixed, specificity };
  });
}

let patterns: Pattern[] | undefined;

function allPatterns(): Pattern[] {
  patterns ??= (Object.keys(reportEn) as ReportMessageKey[])
    .flatMap(patternsOf)
    .sort((a, b) => b.specificity - a.specificity);
  return patterns;
}

/** A warning repeated in one report, as WarningSet writes it; tried before any other sentence. */
const REPEATED = /^([\s\S]+) \(×(\d+)\)$/;

/**
 * The key and parameters of an English report sentence, or undefined for text this catalogue did not make. When
 * several templates fit, as when a sentence holds another (a refusal lists date problems), the reading that leaves the
 * least text to plain parameters wins: sentences inside go to the parameters made to hold them.
 */
export function readReportMessage(text: string): ReportMessage | undefined {
  const repeated = REPEATED.exec(text);
  if (repeated) return { key: 'report.repeated', params: { warning: repeated[1]!, count: readNumber(repeated[2]!) } };
  let best: { message: ReportMessage; plainChars: number } | undefined;
  for (const pattern of allPatterns()) {
    const match = pattern.regex.exec(text);
    if (!match) continue;
    const params: Record<string, string | number> = {};
    let plainChars = 0;
    pattern.groups.forEach((group, n) => {
      const value = match[n + 1]!;
      params[group.name] = group.number ? readNumber(value) : value;
      if (!SENTENCE_PARAMS.has(group.name) || !readsAsSentences(group.name, value)) plainChars += value.length;
    });
    // Patterns come most specific first: a later one must leave strictly less to plain parameters.
    if (best === undefined || plainChars < best.plainChars) {
      best = { message: { key: pattern.key, params: { ...pattern.fixed, ...params } }, plainChars };
    }
  }
  return best?.message;
}

/** Whether a sentence parameter's text is sentences of this catalogue, as it should be. */
function readsAsSentences(name: string, value: string): boolean {
  const sentences = name === 'problems' ? value.split(LIST_SEPARATOR) : [value];
  return sentences.every((sentence) => readReportMessage(sentence) !== undefined);
}

function readNumber(english: string): number {
  return Number(english);
}

/** A report sentence in the language of `t`, the sentences inside it too. */
export function sayReportMessage(message: ReportMessage, t: ReportTranslate): string {
  const params: Record<string, string | number> = { ...message.params };
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string' || !SENTENCE_PARAMS.has(name)) continue;
    params[name] =
      name === 'problems'
        ? value
            .split(LIST_SEPARATOR)
            .map((one) => localizeReportText(one, t))
            .join(LIST_SEPARATOR)
        : localizeReportText(value, t);
  }
  return t(message.key, params);
}

/** An English error or warning of core/report in the language of `t`; text it did not make stays as it is. */
export function localizeReportText(text: string, t: ReportTranslate): string {
  const message = readReportMessage(text);
  return message === undefined ? text : sayReportMessage(message, t);
}

/** `problems` for a sentence that lists several: joined the way sayReportMessage splits them. */
export function reportList(sentences: readonly string[]): string {
  return sentences.join(LIST_SEPARATOR);
}
