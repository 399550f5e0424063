import type { Translation } from '../translation';
import type { drilldownEn } from '../en/drilldown';

export const drilldownNl: Translation<typeof drilldownEn> = {
  'drilldown.export.scope': 'Exporteer',
  'drilldown.export.scopeView': 'deze weergave',
  'drilldown.export.scopeEverything': 'alles wat bewaard is',
  'drilldown.export.recordsCsv': 'Records-CSV (parsedmarc)',
  'drilldown.export.recordsJson': 'Records-JSON (parsedmarc)',
  'drilldown.export.reading': 'Alle bewaarde rapporten worden gelezen…',
  'drilldown.export.failed': 'De export is niet gelukt: {detail}',
  'drilldown.search.label': 'Zoeken',
  'drilldown.search.placeholder': 'Dienst, domein, IP of CIDR',
  'drilldown.shown.sources': '{shown} van {count, plural, one {# bron} other {# bronnen}} getoond.',
  'drilldown.shown.addresses': '{shown} van {count, plural, one {# adres} other {# adressen}} getoond.',
  'drilldown.shown.next': 'Toon {count} meer',
  'drilldown.shown.all': 'Toon alle {count}',
};
