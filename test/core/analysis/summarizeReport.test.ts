// The few numbers of one report at a glance (core/analysis/summarizeReport.ts), and the receiver's DMARC verdict.
import { describe, expect, it } from 'vitest';
import { receiverPassedDmarc, summarizeReport } from '../../../core/analysis/summarizeReport';
import { parseOneAggregate, recordXml, reportXml } from '../../helpers/reportXml';

describe('receiverPassedDmarc', () => {
  it('is the receiver’s verdict alone: either identifier passed in policy_evaluated', () => {
    expect(receiverPassedDmarc({ dkim: 'pass', spf: 'fail' })).toBe(true);
    expect(receiverPassedDmarc({ dkim: 'fail', spf: 'pass' })).toBe(true);
    // zoho.com fixture: fail next to an aligned DKIM pass in auth_results. The receiver's verdict stands here
    // (passesByVerdictOrAlignment in classifyRecord.ts says pass).
    expect(receiverPassedDmarc({ dkim: 'fail', spf: 'fail' })).toBe(false);
  });
});

describe('summarizeReport', () => {
  it('summarizes messages, pass rate and the failing sources', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        records: [
          recordXml({ ip: '192.0.2.1', count: 90 }),
          recordXml({
            ip: '203.0.113.9',
            count: 8,
            dkim: 'fail',
            spf: 'fail',
            authResults: '<spf><domain>spoof.example</domain><result>fail</result></spf>',
          }),
          recordXml({
            ip: '203.0.113.10',
            count: 2,
            dkim: 'fail',
            spf: 'fail',
            authResults: '<spf><domain>spoof.example</domain><result>fail</result></spf>',
          }),
        ],
      }),
    );
    const summary = summarizeReport(report);
    expect(summary).toMatchObject({
      kind: 'aggregate',
      messages: 100,
      dmarcPass: 90,
      dmarcPassRate: 0.9,
      sources: 3,
      dkimAlignedRate: 0.9,
    });
    expect(summary.kind === 'aggregate' && summary.topFailingSources).toEqual([
      { sourceIp: '203.0.113.9', messages: 8, headerFrom: 'example.com' },
      { sourceIp: '203.0.113.10', messages: 2, headerFrom: 'example.com' },
    ]);
  });
});
