// Turns what the parser found in one file into the rows core/store keeps: one StoredReport per report, and for
// aggregate reports their records in batches keyed for the dashboard's "domain + period" range reads.
import { type ParsedReport, normalizeDomain } from '../report';
import { RECORDS_PER_BATCH } from './rowSizes';
import type { StoredRecordBatch, StoredReport } from './schema';
import { reportKey } from '../analysis';

/**
 * Files kept for showing their reports' XML are capped: a Google report of 300k rows is megabytes of compressed XML
 * nobody reads in a browser.
 */
export const SOURCE_MAX_BYTES = 2 * 1024 * 1024;

export interface ReportRows {
  report: StoredReport;
  batches: StoredRecordBatch[];
}

export interface FileContext {
  fileName: string;
  /** Warnings about the file as a whole (added to each of its reports). */
  fileWarnings?: readonly string[];
  /** Unix milliseconds. */
  importedAt: number;
}

export function toReportRows(parsed: ParsedReport, file: FileContext): ReportRows {
  const { report } = parsed;
  const key = reportKey(report);
  // Each row is `base` with the fields of its kind assigned, not spread: in V8 a spread that adds fields is several
  // times slower than Object.assign.
  const base = {
    key,
    fileName: file.fileName,
    path: parsed.path,
    warnings: [...(file.fileWarnings ?? []), ...parsed.warnings],
    importedAt: file.importedAt,
  };
  switch (report.kind) {
    case 'aggregate': {
      const { records, ...head } = report;
      const domain = normalizeDomain(report.policy.domain);
      const { orgName } = report.metadata;
      // A key must be a valid IndexedDB key: a date the parser could not read must not make the report unstorable.
      const begin = Number.isFinite(report.metadata.begin) ? report.metadata.begin : 0;
      const end = Number.isFinite(report.metadata.end) ? report.metadata.end : begin;
      let messageCount = 0;
      for (const record of records) messageCount += record.count;
      const batches: StoredRecordBatch[] = [];
      for (let start = 0; start < records.length; start += RECORDS_PER_BATCH) {
        batches.push({
          id: [domain, begin, key, start / RECORDS_PER_BATCH],
          reportKey: key,
          domain,
          orgName,
          begin,
          end,
          records: records.slice(start, start + RECORDS_PER_BATCH),
        });
      }
      return {
        report: Object.assign(base, {
          kind: 'aggregate' as const,
          domain,
          orgName,
          begin,
          end,
          report: head,
          recordCount: records.length,
          messageCount,
          hasRawXml: false,
        }),
        batches,
      };
    }
    case 'failure': {
      const time = report.arrivalTime ?? 0;
      return {
        report: Object.assign(base, {
          kind: 'failure' as const,
          domain: normalizeDomain(report.reportedDomain ?? domainOfAddress(report.original?.from) ?? ''),
          orgName: report.userAgent ?? domainOfAddress(report.reporter?.from) ?? '',
          begin: time,
          end: time,
          report,
        }),
        batches: [],
      };
    }
    case 'tls': {
      let successfulSessions = 0;
      let failedSessions = 0;
      for (const policy of report.policies) {
        successfulSessions += policy.successfulSessions;
        failedSessions += policy.failedSessions;
      }
      return {
        report: Object.assign(base, {
          kind: 'tls' as const,
          domain: normalizeDomain(report.policies[0]?.policyDomain ?? ''),
          orgName: report.organizationName,
          begin: report.begin,
          end: report.end,
          report,
          successfulSessions,
          failedSessions,
        }),
        batches: [],
      };
    }
  }
}

/** The domain part of an RFC 5322 address, with or without display name and angle brackets. */
export function domainOfAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const match = /@([^\s>@"]+)\s*>?\s*$/.exec(address.trim()) ?? /@([^\s>@",;]+)/.exec(address);
  return match?.[1] ? normalizeDomain(match[1]) : undefined;
}
