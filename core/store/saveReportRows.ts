// Stores parsed reports idempotently: a report whose key is already stored (or appears twice in one batch) is a
// duplicate and changes nothing. One readwrite transaction per batch: IndexedDB serializes overlapping readwrite
// transactions, so parallel import workers cannot both store the same report. A batch writes a few report packs
// (reportPacks.ts), a few record chunks (recordChunks.ts) and one row of kept files: every row costs far more than
// its bytes.
import { unwrap } from 'idb';
import type { StoredRecordDigest } from '../report';
import { ChunkPacker } from './recordChunks';
import { addReports, packReports, type RawPackStore } from './reportPacks';
import type {
  ReportDatabase,
  StoredAggregateReport,
  StoredRecordChunk,
  StoredReport,
  StoredSource,
  StoredSourceFile,
} from './schema';
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
  // Nearly every batch holds only reports not stored yet, so it is written in one go: the transaction, which IndexedDB
  // runs one at a time across the import's workers, then never waits for this thread between its requests. A report
  // stored already fails its pack's add, which aborts the transaction, and the batch is stored the careful way.
  const batch = withSources(files);
  const seen = new Set<string>();
  const written = writtenRows(batch, (report) => {
    // A report twice in the batch is stored once, the first time.
    if (seen.has(report.key)) return false;
    seen.add(report.key);
    return true;
  });
  const tx = db.transaction(['reportPacks', 'recordChunks', 'sources'], 'readwrite', { durability: 'relaxed' });
  const writes: Array<Promise<unknown>> = [
    ...packReports(written.reports).map((pack) => tx.objectStore('reportPacks').add(pack)),
    ...written.chunks.map((chunk) => tx.objectStore('recordChunks').put(chunk)),
  ];
  if (written.source) writes.push(tx.objectStore('sources').put(written.source));
  try {
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    // Any other failure (a full storage, say) is the caller's to handle.
    if (!isConstraintError(error) && !isConstraintError(tx.error)) throw error;
    await tx.done.catch(() => undefined);
    return saveCarefully(db, batch, onStored);
  }
  if (written.digests.length > 0) onStored?.(written.digests);
  return written.outcomes;
}

/** Stores `batch` (reports of files not kept): per report, whether it was imported or a duplicate. */
export async function saveReportRows(db: ReportDatabase, batch: readonly ReportRows[]): Promise<SaveOutcome[]> {
  const [outcomes] = await saveFiles(db, [{ rows: batch }]);
  return outcomes!;
}

/**
 * Stores a batch some of whose reports may be stored already: each pack is added, and a pack holding a stored report
 * is added again without it (addReports); then the records and kept files of the reports added.
 */
async function saveCarefully(
  db: ReportDatabase,
  batch: BatchReports,
  onStored?: (digests: StoredRecordDigest[]) => void,
): Promise<SaveOutcome[][]> {
  const tx = db.transaction(['reportPacks', 'recordChunks', 'sources'], 'readwrite', { durability: 'relaxed' });
  const packStore = unwrap(tx.objectStore('reportPacks')) as unknown as RawPackStore;
  const all = batch.files.flatMap((file) => file.map((report) => report.stored));
  const added = await addReports(packStore, all);
  let i = 0;
  const written = writtenRows(batch, () => added[i++]!);
  const writes: Array<Promise<unknown>> = written.chunks.map((chunk) => tx.objectStore('recordChunks').put(chunk));
  if (written.source) writes.push(tx.objectStore('sources').put(written.source));
  await Promise.all([...writes, tx.done]);
  if (written.digests.length > 0) onStored?.(written.digests);
  return written.outcomes;
}

function isConstraintError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ConstraintError';
}

/** A batch's reports as stored, each with where its file is kept, and the files kept (their report keys to come). */
interface BatchReports {
  files: Array<Array<{ stored: StoredReport; rows: ReportRows }>>;
  sourceId: string;
  kept: StoredSourceFile[];
}

function withSources(files: readonly FileRows[]): BatchReports {
  const sourceId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const kept: StoredSourceFile[] = [];
  const reports = files.map((file) => {
    const keep =
      file.source !== undefined &&
      file.source.bytes.length <= SOURCE_MAX_BYTES &&
      file.rows.some((r) => r.report.kind === 'aggregate');
    const documents = new Map<string, number>();
    const reports = file.rows.map((rows) => {
      const { report } = rows;
      if (!keep || report.kind !== 'aggregate') return { stored: report, rows };
      // Reports pasted into one XML file share a path: each is found again by its index among them.
      const path = report.path.join('\u0000');
      const document = documents.get(path) ?? 0;
      documents.set(path, document + 1);
      // Assigned, not spread: in V8 a spread that adds fields is several times slower than Object.assign.
      const stored: StoredAggregateReport = Object.assign({}, report, {
        hasRawXml: true,
        source: { id: sourceId, file: kept.length, path: report.path, document },
      });
      return { stored, rows };
    });
    if (keep) kept.push({ fileName: file.source!.fileName, bytes: file.source!.bytes, reportKeys: [] });
    return reports;
  });
  return { files: reports, sourceId, kept };
}

/** What a batch writes besides its reports, given which of them are added (asked once per report, in order). */
interface WrittenRows {
  reports: StoredReport[];
  chunks: StoredRecordChunk[];
  source?: StoredSource;
  digests: StoredRecordDigest[];
  outcomes: SaveOutcome[][];
}

function writtenRows(batch: BatchReports, adds: (report: StoredReport) => boolean): WrittenRows {
  const kept = batch.kept.map((file): StoredSourceFile => ({ ...file, reportKeys: [] }));
  const reports: StoredReport[] = [];
  const packer = new ChunkPacker();
  const digests: StoredRecordDigest[] = [];
  const profiles = new ProfileTable();
  const outcomes = batch.files.map((file) =>
    file.map(({ stored, rows }): SaveOutcome => {
      if (!adds(stored)) return 'duplicate';
      reports.push(stored);
      if (stored.kind === 'aggregate' && stored.source) kept[stored.source.file]!.reportKeys.push(stored.key);
      for (const records of rows.batches) {
        const digest = toRecordDigest(records, profiles);
        packer.add(digest);
        digests.push(digest);
      }
      return 'imported';
    }),
  );
  const written: WrittenRows = { reports, chunks: packer.takeAll(), digests, outcomes };
  const files = kept.map((file) => (file.reportKeys.length > 0 ? file : null));
  if (files.some((file) => file !== null)) written.source = { id: batch.sourceId, files };
  return written;
}
