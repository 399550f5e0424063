import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadOverDays, utcDay } from '../../../core/analysis/spreadOverDays';

describe('spreadOverDays — multi-day reports over UTC days', () => {
  it('keeps a one-day report on its day', () => {
    expect(spreadOverDays(1549929600, 1550015999, 42)).toEqual([{ day: '2019-02-12', count: 42 }]);
  });

  it('splits a 24-hour window that starts at noon in half', () => {
    expect(spreadOverDays(Date.UTC(2024, 0, 1, 12) / 1000, Date.UTC(2024, 0, 2, 12) / 1000 - 1, 10)).toEqual([
      { day: '2024-01-01', count: 5 },
      { day: '2024-01-02', count: 5 },
    ]);
  });

  it('spreads a week evenly with largest-remainder rounding', () => {
    const begin = Date.UTC(2024, 0, 1) / 1000;
    const days = spreadOverDays(begin, begin + 7 * 86400 - 1, 10);
    expect(days.map((d) => d.count)).toEqual([2, 2, 2, 1, 1, 1, 1]);
  });

  it('daily counts always add up to the total, never negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2e9 }),
        fc.integer({ min: 0, max: 90 * 86400 }),
        fc.integer({ min: 0, max: 1e7 }),
        (begin, length, count) => {
          const days = spreadOverDays(begin, begin + length, count);
          expect(days.reduce((n, d) => n + d.count, 0)).toBe(count);
          for (const d of days) expect(d.count).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('puts a report with an end before its begin on the begin day', () => {
    expect(spreadOverDays(1700000000, 1600000000, 3)).toEqual([{ day: '2023-11-14', count: 3 }]);
  });

  it('counts a time no Date can hold on the first day of Unix time instead of throwing (a crafted report or backup)', () => {
    expect(utcDay(1e20)).toBe('1970-01-01');
    expect(utcDay(-99999999999999)).toBe('1970-01-01');
    expect(utcDay(Number.NaN)).toBe('1970-01-01');
    expect(utcDay(8.64e12)).toBe('+275760-09-13');
    expect(spreadOverDays(1e20, 1e20 + 86400, 5)).toEqual([{ day: '1970-01-01', count: 5 }]);
  });
});
