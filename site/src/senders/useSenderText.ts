// Sender intelligence in the reader's language: core's explanations (core/analysis/explanation.ts) read through the
// `senders.explain.*` templates of the catalogue (core/i18n), group labels, and counted nouns (plural templates).
import type { ComponentChildren } from 'preact';
import {
  explanationFormatOf,
  formatExplanation,
  type ExplanationParam,
  labelExplanation,
} from '../../../core/analysis';
import type { MessageKey } from '../../../core/i18n';
import { useI18n, type I18n } from '../i18n/i18n';

/** Keys of counted nouns: their text is a plural of `{count}`. */
export type CountKey = Extract<MessageKey, `senders.count.${string}` | `senders.unit.${string}`>;

export interface SenderText {
  /** An explanation, or any of its parameters, in the reader's language. */
  explain(value: ExplanationParam): string;
  /** A source group's label (its key and English label, as groupSources gives them). */
  label(key: string, label: string): string;
  /** `count` with the singular or plural of the noun `key` names. */
  count(key: CountKey, count: number): string;
}

function senderText({ locale, t, number }: I18n): SenderText {
  const count = (key: CountKey, value: number) => t(key, { count: value });
  const format = explanationFormatOf({ locale, t, number });
  const explain = (value: ExplanationParam) => formatExplanation(value, format);
  return { explain, label: (key, label) => explain(labelExplanation(key, label)), count };
}

/** One SenderText per locale's I18n: every row of a table asks for it. */
const byI18n = new WeakMap<I18n, SenderText>();

export function useSenderText(): SenderText {
  const i18n = useI18n();
  let text = byI18n.get(i18n);
  if (!text) byI18n.set(i18n, (text = senderText(i18n)));
  return text;
}

/**
 * A template (`t(key)` without parameters) with elements in place of its `{name}` parameters, for sentences with
 * emphasis or code inside: the text stays text, the elements are the caller's.
 */
export function fillTemplate(
  template: string,
  elements: Readonly<Record<string, ComponentChildren>>,
): ComponentChildren[] {
  return template.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? (elements[part] ?? `{${part}}`) : part));
}
