// The extension's words in the reader's language: Dutch when the browser's language is Dutch (nl, nl-*), else
// English. navigator.language is the browser's preferred language in its pages, its content scripts and its
// workers alike (Chromium: the UI language; Firefox: the first of its preferred languages), so the card in the
// webmail and the extension's own pages agree. The content script is injected into every webmail page, so it loads
// only the card's area of the catalogue (`extensionText`); the extension's pages add their own (extensionPageText.ts,
// a module of its own so that the content script's bundle leaves it out).
import { extensionEn, extensionNl, localeOf, translatorOf, type Locale, type Translator } from '../../core/i18n';

export type ExtensionKey = keyof typeof extensionEn;

export const browserLocale = localeOf(typeof navigator === 'undefined' ? undefined : navigator.language);

export function extensionTranslator(locale: Locale): Translator<ExtensionKey> {
  return translatorOf(locale, locale === 'nl' ? extensionNl : extensionEn);
}

/** The card's words and report numbers. */
export const extensionText: Translator<ExtensionKey> = extensionTranslator(browserLocale);
