// The one place the extension's gathering (auto-save, bulk import, background sync) hands over to the changes engine,
// so that alerts follow every way reports arrive.

/** How the reports arrived: the card's auto-save, a bulk import from a mailbox list, or the background sync. */
export type GatherSource = 'card' | 'bulk' | 'sync';

/**
 * Called after each save that may have added reports. Nothing new, nothing to check: a card opened again or a sync
 * that found no new message does not run the checks.
 */
export async function afterReportsGathered(source: GatherSource, added: number): Promise<void> {
  if (added === 0) return;
  // The changes engine (extension/monitor, helper "watch") is called here once it exists.
  void source;
  await Promise.resolve();
}
