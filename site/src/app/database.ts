// The page's connection to the report database (core/store), and a counter that moves whenever stored data changes
// (an import batch landed, a restore, a delete) so views re-read.
import { openReportDatabase, type ReportDatabase } from '../../../core/store';
import type { CountedDigest } from '../../../core/report';
import { Observable } from './Observable';

let opening: Promise<ReportDatabase> | undefined;

export function getDatabase(): Promise<ReportDatabase> {
  opening ??= openReportDatabase();
  return opening;
}

/** Bumped after every change to stored data. */
export const dataVersion = new Observable(0);

export function notifyDataChanged(): void {
  dataVersion.update((v) => v + 1);
}

type StoredListener = (digests: readonly CountedDigest[]) => void;
const storedListeners = new Set<StoredListener>();

/**
 * Calls `listener` with the records an import has just stored (their transaction committed), between the re-reads
 * that dataVersion asks for: a view can count them in as they land. Returns the unsubscribe function.
 */
export function onRecordsStored(listener: StoredListener): () => void {
  storedListeners.add(listener);
  return () => storedListeners.delete(listener);
}

export function notifyRecordsStored(digests: readonly CountedDigest[]): void {
  for (const listener of [...storedListeners]) listener(digests);
}
