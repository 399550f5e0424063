// The language chosen on the options page. Pages of the extension read it from their origin's localStorage (the site's
// `dmarc-lens:locale`, which the dashboard's own language menu writes too); the background (notifications) and the
// content script (the card, in the webmail's origin) read this copy in extension storage.
import { localeOf, type Locale } from '../../core/i18n';

export type LanguageSetting = 'browser' | Locale;

export const LANGUAGE_KEY = 'uiLanguage';

export const browserLocale = localeOf(typeof navigator === 'undefined' ? undefined : navigator.language);

export function toLanguageSetting(value: unknown): LanguageSetting {
  return value === 'en' || value === 'nl' ? value : 'browser';
}

export function localeOfSetting(setting: LanguageSetting): Locale {
  return setting === 'browser' ? browserLocale : setting;
}

export async function readLanguageSetting(): Promise<LanguageSetting> {
  return toLanguageSetting((await browser.storage.local.get(LANGUAGE_KEY))[LANGUAGE_KEY]);
}

export async function writeLanguageSetting(setting: LanguageSetting): Promise<void> {
  await browser.storage.local.set({ [LANGUAGE_KEY]: setting });
}

/** The language the extension's own pages write in: the site's setting in this origin's localStorage, else the browser's. */
export function pageLocale(): Locale {
  try {
    const saved = localStorage.getItem('dmarc-lens:locale');
    if (saved === 'en' || saved === 'nl') return saved;
  } catch {
    // No localStorage (a worker, a test): the browser's language.
  }
  return browserLocale;
}
