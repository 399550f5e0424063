// The reporters table states each report's published policy as a DMARC record would (RFC 7489 §6.3 tag names, in
// record order): policy_published of real reports, as their XML has it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import { describePolicy } from '../../../site/src/dashboard/ReportersTable';

async function policyOf(path: string): Promise<string> {
  const result = await parseReport(new Uint8Array(readFileSync(`test/fixtures/reports/${path}`)), { fileName: path });
  const report = result.ok ? result.reports[0]?.report : undefined;
  if (report?.kind !== 'aggregate') throw new Error(`${path} is not an aggregate report`);
  return describePolicy(report.policy);
}

describe('describePolicy', () => {
  it.each([
    // adkim, domain, aspf, p, pct, sp in the XML: written in record order, without the domain.
    ['cry-inc__dmarc-report-viewer/hardfail.xml', 'p=quarantine; sp=quarantine; adkim=r; aspf=r; pct=100'],
    [
      'domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml',
      'p=none; adkim=r; aspf=r; pct=100; fo=0',
    ],
    // No adkim or aspf published: none stated.
    ['stalwartlabs__mail-auth/003.xml', 'p=none; sp=none; pct=100; fo=0'],
    // RFC 9990: np and testing (t=), no pct; discovery_method is no record tag.
    [
      'domainaware__parsedmarc/rfc9990-example.net!example.com!1700000000!1700086399.xml',
      'p=reject; sp=quarantine; np=reject; adkim=s; aspf=s; t=y; fo=1',
    ],
  ])('%s: %s', async (path, record) => {
    expect(await policyOf(path)).toBe(record);
  });

  it('leaves out empty values, and says nothing when nothing was published', () => {
    expect(
      describePolicy({ domain: 'example.com', p: 'reject', sp: 'none', adkim: 's', aspf: 'r', pct: 100, testing: 'n' }),
    ).toBe('p=reject; sp=none; adkim=s; aspf=r; pct=100; t=n');
    expect(describePolicy({ domain: 'example.com', p: 'none', fo: '' })).toBe('p=none');
    expect(describePolicy({ domain: 'example.com' })).toBe('');
  });
});
