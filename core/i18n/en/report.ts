// Sentences of core report reading: parse errors and warnings (core/report). Keys start with `report.`.
export const reportEn = {} as const;
