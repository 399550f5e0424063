// The DNS records pages' part of the message catalogue (core/i18n/en/dns.ts and dnsTexts.ts, with their Dutch in
// core/i18n/nl/), as one object per language for the tests that compare the two.
import { dnsEn, dnsNl, dnsTextsEn, dnsTextsNl } from '../../../core/i18n';

export { recordTextKey } from '../../../core/dns/recordTexts';

export const recordsEn = { ...dnsEn, ...dnsTextsEn };
export const recordsNl: Record<keyof typeof recordsEn, string> = { ...dnsNl, ...dnsTextsNl };
