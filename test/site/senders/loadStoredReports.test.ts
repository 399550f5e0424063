// The Senders page's "what changed since the last import" takes the reports of the newest import: those stored with
// its start time as importedAt, however close in time another import came.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateReport } from '../../../core/report/types';
import type { StoredAggregateReport } from '../../../core/store/schema';
import { splitByLastImport, type LoadedReport } from '../../../site/src/senders/loadStoredReports';

const xml = readFileSync(new URL('../../fixtures/reports/DSalko__dmarc_parser/complete.xml', import.meta.url));

async function reportWithId(reportId: string): Promise<AggregateReport> {
  const result = await parseReport(new Uint8Array(xml), { fileName: 'complete.xml' });
  if (!result.ok) throw new Error('the fixture must parse');
  const report = result.reports[0]!.report as AggregateReport;
  return { ...report, metadata: { ...report.metadata, reportId } };
}

/** Only importedAt of the stored row is read by the split. */
const loaded = (report: AggregateReport, importedAt: number): LoadedReport => ({
  stored: { importedAt } as StoredAggregateReport,
  report,
});

describe('splitByLastImport', () => {
  it('keeps two imports a minute apart apart, and takes every report of the newest one', async () => {
    const started = Date.UTC(2026, 11, 5, 9, 0);
    const [a, b, c] = await Promise.all(['first', 'second-1', 'second-2'].map(reportWithId));
    const { imported, previous } = splitByLastImport([
      loaded(b!, started + 60_000),
      loaded(a!, started),
      loaded(c!, started + 60_000),
    ]);
    expect(imported.map((r) => r.metadata.reportId)).toEqual(['second-1', 'second-2']);
    expect(previous.map((r) => r.metadata.reportId)).toEqual(['first']);
  });

  it('has nothing imported when nothing is stored', () => {
    expect(splitByLastImport([])).toEqual({ imported: [], previous: [] });
  });
});
