// Text for report numbers on the extension's pages and its card. The values come from reports as their senders wrote
// them: the parser keeps any finite number (a begin of 1e20, an end of -99999999999999, a count of 1e308 whose sum is
// Infinity), and runtime messaging turns NaN and Infinity into null. Date covers only ±8.64e15 ms around 1970
// (toISOString throws outside it), so every value is checked here and shown as plain "unknown" text instead of
// throwing or "NaN". Each function takes the translator to write in (the reader's language by default).
import { extensionText, type ExtensionKey } from './extensionText';
import type { Translator } from '../../core/i18n';

type Text = Translator<ExtensionKey>;

/** The Date of a report's Unix seconds, or undefined when no Date has that time (or the value is not a number). */
export function reportSecondsToDate(unixSeconds: unknown): Date | undefined {
  if (typeof unixSeconds !== 'number') return undefined;
  const date = new Date(unixSeconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A report's day (UTC) from Unix seconds, as YYYY-MM-DD; years beyond four digits are written out in full. */
export function formatReportDay(unixSeconds: unknown, text: Text = extensionText): string {
  const date = reportSecondsToDate(unixSeconds);
  if (date === undefined) return text.t('ext.unknownDate');
  const two = (n: number) => String(n).padStart(2, '0');
  const year = date.getUTCFullYear();
  const yearText = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${yearText}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
}

/** "2024-03-01 – 2024-03-02", or "unknown dates" when neither end can be shown. */
export function formatReportDays(begin: unknown, end: unknown, text: Text = extensionText): string {
  if (reportSecondsToDate(begin) === undefined && reportSecondsToDate(end) === undefined)
    return text.t('ext.unknownDates');
  return `${formatReportDay(begin, text)} – ${formatReportDay(end, text)}`;
}

/** "1 message", "1,234 sessions"; "an unknown number of messages" when the count is not a finite number. */
export function formatCounted(count: unknown, noun: 'messages' | 'sessions', text: Text = extensionText): string {
  if (typeof count === 'number' && Number.isFinite(count))
    return text.t(noun === 'messages' ? 'ext.messages' : 'ext.sessions', { count });
  return text.t(noun === 'messages' ? 'ext.unknownMessages' : 'ext.unknownSessions');
}

/** A count alone, grouped for reading; undefined when it is not a finite number. */
export function formatCount(count: unknown, text: Text = extensionText): string | undefined {
  return typeof count === 'number' && Number.isFinite(count) ? text.number(count) : undefined;
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A pass rate (0–1) as a percentage with one decimal; undefined when it is no share (no messages, absurd counts). */
export function formatPassRate(rate: unknown, text: Text = extensionText): string | undefined {
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) return undefined;
  let format = percentFormats.get(text.locale);
  if (!format) {
    format = new Intl.NumberFormat(text.locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    percentFormats.set(text.locale, format);
  }
  return format.format(rate);
}
