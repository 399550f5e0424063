// Multi-day reports (docs/report-quirks.md, "Date ranges") are spread over the UTC days they cover, in proportion to
// the seconds of each day inside the range, so a daily chart neither spikes on the first day nor loses messages.
import { isoFromReportSeconds } from '../report';

export interface DayCount {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  count: number;
}

const DAY = 86_400;
/** Ranges longer than this are clamped: a wrong `end` must not produce years of one-message days. */
const MAX_SPREAD_DAYS = 366;

export function utcDay(unixSeconds: number): string {
  // A time no Date can hold (a crafted report or backup: 1e20, NaN) counts on the first day of Unix time, as a
  // missing begin does below, rather than throwing in the middle of an import or a page.
  const iso = isoFromReportSeconds(unixSeconds) ?? isoFromReportSeconds(0)!;
  return iso.slice(0, iso.indexOf('T'));
}

/**
 * Split `count` over the days of [begin, end]. `end` is taken as the last second inside the range (`…99999` style);
 * reporters that write the exclusive end (`begin + 86400`) lose one second, which never moves a message. Counts are
 * whole numbers that add up to `count` exactly (largest-remainder rounding).
 */
export function spreadOverDays(begin: number, end: number, count: number): DayCount[] {
  const dated = isoFromReportSeconds(begin) !== undefined && isoFromReportSeconds(end) !== undefined;
  if (!dated || end <= begin) return [{ day: utcDay(Number.isFinite(begin) ? begin : 0), count }];
  const last = Math.min(end, begin + MAX_SPREAD_DAYS * DAY - 1);
  const total = last - begin + 1;
  const days: Array<{ day: string; exact: number; count: number }> = [];
  for (let start = begin; start <= last;) {
    const dayEnd = (Math.floor(start / DAY) + 1) * DAY;
    const seconds = Math.min(dayEnd, last + 1) - start;
    const exact = (count * seconds) / total;
    days.push({ day: utcDay(start), exact, count: Math.floor(exact) });
    start = dayEnd;
  }
  let remaining = count - days.reduce((sum, d) => sum + d.count, 0);
  const byRemainder = [...days].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)));
  for (const d of byRemainder) {
    if (remaining <= 0) break;
    d.count++;
    remaining--;
  }
  return days.map(({ day, count }) => ({ day, count }));
}
