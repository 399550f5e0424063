// Which stored reports a time axis can believe, the period "the last 30 days that have data", and the range a chart
// draws. Core refuses reports dated before 2012 or in the future when it reads them (core/report/plausibility.ts),
// but a store can still hold them (written before that check, or restored from a backup), and a report can cover
// weeks: none of them may stretch a chart's axis over years.
import { english } from '../i18n';
import { isPlausibleReportTime, isoFromReportSeconds, type Report } from '../report';
import type { Period } from './period';

const DAY = 86_400;

/**
 * The longest range a report may cover and still be believed as one report's dates. RFC 7489 §7.2 asks for daily
 * reports; real ones cover up to a few days, one in the corpus 47 days (sjinks/qt_dmarc_parser real-gcisdns.net.xml).
 */
export const LONGEST_PLAUSIBLE_SPAN_DAYS = 31;

/** What is wrong with a report's dates, for a time axis: undefined when nothing is. */
export type DateConcern = 'before-2012' | 'in-the-future' | 'reversed' | 'long-span';

/** The dates of a stored report (Unix seconds, as reports state them). */
export interface ReportDates {
  begin: number;
  end: number;
}

export function dateConcern({ begin, end }: ReportDates, nowSeconds: number): DateConcern | undefined {
  if (!Number.isFinite(begin) || !Number.isFinite(end)) return 'before-2012';
  for (const time of [begin, end]) {
    if (!isPlausibleReportTime(time, nowSeconds)) return time < nowSeconds ? 'before-2012' : 'in-the-future';
  }
  if (begin > end) return 'reversed';
  if (end - begin > LONGEST_PLAUSIBLE_SPAN_DAYS * DAY) return 'long-span';
  return undefined;
}

/** The UTC day (days since 1970) of a report's last second: `end` itself, or the second before an exclusive end. */
function lastDayOf({ begin, end }: ReportDates): number {
  return Math.floor(Math.max(begin, end - 1) / DAY);
}

/**
 * The last `days` UTC days up to the newest day any believable report reaches (not today: reports arrive a day or
 * more late, and a domain may not have been reported on for weeks); undefined when no report can be believed.
 */
export function lastDaysWithData(reports: Iterable<ReportDates>, nowSeconds: number, days = 30): Period | undefined {
  let newest: number | undefined;
  for (const report of reports) {
    if (dateConcern(report, nowSeconds) !== undefined) continue;
    const day = lastDayOf(report);
    if (newest === undefined || day > newest) newest = day;
  }
  if (newest === undefined) return undefined;
  return { from: (newest + 1 - days) * DAY, to: (newest + 1) * DAY };
}

export interface ChartRange {
  /** Whole UTC days the chart's axis covers; undefined when the period has no believable end and no report in it. */
  range?: Period;
  /** Reports of the view the axis does not show: outside its range, or with dates not to be believed. */
  outside: number;
}

/**
 * The days a chart of `period` draws. A period with believable ends (the last 30 days, a chosen month) is drawn
 * whole, days without reports included; an end that cannot be a report's date (all time runs from 1970 to 9999) is
 * brought in to the first or last day believable reports cover, so a report dated 1975 or one covering months
 * cannot stretch the axis. `reports` are every stored report of the view, whatever their dates; `outside` counts
 * those the chart does not show at all.
 */
export function chartRangeOf(reports: readonly ReportDates[], period: Period, nowSeconds: number): ChartRange {
  let first: number | undefined;
  let last: number | undefined;
  for (const report of reports) {
    if (dateConcern(report, nowSeconds) !== undefined) continue;
    if (report.end < period.from || report.begin >= period.to) continue;
    const begin = Math.max(Math.floor(report.begin / DAY), Math.floor(period.from / DAY));
    const end = Math.min(lastDayOf(report), Math.floor((period.to - 1) / DAY));
    if (first === undefined || begin < first) first = begin;
    if (last === undefined || end > last) last = end;
  }
  const from = isPlausibleReportTime(period.from, nowSeconds)
    ? period.from
    : first === undefined
      ? undefined
      : first * DAY;
  const to = isPlausibleReportTime(period.to - 1, nowSeconds)
    ? period.to
    : last === undefined
      ? undefined
      : (last + 1) * DAY;
  const range = from !== undefined && to !== undefined && to > from ? { from, to } : undefined;
  let outside = 0;
  for (const report of reports) {
    const concern = dateConcern(report, nowSeconds);
    const shown =
      range !== undefined &&
      (concern === undefined || concern === 'long-span') &&
      report.end >= range.from &&
      report.begin < range.to;
    if (!shown) outside++;
  }
  return range ? { range, outside } : { outside };
}

/**
 * The warning an import gives for an aggregate report covering more than LONGEST_PLAUSIBLE_SPAN_DAYS (in English,
 * naming the file and the report); undefined for any other. Reports dated before 2012 or in the future never get
 * this far: core refuses them as they are read.
 */
export function longSpanWarning(report: Report, fileName: string, nowSeconds: number): string | undefined {
  if (report.kind !== 'aggregate') return undefined;
  const { begin, end, reportId, orgName } = report.metadata;
  if (dateConcern({ begin, end }, nowSeconds) !== 'long-span') return undefined;
  const day = (seconds: number) => isoFromReportSeconds(seconds)?.slice(0, 10) ?? String(seconds);
  return english('overview.warn.longSpan', {
    file: fileName,
    id: `"${reportId}"`,
    org: `"${orgName}"`,
    days: Math.floor(end / DAY) - Math.floor(begin / DAY) + 1,
    from: day(begin),
    to: day(end),
  });
}
