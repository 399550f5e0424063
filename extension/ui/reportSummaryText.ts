// Text for report numbers on the extension's pages. The values come from reports as their senders wrote them: the
// parser keeps any finite number (a begin of 1e20, an end of -99999999999999, a count of 1e308 whose sum is Infinity),
// and runtime messaging turns NaN and Infinity into null. Date covers only ±8.64e15 ms around 1970 (toISOString throws
// outside it), so every value is checked here and shown as plain "unknown" text instead of throwing or "NaN".

export const UNKNOWN_DATE = 'unknown date';

/** The Date of a report's Unix seconds, or undefined when no Date has that time (or the value is not a number). */
export function reportSecondsToDate(unixSeconds: unknown): Date | undefined {
  if (typeof unixSeconds !== 'number') return undefined;
  const date = new Date(unixSeconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A report's day (UTC) from Unix seconds, as YYYY-MM-DD; years beyond four digits are written out in full. */
export function formatReportDay(unixSeconds: unknown): string {
  const date = reportSecondsToDate(unixSeconds);
  if (date === undefined) return UNKNOWN_DATE;
  const two = (n: number) => String(n).padStart(2, '0');
  const year = date.getUTCFullYear();
  const yearText = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${yearText}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
}

/** "2024-03-01 – 2024-03-02", or "unknown dates" when neither end can be shown. */
export function formatReportDays(begin: unknown, end: unknown): string {
  const from = formatReportDay(begin);
  const to = formatReportDay(end);
  return from === UNKNOWN_DATE && to === UNKNOWN_DATE ? 'unknown dates' : `${from} – ${to}`;
}

/** A count of messages or sessions, grouped for reading; "an unknown number of" when it is not a finite number. */
export function formatCount(count: unknown): string {
  return typeof count === 'number' && Number.isFinite(count) ? count.toLocaleString() : 'an unknown number of';
}

/** A pass rate (0–1) as a percentage with one decimal; undefined when it is no share (no messages, absurd counts). */
export function formatPassRate(rate: unknown): string | undefined {
  return typeof rate === 'number' && rate >= 0 && rate <= 1 ? `${(rate * 100).toFixed(1)} %` : undefined;
}
