// The extension's words in the reader's language: Dutch when the browser's language is Dutch (nl, nl-*), else
// English. navigator.language is the browser's preferred language in its pages, its content scripts and its
// workers alike (Chromium: the UI language, `--lang`; Firefox: the first of its preferred languages), so the card in
// the webmail and the extension's own pages agree. Only the extension's area of the catalogue is loaded: the content
// script is injected into every webmail page.
import { extensionEn, extensionNl, localeOf, translatorOf, type Locale, type Translator } from '../../core/i18n';

export type ExtensionKey = keyof typeof extensionEn;

export function extensionTranslator(locale: Locale): Translator<ExtensionKey> {
  return translatorOf(locale, locale === 'nl' ? extensionNl : extensionEn);
}

export const extensionText: Translator<ExtensionKey> = extensionTranslator(
  localeOf(typeof navigator === 'undefined' ? undefined : navigator.language),
);
