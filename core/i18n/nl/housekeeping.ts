import type { Translation } from '../translation';
import type { housekeepingEn } from '../en/housekeeping';

export const housekeepingNl: Translation<typeof housekeepingEn> = {
  'housekeeping.disp.detail': '{quarantined} in quarantaine · {rejected} geweigerd · {delivered} afgeleverd',
  'housekeeping.title': '{page} — DMARC Lens',
};
