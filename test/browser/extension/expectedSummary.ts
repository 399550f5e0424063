// What the inline card must show for a file, computed in Node by core itself (parseReport + summarizeReport).
import { summarizeReport, type ReportSummary } from '../../../core/analysis/summarizeReport';
import { parseReport } from '../../../core/report/parseReport';

export async function expectedSummaries(
  bytes: Uint8Array,
  fileName: string,
  onlyInside?: string,
): Promise<ReportSummary[]> {
  const result = await parseReport(bytes, { fileName });
  if (!result.ok) throw new Error(`core could not read ${fileName}: ${result.error.message}`);
  const reports = onlyInside === undefined ? result.reports : result.reports.filter((r) => r.path.includes(onlyInside));
  return reports.map((parsed) => summarizeReport(parsed.report));
}
