// Runs an import on a pool of workers (one per core) and keeps its progress as an Observable the UI renders.
// The page only hands File handles over (structured clone of a File copies no bytes, and the page never asks a File
// for its size or bytes) and counts results; every byte is read, parsed and stored inside the workers.
import { notifyDataChanged } from '../app/database';
import { Observable } from '../app/Observable';
import type { FileResult, FileToImport, MainToWorker, WorkerToMain } from './importProtocol';

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
};

/**
 * Files per message to a worker at most. Cloning a File into a message costs the page a synchronous round trip to the
 * browser process for its metadata: 0.15 ms on an idle machine, up to 1.5 ms while the workers keep both cores busy
 * (traced: 48 files took 60–94 ms), so a message of 16 stays far from a long task.
 */
const FILES_PER_MESSAGE = 16;
/**
 * What one message may cost the page. That round trip's latency grows with the load on the machine (5–7 ms a file
 * was traced under tracing's extra load), so the files per message follow the measured cost per file.
 */
const MESSAGE_BUDGET_MS = 20;
/** Files each worker holds unparsed at once (in however many messages), so it never waits for the page. */
const FILES_HELD = 40;
/**
 * Views re-read the database at most this often while an import runs (and once at its end). Re-reading competes
 * with the workers' writes for the same object stores, so it is rare.
 */
const REFRESH_INTERVAL_MS = 10_000;

export type WorkerFactory = () => Worker;

const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'dmarc-lens-import' });

export class ImportController {
  readonly progress = new Observable<ImportProgress>(IDLE);
  #workers: Worker[] = [];
  #files = new Map<number, File>();
  /** Files handed to each worker and not yet reported back. */
  #assigned = new Map<Worker, Set<number>>();
  #queue: Array<{ id: number; file: File }> = [];
  #pendingIds = new Set<number>();
  #notifyScheduled = false;
  #lastRefresh = 0;
  /** Per worker, the sizes of the messages it has not finished reading yet (oldest first). */
  #held = new Map<Worker, number[]>();
  /**
   * Measured cost to the page of cloning one File into a message (moving average), in ms. Starts pessimistic: right
   * after a pick of thousands the browser process is still busy with the file list, and the first messages are slow.
   */
  #msPerFile = 5;

  #finish?: () => void;

  constructor(private readonly createWorker: WorkerFactory = defaultWorkerFactory) {}

  /** Imports `files`; resolves when every file has a result (or the import was cancelled). */
  start(files: readonly File[]): Promise<void> {
    if (this.progress.value.running) this.cancel();
    const items = files.map((file, id) => ({ id, file }));
    this.#queue = [...items];
    this.#pendingIds = new Set(items.map((item) => item.id));
    this.#files = new Map(items.map((item) => [item.id, item.file]));
    this.#msPerFile = 5;
    this.progress.set({ ...IDLE, running: files.length > 0, total: files.length, startedAt: performance.now(), results: [] });
    this.#lastRefresh = performance.now();
    if (files.length === 0) return Promise.resolve();
    const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
    const count = Math.max(1, Math.min(cores, 8, files.length));
    const done = new Promise<void>((resolve) => (this.#finish = resolve));
    for (let i = 0; i < count; i++) {
      const worker = this.createWorker();
      worker.onmessage = (event: MessageEvent<WorkerToMain>) => this.#onMessage(worker, event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.#failWorker(worker, String(event.message ?? 'worker error'));
      };
      this.#workers.push(worker);
      this.#held.set(worker, []);
      // The first messages each in a task of its own: all at once in the change event made one long task.
      setTimeout(() => this.#topUp(worker), 0);
    }
    return done;
  }

  /** Forgets a finished import's results (the header strip goes away). */
  dismiss(): void {
    if (!this.progress.value.running) this.progress.set(IDLE);
  }

  /** Stops at once: workers are terminated; files not yet finished are reported as cancelled. */
  cancel(): void {
    const state = this.progress.value;
    if (!state.running) return;
    this.#stopWorkers();
    for (const id of this.#pendingIds) {
      const file = this.#files.get(id);
      if (file) state.results.push({ id, fileName: file.name, size: 0, status: 'cancelled', imported: 0, duplicates: 0, warnings: [] });
    }
    this.#pendingIds.clear();
    this.#files.clear();
    this.#queue = [];
    this.progress.set({ ...state, running: false, cancelled: true, finishedAt: performance.now(), revision: state.revision + 1 });
    notifyDataChanged();
    this.#finish?.();
  }

  /** Feeds `worker` one message, and again in a later task until it holds FILES_HELD files. */
  #topUp(worker: Worker): void {
    this.#feed(worker);
    const held = this.#held.get(worker);
    if (held && held.reduce((a, b) => a + b, 0) < FILES_HELD && this.#queue.length > 0) setTimeout(() => this.#topUp(worker), 0);
  }

  #feed(worker: Worker): void {
    // A timer of an earlier (cancelled or replaced) import may still fire: its worker is gone.
    if (this.#queue.length === 0 || !this.#workers.includes(worker)) return;
    // Smaller chunks near the end keep every core busy until the last file.
    const affordable = Math.max(1, Math.floor(MESSAGE_BUDGET_MS / this.#msPerFile));
    const size = Math.max(1, Math.min(FILES_PER_MESSAGE, affordable, Math.ceil(this.#queue.length / (this.#workers.length * 4 || 4))));
    const chunk = this.#queue.splice(0, size);
    const assigned = this.#assigned.get(worker) ?? new Set<number>();
    for (const item of chunk) assigned.add(item.id);
    this.#assigned.set(worker, assigned);
    // Only handles: the worker reads size and bytes (see FileToImport.file).
    this.#held.get(worker)?.push(chunk.length);
    const message: MainToWorker = { type: 'files', files: chunk };
    const started = performance.now();
    worker.postMessage(message);
    // A slow message shrinks the next one at once; fast ones let the size grow back gradually.
    const sample = (performance.now() - started) / chunk.length;
    this.#msPerFile = Math.max(sample, 0.7 * this.#msPerFile + 0.3 * sample);
  }

  #onMessage(worker: Worker, message: WorkerToMain): void {
    const state = this.progress.value;
    if (!state.running) return;
    if (message.type === 'results') {
      for (const result of message.results) {
        this.#assigned.get(worker)?.delete(result.id);
        if (!this.#pendingIds.delete(result.id)) continue;
        this.#files.delete(result.id);
        state.results.push(result);
        state.done++;
        state.imported += result.imported;
        state.duplicates += result.duplicates;
        if (result.status === 'refused') state.refused++;
      }
      if (this.#pendingIds.size === 0) this.#complete();
      else this.#scheduleNotify();
      return;
    }
    this.#held.get(worker)?.shift();
    this.#topUp(worker);
  }

  #failWorker(worker: Worker, reason: string): void {
    // A worker that crashed (out of memory on a huge file, say) loses the files it held: those are refused, the rest
    // go on in the other workers (or, when none is left, are refused too).
    worker.terminate();
    this.#workers = this.#workers.filter((w) => w !== worker);
    const lost = this.#workers.length === 0 ? [...this.#pendingIds] : [...(this.#assigned.get(worker) ?? [])];
    this.#assigned.delete(worker);
    this.#held.delete(worker);
    const state = this.progress.value;
    for (const id of lost) {
      if (!this.#pendingIds.delete(id)) continue;
      const file = this.#files.get(id);
      state.results.push({
        id,
        fileName: file?.name ?? String(id),
        size: 0,
        status: 'refused',
        imported: 0,
        duplicates: 0,
        warnings: [],
        errorCode: 'internal',
        message: reason,
      });
      state.done++;
      state.refused++;
    }
    if (this.#pendingIds.size === 0) this.#complete();
    else this.#scheduleNotify();
  }

  #scheduleNotify(): void {
    if (this.#notifyScheduled) return;
    this.#notifyScheduled = true;
    requestAnimationFrame(() => {
      this.#notifyScheduled = false;
      const state = this.progress.value;
      this.progress.set({ ...state, revision: state.revision + 1 });
      const now = performance.now();
      if (now - this.#lastRefresh > REFRESH_INTERVAL_MS) {
        this.#lastRefresh = now;
        notifyDataChanged();
      }
    });
  }

  #complete(): void {
    this.#stopWorkers();
    this.#files.clear();
    const state = this.progress.value;
    this.progress.set({ ...state, running: false, finishedAt: performance.now(), revision: state.revision + 1 });
    notifyDataChanged();
    this.#finish?.();
  }

  #stopWorkers(): void {
    for (const worker of this.#workers) worker.terminate();
    this.#workers = [];
    this.#assigned.clear();
    this.#held.clear();
  }
}
