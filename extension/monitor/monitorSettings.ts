// How the extension watches: the alert thresholds and whether it notifies. Kept in extension storage, where the
// background (which checks and notifies) and the extension's pages read it. Storage written by an older version, or by hand, never yields a value the
// checks cannot use.
import { DEFAULT_WATCH_THRESHOLDS, type WatchThresholds } from '../../core/analysis';

export interface MonitorSettings {
  /** Notifications and the toolbar badge for alerts. Off: the checks still run and the dashboard lists them. */
  notify: boolean;
  thresholds: WatchThresholds;
}

export const DEFAULT_MONITOR_SETTINGS: MonitorSettings = {
  notify: true,
  thresholds: DEFAULT_WATCH_THRESHOLDS,
};

/** What each threshold may be set to on the options page, and what it is clamped to when read. */
export const THRESHOLD_RANGES: Record<keyof WatchThresholds, { min: number; max: number; step: number }> = {
  failingBelow: { min: 0.5, max: 1, step: 0.01 },
  recentDays: { min: 1, max: 31, step: 1 },
  spoofingSpikeFactor: { min: 1.5, max: 100, step: 0.5 },
  spoofingSpikeMinimum: { min: 1, max: 1_000_000, step: 1 },
  silentDays: { min: 0, max: 90, step: 1 },
  newSourceMinimum: { min: 1, max: 1_000_000, step: 1 },
};

export const MONITOR_SETTINGS_KEY = 'monitorSettings';

export async function readMonitorSettings(): Promise<MonitorSettings> {
  const stored: unknown = (await browser.storage.local.get(MONITOR_SETTINGS_KEY))[MONITOR_SETTINGS_KEY];
  return toMonitorSettings(stored);
}

export async function writeMonitorSettings(settings: MonitorSettings): Promise<void> {
  await browser.storage.local.set({ [MONITOR_SETTINGS_KEY]: toMonitorSettings(settings) });
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function toMonitorSettings(stored: unknown): MonitorSettings {
  const value = objectOf(stored);
  const thresholds = objectOf(value.thresholds);
  const clamped = { ...DEFAULT_WATCH_THRESHOLDS };
  for (const name of Object.keys(THRESHOLD_RANGES) as Array<keyof WatchThresholds>) {
    const number = Number(thresholds[name]);
    const { min, max } = THRESHOLD_RANGES[name];
    if (thresholds[name] !== undefined && Number.isFinite(number)) clamped[name] = Math.min(max, Math.max(min, number));
  }
  return {
    notify: typeof value.notify === 'boolean' ? value.notify : DEFAULT_MONITOR_SETTINGS.notify,
    thresholds: clamped,
  };
}
