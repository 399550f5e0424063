// SMTP TLS reports (RFC 8460): the JSON document of §4, already decompressed and decoded to text by the caller.
//
// Real reports deviate from the RFC in small ways (the RFC's own §4.5 example writes `mx-host` as a string,
// Microsoft writes date-times without a zone, some reporters send `contact-info: null` or numbers as strings).
// Every such deviation is read the way the reporter meant it and named in a warning; only input that is not JSON,
// or JSON that is not a TLS report at all, is refused. Nothing here throws.

import { MAX_JSON_NESTING } from './limits';
import { reportText } from './reportMessages';
import type { TlsFailureDetail, TlsPolicyResult, TlsReport } from './types';

export type TlsParseOutcome = { ok: true; report: TlsReport; warnings: string[] } | { ok: false; reason: string };

/** RFC 8460 §4.3 `policy-type` values. */
const POLICY_TYPES = new Set(['tlsa', 'sts', 'no-policy-found']);

/** RFC 8460 §4.4 result types (§4.4.1 negotiation, §4.4.2 policy, §4.4.3 general failures). */
const RESULT_TYPES = new Set([
  'starttls-not-supported',
  'certificate-host-mismatch',
  'certificate-expired',
  'certificate-not-trusted',
  'validation-failure',
  'tlsa-invalid',
  'dnssec-invalid',
  'dane-required',
  'sts-policy-fetch-error',
  'sts-policy-invalid',
  'sts-webpki-invalid',
]);

/** Top-level members of the RFC 8460 §4.5 schema. */
const REPORT_KEYS = new Set(['organization-name', 'date-range', 'contact-info', 'report-id', 'policies']);
const POLICY_ENTRY_KEYS = new Set(['policy', 'summary', 'failure-details']);
const POLICY_KEYS = new Set(['policy-type', 'policy-string', 'policy-domain', 'mx-host']);
const SUMMARY_KEYS = new Set(['total-successful-session-count', 'total-failure-session-count']);
const DETAIL_KEYS = new Set([
  'result-type',
  'sending-mta-ip',
  'receiving-mx-hostname',
  'receiving-mx-helo',
  'receiving-ip',
  'failed-session-count',
  'additional-information',
  'failure-reason-code',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a JSON object with member names normalized to the RFC spelling (lower case, `-` for `_`), so that
 * `organization_name` or `Policy-Type` still find their field. Returns the normalized copy and the names that
 * were not in `known`.
 */
function normalizeKeys(obj: JsonObject, known: Set<string>, where: string, warnings: string[]): Map<string, Json> {
  const out = new Map<string, Json>();
  const unknown: string[] = [];
  const respelled: string[] = [];
  for (const [rawKey, value] of Object.entries(obj)) {
    const key = rawKey.trim().toLowerCase().replace(/_/g, '-');
    if (key !== rawKey) respelled.push(rawKey);
    if (!known.has(key)) unknown.push(rawKey);
    if (!out.has(key)) out.set(key, value);
  }
  if (respelled.length > 0) {
    const names = respelled.map((k) => `"${k}"`).join(', ');
    warnings.push(reportText('report.tls.respelled', { where, count: respelled.length, names }));
  }
  if (unknown.length > 0) {
    const names = unknown.map((k) => `"${k}"`).join(', ');
    warnings.push(reportText('report.tls.unknownMembers', { where, count: unknown.length, names }));
  }
  return out;
}

function readString(value: Json | undefined, name: string, where: string, warnings: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') {
    const key = typeof value === 'number' ? 'report.tls.numberNotString' : 'report.tls.booleanNotString';
    warnings.push(reportText(key, { where, name, value: String(value) }));
    return String(value);
  }
  warnings.push(reportText('report.tls.notString', { where, name }));
  return undefined;
}

/** A list of strings (RFC 8460 §4.3 `policy-string`, `mx-host`); a lone string is taken as a one-item list. */
function readStringList(
  value: Json | undefined,
  name: string,
  where: string,
  warnings: string[],
): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    warnings.push(reportText('report.tls.stringNotList', { where, name }));
    return [value.trim()];
  }
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const item of value) {
      if (typeof item === 'string') out.push(item.trim());
      else if (typeof item === 'number') out.push(String(item));
      else warnings.push(reportText('report.tls.itemNotString', { where, name }));
    }
    return out;
  }
  warnings.push(reportText('report.tls.notListOrString', { where, name }));
  return undefined;
}

/** RFC 8460 §4.3.1/§4.3.2 and §4.4 counts are JSON integers; strings of digits are accepted with a warning. */
function readCount(value: Json | undefined, name: string, where: string, warnings: string[]): number | undefined {
  if (value === undefined || value === null) return undefined;
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else if (typeof value === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(value)) {
    n = Number(value);
    warnings.push(reportText('report.tls.countIsString', { where, name, value, read: String(n) }));
  } else {
    warnings.push(reportText('report.tls.notNumber', { where, name, value: JSON.stringify(value).slice(0, 40) }));
    return 0;
  }
  if (!Number.isFinite(n) || n < 0) {
    warnings.push(reportText('report.tls.notCount', { where, name, number: String(n) }));
    return 0;
  }
  if (!Number.isInteger(n)) {
    warnings.push(reportText('report.tls.notWhole', { where, name, number: String(n) }));
    n = Math.round(n);
  }
  return n;
}

/**
 * RFC 8460 §4.1 `date-range` members are RFC 3339 §5.6 `date-time` values. Returns unix seconds.
 * A missing zone (Microsoft: `2023-01-10T00:00:00`) is read as UTC, a bare date as its midnight UTC, a number as unix
 * seconds — each with a warning.
 */
function parseRfc3339(value: Json | undefined, name: string, warnings: string[]): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    warnings.push(reportText('report.tls.dateIsNumber', { name }));
    return Math.floor(value);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(
      text,
    );
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, , zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  // RFC 3339 §5.6 allows second 60 (leap second); Date.UTC rolls it into the next minute, which is what we want.
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  let offsetMinutes = 0;
  if (h === undefined) {
    warnings.push(reportText('report.tls.dateNoTime', { name, value: text }));
  } else if (zone === undefined) {
    warnings.push(reportText('report.tls.dateNoZone', { name, value: text }));
  } else if (zone !== 'Z' && zone !== 'z' && zone !== 'UTC') {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (zm) {
      const sign = zm[1] === '-' ? -1 : 1;
      offsetMinutes = sign * (Number(zm[2]) * 60 + Number(zm[3] ?? '0'));
    }
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (!Number.isFinite(ms)) return undefined;
  return Math.floor(ms / 1000) - offsetMinutes * 60;
}

/** Pulls the JSON text out of what the caller handed in: BOM, surrounding whitespace, NUL padding. */
function cleanText(text: string): string {
  let t = text;
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  // Some gzip writers pad with NUL bytes after the document. Counted from the end: `/\u0000+$/` tries every NUL of a
  // run that does not end the text, each to the end of the run, which takes time quadratic in the run.
  let end = t.length;
  while (end > 0 && t.charCodeAt(end - 1) === 0) end--;
  t = t.slice(0, end);
  return t.trim();
}

/** Whether arrays and objects in the JSON `text` nest deeper than `limit` (brackets inside strings do not count). */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* backslash */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** What kind of JSON value this is, in words (`a JSON array`). */
function describeJson(value: unknown): string {
  if (value === null) return reportText('report.json.null');
  if (Array.isArray(value)) return reportText('report.json.array');
  switch (typeof value) {
    case 'string':
      return reportText('report.json.string');
    case 'number':
      return reportText('report.json.number');
    case 'boolean':
      return reportText('report.json.boolean');
    default:
      return reportText('report.json.object');
  }
}

export function parseTlsReport(text: string): TlsParseOutcome {
  try {
    return parseTlsReportUnsafe(text);
  } catch (err) {
    // Defensive: nothing below is expected to throw, but a caller must never see an exception from bad input.
    return {
      ok: false,
      reason: reportText('report.tls.crashed', { error: err instanceof Error ? err.message : String(err) }),
    };
  }
}

function parseTlsReportUnsafe(text: string): TlsParseOutcome {
  if (typeof text !== 'string') return { ok: false, reason: reportText('report.tls.notText') };
  const cleaned = cleanText(text);
  if (cleaned === '') return { ok: false, reason: reportText('report.tls.empty') };
  if (nestsDeeperThan(cleaned, MAX_JSON_NESTING)) {
    return { ok: false, reason: reportText('report.tls.tooDeep', { limit: MAX_JSON_NESTING }) };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(cleaned);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: reportText('report.tls.invalidJson', { error: detail }) };
  }
  if (!isObject(doc)) {
    return { ok: false, reason: reportText('report.tls.notObject', { json: describeJson(doc) }) };
  }

  const warnings: string[] = [];
  const top = normalizeKeys(doc, REPORT_KEYS, 'report', []);
  const recognised = [...top.keys()].filter((k) => REPORT_KEYS.has(k));
  // RFC 8460 §4.5: `policies` is required; without it, or without any other report member, this is some other JSON.
  if (!top.has('policies')) {
    if (recognised.length === 0) {
      return { ok: false, reason: reportText('report.tls.noFields') };
    }
    return { ok: false, reason: reportText('report.tls.noPolicies') };
  }
  // Re-run with the warnings collected now that we know it is a TLS report.
  normalizeKeys(doc, REPORT_KEYS, 'report', warnings);

  // RFC 8460 §4.1 report metadata.
  let organizationName = readString(top.get('organization-name'), 'organization-name', 'report', warnings);
  if (organizationName === undefined || organizationName === '') {
    warnings.push(reportText('report.tls.noOrganization'));
    organizationName = '';
  }
  const contactInfo = readString(top.get('contact-info'), 'contact-info', 'report', warnings);
  if (contactInfo === undefined || contactInfo === '') {
    warnings.push(reportText('report.tls.noContact'));
  }
  let reportId = readString(top.get('report-id'), 'report-id', 'report', warnings);
  if (reportId === undefined || reportId === '') {
    warnings.push(reportText('report.tls.noReportId'));
    reportId = '';
  }

  let begin = 0;
  let end = 0;
  const range = top.get('date-range');
  if (isObject(range)) {
    const r = normalizeKeys(range, new Set(['start-datetime', 'end-datetime']), 'date-range', warnings);
    const start = parseRfc3339(r.get('start-datetime'), 'start-datetime', warnings);
    const stop = parseRfc3339(r.get('end-datetime'), 'end-datetime', warnings);
    if (start === undefined)
      warnings.push(reportText('report.tls.badStart', { value: describeValue(r.get('start-datetime')) }));
    else begin = start;
    if (stop === undefined)
      warnings.push(reportText('report.tls.badEnd', { value: describeValue(r.get('end-datetime')) }));
    else end = stop;
    if (start !== undefined && stop !== undefined && stop < start) {
      warnings.push(reportText('report.tls.endBeforeStart'));
    }
  } else {
    warnings.push(reportText('report.tls.noDateRange'));
  }

  // RFC 8460 §4.3: one entry per policy applied.
  let rawPolicies = top.get('policies');
  if (isObject(rawPolicies)) {
    warnings.push(reportText('report.tls.policiesObject'));
    rawPolicies = [rawPolicies];
  }
  if (!Array.isArray(rawPolicies)) {
    return { ok: false, reason: reportText('report.tls.policiesNotList', { json: describeJson(rawPolicies) }) };
  }
  const policies: TlsPolicyResult[] = [];
  rawPolicies.forEach((entry, i) => {
    const where = `policies[${i}]`;
    if (!isObject(entry)) {
      warnings.push(reportText('report.tls.notPolicyObject', { where, json: describeJson(entry) }));
      return;
    }
    policies.push(readPolicy(entry, where, warnings));
  });

  if (policies.length === 0) warnings.push(reportText('report.tls.noPolicyEntries'));

  const report: TlsReport = {
    kind: 'tls',
    organizationName,
    reportId,
    begin,
    end,
    policies,
  };
  if (contactInfo !== undefined && contactInfo !== '') report.contactInfo = contactInfo;
  return { ok: true, report, warnings };
}

function describeValue(value: Json | undefined): string {
  if (value === undefined) return '(missing)';
  return JSON.stringify(value).slice(0, 60);
}

function readPolicy(entry: JsonObject, where: string, warnings: string[]): TlsPolicyResult {
  const e = normalizeKeys(entry, POLICY_ENTRY_KEYS, where, warnings);

  let policyType = 'no-policy-found';
  let policyString: string[] = [];
  let policyDomain = '';
  let mxHost: string[] = [];
  const policy = e.get('policy');
  if (isObject(policy)) {
    const pw = `${where}.policy`;
    const p = normalizeKeys(policy, POLICY_KEYS, pw, warnings);
    const type = readString(p.get('policy-type'), 'policy-type', pw, warnings);
    if (type === undefined || type === '') {
      warnings.push(reportText('report.tls.noPolicyType', { where: pw }));
    } else {
      policyType = type.toLowerCase();
      if (!POLICY_TYPES.has(policyType))
        warnings.push(reportText('report.tls.unknownPolicyType', { where: pw, value: type }));
      else if (policyType !== type)
        warnings.push(
          reportText('report.tls.policyTypeNormalized', { where: pw, value: type, normalized: policyType }),
        );
    }
    const strings = readStringList(p.get('policy-string'), 'policy-string', pw, warnings);
    if (strings !== undefined) policyString = strings;
    else if (policyType === 'sts' || policyType === 'tlsa') {
      // RFC 8460 §4.3: the policy-string carries the applied STS policy or TLSA records.
      warnings.push(reportText('report.tls.noPolicyString', { where: pw, type: policyType }));
    }
    const domain = readString(p.get('policy-domain'), 'policy-domain', pw, warnings);
    if (domain === undefined || domain === '') warnings.push(reportText('report.tls.noPolicyDomain', { where: pw }));
    else policyDomain = domain;
    const hosts = readStringList(p.get('mx-host'), 'mx-host', pw, warnings);
    if (hosts !== undefined) {
      mxHost = hosts.map((h) => {
        // Some reporters copy the STS policy line (`mx: host`) instead of the host pattern (RFC 8461 §3.2).
        const m = /^mx\s*:\s*(.+)$/i.exec(h);
        if (m?.[1] !== undefined) {
          warnings.push(reportText('report.tls.mxPrefix', { where: pw, value: h, host: m[1].trim() }));
          return m[1].trim();
        }
        return h;
      });
    }
  } else {
    warnings.push(reportText('report.tls.noPolicy', { where }));
  }

  let successfulSessions = 0;
  let failedSessions = 0;
  const summary = e.get('summary');
  const sw = `${where}.summary`;
  if (isObject(summary)) {
    const s = normalizeKeys(summary, SUMMARY_KEYS, sw, warnings);
    const ok = readCount(s.get('total-successful-session-count'), 'total-successful-session-count', sw, warnings);
    const failed = readCount(s.get('total-failure-session-count'), 'total-failure-session-count', sw, warnings);
    if (ok === undefined) warnings.push(reportText('report.tls.noSuccessfulCount', { where: sw }));
    else successfulSessions = ok;
    if (failed === undefined) warnings.push(reportText('report.tls.noFailureCount', { where: sw }));
    else failedSessions = failed;
  } else {
    warnings.push(reportText('report.tls.noSummary', { where }));
  }

  const failureDetails: TlsFailureDetail[] = [];
  let rawDetails = e.get('failure-details');
  if (isObject(rawDetails)) {
    warnings.push(reportText('report.tls.detailsObject', { where }));
    rawDetails = [rawDetails];
  }
  if (Array.isArray(rawDetails)) {
    rawDetails.forEach((d, j) => {
      const dw = `${where}.failure-details[${j}]`;
      if (!isObject(d)) {
        warnings.push(reportText('report.tls.notDetailsObject', { where: dw, json: describeJson(d) }));
        return;
      }
      failureDetails.push(readDetail(d, dw, warnings));
    });
  } else if (rawDetails !== undefined && rawDetails !== null) {
    warnings.push(reportText('report.tls.detailsNotList', { where, json: describeJson(rawDetails) }));
  }

  // RFC 8460 §4.3.2: the failure count is the total; the details break it down. Summary counts stay authoritative.
  if (failureDetails.length > 0) {
    const detailSum = failureDetails.reduce((sum, d) => sum + d.failedSessionCount, 0);
    if (detailSum !== failedSessions) {
      warnings.push(
        reportText('report.tls.detailsSum', {
          where,
          detailed: String(detailSum),
          summary: String(failedSessions),
        }),
      );
    }
  }

  return { policyType, policyString, policyDomain, mxHost, successfulSessions, failedSessions, failureDetails };
}

function readDetail(d: JsonObject, where: string, warnings: string[]): TlsFailureDetail {
  const m = normalizeKeys(d, DETAIL_KEYS, where, warnings);
  let resultType = readString(m.get('result-type'), 'result-type', where, warnings);
  if (resultType === undefined || resultType === '') {
    warnings.push(reportText('report.tls.noResultType', { where }));
    resultType = 'unknown';
  } else {
    const normalized = resultType.toLowerCase();
    if (!RESULT_TYPES.has(normalized))
      warnings.push(reportText('report.tls.unknownResultType', { where, value: resultType }));
    resultType = normalized;
  }
  let failedSessionCount = readCount(m.get('failed-session-count'), 'failed-session-count', where, warnings);
  if (failedSessionCount === undefined) {
    warnings.push(reportText('report.tls.noFailedCount', { where }));
    failedSessionCount = 0;
  }
  const detail: TlsFailureDetail = { resultType, failedSessionCount };
  const optional: Array<[keyof TlsFailureDetail, string]> = [
    ['sendingMtaIp', 'sending-mta-ip'],
    ['receivingMxHostname', 'receiving-mx-hostname'],
    ['receivingMxHelo', 'receiving-mx-helo'],
    ['receivingIp', 'receiving-ip'],
    ['additionalInformation', 'additional-information'],
    ['failureReasonCode', 'failure-reason-code'],
  ];
  for (const [field, key] of optional) {
    const value = readString(m.get(key), key, where, warnings);
    if (value !== undefined && value !== '') (detail as unknown as Record<string, string>)[field] = value;
  }
  return detail;
}
