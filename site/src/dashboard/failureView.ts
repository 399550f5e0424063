// What the failure reports list needs besides drawing: redaction of personal data (RFC 9991 §6: failure reports carry
// the addresses, names and subjects of real people's mail), which reports belong to the period shown, and the
// aggregate source that saw the same address on the same day.
import { isoFromReportSeconds, type FailureReport, type StoredRecord } from '../../../core/report';
import type { ClassifiedSourceGroup, Period, SourceIp } from '../../../core/analysis';
import type { StoredFailureReport } from '../../../core/store';

/** `name <local@domain>` or `"name" <local@domain>` (the name is dropped), or a bare `local@domain`. */
const MAILBOX =
  /(?:"(?:[^"\\]|\\.)*"\s*|[^\s,<>";:@][^,<>";:@]*?\s*)?<\s*([^\s<>"@,;:]+)@([^\s<>"@,;]+)\s*>|([^\s<>"@,;:]+)@([^\s<>"@,;]+)/g;
/** Any `local@domain` in free text (a Received or Authentication-Results header). */
const ADDRESS = /([^\s<>"@,;:=]+)@([^\s<>"@,;]+)/g;

const hidden = (local: string, domain: string) => `${local.slice(0, 1)}***@${domain}`;

/**
 * An address header (From, To, Original-Mail-From) with each mailbox shown as `j***@example.com`: the domain is kept
 * (it is what a postmaster looks for), the local part and the display name, which can be a person's name, are hidden.
 */
export function redactAddress(text: string | undefined): string {
  if (!text) return '–';
  const found = [...text.matchAll(MAILBOX)].map((m) =>
    m[1] !== undefined ? hidden(m[1], m[2]!) : hidden(m[3]!, m[4]!),
  );
  return found.length > 0 ? found.join(', ') : text;
}

/** Headers whose value is mailboxes (display names included), RFC 5322 §3.6.2–3. */
const ADDRESS_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'return-path',
  'delivered-to',
  'x-original-to',
  'original-mail-from',
  'original-rcpt-to',
]);
/** Headers that are a person's words, not the mail system's. */
const PRIVATE_HEADERS = new Set(['subject', 'thread-topic', 'dkim-canonicalized-header', 'dkim-canonicalized-body']);

/** A header of the failed message or a feedback field, redacted; `hiddenText` stands for a value hidden whole. */
export function redactHeader(name: string, value: string, hiddenText: string): string {
  const lower = name.toLowerCase();
  if (PRIVATE_HEADERS.has(lower)) return hiddenText;
  if (ADDRESS_HEADERS.has(lower)) return redactAddress(value);
  return value.replace(ADDRESS, (_whole, local: string, domain: string) => hidden(local, domain));
}

const DAY = 86_400;

/**
 * The failure reports of the period: those dated in it (the store's query already chose them), and an undated one
 * (its arrival date could not be read, stored as 0) only in the period holding the day it was imported.
 */
export function failuresInPeriod(failures: readonly StoredFailureReport[], period: Period): StoredFailureReport[] {
  return failures.filter((f) => {
    if (f.begin !== 0) return true;
    const importedDay = Math.floor(f.importedAt / 1000 / DAY) * DAY;
    return importedDay >= period.from && importedDay < period.to;
  });
}

export interface MatchingSource {
  group: ClassifiedSourceGroup;
  ip: SourceIp;
  /** The records of that address whose report covers the failure's arrival day. */
  records: StoredRecord[];
}

/** The UTC day of `seconds`, as `YYYY-MM-DD`. */
function dayOf(seconds: number): string | undefined {
  return isoFromReportSeconds(seconds)?.slice(0, 10);
}

/**
 * The aggregate source that saw the failure's sending address on its arrival day (a report covering that day has a
 * record of it), when the sources shown have one.
 */
export function matchingSource(
  report: Pick<FailureReport, 'sourceIp' | 'arrivalTime'>,
  groups: readonly ClassifiedSourceGroup[],
): MatchingSource | undefined {
  const { sourceIp, arrivalTime } = report;
  if (!sourceIp || arrivalTime === undefined) return undefined;
  const day = dayOf(arrivalTime);
  if (!day) return undefined;
  for (const group of groups) {
    for (const ip of group.ips) {
      if (ip.ip !== sourceIp) continue;
      const records = ip.records.list().filter((r) => {
        const first = dayOf(r.begin);
        // A report's end is its last second or (some reporters) the next midnight: the day before that midnight.
        const last = dayOf(Math.max(r.begin, r.end % DAY === 0 ? r.end - 1 : r.end));
        return first !== undefined && last !== undefined && first <= day && day <= last;
      });
      if (records.length > 0) return { group, ip, records };
    }
  }
  return undefined;
}
