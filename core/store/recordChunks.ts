// Record digests packed into chunk rows (schema 3): the digests of one domain's reports ending on the same UTC day go
// into one row, up to RECORDS_PER_CHUNK records, so an import of thousands of small reports writes a few rows per day
// instead of one per report.
import { RECORDS_PER_CHUNK, type ChunkId, type StoredRecordChunk, type StoredRecordDigest } from './schema';

const DAY = 86_400;

/** The UTC midnight starting the day of `unixSeconds`: the second part of a chunk's key. */
export function chunkDay(unixSeconds: number): number {
  return Math.floor(unixSeconds / DAY) * DAY;
}

/** Packs `digests` into chunks by domain and day of their report's end, in the order given within each chunk. */
export class ChunkPacker {
  readonly #open = new Map<string, StoredRecordChunk & { records: number }>();
  readonly #done: StoredRecordChunk[] = [];

  add(digest: StoredRecordDigest): void {
    const day = chunkDay(digest.end);
    const slot = `${digest.domain}\u0000${day}`;
    let chunk = this.#open.get(slot);
    const size = digest.profileOf.length;
    if (chunk && chunk.records + size > RECORDS_PER_CHUNK) {
      this.#finish(slot, chunk);
      chunk = undefined;
    }
    if (!chunk) {
      const id: ChunkId = [digest.domain, day, `${digest.reportKey}#${digest.id[3]}`];
      chunk = { id, digests: [], records: 0 };
      this.#open.set(slot, chunk);
    }
    chunk.digests.push(digest);
    chunk.records += size;
  }

  /** Hands over the chunks of days before `day` (for a caller that adds digests in order of their begin). */
  takeBefore(day: number): StoredRecordChunk[] {
    for (const [slot, chunk] of this.#open) if (chunk.id[1] + DAY <= day) this.#finish(slot, chunk);
    return this.#done.splice(0);
  }

  /** Every chunk packed so far. */
  takeAll(): StoredRecordChunk[] {
    for (const [slot, chunk] of this.#open) this.#finish(slot, chunk);
    return this.#done.splice(0);
  }

  #finish(slot: string, { id, digests }: StoredRecordChunk & { records: number }): void {
    this.#open.delete(slot);
    this.#done.push({ id, digests });
  }
}
