// TLS report drill-down on real reports: per receiving MX and per failure type, each adding up to the report's
// failed sessions (RFC 8460's own example: 303 = 100 + 200 + 3), with what the details leave out or name beyond the
// summary shown apart (Mail.ru: two details of one session under a count of one).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import type { TlsReport } from '../../../core/report/types';
import type { StoredTlsReport } from '../../../core/store/schema';
import { buildTlsRows } from '../../../site/src/dashboard/tlsView';

const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));

async function stored(path: string): Promise<StoredTlsReport> {
  const result = await parseReport(new Uint8Array(readFileSync(fixtures + path)), { fileName: path });
  const report = result.ok ? result.reports[0]?.report : undefined;
  if (report?.kind !== 'tls') throw new Error(path);
  const tls: TlsReport = report;
  const sum = (f: (p: TlsReport['policies'][number]) => number) => tls.policies.reduce((s, p) => s + f(p), 0);
  return {
    kind: 'tls',
    key: path,
    domain: tls.policies[0]?.policyDomain ?? '',
    orgName: tls.organizationName,
    begin: tls.begin,
    end: tls.end,
    fileName: path,
    path: [],
    warnings: [],
    importedAt: 0,
    report: tls,
    successfulSessions: sum((p) => p.successfulSessions),
    failedSessions: sum((p) => p.failedSessions),
  };
}

describe('buildTlsRows', () => {
  it('breaks RFC 8460’s example down per MX and per failure type, each summing to its 303 failed sessions', async () => {
    const [row, ...rest] = buildTlsRows([await stored('domainaware__parsedmarc/rfc8460.json')]);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      policyType: 'sts',
      policyDomain: 'company-y.example',
      mxHosts: ['*.mail.company-y.example'],
      reports: 1,
      successful: 5326,
      failed: 303,
      undetailed: 0,
      detailedBeyond: 0,
    });
    expect(row!.byMx).toEqual([
      { name: 'mx2.mail.company-y.example', failed: 200 },
      { name: 'mx1.mail.company-y.example', failed: 100 },
      { name: 'mx-backup.mail.company-y.example', failed: 3 },
    ]);
    expect(row!.byType).toEqual([
      { name: 'starttls-not-supported', failed: 200 },
      { name: 'certificate-expired', failed: 100 },
      { name: 'validation-failure', failed: 3 },
    ]);
  });

  it('adds reports of one policy together: two validation failures at one MX of example.com', async () => {
    const rows = buildTlsRows([await stored('domainaware__parsedmarc/smtp_tls.json')]);
    expect(rows.map((r) => [r.failed, r.byMx, r.byType])).toEqual([
      [3, [{ name: 'example.com', failed: 3 }], [{ name: 'validation-failure', failed: 3 }]],
    ]);
  });

  it('says when the details name more failed sessions than the summary (Mail.ru), and keeps MX-less details apart', async () => {
    const [row] = buildTlsRows([await stored('domainaware__parsedmarc/mail.ru.json')]);
    expect(row).toMatchObject({ failed: 1, undetailed: 0, detailedBeyond: 1 });
    expect(row!.byMx).toEqual([{ name: '', failed: 2 }]);
    expect(row!.byType).toEqual([{ name: 'sts-policy-fetch-error', failed: 2 }]);
  });

  it('keeps only the asked policy domain’s rows', async () => {
    const reports = [
      await stored('domainaware__parsedmarc/rfc8460.json'),
      await stored('domainaware__parsedmarc/smtp_tls.json'),
    ];
    expect(buildTlsRows(reports, 'example.com').map((r) => r.policyDomain)).toEqual(['example.com']);
    expect(buildTlsRows(reports).map((r) => r.policyDomain)).toEqual(['company-y.example', 'example.com']);
  });
});
