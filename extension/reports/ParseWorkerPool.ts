// Reads attachments in dedicated Workers under a watchdog. A file still being read when the parse budget runs out is
// abandoned: its worker is terminated (nothing running inside a worker can prevent that), the file is answered "took
// too long to read", and a fresh worker serves the next request. Meanwhile the other workers go on answering other
// cards and tabs, and the context that owns the pool (the background, an extension page) never runs a parse itself.
import { PARSE_WORKER_PATH, type ParseWorkerRequest, type ParseWorkerResponse } from './parseWorkerProtocol';
import type { ReadAttachmentResult } from './readReportAttachment';

/**
 * How long one attachment may take to read. The largest real aggregate reports (a few hundred thousand records, a
 * couple of hundred MB of XML) read in well under a minute even on a slow, busy laptop; a file still being read after
 * two minutes is pathological input or a parser bug, and its worker would otherwise hold a core and its memory forever.
 */
export const PARSE_BUDGET_MS = 120_000;

/** Workers reading at once: one slow file holds one of them while the other cards of a thread go through the rest. */
export const MAX_PARSE_WORKERS = 3;

/** An idle worker is let go after this long: each holds a copy of the parser, and a thread's cards arrive together. */
export const IDLE_WORKER_MS = 30_000;

export interface ParseWorkerPoolOptions {
  /** The parse worker's script (entrypoints/parse-worker.ts as built). */
  workerUrl: string;
  budgetMs: number;
  maxWorkers: number;
  idleMs: number;
}

interface ParseJob {
  request: ParseWorkerRequest;
  resolve: (result: ReadAttachmentResult) => void;
}

interface ParseReader {
  worker: Worker;
  job: ParseJob | undefined;
  /** The watchdog while a job runs; the idle timeout otherwise. */
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class ParseWorkerPool {
  readonly #options: ParseWorkerPoolOptions;
  readonly #readers = new Set<ParseReader>();
  readonly #queue: ParseJob[] = [];

  constructor(options: ParseWorkerPoolOptions) {
    this.#options = options;
  }

  /** Reads one file; never rejects: a slow or failed read is a typed error naming the file. */
  read(bytes: Uint8Array, fileName: string, container: 'attachment' | 'message'): Promise<ReadAttachmentResult> {
    return new Promise((resolve) => {
      this.#queue.push({ request: { bytes, fileName, container }, resolve });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let reader = [...this.#readers].find((candidate) => candidate.job === undefined);
      if (reader === undefined) {
        if (this.#readers.size >= this.#options.maxWorkers) return;
        reader = this.#startReader();
      }
      this.#give(reader, this.#queue.shift()!);
    }
  }

  #startReader(): ParseReader {
    const reader: ParseReader = { worker: new Worker(this.#options.workerUrl), job: undefined, timer: undefined };
    reader.worker.addEventListener('message', (event: MessageEvent<ParseWorkerResponse>) =>
      this.#finish(reader, event.data.result),
    );
    // A worker that could not start or died (e.g. out of memory): that file fails, the next request gets a new worker.
    reader.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#stop(reader, (job) => ({
        ok: false,
        error: {
          code: 'extension',
          message: `${job.request.fileName} could not be read: the reader stopped (${event.message || 'no reason'}).`,
        },
      }));
    });
    this.#readers.add(reader);
    return reader;
  }

  #give(reader: ParseReader, job: ParseJob): void {
    clearTimeout(reader.timer);
    reader.job = job;
    reader.timer = setTimeout(
      () => this.#stop(reader, (slow) => tooSlow(slow.request.fileName, this.#options.budgetMs)),
      this.#options.budgetMs,
    );
    // Copied, not transferred: the caller may still hold the bytes (the cache digests them, a retry resends them).
    reader.worker.postMessage(job.request);
  }

  #finish(reader: ParseReader, result: ReadAttachmentResult): void {
    const job = reader.job;
    if (job === undefined) return;
    clearTimeout(reader.timer);
    reader.job = undefined;
    reader.timer = setTimeout(() => this.#stop(reader, undefined), this.#options.idleMs);
    job.resolve(result);
    this.#dispatch();
  }

  /** Terminates the reader's worker; its job, if any, is answered with `answer`. */
  #stop(reader: ParseReader, answer: ((job: ParseJob) => ReadAttachmentResult) | undefined): void {
    clearTimeout(reader.timer);
    reader.worker.terminate();
    this.#readers.delete(reader);
    const job = reader.job;
    reader.job = undefined;
    if (job !== undefined && answer !== undefined) job.resolve(answer(job));
    this.#dispatch();
  }
}

function tooSlow(fileName: string, budgetMs: number): ReadAttachmentResult {
  return {
    ok: false,
    error: {
      code: 'too-slow',
      message:
        `${fileName} took too long to read (more than ${formatBudget(budgetMs)}); ` +
        'DMARC Lens stopped reading it so that it could go on with other files.',
    },
  };
}

function formatBudget(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return ms === 60_000 ? 'a minute' : `${ms / 60_000} minutes`;
  const seconds = Math.round(ms / 100) / 10;
  return seconds === 1 ? 'a second' : `${seconds} seconds`;
}

/**
 * This build's budget: PARSE_BUDGET_MS unless the build sets WXT_PARSE_BUDGET_MS, as the watchdog browser test's own
 * build does so that its slow file is abandoned in seconds instead of minutes.
 */
export function buildParseBudgetMs(): number {
  const shortened = Number(import.meta.env.WXT_PARSE_BUDGET_MS);
  return Number.isFinite(shortened) && shortened > 0 ? shortened : PARSE_BUDGET_MS;
}

let sharedPool: ParseWorkerPool | undefined;

/** The pool of this extension context (the Firefox background page, Chrome's offscreen document, an extension page). */
export function sharedParseWorkerPool(): ParseWorkerPool {
  sharedPool ??= new ParseWorkerPool({
    workerUrl: browser.runtime.getURL(PARSE_WORKER_PATH),
    budgetMs: buildParseBudgetMs(),
    maxWorkers: MAX_PARSE_WORKERS,
    idleMs: IDLE_WORKER_MS,
  });
  return sharedPool;
}
