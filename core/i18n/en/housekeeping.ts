// Sentences of the site's print report, installable app, data page housekeeping and page titles. Keys start with `housekeeping.`.
export const housekeepingEn = {} as const;
