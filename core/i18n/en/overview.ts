// Sentences of the domain overview, time axis and trends of the site. Keys start with `overview.`.
export const overviewEn = {} as const;
