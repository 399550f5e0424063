// Sentences of record drill-down, exports, failure and TLS report detail views of the site. Keys start with `drilldown.`.
export const drilldownEn = {
  'drilldown.export.scope': 'Export',
  'drilldown.export.scopeView': 'this view',
  'drilldown.export.scopeEverything': 'everything stored',
  'drilldown.export.recordsCsv': 'Records CSV (parsedmarc)',
  'drilldown.export.recordsJson': 'Records JSON (parsedmarc)',
  'drilldown.export.reading': 'Reading every stored report…',
  'drilldown.export.failed': 'The export could not be made: {detail}',
  'drilldown.search.label': 'Search',
  'drilldown.search.placeholder': 'Service, domain, IP or CIDR',
  'drilldown.shown.sources': '{shown} of {count, plural, one {# source} other {# sources}} shown.',
  'drilldown.shown.addresses': '{shown} of {count, plural, one {# address} other {# addresses}} shown.',
  'drilldown.shown.next': 'Show {count} more',
  'drilldown.shown.all': 'Show all {count}',
} as const;
