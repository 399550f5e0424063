// parsedmarc's daily buckets: a report spanning more than a day is indexed as one document (or CSV row) per UTC day a
// record's messages fall on, the messages shared out by the seconds of each day, as parsedmarc's
// _bucket_interval_by_day does. Every parsedmarc-shaped output (the CLI's es, splunk and CSV; the site's export)
// splits through here, so they all put the same messages on the same days.
import type { AggregateRecord } from './types';
import type { AggregateReportHead } from './toParsedmarcJson';

const DAY_SECONDS = 86_400;

/** A report spanning more than this is split into days, parsedmarc's default (normalize_timespan_threshold_hours 24). */
const NORMALIZE_ABOVE_SECONDS = DAY_SECONDS;

export interface DayBucket {
  /** Unix seconds, UTC. */
  begin: number;
  end: number;
  count: number;
}

/**
 * The messages of a record of a report covering [begin, end) spread over the UTC days it touches, in proportion to
 * the seconds of each day it covers; whole messages by largest remainder (ties to the earlier day), so the counts
 * add up to `count` exactly. Days that get no message are left out. Empty when the span or the count is not positive.
 */
export function splitByDay(begin: number, end: number, count: number): DayBucket[] {
  if (!(end > begin) || !(count > 0) || !Number.isFinite(begin) || !Number.isFinite(end)) return [];
  const span = end - begin;
  const days: Array<{ begin: number; end: number; exact: number }> = [];
  for (let day = Math.floor(begin / DAY_SECONDS) * DAY_SECONDS; day < end; day += DAY_SECONDS) {
    const from = Math.max(begin, day);
    const to = Math.min(end, day + DAY_SECONDS);
    if (to > from) days.push({ begin: from, end: to, exact: ((to - from) / span) * count });
  }
  const counts = days.map((d) => Math.floor(d.exact));
  let left = count - counts.reduce((a, b) => a + b, 0);
  const byRemainder = days
    .map((d, i) => ({ i, remainder: d.exact - Math.floor(d.exact) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    counts[i]!++;
    left--;
  }
  const buckets: DayBucket[] = [];
  days.forEach((d, i) => {
    if (counts[i]! > 0) buckets.push({ begin: d.begin, end: d.end, count: counts[i]! });
  });
  return buckets;
}

/** The record's days as parsedmarc indexes them: one bucket of the whole report unless it spans more than a day. */
export function bucketsOf(
  head: AggregateReportHead,
  record: AggregateRecord,
): { normalized: boolean; buckets: DayBucket[] } {
  const { begin, end } = head.metadata;
  if (end - begin > NORMALIZE_ABOVE_SECONDS) return { normalized: true, buckets: splitByDay(begin, end, record.count) };
  return { normalized: false, buckets: [{ begin, end, count: record.count }] };
}
