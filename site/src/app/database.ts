// The page's connection to the report database (core/store), and a counter that moves whenever stored data changes
// (an import batch landed, a restore, a delete) so views re-read.
import { openReportDatabase, type ReportDatabase } from '../../../core/store/schema';
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
