// Import worker: parses the files the page read (their bytes transferred here) with the core parser and stores them
// through core/store, so that neither parsing nor IndexedDB writes run on the page's main thread. The page starts one
// per core (ImportController).
import { longSpanWarning } from '../../../core/analysis';
import { parseReport, type StoredRecordDigest } from '../../../core/report';
import {
  looksLikeBackupFile,
  restoreBackup,
  getReport,
  saveFiles,
  type FileRows,
  type SaveOutcome,
  openReportDatabase,
  type ReportDatabase,
  toReportRows,
} from '../../../core/store';
import type { FileResult, FileToImport, MainToWorker, ReportRef, WorkerToMain } from './importProtocol';
import { isStorageFull } from './isStorageFull';

interface WorkerScope {
  postMessage(message: WorkerToMain): void;
  onmessage: ((event: MessageEvent<MainToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

/** Stored together in one transaction: fewer, larger transactions are what makes thousands of files fast. */
const BATCH_MAX_FILES = 128;
const BATCH_MAX_RECORDS = 20_000;
/**
 * How often at most the worker tells the page which file it is reading (ImportController's watchdog takes a long
 * silence for a stuck file). Each message costs the page's main thread a little, so one per file would add up over a
 * large import; ten a second cost nothing.
 */
const PROGRESS_POST_MS = 100;

let database: Promise<ReportDatabase> | undefined;
const db = (): Promise<ReportDatabase> => (database ??= openReportDatabase());

interface PendingFile extends FileRows {
  result: FileResult;
  retriedSince?: number;
}

let pending: PendingFile[] = [];
let pendingRecords = 0;
/** The import whose files are being read (workers are kept from one import to the next). */
let importId = 0;
/** When that import began: stored as `importedAt` on each of its reports, so that they are told apart as one import. */
let importedAt = 0;

/** performance.now() of the last message to the page. */
let lastPost = 0;

/** Posts `message` about the import `about` (by default the one being read). */
function post(message: DistributiveOmit<WorkerToMain, 'importId'>, about = importId): void {
  lastPost = performance.now();
  scope.postMessage({ ...message, importId: about });
}

/** The file being read (from its start until its reports are pending storage), or null between files. */
let reading: number | null = null;

/** Tells the page this worker is alive and reading file `id`, unless it heard from it a moment ago. */
function signProgress(id: number | null, always = false): void {
  if (always || performance.now() - lastPost >= PROGRESS_POST_MS) post({ type: 'progress', reading: id });
}

/**
 * While the worker holds files, a heartbeat: whenever this thread is free (waiting for the database, say), the page
 * hears from it, so that only a file that keeps the thread busy (a parse that never yields) goes silent.
 */
let heartbeat: ReturnType<typeof setInterval> | undefined;

function startHeartbeat(): void {
  heartbeat ??= setInterval(() => signProgress(reading), PROGRESS_POST_MS);
}

function stopHeartbeat(): void {
  clearInterval(heartbeat);
  heartbeat = undefined;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The batch being written. IndexedDB does its work off this thread, so the next files are parsed while the previous
 * batch is stored; at most one batch is in flight, which bounds memory and keeps results in order.
 */
let saving: Promise<void> = Promise.resolve();

/** Starts storing what is pending (after the batch in flight); resolves once the new batch is handed over. */
async function flush(): Promise<void> {
  await saving;
  if (pending.length === 0) return;
  const batch = pending;
  pending = [];
  pendingRecords = 0;
  saving = saveBatch(batch, importId);
}

async function saveBatch(batch: PendingFile[], about: number): Promise<void> {
  let store: ReportDatabase;
  try {
    store = await db();
  } catch (error) {
    // The database would not open (a full storage can refuse even that): these files are refused, the import goes
    // on, and the next batch tries to open it again.
    database = undefined;
    for (const file of batch) Object.assign(file.result, refusal(file.result.fileName, error));
    post({ type: 'results', results: batch.map((file) => file.result) }, about);
    return;
  }
  // The records just stored go to the page with the results, as stored (digests stored together share their profiles,
  // so a message writes each once): the dashboard counts them in as they land, and once the import has ended groups
  // them into sources from what it kept instead of reading them all back.
  const digests: StoredRecordDigest[] = [];
  const onStored = (stored: StoredRecordDigest[]) => {
    for (const digest of stored) digests.push(digest);
  };
  try {
    const outcomes = await saveFiles(store, batch, onStored);
    for (const [i, file] of batch.entries()) countOutcomes(file, await ownDuplicates(store, file, outcomes[i]!));
  } catch {
    // One bad row must not cost the other files of the batch: store them one by one to find it.
    for (const file of batch) {
      try {
        countOutcomes(file, await ownDuplicates(store, file, (await saveFiles(store, [file], onStored))[0]!));
      } catch (error) {
        Object.assign(file.result, refusal(file.result.fileName, error));
      }
    }
  }
  post({ type: 'results', results: batch.map((file) => file.result), digests }, about);
}

/** A file refused because storing it failed: a full storage in plain words, anything else as it came. */
function refusal(fileName: string, error: unknown): Pick<FileResult, 'status' | 'errorCode' | 'message'> {
  const name =
    error instanceof Error || error instanceof DOMException
      ? [error.name, error.message].filter(Boolean).join(': ')
      : String(error);
  return {
    status: 'refused',
    errorCode: isStorageFull(error) ? 'storage-full' : 'internal',
    message: `${fileName}: ${name}`,
  };
}

/**
 * For a file sent again after its worker was stopped: its reports found stored during this import under its name were
 * stored by that worker (a batch that committed just before the stop, whose results never reached the page).
 */
async function ownDuplicates(
  store: ReportDatabase,
  file: PendingFile,
  outcomes: readonly SaveOutcome[],
): Promise<SaveOutcome[]> {
  const since = file.retriedSince;
  if (since === undefined) return [...outcomes];
  return Promise.all(
    outcomes.map(async (outcome, i): Promise<SaveOutcome> => {
      if (outcome === 'imported') return outcome;
      const stored = await getReport(store, file.rows[i]!.report.key);
      return stored !== undefined && stored.importedAt >= since && stored.fileName === file.result.fileName
        ? 'imported'
        : 'duplicate';
    }),
  );
}

function countOutcomes(file: PendingFile, outcomes: readonly string[]): void {
  const imported = outcomes.filter((o) => o === 'imported').length;
  const reports = file.rows.map(({ report }, i): ReportRef => {
    const { key, kind, domain, begin, end } = report;
    return { key, kind, domain, begin, end, stored: outcomes[i] === 'imported' };
  });
  Object.assign(file.result, {
    imported,
    duplicates: outcomes.length - imported,
    status: imported > 0 ? 'imported' : 'duplicate',
    reports,
  });
}

function baseResult(item: FileToImport): FileResult {
  return {
    id: item.id,
    fileName: item.name,
    size: item.bytes.byteLength,
    status: 'refused',
    imported: 0,
    duplicates: 0,
    warnings: [],
  };
}

// An async iterable because restoreBackup reads lines as a stream (a file's lines can also come from disk).
// eslint-disable-next-line @typescript-eslint/require-await -- the whole text is in memory here
async function* textLines(bytes: Uint8Array): AsyncGenerator<string> {
  const text = new TextDecoder('utf-8').decode(bytes);
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    yield text.slice(start, end);
    start = end + 1;
  }
}

async function importFile(item: FileToImport): Promise<void> {
  reading = item.id;
  signProgress(item.id, item.watched);
  try {
    await readFile(item);
  } finally {
    reading = null;
    if (item.watched) signProgress(null, true);
  }
}

async function readFile(item: FileToImport): Promise<void> {
  const result = baseResult(item);
  const bytes = new Uint8Array(item.bytes);
  if (looksLikeBackupFile(bytes)) {
    await flush();
    await saving;
    let restored: Awaited<ReturnType<typeof restoreBackup>>;
    try {
      restored = await restoreBackup(await db(), textLines(bytes), item.name);
    } catch (error) {
      // restoreBackup promises not to throw on bad input; a full storage or a broken database still can.
      post({ type: 'results', results: [{ ...result, ...refusal(item.name, error) }] });
      return;
    }
    const done: FileResult = restored.ok
      ? {
          ...result,
          status: restored.imported > 0 ? 'imported' : 'duplicate',
          imported: restored.imported,
          duplicates: restored.duplicates,
          restored: { reports: restored.imported, records: restored.records },
        }
      : {
          ...result,
          errorCode: isStorageFull(restored.error.message) ? 'storage-full' : restored.error.code,
          message: restored.error.message,
        };
    post({ type: 'results', results: [done] });
    return;
  }
  let parsed: Awaited<ReturnType<typeof parseReport>>;
  try {
    // Records stream in batches: each is a sign of progress, so a long report is not taken for a stuck one.
    parsed = await parseReport(bytes, { fileName: item.name, onRecords: () => signProgress(item.id) });
  } catch (error) {
    // The parser promises not to throw on bad input; if it ever does, this file is refused and the import goes on.
    post({
      type: 'results',
      results: [{ ...result, errorCode: 'internal', message: `${item.name}: ${String(error)}` }],
    });
    return;
  }
  if (!parsed.ok) {
    post({
      type: 'results',
      results: [{ ...result, errorCode: parsed.error.code, message: parsed.error.message, warnings: parsed.warnings }],
    });
    return;
  }
  if (parsed.reports.length === 0) {
    post({ type: 'results', results: [{ ...result, errorCode: 'not-a-report', warnings: parsed.warnings }] });
    return;
  }
  // A report covering weeks is stored (its messages spread over its days) with a warning naming the file.
  for (const report of parsed.reports) {
    const warning = longSpanWarning(report.report, item.name, Date.now() / 1000);
    if (warning) report.warnings.push(warning);
  }
  const context = { fileName: item.name, fileWarnings: parsed.warnings, importedAt };
  const rows = parsed.reports.map((report) => toReportRows(report, context));
  result.warnings = [...parsed.warnings, ...parsed.reports.flatMap((r) => r.warnings)];
  pending.push({ result, rows, source: { fileName: item.name, bytes }, retriedSince: item.retriedSince });
  pendingRecords += rows.reduce((sum, r) => sum + r.batches.reduce((n, b) => n + b.records.length, 0), 0);
  if (pending.length >= BATCH_MAX_FILES || pendingRecords >= BATCH_MAX_RECORDS) await flush();
}

let queue = Promise.resolve();
let chunksWaiting = 0;
scope.onmessage = (event) => {
  const message = event.data;
  if (message.type !== 'files') return;
  chunksWaiting++;
  startHeartbeat();
  queue = queue.then(async () => {
    importId = message.importId;
    importedAt = message.importedAt;
    for (const file of message.files) await importFile(file);
    // Batches may span chunks; only when no further chunk is queued must what is pending go out now.
    if (--chunksWaiting === 0) await flush();
    post({ type: 'chunkDone' });
    // Quiet again once the last batch is stored and no further chunk came meanwhile.
    if (chunksWaiting === 0) void saving.finally(() => chunksWaiting === 0 && stopHeartbeat());
  });
};
