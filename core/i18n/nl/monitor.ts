import type { Translation } from '../translation';
import type { monitorEn } from '../en/monitor';

export const monitorNl: Translation<typeof monitorEn> = {};
