// "Policy as they saw it" in the reporters table names the domain of each policy: one reporter, google.com here,
// reports on several domains, and a bare "p=reject" does not say for which.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import type { StoredAggregateReport } from '../../../core/store/schema';
import { toReportRows } from '../../../core/store/toStoredReport';
import { buildReporterRows } from '../../../site/src/dashboard/ReportersTable';
import { FIXTURE_REPORTS } from '../../corpus/readManifest';

async function stored(path: string): Promise<StoredAggregateReport> {
  const result = await parseReport(readFileSync(FIXTURE_REPORTS + path), { fileName: path });
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  const row = toReportRows(result.reports[0]!, { fileName: path, importedAt: 0 }).report;
  if (row.kind !== 'aggregate') throw new Error(`${path} is not an aggregate report`);
  return row;
}

describe('the policies a reporter saw', () => {
  it('say for which domain each is', async () => {
    // <policy_published>: secure.200permits.com adkim s, aspf s, p reject, sp reject, pct 100, np reject;
    // stalw.art adkim r, aspf r, p none, sp none, pct 100.
    const reports = await Promise.all(
      [
        'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml',
        'stalwartlabs__mail-auth/100.eml',
      ].map(stored),
    );
    const rows = buildReporterRows(reports, new Map());
    expect(rows).toHaveLength(1);
    expect(rows[0]!.policies).toEqual([
      'secure.200permits.com: p=reject; sp=reject; np=reject; adkim=s; aspf=s; pct=100',
      'stalw.art: p=none; sp=none; adkim=r; aspf=r; pct=100',
    ]);
  });
});
