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
};
