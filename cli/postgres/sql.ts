// The statements that write one report into parsedmarc's tables. Values go as parameters, never into the text; a batch
// of records is one statement of arrays (unnest), so a batch costs one round trip however many records it holds.
import { isIP } from 'node:net';
import {
  type AggregateRecord,
  type FailureReport,
  type TlsReport,
  type AggregateReportHead,
  isoFromReportSeconds,
} from '../../core/report';

export interface Query {
  /** Set for statements sent many times: each connection prepares it once and then only sends its values. */
  name?: string;
  text: string;
  values: unknown[];
}

/** A report time as PostgreSQL reads it unambiguously (UTC), or null when no calendar has that time. */
export function timestamp(unixSeconds: number | undefined): string | null {
  return unixSeconds === undefined ? null : (isoFromReportSeconds(unixSeconds) ?? null);
}

/** An address the INET type takes, or null: a column of addresses must not fail a whole report over one bad value. */
function inet(value: string | undefined | null): string | null {
  return value && isIP(value) !== 0 ? value : null;
}

/** parsedmarc's xml_schema: 2.0 for DMARCbis reports, 1.0 when the report says so, else draft. */
function xmlSchema(head: AggregateReportHead): string {
  if (head.namespace?.includes('dmarc-2.0') || head.version === '2.0') return '2.0';
  return head.version === '1.0' ? '1.0' : 'draft';
}

const REPORT_INSERT = `INSERT INTO dmarc_aggregate_report (xml_schema, xml_namespace, org_name, org_email,
      org_extra_contact_info, generator, report_id, begin_date, end_date, errors, domain, adkim, aspf, policy,
      subdomain_policy, pct, fo, np, testing, discovery_method)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
      ON CONFLICT (org_name, report_id, domain, begin_date, end_date) DO NOTHING RETURNING id`;

/** The report row's values, $1 to $20 of {@link REPORT_INSERT} ($8 and $9 are its begin and end). */
function reportValues(head: AggregateReportHead, begin: string, end: string): unknown[] {
  const { metadata, policy } = head;
  return [
    xmlSchema(head),
    head.namespace ?? null,
    metadata.orgName,
    metadata.email,
    metadata.extraContactInfo ?? null,
    metadata.generator ?? null,
    metadata.reportId,
    begin,
    end,
    metadata.errors,
    policy.domain,
    // The defaults RFC 7489 gives an absent tag, as parsedmarc writes them.
    policy.adkim ?? 'r',
    policy.aspf ?? 'r',
    policy.p ?? 'none',
    policy.sp ?? policy.p ?? 'none',
    policy.pct === undefined ? '100' : String(policy.pct),
    policy.fo ?? '0',
    policy.np ?? null,
    policy.testing ?? null,
    policy.discoveryMethod ?? null,
  ];
}

/**
 * The report row, or nothing when a report with its key (parsedmarc's: org name, report id, domain, begin, end) is
 * already there: then `RETURNING id` gives no row and its records are not written again.
 */
export function insertAggregateReport(head: AggregateReportHead, begin: string, end: string): Query {
  return { name: 'dmarc-lens-report', text: REPORT_INSERT, values: reportValues(head, begin, end) };
}

const RECORD_ID_SEQUENCE = "pg_get_serial_sequence('dmarc_aggregate_record', 'id')";

/** The 24 arrays a batch of records is written from: the record rows, then DKIM, SPF and override rows by place. */
function recordArrays(records: AggregateRecord[]): unknown[] {
  const ip: Array<string | null> = [];
  const count: number[] = [];
  const spfAligned: boolean[] = [];
  const dkimAligned: boolean[] = [];
  const dmarcPassed: boolean[] = [];
  const disposition: string[] = [];
  const policyDkim: string[] = [];
  const policySpf: string[] = [];
  const headerFrom: string[] = [];
  const envelopeFrom: Array<string | null> = [];
  const envelopeTo: Array<string | null> = [];
  const dkim = { at: [] as number[], domain: [] as string[], selector: [] as string[], result: [] as string[] };
  const dkimHuman: Array<string | null> = [];
  const spf = { at: [] as number[], domain: [] as string[], scope: [] as string[], result: [] as string[] };
  const spfHuman: Array<string | null> = [];
  const override = { at: [] as number[], type: [] as string[], comment: [] as Array<string | null> };
  records.forEach((record, index) => {
    const at = index + 1;
    ip.push(inet(record.sourceIp));
    count.push(record.count);
    // parsedmarc's alignment columns are the receiver's policy_evaluated verdicts; DMARC passes when either does.
    spfAligned.push(record.spf === 'pass');
    dkimAligned.push(record.dkim === 'pass');
    dmarcPassed.push(record.spf === 'pass' || record.dkim === 'pass');
    disposition.push(record.disposition);
    policyDkim.push(record.dkim);
    policySpf.push(record.spf);
    headerFrom.push(record.headerFrom);
    envelopeFrom.push(record.envelopeFrom ?? null);
    envelopeTo.push(record.envelopeTo ?? null);
    for (const result of record.dkimResults) {
      dkim.at.push(at);
      dkim.domain.push(result.domain);
      dkim.selector.push(result.selector ?? 'none');
      dkim.result.push(result.result);
      dkimHuman.push(result.humanResult ?? null);
    }
    for (const result of record.spfResults) {
      spf.at.push(at);
      spf.domain.push(result.domain);
      spf.scope.push(result.scope ?? 'mfrom');
      spf.result.push(result.result);
      spfHuman.push(result.humanResult ?? null);
    }
    for (const reason of record.reasons) {
      override.at.push(at);
      override.type.push(reason.type);
      override.comment.push(reason.comment ?? null);
    }
  });
  return [
    ip,
    count,
    spfAligned,
    dkimAligned,
    dmarcPassed,
    disposition,
    policyDkim,
    policySpf,
    headerFrom,
    envelopeFrom,
    envelopeTo,
    dkim.at,
    dkim.domain,
    dkim.selector,
    dkim.result,
    dkimHuman,
    spf.at,
    spf.domain,
    spf.scope,
    spf.result,
    spfHuman,
    override.at,
    override.type,
    override.comment,
  ];
}

/**
 * The statements that write a batch, as CTEs after `ids` (one row per record: its place `at`, its new `id` and its
 * report's `report` id). `begin` and `end` are the parameters of the report's interval; the arrays of
 * {@link recordArrays} are the parameters from `$first` on.
 */
function recordCtes(begin: string, end: string, first: number): string {
  const $ = (k: number): string => `$${first + k}`;
  return `rec AS (
        INSERT INTO dmarc_aggregate_record (id, report_id, interval_begin, interval_end, source_ip_address,
          message_count, spf_aligned, dkim_aligned, dmarc_passed, disposition, policy_dkim, policy_spf, header_from,
          envelope_from, envelope_to)
        SELECT ids.id, ids.report, ${begin}::timestamptz, ${end}::timestamptz, r.ip, r.n, r.spf_aligned,
          r.dkim_aligned, r.dmarc_passed, r.disposition, r.policy_dkim, r.policy_spf, r.header_from, r.envelope_from,
          r.envelope_to
        FROM unnest(${$(0)}::inet[], ${$(1)}::int[], ${$(2)}::boolean[], ${$(3)}::boolean[], ${$(4)}::boolean[],
          ${$(5)}::text[], ${$(6)}::text[], ${$(7)}::text[], ${$(8)}::text[], ${$(9)}::text[], ${$(10)}::text[])
          WITH ORDINALITY AS r(ip, n, spf_aligned, dkim_aligned, dmarc_passed, disposition, policy_dkim, policy_spf,
            header_from, envelope_from, envelope_to, at)
        JOIN ids USING (at)),
      dkim AS (
        INSERT INTO dmarc_aggregate_record_dkim (record_id, domain, selector, result, human_result)
        SELECT ids.id, d.domain, d.selector, d.result, d.human_result
        FROM unnest(${$(11)}::int[], ${$(12)}::text[], ${$(13)}::text[], ${$(14)}::text[], ${$(15)}::text[])
          AS d(at, domain, selector, result, human_result)
        JOIN ids USING (at)),
      spf AS (
        INSERT INTO dmarc_aggregate_record_spf (record_id, domain, scope, result, human_result)
        SELECT ids.id, s.domain, s.scope, s.result, s.human_result
        FROM unnest(${$(16)}::int[], ${$(17)}::text[], ${$(18)}::text[], ${$(19)}::text[], ${$(20)}::text[])
          AS s(at, domain, scope, result, human_result)
        JOIN ids USING (at)),
      override AS (
        INSERT INTO dmarc_aggregate_record_policy_override (record_id, override_type, comment)
        SELECT ids.id, o.type, o.comment
        FROM unnest(${$(21)}::int[], ${$(22)}::text[], ${$(23)}::text[]) AS o(at, type, comment)
        JOIN ids USING (at))`;
}

const INSERT_RECORDS = `WITH ids AS MATERIALIZED (
        SELECT n AS at, nextval(${RECORD_ID_SEQUENCE}) AS id, $2::bigint AS report
        FROM generate_series(1, $1::int) AS n),
      ${recordCtes('$3', '$4', 5)}
      SELECT count(*) FROM ids`;

/**
 * One batch of records with their DKIM and SPF results and override reasons, in one statement: the record ids are
 * drawn first (one per record, in order), and each child row names the place of its record in the batch.
 */
export function insertRecords(reportRowId: string, begin: string, end: string, records: AggregateRecord[]): Query {
  return {
    name: 'dmarc-lens-records',
    text: INSERT_RECORDS,
    values: [records.length, reportRowId, begin, end, ...recordArrays(records)],
  };
}

const INSERT_REPORT_WITH_RECORDS = `WITH report AS (${REPORT_INSERT}),
      ids AS MATERIALIZED (
        SELECT n AS at, nextval(${RECORD_ID_SEQUENCE}) AS id, report.id AS report
        FROM report, generate_series(1, $21::int) AS n),
      ${recordCtes('$8', '$9', 22)}
      SELECT id FROM report`;

/**
 * A whole aggregate report, its row and all its records, in one statement, which PostgreSQL applies entirely or not
 * at all: one round trip for a report whose records came in one batch. When the report is already there, the row's
 * insert returns nothing, so no record id is drawn and no record is written; the statement then returns no row.
 */
export function insertAggregateReportWithRecords(
  head: AggregateReportHead,
  begin: string,
  end: string,
  records: AggregateRecord[],
): Query {
  return {
    name: 'dmarc-lens-report-with-records',
    text: INSERT_REPORT_WITH_RECORDS,
    values: [...reportValues(head, begin, end), records.length, ...recordArrays(records)],
  };
}

export function insertTlsReport(report: TlsReport, begin: string, end: string): Query {
  return {
    text: `INSERT INTO smtp_tls_report (organization_name, begin_date, end_date, contact_info, report_id)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (organization_name, report_id, begin_date, end_date) DO NOTHING RETURNING id`,
    values: [report.organizationName, begin, end, report.contactInfo ?? null, report.reportId],
  };
}

/** One policy of a TLS report with its failure details. */
export function insertTlsPolicy(reportRowId: string, policy: TlsReport['policies'][number]): Query {
  const details = policy.failureDetails;
  return {
    text: `WITH p AS (
        INSERT INTO smtp_tls_policy (report_id, policy_domain, policy_type, policy_strings, mx_host_patterns,
          successful_session_count, failed_session_count)
        VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id)
      INSERT INTO smtp_tls_failure_detail (policy_id, result_type, failed_session_count, sending_mta_ip, receiving_ip,
        receiving_mx_hostname, receiving_mx_helo, additional_info_uri, failure_reason_code)
      SELECT p.id, d.* FROM p, unnest($8::text[], $9::int[], $10::inet[], $11::inet[], $12::text[], $13::text[],
        $14::text[], $15::text[]) AS d`,
    values: [
      reportRowId,
      policy.policyDomain,
      policy.policyType,
      policy.policyString,
      policy.mxHost,
      policy.successfulSessions,
      policy.failedSessions,
      details.map((d) => d.resultType),
      details.map((d) => d.failedSessionCount),
      details.map((d) => inet(d.sendingMtaIp)),
      details.map((d) => inet(d.receivingIp)),
      details.map((d) => d.receivingMxHostname ?? null),
      details.map((d) => d.receivingMxHelo ?? null),
      details.map((d) => d.additionalInformation ?? null),
      details.map((d) => d.failureReasonCode ?? null),
    ],
  };
}

/** An address header as parsedmarc's sample_from / sample_to objects hold it: display name and address. */
function addressOf(header: string | undefined): { display_name: string | null; address: string } | null {
  if (header === undefined || header.trim() === '') return null;
  const angled = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(header);
  if (angled) return { display_name: angled[1]!.trim() || null, address: angled[2]!.trim() };
  return { display_name: null, address: header.trim() };
}

function field(report: FailureReport, name: string): string | null {
  return report.fields.find(([key]) => key === name)?.[1] ?? null;
}

/**
 * A failure report has no natural key. As parsedmarc does, one counts as already saved when a report with the same
 * arrival time, sample subject, From and To is there (IS NOT DISTINCT FROM: absent values compare equal); the insert
 * and the check are one statement, which returns the new row's id (none when the report was there).
 */
export function insertFailureReport(report: FailureReport): Query {
  const original = report.original;
  const arrival = timestamp(report.arrivalTime);
  const from = addressOf(original?.from);
  const to = addressOf(original?.to);
  const headers = original
    ? Object.fromEntries(original.headers.map(([name, value]) => [name.toLowerCase(), value]))
    : null;
  return {
    text: `WITH r AS (
        INSERT INTO dmarc_failure_report (feedback_type, user_agent, version, original_envelope_id, original_mail_from,
          original_rcpt_to, arrival_date, arrival_date_utc, authentication_results, delivery_result, auth_failure,
          authentication_mechanisms, dkim_domain, reported_domain, sample_headers_only, source_ip_address,
          sample_date, sample_subject, sample_headers, sample_from, sample_to)
        SELECT $1, $2, $3, $4, $5, $6, $7::timestamptz, $7::timestamptz, $8, $9, $10::text[], $11::text[], $12, $13,
          $14, $15::inet, $16, $17, $18::jsonb, $19::jsonb, $20::jsonb
        WHERE NOT EXISTS (SELECT 1 FROM dmarc_failure_report
          WHERE arrival_date_utc IS NOT DISTINCT FROM $7::timestamptz AND sample_subject IS NOT DISTINCT FROM $17
            AND sample_from IS NOT DISTINCT FROM $19::jsonb AND sample_to IS NOT DISTINCT FROM $20::jsonb)
        RETURNING id),
      addresses AS (
        INSERT INTO dmarc_failure_sample_address (report_id, address_type, display_name, address)
        SELECT r.id, 'to', $21, $22 FROM r WHERE $22::text IS NOT NULL)
      SELECT id FROM r`,
    values: [
      report.feedbackType,
      report.userAgent ?? null,
      report.version ?? null,
      field(report, 'original-envelope-id'),
      report.originalMailFrom ?? null,
      report.originalRcptTo ?? null,
      arrival,
      report.authenticationResults ?? null,
      report.deliveryResult ?? null,
      (report.authFailure ?? '').split(/\s*,\s*/).filter(Boolean),
      [],
      report.dkimDomain ?? null,
      report.reportedDomain ?? null,
      original !== undefined && original.headers.length > 0,
      inet(report.sourceIp),
      original?.date ?? null,
      original?.subject ?? null,
      headers === null ? null : JSON.stringify(headers),
      from === null ? null : JSON.stringify(from),
      to === null ? null : JSON.stringify(to),
      to?.display_name ?? null,
      to?.address ?? null,
    ],
  };
}
