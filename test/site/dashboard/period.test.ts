// The dashboard's periods: whole UTC days ending with today, or two chosen days, both included. Expected values are
// worked out by hand from the calendar (2026 is not a leap year).
import { describe, expect, it } from 'vitest';
import { ALL_TIME } from '../../../core/analysis/period';
import { PERIOD_PRESETS, PRESET_LABELS, dayStart, periodOf } from '../../../site/src/dashboard/period';

/** Unix seconds of a UTC day's start. */
const day = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date) / 1000;
const NOW = Date.parse('2026-03-15T13:00:00Z');

describe('dayStart', () => {
  it('is the UTC midnight of a YYYY-MM-DD day', () => {
    expect(dayStart('2026-03-15')).toBe(1_773_532_800);
    expect(dayStart('1970-01-01')).toBe(0);
    expect(dayStart('2024-02-29')).toBe(day(2024, 2, 29));
  });

  it.each(['', '2026-13-01', '2026-3-5', 'yesterday', '2026-03-15T05:00'])('is undefined for %j', (text) =>
    expect(dayStart(text)).toBeUndefined(),
  );

  // Date.parse in V8 rolls 2026-02-30 over to 2 March; an address such as `#/dashboard?period=custom&from=2026-02-30`
  // then shows a period from 2 March while the form says 30 February.
  it('is undefined for a day the calendar does not have', () => {
    expect(dayStart('2026-02-30')).toBeUndefined();
  });
});

describe('periodOf', () => {
  it('names each choice', () => {
    expect(PERIOD_PRESETS.map((preset) => PRESET_LABELS[preset])).toEqual([
      'overview.period.recent',
      'filters.all',
      'filters.last7',
      'filters.last30',
      'filters.last90',
      'filters.last365',
      'filters.custom',
    ]);
  });

  it('all time is every day a Date can name, up to year 10000', () => {
    expect(periodOf('all', '2026-01-01', '2026-01-31', NOW)).toBe(ALL_TIME);
    expect(ALL_TIME).toEqual({ from: 0, to: day(10000, 1, 1) });
  });

  it.each([
    ['7', day(2026, 3, 9)],
    ['30', day(2026, 2, 14)],
    ['90', day(2025, 12, 16)],
    ['365', day(2025, 3, 16)],
  ] as const)('the last %s days are whole days up to the end of today', (preset, from) => {
    expect(periodOf(preset, '', '', NOW)).toEqual({ from, to: day(2026, 3, 16) });
  });

  it('today counts from its first millisecond to its last', () => {
    expect(periodOf('7', '', '', Date.parse('2026-03-15T00:00:00.000Z'))).toEqual({
      from: day(2026, 3, 9),
      to: day(2026, 3, 16),
    });
    expect(periodOf('7', '', '', Date.parse('2026-03-15T23:59:59.999Z'))).toEqual({
      from: day(2026, 3, 9),
      to: day(2026, 3, 16),
    });
    expect(periodOf('7', '', '', Date.parse('2026-03-16T00:00:00.000Z'))).toEqual({
      from: day(2026, 3, 10),
      to: day(2026, 3, 17),
    });
  });

  it('a custom period includes both days', () => {
    expect(periodOf('custom', '2026-01-01', '2026-01-31', NOW)).toEqual({ from: day(2026, 1, 1), to: day(2026, 2, 1) });
    expect(periodOf('custom', '2026-03-15', '2026-03-15', NOW)).toEqual({
      from: day(2026, 3, 15),
      to: day(2026, 3, 16),
    });
    // Across the end of February in a leap year.
    expect(periodOf('custom', '2024-02-28', '2024-03-01', NOW)).toEqual({
      from: day(2024, 2, 28),
      to: day(2024, 3, 2),
    });
  });

  it('a custom period with one end open runs to the edge of all time', () => {
    expect(periodOf('custom', '2026-01-01', '', NOW)).toEqual({ from: day(2026, 1, 1), to: ALL_TIME.to });
    expect(periodOf('custom', '', '2026-01-31', NOW)).toEqual({ from: ALL_TIME.from, to: day(2026, 2, 1) });
    expect(periodOf('custom', '', '', NOW)).toEqual(ALL_TIME);
    expect(periodOf('custom', 'not a day', 'nor this', NOW)).toEqual(ALL_TIME);
  });

  it('a custom period whose first day is after its last is the last day alone', () => {
    expect(periodOf('custom', '2026-02-10', '2026-02-01', NOW)).toEqual({ from: day(2026, 2, 1), to: day(2026, 2, 2) });
  });
});
