// Reads attachments in dedicated Workers under a watchdog. A file still being read when the parse budget runs out is
// abandoned: its worker is terminated (nothing running inside a worker can prevent that), the file is answered "took
// too long to read", and a fresh worker serves the next request. Meanwhile the other workers go on answering other
// cards and tabs, and the context that owns the pool (the background, an extension page) never runs a parse itself.
import { cardErrorText } from '../messaging/cardErrors';
import type { ParseAnswer } from '../messaging/messages';
import {
  HELD_FILES,
  PARSE_WORKER_PATH,
  type ParseWorkerRequest,
  type ParseWorkerResponse,
} from './parseWorkerProtocol';
import type { AttachmentError, ReadAttachmentResult } from './readReportAttachment';

/**
 * How long one attachment may take to read. The largest real aggregate reports (a few hundred thousand records, a
 * couple of hundred MB of XML) read in under a minute even on a slow machine busy with other work; a file still being
 * read after two minutes is pathological input or a parser bug, and its worker would otherwise hold a core and its
 * memory for as long as it likes.
 */
export const PARSE_BUDGET_MS = 120_000;

/** Workers reading at once: one slow file holds one of them while the other cards of a thread go through the rest. */
export const MAX_PARSE_WORKERS = 3;

/**
 * An idle worker is let go after this long: each holds a copy of the parser and the files it keeps for a save, and a
 * thread's cards and their Save clicks come within moments of each other.
 */
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
  resolve: (response: ParseWorkerResponse) => void;
}

interface ParseReader {
  worker: Worker;
  job: ParseJob | undefined;
  /** The watchdog while a job runs; the idle timeout otherwise. */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Keys of the files the worker holds, as it does (parse-worker.ts): the last HELD_FILES it was given. */
  held: string[];
}

export class ParseWorkerPool {
  readonly #options: ParseWorkerPoolOptions;
  readonly #readers = new Set<ParseReader>();
  readonly #queue: ParseJob[] = [];

  constructor(options: ParseWorkerPoolOptions) {
    this.#options = options;
  }

  /**
   * The card's summaries of one file; the worker keeps the parsed file under `key` for a save that may follow. Never
   * rejects: a slow or failed read is a typed error naming the file.
   */
  async summarize(bytes: Uint8Array, fileName: string, container: Container, key: string): Promise<ParseAnswer> {
    const response = await this.#run({ kind: 'summarize', key, bytes, fileName, container });
    return response.kind === 'summarize' ? response.answer : unexpected(fileName);
  }

  /** The parsed reports of one file, from the worker that holds it under `key` if it is free, else parsed anew. */
  async read(bytes: Uint8Array, fileName: string, container: Container, key = ''): Promise<ReadAttachmentResult> {
    const response = await this.#run({ kind: 'read', key, bytes, fileName, container });
    return response.kind === 'read' ? response.result : unexpected(fileName);
  }

  #run(request: ParseWorkerRequest): Promise<ParseWorkerResponse> {
    return new Promise((resolve) => {
      this.#queue.push({ request, resolve });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    for (let index = 0; index < this.#queue.length;) {
      const job = this.#queue[index]!;
      const idle = [...this.#readers].filter((candidate) => candidate.job === undefined);
      let reader =
        idle.find((candidate) => job.request.key !== '' && candidate.held.includes(job.request.key)) ?? idle[0];
      if (reader === undefined && this.#readers.size < this.#options.maxWorkers) reader = this.#startReader();
      if (reader === undefined) return;
      this.#queue.splice(index, 1);
      this.#give(reader, job);
    }
  }

  #startReader(): ParseReader {
    const reader: ParseReader = {
      worker: new Worker(this.#options.workerUrl),
      job: undefined,
      timer: undefined,
      held: [],
    };
    reader.worker.addEventListener('message', (event: MessageEvent<ParseWorkerResponse>) =>
      this.#finish(reader, event.data),
    );
    // A worker that could not start or died (e.g. out of memory): that file fails, the next request gets a new worker.
    reader.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#stop(reader, (job) => ({
        code: 'extension',
        message: event.message
          ? cardErrorText('ext.error.readerStopped', { file: job.request.fileName, error: event.message })
          : cardErrorText('ext.error.readerStoppedNoReason', { file: job.request.fileName }),
      }));
    });
    this.#readers.add(reader);
    return reader;
  }

  #give(reader: ParseReader, job: ParseJob): void {
    clearTimeout(reader.timer);
    reader.job = job;
    const { key, fileName } = job.request;
    if (key !== '' && !reader.held.includes(key)) reader.held = [...reader.held, key].slice(-HELD_FILES);
    reader.timer = setTimeout(
      () => this.#stop(reader, () => tooSlow(fileName, this.#options.budgetMs)),
      this.#options.budgetMs,
    );
    // Copied, not transferred: the caller may still hold the bytes (a save sends them again).
    reader.worker.postMessage(job.request);
  }

  #finish(reader: ParseReader, response: ParseWorkerResponse): void {
    const job = reader.job;
    if (job === undefined) return;
    clearTimeout(reader.timer);
    reader.job = undefined;
    reader.timer = setTimeout(() => this.#stop(reader, undefined), this.#options.idleMs);
    job.resolve(response);
    this.#dispatch();
  }

  /** Terminates the reader's worker; its job, if any, fails with `error`. */
  #stop(reader: ParseReader, error: ((job: ParseJob) => AttachmentError) | undefined): void {
    clearTimeout(reader.timer);
    reader.worker.terminate();
    this.#readers.delete(reader);
    const job = reader.job;
    reader.job = undefined;
    if (job !== undefined && error !== undefined) {
      const failed = { ok: false as const, error: error(job) };
      job.resolve(
        job.request.kind === 'summarize' ? { kind: 'summarize', answer: failed } : { kind: 'read', result: failed },
      );
    }
    this.#dispatch();
  }
}

type Container = ParseWorkerRequest['container'];

function unexpected(fileName: string): { ok: false; error: AttachmentError } {
  return {
    ok: false,
    error: { code: 'extension', message: cardErrorText('ext.error.unexpectedAnswer', { file: fileName }) },
  };
}

/** "took too long to read", with the budget in whole minutes or else in seconds to a tenth. */
function tooSlow(fileName: string, budgetMs: number): AttachmentError {
  const message =
    budgetMs >= 60_000 && budgetMs % 60_000 === 0
      ? cardErrorText('ext.error.tooSlowMinutes', { file: fileName, count: budgetMs / 60_000 })
      : cardErrorText('ext.error.tooSlowSeconds', { file: fileName, count: Math.round(budgetMs / 100) / 10 });
  return { code: 'too-slow', message };
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
