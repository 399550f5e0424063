// Strings of the DNS records pages (site/src/records), in English and Dutch. Merged into the site catalogue by
// messages.ts; keys start with `records.`.
export const recordsEn = {} as const;

export const recordsNl: Record<keyof typeof recordsEn, string> = {};
