import type { Translation } from '../translation';
import type { reportEn } from '../en/report';

export const reportNl: Translation<typeof reportEn> = {};
