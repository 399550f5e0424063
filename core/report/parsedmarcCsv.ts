// parsedmarc's aggregate CSV (its parsed_aggregate_reports_to_csv): its columns in its order, one row per record, or
// per day of a record when the report spans more than a day (the same split as every parsedmarc-shaped output).
// Booleans are Python's `True` / `False` and rows end in CRLF, as its csv writer makes them; cells are escaped by the
// CSV writer all our outputs share, so report text never becomes a spreadsheet formula. The CLI's
// `--format parsedmarc-csv` and the site's per-record export both write these rows.
import { csvRow, type CsvValue } from './csv';
import { bucketsOf } from './parsedmarcDays';
import { isoFromReportSeconds } from './reportDate';
import { parsedmarcAggregateParts, type AggregateReportHead } from './toParsedmarcJson';
import type { AggregateRecord } from './types';

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
  'source_ip_address',
  'source_country',
  'source_reverse_dns',
  'source_base_domain',
  'source_name',
  'source_type',
  'source_asn',
  'source_as_name',
  'source_as_domain',
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
