// The dashboard's reporters table: one row per reporting organization, built from stored rows of real reports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import type { StoredAggregateReport } from '../../../core/store/schema';
import { toReportRows } from '../../../core/store/toStoredReport';
import { buildReporterRows, describePolicy } from '../../../site/src/dashboard/ReportersTable';
import { FIXTURE_REPORTS } from '../../corpus/readManifest';

async function stored(path: string): Promise<StoredAggregateReport> {
  const result = await parseReport(readFileSync(FIXTURE_REPORTS + path), { fileName: path });
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  const row = toReportRows(result.reports[0]!, { fileName: path, importedAt: 0 }).report;
  if (row.kind !== 'aggregate') throw new Error(`${path} is not an aggregate report`);
  return row;
}

describe('buildReporterRows', () => {
  it('Yahoo under two names and two domains is one row with both names, its reports, messages and overrides', async () => {
    const reports = await Promise.all(
      ['cry-inc__dmarc-report-viewer/yahoo.xml', 'danielsen__dmarc-aggregate-parser/sample_report.xml'].map(stored),
    );
    const overrides = new Map([
      ['Yahoo', new Map([['forwarded' as const, 2]])],
      ['Yahoo! Inc.', new Map([['forwarded' as const, 1]])],
    ]);
    const rows = buildReporterRows(reports, overrides);
    expect(rows.map((r) => ({ ...r, reports: r.reports.map((s) => s.fileName), overrides: [...r.overrides] }))).toEqual(
      [
        {
          key: 'd:yahoo.com',
          name: 'Yahoo',
          aliases: ['Yahoo! Inc.', 'yahoo.com'],
          reports: ['cry-inc__dmarc-report-viewer/yahoo.xml', 'danielsen__dmarc-aggregate-parser/sample_report.xml'],
          messages: reports[0]!.messageCount + reports[1]!.messageCount,
          policies: [...new Set(reports.map((r) => r.report.policy))].map(() => expect.any(String) as string),
          overrides: [['forwarded', 3]],
          warnings: 0,
        },
      ],
    );
  });

  it('lists every distinct policy an organization stated, in the order first seen, however its reports alternate', async () => {
    const report = await stored('cry-inc__dmarc-report-viewer/yahoo.xml');
    const policy = report.report.policy;
    /** A value of a field other than the policy's own. */
    const other = <T>(value: T | undefined, a: T, b: T): T => (value === a ? b : a);
    const variants = [
      policy,
      { ...policy, pct: other(policy.pct, 50, 20) },
      { ...policy, testing: other(policy.testing, 'y', 'n') },
      { ...policy, domain: `mail.${policy.domain}` },
      { ...policy, p: other(policy.p, 'reject', 'none') },
      { ...policy, sp: other(policy.sp, 'quarantine', 'none') },
      { ...policy, np: other(policy.np, 'reject', 'none') },
      { ...policy, adkim: other(policy.adkim, 's', 'r') },
      { ...policy, aspf: other(policy.aspf, 's', 'r') },
      { ...policy, fo: other(policy.fo, '1', 'd') },
    ];
    // Each variant after the policy itself, then each again, then runs of the same one.
    const order = [0, 1, 0, 2, 3, 3, 0, 4, 5, 6, 7, 8, 9, 9, 1, 2, 0, 0, 9, 4];
    const reports = order.map((i): StoredAggregateReport => ({
      ...report,
      key: `${report.key}-${i}`,
      report: { ...report.report, policy: variants[i]! },
    }));
    const [row] = buildReporterRows(reports, new Map());
    const lines = order.map((i) => `${variants[i]!.domain}: ${describePolicy(variants[i]!)}`);
    expect(new Set(lines).size).toBe(variants.length);
    expect(row!.policies).toEqual([...new Set(lines)]);
  });
});
