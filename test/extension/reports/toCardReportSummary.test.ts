// The card's numbers for real reports of each kind, worked out by hand from the fixtures' XML, JSON and headers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import { toCardReportSummary } from '../../../extension/reports/toCardReportSummary';
import type { CardReportSummary } from '../../../extension/messaging/messages';

async function cards(path: string): Promise<CardReportSummary[]> {
  const result = await parseReport(new Uint8Array(readFileSync(`test/fixtures/reports/${path}`)), { fileName: path });
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  return result.reports.map(toCardReportSummary);
}

describe('toCardReportSummary', () => {
  it('aggregate: messages, the receiver’s DMARC verdict as the pass rate, failing sources largest first', async () => {
    // Fastmail's report for stalw.art: 64.147.108.117 ×3, 173.228.157.66 ×4 and 64.147.108.173 ×1 fail both
    // policy_evaluated results (the first two with a trusted_forwarder reason, which does not make them pass);
    // 54.240.8.13 ×1 passes DKIM. 1 of 9 messages passed.
    expect(await cards('stalwartlabs__mail-auth/003.xml')).toEqual([
      {
        kind: 'aggregate',
        key: 'aggregate\u0000Fastmail Pty Ltd\u0000758848224',
        orgName: 'Fastmail Pty Ltd',
        domain: 'stalw.art',
        begin: 1667347200,
        end: 1667433599,
        messages: 9,
        passRate: 1 / 9,
        topFailingSources: [
          { label: '173.228.157.66', count: 4 },
          { label: '64.147.108.117', count: 3 },
          { label: '64.147.108.173', count: 1 },
        ],
        details: [],
        warnings: [],
      },
    ]);
  });

  it('aggregate: five failing sources at most, ties in the report’s order', async () => {
    // Zoho: eight records, every one failing both policy_evaluated results; 216.71.148.247 sent 2, the rest 1 each.
    const [card] = await cards('domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml');
    expect(card).toEqual({
      kind: 'aggregate',
      key: 'aggregate\u0000zoho.com\u0000e2cb5d97-dcbb-470f-b2dd-45519a2abbb3',
      orgName: 'zoho.com',
      domain: 'example.com',
      begin: 1581753600,
      end: 1581840000,
      messages: 9,
      passRate: 0,
      topFailingSources: [
        { label: '216.71.148.247', count: 2 },
        { label: '216.71.146.18', count: 1 },
        { label: '216.71.143.97', count: 1 },
        { label: '216.71.146.224', count: 1 },
        { label: '216.71.143.87', count: 1 },
      ],
      details: [],
      warnings: [],
    });
  });

  it('TLS: sessions as messages, the successful share, and one line naming the failure types', async () => {
    // 0 successful and 3 failed sessions (2 + 1 validation-failure) on 2024-01-09, UTC.
    expect(await cards('domainaware__parsedmarc/smtp_tls.json')).toEqual([
      {
        kind: 'tls',
        key: 'tls\u0000Example Inc.\u00002024-01-09T00:00:00Z_example.com',
        orgName: 'Example Inc.',
        domain: 'example.com',
        begin: Date.UTC(2024, 0, 9) / 1000,
        end: Date.UTC(2024, 0, 9, 23, 59, 59) / 1000,
        messages: 3,
        passRate: 0,
        topFailingSources: [],
        details: ['3 failed sessions: validation-failure'],
        warnings: [],
      },
    ]);
    // Microsoft: two policies (sts and tlsa) with 2 successful sessions each and no failure.
    expect(await cards('cry-inc__dmarc-report-viewer/microsoft.json')).toEqual([
      {
        kind: 'tls',
        key: 'tls\u0000Microsoft Corporation\u0000133925885310113267+random.net',
        orgName: 'Microsoft Corporation',
        domain: 'random.net',
        begin: Date.UTC(2025, 4, 23) / 1000,
        end: Date.UTC(2025, 4, 23, 23, 59, 59) / 1000,
        messages: 4,
        passRate: 1,
        topFailingSources: [],
        details: [],
        warnings: [],
      },
    ]);
  });

  it('failure: one message from its Source-IP, dated by its Arrival-Date, naming the Auth-Failure', async () => {
    // LinkedIn's report: User-Agent Lua/1.0, Source-IP 10.10.10.10, Auth-Failure dmarc, Reported-Domain example.com,
    // Arrival-Date Tue, 30 Apr 2019 02:09:00 +0000.
    const arrival = Date.UTC(2019, 3, 30, 2, 9) / 1000;
    expect(await cards('domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml')).toEqual([
      {
        kind: 'failure',
        key: [
          'failure',
          'example.com',
          '10.10.10.10',
          'Tue, 30 Apr 2019 02:09:00 +0000',
          '<01010101010101010101010101010101@ABAB01MS0016.someserver.loc>',
          'Tue, 30 Apr 2019 02:09:00 +0000',
        ].join('\u0000'),
        orgName: 'Lua/1.0',
        domain: 'example.com',
        begin: arrival,
        end: arrival,
        messages: 1,
        passRate: undefined,
        topFailingSources: [{ label: '10.10.10.10', count: 1 }],
        details: ['Authentication failure: dmarc'],
        warnings: [],
      },
    ]);
  });
});
