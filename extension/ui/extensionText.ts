// The extension's words in the reader's language: the one chosen on the options page (languageSetting.ts), else Dutch
// when the browser's language is Dutch (nl, nl-*), else English. navigator.language is the browser's preferred language in its pages, its content scripts and its
// workers alike (Chromium: the UI language; Firefox: the first of its preferred languages), so the card in the
// webmail and the extension's own pages agree. The content script is injected into every webmail page, so it loads
// only the card's area of the catalogue (`extensionText`); the extension's pages add their own (extensionPageText.ts,
// a module of its own so that the content script's bundle leaves it out).
import { extensionEn, extensionNl, translatorOf, type Locale, type Translator } from '../../core/i18n';
import { browserLocale, LANGUAGE_KEY, localeOfSetting, pageLocale, toLanguageSetting } from './languageSetting';

export type ExtensionKey = keyof typeof extensionEn;

export { browserLocale };

export function extensionTranslator(locale: Locale): Translator<ExtensionKey> {
  return translatorOf(locale, locale === 'nl' ? extensionNl : extensionEn);
}

const inExtensionPage =
  typeof location !== 'undefined' &&
  (location.protocol === 'chrome-extension:' || location.protocol === 'moz-extension:');
let current = extensionTranslator(inExtensionPage ? pageLocale() : browserLocale);

/** The card's words and report numbers, in the language chosen (once extension storage has said which). */
export const extensionText: Translator<ExtensionKey> = {
  get locale() {
    return current.locale;
  },
  t: (key, params) => current.t(key, params),
  format: (template, params) => current.format(template, params),
  number: (value) => current.number(value),
};

// In the webmail the page's localStorage is not ours: the content script learns the choice from extension storage,
// before any card is drawn in practice (a card waits for its attachment to be read).
if (!inExtensionPage && typeof browser !== 'undefined' && browser.storage?.local !== undefined) {
  browser.storage.local.get(LANGUAGE_KEY).then(
    (stored) => {
      current = extensionTranslator(localeOfSetting(toLanguageSetting(stored[LANGUAGE_KEY])));
    },
    () => undefined,
  );
}
