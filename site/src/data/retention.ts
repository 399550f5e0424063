// The retention setting: reports that ended more than N months ago are deleted, at the end of each import and when the
// user applies it on the Data page. Off unless chosen. A report without a date is never taken for an old one.
import { deleteReports, endedBefore, reportKeysWhere, type ReportDatabase } from '../../../core/store';
import { readSetting, writeSetting } from '../i18n/i18n';

/** The choices offered, in months. */
export const RETENTION_CHOICES = [3, 6, 12, 18, 24, 36, 60] as const;

/** The months chosen, or 0 for off. */
export function readRetentionMonths(): number {
  const months = Number(readSetting('retention-months'));
  return (RETENTION_CHOICES as readonly number[]).includes(months) ? months : 0;
}

export function writeRetentionMonths(months: number): void {
  writeSetting('retention-months', String(months));
}

/** The moment (Unix seconds) `months` calendar months before `now` (ms): reports that ended before it are older. */
export function retentionCutoff(months: number, now: number): number {
  const date = new Date(now);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  // The same day of that month, or its last day (31 March less one month is 29 February or 28 February).
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return Math.floor(date.getTime() / 1000);
}

/** Deletes the reports older than the setting (nothing when it is off); returns how many went. */
export async function applyRetention(db: ReportDatabase, months: number, now: number): Promise<number> {
  if (months <= 0) return 0;
  const cutoff = retentionCutoff(months, now);
  return deleteReports(db, await reportKeysWhere(db, (report) => endedBefore(report, cutoff)));
}
