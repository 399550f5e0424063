// Deleting stored data: one domain's reports (every kind) with their records, kept files and raw XML, or everything.
import { keyRanges, prefixUpperBound } from './keyRange';
import { soundReports } from './queries';
import { shapeProblem, STORED_SOURCE } from './rowShape';
import type { IDBPObjectStore, StoreNames } from 'idb';
import { REPORT_KINDS, type ReportDatabase, type ReportDbSchema, type StoredReport } from './schema';

/** Deletes every report about `domain`; returns how many reports went. */
export async function deleteDomain(db: ReportDatabase, domain: string): Promise<number> {
  const tx = db.transaction(['reportPacks', 'recordChunks', 'sources', 'rawXml'], 'readwrite');
  const packs = tx.objectStore('reportPacks');
  const ranges = REPORT_KINDS.map((kind) => keyRanges().bound([kind, domain], prefixUpperBound([kind, domain])));
  // Malformed reports (see queries.ts soundReports) go with their packs too; only sound ones name raw XML and files.
  const rows = (await Promise.all(ranges.map((range) => packs.getAll(range)))).flat();
  const reports: StoredReport[] = rows.flatMap(soundReports);
  const count = rows.reduce((sum, pack) => sum + (Array.isArray(pack.reports) ? pack.reports.length : 0), 0);
  const deleted = new Set(reports.map((report) => report.key));
  const sourceIds = new Set(
    reports.flatMap((report) => (report.kind === 'aggregate' && report.source ? [report.source.id] : [])),
  );
  const writes: Array<Promise<unknown>> = [
    ...ranges.map((range) => packs.delete(range)),
    ...reports.map((report) => tx.objectStore('rawXml').delete(report.key)),
    tx.objectStore('recordChunks').delete(keyRanges().bound([domain], prefixUpperBound([domain]))),
  ];
  writes.push(...(await forgetKeptFiles(tx.objectStore('sources'), sourceIds, deleted)));
  await Promise.all([...writes, tx.done]);
  return count;
}

/**
 * The kept files (`sources`) of deleted reports: a file may hold other reports too (an mbox, a zip of several), so it
 * stays, naming only those, while one of them does. Returns the writes, for the caller's transaction to wait on.
 */
export async function forgetKeptFiles(
  sources: IDBPObjectStore<ReportDbSchema, ArrayLike<StoreNames<ReportDbSchema>>, 'sources', 'readwrite'>,
  sourceIds: ReadonlySet<string>,
  deleted: ReadonlySet<string>,
): Promise<Array<Promise<unknown>>> {
  const writes: Array<Promise<unknown>> = [];
  for (const source of await Promise.all([...sourceIds].map((id) => sources.get(id)))) {
    if (!source || shapeProblem(STORED_SOURCE, source, false)) continue;
    const files = source.files.map((file) => {
      const reportKeys = file?.reportKeys.filter((key) => !deleted.has(key)) ?? [];
      return file && reportKeys.length > 0 ? { ...file, reportKeys } : null;
    });
    writes.push(files.some((file) => file !== null) ? sources.put({ ...source, files }) : sources.delete(source.id));
  }
  return writes;
}

export async function deleteEverything(db: ReportDatabase): Promise<void> {
  const stores = ['reportPacks', 'recordChunks', 'sources', 'rawXml'] as const;
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([...stores.map((store) => tx.objectStore(store).clear()), tx.done]);
}
