// Deleting stored data: one domain's reports (every kind) with their records, kept files and raw XML, or everything.
import { keyRanges, prefixUpperBound } from './keyRange';
import type { ReportDatabase } from './schema';

/** Deletes every report about `domain`; returns how many reports went. */
export async function deleteDomain(db: ReportDatabase, domain: string): Promise<number> {
  const tx = db.transaction(['reports', 'recordChunks', 'sources', 'rawXml'], 'readwrite');
  const reports = await tx.objectStore('reports').index('byDomain').getAll(domain);
  const deleted = new Set(reports.map((report) => report.key));
  const sourceIds = new Set(reports.flatMap((report) => (report.kind === 'aggregate' && report.source ? [report.source.id] : [])));
  const writes: Array<Promise<unknown>> = [
    ...reports.map((report) => tx.objectStore('reports').delete(report.key)),
    ...reports.map((report) => tx.objectStore('rawXml').delete(report.key)),
    tx.objectStore('recordChunks').delete(keyRanges().bound([domain], prefixUpperBound([domain]))),
  ];
  // A file may hold reports about other domains too (an mbox, a zip of several): it stays while one of them does.
  for (const source of await Promise.all([...sourceIds].map((id) => tx.objectStore('sources').get(id)))) {
    if (!source) continue;
    const reportKeys = source.reportKeys.filter((key) => !deleted.has(key));
    writes.push(reportKeys.length > 0 ? tx.objectStore('sources').put({ ...source, reportKeys }) : tx.objectStore('sources').delete(source.id));
  }
  await Promise.all([...writes, tx.done]);
  return reports.length;
}

export async function deleteEverything(db: ReportDatabase): Promise<void> {
  const stores = ['reports', 'recordChunks', 'sources', 'rawXml'] as const;
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([...stores.map((store) => tx.objectStore(store).clear()), tx.done]);
}
