// What the extension gathers by itself: every report a card reads (auto-save, on unless turned off), one Outlook folder
// read in the background through the opt-in Graph mode, and one Gmail label or search read in the background while a
// Gmail tab shows it (opt-in too). Kept in extension storage; read by the background, the options page and the tests.

export interface GatherSettings {
  /** Every report an inline card reads is stored in the extension's database (idempotent, as imports are). */
  autoSave: boolean;
  /**
   * The Outlook folder the background reads through Microsoft Graph: a well-known name (`inbox`, `archive`) or a
   * folder's display name. Empty: no background sync. Needs Graph mode on.
   */
  syncFolder: string;
  /** Minutes between two background reads of that folder. */
  syncEveryMinutes: number;
  /**
   * The Gmail label (`DMARC`) or search (`has:attachment "Report Domain"`) a Gmail tab is asked to read in the
   * background, as Gmail's own address of the list names it. Empty: no Gmail sync.
   */
  gmailList: string;
  /** Minutes between two background reads of that Gmail list. */
  gmailEveryMinutes: number;
}

const SETTINGS_KEY = 'gatherSettings';
export const DEFAULT_GATHER_SETTINGS: GatherSettings = {
  autoSave: true,
  syncFolder: '',
  syncEveryMinutes: 60,
  gmailList: '',
  gmailEveryMinutes: 60,
};
/** Browsers fire alarms at most once a minute; more than a day apart is no longer "in the background". */
export const SYNC_MINUTES_RANGE = { min: 5, max: 24 * 60 } as const;

export async function readGatherSettings(): Promise<GatherSettings> {
  const stored: unknown = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return toGatherSettings(stored);
}

export async function writeGatherSettings(settings: GatherSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: toGatherSettings(settings) });
}

/** Storage written by an older version (or by hand) never yields a value the background cannot use. */
export function toGatherSettings(stored: unknown): GatherSettings {
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    autoSave: typeof value.autoSave === 'boolean' ? value.autoSave : DEFAULT_GATHER_SETTINGS.autoSave,
    syncFolder: typeof value.syncFolder === 'string' ? value.syncFolder.trim().slice(0, 255) : '',
    syncEveryMinutes: toMinutes(value.syncEveryMinutes),
    gmailList: typeof value.gmailList === 'string' ? value.gmailList.trim().slice(0, 255) : '',
    gmailEveryMinutes: toMinutes(value.gmailEveryMinutes),
  };
}

function toMinutes(stored: unknown): number {
  const minutes = Number(stored);
  return Number.isFinite(minutes)
    ? Math.min(SYNC_MINUTES_RANGE.max, Math.max(SYNC_MINUTES_RANGE.min, Math.round(minutes)))
    : DEFAULT_GATHER_SETTINGS.syncEveryMinutes;
}

/** Whether a storage change touches these settings (the background then schedules the sync again). */
export function changesGatherSettings(changes: Record<string, unknown>): boolean {
  return Object.hasOwn(changes, SETTINGS_KEY);
}
