// Counting an SPF record's lookups offline (core/dns/estimateSpfLookups.ts): exact for the record's own terms, the
// catalogue's dated figures for the services it knows, and "not counted" for anything else — never "within the
// limit" when the count cannot be known.
import { describe, expect, it } from 'vitest';
import { findServiceById } from '../../../core/analysis/findSendingService';
import { SENDING_SERVICES } from '../../../core/analysis/sendingServices';
import { checkRecordText } from '../../../core/dns/checkRecordText';
import { estimateSpfLookups, spfEstimateIssues } from '../../../core/dns/estimateSpfLookups';
import { lookupPublishedRecords } from '../../../core/dns/lookupPublishedRecords';
import { parseSpfRecord, type SpfRecord } from '../../../core/dns/spfRecord';
import { fakeResolver } from './fakeResolver';

function parsed(text: string): SpfRecord {
  const result = parseSpfRecord(text);
  if (!result.ok) throw new Error(result.issues[0]?.message);
  return result.record;
}

/** The nine includes issue 15 names: Google, Microsoft, SES, SendGrid, Mailgun, Salesforce, Zendesk, Mailchimp, Mandrill. */
const NINE = [
  '_spf.google.com',
  'spf.protection.outlook.com',
  'amazonses.com',
  'sendgrid.net',
  'mailgun.org',
  '_spf.salesforce.com',
  'mail.zendesk.com',
  'servers.mcsv.net',
  'spf.mandrillapp.com',
];
const nineIncludes = `v=spf1 ${NINE.map((include) => `include:${include}`).join(' ')} ~all`;

describe('the catalogue figures', () => {
  it("name one of the service's own includes, a whole number of lookups and the month they were read", () => {
    const costs = SENDING_SERVICES.flatMap((s) => (s.spfLookupCosts ?? []).map((cost) => ({ service: s, cost })));
    expect(costs.length).toBeGreaterThanOrEqual(NINE.length);
    for (const { service, cost } of costs) {
      expect(service.spfIncludes).toContain(cost.include);
      expect(Number.isInteger(cost.lookups) && cost.lookups >= 0).toBe(true);
      expect(cost.asOf).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
    }
  });

  it('cover the nine common includes', () => {
    const ids = ['google', 'microsoft-365', 'amazon-ses', 'sendgrid', 'mailgun', 'salesforce', 'zendesk'];
    for (const id of [...ids, 'mailchimp', 'mandrill'])
      expect(findServiceById(id)?.spfLookupCosts?.map((c) => c.include)).toEqual([
        NINE[[...ids, 'mailchimp', 'mandrill'].indexOf(id)],
      ]);
  });
});

describe('estimateSpfLookups', () => {
  it('the nine common includes: 9 at the top level and 8 inside them, too many (estimate)', () => {
    const estimate = estimateSpfLookups(parsed(nineIncludes));
    expect(estimate).toEqual({
      direct: 9,
      total: 17,
      counted: NINE.map((include, index) => ({
        term: `include:${include}`,
        lookups: [3, 1, 0, 1, 2, 1, 0, 0, 0][index],
        asOf: '2025-01',
      })),
      uncounted: [],
      asOf: '2025-01',
    });
    const issues = spfEstimateIssues(estimate);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([['error', 'spf-too-many-lookups-estimate']]);
    expect(issues[0]?.message).toBe(
      "Too many lookups (estimate): about 17, counting what the included services' records cost as of 2025-01; receivers stop at 10 and SPF fails with permerror (RFC 7208 §4.6.4).",
    );
  });

  it('in the checker the nine includes are an error, where its own terms alone (9) passed', () => {
    const [check] = checkRecordText(nineIncludes);
    expect(check?.kind).toBe('spf');
    expect(check?.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual([
      'spf-too-many-lookups-estimate',
    ]);
    expect(check?.spfLookups?.total).toBe(17);
  });

  it('includes it does not know are named as not counted: 9 of 10 at the top level, never within the limit', () => {
    const unknown = Array.from({ length: 9 }, (_, i) => `include:spf${i + 1}.example.net`);
    const estimate = estimateSpfLookups(parsed(`v=spf1 ${unknown.join(' ')} -all`));
    expect(estimate).toMatchObject({ direct: 9, total: 9, counted: [], uncounted: unknown });
    expect(estimate.asOf).toBeUndefined();
    const issues = spfEstimateIssues(estimate);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'spf-lookups-not-counted']]);
    expect(issues[0]?.message).toBe(
      `9 of 10 lookups at the top level, nested not counted (${unknown.slice(0, 8).join(', ')} and ${unknown[8]}): turn on live lookups to count the whole tree.`,
    );
    const [check] = checkRecordText(`v=spf1 ${unknown.join(' ')} -all`);
    expect(check?.spfLookups?.uncounted).toEqual(unknown);
  });

  it('counts what it knows and names what it does not', () => {
    const estimate = estimateSpfLookups(parsed('v=spf1 mx include:_spf.google.com include:_spf.example.net ~all'));
    expect(estimate).toMatchObject({ direct: 3, total: 6, uncounted: ['include:_spf.example.net'], asOf: '2025-01' });
    expect(spfEstimateIssues(estimate).map((i) => i.message)).toEqual([
      "6 of 10 lookups counting the known services' records as of 2025-01 (an estimate); include:_spf.example.net not counted: turn on live lookups to count the whole tree.",
    ]);
    // Known services alone already over the limit: at least that many, whatever the unknown ones cost.
    const over = estimateSpfLookups(parsed(`v=spf1 ${nineIncludes.slice(7, -5)} include:_spf.example.net ~all`));
    expect(over).toMatchObject({ direct: 10, total: 18, uncounted: ['include:_spf.example.net'] });
    expect(spfEstimateIssues(over).map((i) => [i.code, i.message])).toEqual([
      [
        'spf-too-many-lookups-estimate',
        "Too many lookups (estimate): at least 18, counting the known services' records as of 2025-01, without include:_spf.example.net; receivers stop at 10 and SPF fails with permerror (RFC 7208 §4.6.4).",
      ],
    ]);
  });

  it('follows a redirect only without all (RFC 7208 §6.1), and never a macro', () => {
    expect(estimateSpfLookups(parsed('v=spf1 redirect=_spf.google.com'))).toMatchObject({ direct: 1, total: 4 });
    expect(spfEstimateIssues(estimateSpfLookups(parsed('v=spf1 redirect=_spf.google.com')))[0]?.message).toBe(
      "4 of 10 lookups (estimate), counting what the included services' records cost as of 2025-01; turn on live lookups for the exact tree.",
    );
    // Beside all the redirect is never read, so it costs nothing.
    expect(estimateSpfLookups(parsed('v=spf1 ip4:192.0.2.1 redirect=_spf.google.com -all'))).toMatchObject({
      direct: 0,
      total: 0,
      counted: [],
      uncounted: [],
    });
    expect(estimateSpfLookups(parsed('v=spf1 include:%{d}.spf.example.net -all'))).toMatchObject({
      direct: 1,
      uncounted: ['include:%{d}.spf.example.net'],
    });
  });

  it('says nothing when the record follows no include (its own count is exact) or is over by its own terms', () => {
    expect(spfEstimateIssues(estimateSpfLookups(parsed('v=spf1 ip4:192.0.2.0/24 a mx -all')))).toEqual([]);
    const eleven = `v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:s${i}.example.net`).join(' ')} -all`;
    expect(spfEstimateIssues(estimateSpfLookups(parsed(eleven)))).toEqual([]);
    expect(checkRecordText(eleven)[0]?.issues.map((i) => i.code)).toContain('spf-too-many-lookups');
  });

  it('with live lookups the published record gets the exact tree instead of an estimate', async () => {
    const resolver = fakeResolver({
      'example.org': { TXT: ['v=spf1 include:_spf.google.com ~all'] },
      '_spf.google.com': { TXT: ['v=spf1 ip4:192.0.2.0/24 ~all'] },
    });
    const report = await lookupPublishedRecords('example.org', resolver);
    const spf = report.checks.find((check) => check.kind === 'spf');
    expect(spf?.spfLookups).toBeUndefined();
    expect(spf?.issues.map((i) => i.code)).toEqual(['spf-softfail-all']);
    expect(report.spf?.lookups).toBe(1);
  });
});
