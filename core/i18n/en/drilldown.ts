// Sentences of record drill-down, exports, failure and TLS report detail views of the site. Keys start with `drilldown.`.
export const drilldownEn = {
  'drilldown.export.scope': 'Export',
  'drilldown.export.scopeView': 'this view',
  'drilldown.export.scopeEverything': 'everything stored',
  'drilldown.export.recordsCsv': 'Records CSV (parsedmarc)',
  'drilldown.export.recordsJson': 'Records JSON (parsedmarc)',
  'drilldown.export.reading': 'Reading every stored report…',
  'drilldown.export.failed': 'The export could not be made: {detail}',
} as const;
