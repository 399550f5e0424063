// The text the CLI writes, one function per piece. An aggregate report is written in three pieces (opening, records
// batch by batch, closing) so that its records go out as they are parsed; the pieces join into the same JSON line a
// whole report gives. Nothing here throws on any value a report's type allows (NaN, 1e20 seconds, lone surrogates).
import {
  csvRow,
  isoFromReportSeconds,
  parsedmarcAggregateParts,
  toParsedmarcJson,
  type AggregateReportHead,
  type AggregateRecord,
  type ParsedReport,
  type Report,
  type ReportError,
  type ReportPath,
} from '../core/report';
import { stringifyJson } from './stringifyJson';

export const CSV_COLUMNS = [
  'file',
  'org_name',
  'report_id',
  'begin',
  'end',
  'domain',
  'p',
  'sp',
  'adkim',
  'aspf',
  'pct',
  'source_ip',
  'count',
  'disposition',
  'dkim',
  'spf',
  'header_from',
  'envelope_from',
  'envelope_to',
  'dkim_aligned',
  'spf_aligned',
  'dkim_domains',
  'dkim_results',
  'spf_domains',
  'spf_results',
  'reasons',
] as const;

export const CSV_HEADER = `${csvRow(CSV_COLUMNS)}\n`;

/** One CSV row per record, each ending in a line feed. A time no date has (NaN, 1e20 seconds) is an empty cell. */
export function csvRecordRows(file: string, head: AggregateReportHead, records: readonly AggregateRecord[]): string {
  const { metadata: m, policy: p } = head;
  const begin = isoFromReportSeconds(m.begin);
  const end = isoFromReportSeconds(m.end);
  let rows = '';
  for (const r of records) {
    rows += csvRow([
      file,
      m.orgName,
      m.reportId,
      begin,
      end,
      p.domain,
      p.p,
      p.sp,
      p.adkim,
      p.aspf,
      p.pct,
      r.sourceIp,
      r.count,
      r.disposition,
      r.dkim,
      r.spf,
      r.headerFrom,
      r.envelopeFrom,
      r.envelopeTo,
      r.dkimAligned,
      r.spfAligned,
      r.dkimResults.map((d) => d.domain).join(' '),
      r.dkimResults.map((d) => d.result).join(' '),
      r.spfResults.map((s) => s.domain).join(' '),
      r.spfResults.map((s) => s.result).join(' '),
      r.reasons.map((x) => x.type).join(' '),
    ]);
    rows += '\n';
  }
  return rows;
}

/** `{"file", "type", "path", "report", "warnings"}` for a whole report, with its line feed. */
export function jsonReportLine(file: string, parsed: ParsedReport, warnings: readonly string[]): string {
  return `${stringifyJson({ file, type: parsed.report.kind, path: parsed.path, report: parsed.report, warnings })}\n`;
}

/** `{"file", "error", "warnings"}` for a file that gave no report, with its line feed. */
export function jsonErrorLine(
  file: string,
  error: ReportError | { code: string; message: string },
  warnings?: readonly string[],
): string {
  return `${stringifyJson(warnings === undefined ? { file, error } : { file, error, warnings })}\n`;
}

/** The JSON text of `object` without its closing brace, ready for more fields: `{"a":1,` (or `{` when empty). */
function openObject(object: object): string {
  const text = stringifyJson(object);
  return text === '{}' ? '{' : `${text.slice(0, -1)},`;
}

/** The aggregate report's JSON line up to its first record: `{"file",…,"report":{…,"records":[`. */
export function jsonAggregateOpening(file: string, path: ReportPath, report: AggregateReportHead): string {
  const { records: _records, ...head } = report as AggregateReportHead & { records?: unknown };
  return `${openObject({ file, type: 'aggregate', path })}"report":${openObject(head)}"records":[`;
}

/** Records inside the `records` array; `first` when none was written before them. */
export function jsonRecords(records: readonly AggregateRecord[], first: boolean): string {
  let text = '';
  for (let i = 0; i < records.length; i++)
    text += i === 0 && first ? stringifyJson(records[i]) : `,${stringifyJson(records[i])}`;
  return text;
}

/** The end of an aggregate report's JSON line, with its line feed. */
export function jsonAggregateClosing(warnings: readonly string[]): string {
  return `]},"warnings":${stringifyJson(warnings)}}\n`;
}

/** A whole report in parsedmarc's field names, with its line feed. */
export function parsedmarcLine(report: Report): string {
  return `${stringifyJson(toParsedmarcJson(report))}\n`;
}

/** An aggregate report in parsedmarc's names, written in pieces like {@link jsonAggregateOpening}. */
export interface ParsedmarcAggregateWriter {
  opening: string;
  records(records: readonly AggregateRecord[], first: boolean): string;
  closing: string;
}

export function parsedmarcAggregateWriter(head: AggregateReportHead): ParsedmarcAggregateWriter {
  const parts = parsedmarcAggregateParts(head);
  return {
    opening: `${openObject(parts.head)}"records":[`,
    records(records, first) {
      let text = '';
      for (let i = 0; i < records.length; i++) {
        const json = stringifyJson(parts.record(records[i]!));
        text += i === 0 && first ? json : `,${json}`;
      }
      return text;
    },
    closing: ']}\n',
  };
}
