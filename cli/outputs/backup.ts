// `--format backup`: the browser app's backup file (core/store/backup.ts), so a batch parsed on a server opens in the
// site through Data → Restore. A header line, then a `reports` line per report and `records` lines holding an
// aggregate report's records in batches of RECORDS_PER_BATCH, the rows the site's own import stores. Records are
// written as they are parsed and their report's line once it is read to the end (a restore reads the whole file
// before it checks that each report's records add up, so the order does not matter to it). A report already written
// in this run (the same report in two files) is written once: a restore refuses a backup holding a report twice.
import { type AggregateRecord, type AggregateReportHead, type ParsedReport, type ReportPath } from '../../core/report';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  DB_VERSION,
  RECORDS_PER_BATCH,
  toReportRows,
  type StoredAggregateReport,
} from '../../core/store';
import { stringifyJson } from '../stringifyJson';

/** One aggregate report whose records are being written. */
export interface BackupReport {
  /** Its row without the counts, which are known at its end. */
  row: StoredAggregateReport;
  /** Written already by an earlier file of this run: nothing of it is written again. */
  repeated: boolean;
  /** Records waiting for a full batch. */
  pending: AggregateRecord[];
  batches: number;
  records: number;
  messages: number;
}

export class BackupWriter {
  private readonly written = new Set<string>();

  constructor(
    /** Unix milliseconds: the header's exportedAt and every report's importedAt. */
    private readonly now: number,
  ) {}

  header(): string {
    return `${stringifyJson({ format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: DB_VERSION, exportedAt: this.now })}\n`;
  }

  /** Starts an aggregate report whose records stream. */
  start(fileName: string, head: AggregateReportHead, path: ReportPath): BackupReport {
    const row = toReportRows({ report: { ...head, records: [] }, path, warnings: [] }, this.context(fileName))
      .report as StoredAggregateReport;
    const repeated = this.written.has(row.key);
    this.written.add(row.key);
    return { row, repeated, pending: [], batches: 0, records: 0, messages: 0 };
  }

  /** `records` lines for every full batch of the report's records so far. */
  records(report: BackupReport, records: readonly AggregateRecord[]): string {
    if (report.repeated) return '';
    for (const record of records) {
      report.records++;
      report.messages += record.count;
    }
    report.pending.push(...records);
    let text = '';
    while (report.pending.length >= RECORDS_PER_BATCH)
      text += this.batchLine(report, report.pending.splice(0, RECORDS_PER_BATCH));
    return text;
  }

  /**
   * The end of a streamed report: its last records and its `reports` line, with its warnings and those of its file.
   * Undefined for a report this run wrote already.
   */
  finish(report: BackupReport, warnings: readonly string[]): string | undefined {
    if (report.repeated) return undefined;
    const text = report.pending.length > 0 ? this.batchLine(report, report.pending.splice(0)) : '';
    const row: StoredAggregateReport = {
      ...report.row,
      warnings: [...warnings],
      recordCount: report.records,
      messageCount: report.messages,
    };
    return `${text}${stringifyJson({ store: 'reports', value: row })}\n`;
  }

  /**
   * The `reports` line of a report that had no records to stream (failure, TLS, an aggregate report without records),
   * or undefined when this run wrote it already.
   */
  whole(fileName: string, parsed: ParsedReport, fileWarnings: readonly string[]): string | undefined {
    const { report } = toReportRows(parsed, { ...this.context(fileName), fileWarnings });
    if (this.written.has(report.key)) return undefined;
    this.written.add(report.key);
    return `${stringifyJson({ store: 'reports', value: report })}\n`;
  }

  private batchLine(report: BackupReport, records: AggregateRecord[]): string {
    const { key, domain, orgName, begin, end } = report.row;
    const batch = { id: [domain, begin, key, report.batches++], reportKey: key, domain, orgName, begin, end, records };
    return `${stringifyJson({ store: 'records', value: batch })}\n`;
  }

  private context(fileName: string) {
    return { fileName, importedAt: this.now };
  }
}
