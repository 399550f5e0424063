// Each import's per-file results, kept across reloads in a small IndexedDB database of their own (the report database
// is core/store's): which files came in, from which folders, what each gave or why it was refused, and which reports
// each import stored. Sample imports are marked, so that their reports can be told apart and removed in one click.
//
// An import's summary is one row; its per-file results are rows of RESULTS_PER_ROW, written as the results come in
// (ImportHistoryWriter), each in a transaction of its own, and read only when they are shown. A 10,000-file import's
// results are megabytes of structured clone: written as one row, they were one long task on the page's main thread at
// the import's end, and read back by every list of the imports.
//
// An import is kept from its start: its summary is written when it begins and again with each row of results, marked
// unfinished until its end. The page importing holds a Web Lock named after the import meanwhile, so that another tab
// tells an import still running from one whose page was closed (or crashed) before it ended: that one is listed as
// interrupted, with the files whose results were written, instead of vanishing.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { Observable } from '../app/Observable';
import { onOtherTabs, tellOtherTabs } from '../app/otherTabs';
import { countResult, type FileResult } from './importProtocol';

/** What an import came to: one row per import. */
export interface ImportSummary {
  /** Date.now() when the import began: also the importedAt of every report it stored. */
  importedAt: number;
  /** Date.now() when it ended. */
  finishedAt: number;
  /** The bundled sample reports, not the user's own. */
  sample: boolean;
  cancelled: boolean;
  /** Files picked: each has a result (cancelled ones too). */
  total: number;
  imported: number;
  duplicates: number;
  refused: number;
  /** Reports the retention setting removed right after this import. */
  retentionRemoved?: number;
  /**
   * Set from the import's start until its end, with the counts of the results written so far (`done` files): listed
   * (by listImports) only once no page runs it, it is an import interrupted by its page closing.
   */
  unfinished?: true;
  done?: number;
}

/** A part of an import's per-file results, in the order they came. */
interface ResultsRow {
  importedAt: number;
  part: number;
  results: FileResult[];
}

/** The row of version 1: an import's summary and all its results in one. */
interface ImportRowV1 extends ImportSummary {
  results?: FileResult[];
}

interface HistorySchema extends DBSchema {
  imports: { key: number; value: ImportSummary };
  results: { key: [number, number]; value: ResultsRow };
}

const HISTORY_DB = 'dmarc-lens-imports';
/** 1: one row per import, its results in it. 2: the results in rows of their own (`results`). */
export const HISTORY_DB_VERSION = 2;
/** Imports kept: the newest ones. Older ones go as new ones come (their reports stay, of course). */
export const IMPORTS_KEPT = 25;
/** Per-file results per row: a few ms of structured clone each. */
export const RESULTS_PER_ROW = 500;
/** Results are written at least this often (a row of fewer), so that a page closed mid-import loses at most these. */
export const RESULTS_WRITTEN_WITHIN_MS = 1000;

let opening: Promise<IDBPDatabase<HistorySchema>> | undefined;

function database(): Promise<IDBPDatabase<HistorySchema>> {
  opening ??= openDB<HistorySchema>(HISTORY_DB, HISTORY_DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) db.createObjectStore('imports', { keyPath: 'importedAt' });
      if (oldVersion < 2) {
        db.createObjectStore('results', { keyPath: ['importedAt', 'part'] });
        // The upgrade's transaction lasts while its requests do: the rows are moved before the database opens.
        void splitResults(transaction).catch(() => undefined);
      }
    },
  });
  return opening;
}

/** Moves the results of version 1's rows into rows of their own, leaving the summaries. */
async function splitResults(
  transaction: IDBPTransaction<HistorySchema, StoreNames<HistorySchema>[], 'versionchange'>,
): Promise<void> {
  const imports = transaction.objectStore('imports');
  const results = transaction.objectStore('results');
  for (const row of (await imports.getAll()) as ImportRowV1[]) {
    const { results: kept, ...summary } = row;
    const list = Array.isArray(kept) ? kept : [];
    for (let part = 0; part * RESULTS_PER_ROW < list.length; part++)
      await results.put({
        importedAt: row.importedAt,
        part,
        results: list.slice(part * RESULTS_PER_ROW, (part + 1) * RESULTS_PER_ROW),
      });
    await imports.put(summary);
  }
}

/** Moves whenever the kept imports change, here or in another tab, so that lists of them re-read. */
export const importHistoryVersion = new Observable(0);
onOtherTabs('imports', () => importHistoryVersion.update((v) => v + 1));

/** The kept imports changed here. */
function historyChanged(): void {
  importHistoryVersion.update((v) => v + 1);
  tellOtherTabs('imports');
}

/**
 * Keeps one import's results as they come (add) and its summary at its end (finish); begun (begin), it is kept as
 * unfinished meanwhile. Rows are written one at a time, each in its own transaction, so that no task clones more than a
 * row; a failure costs only the history.
 */
export class ImportHistoryWriter {
  #pending: FileResult[] = [];
  #part = 0;
  #writes: Promise<void> = Promise.resolve();
  /** The unfinished summary, with the counts of the rows written: written again with each. */
  #unfinished: ImportSummary | undefined;
  #release: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly importedAt: number) {}

  /**
   * Keeps the import as begun: its summary (no file done yet) once this page holds the import's lock, so that no tab
   * ever sees it unfinished and unlocked while it runs.
   */
  begin(summary: ImportSummary): void {
    const unfinished: ImportSummary = { ...summary, unfinished: true, done: 0 };
    this.#unfinished = unfinished;
    const locked = holdLock(lockName(this.importedAt), (release) => (this.#release = release));
    this.#writes = this.#writes
      .then(() => locked)
      .then(async () => {
        await (await database()).put('imports', unfinished);
      })
      .catch(() => undefined);
  }

  /** Results that are final (the caller does not change them after). */
  add(results: readonly FileResult[]): void {
    for (const result of results) this.#pending.push(result);
    while (this.#pending.length >= RESULTS_PER_ROW) this.#write(this.#pending.splice(0, RESULTS_PER_ROW));
    if (this.#unfinished && this.#pending.length > 0 && this.#timer === undefined) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        if (this.#pending.length > 0) this.#write(this.#pending.splice(0));
      }, RESULTS_WRITTEN_WITHIN_MS);
    }
  }

  /** Writes what is left and the summary, and lets the oldest imports go beyond IMPORTS_KEPT. */
  finish(summary: ImportSummary): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#unfinished = undefined;
    if (this.#pending.length > 0) this.#write(this.#pending.splice(0));
    this.#writes = this.#writes
      .then(() => saveSummary(summary))
      .catch(() => undefined)
      .then(() => {
        this.#release?.();
        historyChanged();
      });
    return this.#writes;
  }

  #write(results: FileResult[]): void {
    const part = this.#part++;
    // The summary written with the row counts what the rows written hold, no more.
    let summary: ImportSummary | undefined;
    if (this.#unfinished) {
      summary = this.#unfinished = { ...this.#unfinished, done: (this.#unfinished.done ?? 0) + results.length };
      for (const result of results) countResult(summary, result);
    }
    this.#writes = this.#writes
      .then(async () => {
        const db = await database();
        const tx = db.transaction(['imports', 'results'], 'readwrite');
        await Promise.all([
          tx.objectStore('results').put({ importedAt: this.importedAt, part, results }),
          summary && tx.objectStore('imports').put(summary),
          tx.done,
        ]);
      })
      .catch(() => undefined);
  }
}

/** The lock an import's page holds while it runs. */
function lockName(importedAt: number): string {
  return `dmarc-lens-import-${importedAt}`;
}

/**
 * Takes the lock `name` until the function handed to `onHeld` is called; resolves once it is held (at once where the
 * browser has no Web Locks: imports are then never told running in another tab).
 */
function holdLock(name: string, onHeld: (release: () => void) => void): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return Promise.resolve();
  return new Promise((held) => {
    locks
      .request(
        name,
        () =>
          new Promise<void>((release) => {
            onHeld(release);
            held();
          }),
      )
      .catch(() => held());
  });
}

/** The names of the locks held in any page of this origin. */
async function heldLocks(): Promise<Set<string>> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return new Set();
  try {
    const { held = [] } = await locks.query();
    return new Set(held.map((lock) => lock.name ?? ''));
  } catch {
    return new Set();
  }
}

/** The keys of every results row of the import that began at `importedAt`. */
function resultsOf(importedAt: number): IDBKeyRange {
  return IDBKeyRange.bound([importedAt], [importedAt, []]);
}

async function saveSummary(summary: ImportSummary): Promise<void> {
  const db = await database();
  const tx = db.transaction(['imports', 'results'], 'readwrite');
  const imports = tx.objectStore('imports');
  await imports.put(summary);
  const keys = await imports.getAllKeys();
  const kept = new Set(keys.slice(Math.max(0, keys.length - IMPORTS_KEPT)));
  await Promise.all(keys.filter((key) => !kept.has(key)).map((key) => imports.delete(key)));
  // Results of imports no longer kept, and of any without a summary (its page closed before its first was written).
  const results = tx.objectStore('results');
  const stale = new Set((await results.getAllKeys()).map(([importedAt]) => importedAt).filter((at) => !kept.has(at)));
  for (const importedAt of stale) await results.delete(resultsOf(importedAt));
  await tx.done;
}

/** Keeps an import whose results are all at hand, in one go (an import the page has in memory already). */
export async function saveImport(summary: ImportSummary, results: readonly FileResult[]): Promise<void> {
  const writer = new ImportHistoryWriter(summary.importedAt);
  writer.add(results);
  await writer.finish(summary);
}

/**
 * The kept imports' summaries, newest first, leaving out those still running in a page: an `unfinished` one listed
 * was interrupted.
 */
export async function listImports(): Promise<ImportSummary[]> {
  const db = await database();
  const [imports, held] = await Promise.all([db.getAll('imports'), heldLocks()]);
  return imports.reverse().filter((summary) => !summary.unfinished || !held.has(lockName(summary.importedAt)));
}

/** The per-file results of the import that began at `importedAt`, in the order they came. */
export async function readImportResults(importedAt: number): Promise<FileResult[]> {
  const db = await database();
  const rows = await db.getAll('results', resultsOf(importedAt));
  return rows.flatMap((row) => row.results);
}

/** Forgets every kept import (after "delete everything"). */
export async function clearImports(): Promise<void> {
  const db = await database();
  const tx = db.transaction(['imports', 'results'], 'readwrite');
  await Promise.all([tx.objectStore('imports').clear(), tx.objectStore('results').clear(), tx.done]);
  historyChanged();
}

/** Forgets the sample imports (once their reports are removed). */
export async function forgetSampleImports(): Promise<void> {
  const db = await database();
  const tx = db.transaction(['imports', 'results'], 'readwrite');
  for (const summary of await tx.objectStore('imports').getAll()) {
    if (!summary.sample) continue;
    await tx.objectStore('imports').delete(summary.importedAt);
    await tx.objectStore('results').delete(resultsOf(summary.importedAt));
  }
  await tx.done;
  historyChanged();
}

/** The keys of the reports sample imports stored (not those that were stored already when the samples came). */
export async function sampleReportKeys(): Promise<string[]> {
  const keys = new Set<string>();
  for (const summary of await listImports()) {
    if (!summary.sample) continue;
    for (const result of await readImportResults(summary.importedAt))
      for (const report of result.reports ?? []) if (report.stored) keys.add(report.key);
  }
  return [...keys];
}
