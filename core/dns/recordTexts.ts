// Every sentence core/dns says to a person has a stable id; its text is in the message catalogue (core/i18n, English
// in core/i18n/en/dnsTexts.ts under `records.text.<id>`). Results carry the id with its parameters (a
// `DnsRecordSentence`) next to the English it renders to: the command line and the tests read the English, a page
// renders the id in its own language. A parameter may itself be a DnsRecordSentence, rendered in the same language
// (what a policy does, inside the sentence explaining p=).
import { en, formatMessage, numberStyle, type MessageKey, type TemplateParams } from '../i18n';

type RecordTextKey = Extract<MessageKey, `records.text.${string}`>;
export type RecordTextId = RecordTextKey extends `records.text.${infer Id}` ? Id : never;

/** The catalogue key of a sentence. */
export function recordTextKey(id: RecordTextId): RecordTextKey {
  return `records.text.${id}`;
}

/** The English of every sentence by id. */
export const RECORD_TEXTS = Object.fromEntries(
  (Object.keys(en) as MessageKey[])
    .filter((key): key is RecordTextKey => key.startsWith('records.text.'))
    .map((key) => [key.slice('records.text.'.length), en[key]]),
) as Readonly<Record<RecordTextId, string>>;

export type RecordTextParam = string | number | DnsRecordSentence;

/**
 * A sentence about DNS records by id with its parameters: render it with `englishText`, or translate the id. (Not the
 * text of a record itself, which is a plain string everywhere in core/dns.)
 */
export interface DnsRecordSentence {
  readonly id: RecordTextId;
  readonly params: Readonly<Record<string, RecordTextParam>>;
}

/** The parameters the English template of `Id` names. */
type ParamsOf<Id extends RecordTextId> = TemplateParams<(typeof en)[`records.text.${Id}`]>;

/** The sentence `id` with its parameters; the compiler checks every parameter the English template names is given. */
export function recordText<Id extends RecordTextId>(
  id: Id,
  ...params: [ParamsOf<Id>] extends [never] ? [] : [Record<ParamsOf<Id>, RecordTextParam>]
): DnsRecordSentence {
  return { id, params: params[0] ?? {} };
}

/**
 * Fills a sentence's template (`template(id)`, English by default) with its parameters, rendering nested sentences
 * with the same templates. Numbers go through `formatNumber`, so a page can write them its locale's way; plurals
 * follow `locale`'s rules.
 */
export function renderRecordText(
  text: DnsRecordSentence,
  template: (id: RecordTextId) => string = (id) => RECORD_TEXTS[id],
  formatNumber: (value: number) => string = String,
  locale = 'en',
): string {
  const style = { number: formatNumber, pluralCategory: numberStyle(locale).pluralCategory };
  const params = Object.fromEntries(
    Object.entries(text.params).map(([name, value]) => [
      name,
      typeof value === 'object' ? renderRecordText(value, template, formatNumber, locale) : value,
    ]),
  );
  return formatMessage(template(text.id), params, style);
}

export function englishText(text: DnsRecordSentence): string {
  return renderRecordText(text);
}

/** Items joined as a list sentence (`a and b and c` with `list.and`); a single item stands alone, none is ''. */
export function joinTexts(
  items: readonly RecordTextParam[],
  join: 'list.and' | 'list.comma' | 'dmarc.explain.fo.or',
): RecordTextParam {
  const [first, ...rest] = items;
  if (first === undefined) return '';
  return rest.length === 0 ? first : recordText(join, { first, rest: joinTexts(rest, join) });
}
