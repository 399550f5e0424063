// What the watch remembers between checks, in extension storage: the memory of open problems and notices (so that
// only what is new, changed or resolved is told) and the recent alerts the dashboard lists.
import { EMPTY_WATCH_MEMORY, type WatchAlert, type WatchMemory } from '../../core/analysis';

const MEMORY_KEY = 'watchMemory';
const LOG_KEY = 'watchLog';
/** Alerts kept for the dashboard's list, newest first. */
export const LOG_LENGTH = 200;

export interface LoggedAlert {
  /** When the check that told it ran (ms since 1970). */
  at: number;
  alert: WatchAlert;
}

function isMemory(value: unknown): value is WatchMemory {
  if (typeof value !== 'object' || value === null) return false;
  const memory = value as Partial<WatchMemory>;
  return (
    typeof memory.findings === 'object' &&
    memory.findings !== null &&
    Array.isArray(memory.domains) &&
    memory.domains.every((d) => typeof d === 'string')
  );
}

export async function readWatchMemory(): Promise<WatchMemory> {
  const stored: unknown = (await browser.storage.local.get(MEMORY_KEY))[MEMORY_KEY];
  return isMemory(stored) ? stored : EMPTY_WATCH_MEMORY;
}

export async function readWatchLog(): Promise<LoggedAlert[]> {
  const stored: unknown = (await browser.storage.local.get(LOG_KEY))[LOG_KEY];
  return Array.isArray(stored) ? (stored as LoggedAlert[]) : [];
}

/** Keeps the memory and puts this check's alerts at the head of the log. */
export async function writeWatchCheck(memory: WatchMemory, alerts: readonly WatchAlert[], at: number): Promise<void> {
  const log = alerts.length === 0 ? undefined : [...alerts.map((alert) => ({ at, alert })), ...(await readWatchLog())];
  await browser.storage.local.set({
    [MEMORY_KEY]: memory,
    ...(log ? { [LOG_KEY]: log.slice(0, LOG_LENGTH) } : {}),
  });
}
