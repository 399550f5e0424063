// Locale context: `useI18n()` gives `t(key, params)` and number/percent/date formatters for the chosen language.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import {
  LOCALES,
  createTranslator,
  localeOf,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../../../core/i18n';

export { LOCALES, type Locale };

/** Its functions use no `this`: pages take them out of the object (`const { t } = useI18n()`). */
export interface I18n {
  locale: Locale;
  /** The catalogue sentence `key`; `{name}` parameters filled in, numbers and plurals the locale's way. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Whole numbers with thousands separators. */
  number: (value: number) => string;
  /** A share as a percentage with one decimal; "–" when there is nothing to divide. */
  percent: (part: number, whole: number) => string;
  /** A UTC day (YYYY-MM-DD or Unix seconds) in the locale's short date form. */
  date: (value: string | number) => string;
  dateTime: (unixSeconds: number) => string;
}

export function createI18n(locale: Locale): I18n {
  const translator = createTranslator(locale);
  const percentFormat = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return {
    locale,
    t: translator.t,
    number: translator.number,
    percent: (part, whole) => (whole > 0 ? percentFormat.format(part / whole) : '–'),
    date: (value) => {
      const time = typeof value === 'number' ? value * 1000 : Date.parse(`${value}T00:00:00Z`);
      return Number.isFinite(time) ? dateFormat.format(time) : String(value);
    },
    dateTime: (unixSeconds) => dateTimeFormat.format(unixSeconds * 1000),
  };
}

const I18nContext = createContext<I18n>(createI18n('en'));

export function I18nProvider({ locale, children }: { locale: Locale; children: ComponentChildren }) {
  const value = useMemo(() => createI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function preferredLocale(): Locale {
  const saved = readSetting('locale');
  if (saved === 'en' || saved === 'nl') return saved;
  return localeOf(typeof navigator !== 'undefined' ? navigator.language : undefined);
}

/** Settings live in localStorage under one prefix; storage can be unavailable (private modes), which is fine. */
export function readSetting(name: string): string | null {
  try {
    return localStorage.getItem(`dmarc-lens:${name}`);
  } catch {
    return null;
  }
}

export function writeSetting(name: string, value: string): void {
  try {
    localStorage.setItem(`dmarc-lens:${name}`, value);
  } catch {
    // Not persisted: the choice holds for this visit.
  }
}
