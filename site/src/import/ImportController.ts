// Runs an import on a pool of workers (one per core) and keeps its progress as an Observable the UI renders.
// The page reads the files (an asynchronous read costs its main thread next to nothing) and transfers their bytes to
// the workers, which parse and store them. The page never hands File objects to the workers or asks one for its size:
// either costs the main thread a synchronous round trip to the browser process per file, which would set the pace of a
// large import.
import { getDatabase, notifyDataChanged, notifyRecordsStored } from '../app/database';
import { inNextTask } from '../app/nextTask';
import { Observable } from '../app/Observable';
import { applyRetention, readRetentionMonths } from '../data/retention';
import { folderOf } from './collectDroppedFiles';
import { ImportHistoryWriter, type ImportSummary } from './importHistory';
import {
  countResult,
  type FileResult,
  type FileToImport,
  type MainToWorker,
  type WorkerToMain,
} from './importProtocol';

export interface ImportProgress {
  running: boolean;
  cancelled: boolean;
  total: number;
  done: number;
  /** performance.now() at start and at the end. */
  startedAt: number;
  finishedAt?: number;
  imported: number;
  duplicates: number;
  refused: number;
  /** Results in file order as they arrive (mutated in place; `revision` tells a new snapshot). */
  results: FileResult[];
  revision: number;
  /** Date.now() when the import began (the importedAt of its reports); 0 before any import. */
  importedAt: number;
  /** The bundled sample reports. */
  sample: boolean;
  /** Reports the retention setting removed once the import ended (set when it is on). */
  retentionRemoved?: number;
}

export interface ImportOptions {
  /** The files are the bundled sample reports: the import is marked so, and its reports can be removed as one. */
  sample?: boolean;
}

const IDLE: ImportProgress = {
  running: false,
  cancelled: false,
  total: 0,
  done: 0,
  startedAt: 0,
  imported: 0,
  duplicates: 0,
  refused: 0,
  results: [],
  revision: 0,
  importedAt: 0,
  sample: false,
};

/** Workers at most, however many cores: each holds its own copy of the parser and a database connection. */
const MAX_WORKERS = 8;
/**
 * Files read and sent to a worker per message at most (fewer near the end, so every core stays busy to the last). A
 * worker that has no further message waiting stores what it has, so while reading is what the import waits for (on two
 * cores, always), a message is a transaction, so larger messages mean fewer transactions.
 */
const FILES_PER_MESSAGE = 128;
/** Files being read by the page at once at most: as many as the reading floor of the site bench keeps in flight. */
const READS_IN_FLIGHT = 64;
/** Reads started in one task at most (see #pump). */
const READS_PER_TASK = 8;
/** Files a worker holds unparsed at most (in however many messages): two messages, so it never waits for the page. */
const FILES_HELD = 2 * FILES_PER_MESSAGE;
/** Bytes read but not yet parsed at most, beyond one message: bounds memory when the files are large. */
const BYTES_AHEAD = 64 * 1024 * 1024;
/** Progress is shown this often while an import runs: often enough to look alive, rarely enough to cost nothing. */
const PROGRESS_INTERVAL_MS = 200;
/**
 * The watchdog's budget: how long a worker may go without a sign of life (a file started, a batch of records read,
 * and, whenever its thread is free, a heartbeat; importWorker.ts posts one at most every 100 ms) before the file it is
 * reading is abandoned. Only a file that keeps the thread busy goes silent, and in a sound file that is a batch of
 * records or a small report read whole, well under a second on a laptop: fifteen leave room for a slow phone and a
 * busy machine. A pathological file costs the import this long, no more.
 */
const STALL_BUDGET_MS = 15_000;
/**
 * Added to the budget per byte of the file: one second a megabyte, however slow the device. A file read as a whole
 * without record batches (an mbox of failure reports, a TLS report, a backup) may be legitimately long: a 500 MB
 * backup gets more than eight minutes.
 */
const STALL_BYTES_PER_MS = 1_000;
/** How often the watchdog looks. */
const WATCHDOG_TICK_MS = 500;
/**
 * Test-only: a localStorage key whose number replaces the whole budget (milliseconds), so that a browser test sees a
 * slow file abandoned without waiting for the real budget. Nothing in the site sets it.
 */
export const STALL_BUDGET_TEST_KEY = 'dmarc-lens:test:stall-budget-ms';
export type WorkerFactory = () => Worker;

const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'dmarc-lens-import' });

/** A message handed to a worker and not yet read by it. */
interface Held {
  files: number;
  bytes: number;
}

/** A file waiting to be read and sent. */
interface Queued {
  id: number;
  file: File;
  /** Sent again after its worker was stopped (see FileToImport). */
  watched?: boolean;
  retried?: boolean;
}

/** The last sign of life from a worker: when, and which file it said it was reading (null: between files). */
interface Sign {
  at: number;
  reading: number | null | undefined;
}

export class ImportController {
  readonly progress = new Observable<ImportProgress>(IDLE);
  #workers: Worker[] = [];
  #files = new Map<number, File>();
  /** The folder of each file that came from one. */
  #folders = new Map<number, string>();
  /** Files handed to each worker and not yet reported back. */
  #assigned = new Map<Worker, Set<number>>();
  #queue: Queued[] = [];
  /** Per file handed to a worker and not yet reported back: its size, and whether it was sent watched. */
  #sent = new Map<number, { size: number; watched: boolean }>();
  #signs = new Map<Worker, Sign>();
  #watchdog: ReturnType<typeof setInterval> | undefined;
  #lastTick = 0;
  /** Date.now() when the import began: the import's `importedAt` (see MainToWorker, FileToImport.retriedSince). */
  #startedEpoch = 0;
  #pendingIds = new Set<number>();
  #notifyScheduled = false;
  /** Per worker, the messages it has not finished reading yet (oldest first). */
  #held = new Map<Worker, Held[]>();
  /** Files whose reads are in flight. */
  #reading = 0;
  /** Files read and not yet sent to a worker, and their bytes. */
  #outbox: FileToImport[] = [];
  #outboxBytes = 0;
  /** Reads started since the page last had the thread back (see #pump), and whether a pump waits for the next task. */
  #startedThisTask = 0;
  #pumpScheduled = false;
  /** Counts imports: a read that finishes after its import was cancelled or replaced is dropped. */
  #generation = 0;
  /**
   * The import may have stored records the page was not told of (notifyRecordsStored): a worker stopped or lost after
   * a batch committed, or a backup restored. Views then read everything again once it ends.
   */
  #unannounced = false;

  /** Keeps the results of the import as they come (importHistory.ts). */
  #history = new ImportHistoryWriter(0);

  #finish?: () => void;
  /** The next worker's start while warming up (one per task). */
  #warming: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly createWorker: WorkerFactory = defaultWorkerFactory,
    /** Milliseconds a file of `size` bytes may go without a sign of progress. */
    private readonly stallBudget: (size: number) => number = defaultStallBudget(),
  ) {}

  /**
   * Starts the workers before any import, so that an import does not wait for them to load and compile the parser; one
   * per task, because starting one holds the page's main thread for a moment. They stay between imports; only a cancel
   * ends them.
   */
  warmUp(): void {
    clearTimeout(this.#warming);
    const wanted = workerCount();
    if (this.#workers.length >= wanted) return;
    this.#addWorker();
    if (this.#workers.length < wanted) this.#warming = setTimeout(() => this.warmUp(), 0);
  }

  /** Ends any import and the workers (the page is going away). */
  dispose(): void {
    clearTimeout(this.#warming);
    this.cancel();
    this.#stopWorkers();
  }

  #addWorker(): void {
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<WorkerToMain>) => this.#onMessage(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#failWorker(worker, String(event.message ?? 'worker error'));
    };
    this.#workers.push(worker);
  }

  /** Imports `files`; resolves when every file has a result (or the import was cancelled). */
  start(files: readonly File[], options: ImportOptions = {}): Promise<void> {
    if (this.progress.value.running) this.cancel();
    const items = files.map((file, id) => ({ id, file }));
    this.#queue = [...items];
    this.#pendingIds = new Set(items.map((item) => item.id));
    this.#files = new Map(items.map((item) => [item.id, item.file]));
    this.#folders = new Map(items.flatMap((item) => (folderOf(item.file) ? [[item.id, folderOf(item.file)]] : [])));
    this.#reading = 0;
    this.#outbox = [];
    this.#outboxBytes = 0;
    this.#generation++;
    this.#sent.clear();
    this.#unannounced = false;
    this.#startedEpoch = Date.now();
    this.#history = new ImportHistoryWriter(this.#startedEpoch);
    this.progress.set({
      ...IDLE,
      running: files.length > 0,
      total: files.length,
      startedAt: performance.now(),
      results: [],
      importedAt: this.#startedEpoch,
      sample: options.sample === true,
    });
    if (files.length === 0) return Promise.resolve();
    // Kept from now, as unfinished until its end: a page closed meanwhile leaves it listed as interrupted.
    this.#history.begin(summaryOf(this.progress.value, 0));
    this.#startWatchdog();
    const done = new Promise<void>((resolve) => (this.#finish = resolve));
    // Every worker now: an import that comes before they were all warmed up starts the rest at once.
    clearTimeout(this.#warming);
    while (this.#workers.length < workerCount()) this.#addWorker();
    for (const worker of this.#workers) this.#held.set(worker, []);
    // Out of the pick's change event: the browser has just built a FileList of thousands there.
    setTimeout(() => this.#pump(), 0);
    return done;
  }

  /** Forgets a finished import's results (the header strip goes away). */
  dismiss(): void {
    if (!this.progress.value.running) this.progress.set(IDLE);
  }

  /** Stops at once: workers are terminated; files not yet finished are reported as cancelled. */
  cancel(): void {
    const state = this.progress.value;
    // With every file's result in, the import is only being kept (#complete): there is nothing left to stop.
    if (!state.running || this.#pendingIds.size === 0) return;
    // Terminating is the only way to stop a worker mid-file; fresh ones are started for the next import.
    this.#stopWorkers();
    this.#generation++;
    const cancelled: FileResult[] = [];
    for (const id of this.#pendingIds) {
      const file = this.#files.get(id);
      if (file)
        cancelled.push({
          id,
          fileName: file.name,
          size: 0,
          status: 'cancelled',
          imported: 0,
          duplicates: 0,
          warnings: [],
        });
    }
    for (const result of cancelled) state.results.push(result);
    this.#history.add(cancelled);
    this.#pendingIds.clear();
    this.#files.clear();
    this.#queue = [];
    this.#outbox = [];
    this.#outboxBytes = 0;
    this.#stopWatchdog();
    const ended: ImportProgress = {
      ...state,
      running: false,
      cancelled: true,
      finishedAt: performance.now(),
      revision: state.revision + 1,
    };
    notifyDataChanged();
    void this.#keepThenShow(this.#history, ended, this.#generation, this.#finish);
  }

  /**
   * Starts reading the next files while the workers and the memory budget have room for them: each read on its own, so
   * that a read that ends starts the next one (as the floor reads), and at most READS_PER_TASK in one task. Starting a
   * read costs the main thread a moment (about half a millisecond on a busy machine); a message's worth started in one
   * go made a task of 100 ms and more.
   */
  #pump(): void {
    let blocked = this.#workers.length === 0;
    while (this.#queue.length > 0 && this.#reading < READS_IN_FLIGHT && !blocked) {
      if (this.#startedThisTask >= READS_PER_TASK) {
        if (!this.#pumpScheduled) {
          this.#pumpScheduled = true;
          inNextTask(() => {
            this.#pumpScheduled = false;
            this.#startedThisTask = 0;
            this.#pump();
          });
        }
        break;
      }
      let filesHeld = this.#outbox.length;
      let bytesHeld = this.#outboxBytes;
      for (const held of this.#held.values()) {
        for (const message of held) {
          filesHeld += message.files;
          bytesHeld += message.bytes;
        }
      }
      blocked = filesHeld + this.#reading >= FILES_HELD * this.#workers.length || bytesHeld >= BYTES_AHEAD;
      if (blocked) break;
      this.#startedThisTask++;
      void this.#read(this.#queue.shift()!);
    }
    this.#sendIfDue(blocked);
  }

  async #read(item: Queued): Promise<void> {
    const generation = this.#generation;
    this.#reading++;
    let bytes: ArrayBuffer | undefined;
    try {
      bytes = await item.file.arrayBuffer();
    } catch {
      bytes = undefined;
    }
    if (generation !== this.#generation) return;
    this.#reading--;
    const { id, file, watched, retried } = item;
    if (bytes) {
      const read: FileToImport = { id, name: file.name, bytes };
      if (watched) read.watched = true;
      if (retried) read.retriedSince = this.#startedEpoch;
      this.#outbox.push(read);
      this.#outboxBytes += bytes.byteLength;
    } else
      this.#record([
        {
          id,
          fileName: file.name,
          size: 0,
          status: 'refused',
          imported: 0,
          duplicates: 0,
          warnings: [],
          errorCode: 'unreadable',
          message: file.name,
        },
      ]);
    this.#pump();
  }

  /**
   * Sends the files read so far to a worker once they make a message: FILES_PER_MESSAGE at most, fewer near the end (so
   * that every core stays busy to the last); and whatever is read once no read is in flight and none can start (the
   * last files, or the workers and the memory budget have no room: what is read must go for room to come).
   */
  #sendIfDue(blocked: boolean): void {
    if (this.#outbox.length === 0) return;
    const left = this.#queue.length + this.#reading + this.#outbox.length;
    const size = Math.max(1, Math.min(FILES_PER_MESSAGE, Math.ceil(left / (Math.max(1, this.#workers.length) * 4))));
    if (this.#outbox.length < size && (this.#reading > 0 || (this.#queue.length > 0 && !blocked))) return;
    const files = this.#outbox;
    const bytes = this.#outboxBytes;
    this.#outbox = [];
    this.#outboxBytes = 0;
    if (this.#queue.length === 0 && this.#reading === 0) performance.mark('dmarc-lens:files-read');
    // The worker holding the fewest files gets the message (results come back in any order anyway).
    const worker = [...this.#held].sort((a, b) => count(a[1]) - count(b[1]))[0]?.[0];
    if (!worker) {
      this.#failFiles(
        files.map((file) => file.id),
        'no import worker left',
      );
      return;
    }
    const assigned = this.#assigned.get(worker) ?? new Set<number>();
    // A worker that held nothing was idle, not silent: its watchdog clock starts now.
    if (assigned.size === 0) this.#signs.set(worker, { at: performance.now(), reading: undefined });
    for (const file of files) {
      assigned.add(file.id);
      this.#sent.set(file.id, { size: file.bytes.byteLength, watched: file.watched === true });
    }
    this.#assigned.set(worker, assigned);
    this.#held.get(worker)!.push({ files: files.length, bytes });
    const message: MainToWorker = {
      type: 'files',
      importId: this.#generation,
      importedAt: this.#startedEpoch,
      files,
    };
    worker.postMessage(
      message,
      files.map((file) => file.bytes),
    );
  }

  #onMessage(worker: Worker, message: WorkerToMain): void {
    const state = this.progress.value;
    // Workers outlive imports: a message about an import that has ended (cancelled, or replaced) is dropped, and so is
    // one a stopped worker posted before it was stopped (its files were sent again).
    if (!state.running || message.importId !== this.#generation || !this.#workers.includes(worker)) return;
    const sign = this.#signs.get(worker);
    this.#signs.set(worker, {
      at: performance.now(),
      reading: message.type === 'progress' ? message.reading : sign?.reading,
    });
    if (message.type === 'progress') return;
    if (message.type === 'results') {
      if (message.digests && message.digests.length > 0) notifyRecordsStored(message.digests);
      for (const result of message.results) {
        if (result.restored) this.#unannounced = true;
        this.#assigned.get(worker)?.delete(result.id);
        this.#sent.delete(result.id);
      }
      this.#record(message.results);
      return;
    }
    this.#held.get(worker)?.shift();
    this.#pump();
  }

  /** Counts results in (once per file) and finishes the import with its last file. */
  #record(results: readonly FileResult[]): void {
    const state = this.progress.value;
    if (!state.running) return;
    const counted: FileResult[] = [];
    for (const result of results) {
      if (!this.#pendingIds.delete(result.id)) continue;
      this.#files.delete(result.id);
      const folder = this.#folders.get(result.id);
      if (folder) result.folder = folder;
      counted.push(result);
      state.results.push(result);
      state.done++;
      countResult(state, result);
    }
    this.#history.add(counted);
    if (this.#pendingIds.size === 0) this.#complete();
    else this.#scheduleNotify();
  }

  #failWorker(worker: Worker, reason: string): void {
    if (!this.#workers.includes(worker)) return;
    // A worker that crashed (out of memory on a huge file, say) loses the files it held: those are refused, the rest
    // go on in the other workers (or, when none is left, are refused too).
    worker.terminate();
    this.#unannounced = true;
    this.#workers = this.#workers.filter((w) => w !== worker);
    const lost = this.#workers.length === 0 ? [...this.#pendingIds] : [...(this.#assigned.get(worker) ?? [])];
    this.#assigned.delete(worker);
    this.#held.delete(worker);
    this.#signs.delete(worker);
    this.#failFiles(lost, reason);
    this.#pump();
  }

  #startWatchdog(): void {
    this.#stopWatchdog();
    this.#lastTick = performance.now();
    this.#watchdog = setInterval(() => this.#checkStalls(), WATCHDOG_TICK_MS);
  }

  #stopWatchdog(): void {
    clearInterval(this.#watchdog);
    this.#watchdog = undefined;
  }

  /** Abandons the file of every worker that has been silent past its budget. */
  #checkStalls(): void {
    const now = performance.now();
    // A tick that comes late means this thread was busy (or the tab hidden): signs that arrived meanwhile may not have
    // been handled yet, so the delay is not counted as silence.
    const late = Math.max(0, now - this.#lastTick - WATCHDOG_TICK_MS);
    this.#lastTick = now;
    for (const worker of [...this.#workers]) {
      const assigned = this.#assigned.get(worker);
      const sign = this.#signs.get(worker);
      if (!assigned || assigned.size === 0 || !sign) continue;
      const order = [...assigned];
      // Files are read in the order they were sent. Before the one the worker last said it was reading, all are read.
      const from = typeof sign.reading === 'number' ? Math.max(0, order.indexOf(sign.reading)) : 0;
      const suspects = order.slice(from);
      // A watched file says when its reading starts and ends: the one last said to start is exactly the stuck one.
      const culprit =
        typeof sign.reading === 'number' && this.#sent.get(sign.reading)?.watched ? sign.reading : undefined;
      const size =
        culprit !== undefined ? this.#sizeOf(culprit) : Math.max(0, ...suspects.map((id) => this.#sizeOf(id)));
      if (now - sign.at - late > this.stallBudget(size)) this.#abandon(worker, order, suspects, culprit);
    }
  }

  #sizeOf(id: number): number {
    return this.#sent.get(id)?.size ?? 0;
  }

  /**
   * Stops a worker that went silent and carries on without what held it up: the stuck file, when it is known, is
   * reported as too slow; otherwise the suspects are sent again, watched, so that a second stall names the file. The
   * worker's other files are sent again to a fresh worker: nothing is lost, and nothing is counted twice (their results
   * had not come; see FileToImport.retriedSince for a batch stored just before the stop).
   */
  #abandon(worker: Worker, order: readonly number[], suspects: readonly number[], culprit: number | undefined): void {
    worker.terminate();
    this.#unannounced = true;
    this.#workers = this.#workers.filter((w) => w !== worker);
    this.#assigned.delete(worker);
    this.#held.delete(worker);
    this.#signs.delete(worker);
    const seconds = Math.max(1, Math.round(this.stallBudget(culprit !== undefined ? this.#sizeOf(culprit) : 0) / 1000));
    const tooSlow = (id: number): FileResult => ({
      id,
      fileName: this.#files.get(id)?.name ?? String(id),
      size: this.#sizeOf(id),
      status: 'refused',
      imported: 0,
      duplicates: 0,
      warnings: [],
      errorCode: 'too-slow',
      message: `${this.#files.get(id)?.name ?? id}: no progress for ${seconds} s; reading was stopped`,
    });
    // Suspects already watched, and none of them stuck while being read: the worker was stuck between files (storing
    // them, say). Sending them a third time would only wait again.
    const refused =
      culprit !== undefined ? [culprit] : suspects.every((id) => this.#sent.get(id)?.watched) ? [...suspects] : [];
    const again: Queued[] = [];
    for (const id of order) {
      const file = this.#files.get(id);
      const watched = culprit === undefined && refused.length === 0 && suspects.includes(id);
      if (file && !refused.includes(id)) again.push({ id, file, retried: true, ...(watched ? { watched } : {}) });
      this.#sent.delete(id);
    }
    this.#queue.unshift(...again);
    this.#addWorker();
    this.#held.set(this.#workers.at(-1)!, []);
    this.#record(refused.map(tooSlow));
    this.#pump();
  }

  #failFiles(ids: readonly number[], reason: string): void {
    this.#record(
      ids.map((id) => ({
        id,
        fileName: this.#files.get(id)?.name ?? String(id),
        size: 0,
        status: 'refused',
        imported: 0,
        duplicates: 0,
        warnings: [],
        errorCode: 'internal',
        message: reason,
      })),
    );
  }

  /**
   * Shows progress at most every PROGRESS_INTERVAL_MS. Views are not asked to re-read the database while an import
   * runs (a re-read competes with the workers' writes, and repeated ones make a long import quadratic): the dashboard
   * counts the stored records in as they land (notifyRecordsStored), and every view re-reads once the import ends (the
   * dashboard from what it kept, when the import announced all it stored: see notifyDataChanged).
   */
  #scheduleNotify(): void {
    if (this.#notifyScheduled) return;
    this.#notifyScheduled = true;
    setTimeout(() => {
      this.#notifyScheduled = false;
      const state = this.progress.value;
      this.progress.set({ ...state, revision: state.revision + 1 });
    }, PROGRESS_INTERVAL_MS);
  }

  /**
   * Ends the import once every file has a result: applies retention, keeps the import's summary, and only then says it
   * finished, so that an import shown as finished is one a reload finds among the earlier imports.
   */
  #complete(): void {
    // The workers stay for the next import.
    this.#stopWatchdog();
    this.#assigned.clear();
    this.#signs.clear();
    this.#sent.clear();
    this.#held.clear();
    this.#files.clear();
    const finishedAt = performance.now();
    // Marks for profiling (the site bench prints them): when the last file was read, and when the import ended.
    performance.mark('dmarc-lens:import-finished');
    // A new import may begin before this one is kept: what follows belongs to this one.
    const ended = this.progress.value;
    const generation = this.#generation;
    const unannounced = this.#unannounced;
    const history = this.#history;
    const finish = this.#finish;
    const months = readRetentionMonths();
    // Retention applies to what is stored now, this import included; the outcome says what it removed. A removal that
    // failed part way (-1) may still have removed something: views read everything again.
    const removal =
      months === 0
        ? Promise.resolve(0)
        : getDatabase()
            .then((db) => applyRetention(db, months, Date.now()))
            .catch(() => -1);
    void removal.then(async (outcome) => {
      const state = generation === this.#generation ? this.progress.value : ended;
      const finished: ImportProgress = {
        ...state,
        running: false,
        finishedAt,
        revision: state.revision + 1,
        ...(months === 0 ? {} : { retentionRemoved: Math.max(0, outcome) }),
      };
      // Another import begun meanwhile may have stored more already: only this one's end is announced as such.
      notifyDataChanged(!unannounced && outcome === 0 && generation === this.#generation);
      await this.#keepThenShow(history, finished, generation, finish);
    });
  }

  /**
   * Keeps the import that ended (its summary goes to the history, importHistory.ts), and only then shows its end and
   * resolves its start(): an import shown as finished or cancelled is one a reload finds among the earlier imports, not
   * unfinished (listed as interrupted). An import begun meanwhile (another generation) has the progress to itself. A
   * failure to keep it costs only the history.
   */
  async #keepThenShow(
    history: ImportHistoryWriter,
    ended: ImportProgress,
    generation: number,
    finish: (() => void) | undefined,
  ): Promise<void> {
    await history.finish(summaryOf(ended, Date.now()));
    if (generation === this.#generation) this.progress.set(ended);
    finish?.();
  }

  #stopWorkers(): void {
    for (const worker of this.#workers) worker.terminate();
    this.#workers = [];
    this.#assigned.clear();
    this.#held.clear();
    this.#signs.clear();
    this.#stopWatchdog();
  }
}

/** What the import history keeps of an import's progress. */
function summaryOf(state: ImportProgress, finishedAt: number): ImportSummary {
  return {
    importedAt: state.importedAt,
    finishedAt,
    sample: state.sample,
    cancelled: state.cancelled,
    total: state.total,
    imported: state.imported,
    duplicates: state.duplicates,
    refused: state.refused,
    ...(state.retentionRemoved !== undefined ? { retentionRemoved: state.retentionRemoved } : {}),
  };
}

/** The watchdog's budget for a file of `size` bytes, or the test-only override (STALL_BUDGET_TEST_KEY). */
function defaultStallBudget(): (size: number) => number {
  let override = Number.NaN;
  try {
    override = Number(globalThis.localStorage?.getItem(STALL_BUDGET_TEST_KEY) ?? Number.NaN);
  } catch {
    // Storage may be unavailable (blocked cookies): the real budget applies.
  }
  if (Number.isFinite(override) && override > 0) return () => override;
  return (size) => STALL_BUDGET_MS + size / STALL_BYTES_PER_MS;
}

/** Workers an import runs on: one per core, at most MAX_WORKERS. */
function workerCount(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(cores, MAX_WORKERS));
}

function count(held: readonly Held[]): number {
  return held.reduce((sum, message) => sum + message.files, 0);
}
