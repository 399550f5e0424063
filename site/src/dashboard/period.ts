// The dashboard's period choices. Periods are whole UTC days, as reports are (RFC 7489 §7.2: UTC day boundaries).
// The first, "the last 30 days with data", ends on the newest day stored reports reach rather than today: reports
// arrive a day or more late, and a domain may go unreported for weeks, so "the last 30 days" can be empty.
import { ALL_TIME, type Period } from '../../../core/analysis';
import type { MessageKey } from '../../../core/i18n';

export type PeriodPreset = 'recent' | 'all' | '7' | '30' | '90' | '365' | 'custom';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['recent', 'all', '7', '30', '90', '365', 'custom'];

/** How the dashboard and the Senders page name each choice. */
export const PRESET_LABELS: Record<PeriodPreset, MessageKey> = {
  recent: 'overview.period.recent',
  all: 'filters.all',
  '7': 'filters.last7',
  '30': 'filters.last30',
  '90': 'filters.last90',
  '365': 'filters.last365',
  custom: 'filters.custom',
};

const DAY = 86_400;

/** The start of a YYYY-MM-DD day in Unix seconds; undefined for text that is not a day the calendar has. */
export function dayStart(isoDay: string): number | undefined {
  const time = Date.parse(`${isoDay}T00:00:00Z`);
  // V8 rolls an impossible day over (2026-02-30 parses as 2 March): only a day that reads back the same is that day.
  if (!Number.isFinite(time) || new Date(time).toISOString().slice(0, 10) !== isoDay) return undefined;
  return time / 1000;
}

/**
 * `custom` takes two YYYY-MM-DD days, both inclusive; `recent` is `withData` (core/analysis lastDaysWithData), or the
 * last 30 days up to today while nothing believable is stored.
 */
export function periodOf(
  preset: PeriodPreset,
  customFrom: string,
  customTo: string,
  now = Date.now(),
  withData?: Period,
): Period {
  if (preset === 'all') return ALL_TIME;
  if (preset === 'recent') return withData ?? periodOf('30', '', '', now);
  if (preset === 'custom') {
    const from = dayStart(customFrom) ?? ALL_TIME.from;
    const lastDay = dayStart(customTo);
    const to = lastDay === undefined ? ALL_TIME.to : lastDay + DAY;
    return to > from ? { from, to } : { from: to - DAY, to };
  }
  const end = Math.floor(now / 1000 / DAY) * DAY + DAY;
  return { from: end - Number(preset) * DAY, to: end };
}
