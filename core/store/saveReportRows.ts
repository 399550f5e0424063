// Stores parsed reports idempotently: a report whose key is already stored (or appears twice in one batch) is a
// duplicate and changes nothing. One readwrite transaction per batch: IndexedDB serializes overlapping readwrite
// transactions, so parallel import workers cannot both store the same report. A batch writes a few report packs
// (reportPacks.ts), a few record chunks (recordChunks.ts) and one row of kept files: every row costs far more than
// its bytes.
import { unwrap } from 'idb';
import type { StoredRecordDigest } from '../report';
import { ChunkPacker } from './recordChunks';
import { addReports, type RawPackStore } from './reportPacks';
import type { ReportDatabase, StoredAggregateReport, StoredReport, StoredSource, StoredSourceFile } from './schema';
import { ProfileTable, toRecordDigest } from './toRecordDigest';
import { SOURCE_MAX_BYTES, type ReportRows } from './toStoredReport';

export type SaveOutcome = 'imported' | 'duplicate';

/** What one file gave: its reports' rows and, to keep for showing their XML, the file itself. */
export interface FileRows {
  rows: readonly ReportRows[];
  /** Kept when the file holds an aggregate report and is within SOURCE_MAX_BYTES. */
  source?: { fileName: string; bytes: Uint8Array };
}

/**
 * Stores the reports of `files`; per file, per report, whether it was imported or a duplicate. `onStored` is handed
 * the record digests of the reports imported, once the transaction has committed (a page counts them in as they land).
 */
export async function saveFiles(
  db: ReportDatabase,
  files: readonly FileRows[],
  onStored?: (digests: StoredRecordDigest[]) => void,
): Promise<SaveOutcome[][]> {
  if (files.every((file) => file.rows.length === 0)) return files.map(() => []);
  const tx = db.transaction(['reportPacks', 'recordChunks', 'sources'], 'readwrite', { durability: 'relaxed' });
  const sourceId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const kept: Array<StoredSourceFile | null> = [];
  const packStore = unwrap(tx.objectStore('reportPacks')) as unknown as RawPackStore;
  const toAdd: StoredReport[] = [];
  const rowsOf = files.map((file) => {
    const keep =
      file.source !== undefined &&
      file.source.bytes.length <= SOURCE_MAX_BYTES &&
      file.rows.some((r) => r.report.kind === 'aggregate');
    const documents = new Map<string, number>();
    const reports = file.rows.map(({ report }) => {
      if (!keep || report.kind !== 'aggregate') return report;
      // Reports pasted into one XML file share a path: each is found again by its index among them.
      const path = report.path.join('\u0000');
      const document = documents.get(path) ?? 0;
      documents.set(path, document + 1);
      // Assigned, not spread: in V8 a spread that adds fields is several times slower than Object.assign.
      const withSource: StoredAggregateReport = Object.assign({}, report, {
        hasRawXml: true,
        source: { id: sourceId, file: kept.length, path: report.path, document },
      });
      return withSource;
    });
    if (keep) kept.push({ fileName: file.source!.fileName, bytes: file.source!.bytes, reportKeys: [] });
    toAdd.push(...reports);
    return reports;
  });
  const added = await addReports(packStore, toAdd);
  const writes: Array<Promise<unknown>> = [];
  const packer = new ChunkPacker();
  const stored: StoredRecordDigest[] = [];
  const profiles = new ProfileTable();
  let i = 0;
  const outcomes = files.map((file, f) =>
    file.rows.map((rows, r): SaveOutcome => {
      if (!added[i++]) return 'duplicate';
      const report = rowsOf[f]![r]!;
      if (report.kind === 'aggregate' && report.source) kept[report.source.file]!.reportKeys.push(report.key);
      for (const records of rows.batches) {
        const digest = toRecordDigest(records, profiles);
        packer.add(digest);
        stored.push(digest);
      }
      return 'imported';
    }),
  );
  for (const chunk of packer.takeAll()) writes.push(tx.objectStore('recordChunks').put(chunk));
  const sources = kept.map((file) => (file && file.reportKeys.length > 0 ? file : null));
  if (sources.some((file) => file !== null))
    writes.push(tx.objectStore('sources').put({ id: sourceId, files: sources } satisfies StoredSource));
  await Promise.all([...writes, tx.done]);
  if (stored.length > 0) onStored?.(stored);
  return outcomes;
}

/** Stores `batch` (reports of files not kept): per report, whether it was imported or a duplicate. */
export async function saveReportRows(db: ReportDatabase, batch: readonly ReportRows[]): Promise<SaveOutcome[]> {
  const [outcomes] = await saveFiles(db, [{ rows: batch }]);
  return outcomes!;
}
