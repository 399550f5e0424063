// Sentences made in English and read back. Core's report errors and warnings, and the extension's errors, travel and
// are kept as English text (the command line prints it, the store and backups hold it, messages carry it); a reader
// over their catalogue area finds the key and parameters a text was made with, so that it can be said in the reader's
// language — a text stored by an earlier version too.
import { formatMessage, numberStyle, templateParams, type MessageParams, type NumberStyle } from './formatMessage';

/** A sentence of an area: its key and the parameters it was made with. */
export interface Sentence<Key extends string> {
  readonly key: Key;
  readonly params: MessageParams;
}

export interface SentenceReaderOptions<Key extends string> {
  /** Parameters that are numbers (written in plain digits in English, the language's way elsewhere). */
  numberParams: readonly string[];
  /**
   * Text parameters with a shape of their own (a regular expression of one capture group), so that one standing right
   * after another parameter is told apart from it.
   */
  shapedParams?: Readonly<Record<string, string>>;
  /** Parameters that hold sentences of the same area, said in the reader's language too. */
  sentenceParams?: readonly string[];
  /** Sentence parameters holding several sentences, and what joins them. */
  listParams?: readonly string[];
  listSeparator?: string;
  /** A sentence repeated with `(×N)` after it: its key, with the parameters `warning` and `count`. */
  repeatedKey?: Key;
}

export interface SentenceReader<Key extends string> {
  /** The English of a sentence, numbers in plain digits: the text that travels and is kept. */
  english(key: Key, params?: MessageParams): string;
  /** The key and parameters of an English sentence of the area, or undefined for text it did not make. */
  read(text: string): Sentence<Key> | undefined;
  /** A sentence in the language of `t`, the sentences inside it too. */
  say(sentence: Sentence<Key>, t: (key: Key, params?: MessageParams) => string): string;
  /** An English text of the area in the language of `t`; text the area did not make stays as it is. */
  localize(text: string, t: (key: Key, params?: MessageParams) => string): string;
}

/**
 * English with numbers in plain digits (`100000`, not `100,000`), as the command line has always printed them; other
 * languages write them their own way when the sentence is read back.
 */
export const plainEnglish: NumberStyle = {
  number: (value) => String(value),
  pluralCategory: numberStyle('en').pluralCategory,
};

interface Pattern<Key extends string> {
  key: Key;
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
const NUMBER = '(-?\\d+(?:\\.\\d+)?(?:e[+-]\\d+)?)';
const ANY = '([\\s\\S]*?)';
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function sentenceReader<Key extends string>(
  area: Readonly<Record<Key, string>>,
  options: SentenceReaderOptions<Key>,
): SentenceReader<Key> {
  const numberParams = new Set(options.numberParams);
  const shaped = options.shapedParams ?? {};
  const sentenceParams = new Set(options.sentenceParams ?? []);
  const listParams = new Set(options.listParams ?? []);
  const separator = options.listSeparator ?? '; ';

  /** One pattern per way the template can come out: each plural count as 1, as an exact number it names, or as any. */
  function patternsOf(key: Key): Array<Pattern<Key>> {
    const template = area[key];
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
        } else if (value !== undefined || numberParams.has(name)) {
          params[name] = NUMBER_MARK(n);
          marks.set(String(NUMBER_MARK(n)), { name, number: true });
        } else {
          params[name] = STRING_MARK(n);
          marks.set(STRING_MARK(n), { name, number: false });
        }
      });
      const rendered = formatMessage(template, params, plainEnglish);
      const groups: Pattern<Key>['groups'] = [];
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
          source += group.number ? NUMBER : (shaped[group.name] ?? ANY);
        }
        at = found.index + found[0].length;
      }
      source += escapeRegex(rendered.slice(at));
      specificity += rendered.length - at;
      return { key, regex: new RegExp(`^${source}$`), groups, fixed, specificity };
    });
  }

  let patterns: Array<Pattern<Key>> | undefined;
  const allPatterns = () =>
    (patterns ??= (Object.keys(area) as Key[]).flatMap(patternsOf).sort((a, b) => b.specificity - a.specificity));

  const REPEATED = /^([\s\S]+) \(×(\d+)\)$/;

  /** Whether a sentence parameter's text is sentences of this area, as it should be. */
  function readsAsSentences(name: string, value: string): boolean {
    const sentences = listParams.has(name) ? value.split(separator) : [value];
    return sentences.every((sentence) => read(sentence) !== undefined);
  }

  /**
   * When several templates fit, as when a sentence holds another, the reading that leaves the least text to plain
   * parameters wins: sentences inside go to the parameters made to hold them.
   */
  function read(text: string): Sentence<Key> | undefined {
    const repeated = options.repeatedKey === undefined ? null : REPEATED.exec(text);
    if (repeated) return { key: options.repeatedKey!, params: { warning: repeated[1]!, count: Number(repeated[2]) } };
    let best: { sentence: Sentence<Key>; plainChars: number } | undefined;
    for (const pattern of allPatterns()) {
      const match = pattern.regex.exec(text);
      if (!match) continue;
      const params: Record<string, string | number> = {};
      let plainChars = 0;
      pattern.groups.forEach((group, n) => {
        const value = match[n + 1]!;
        params[group.name] = group.number ? Number(value) : value;
        if (!sentenceParams.has(group.name) || !readsAsSentences(group.name, value)) plainChars += value.length;
      });
      // Patterns come most specific first: a later one must leave strictly less to plain parameters.
      if (best === undefined || plainChars < best.plainChars) {
        best = { sentence: { key: pattern.key, params: { ...pattern.fixed, ...params } }, plainChars };
      }
    }
    return best?.sentence;
  }

  function say(sentence: Sentence<Key>, t: (key: Key, params?: MessageParams) => string): string {
    const params: Record<string, string | number> = { ...sentence.params };
    for (const [name, value] of Object.entries(params)) {
      if (typeof value !== 'string' || !sentenceParams.has(name)) continue;
      params[name] = listParams.has(name)
        ? value
            .split(separator)
            .map((one) => localize(one, t))
            .join(separator)
        : localize(value, t);
    }
    return t(sentence.key, params);
  }

  function localize(text: string, t: (key: Key, params?: MessageParams) => string): string {
    const sentence = read(text);
    return sentence === undefined ? text : say(sentence, t);
  }

  return {
    english: (key, params = {}) => formatMessage(area[key], params, plainEnglish),
    read,
    say,
    localize,
  };
}
