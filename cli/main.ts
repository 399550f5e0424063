// `dmarc-lens parse [--format json|csv|parsedmarc] FILE...` — the core, for pipelines and for checking.
// JSON and parsedmarc: one line per report found (or per file that failed). CSV: one row per aggregate record.
// Exit status 1 when any file failed, 2 on a usage error.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseReport } from '../core/report/parseReport';
import { toParsedmarcJson } from '../core/report/toParsedmarcJson';
import type { AggregateReport } from '../core/report/types';

const USAGE = `usage: dmarc-lens parse [--format json|csv|parsedmarc] FILE...

Reads DMARC aggregate reports (xml, gz, zip, eml, mbox), failure reports and SMTP TLS reports, entirely locally.
  --format json        one JSON line per report: {"file","type","report","warnings"} or {"file","error"} (default)
  --format csv         one row per aggregate record
  --format parsedmarc  one JSON line per report with parsedmarc's field names`;

type Format = 'json' | 'csv' | 'parsedmarc';

const CSV_COLUMNS = [
  'file', 'org_name', 'report_id', 'begin', 'end', 'domain', 'p', 'sp', 'adkim', 'aspf', 'pct', 'source_ip', 'count',
  'disposition', 'dkim', 'spf', 'header_from', 'envelope_from', 'envelope_to', 'dkim_aligned', 'spf_aligned',
  'dkim_domains', 'dkim_results', 'spf_domains', 'spf_results', 'reasons',
] as const;

function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRows(file: string, report: AggregateReport): string[] {
  const { metadata: m, policy: p } = report;
  return report.records.map((r) =>
    [
      file, m.orgName, m.reportId, new Date(m.begin * 1000).toISOString(), new Date(m.end * 1000).toISOString(),
      p.domain, p.p, p.sp, p.adkim, p.aspf, p.pct, r.sourceIp, r.count, r.disposition, r.dkim, r.spf, r.headerFrom,
      r.envelopeFrom, r.envelopeTo, r.dkimAligned, r.spfAligned,
      r.dkimResults.map((d) => d.domain).join(' '), r.dkimResults.map((d) => d.result).join(' '),
      r.spfResults.map((s) => s.domain).join(' '), r.spfResults.map((s) => s.result).join(' '),
      r.reasons.map((x) => x.type).join(' '),
    ].map(csvCell).join(','),
  );
}

export async function main(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'parse') {
    err(USAGE);
    return 2;
  }
  let format: Format = 'json';
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--format') {
      const value = rest[++i];
      if (value !== 'json' && value !== 'csv' && value !== 'parsedmarc') {
        err(`unknown format "${value ?? ''}"\n${USAGE}`);
        return 2;
      }
      format = value;
    } else if (arg.startsWith('--format=')) {
      rest.splice(i + 1, 0, arg.slice('--format='.length));
      rest[i] = '--format';
      i--;
    } else if (arg === '--help' || arg === '-h') {
      out(USAGE);
      return 0;
    } else files.push(arg);
  }
  if (files.length === 0) {
    err(USAGE);
    return 2;
  }
  if (format === 'csv') out(CSV_COLUMNS.join(','));
  let failed = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      failed++;
      const message = `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      if (format === 'csv') err(message);
      else out(JSON.stringify({ file, error: { code: 'unreadable', message } }));
      continue;
    }
    const result = await parseReport(bytes, { fileName: basename(file) });
    if (!result.ok) {
      failed++;
      if (format === 'csv') err(result.error.message);
      else out(JSON.stringify({ file, error: result.error, warnings: result.warnings }));
      continue;
    }
    for (const parsed of result.reports) {
      const warnings = [...parsed.warnings, ...result.warnings];
      if (format === 'json') out(JSON.stringify({ file, type: parsed.report.kind, path: parsed.path, report: parsed.report, warnings }));
      else if (format === 'parsedmarc') out(JSON.stringify(toParsedmarcJson(parsed.report)));
      else if (parsed.report.kind === 'aggregate') for (const row of csvRows(file, parsed.report)) out(row);
      else err(`${file}: ${parsed.report.kind} report has no aggregate records; use --format json`);
    }
  }
  return failed > 0 ? 1 : 0;
}
