// Each import's per-file results, kept across reloads in a small IndexedDB database of their own (the report database
// is core/store's): which files came in, from which folders, what each gave or why it was refused, and which reports
// each import stored. Sample imports are marked, so that their reports can be told apart and removed in one click.
//
// An import's summary is one row; its per-file results are rows of RESULTS_PER_ROW, written as the results come in
// (ImportHistoryWriter), each in a transaction of its own, and read only when they are shown. A 10,000-file import's
// results are megabytes of structured clone: written as one row, they were one long task on the page's main thread at
// the import's end, and read back by every list of the imports.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { Observable } from '../app/Observable';
import { onOtherTabs, tellOtherTabs } from '../app/otherTabs';
import type { FileResult } from './importProtocol';

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
 * Keeps one import's results as they come (add) and its summary at its end (finish). Rows are written one at a time,
 * each in its own transaction, so that no task clones more than a row; a failure costs only the history.
 */
export class ImportHistoryWriter {
  #pending: FileResult[] = [];
  #part = 0;
  #writes: Promise<void> = Promise.resolve();

  constructor(readonly importedAt: number) {}

  /** Results that are final (the caller does not change them after). */
  add(results: readonly FileResult[]): void {
    for (const result of results) this.#pending.push(result);
    while (this.#pending.length >= RESULTS_PER_ROW) this.#write(this.#pending.splice(0, RESULTS_PER_ROW));
  }

  /** Writes what is left and the summary, and lets the oldest imports go beyond IMPORTS_KEPT. */
  finish(summary: ImportSummary): Promise<void> {
    if (this.#pending.length > 0) this.#write(this.#pending.splice(0));
    this.#writes = this.#writes
      .then(() => saveSummary(summary))
      .catch(() => undefined)
      .then(historyChanged);
    return this.#writes;
  }

  #write(results: FileResult[]): void {
    const part = this.#part++;
    this.#writes = this.#writes
      .then(async () => {
        const db = await database();
        await db.put('results', { importedAt: this.importedAt, part, results });
      })
      .catch(() => undefined);
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
  // Results of imports no longer kept, and of any whose page closed before its summary was written.
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

/** The kept imports' summaries, newest first. */
export async function listImports(): Promise<ImportSummary[]> {
  const db = await database();
  return (await db.getAll('imports')).reverse();
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
