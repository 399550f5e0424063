// Source classes on real reports from the committed fixtures, each checked by hand against the record it comes from.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupSources } from '../../../core/analysis/groupSources';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateReport } from '../../../core/report/types';
import { loadAsnTableForTest } from './asnTableFile';

const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));

async function aggregateReports(path: string): Promise<AggregateReport[]> {
  const result = await parseReport(new Uint8Array(readFileSync(fixtures + path)), { fileName: path.split('/').pop()! });
  if (!result.ok) throw new Error(result.error.message);
  return result.reports.map((r) => r.report).filter((r): r is AggregateReport => r.kind === 'aggregate');
}

// [fixture, group key, messages, class, why the class is right]
const handChecked: Array<[string, string, number, string, string]> = [
  ['domainaware__parsedmarc/nice-input.xml', 'google', 2614, 'compliant', 'Google servers, DKIM d= the domain itself passes'],
  ['domainaware__parsedmarc/nice-input.xml', 'amazon-ses', 433, 'compliant', 'SES with Easy DKIM for the domain, aligned'],
  ['DSalko__dmarc_parser/complete.xml', 'sendgrid', 343, 'compliant', 'SendGrid with the customer’s own d= passing'],
  ['DSalko__dmarc_parser/complete.xml', 'google', 181, 'misconfigured', '112 messages signed only with the Workspace default d=…gappssmtp.com'],
  ['JamesJJ__dmarc-report-ses-tsv/mail-with-gzip-dmarc-report.txt', 'amazon-ses', 1, 'misconfigured', 'signed only d=amazonses.com, SPF for the SES bounce domain'],
  ['domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml', 'cisco-secure-email', 9, 'compliant', 'Zoho writes fail, but auth_results show DKIM d=example.com pass (IronPort outbound, AS16417)'],
  ['domainaware__parsedmarc/ikea.com!example.de!1538690400!1538776800.xml', 'ip:234.234.234.234', 1, 'compliant', 'IKEA writes dkim fail next to a passing d=example.de signature: the aligned pass counts'],
  ['danielsen__dmarc-aggregate-parser/sample_report.xml', 'asn:31034', 1, 'forwarded', 'own-domain signature failing, arriving from an Aruba server that is not the domain’s'],
  ['stalwartlabs__mail-auth/003.xml', 'topicbox', 8, 'forwarded', 'Topicbox list; receiver reason mailing_list'],
  ['stalwartlabs__mail-auth/003.xml', 'amazon-ses', 1, 'compliant', 'aligned DKIM'],
  ['freitagsrunde__dmarc-report-aggregator/google.eml', 'list:lists.tu-berlin.de', 2, 'forwarded', 'envelope lists.tu-berlin.de, a Mailman host'],
  ['freitagsrunde__dmarc-report-aggregator/mailru.eml', 'yahoo', 1, 'suspicious', 'forged: envelope yahoo.com neutral, unrelated failing signatures, from a Russian network'],
  ['cry-inc__dmarc-report-viewer/hardfail.xml', 'asn:9644', 1, 'suspicious', 'unknown Korean network, DKIM and SPF fail, rejected'],
  ['trusteddomainproject__OpenDMARC/good.com!example.com!1337270400!1337356799.xml', 'asn:4134', 1005, 'suspicious', 'Chinanet addresses, no signatures, SPF fail'],
];

describe('source classes on hand-checked fixture reports', () => {
  const table = loadAsnTableForTest();
  it.each(handChecked)('%s: %s (%i messages) is %s — %s', async (path, key, messages, cls) => {
    const groups = groupSources(await aggregateReports(path), { asnTable: table });
    const group = groups.find((g) => g.key === key);
    expect(group, `groups: ${groups.map((g) => g.key).join(', ')}`).toBeDefined();
    expect(group!.messages).toBe(messages);
    expect(group!.classification.class).toBe(cls);
    expect(group!.classification.reason.length).toBeGreaterThan(20);
    if (cls === 'misconfigured') expect(group!.classification.fix).toMatch(/DKIM/);
  });
});
