// What an aggregate report may claim before it is believed. A reporter's numbers are text: `1e30`, `0x10`, `-5`, a
// timestamp in milliseconds or in 1970 all parse as numbers in JavaScript, and one such value is enough to bury every
// real failure on a dashboard (10^30 messages at 100% pass). Counts and dates are read strictly here; a record that
// fails is left out with a warning, a report whose dates fail is refused (toAggregateReport.ts and the reader).
import { isoFromReportSeconds } from './reportDate';
import { reportList, reportText } from './reportMessages';
import type { ReportMetadata } from './types';
import { hasInvisibleCharacters, visibleText } from './visibleText';

/**
 * Most messages one record (one source address, one set of results, usually one day) may claim. A billion is 11,574
 * messages a second from one address for a whole day, far beyond what the largest senders push from a single address
 * to a single receiver; and MAX_RECORDS_PER_REPORT (5 million) rows at this count stay below 2^53, so a report's
 * total is still an exact integer.
 */
export const MAX_RECORD_COUNT = 1_000_000_000;

/**
 * Earliest plausible report time: 2012-01-01 UTC. The DMARC specification was published and the first receivers began
 * sending aggregate reports in 2012 (the oldest real report in the corpus, OpenDMARC's, covers May 2012).
 */
export const FIRST_REPORT_SECONDS = Date.UTC(2012, 0, 1) / 1000;

/**
 * How far past the reader's clock a report's dates may lie: a report covers time that has passed, but reporters label
 * local days as UTC (up to 14 hours out) and the reader's own clock may be off by a day.
 */
export const FUTURE_SLACK_SECONDS = 2 * 86_400;

/**
 * Timestamps above this are read as milliseconds. As seconds it is the year 5138, which no report covers; as
 * milliseconds it is March 1973, before any report: so every plausible time in either unit falls on its own side.
 */
export const MILLISECONDS_ABOVE = 1e11;

/** Longest value quoted in a warning: a 1000-digit "count" is shown by its start. */
const MAX_SHOWN_CHARS = 64;

/**
 * A `<count>`: only decimal digits are a whole number of messages (`0x10`, `1e3`, `-5`, `1.5`, `Infinity` and the
 * empty string are not). The number, or -1. Counting stops past {@link MAX_RECORD_COUNT}, so a 1000-digit string
 * gives some number above it rather than Infinity.
 */
export function readCount(text: string): number {
  if (text.length === 0) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    if (value <= MAX_RECORD_COUNT) value = value * 10 + digit;
  }
  return value;
}

/** Whether a `<begin>` or `<end>` is written as a Unix time: digits, optionally a decimal point and more digits. */
export function isTimestampText(text: string): boolean {
  let i = 0;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i === 0) return false;
  if (i === text.length) return true;
  if (text.charCodeAt(i) !== 46) return false;
  for (i++; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether `seconds` can be a report time when the clock reads `nowSeconds`. */
export function isPlausibleReportTime(seconds: number, nowSeconds: number): boolean {
  return seconds >= FIRST_REPORT_SECONDS && seconds <= nowSeconds + FUTURE_SLACK_SECONDS;
}

/** `2023-11-14 22:13:20 UTC`, or the bare number when no date has that time. */
export function describeTime(seconds: number): string {
  const iso = isoFromReportSeconds(seconds);
  return iso === undefined ? String(seconds) : `${iso.replace('T', ' ').replace(/\.\d+Z$/, '')} UTC`;
}

/** A reporter's value as quoted in a warning: invisible characters shown as ⟨U+XXXX⟩, long values cut short. */
export function shown(value: string): string {
  const cut =
    value.length > MAX_SHOWN_CHARS ? `${value.slice(0, MAX_SHOWN_CHARS)}… (${value.length} characters)` : value;
  return `"${visibleText(cut)}"`;
}

/**
 * Why a report's date range cannot be believed, as a sentence naming the report and the field, or undefined when it
 * can: a begin or end that is missing, not a Unix time, before {@link FIRST_REPORT_SECONDS} or past the clock (after
 * any millisecond correction toMetadata made), or a begin after the end. `nowSeconds` is the reader's clock.
 *
 * toMetadata reads a missing or unreadable time as 0 and keeps what was written in `raw` ('' when nothing was), so the
 * two are told apart from a reporter who wrote 0.
 */
export function dateRangeProblem(metadata: ReportMetadata, nowSeconds = Date.now() / 1000): string | undefined {
  const problems: string[] = [];
  for (const field of ['begin', 'end'] as const) {
    const seconds = metadata[field];
    if (isPlausibleReportTime(seconds, nowSeconds)) continue;
    const written = metadata.raw?.[field];
    if (written === '') problems.push(reportText('report.date.missing', { field }));
    else if (written !== undefined && !isTimestampText(written))
      problems.push(reportText('report.date.notUnix', { field, value: shown(written) }));
    else {
      const value =
        written === undefined ? String(seconds) : written.length > MAX_SHOWN_CHARS ? shown(written) : written;
      const time = describeTime(seconds);
      const before = seconds < FIRST_REPORT_SECONDS;
      problems.push(
        time === String(seconds)
          ? reportText(before ? 'report.date.beforeDmarc' : 'report.date.future', { field, value })
          : reportText(before ? 'report.date.beforeDmarcAt' : 'report.date.futureAt', { field, value, time }),
      );
    }
  }
  if (problems.length === 0 && metadata.begin > metadata.end) {
    problems.push(
      reportText('report.date.beginAfterEnd', {
        begin: describeTime(metadata.begin),
        end: describeTime(metadata.end),
      }),
    );
  }
  if (problems.length === 0) return undefined;
  const params = { id: shown(metadata.reportId), org: shown(metadata.orgName), problems: reportList(problems) };
  const named = metadata.orgName !== '';
  if (metadata.reportId === '') return reportText(named ? 'report.refusedNoIdFrom' : 'report.refusedNoId', params);
  return reportText(named ? 'report.refusedFrom' : 'report.refused', params);
}

/** Names of the invisible characters met most in spoofed text (Unicode character names). */
const CHARACTER_NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`. */
export function describeCodePoint(codePoint: number): string {
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHARACTER_NAMES[codePoint];
  return name === undefined ? code : `${code} ${name}`;
}

/**
 * Joiners shape letters in Persian, Indic scripts and emoji, so a display name may hold them; in a domain, address or
 * identifier nothing invisible belongs.
 */
const ALLOWED_IN_NAMES = new Set([0x200c, 0x200d]);

/**
 * A warning when `value` (a report's `field`) holds characters that draw nothing or reorder the text around them —
 * `exa\u202Emoc.elpmaxe\u202C` displays as "exaexample.com" — naming the field and each such code point; else
 * undefined. The characters are those visibleText makes visible, so what is warned about is what the pages escape.
 */
export function invisibleCharactersWarning(field: string, value: string, isName = false): string | undefined {
  // Printable ASCII, nearly every value, is settled without building a string.
  let i = 0;
  for (; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) break;
  }
  if (i === value.length) return undefined;
  // Text in other scripts (an IDN, a reporter's name) is settled by one pass before looking at each character.
  const rest = value.slice(i);
  if (!hasInvisibleCharacters(rest)) return undefined;
  const found: number[] = [];
  for (const character of rest) {
    const codePoint = character.codePointAt(0)!;
    if (found.includes(codePoint) || (isName && ALLOWED_IN_NAMES.has(codePoint))) continue;
    if (visibleText(character) !== character) found.push(codePoint);
  }
  if (found.length === 0) return undefined;
  return reportText('report.invisible', {
    field,
    quoted: shown(value),
    characters: found.map(describeCodePoint).join(', '),
  });
}
