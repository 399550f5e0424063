// parsedmarc's three CSVs, its columns in its order: aggregate (parsed_aggregate_reports_to_csv: one row per record, or
// per day of a record when the report spans more than a day, the same split as every parsedmarc-shaped output),
// failure and SMTP TLS. Booleans are Python's `True` / `False` and rows end in CRLF, as its csv writer makes them;
// cells are escaped by the CSV writer all our outputs share, so report text never becomes a spreadsheet formula. The
// CLI's `--format parsedmarc-csv` (with --failure-csv and --tls-csv) and the site's exports write these rows.
import { csvRow, type CsvValue } from './csv';
import { bucketsOf } from './parsedmarcDays';
import { isoFromReportSeconds } from './reportDate';
import { parsedmarcAggregateParts, toParsedmarcJson, type AggregateReportHead } from './toParsedmarcJson';
import type { AggregateRecord, FailureReport, TlsReport } from './types';

/** The sending address and what parsedmarc's lookups say of it, in its order: the same in its aggregate and failure CSVs. */
const SOURCE_COLUMNS = [
  'source_ip_address',
  'source_country',
  'source_reverse_dns',
  'source_base_domain',
  'source_name',
  'source_type',
  'source_asn',
  'source_as_name',
  'source_as_domain',
] as const;

export const PARSEDMARC_CSV_COLUMNS = [
  'xml_schema',
  'org_name',
  'org_email',
  'org_extra_contact_info',
  'report_id',
  'begin_date',
  'end_date',
  'normalized_timespan',
  'errors',
  'domain',
  'adkim',
  'aspf',
  'p',
  'sp',
  'np',
  'pct',
  'fo',
  'testing',
  'discovery_method',
  ...SOURCE_COLUMNS,
  'count',
  'spf_aligned',
  'dkim_aligned',
  'dmarc_aligned',
  'disposition',
  'policy_override_reasons',
  'policy_override_comments',
  'envelope_from',
  'header_from',
  'envelope_to',
  'dkim_domains',
  'dkim_selectors',
  'dkim_results',
  'spf_domains',
  'spf_scopes',
  'spf_results',
] as const;

export const PARSEDMARC_CSV_HEADER = `${csvRow(PARSEDMARC_CSV_COLUMNS)}\r\n`;

/** Python's writing of a boolean, as parsedmarc's csv writer leaves it. */
const python = (value: boolean): string => (value ? 'True' : 'False');

/** parsedmarc's fields of a report head, made once per report rather than once per record. */
const parsedmarcHeads = new WeakMap<AggregateReportHead, Record<string, unknown>>();

export function parsedmarcHead(head: AggregateReportHead): Record<string, unknown> {
  let fields = parsedmarcHeads.get(head);
  if (!fields) {
    fields = parsedmarcAggregateParts(head).head;
    parsedmarcHeads.set(head, fields);
  }
  return fields;
}

/** parsedmarc's `YYYY-MM-DD HH:MM:SS` (UTC) of Unix seconds; null for a time no date has (NaN, 1e20). */
export function parsedmarcDateTime(seconds: number): string | null {
  const iso = isoFromReportSeconds(Math.floor(seconds));
  return iso === undefined ? null : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** The rows of one record, each ending in CRLF. */
export function parsedmarcCsvRows(head: AggregateReportHead, record: AggregateRecord): string {
  const fields = parsedmarcHead(head);
  const metadata = fields['report_metadata'] as { timespan_requires_normalization: boolean };
  const published = fields['policy_published'] as Record<string, string>;
  const { metadata: m, policy } = head;
  const spf = record.spf === 'pass';
  const dkim = record.dkim === 'pass';
  let rows = '';
  for (const bucket of bucketsOf(head, record).buckets) {
    const values: CsvValue[] = [
      fields['xml_schema'] as string,
      m.orgName,
      m.email,
      m.extraContactInfo,
      m.reportId,
      parsedmarcDateTime(bucket.begin),
      parsedmarcDateTime(bucket.end),
      python(metadata.timespan_requires_normalization),
      m.errors.join('|'),
      policy.domain,
      published['adkim'],
      published['aspf'],
      published['p'],
      published['sp'],
      policy.np,
      published['pct'],
      published['fo'],
      policy.testing,
      policy.discoveryMethod,
      record.sourceIp,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      bucket.count,
      python(spf),
      python(dkim),
      python(spf || dkim),
      record.disposition,
      record.reasons.map((r) => r.type || 'none').join(','),
      record.reasons.map((r) => r.comment || 'none').join('|'),
      record.envelopeFrom,
      record.headerFrom,
      record.envelopeTo,
      record.dkimResults.map((r) => r.domain.toLowerCase()).join(','),
      record.dkimResults.map((r) => (r.selector ?? 'none').toLowerCase()).join(','),
      record.dkimResults.map((r) => r.result).join(','),
      record.spfResults.map((r) => r.domain.toLowerCase()).join(','),
      record.spfResults.map((r) => r.scope ?? 'mfrom').join(','),
      record.spfResults.map((r) => r.result).join(','),
    ];
    rows += `${csvRow(values)}\r\n`;
  }
  return rows;
}

/** parsedmarc's failure CSV (its parsed_failure_reports_to_csv): one row per failure report, these columns in order. */
export const PARSEDMARC_FAILURE_CSV_COLUMNS = [
  'feedback_type',
  'user_agent',
  'version',
  'original_envelope_id',
  'original_mail_from',
  'original_rcpt_to',
  'arrival_date',
  'arrival_date_utc',
  'subject',
  'message_id',
  'authentication_results',
  'dkim_domain',
  ...SOURCE_COLUMNS,
  'delivery_result',
  'auth_failure',
  'reported_domain',
  'authentication_mechanisms',
  'sample_headers_only',
] as const;

export const PARSEDMARC_FAILURE_CSV_HEADER = `${csvRow(PARSEDMARC_FAILURE_CSV_COLUMNS)}\r\n`;

/** The row of one failure report, made from its parsedmarc JSON as parsedmarc makes it, ending in CRLF. */
export function parsedmarcFailureCsvRow(report: FailureReport): string {
  const json = toParsedmarcJson(report);
  const source = json['source'] as Record<string, string | null>;
  const sample = json['parsed_sample'] as { subject: string | null } | null;
  const cell = (name: string): CsvValue => json[name] as CsvValue;
  const values: CsvValue[] = PARSEDMARC_FAILURE_CSV_COLUMNS.map((column) => {
    if (column === 'subject') return sample?.subject;
    if (column === 'auth_failure' || column === 'authentication_mechanisms')
      return (json[column] as string[]).join(',');
    if (column === 'sample_headers_only') {
      const headersOnly = json[column] as boolean | null;
      return headersOnly === null ? null : python(headersOnly);
    }
    if (column.startsWith('source_')) return source[column.slice('source_'.length)];
    return cell(column);
  });
  return `${csvRow(values)}\r\n`;
}

/** parsedmarc's SMTP TLS CSV (its parsed_smtp_tls_reports_to_csv): these columns in order. */
export const PARSEDMARC_TLS_CSV_COLUMNS = [
  'organization_name',
  'begin_date',
  'end_date',
  'report_id',
  'result_type',
  'successful_session_count',
  'failed_session_count',
  'policy_domain',
  'policy_type',
  'policy_strings',
  'mx_host_patterns',
  'sending_mta_ip',
  'receiving_ip',
  'receiving_mx_hostname',
  'receiving_mx_helo',
  'additional_info_uri',
  'failure_reason_code',
] as const;

export const PARSEDMARC_TLS_CSV_HEADER = `${csvRow(PARSEDMARC_TLS_CSV_COLUMNS)}\r\n`;

type TlsCsvRow = Partial<Record<(typeof PARSEDMARC_TLS_CSV_COLUMNS)[number], CsvValue>>;

/**
 * The rows of one SMTP TLS report, as parsedmarc makes them: per policy a row with its session totals, then a row per
 * failure detail with that detail's count and fields. parsedmarc leaves the policy's domain and type out of a failure
 * detail's row, and carries one policy's strings over to a later policy that has none; here a detail's row names its
 * policy, and each row holds only its own policy's strings. Each row ends in CRLF.
 */
export function parsedmarcTlsCsvRows(report: TlsReport): string {
  const json = toParsedmarcJson(report);
  const common: TlsCsvRow = {
    organization_name: json['organization_name'] as string,
    begin_date: json['begin_date'] as string | null,
    end_date: json['end_date'] as string | null,
    report_id: json['report_id'] as string,
  };
  const row = (fields: TlsCsvRow) => `${csvRow(PARSEDMARC_TLS_CSV_COLUMNS.map((column) => fields[column]))}\r\n`;
  let rows = '';
  for (const policy of json['policies'] as Array<Record<string, unknown>>) {
    const ofPolicy: TlsCsvRow = {
      ...common,
      policy_domain: policy['policy_domain'] as string,
      policy_type: policy['policy_type'] as string,
      policy_strings: (policy['policy_strings'] as string[] | undefined)?.join('|'),
      mx_host_patterns: (policy['mx_host_patterns'] as string[] | undefined)?.join('|'),
    };
    rows += row({
      ...ofPolicy,
      successful_session_count: policy['successful_session_count'] as number,
      failed_session_count: policy['failed_session_count'] as number,
    });
    for (const detail of policy['failure_details'] as Array<Record<string, CsvValue>>)
      rows += row({ ...ofPolicy, ...detail });
  }
  return rows;
}
