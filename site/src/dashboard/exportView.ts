// Exports of what the dashboard shows (domain, period and source filters applied), or of everything stored:
// - the summary CSV, one row per source address with that address's own domains, dates, dispositions and policy;
// - the summary JSON, with the headline, the daily series and the sources;
// - per record, parsedmarc's aggregate JSON (its report objects, each with the records exported) for pipelines built
//   on parsedmarc, and its aggregate CSV (its columns in its order, a row per record or per day of a record).
// The summary CSV starts with a UTF-8 byte-order mark: Excel reads a CSV without one in the system's code page, and
// garbles every non-ASCII org name or domain.
import {
  csvField,
  csvRow,
  isoFromReportSeconds,
  PARSEDMARC_CSV_HEADER,
  parsedmarcAggregateParts,
  parsedmarcCsvRows,
  type StoredRecord,
} from '../../../core/report';
import { describeSourceIp, type Period, type RecordSummary, type SourceGroupTotals } from '../../../core/analysis';
import type { StoredAggregateReport } from '../../../core/store';

export { csvField };

export const UTF8_BOM = '\uFEFF';

export const SUMMARY_CSV_COLUMNS = [
  'service',
  'class',
  'source_ip',
  'domain',
  'header_from',
  'begin_date',
  'end_date',
  'messages',
  'dmarc_pass',
  'dkim_aligned',
  'spf_aligned',
  'disposition_none',
  'disposition_quarantine',
  'disposition_reject',
  'disposition_pass',
  'policy',
  'reporters',
  'spf_domains',
  'dkim_domains',
] as const;

/** What the exports read of the stored reports in view: each report's head, by key. */
export type ReportsByKey = ReadonlyMap<string, Pick<StoredAggregateReport, 'report' | 'begin' | 'end'>>;

export function reportsByKey(reports: readonly StoredAggregateReport[] | undefined): ReportsByKey {
  return new Map((reports ?? []).map((r) => [r.key, r]));
}

/** `YYYY-MM-DD HH:MM:SS` (UTC), as parsedmarc and spreadsheets read a time; empty for a time no date has. */
function csvTime(seconds: number | undefined): string | undefined {
  const iso = seconds === undefined ? undefined : isoFromReportSeconds(seconds);
  return iso?.replace('T', ' ').replace(/\.\d{3}Z$/, '');
}

/** One row per source address, in the groups' order, every cell made from that address's records alone. */
export function sourcesCsv(groups: readonly SourceGroupTotals[], period: Period, reports: ReportsByKey): string {
  const lines = [csvRow(SUMMARY_CSV_COLUMNS)];
  const policyOf = (key: string) => reports.get(key)?.report.policy;
  for (const g of groups) {
    for (const ip of g.ips) {
      const detail = describeSourceIp(ip.records.list(), period, policyOf);
      lines.push(
        csvRow([
          g.name,
          g.sourceClass,
          ip.ip,
          detail.policyDomains.join(' '),
          detail.headerFromDomains.join(' '),
          csvTime(detail.firstBegin),
          csvTime(detail.lastEnd),
          ip.messages,
          ip.dmarcPass,
          ip.dkimAligned,
          ip.spfAligned,
          detail.dispositions.none,
          detail.dispositions.quarantine,
          detail.dispositions.reject,
          detail.dispositions.pass,
          detail.policies.join(' '),
          ip.reporters.join(' '),
          detail.spfDomains.join(' '),
          detail.dkimDomains.join(' '),
        ]),
      );
    }
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * The dates the view really covers: the period, narrowed to the first begin and last end of the reports in it (so
 * "all time" is the reports' own dates, not the year 10000). Null dates with no report in view.
 */
export function coveredDates(period: Period, reports: ReportsByKey): { from: string | null; to: string | null } {
  let first: number | undefined;
  let last: number | undefined;
  for (const r of reports.values()) {
    if (first === undefined || r.begin < first) first = r.begin;
    if (last === undefined || r.end > last) last = r.end;
  }
  if (first === undefined || last === undefined) return { from: null, to: null };
  return {
    from: isoFromReportSeconds(Math.max(period.from, first)) ?? null,
    to: isoFromReportSeconds(Math.min(period.to, last)) ?? null,
  };
}

export function viewJson(
  domain: string | null,
  period: Period,
  summary: RecordSummary,
  groups: readonly SourceGroupTotals[],
  reports: ReportsByKey,
): string {
  const policyOf = (key: string) => reports.get(key)?.report.policy;
  return JSON.stringify(
    {
      domain,
      period: coveredDates(period, reports),
      totals: summary.totals,
      daily: summary.daily,
      sources: groups.map(({ ips, ...group }) => ({
        ...group,
        ips: ips.map(({ records, ...ip }) => {
          const detail = describeSourceIp(records.list(), period, policyOf);
          return {
            ...ip,
            domains: detail.policyDomains,
            headerFrom: detail.headerFromDomains,
            from: detail.firstBegin === undefined ? null : (isoFromReportSeconds(detail.firstBegin) ?? null),
            to: detail.lastEnd === undefined ? null : (isoFromReportSeconds(detail.lastEnd) ?? null),
            dispositions: detail.dispositions,
            policies: detail.policies,
            spfDomains: detail.spfDomains,
            dkimDomains: detail.dkimDomains,
          };
        }),
      })),
    },
    null,
    2,
  );
}

/** The records of the sources shown, each once, in report order within each report. */
export function recordsOfSources(groups: readonly SourceGroupTotals[]): StoredRecord[] {
  const seen = new Set<string>();
  const out: StoredRecord[] = [];
  for (const g of groups) {
    for (const ip of g.ips) {
      for (const record of ip.records.list()) {
        const id = `${record.reportKey}\u0000${record.id[3]}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(record);
      }
    }
  }
  return out.sort((a, b) => (a.reportKey < b.reportKey ? -1 : a.reportKey > b.reportKey ? 1 : a.id[3] - b.id[3]));
}

/** The records by report, in the order their reports are first met; records of a report whose head is missing go. */
function byReport(
  records: readonly StoredRecord[],
  reports: ReportsByKey,
): Array<{ head: StoredAggregateReport['report']; records: StoredRecord[] }> {
  const out = new Map<string, { head: StoredAggregateReport['report']; records: StoredRecord[] }>();
  for (const record of records) {
    let entry = out.get(record.reportKey);
    if (!entry) {
      const head = reports.get(record.reportKey)?.report;
      if (!head) continue;
      out.set(record.reportKey, (entry = { head, records: [] }));
    }
    entry.records.push(record);
  }
  return [...out.values()];
}

/** parsedmarc's aggregate JSON (a list of its report objects), each report holding the records exported of it. */
export function parsedmarcJson(records: readonly StoredRecord[], reports: ReportsByKey): string {
  return JSON.stringify(
    byReport(records, reports).map(({ head, records: of }) => {
      const parts = parsedmarcAggregateParts(head);
      return { ...parts.head, records: of.map((r) => parts.record(r.record)) };
    }),
    null,
    2,
  );
}

/**
 * parsedmarc's aggregate CSV of the records, as its writer makes it (no byte-order mark: tools reading parsedmarc's
 * CSV expect its first column to be named `xml_schema`).
 */
export function parsedmarcCsv(records: readonly StoredRecord[], reports: ReportsByKey): string {
  let out = PARSEDMARC_CSV_HEADER;
  for (const { head, records: of } of byReport(records, reports)) {
    for (const r of of) out += parsedmarcCsvRows(head, r.record);
  }
  return out;
}

export function exportFileName(domain: string | null, extension: string, kind = ''): string {
  const day = new Date().toISOString().slice(0, 10);
  const what = kind ? `-${kind}` : '';
  return `dmarc-lens-${(domain ?? 'all-domains').replace(/[^a-z0-9.-]/gi, '_')}${what}-${day}.${extension}`;
}
