// The sentences sender intelligence writes for people (a source's reason and fix, readiness, changes since the last
// import) as a stable code with parameters, so a page can show them in its own language. The templates are in the
// message catalogue (core/i18n, English in core/i18n/en/senders.ts under `senders.explain.<code>`), and the English
// text every result also carries is formatted from them: the command line, the tests and the English site read the
// same words. A parameter can itself be an explanation (a clause), a count with its noun, or a percentage, each
// formatted for the reader's language.
import {
  createTranslator,
  en,
  formatMessage,
  numberStyle,
  type Locale,
  type MessageKey,
  type Translator,
} from '../i18n';

type ExplanationKey = Extract<MessageKey, `senders.explain.${string}`>;
export type ExplanationCode = ExplanationKey extends `senders.explain.${infer Code}` ? Code : never;

/** The English template of every code. Some are clauses inserted into others; those that start with a space keep it. */
export const EXPLANATION_TEMPLATES = Object.fromEntries(
  (Object.keys(en) as MessageKey[])
    .filter((key): key is ExplanationKey => key.startsWith('senders.explain.'))
    .map((key) => [key.slice('senders.explain.'.length), en[key]]),
) as Readonly<Record<ExplanationCode, string>>;

export type QuantityUnit = 'message' | 'day' | 'thing';

/** A count with the noun it counts: "1 message", "3 days". */
export interface Quantity {
  count: number;
  unit: QuantityUnit;
}

/** A percentage already rounded to `decimals` places (how many it shows: 99.4 with 1, 98 with 0). */
export interface Percentage {
  percent: number;
  decimals: 0 | 1;
}

/** A country, by its ISO 3166-1 alpha-2 code (as the ASN table gives it), shown by its name in the reader's language. */
export interface Country {
  country: string;
}

export type ExplanationParam =
  string | number | Quantity | Percentage | Country | Explanation | readonly ExplanationParam[];

export interface Explanation {
  code: ExplanationCode;
  params: Readonly<Record<string, ExplanationParam>>;
}

export function explain(code: ExplanationCode, params: Readonly<Record<string, ExplanationParam>> = {}): Explanation {
  return { code, params };
}

export function quantity(count: number, unit: QuantityUnit): Quantity {
  return { count, unit };
}

export function country(code: string): Country {
  return { country: code };
}

/** One DisplayNames per language: every suspicious source's English reason names its countries. */
const regionNames = new Map<Locale, Intl.DisplayNames>();

/**
 * A region's name in `locale` (Intl.DisplayNames), or the code itself where the runtime has no name for it or the code
 * is not one.
 */
export function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })));
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** `share` (0…1) as a percentage with one decimal, or none when that decimal would read .0 (98%, 99.4%). */
export function percentage(share: number): Percentage {
  const percent = Number((share * 100).toFixed(1));
  return { percent, decimals: Number.isInteger(percent) ? 0 : 1 };
}

/** How one language writes the pieces of an explanation. */
export interface ExplanationFormat {
  /** The language, for its plural rules (English when not given). */
  locale?: Locale;
  /** The template of a code, with `{name}` parameters. */
  template(code: ExplanationCode): string;
  number(value: number): string;
  percentage(value: Percentage): string;
  quantity(value: Quantity): string;
  country(value: Country): string;
  /** Joins the items of a list parameter. */
  list(items: readonly string[]): string;
}

const englishTranslator = createTranslator('en');

export const ENGLISH: ExplanationFormat = {
  locale: 'en',
  template: (code) => EXPLANATION_TEMPLATES[code],
  number: (value) => englishTranslator.number(value),
  percentage: ({ percent, decimals }) => `${percent.toFixed(decimals)}%`,
  quantity: ({ count, unit }) => englishTranslator.t(`senders.unit.${unit}`, { count }),
  country: ({ country: code }) => countryName(code, 'en'),
  list: (items) => items.join(', '),
};

/** How a translator of the catalogue writes explanations in its language: the way the site and the extension show them. */
export function explanationFormatOf(text: Pick<Translator<MessageKey>, 'locale' | 't' | 'number'>): ExplanationFormat {
  const percentFormats = [0, 1].map(
    (decimals) =>
      new Intl.NumberFormat(text.locale, {
        style: 'percent',
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      }),
  );
  return {
    locale: text.locale,
    template: (code) => text.t(`senders.explain.${code}`),
    number: (value) => text.number(value),
    percentage: ({ percent, decimals }) => percentFormats[decimals]!.format(percent / 100),
    quantity: ({ count, unit }) => text.t(`senders.unit.${unit}`, { count }),
    country: ({ country: code }) => countryName(code, text.locale),
    list: (items) => items.join(', '),
  };
}

function formatParam(value: ExplanationParam, format: ExplanationFormat): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return format.number(value);
  if (Array.isArray(value)) return format.list(value.map((item: ExplanationParam) => formatParam(item, format)));
  if ('code' in value) return formatExplanation(value, format);
  if ('unit' in value) return format.quantity(value);
  if ('country' in value) return format.country(value);
  return format.percentage(value as Percentage);
}

/** The text of an explanation or parameter in `format`'s language (English by default). */
export function formatExplanation(value: ExplanationParam, format: ExplanationFormat = ENGLISH): string {
  if (typeof value !== 'object' || !('code' in value)) return formatParam(value, format);
  const params = Object.fromEntries(
    Object.entries(value.params).map(([name, param]) => [
      name,
      typeof param === 'number' ? param : formatParam(param, format),
    ]),
  );
  const style = {
    number: (n: number) => format.number(n),
    pluralCategory: numberStyle(format.locale ?? 'en').pluralCategory,
  };
  return formatMessage(format.template(value.code), params, style);
}
