// Strings of the Senders page (site/src/intel), in English and Dutch. Merged into the site catalogue by messages.ts;
// keys start with `senders.`.
export const sendersEn = {} as const;

export const sendersNl: Record<keyof typeof sendersEn, string> = {};
