// The site reads the message catalogue of core/i18n: every string, in English and Dutch, under one key type.
export { en, nl, type MessageKey } from '../../../core/i18n';
