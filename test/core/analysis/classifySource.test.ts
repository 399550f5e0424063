// Source classes (core/analysis/classifySource.ts) on real reports from the committed fixtures, each checked by hand
// against the records it comes from: the class, the message counts in its reason, the DKIM domain its fix names.
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

// [fixture, group key, messages, class, why the class is right, the reason and fix the page shows]
const handChecked: Array<[string, string, number, string, string, string, string | null]> = [
  [
    'domainaware__parsedmarc/nice-input.xml',
    'google',
    2614,
    'compliant',
    'Google servers, DKIM d= the domain itself passes',
    '100% of 2,614 messages from Google Workspace / Gmail pass DMARC with aligned DKIM.',
    null,
  ],
  [
    'domainaware__parsedmarc/nice-input.xml',
    'amazon-ses',
    433,
    'compliant',
    'SES with Easy DKIM for the domain, aligned',
    '100% of 433 messages from Amazon SES pass DMARC with aligned DKIM.',
    null,
  ],
  [
    'DSalko__dmarc_parser/complete.xml',
    'sendgrid',
    343,
    'compliant',
    'SendGrid with the customer’s own d= passing',
    '100% of 343 messages from Twilio SendGrid pass DMARC with aligned DKIM.',
    null,
  ],
  [
    'DSalko__dmarc_parser/complete.xml',
    'google',
    69,
    'compliant',
    'Google servers (AS15169) relaying opserv.io mail with its own d=opserv.io signature passing',
    '100% of 69 messages from Google Workspace / Gmail pass DMARC with aligned DKIM.',
    null,
  ],
  [
    'DSalko__dmarc_parser/complete.xml',
    'others:google',
    112,
    'forwarded',
    'signed by other organisations’ Workspace tenants (condenast-com-tw, unicstay-com …gappssmtp.com) and sportskeeda.com, each with Gmail’s override local_policy arc=pass: opserv.io mail they forwarded',
    "112 of 112 messages from Others' accounts at Google Workspace / Gmail failed DMARC after forwarding: the receivers marked them as forwarded or mailing-list mail (policy override). Nothing to fix for these unless you send from this source; keep DKIM signing everything so forwarded copies can pass.",
    null,
  ],
  [
    'JamesJJ__dmarc-report-ses-tsv/mail-with-gzip-dmarc-report.txt',
    'amazon-ses',
    1,
    'misconfigured',
    'signed only d=amazonses.com, SPF for the SES bounce domain',
    "Amazon SES sent 1 of 1 message as example.com without aligned DKIM or SPF, so DMARC fails. If you do not use Amazon SES, someone else's Amazon SES account is sending as example.com: report it to Amazon SES.",
    'Turn on DKIM signing with d=example.com at the Amazon SES console (Verified identities › Easy DKIM) (it signs as amazonses.com today, which does not align); optionally set a custom return-path under example.com at Amazon SES so SPF aligns as well.',
  ],
  [
    'domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml',
    'cisco-secure-email',
    9,
    'compliant',
    'Zoho writes fail, but auth_results show DKIM d=example.com pass (IronPort outbound, AS16417)',
    '100% of 9 messages from Cisco Secure Email (IronPort Cloud) pass DMARC with aligned DKIM.',
    null,
  ],
  [
    'domainaware__parsedmarc/ikea.com!example.de!1538690400!1538776800.xml',
    'ip:234.234.234.234',
    1,
    'compliant',
    'IKEA writes dkim fail next to a passing d=example.de signature: the aligned pass counts',
    '100% of 1 message from 234.234.234.234 pass DMARC with aligned DKIM.',
    null,
  ],
  [
    'danielsen__dmarc-aggregate-parser/sample_report.xml',
    'asn:31034',
    1,
    'forwarded',
    'own-domain signature failing, arriving from an Aruba server that is not the domain’s',
    '1 of 1 message from AS31034 Aruba S.p.A. failed DMARC after forwarding: they carry your DKIM signature (d=mail6.acme-company.net) but arrive from a server you do not send from, so the signature broke on the way. Nothing to fix for these unless you send from this source; keep DKIM signing everything so forwarded copies can pass.',
    null,
  ],
  [
    'stalwartlabs__mail-auth/003.xml',
    'topicbox',
    8,
    'forwarded',
    'Topicbox list; receiver reason mailing_list',
    '8 of 8 messages from Topicbox failed DMARC after forwarding: the receivers marked them as forwarded or mailing-list mail (policy override). Nothing to fix for these unless you send from this source; keep DKIM signing everything so forwarded copies can pass.',
    null,
  ],
  [
    'stalwartlabs__mail-auth/003.xml',
    'amazon-ses',
    1,
    'compliant',
    'aligned DKIM',
    '100% of 1 message from Amazon SES pass DMARC with aligned DKIM.',
    null,
  ],
  [
    'freitagsrunde__dmarc-report-aggregator/google.eml',
    'asn:680',
    4,
    'forwarded',
    'freitagsrunde.org’s own signature failing from TU Berlin’s network; the envelope lists.tu-berlin.de gets SPF none, so it vouches for nobody',
    '4 of 4 messages from AS680 Verein zur Foerderung eines Deutschen Forschungsnetzes e.V. failed DMARC after forwarding: they carry your DKIM signature (d=freitagsrunde.org) but arrive from a server you do not send from, so the signature broke on the way. Nothing to fix for these unless you send from this source; keep DKIM signing everything so forwarded copies can pass.',
    null,
  ],
  [
    'freitagsrunde__dmarc-report-aggregator/mailru.eml',
    'asn:16345',
    1,
    'suspicious',
    'forged: envelope yahoo.com only SPF neutral and the signatures fail, so neither names a sender; a Russian access network',
    '1 of 1 message failed both DKIM and SPF: an unrecognised sender used freitagsrunde.org in From from networks registered in Russia (1). Unless this is a sender you use, it is spoofing; p=quarantine or p=reject stops it from reaching inboxes.',
    null,
  ],
  [
    'cry-inc__dmarc-report-viewer/hardfail.xml',
    'asn:9644',
    1,
    'suspicious',
    'unknown Korean network, DKIM and SPF fail, rejected',
    '1 of 1 message failed both DKIM and SPF: an unrecognised sender used mydomain.org in From from networks registered in South Korea (1). Receivers rejected or quarantined 1. Unless this is a sender you use, it is spoofing; p=quarantine or p=reject stops it from reaching inboxes.',
    null,
  ],
  [
    'trusteddomainproject__OpenDMARC/good.com!example.com!1337270400!1337356799.xml',
    'asn:4134',
    1005,
    'suspicious',
    'Chinanet addresses, no signatures, SPF fail; 991 of the failing ones blocked (one more quarantined had passed)',
    '991 of 1,005 messages failed both DKIM and SPF: an unrecognised sender used example.com in From from networks registered in China (1,005). Receivers rejected or quarantined 991. Unless this is a sender you use, it is spoofing; p=quarantine or p=reject stops it from reaching inboxes.',
    null,
  ],
];

describe('source classes on hand-checked fixture reports', () => {
  const table = loadAsnTableForTest();
  it.each(handChecked)('%s: %s (%i messages) is %s — %s', async (path, key, messages, cls, _why, reason, fix) => {
    const groups = groupSources(await aggregateReports(path), { asnTable: table });
    const group = groups.find((g) => g.key === key);
    expect(group, `groups: ${groups.map((g) => g.key).join(', ')}`).toBeDefined();
    expect(group!.messages).toBe(messages);
    expect(group!.classification.class).toBe(cls);
    expect(group!.classification.reason).toBe(reason);
    expect(group!.classification.fix ?? null).toBe(fix);
  });
});
