// Sentences of the site's print report, installable app, data page housekeeping and page titles. Keys start with `housekeeping.`.
export const housekeepingEn = {
  // The "Quarantined or rejected" card: what its percentage is made of, then what was delivered.
  'housekeeping.disp.detail': '{quarantined} quarantined · {rejected} rejected · {delivered} delivered',
  // The document title of each page: the page's name from the menu, then the site's.
  'housekeeping.title': '{page} — DMARC Lens',
} as const;
