// IDBKeyRange without the DOM lib: core/ compiles with no DOM types (core/tsconfig.json), yet every place core/store
// runs (pages, workers, the extension's service worker, Node with fake-indexeddb) has the global. Read it lazily so a
// test can install fake-indexeddb before the first query.

/**
 * The DOM's IDBKeyRange where the DOM lib is present (pages, workers), `never` under core/tsconfig.json where it is
 * not: either way what idb's signatures accept, and at run time the very object the global factory returns.
 */
export type KeyRange = typeof globalThis extends { IDBKeyRange: { prototype: infer R } } ? R : never;

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
