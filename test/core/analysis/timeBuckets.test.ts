// Buckets and ticks of the chart's time axis: ISO weeks begin on Monday, months on the 1st, all in UTC.
import { describe, expect, it } from 'vitest';
import { bucketDays, bucketStart, bucketUnitFor, timeTicks } from '../../../core/analysis/timeBuckets';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 1000;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
const point = (d: string, pass: number, fail = 0, quarantined = 0, rejected = 0, dmarcPass = pass) => ({
  day: d,
  pass,
  fail,
  quarantined,
  rejected,
  dmarcPass,
});

describe('bucketUnitFor', () => {
  it('chooses days up to three months, weeks up to two years, months beyond', () => {
    expect(bucketUnitFor({ from: day(2026, 1, 1), to: day(2026, 4, 1) })).toBe('day');
    expect(bucketUnitFor({ from: day(2026, 1, 1), to: day(2026, 4, 10) })).toBe('week');
    expect(bucketUnitFor({ from: day(2024, 1, 1), to: day(2026, 1, 1) })).toBe('week');
    expect(bucketUnitFor({ from: day(2012, 5, 17), to: day(2026, 1, 24) })).toBe('month');
  });
});

describe('bucketStart', () => {
  it('starts ISO weeks on Monday and months on the first', () => {
    // 1 January 2026 was a Thursday; the Monday of its ISO week is 29 December 2025.
    expect(iso(bucketStart(day(2026, 1, 1) + 3600, 'week'))).toBe('2025-12-29');
    expect(iso(bucketStart(day(2025, 12, 29), 'week'))).toBe('2025-12-29');
    expect(iso(bucketStart(day(2026, 1, 4) + 86_399, 'week'))).toBe('2025-12-29');
    expect(iso(bucketStart(day(2026, 1, 5), 'week'))).toBe('2026-01-05');
    expect(iso(bucketStart(day(2024, 2, 29), 'month'))).toBe('2024-02-01');
  });
});

describe('bucketDays', () => {
  it('adds the days of each week up and keeps empty weeks in their place', () => {
    const daily = [
      point('2025-12-20', 1),
      point('2025-12-22', 27),
      point('2025-12-23', 5),
      point('2026-01-20', 52),
      point('2026-01-21', 19),
      point('2026-01-23', 5, 2, 1, 0, 6),
    ];
    const buckets = bucketDays(daily, { from: day(2025, 12, 20), to: day(2026, 1, 24) }, 'week');
    expect(buckets.map((b) => [iso(b.from), b.messages, b.dmarcPass])).toEqual([
      ['2025-12-15', 1, 1],
      ['2025-12-22', 32, 32],
      ['2025-12-29', 0, 0],
      ['2026-01-05', 0, 0],
      ['2026-01-12', 0, 0],
      ['2026-01-19', 79, 77],
    ]);
    expect(buckets[5]).toMatchObject({ pass: 76, fail: 2, quarantined: 1, rejected: 0 });
  });

  it('leaves out days outside the range', () => {
    const buckets = bucketDays([point('2025-12-20', 1), point('2026-01-20', 52)], {
      from: day(2026, 1, 1),
      to: day(2026, 2, 1),
    });
    expect(buckets).toHaveLength(31);
    expect(buckets.reduce((n, b) => n + b.messages, 0)).toBe(52);
  });
});

describe('timeTicks', () => {
  it('gives several dated ticks on round dates for each span', () => {
    // 30 days: a tick every week, on Mondays.
    const month = timeTicks({ from: day(2025, 12, 25), to: day(2026, 1, 24) });
    expect(month.map((t) => iso(t.at))).toEqual(['2025-12-29', '2026-01-05', '2026-01-12', '2026-01-19']);
    expect(month.every((t) => t.label === 'day')).toBe(true);
    // A week: every day.
    expect(timeTicks({ from: day(2026, 1, 19), to: day(2026, 1, 26) })).toHaveLength(7);
    // A year: every other month.
    const year = timeTicks({ from: day(2025, 1, 1), to: day(2026, 1, 1) });
    expect(year.map((t) => iso(t.at))).toEqual([
      '2025-01-01',
      '2025-03-01',
      '2025-05-01',
      '2025-07-01',
      '2025-09-01',
      '2025-11-01',
    ]);
    // Fourteen years: every other year, on 1 January.
    const long = timeTicks({ from: day(2012, 5, 17), to: day(2026, 1, 24) });
    expect(long.map((t) => iso(t.at))).toEqual([
      '2014-01-01',
      '2016-01-01',
      '2018-01-01',
      '2020-01-01',
      '2022-01-01',
      '2024-01-01',
      '2026-01-01',
    ]);
    expect(long.every((t) => t.label === 'year')).toBe(true);
  });
});
