// Each import's per-file results, kept across reloads in a small IndexedDB database of their own (the report database
// is core/store's): which files came in, from which folders, what each gave or why it was refused, and which reports
// each import stored. Sample imports are marked, so that their reports can be told apart and removed in one click.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { Observable } from '../app/Observable';
import type { FileResult } from './importProtocol';

export interface ImportRecord {
  /** Date.now() when the import began: also the importedAt of every report it stored. */
  importedAt: number;
  /** Date.now() when it ended. */
  finishedAt: number;
  /** The bundled sample reports, not the user's own. */
  sample: boolean;
  cancelled: boolean;
  total: number;
  imported: number;
  duplicates: number;
  refused: number;
  /** Reports the retention setting removed right after this import. */
  retentionRemoved?: number;
  results: FileResult[];
}

interface HistorySchema extends DBSchema {
  imports: { key: number; value: ImportRecord };
}

const HISTORY_DB = 'dmarc-lens-imports';
/** Imports kept: the newest ones. Older ones go as new ones come (their reports stay, of course). */
export const IMPORTS_KEPT = 25;

let opening: Promise<IDBPDatabase<HistorySchema>> | undefined;

function database(): Promise<IDBPDatabase<HistorySchema>> {
  opening ??= openDB<HistorySchema>(HISTORY_DB, 1, {
    upgrade(db) {
      db.createObjectStore('imports', { keyPath: 'importedAt' });
    },
  });
  return opening;
}

/** Moves whenever the kept imports change, so that lists of them re-read. */
export const importHistoryVersion = new Observable(0);

/** Keeps `record`, and lets the oldest imports go beyond IMPORTS_KEPT. */
export async function saveImport(record: ImportRecord): Promise<void> {
  const db = await database();
  const tx = db.transaction('imports', 'readwrite');
  await tx.store.put(record);
  const keys = await tx.store.getAllKeys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - IMPORTS_KEPT)).map((key) => tx.store.delete(key)));
  await tx.done;
  importHistoryVersion.update((v) => v + 1);
}

/** The kept imports, newest first. */
export async function listImports(): Promise<ImportRecord[]> {
  const db = await database();
  return (await db.getAll('imports')).reverse();
}

/** Forgets every kept import (after "delete everything"). */
export async function clearImports(): Promise<void> {
  const db = await database();
  await db.clear('imports');
  importHistoryVersion.update((v) => v + 1);
}

/** Forgets the sample imports (once their reports are removed). */
export async function forgetSampleImports(): Promise<void> {
  const db = await database();
  const tx = db.transaction('imports', 'readwrite');
  for (const record of await tx.store.getAll()) if (record.sample) await tx.store.delete(record.importedAt);
  await tx.done;
  importHistoryVersion.update((v) => v + 1);
}

/** The keys of the reports sample imports stored (not those that were stored already when the samples came). */
export function sampleReportKeys(imports: readonly ImportRecord[]): string[] {
  const keys = new Set<string>();
  for (const record of imports) {
    if (!record.sample) continue;
    for (const result of record.results)
      for (const report of result.reports ?? []) if (report.stored) keys.add(report.key);
  }
  return [...keys];
}
