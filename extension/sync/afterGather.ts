// The one place the extension's gathering (auto-save, bulk import, background sync) hands over to the changes engine
// (extension/monitor/runChecks.ts), so that alerts follow every way reports arrive.
import { runChecks } from '../monitor/runChecks';

/** How the reports arrived: the card's auto-save, a bulk import from a mailbox list, or the background sync. */
export type GatherSource = 'card' | 'bulk' | 'sync';

/**
 * Called once after each gathering that may have added reports (a bulk import once at its end, not per message).
 * Nothing new, nothing to check: a card opened again or a sync that found no new message does not run the checks. A
 * failing check never fails the gathering.
 */
export function afterReportsGathered(_source: GatherSource, added: number): Promise<void> {
  // Not awaited by the answer: a card's summary or a sync's record does not wait for every stored report to be judged.
  if (added > 0) void runChecks().catch(() => undefined);
  return Promise.resolve();
}
