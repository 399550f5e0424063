// The page's connection to the report database (core/store), and a counter that moves whenever stored data changes
// (an import batch landed, a restore, a delete) so views re-read.
import { openReportDatabase, type ReportDatabase } from '../../../core/store';
import type { StoredRecordDigest } from '../../../core/report';
import { Observable } from './Observable';
import { onOtherTabs, tellOtherTabs } from './otherTabs';

let opening: Promise<ReportDatabase> | undefined;

export function getDatabase(): Promise<ReportDatabase> {
  opening ??= openReportDatabase();
  return opening;
}

/** Bumped after every change to stored data. */
export const dataVersion = new Observable(0);

/** The dataVersion whose change only made lasting what notifyRecordsStored had announced; -1 when the last did more. */
let announcedOnlyVersion = -1;

/**
 * `announcedOnly`: the change is an import that ended having announced every record it stored (notifyRecordsStored),
 * and removed nothing: a view that kept what was announced holds what the store holds (see changedOnlyByAnnounced).
 */
export function notifyDataChanged(announcedOnly = false): void {
  announcedOnlyVersion = announcedOnly ? dataVersion.value + 1 : -1;
  dataVersion.update((v) => v + 1);
  tellOtherTabs('data');
}

// Another tab changed the store: this one announced none of it, so views read everything again.
onOtherTabs('data', () => {
  announcedOnlyVersion = -1;
  dataVersion.update((v) => v + 1);
});

/** Whether stored data changed from version `from` to `to` only by records announced meanwhile. */
export function changedOnlyByAnnounced(from: number, to: number): boolean {
  return to === from + 1 && announcedOnlyVersion === to;
}

type StoredListener = (digests: readonly StoredRecordDigest[]) => void;
const storedListeners = new Set<StoredListener>();

/**
 * Calls `listener` with the records an import has just stored (their transaction committed), between the re-reads
 * that dataVersion asks for: a view can count them in as they land. Returns the unsubscribe function.
 */
export function onRecordsStored(listener: StoredListener): () => void {
  storedListeners.add(listener);
  return () => storedListeners.delete(listener);
}

export function notifyRecordsStored(digests: readonly StoredRecordDigest[]): void {
  for (const listener of [...storedListeners]) listener(digests);
}
