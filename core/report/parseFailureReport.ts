// DMARC failure (forensic, "ruf") reports: RFC 5965 ARF messages with an RFC 6591 auth-failure feedback part, as
// updated by RFC 9991; and the plain-text kind some MTAs (Exim) send without any message/feedback-report part.
//
// Input is a message already parsed by postal-mime 4. postal-mime keeps `message/feedback-report`,
// `text/rfc822-headers` and (whenever the message has a report part) `message/rfc822` parts as attachments with
// their decoded bytes in `content`. For messages without a report part it only keeps `message/rfc822` as an
// attachment when parsed with `forceRfc822Attachments: true` — callers should pass that option.
//
// Nothing here throws: an unreadable message is `{kind: 'none'}`.

import type { Attachment, Email } from 'postal-mime';
import { canonicalIpAddress } from './parseIpAddress';
import { reportText } from './reportMessages';
import type { FailureReport } from './types';

export type FailureOutcome =
  | { kind: 'failure'; report: FailureReport; warnings: string[] }
  /** An ARF report whose Feedback-Type is not `auth-failure` (RFC 5965 §7.3: abuse, fraud, virus, other, not-spam). */
  | { kind: 'abuse'; feedbackType: string }
  | { kind: 'none' };

type Fields = Array<[name: string, value: string]>;

/** Content types that carry the failed message or its header (RFC 6591 §3.1, RFC 6532 §3.7 and §3.8). */
const ORIGINAL_TYPES = new Set([
  'message/rfc822',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global',
  'message/global-headers',
  'text/rfc822',
]);

export function parseFailureReport(email: Email): FailureOutcome {
  try {
    return parseUnsafe(email);
  } catch {
    // Defensive: every step below tolerates bad input; a caller must never see an exception from a message.
    return { kind: 'none' };
  }
}

function parseUnsafe(email: Email): FailureOutcome {
  const attachments: Attachment[] = Array.isArray(email?.attachments) ? email.attachments : [];
  const arfParts = attachments.filter((a) => lower(a.mimeType) === 'message/feedback-report');
  const arf = arfParts[0];
  if (arf !== undefined) return fromArf(email, attachments, arf, arfParts.length);
  return fromPlainText(email, attachments);
}

// ---------------------------------------------------------------------------------------------------------------
// ARF: a message/feedback-report part (RFC 5965 §3)

function fromArf(email: Email, attachments: Attachment[], arf: Attachment, arfCount: number): FailureOutcome {
  const warnings: string[] = [];
  if (arfCount > 1) warnings.push(reportText('report.arf.manyParts', { count: arfCount }));
  const fields = parseHeaderBlock(attachmentText(arf)).headers.map(([name, value]): [string, string] => [
    name.toLowerCase(),
    value,
  ]);

  // RFC 5965 §3.1: Feedback-Type is required; RFC 6591 §3.1 defines `auth-failure`.
  const rawType = first(fields, 'feedback-type');
  let feedbackType = rawType === undefined ? '' : stripComments(rawType).toLowerCase();
  if (feedbackType === '') {
    if (first(fields, 'auth-failure') !== undefined) {
      warnings.push(reportText('report.arf.noFeedbackType'));
      feedbackType = 'auth-failure';
    } else {
      return { kind: 'abuse', feedbackType: '' };
    }
  }
  if (feedbackType !== 'auth-failure') return { kind: 'abuse', feedbackType };

  const report = buildReport('arf', feedbackType, fields, warnings);
  // RFC 5965 §3.1 required fields.
  if (report.userAgent === undefined) warnings.push(reportText('report.arf.noUserAgent'));
  if (report.version === undefined) warnings.push(reportText('report.arf.noVersion'));
  // RFC 6591 §3.1: an auth-failure report carries Auth-Failure.
  if (report.authFailure === undefined) warnings.push(reportText('report.arf.noAuthFailure'));

  const originalPart = attachments.find((a) => ORIGINAL_TYPES.has(lower(a.mimeType)));
  if (originalPart !== undefined) {
    report.original = readOriginal(attachmentText(originalPart), isHeadersType(originalPart), warnings);
  } else {
    // RFC 5965 §2 (d): the third part is the original message or its header; RFC 6591 §3.1 allows redaction only.
    warnings.push(reportText('report.arf.noOriginal'));
  }
  finish(report, email, warnings);
  return { kind: 'failure', report, warnings };
}

// ---------------------------------------------------------------------------------------------------------------
// Plain-text reports without an ARF part (Exim's DMARC module): `Name: value` lines in the text body, followed by
// a copy of the failed message's header.

/** Exim's field names, mapped to the RFC 5965/6591 field they stand for. */
const TEXT_FIELD_ALIASES: Record<string, string> = {
  'sender domain': 'reported-domain',
  'sender ip address': 'source-ip',
  'received date': 'arrival-date',
};

/** How many body lines of a plain-text report are read (fields and the copied header). */
const MAX_TEXT_LINES = 5000;

/**
 * Whether `line` introduces the copied header in Exim's report: dashes, then `copy of the message` or `headers` later
 * on the line. What `/^\s*-{2,}.*\bcopy of the (?:message|headers?)\b/i` matches, without its backtracking: on a long
 * line of dashes that expression tries every split between `-{2,}` and `.*`, which takes time quadratic in the line.
 */
function isHeaderCopyMarker(line: string): boolean {
  const dashes = /^\s*--/.exec(line);
  if (dashes === null) return false;
  const from = dashes[0].length - 2;
  // `.` stops at line terminators other than `\n`, which the split leaves in the line.
  const terminator = line.slice(from).search(/[\r\u2028\u2029]/);
  const rest = terminator === -1 ? line.slice(from) : line.slice(from, from + terminator);
  return /\bcopy of the (?:message|headers?)\b/i.test(rest);
}

function fromPlainText(email: Email, attachments: Attachment[]): FailureOutcome {
  const body = typeof email.text === 'string' ? email.text : '';
  // Cheap test first: most messages handed here are aggregate reports or letters.
  if (!/feedback-type\s*:|sender domain\s*:/i.test(body)) return { kind: 'none' };
  // The fields sit at the top of the body; a report is never thousands of lines before its header copy.
  const lines = body.split(/\r?\n/, MAX_TEXT_LINES);
  const markerAt = lines.findIndex(isHeaderCopyMarker);
  const fieldLines = markerAt >= 0 ? lines.slice(0, markerAt) : lines;
  const fields = parseTextFields(fieldLines);
  const has = (name: string) => fields.some(([n]) => n === name);

  let feedbackType: string;
  if (has('feedback-type')) {
    // ARF fields pasted into a text body.
    feedbackType = stripComments(first(fields, 'feedback-type') ?? '').toLowerCase();
    if (feedbackType !== 'auth-failure') return { kind: 'abuse', feedbackType };
  } else {
    const subject = typeof email.subject === 'string' ? email.subject : '';
    const mentionsDmarc = /\bdmarc\b/i.test(subject) || /\bdmarc\b/i.test(fieldLines.join('\n'));
    if (!(has('sender domain') && (has('sender ip address') || has('dmarc results')) && mentionsDmarc)) {
      return { kind: 'none' };
    }
    feedbackType = 'auth-failure';
  }

  const warnings: string[] = [reportText('report.arf.textBody')];
  // Typed values come from the RFC names; Exim's names are mapped onto them, while `fields` keeps what was written.
  const typed: Fields = fields.map(([n, v]): [string, string] => [TEXT_FIELD_ALIASES[n] ?? n, v]);
  if (first(typed, 'auth-failure') === undefined && !has('feedback-type')) {
    // Exim only reports DMARC failures (RFC 9991 defines Auth-Failure `dmarc` for them).
    typed.push(['auth-failure', 'dmarc']);
  }
  if (first(typed, 'identity-alignment') === undefined) {
    // RFC 9991: Identity-Alignment lists the mechanisms that failed to give an aligned pass, or `none`.
    const failed: string[] = [];
    const dkim = first(fields, 'dkim alignment');
    const spf = first(fields, 'spf alignment');
    if (dkim !== undefined && /^no\b/i.test(dkim)) failed.push('dkim');
    if (spf !== undefined && /^no\b/i.test(spf)) failed.push('spf');
    if (dkim !== undefined && spf !== undefined)
      typed.push(['identity-alignment', failed.length ? failed.join(', ') : 'none']);
  }
  const report = buildReport('text', feedbackType, typed, warnings);
  report.fields = fields;

  const originalPart = attachments.find((a) => ORIGINAL_TYPES.has(lower(a.mimeType)));
  if (originalPart !== undefined) {
    report.original = readOriginal(attachmentText(originalPart), isHeadersType(originalPart), warnings);
  } else if (markerAt >= 0) {
    // Exim leaves a blank line after the marker line; that is not an empty header.
    const copied = lines.slice(markerAt + 1);
    while (copied.length > 0 && (copied[0] ?? '').trim() === '') copied.shift();
    report.original = readOriginal(
      copied.join('\n'),
      /\bcopy of the headers?\b/i.test(lines[markerAt] ?? ''),
      warnings,
    );
  } else {
    warnings.push(reportText('report.arf.noHeaderCopy'));
  }
  finish(report, email, warnings);
  return { kind: 'failure', report, warnings };
}

/** `Name: value` lines, names lower-cased; indented lines that are not fields continue the previous value. */
function parseTextFields(lines: string[]): Fields {
  const fields: Fields = [];
  let last: [string, string] | undefined;
  for (const line of lines) {
    const m = /^[ \t]*([A-Za-z][A-Za-z0-9-]*(?: [A-Za-z0-9-]+){0,3})[ \t]*:(?:[ \t]+(.*)|)$/.exec(line);
    if (m?.[1] !== undefined) {
      last = [m[1].toLowerCase(), (m[2] ?? '').trim()];
      fields.push(last);
    } else if (last !== undefined && /^[ \t]+\S/.test(line)) {
      last[1] = `${last[1]} ${line.trim()}`.trim();
    } else {
      last = undefined;
    }
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared

function buildReport(format: 'arf' | 'text', feedbackType: string, fields: Fields, warnings: string[]): FailureReport {
  const report: FailureReport = { kind: 'failure', format, feedbackType, fields };
  const set = <K extends keyof FailureReport>(key: K, value: FailureReport[K] | undefined) => {
    if (value !== undefined && value !== '') report[key] = value;
  };
  // RFC 5965 §3.1 required fields.
  set('userAgent', first(fields, 'user-agent'));
  set('version', first(fields, 'version'));
  // RFC 6591 §3.1.
  set(
    'authFailure',
    opt(first(fields, 'auth-failure'), (v) => stripComments(v).toLowerCase()),
  );
  // RFC 5965 §3.3 (may repeat: the first is kept here, every one in `fields`).
  set(
    'reportedDomain',
    opt(first(fields, 'reported-domain'), (v) => stripComments(v).toLowerCase()),
  );
  // RFC 5965 §3.2: Source-IP is an address, possibly with a comment (OpenDMARC appends the host name).
  set('sourceIp', opt(first(fields, 'source-ip'), cleanIp));
  // RFC 5965 §3.2 Arrival-Date; older ARF generators wrote Received-Date.
  const arrival = first(fields, 'arrival-date') ?? first(fields, 'received-date');
  if (arrival !== undefined && first(fields, 'arrival-date') === undefined) {
    warnings.push(reportText('report.arf.receivedDate'));
  }
  set('arrivalDate', arrival);
  if (arrival !== undefined && arrival !== '') {
    const t = parseMailDate(arrival);
    if (t === undefined) warnings.push(reportText('report.arf.badArrivalDate', { value: arrival }));
    else report.arrivalTime = t;
  }
  // RFC 5965 §3.2 Original-Mail-From, §3.3 Original-Rcpt-To: SMTP paths, angle brackets removed.
  set('originalMailFrom', opt(first(fields, 'original-mail-from'), unbracket));
  const rcpts = all(fields, 'original-rcpt-to')
    .map(unbracket)
    .filter((v) => v !== '');
  if (rcpts.length > 0) report.originalRcptTo = rcpts.join(', ');
  // RFC 5965 §3.3 Authentication-Results (RFC 8601 syntax), kept as written.
  set('authenticationResults', first(fields, 'authentication-results'));
  // RFC 6591 §3.2 DKIM and SPF details (§3.2.1, §3.2.2) and Delivery-Result.
  set(
    'dkimDomain',
    opt(first(fields, 'dkim-domain'), (v) => stripComments(v).toLowerCase()),
  );
  set('dkimIdentity', opt(first(fields, 'dkim-identity'), stripComments));
  set('dkimSelector', opt(first(fields, 'dkim-selector'), stripComments));
  set('spfDns', first(fields, 'spf-dns'));
  set(
    'deliveryResult',
    opt(first(fields, 'delivery-result'), (v) => stripComments(v).toLowerCase()),
  );
  // RFC 9991: Identity-Alignment, `none` or a comma list of dkim/spf.
  set(
    'identityAlignment',
    opt(first(fields, 'identity-alignment'), (v) => stripComments(v).toLowerCase()),
  );
  // RFC 5965 §3.3 Reported-URI may repeat.
  const uris = all(fields, 'reported-uri')
    .map((v) => unbracket(v))
    .filter((v) => v !== '');
  if (uris.length > 0) report.reportedUri = uris;
  return report;
}

/** Adds the report message's own header, and fills a missing Reported-Domain from what identifies it best. */
function finish(report: FailureReport, email: Email, warnings: string[]): void {
  const reporter: NonNullable<FailureReport['reporter']> = {};
  const from = formatAddress(email.from);
  if (from) reporter.from = from;
  if (typeof email.subject === 'string' && email.subject !== '') reporter.subject = email.subject;
  const date = headerValue(email, 'date') ?? (typeof email.date === 'string' ? email.date : undefined);
  if (date) reporter.date = date;
  if (Object.keys(reporter).length > 0) report.reporter = reporter;

  if (report.reportedDomain === undefined) {
    // RFC 6591 §3.1 requires Reported-Domain; fall back on the RFC5322.From domain the receiver evaluated.
    const headerFrom = /\bheader\.from=([^\s;()]+)/i.exec(report.authenticationResults ?? '')?.[1];
    const originalFrom = report.original?.from !== undefined ? domainOf(report.original.from) : undefined;
    const fallback = headerFrom ?? originalFrom;
    if (fallback !== undefined) {
      report.reportedDomain = fallback.toLowerCase();
      warnings.push(reportText('report.arf.domainFromMessage', { domain: report.reportedDomain }));
    } else {
      warnings.push(reportText('report.arf.noDomain'));
    }
  }
}

/** Whether a part carries only the failed message's header (RFC 6591 §3.1: text/rfc822-headers and its kin). */
function isHeadersType(part: Attachment): boolean {
  return lower(part.mimeType).endsWith('-headers');
}

function readOriginal(text: string, headersOnly: boolean, warnings: string[]): NonNullable<FailureReport['original']> {
  const { headers, skippedLeadingBlank } = parseHeaderBlock(text);
  if (skippedLeadingBlank) warnings.push(reportText('report.arf.blankLine'));
  if (headers.length === 0) warnings.push(reportText('report.arf.noHeaders'));
  const original: NonNullable<FailureReport['original']> = { headersOnly, headers };
  const get = (name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const from = get('from');
  const to = get('to');
  const subject = get('subject');
  const date = get('date');
  const messageId = get('message-id');
  if (from !== undefined) original.from = decodeEncodedWords(from);
  if (to !== undefined) original.to = decodeEncodedWords(to);
  if (subject !== undefined) original.subject = decodeEncodedWords(subject);
  if (date !== undefined) original.date = date;
  if (messageId !== undefined) original.messageId = messageId;
  return original;
}

/**
 * An RFC 5322 §2.2 header section: `Name: value` lines, continuation lines (starting with WSP) unfolded per
 * §2.2.3 with the fold collapsed to one space. Stops at the first empty line. Names keep their case.
 */
function parseHeaderBlock(text: string): { headers: Fields; skippedLeadingBlank: boolean } {
  const lines = text.split(/\r\n|\r|\n/);
  const headers: Fields = [];
  let i = 0;
  let skippedLeadingBlank = false;
  while (i < lines.length && (lines[i] ?? '').trim() === '') {
    i++;
    skippedLeadingBlank = true;
  }
  if (i >= lines.length) skippedLeadingBlank = false;
  // An mbox "From " separator line is not a header field.
  if (/^From /.test(lines[i] ?? '')) i++;
  // A field's value and continuation lines, joined once the field ends (appending each to the text so far made a
  // field folded over thousands of lines cost their number squared).
  let current: [string, string] | undefined;
  let parts: string[] = [];
  const finishField = () => {
    if (current !== undefined && parts.length > 1) current[1] = parts.filter((part) => part !== '').join(' ');
  };
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') break;
    if (/^[ \t]/.test(line)) {
      if (current !== undefined) parts.push(line.trim());
      continue;
    }
    finishField();
    // RFC 5322 §2.2: field-name is printable ASCII except colon.
    const m = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(line);
    if (m?.[1] !== undefined) {
      current = [m[1], (m[2] ?? '').trim()];
      parts = [current[1]];
      headers.push(current);
    } else {
      current = undefined;
    }
  }
  finishField();
  return { headers, skippedLeadingBlank };
}

function attachmentText(a: Attachment): string {
  const content: unknown = a.content;
  if (typeof content === 'string') {
    return a.encoding === 'base64' ? bytesToText(base64ToBytes(content)) : content;
  }
  if (content instanceof Uint8Array) return bytesToText(content);
  if (content instanceof ArrayBuffer) return bytesToText(new Uint8Array(content));
  if (ArrayBuffer.isView(content)) {
    return bytesToText(new Uint8Array(content.buffer, content.byteOffset, content.byteLength));
  }
  return '';
}

/** UTF-8 when valid, else windows-1252 (raw 8-bit headers of the failed message are common). */
function bytesToText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('windows-1252').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/_-]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (const ch of clean) {
    const v = ch === '-' ? 62 : ch === '_' ? 63 : B64.indexOf(ch);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** RFC 2047 encoded words (`=?charset?B|Q?text?=`); whitespace between adjacent encoded words is dropped (§6.2). */
function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  const joined = value.replace(/(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)/g, '$1');
  return joined.replace(
    /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g,
    (whole, charset: string, enc: string, text: string) => {
      try {
        let bytes: Uint8Array;
        if (enc.toUpperCase() === 'B') {
          bytes = base64ToBytes(text);
        } else {
          // §4.2: `_` is a space, `=XX` a byte.
          const out: number[] = [];
          for (let i = 0; i < text.length; i++) {
            const c = text[i] ?? '';
            const hex = text.slice(i + 1, i + 3);
            if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
              out.push(parseInt(hex, 16));
              i += 2;
            } else if (c === '_') out.push(0x20);
            else out.push(c.charCodeAt(0) & 0xff);
          }
          bytes = new Uint8Array(out);
        }
        // RFC 2231 §5: a language may follow the charset after `*`.
        const label = (charset.split('*')[0] ?? 'utf-8').trim();
        try {
          return new TextDecoder(label).decode(bytes);
        } catch {
          return new TextDecoder('utf-8').decode(bytes);
        }
      } catch {
        return whole;
      }
    },
  );
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** RFC 5322 §4.3 obsolete zone names. */
const ZONES: Record<string, number> = {
  ut: 0,
  gmt: 0,
  utc: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/**
 * RFC 5322 §3.3 date-time (with the §4.3 obsolete forms: two-digit years, zone names, comments), or an RFC 3339
 * timestamp, to unix seconds.
 */
function parseMailDate(value: string): number | undefined {
  const text = stripComments(value).replace(/\s+/g, ' ').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0'));
    return Math.floor(ms / 1000) - zoneMinutes(zone) * 60;
  }
  const m =
    /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*\.?[ -](\d{2,4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:\s+([+-]\d{4}|[A-Za-z]{1,5}))?$/.exec(
      text,
    );
  if (!m) return undefined;
  const [, d, mon, y, h, mi, s, zone] = m;
  const month = MONTHS[(mon ?? '').toLowerCase()];
  if (month === undefined) return undefined;
  let year = Number(y);
  // RFC 5322 §4.3: two-digit years below 50 are 20xx, others 19xx; three digits add 1900.
  if ((y ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  else if ((y ?? '').length === 3) year += 1900;
  const ms = Date.UTC(year, month, Number(d), Number(h), Number(mi), Number(s ?? '0'));
  if (!Number.isFinite(ms)) return undefined;
  return Math.floor(ms / 1000) - zoneMinutes(zone) * 60;
}

function zoneMinutes(zone: string | undefined): number {
  if (zone === undefined) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  // RFC 5322 §4.3: other alphabetic (military) zones SHOULD be read as -0000.
  return ZONES[zone.toLowerCase()] ?? 0;
}

/** Removes RFC 5322 §3.2.2 comments (nested parentheses) and trims. */
function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && depth > 0) {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * RFC 5965 §3.2 Source-IP: an IPv4 or IPv6 address; comments, brackets and an `IPv6:` tag are removed, and an
 * address is written as aggregate records write it (RFC 5952, IPv4-mapped as IPv4), so the two kinds of report name
 * one sender alike. Text that is no address is kept as it came, for the person reading the report.
 */
function cleanIp(value: string): string {
  let v = stripComments(value);
  v = v.replace(/^\[|\]$/g, '').replace(/^ipv6:/i, '');
  const address = v.split(/[\s,;]/)[0] ?? '';
  return canonicalIpAddress(address) ?? address;
}

function unbracket(value: string): string {
  const v = stripComments(value);
  const m = /^<([^>]*)>$/.exec(v);
  return (m ? (m[1] ?? '') : v).trim();
}

function domainOf(address: string): string | undefined {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  return m?.[1];
}

function formatAddress(address: Email['from']): string | undefined {
  if (address === undefined || address === null) return undefined;
  if (typeof address.address === 'string' && address.address !== '') {
    return address.name ? `${address.name} <${address.address}>` : address.address;
  }
  return address.name || undefined;
}

function headerValue(email: Email, key: string): string | undefined {
  const headers = Array.isArray(email.headers) ? email.headers : [];
  return headers.find((h) => h.key === key)?.value?.trim();
}

function first(fields: Fields, name: string): string | undefined {
  return fields.find(([n]) => n === name)?.[1];
}

function all(fields: Fields, name: string): string[] {
  return fields.filter(([n]) => n === name).map(([, v]) => v);
}

function opt(value: string | undefined, f: (v: string) => string): string | undefined {
  return value === undefined ? undefined : f(value);
}

function lower(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase().trim() : '';
}
