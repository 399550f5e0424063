import type { Translation } from '../translation';
import type { drilldownEn } from '../en/drilldown';

export const drilldownNl: Translation<typeof drilldownEn> = {};
