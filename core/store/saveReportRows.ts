// Stores parsed reports idempotently: a report whose key is already stored (or appears twice in one batch) is a
// duplicate and changes nothing. One readwrite transaction per batch: the existence checks and the writes happen
// inside it, and IndexedDB serializes overlapping readwrite transactions, so parallel import workers cannot both
// store the same report.
import type { ReportDatabase } from './schema';
import { toRecordDigest } from './toRecordDigest';
import type { ReportRows } from './toStoredReport';

export type SaveOutcome = 'imported' | 'duplicate';

export async function saveReportRows(db: ReportDatabase, batch: readonly ReportRows[]): Promise<SaveOutcome[]> {
  if (batch.length === 0) return [];
  const tx = db.transaction(['reports', 'records', 'recordDigests', 'rawXml'], 'readwrite', { durability: 'relaxed' });
  const reports = tx.objectStore('reports');
  const existing = await Promise.all(batch.map((rows) => reports.getKey(rows.report.key)));
  const seen = new Set<string>();
  const writes: Array<Promise<unknown>> = [];
  const outcomes = batch.map((rows, i): SaveOutcome => {
    const key = rows.report.key;
    if (existing[i] !== undefined || seen.has(key)) return 'duplicate';
    seen.add(key);
    writes.push(reports.put(rows.report));
    const records = tx.objectStore('records');
    const digests = tx.objectStore('recordDigests');
    for (const batch of rows.batches) writes.push(records.put(batch), digests.put(toRecordDigest(batch)));
    if (rows.rawXml !== undefined) writes.push(tx.objectStore('rawXml').put({ key, xml: rows.rawXml }));
    return 'imported';
  });
  await Promise.all([...writes, tx.done]);
  return outcomes;
}
