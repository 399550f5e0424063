// The Dutch catalogue. Each area is typed by its English area (`Translation`), so a missing or an extra key is a
// compile error there; `Catalogue` checks the whole once more.
import type { MessageKey } from './en';
import { dnsNl } from './nl/dns';
import { dnsTextsNl } from './nl/dnsTexts';
import { extensionNl } from './nl/extension';
import { extensionPagesNl } from './nl/extensionPages';
import { sendersNl } from './nl/senders';
import { reportNl } from './nl/report';
import { overviewNl } from './nl/overview';
import { drilldownNl } from './nl/drilldown';
import { housekeepingNl } from './nl/housekeeping';
import { monitorNl } from './nl/monitor';
import { siteNl } from './nl/site';

export type Catalogue = Readonly<Record<MessageKey, string>>;

export const nl: Catalogue = {
  ...siteNl,
  ...dnsNl,
  ...dnsTextsNl,
  ...sendersNl,
  ...extensionNl,
  ...extensionPagesNl,
  ...reportNl,
  ...overviewNl,
  ...drilldownNl,
  ...housekeepingNl,
  ...monitorNl,
};
