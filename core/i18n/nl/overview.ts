import type { Translation } from '../translation';
import type { overviewEn } from '../en/overview';

export const overviewNl: Translation<typeof overviewEn> = {};
