// A time axis for the daily figures: buckets of a day, an ISO week or a calendar month (UTC, as reports count days:
// RFC 7489 §7.2), chosen by the span so that a chart has tens of bars, not thousands, and dated ticks along it.
import type { Period } from './period';
import type { DailyPoint } from './summarizeRecords';

const DAY = 86_400;

export type BucketUnit = 'day' | 'week' | 'month';

/** Spans up to this many days are drawn a bar per day; up to TWO_YEARS a bar per ISO week; beyond, per month. */
const DAYS_UP_TO = 92;
const WEEKS_UP_TO = 731;

export interface TimeBucket {
  /** Unix seconds: the first second of its day, Monday or first of the month (UTC), and the first after it. */
  from: number;
  to: number;
  /** The four results of DailyPoint, added up over the bucket's days. */
  pass: number;
  fail: number;
  quarantined: number;
  rejected: number;
  messages: number;
  /** Messages the receivers counted as DMARC pass, whatever their disposition. */
  dmarcPass: number;
}

export function bucketUnitFor(range: Period): BucketUnit {
  const days = (range.to - range.from) / DAY;
  return days <= DAYS_UP_TO ? 'day' : days <= WEEKS_UP_TO ? 'week' : 'month';
}

/** The start of the bucket of `unit` holding `seconds` (ISO weeks begin on Monday). */
export function bucketStart(seconds: number, unit: BucketUnit): number {
  const day = Math.floor(seconds / DAY);
  if (unit === 'day') return day * DAY;
  if (unit === 'week') {
    // 1970-01-01 was a Thursday: days since the Monday before it, modulo 7.
    return (day - ((day + 3) % 7)) * DAY;
  }
  const date = new Date(day * DAY * 1000);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 1000;
}

function nextBucket(start: number, unit: BucketUnit): number {
  if (unit === 'day') return start + DAY;
  if (unit === 'week') return start + 7 * DAY;
  const date = new Date(start * 1000);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / 1000;
}

/**
 * The days of `daily` inside `range`, added up per bucket of `unit`; every bucket the range touches is there, empty
 * ones too, so a chart places bars by date and shows a gap where no report counted anything.
 */
export function bucketDays(daily: readonly DailyPoint[], range: Period, unit = bucketUnitFor(range)): TimeBucket[] {
  const buckets: TimeBucket[] = [];
  for (let from = bucketStart(range.from, unit); from < range.to; from = nextBucket(from, unit)) {
    buckets.push({
      from,
      to: nextBucket(from, unit),
      pass: 0,
      fail: 0,
      quarantined: 0,
      rejected: 0,
      messages: 0,
      dmarcPass: 0,
    });
  }
  let at = 0;
  const sorted = [...daily].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (const point of sorted) {
    const time = Date.parse(`${point.day}T00:00:00Z`) / 1000;
    if (!(time >= range.from && time < range.to)) continue;
    while (at < buckets.length && buckets[at]!.to <= time) at++;
    const bucket = buckets[at];
    if (!bucket) break;
    const messages = point.pass + point.fail + point.quarantined + point.rejected;
    bucket.pass += point.pass;
    bucket.fail += point.fail;
    bucket.quarantined += point.quarantined;
    bucket.rejected += point.rejected;
    bucket.messages += messages;
    bucket.dmarcPass += point.dmarcPass ?? point.pass;
  }
  return buckets;
}

/** How a tick is labelled: a day, a month or a year. */
export type TickLabel = 'day' | 'month' | 'year';

export interface TimeTick {
  /** Unix seconds. */
  at: number;
  label: TickLabel;
}

/** Tick steps from dense to sparse: days, weeks (Mondays), months, quarters, years. */
const STEPS: ReadonlyArray<{ label: TickLabel; days?: number; months?: number }> = [
  { label: 'day', days: 1 },
  { label: 'day', days: 2 },
  { label: 'day', days: 7 },
  { label: 'day', days: 14 },
  { label: 'month', months: 1 },
  { label: 'month', months: 2 },
  { label: 'month', months: 3 },
  { label: 'month', months: 6 },
  { label: 'year', months: 12 },
  { label: 'year', months: 24 },
  { label: 'year', months: 60 },
  { label: 'year', months: 120 },
];

/**
 * Dated ticks along `range`: the densest step that gives at most `most` of them (at least two when the range is a
 * day or more), on round dates: Mondays for weekly steps, the first of a month for monthly, 1 January for yearly.
 */
export function timeTicks(range: Period, most = 8): TimeTick[] {
  for (const step of STEPS) {
    const ticks = ticksOf(range, step);
    if (ticks.length <= most) return ticks;
  }
  return ticksOf(range, STEPS[STEPS.length - 1]!);
}

function ticksOf(range: Period, step: (typeof STEPS)[number]): TimeTick[] {
  const ticks: TimeTick[] = [];
  if (step.days !== undefined) {
    const first = step.days >= 7 ? bucketStart(range.from + 6 * DAY, 'week') : Math.ceil(range.from / DAY) * DAY;
    for (let at = first; at < range.to; at += step.days * DAY) ticks.push({ at, label: step.label });
    return ticks;
  }
  const months = step.months!;
  const start = new Date(range.from * 1000);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + (start.getUTCDate() === 1 && range.from % DAY === 0 ? 0 : 1);
  // Round to the step: quarters start in January, April…; years on multiples of the step.
  const index = year * 12 + month;
  let rounded = Math.ceil(index / months) * months;
  for (;;) {
    year = Math.floor(rounded / 12);
    month = rounded % 12;
    const at = Date.UTC(year, month, 1) / 1000;
    if (at >= range.to) break;
    if (at >= range.from) ticks.push({ at, label: step.label });
    rounded += months;
  }
  return ticks;
}
