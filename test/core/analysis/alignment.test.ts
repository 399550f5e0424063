import { describe, expect, it } from 'vitest';
import { domainsAlign, organizationalDomain } from '../../../core/analysis/alignment';
import { reportKey } from '../../../core/analysis/reportKey';
import { summarizeReport } from '../../../core/analysis/summarizeReport';
import { parseOneAggregate, recordXml, reportXml } from '../../helpers/reportXml';

describe('organizational domain (RFC 7489 §3.2, Public Suffix List)', () => {
  it.each([
    ['mail.example.com', 'example.com'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['Example.COM.', 'example.com'],
    ['foo.github.io', 'foo.github.io'],
    ['localhost', 'localhost'],
  ])('%s → %s', (domain, org) => expect(organizationalDomain(domain)).toBe(org));
});

describe('domainsAlign (RFC 7489 §3.1)', () => {
  it('relaxed: same organizational domain', () => {
    expect(domainsAlign('bounce.example.com', 'news.example.com', 'r')).toBe(true);
    expect(domainsAlign('example.net', 'example.com', 'r')).toBe(false);
  });
  it('strict: identical names only, case-insensitive', () => {
    expect(domainsAlign('EXAMPLE.com', 'example.com', 's')).toBe(true);
    expect(domainsAlign('bounce.example.com', 'example.com', 's')).toBe(false);
  });
  it('empty domains never align', () => expect(domainsAlign('', '', 'r')).toBe(false));
});

describe('reportKey and summarizeReport', () => {
  it('keys on org name + report id, case preserved', async () => {
    const a = (await parseOneAggregate(reportXml({ metadata: '<org_name>Google.com</org_name><email>x@google.com</email><report_id>AbC</report_id><date_range><begin>1</begin><end>2</end></date_range>' }))).report;
    const b = (await parseOneAggregate(reportXml({ metadata: '<org_name>google.com</org_name><email>x@google.com</email><report_id>AbC</report_id><date_range><begin>1</begin><end>2</end></date_range>' }))).report;
    expect(reportKey(a)).not.toBe(reportKey(b));
    expect(reportKey(a)).toBe(reportKey(structuredClone(a)));
  });

  it('summarizes messages, pass rate and the failing sources', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        records: [
          recordXml({ ip: '192.0.2.1', count: 90 }),
          recordXml({ ip: '203.0.113.9', count: 8, dkim: 'fail', spf: 'fail', authResults: '<spf><domain>spoof.example</domain><result>fail</result></spf>' }),
          recordXml({ ip: '203.0.113.10', count: 2, dkim: 'fail', spf: 'fail', authResults: '<spf><domain>spoof.example</domain><result>fail</result></spf>' }),
        ],
      }),
    );
    const summary = summarizeReport(report);
    expect(summary).toMatchObject({ messages: 100, dmarcPass: 90, dmarcPassRate: 0.9, sources: 3, dkimAlignedRate: 0.9 });
    expect(summary.topFailingSources.map((s) => [s.sourceIp, s.messages])).toEqual([['203.0.113.9', 8], ['203.0.113.10', 2]]);
  });
});
