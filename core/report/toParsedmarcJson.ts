// Our reports in parsedmarc's JSON field names (its docs/source/output.md), so pipelines built for parsedmarc's
// Elasticsearch / OpenSearch / Splunk output can take DMARC Lens output unchanged. Source enrichment parsedmarc does
// with network lookups (reverse DNS, base domain, name/type) is left null: we never send an IP anywhere.
import { isoFromReportSeconds } from './reportDate';
import type { AggregateRecord, AggregateReport, FailureReport, Report, TlsReport } from './types';

/** parsedmarc writes UTC times as `YYYY-MM-DD HH:MM:SS`; a time no date has (NaN, 1e20 seconds) is null. */
function parsedmarcTime(unixSeconds: number): string | null {
  const iso = isoFromReportSeconds(unixSeconds);
  return iso === undefined ? null : iso.replace('T', ' ').replace(/\.\d{3}Z$/, '');
}

/** ISO 8601 without milliseconds, as parsedmarc writes SMTP TLS report times; null when no date has that time. */
function isoSeconds(unixSeconds: number): string | null {
  const iso = isoFromReportSeconds(unixSeconds);
  return iso === undefined ? null : iso.replace(/\.000Z$/, 'Z');
}

function xmlSchema(report: AggregateReportHead): string {
  if (report.namespace?.includes('dmarc-2.0') || report.version === '2.0') return '2.0';
  return report.version === '1.0' ? '1.0' : 'draft';
}

/** An aggregate report without its records: what is known before the first record streams. */
export type AggregateReportHead = Omit<AggregateReport, 'records'>;

/**
 * parsedmarc's aggregate report in two parts, so that a report can be written while its records stream: `head` holds
 * every field before `records` (which is parsedmarc's last field), `record` converts one record of this report.
 */
export interface ParsedmarcAggregateParts {
  head: Record<string, unknown>;
  record: (record: AggregateRecord) => Record<string, unknown>;
}

export function parsedmarcAggregateParts(report: AggregateReportHead): ParsedmarcAggregateParts {
  const { metadata, policy } = report;
  const timespan = metadata.end - metadata.begin;
  const begin = parsedmarcTime(metadata.begin);
  const end = parsedmarcTime(metadata.end);
  const head = {
    xml_schema: xmlSchema(report),
    report_metadata: {
      org_name: metadata.orgName,
      org_email: metadata.email,
      org_extra_contact_info: metadata.extraContactInfo ?? null,
      report_id: metadata.reportId,
      begin_date: begin,
      end_date: end,
      timespan_requires_normalization: timespan > 86_400,
      original_timespan_seconds: timespan,
      errors: metadata.errors,
    },
    policy_published: {
      domain: policy.domain,
      adkim: policy.adkim ?? 'r',
      aspf: policy.aspf ?? 'r',
      p: policy.p ?? 'none',
      sp: policy.sp ?? policy.p ?? 'none',
      pct: policy.pct === undefined ? '100' : String(policy.pct),
      fo: policy.fo ?? '0',
    },
  };
  const record = (record: AggregateRecord): Record<string, unknown> => ({
    source: parsedmarcSource(record.sourceIp),
    count: record.count,
    // DMARC passes when either verdict of policy_evaluated does (RFC 7489 §4.2).
    alignment: {
      spf: record.spf === 'pass',
      dkim: record.dkim === 'pass',
      dmarc: record.spf === 'pass' || record.dkim === 'pass',
    },
    policy_evaluated: {
      disposition: record.disposition,
      dkim: record.dkim,
      spf: record.spf,
      policy_override_reasons: record.reasons.map((r) => ({ type: r.type, comment: r.comment ?? null })),
    },
    identifiers: {
      header_from: record.headerFrom,
      envelope_from: record.envelopeFrom ?? null,
      envelope_to: record.envelopeTo ?? null,
    },
    auth_results: {
      dkim: record.dkimResults.map((r) => ({ domain: r.domain, selector: r.selector ?? 'none', result: r.result })),
      spf: record.spfResults.map((r) => ({ domain: r.domain, scope: r.scope ?? 'mfrom', result: r.result })),
    },
    normalized_timespan: timespan > 86_400,
    interval_begin: begin,
    interval_end: end,
  });
  return { head, record };
}

function aggregateToParsedmarc(report: AggregateReport): Record<string, unknown> {
  const { head, record } = parsedmarcAggregateParts(report);
  return { ...head, records: report.records.map(record) };
}

/** parsedmarc's five delivery results; a reporter's own word is matched to the first of them it contains. */
const DELIVERY_RESULTS = ['delivered', 'spam', 'policy', 'reject', 'other'] as const;

/**
 * parsedmarc's `delivery_result`: the first of its five words found in the reporter's Delivery-Result
 * (`smg-policy-action` is `policy`), `other` when none is, or when the field is missing.
 */
export function parsedmarcDeliveryResult(value: string | undefined): string {
  const lowered = value?.toLowerCase() ?? '';
  return DELIVERY_RESULTS.find((word) => lowered.includes(word)) ?? 'other';
}

/** An address as parsedmarc's parsed sample holds it. */
export interface ParsedmarcAddress {
  display_name: string | null;
  address: string;
  local: string | null;
  domain: string | null;
}

/**
 * The addresses of an address header (From, To, Cc, Reply-To), `Name <local@domain>` or a bare address each, split at
 * commas outside quotes and angle brackets.
 */
export function parsedmarcAddresses(header: string | undefined): ParsedmarcAddress[] {
  if (header === undefined) return [];
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (char === '<' && !quoted) angled = true;
    else if (char === '>' && !quoted) angled = false;
    if (char === ',' && !quoted && !angled) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  const addresses: ParsedmarcAddress[] = [];
  for (const part of parts) {
    const open = part.lastIndexOf('<');
    const close = part.indexOf('>', open);
    const address = (open >= 0 && close > open ? part.slice(open + 1, close) : part).trim();
    if (address === '') continue;
    const name =
      open >= 0 && close > open
        ? part
            .slice(0, open)
            .trim()
            .replace(/^"(.*)"$/, '$1')
            .trim()
        : '';
    const at = address.lastIndexOf('@');
    addresses.push({
      display_name: name === '' ? null : name,
      address,
      local: at > 0 ? address.slice(0, at) : null,
      domain: at > 0 ? address.slice(at + 1).toLowerCase() : null,
    });
  }
  return addresses;
}

/**
 * A failure report as parsedmarc's parse_failure_report makes it: every field of the feedback report under its name
 * lower-cased with `_` for `-`, then the fields its outputs read, normalised as it does. Only the failed message's
 * header is kept, so `sample` (parsedmarc's copy of the whole message) is null.
 */
function failureToParsedmarc(report: FailureReport): Record<string, unknown> {
  const feedback = new Map<string, string>();
  for (const [name, value] of report.fields) feedback.set(name.toLowerCase().replace(/-/g, '_'), value);
  // Replaced by `source` and `authentication_mechanisms`, as parsedmarc does.
  feedback.delete('source_ip');
  feedback.delete('identity_alignment');
  const alignment = report.identityAlignment?.trim() ?? '';
  const original = report.original;
  const headers = new Map<string, string>();
  for (const [name, value] of original?.headers ?? []) if (!headers.has(name)) headers.set(name, value);
  const header = (name: string) => original?.headers.find(([n]) => n.toLowerCase() === name)?.[1];
  return {
    ...Object.fromEntries(feedback),
    feedback_type: report.feedbackType,
    user_agent: report.userAgent ?? null,
    version: report.version ?? null,
    original_envelope_id: feedback.get('original_envelope_id') ?? null,
    original_mail_from: report.originalMailFrom ?? null,
    original_rcpt_to: report.originalRcptTo ?? null,
    arrival_date: report.arrivalDate ?? null,
    arrival_date_utc: report.arrivalTime === undefined ? null : parsedmarcTime(report.arrivalTime),
    message_id: feedback.get('message_id') ?? original?.messageId ?? null,
    authentication_results: report.authenticationResults ?? null,
    delivery_result: parsedmarcDeliveryResult(report.deliveryResult),
    auth_failure: (report.authFailure ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
    authentication_mechanisms:
      alignment.toLowerCase() === 'none'
        ? []
        : alignment
            .split(',')
            .map((m) => m.trim())
            .filter(Boolean),
    reported_domain: report.reportedDomain ?? null,
    source: parsedmarcSource(report.sourceIp ?? null),
    dkim_domain: report.dkimDomain ?? null,
    sample_headers_only: original?.headersOnly ?? null,
    sample: null,
    parsed_sample: original
      ? {
          headers: Object.fromEntries(headers),
          from: parsedmarcAddresses(original.from)[0] ?? null,
          to: parsedmarcAddresses(original.to),
          reply_to: parsedmarcAddresses(header('reply-to')),
          cc: parsedmarcAddresses(header('cc')),
          bcc: parsedmarcAddresses(header('bcc')),
          subject: original.subject ?? null,
          date: original.date ?? null,
        }
      : null,
  };
}

/**
 * An SMTP TLS report as parsedmarc's parse_smtp_tls_report_json makes it: `policy_strings` and `mx_host_patterns`
 * only when the policy lists some, and of each failure detail only the fields the reporter wrote.
 */
function tlsToParsedmarc(report: TlsReport): Record<string, unknown> {
  return {
    organization_name: report.organizationName,
    begin_date: isoSeconds(report.begin),
    end_date: isoSeconds(report.end),
    contact_info: report.contactInfo ?? null,
    report_id: report.reportId,
    policies: report.policies.map((policy) => ({
      policy_domain: policy.policyDomain,
      policy_type: policy.policyType,
      ...(policy.policyString.length > 0 && { policy_strings: policy.policyString }),
      ...(policy.mxHost.length > 0 && { mx_host_patterns: policy.mxHost }),
      successful_session_count: policy.successfulSessions,
      failed_session_count: policy.failedSessions,
      failure_details: policy.failureDetails.map((d) => ({
        result_type: d.resultType,
        failed_session_count: d.failedSessionCount,
        ...(d.sendingMtaIp !== undefined && { sending_mta_ip: d.sendingMtaIp }),
        ...(d.receivingIp !== undefined && { receiving_ip: d.receivingIp }),
        ...(d.receivingMxHostname !== undefined && { receiving_mx_hostname: d.receivingMxHostname }),
        ...(d.receivingMxHelo !== undefined && { receiving_mx_helo: d.receivingMxHelo }),
        ...(d.additionalInformation !== undefined && { additional_info_uri: d.additionalInformation }),
        ...(d.failureReasonCode !== undefined && { failure_reason_code: d.failureReasonCode }),
      })),
    })),
  };
}

export function toParsedmarcJson(report: Report): Record<string, unknown> {
  switch (report.kind) {
    case 'aggregate':
      return aggregateToParsedmarc(report);
    case 'failure':
      return failureToParsedmarc(report);
    case 'tls':
      return tlsToParsedmarc(report);
  }
}

/**
 * parsedmarc's `source` object: the address, and the enrichment parsedmarc adds from live lookups (country, reverse
 * DNS, AS), which DMARC Lens does not make here, as null.
 */
function parsedmarcSource(ipAddress: string | null): Record<string, string | null> {
  return {
    ip_address: ipAddress,
    country: null,
    reverse_dns: null,
    base_domain: null,
    name: null,
    type: null,
    asn: null,
    as_name: null,
    as_domain: null,
  };
}
