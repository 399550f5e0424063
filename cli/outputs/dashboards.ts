// Documents for the dashboards parsedmarc users already run: Elasticsearch / OpenSearch `_bulk` NDJSON and Splunk HEC
// events, with parsedmarc's field names, index names and sourcetypes (docs/pipelines.md maps every field). One
// document per aggregate record, or per day of a record when its report spans more than a day, as parsedmarc splits
// them; one per TLS report. Every line is made from one record, so records are written as they are parsed.
import { createHash } from 'node:crypto';
import {
  type AggregateReportHead,
  bucketsOf,
  parsedmarcDateTime,
  parsedmarcHead,
  toParsedmarcJson,
  type AggregateRecord,
  type FailureReport,
  type ParsedmarcAddress,
  type TlsReport,
} from '../../core/report';
import { stringifyJson } from '../stringifyJson';

/**
 * parsedmarc's fields about the sending address that come from its lookups (country, reverse DNS, AS): DMARC Lens sends
 * no address anywhere, so they are present, as its dashboards expect, and empty.
 */
const NO_SOURCE_LOOKUPS = {
  source_country: null,
  source_reverse_dns: null,
  source_base_domain: null,
  source_type: null,
  source_name: null,
  source_asn: null,
  source_as_name: null,
  source_as_domain: null,
} as const;

function validDate(seconds: number): Date | undefined {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** UTC as parsedmarc's Elasticsearch client sends its datetimes: `2018-09-30T00:00:00+00:00`; null without a date. */
function esTime(seconds: number): string | null {
  const date = validDate(Math.floor(seconds));
  return date ? date.toISOString().replace(/\.\d{3}Z$/, '+00:00') : null;
}

/** The index's date suffix, the UTC day of `seconds`; `unknown-date` for a time no calendar has. */
function indexDay(seconds: number): string {
  return validDate(Math.floor(seconds))?.toISOString().slice(0, 10) ?? 'unknown-date';
}

/** A document id that is the same on every run over the same report, so re-indexing overwrites. */
export function documentId(...parts: Array<string | number>): string {
  return createHash('sha256').update(stringifyJson(parts)).digest('hex').slice(0, 40);
}

function reportIdentity(head: AggregateReportHead): Array<string | number> {
  const { metadata: m, policy } = head;
  return ['aggregate', m.orgName, m.reportId, policy.domain, m.begin, m.end];
}

/** The Elasticsearch / OpenSearch `_bulk` action and document lines of one record (`at`: its place in its report). */
export function elasticAggregateLines(head: AggregateReportHead, record: AggregateRecord, at: number): string {
  const parsedmarc = parsedmarcHead(head);
  const policyPublished = parsedmarc['policy_published'] as Record<string, unknown>;
  const { metadata: m, policy } = head;
  const dkimAligned = record.dkim === 'pass';
  const spfAligned = record.spf === 'pass';
  const { normalized, buckets } = bucketsOf(head, record);
  let text = '';
  buckets.forEach((bucket, part) => {
    const begin = esTime(bucket.begin);
    const end = esTime(bucket.end);
    const doc = {
      xml_schema: parsedmarc['xml_schema'],
      xml_namespace: head.namespace ?? null,
      org_name: m.orgName,
      org_email: m.email,
      org_extra_contact_info: m.extraContactInfo ?? null,
      report_id: m.reportId,
      date_range: [begin, end],
      date_begin: begin,
      date_end: end,
      normalized_timespan: normalized,
      errors: m.errors,
      published_policy: {
        ...policyPublished,
        np: policy.np ?? null,
        testing: policy.testing ?? null,
        discovery_method: policy.discoveryMethod ?? null,
      },
      source_ip_address: record.sourceIp,
      ...NO_SOURCE_LOOKUPS,
      message_count: bucket.count,
      disposition: record.disposition,
      dkim_aligned: dkimAligned,
      spf_aligned: spfAligned,
      passed_dmarc: dkimAligned || spfAligned,
      policy_overrides: record.reasons.map((r) => ({ type: r.type, comment: r.comment ?? null })),
      header_from: record.headerFrom,
      envelope_from: record.envelopeFrom ?? null,
      envelope_to: record.envelopeTo ?? null,
      dkim_results: record.dkimResults.map((r) => ({
        domain: r.domain,
        selector: r.selector ?? 'none',
        result: r.result,
        human_result: r.humanResult ?? null,
      })),
      spf_results: record.spfResults.map((r) => ({
        domain: r.domain,
        scope: r.scope ?? 'mfrom',
        result: r.result,
        human_result: r.humanResult ?? null,
      })),
      dkim_results_combined: record.dkimResults.map((r) => `${r.selector ?? 'none'} / ${r.domain} / ${r.result}`),
      spf_results_combined: record.spfResults.map((r) => `${r.scope ?? 'mfrom'} / ${r.domain} / ${r.result}`),
      np: policy.np ?? null,
      testing: policy.testing ?? null,
      discovery_method: policy.discoveryMethod ?? null,
      generator: m.generator ?? null,
    };
    const action = {
      index: {
        _index: `dmarc_aggregate-${indexDay(bucket.begin)}`,
        _id: documentId(...reportIdentity(head), at, part),
      },
    };
    text += `${stringifyJson(action)}\n${stringifyJson(doc)}\n`;
  });
  return text;
}

/** One Splunk HEC event per record (or per day of it), as parsedmarc sends them: sourcetype `dmarc:aggregate`. */
export function splunkAggregateLines(head: AggregateReportHead, record: AggregateRecord): string {
  const parsedmarc = parsedmarcHead(head);
  const metadata = parsedmarc['report_metadata'] as Record<string, unknown>;
  const { normalized, buckets } = bucketsOf(head, record);
  const dkimAligned = record.dkim === 'pass';
  const spfAligned = record.spf === 'pass';
  let text = '';
  for (const bucket of buckets) {
    const event = {
      ...metadata,
      interval_begin: parsedmarcDateTime(bucket.begin),
      interval_end: parsedmarcDateTime(bucket.end),
      normalized_timespan: normalized,
      published_policy: parsedmarc['policy_published'],
      source_ip_address: record.sourceIp,
      ...NO_SOURCE_LOOKUPS,
      message_count: bucket.count,
      disposition: record.disposition,
      spf_aligned: spfAligned,
      dkim_aligned: dkimAligned,
      passed_dmarc: spfAligned || dkimAligned,
      header_from: record.headerFrom,
      envelope_from: record.envelopeFrom ?? null,
      dkim_results: record.dkimResults.map((r) => ({
        domain: r.domain,
        selector: r.selector ?? 'none',
        result: r.result,
      })),
      spf_results: record.spfResults.map((r) => ({ domain: r.domain, scope: r.scope ?? 'mfrom', result: r.result })),
    };
    text += `${stringifyJson(splunkEvent('dmarc:aggregate', Math.floor(bucket.begin), event))}\n`;
  }
  return text;
}

function splunkEvent(sourcetype: string, time: number | null, event: unknown): Record<string, unknown> {
  return { sourcetype, time, event };
}

/** The `_bulk` lines of an SMTP TLS report: one document, in `smtp_tls-YYYY-MM-DD` of its begin date. */
export function elasticTlsLines(report: TlsReport): string {
  const begin = esTime(report.begin);
  const end = esTime(report.end);
  const doc = {
    org_name: report.organizationName,
    date_range: [begin, end],
    date_begin: begin,
    date_end: end,
    contact_info: report.contactInfo ?? null,
    report_id: report.reportId,
    policies: report.policies.map((p) => ({
      policy_domain: p.policyDomain,
      policy_type: p.policyType,
      successful_session_count: p.successfulSessions,
      failed_session_count: p.failedSessions,
      policy_string: p.policyString,
      mx_host_patterns: p.mxHost,
      failure_details: p.failureDetails.map((d) => ({
        result_type: d.resultType,
        sending_mta_ip: d.sendingMtaIp ?? null,
        receiving_mx_helo: d.receivingMxHelo ?? null,
        receiving_mx_hostname: d.receivingMxHostname ?? null,
        receiving_ip: d.receivingIp ?? null,
        failed_session_count: d.failedSessionCount,
        additional_information_uri: d.additionalInformation ?? null,
        failure_reason_code: d.failureReasonCode ?? null,
      })),
    })),
    policies_combined: report.policies.map((p) => `${p.policyDomain || 'none'} / ${p.policyType || 'none'}`),
    failure_details_combined: report.policies.flatMap((p) =>
      p.failureDetails.map((d) =>
        [
          p.policyDomain || 'none',
          p.policyType || 'none',
          d.resultType || 'none',
          d.sendingMtaIp ?? 'none',
          d.receivingIp ?? 'none',
          d.receivingMxHostname ?? 'none',
        ].join(' / '),
      ),
    ),
  };
  const id = documentId('tls', report.organizationName, report.reportId, report.begin, report.end);
  return `${stringifyJson({ index: { _index: `smtp_tls-${indexDay(report.begin)}`, _id: id } })}\n${stringifyJson(doc)}\n`;
}

/** A TLS report as one Splunk event (sourcetype `smtp:tls`), timed at its begin date. */
export function splunkTlsLine(report: TlsReport): string {
  const time = validDate(report.begin) ? Math.floor(report.begin) : null;
  return `${stringifyJson(splunkEvent('smtp:tls', time, toParsedmarcJson(report)))}\n`;
}

/** A header address as parsedmarc's Elasticsearch output flattens it: `Name <address>`, or the address alone. */
function flatAddress(address: ParsedmarcAddress | undefined): string | undefined {
  if (!address) return undefined;
  return address.display_name === null ? address.address : `${address.display_name} <${address.address}>`;
}

/** parsedmarc's filename_safe_subject: the subject without \\ / : " * ? | and line breaks, no trailing dots, 100 long. */
function filenameSafe(subject: string): string {
  return subject
    .replace(/[\\/:"*?|\n\r]/g, '')
    .replace(/\.+$/, '')
    .slice(0, 100);
}

/**
 * The `_bulk` lines of a failure report: one document in `dmarc_failure-YYYY-MM-DD` of its arrival date, with the
 * fields of parsedmarc's failure document. Its id is made of what parsedmarc takes for the same report (arrival date,
 * the sample's From, To and Subject), so a report indexed twice is one document.
 */
export function elasticFailureLines(report: FailureReport): string {
  const json = toParsedmarcJson(report) as Record<string, unknown> & {
    source: Record<string, string | null>;
    parsed_sample: {
      headers: Record<string, string>;
      from: ParsedmarcAddress | null;
      to: ParsedmarcAddress[];
      reply_to: ParsedmarcAddress[];
      cc: ParsedmarcAddress[];
      bcc: ParsedmarcAddress[];
      subject: string | null;
      date: string | null;
    } | null;
  };
  const sample = json.parsed_sample;
  const arrival =
    report.arrivalTime !== undefined && validDate(report.arrivalTime) ? Math.floor(report.arrivalTime) : undefined;
  let sampleDoc: Record<string, unknown> | null = null;
  if (sample) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(sample.headers)) headers[name.toLowerCase()] = value;
    const from = flatAddress(sample.from ?? undefined);
    const to = flatAddress(sample.to[0]);
    const replyTo = flatAddress(sample.reply_to[0]);
    if (from !== undefined) headers['from'] = from;
    if (to !== undefined) headers['to'] = to;
    if (replyTo !== undefined) headers['reply-to'] = replyTo;
    const date = sample.date === null ? NaN : Date.parse(sample.date);
    const pair = (a: ParsedmarcAddress) => ({ display_name: a.display_name, address: a.address });
    sampleDoc = {
      raw: null,
      headers,
      headers_only: json['sample_headers_only'],
      date: Number.isNaN(date) ? null : esTime(date / 1000),
      subject: sample.subject,
      filename_safe_subject: sample.subject === null ? null : filenameSafe(sample.subject),
      body: null,
      to: sample.to.map(pair),
      reply_to: sample.reply_to.map(pair),
      cc: sample.cc.map(pair),
      bcc: sample.bcc.map(pair),
      attachments: [],
    };
  }
  const doc = {
    feedback_type: json['feedback_type'],
    user_agent: json['user_agent'],
    version: json['version'],
    original_mail_from: json['original_mail_from'],
    arrival_date: arrival === undefined ? null : arrival * 1000,
    domain: json['reported_domain'],
    original_envelope_id: json['original_envelope_id'],
    authentication_results: json['authentication_results'],
    delivery_results: json['delivery_result'],
    source_ip_address: json.source['ip_address'],
    source_country: null,
    source_reverse_dns: null,
    source_base_domain: null,
    source_asn: null,
    source_as_name: null,
    source_as_domain: null,
    authentication_mechanisms: json['authentication_mechanisms'],
    auth_failure: json['auth_failure'],
    dkim_domain: json['dkim_domain'],
    original_rcpt_to: json['original_rcpt_to'],
    sample: sampleDoc,
  };
  const id = documentId(
    'failure',
    (json['arrival_date_utc'] as string | null) ?? '',
    sample ? (flatAddress(sample.from ?? undefined) ?? '') : '',
    sample ? (flatAddress(sample.to[0]) ?? '') : '',
    sample?.subject ?? '',
  );
  const index = `dmarc_failure-${arrival === undefined ? 'unknown-date' : indexDay(arrival)}`;
  return `${stringifyJson({ index: { _index: index, _id: id } })}\n${stringifyJson(doc)}\n`;
}

/** A failure report as one Splunk event (sourcetype `dmarc:failure`), timed at its arrival date. */
export function splunkFailureLine(report: FailureReport): string {
  const time =
    report.arrivalTime !== undefined && validDate(report.arrivalTime) ? Math.floor(report.arrivalTime) : null;
  return `${stringifyJson(splunkEvent('dmarc:failure', time, toParsedmarcJson(report)))}\n`;
}
