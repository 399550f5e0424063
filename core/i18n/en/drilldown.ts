// Sentences of record drill-down, exports, failure and TLS report detail views of the site. Keys start with `drilldown.`.
export const drilldownEn = {} as const;
