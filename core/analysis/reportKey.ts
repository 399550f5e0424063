// The dedupe key of a report: the same report arrives through several rua addresses or is re-sent
// (docs/report-quirks.md "Duplicates"), and org name + report id identify it (RFC 7489 §7.2.1.1 requires report_id to
// be unique per reporter).
import type { Report } from '../report';

/** Case is preserved: report ids are opaque strings and some reporters differ only in case. */
export function reportKey(report: Report): string {
  switch (report.kind) {
    case 'aggregate':
      return `aggregate\u0000${report.metadata.orgName}\u0000${report.metadata.reportId}`;
    case 'tls':
      return `tls\u0000${report.organizationName}\u0000${report.reportId}`;
    case 'failure':
      // Failure reports carry no report id: the failing message's identity stands in for one.
      return [
        'failure',
        report.reportedDomain ?? '',
        report.sourceIp ?? '',
        report.arrivalDate ?? '',
        report.original?.messageId ?? '',
        report.reporter?.date ?? '',
      ].join('\u0000');
  }
}
