// The record digests a dashboard read has: those it read from the store and those an import stored since (announced
// by notifyRecordsStored). After an import that stored nothing else, they are exactly what the store holds for the
// view, so the dashboard starts again from them instead of decoding them all back from IndexedDB.
import type { DigestId, StoredRecordDigest } from '../../../core/report';

/**
 * Orders digest ids as IndexedDB orders the keys of the schema 2 `recordDigests` store (`[domain, end, reportKey,
 * batch]`: strings by code unit, numbers by value). Digests are counted and grouped in this order however they came
 * (read from the store's chunks, or landed as an import stored them), so that the sources after an import are those a
 * reload shows.
 */
export function compareDigestIds(a: DigestId, b: DigestId): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] - b[1];
  if (a[2] !== b[2]) return a[2] < b[2] ? -1 : 1;
  return a[3] - b[3];
}

/** Digests of one view, each once, whether a read found it or an import announced it first (or both). */
export class DigestKeeper {
  readonly #byId = new Map<string, StoredRecordDigest>();

  /** Keeps `digest`; false when one with its id is kept already. */
  add(digest: StoredRecordDigest): boolean {
    const [domain, end, reportKey, batch] = digest.id;
    const key = `${domain}\u0000${end}\u0000${reportKey}\u0000${batch}`;
    if (this.#byId.has(key)) return false;
    this.#byId.set(key, digest);
    return true;
  }

  get size(): number {
    return this.#byId.size;
  }

  /** Every digest kept, in IndexedDB key order (compareDigestIds). */
  sorted(): StoredRecordDigest[] {
    return [...this.#byId.values()].sort((a, b) => compareDigestIds(a.id, b.id));
  }
}

/** What a dashboard read kept for the next one (useDashboardData). */
export interface KeptRead {
  domain: string | null;
  from: number;
  to: number;
  /** dataVersion when the read began. */
  version: number;
  digests: DigestKeeper;
  /**
   * The read has ended: `digests` holds every digest stored in view when it began, and, while the read's view is
   * shown, every one stored since.
   */
  complete: boolean;
}
