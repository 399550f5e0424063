// Stores parsed reports idempotently: a report whose key is already stored (or appears twice in one batch) is a
// duplicate and changes nothing. One readwrite transaction per batch: the existence checks and the writes happen
// inside it, and IndexedDB serializes overlapping readwrite transactions, so parallel import workers cannot both
// store the same report. Records go into chunk rows (recordChunks.ts), a few per batch rather than one per report.
import { ChunkPacker } from './recordChunks';
import type { ReportDatabase, StoredSource } from './schema';
import { toRecordDigest } from './toRecordDigest';
import type { ReportRows } from './toStoredReport';

export type SaveOutcome = 'imported' | 'duplicate';

/**
 * Stores `batch`; `sources` are the files its reports refer to (StoredAggregateReport.source), each written when at
 * least one of its reports is imported, listing only those.
 */
export async function saveReportRows(
  db: ReportDatabase,
  batch: readonly ReportRows[],
  sources: readonly StoredSource[] = [],
): Promise<SaveOutcome[]> {
  if (batch.length === 0) return [];
  const tx = db.transaction(['reports', 'recordChunks', 'sources'], 'readwrite', { durability: 'relaxed' });
  const reports = tx.objectStore('reports');
  const existing = await Promise.all(batch.map((rows) => reports.getKey(rows.report.key)));
  const imported = new Set<string>();
  const writes: Array<Promise<unknown>> = [];
  const packer = new ChunkPacker();
  const outcomes = batch.map((rows, i): SaveOutcome => {
    const key = rows.report.key;
    if (existing[i] !== undefined || imported.has(key)) return 'duplicate';
    imported.add(key);
    writes.push(reports.put(rows.report));
    for (const records of rows.batches) packer.add(toRecordDigest(records));
    return 'imported';
  });
  for (const chunk of packer.takeAll()) writes.push(tx.objectStore('recordChunks').put(chunk));
  for (const source of sources) {
    const reportKeys = source.reportKeys.filter((key) => imported.has(key));
    if (reportKeys.length > 0) writes.push(tx.objectStore('sources').put({ ...source, reportKeys }));
  }
  await Promise.all([...writes, tx.done]);
  return outcomes;
}
