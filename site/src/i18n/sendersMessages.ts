// The Senders page's part of the message catalogue (core/i18n/en/senders.ts, its Dutch in core/i18n/nl/senders.ts).
export { sendersEn, sendersNl } from '../../../core/i18n';
