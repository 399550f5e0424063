// Writes the reports of one input file while it is parsed. Aggregate records arrive batch by batch (parseReportStream's
// onRecords) and are written at once; the parse result, with each report's warnings and the reports that have no
// streamed records (failure and TLS reports, aggregate reports without records), comes at the end of the file.
//
// A JSON line ends with the report's warnings, which are known only then. The first aggregate report with records is
// written straight out and its line finished at the end; every later one is spooled (memory, then a temporary file)
// and written after it, in reading order with the reports that had no records to stream, so that lines never
// interleave and memory stays flat however large the reports are. parsedmarc lines are written the same way.
import { basename } from 'node:path';
import {
  parsedmarcCsvRows,
  parsedmarcFailureCsvRow,
  parsedmarcTlsCsvRows,
  type ParsedReportWithStats,
  type AggregateReportHead,
  type AggregateRecord,
  type ParseResult,
  type ParsedReport,
  type ReportPath,
} from '../core/report';
import {
  csvRecordRows,
  jsonAggregateClosing,
  jsonAggregateOpening,
  jsonErrorLine,
  jsonRecords,
  jsonReportLine,
  parsedmarcAggregateWriter,
  parsedmarcLine,
  type ParsedmarcAggregateWriter,
} from './formatReports';
import {
  elasticAggregateLines,
  elasticFailureLines,
  elasticTlsLines,
  splunkAggregateLines,
  splunkFailureLine,
  splunkTlsLine,
} from './outputs/dashboards';
import { type BackupReport, type BackupWriter } from './outputs/backup';
import { onlyTheFirst } from './countText';
import { runReporter } from './progress';
import { Spool } from './Spool';

export type Format = 'json' | 'csv' | 'parsedmarc' | 'parsedmarc-csv' | 'es' | 'splunk' | 'backup';

/** Formats written line by line from each record, with no per-report opening or closing. */
export function isRecordLines(format: Format): format is 'csv' | 'parsedmarc-csv' | 'es' | 'splunk' | 'backup' {
  return (
    format === 'csv' || format === 'parsedmarc-csv' || format === 'es' || format === 'splunk' || format === 'backup'
  );
}

/** Where the CLI writes: `write` may buffer; `ready` waits until a slow reader has taken what was buffered. */
export interface Output {
  write(text: string): void;
  ready(): Promise<void>;
}

/**
 * Where the reports that have no place in the main output go: with `--format parsedmarc-csv`, parsedmarc's failure and
 * SMTP TLS CSVs (`--failure-csv FILE`, `--tls-csv FILE`).
 */
export interface SideOutputs {
  failureCsv?: (text: string) => void;
  tlsCsv?: (text: string) => void;
  /** With `--format backup`: the run's backup, which knows the reports written by earlier files. */
  backup?: BackupWriter;
}

/** An aggregate report whose records are being (or were) written as they came. */
interface StreamedReport {
  head: AggregateReportHead;
  path: ReportPath;
  records: number;
  /** Null: written straight to the output. */
  spool: Spool | null;
  parsedmarc?: ParsedmarcAggregateWriter;
  backup?: BackupReport;
}

export class FileReportWriter {
  private readonly streamed: StreamedReport[] = [];
  private current: StreamedReport | undefined;
  private currentHead: AggregateReportHead | undefined;
  private countedAlready = false;

  constructor(
    private readonly format: Format,
    /** The file as named on the command line. */
    private readonly file: string,
    private readonly out: Output,
    private readonly note: (line: string) => void,
    private readonly side: SideOutputs = {},
  ) {}

  /** For parseReportStream's `onRecords`: one batch of the report whose head is `head`. */
  readonly onRecords = (records: AggregateRecord[], head: AggregateReportHead, path: ReportPath): void => {
    if (head !== this.currentHead) this.start(head, path);
    const report = this.current!;
    let text: string;
    if (this.format === 'csv') text = csvRecordRows(this.file, head, records);
    else if (this.format === 'es') {
      text = '';
      for (let i = 0; i < records.length; i++) text += elasticAggregateLines(head, records[i]!, report.records + i);
    } else if (this.format === 'parsedmarc-csv') {
      text = '';
      for (const record of records) text += parsedmarcCsvRows(head, record);
    } else if (this.format === 'splunk') {
      text = '';
      for (const record of records) text += splunkAggregateLines(head, record);
    } else if (report.backup) text = this.side.backup!.records(report.backup, records);
    else if (report.parsedmarc) text = report.parsedmarc.records(records, report.records === 0);
    else text = jsonRecords(records, report.records === 0);
    report.records += records.length;
    runReporter().addRecords(records.length);
    if (report.spool) report.spool.write(text);
    else this.out.write(text);
  };

  private start(head: AggregateReportHead, path: ReportPath): void {
    this.currentHead = head;
    if (isRecordLines(this.format)) {
      const backup = this.side.backup?.start(basename(this.file), head, path);
      this.current = { head, path, records: 0, spool: null, ...(backup && { backup }) };
    } else {
      const spool = this.streamed.length === 0 ? null : new Spool();
      const parsedmarc = this.format === 'parsedmarc' ? parsedmarcAggregateWriter(head) : undefined;
      this.current = { head, path, records: 0, spool, ...(parsedmarc && { parsedmarc }) };
      const opening = parsedmarc ? parsedmarc.opening : jsonAggregateOpening(this.file, path, head);
      if (spool) spool.write(opening);
      else this.out.write(opening);
    }
    this.streamed.push(this.current);
  }

  /** Writes what is left once the file is read. Returns whether the file failed. */
  async finish(result: ParseResult): Promise<boolean> {
    this.counted(result.ok ? result.reports.length : 0);
    const write = async (text: string): Promise<void> => {
      this.out.write(text);
      await this.out.ready();
    };
    const fileWarnings = result.warnings;
    const matched = new Map<StreamedReport, ParsedReportWithStats>();
    let next = 0;
    for (const parsed of result.ok ? (result.reports as ParsedReportWithStats[]) : []) {
      const at =
        parsed.report.kind === 'aggregate' && (parsed.stats?.records ?? 0) > 0 ? this.findStreamed(parsed, next) : -1;
      if (at >= 0) {
        matched.set(this.streamed[at]!, parsed);
        next = at + 1;
      }
    }
    // Streamed reports missing from the result broke off (the file was cut short) or were refused after their head.
    const brokenOff = (report: StreamedReport): string[] => [
      `${report.path.join(' › ')}: ${onlyTheFirst(report.records)} could be read; the rest of this report is missing`,
      ...(result.ok ? fileWarnings : [result.error.message, ...fileWarnings]),
    ];
    const warningsOf = (report: StreamedReport): string[] => {
      const parsed = matched.get(report);
      return parsed ? [...parsed.warnings, ...fileWarnings] : brokenOff(report);
    };

    if (isRecordLines(this.format)) {
      for (const report of this.streamed) if (!matched.has(report)) this.error(brokenOff(report).join('; '));
      const streamedAs = new Map([...matched].map(([report, parsed]) => [parsed, report]));
      for (const parsed of result.ok ? result.reports : []) {
        const report = parsed.report;
        const backup = this.side.backup;
        if (backup) {
          const streamed = streamedAs.get(parsed)?.backup;
          const text = streamed
            ? backup.finish(streamed, [...fileWarnings, ...parsed.warnings])
            : backup.whole(basename(this.file), parsed, fileWarnings);
          if (text === undefined) this.warn(this.alreadyInBackup(parsed));
          else await write(text);
          continue;
        }
        const { failureCsv, tlsCsv } = this.side;
        if (this.format === 'es' && report.kind === 'tls') await write(elasticTlsLines(report));
        else if (this.format === 'es' && report.kind === 'failure') await write(elasticFailureLines(report));
        else if (this.format === 'splunk' && report.kind === 'tls') await write(splunkTlsLine(report));
        else if (this.format === 'splunk' && report.kind === 'failure') await write(splunkFailureLine(report));
        else if (this.format === 'parsedmarc-csv' && report.kind === 'failure' && failureCsv)
          failureCsv(parsedmarcFailureCsvRow(report));
        else if (this.format === 'parsedmarc-csv' && report.kind === 'tls' && tlsCsv)
          tlsCsv(parsedmarcTlsCsvRows(report));
        else if (report.kind !== 'aggregate') this.warn(this.notWritten(report.kind));
      }
    } else {
      // parsedmarc lines carry no warnings: a report cut short is said on stderr.
      const close = async (report: StreamedReport): Promise<void> => {
        const closing = report.parsedmarc ? report.parsedmarc.closing : jsonAggregateClosing(warningsOf(report));
        if (report.parsedmarc && !matched.has(report)) this.error(brokenOff(report).join('; '));
        if (!report.spool) return write(closing);
        report.spool.write(closing);
        await report.spool.drainTo(write);
      };
      // The first streamed report is open on the output: it ends first, then every other report in reading order.
      const [open] = this.streamed;
      if (open) await close(open);
      const streamedAs = new Map([...matched].map(([report, parsed]) => [parsed, report]));
      for (const parsed of result.ok ? (result.reports as ParsedReportWithStats[]) : []) {
        const report = streamedAs.get(parsed);
        if (report && report === open) continue;
        if (report) await close(report);
        else if (this.format === 'json')
          await write(jsonReportLine(this.file, parsed, [...parsed.warnings, ...fileWarnings]));
        else await write(parsedmarcLine(parsed.report));
      }
      for (const report of this.streamed) if (report !== open && !matched.has(report)) await close(report);
    }

    if (this.format !== 'json') {
      // CSV rows and parsedmarc lines have no place for warnings: what was corrected or left out (a record with an
      // impossible count, a refused report of the file) is said on stderr, once, naming the file.
      const warnings = new Set([...(result.ok ? result.reports.flatMap((p) => p.warnings) : []), ...fileWarnings]);
      for (const warning of warnings) this.warn(`${this.file}: ${warning}`);
    }
    if (result.ok) return false;
    if (isRecordLines(this.format)) this.error(result.error.message);
    else await write(jsonErrorLine(this.file, result.error, result.warnings));
    return true;
  }

  /** The file counted once as read for the progress line, with its reports. */
  private counted(reports: number): void {
    if (this.countedAlready) return;
    this.countedAlready = true;
    runReporter().fileDone(reports);
  }

  /** What was corrected or left out: silent with --quiet. */
  private warn(line: string): void {
    const run = runReporter();
    if (run.quiet) return;
    run.clear();
    this.note(line);
  }

  /** What could not be read: always said. */
  private error(line: string): void {
    runReporter().clear();
    this.note(line);
  }

  /** Why a report of this file is not in the backup a second time. */
  private alreadyInBackup({ report }: ParsedReport): string {
    const what =
      report.kind === 'aggregate'
        ? `aggregate report ${report.metadata.reportId} from ${report.metadata.orgName || 'an unnamed reporter'}`
        : report.kind === 'tls'
          ? `SMTP TLS report ${report.reportId} from ${report.organizationName}`
          : `failure report about ${report.reportedDomain ?? 'an unnamed domain'}`;
    return `${this.file}: the ${what} is in this backup already (an earlier file held it too); written once`;
  }

  /** Why a failure or TLS report is missing from this format's output, and how to have it written. */
  private notWritten(kind: 'failure' | 'tls'): string {
    const what = `${this.file}: ${kind === 'tls' ? 'SMTP TLS' : 'failure'} report is not written as --format ${this.format}`;
    if (this.format === 'parsedmarc-csv') return `${what}; add ${kind === 'tls' ? '--tls-csv' : '--failure-csv'} FILE`;
    return `${what}; use --format json`;
  }

  /** The first streamed report from `from` on that is `parsed` (same place, report id and number of records). */
  private findStreamed(parsed: ParsedReportWithStats, from: number): number {
    for (let at = from; at < this.streamed.length; at++) {
      const report = this.streamed[at]!;
      if (report.head === parsed.report || this.isSame(report, parsed)) return at;
    }
    return -1;
  }

  private isSame(report: StreamedReport, parsed: ParsedReportWithStats): boolean {
    const head = parsed.report as AggregateReportHead;
    return (
      report.records === parsed.stats?.records &&
      report.head.metadata.reportId === head.metadata.reportId &&
      report.path.length === parsed.path.length &&
      report.path.every((part, i) => part === parsed.path[i])
    );
  }

  /** Frees spooled output when reading was abandoned midway (the output was closed). */
  discard(): void {
    this.counted(0);
    for (const report of this.streamed) report.spool?.discard();
  }
}
