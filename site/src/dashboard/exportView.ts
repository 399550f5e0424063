// Exports of what the dashboard shows (domain, period and source filters applied): CSV with one row per source IP,
// JSON with the headline, the daily series and the sources.
import { csvField, csvRow, isoFromReportSeconds } from '../../../core/report';
import type { Period, RecordSummary, SourceGroupTotals } from '../../../core/analysis';

export { csvField };

const CSV_COLUMNS = [
  'service',
  'class',
  'source_ip',
  'messages',
  'dmarc_pass',
  'dkim_aligned',
  'spf_aligned',
  'reporters',
  'spf_domains',
  'dkim_domains',
] as const;

export function sourcesCsv(groups: readonly SourceGroupTotals[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const g of groups) {
    for (const ip of g.ips) {
      lines.push(
        csvRow([
          g.name,
          g.sourceClass,
          ip.ip,
          ip.messages,
          ip.dmarcPass,
          ip.dkimAligned,
          ip.spfAligned,
          ip.reporters.join(' '),
          g.spfDomains.join(' '),
          g.dkimDomains.join(' '),
        ]),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function viewJson(
  domain: string | null,
  period: Period,
  summary: RecordSummary,
  groups: readonly SourceGroupTotals[],
): string {
  return JSON.stringify(
    {
      domain,
      period: { from: isoFromReportSeconds(period.from) ?? null, to: isoFromReportSeconds(period.to) ?? null },
      totals: summary.totals,
      daily: summary.daily,
      sources: groups.map(({ ips, ...group }) => ({ ...group, ips: ips.map(({ records: _records, ...ip }) => ip) })),
    },
    null,
    2,
  );
}

export function exportFileName(domain: string | null, extension: string): string {
  const day = new Date().toISOString().slice(0, 10);
  return `dmarc-lens-${(domain ?? 'all-domains').replace(/[^a-z0-9.-]/gi, '_')}-${day}.${extension}`;
}
