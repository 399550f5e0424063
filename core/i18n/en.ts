// The English catalogue: every sentence DMARC Lens shows, from core, the site and the extension, under a key that
// names its place. The areas are separate files so that each stays readable; this is the one object they make.
import { dnsEn } from './en/dns';
import { dnsTextsEn } from './en/dnsTexts';
import { extensionEn } from './en/extension';
import { extensionPagesEn } from './en/extensionPages';
import { sendersEn } from './en/senders';
import { reportEn } from './en/report';
import { overviewEn } from './en/overview';
import { drilldownEn } from './en/drilldown';
import { housekeepingEn } from './en/housekeeping';
import { monitorEn } from './en/monitor';
import { siteEn } from './en/site';

export const en = {
  ...siteEn,
  ...dnsEn,
  ...dnsTextsEn,
  ...sendersEn,
  ...extensionEn,
  ...extensionPagesEn,
  ...reportEn,
  ...overviewEn,
  ...drilldownEn,
  ...housekeepingEn,
  ...monitorEn,
} as const;

export type MessageKey = keyof typeof en;
