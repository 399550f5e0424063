// The words of the extension's pages (popup, drop page, options), the card's included, in the reader's language
// (see extensionText.ts).
import {
  extensionEn,
  extensionNl,
  extensionPagesEn,
  extensionPagesNl,
  translatorOf,
  type Translator,
} from '../../core/i18n';
import { browserLocale, type ExtensionKey } from './extensionText';

export type ExtensionPageKey = ExtensionKey | keyof typeof extensionPagesEn;

export const extensionPageText: Translator<ExtensionPageKey> = translatorOf(
  browserLocale,
  browserLocale === 'nl' ? { ...extensionNl, ...extensionPagesNl } : { ...extensionEn, ...extensionPagesEn },
);
