// IDBKeyRange without the DOM lib: core/ compiles with no DOM types (core/tsconfig.json), yet every place core/store
// runs (pages, workers, the extension's service worker, Node with fake-indexeddb) has the global. Read it lazily so a
// test can install fake-indexeddb before the first query.

import type { ReportDatabase } from './schema';

/**
 * An IDBKeyRange as idb's signatures name it. Those signatures refer to the DOM's IDBKeyRange, which core/ cannot
 * name; the object the global factory returns is that very thing at run time.
 */
export type KeyRange = NonNullable<Parameters<ReportDatabase['getAll']>[1]>;

interface KeyRangeFactory {
  bound(lower: unknown, upper: unknown, lowerOpen?: boolean, upperOpen?: boolean): KeyRange;
  only(value: unknown): KeyRange;
  lowerBound(lower: unknown, open?: boolean): KeyRange;
}

export function keyRanges(): KeyRangeFactory {
  const factory = (globalThis as { IDBKeyRange?: KeyRangeFactory }).IDBKeyRange;
  if (!factory) throw new Error('IndexedDB is not available in this environment (no IDBKeyRange).');
  return factory;
}

/**
 * An upper bound that sorts after every key starting with `prefix`: IndexedDB orders arrays after numbers and strings
 * (IndexedDB §2.5 key comparison), so `[...prefix, []]` is greater than any `[...prefix, x, …]` where x is not an array.
 */
export function prefixUpperBound(prefix: readonly unknown[]): unknown[] {
  return [...prefix, []];
}
