// The words of the extension's pages (popup, drop page, options), the card's included, in the language chosen in the
// options or the dashboard (the site's `dmarc-lens:locale`, in this extension origin's localStorage), else the
// browser's (see extensionText.ts).
import {
  extensionEn,
  extensionNl,
  extensionPagesEn,
  extensionPagesNl,
  translatorOf,
  type Translator,
} from '../../core/i18n';
import type { ExtensionKey } from './extensionText';
import { pageLocale as chosenPageLocale } from './languageSetting';

export type ExtensionPageKey = ExtensionKey | keyof typeof extensionPagesEn;

const pageLocale = chosenPageLocale();

export const extensionPageText: Translator<ExtensionPageKey> = translatorOf(
  pageLocale,
  pageLocale === 'nl' ? { ...extensionNl, ...extensionPagesNl } : { ...extensionEn, ...extensionPagesEn },
);
