// Record digests packed into chunk rows (schema 3): the digests of one domain's reports ending in the same span of
// ROW_SPAN_DAYS UTC days go into one row, up to RECORDS_PER_CHUNK records, so an import of thousands of small reports
// writes a few rows per week instead of one per report.
import type { StoredRecordDigest } from '../report';
import { RowPacker } from './rowPacker';
import { RECORDS_PER_CHUNK } from './rowSizes';
import type { StoredRecordChunk } from './schema';

const DAY = 86_400;

/**
 * UTC days of report ends that one record chunk or report pack spans. Each IndexedDB request costs more than a small
 * row's bytes, so a longer span means fewer rows; but a read for a period also decodes the rows it starts in, with up
 * to ROW_SPAN_DAYS - 1 days before it. Rows keyed by a single day, as older databases hold them, are rows whose span is
 * that day: every read finds them.
 */
export const ROW_SPAN_DAYS = 7;
const SPAN = ROW_SPAN_DAYS * DAY;

/** The UTC midnight starting the day of `unixSeconds`. */
export function utcMidnight(unixSeconds: number): number {
  return Math.floor(unixSeconds / DAY) * DAY;
}

/**
 * The UTC midnight starting the span of days that holds `unixSeconds` (spans run from the epoch): the day part of
 * the key of the chunk or pack a report ending then goes into.
 */
export function spanStart(unixSeconds: number): number {
  return Math.floor(unixSeconds / SPAN) * SPAN;
}

/** Packs `digests` into chunks by domain and span of their report's end, in the order given within each chunk. */
export class ChunkPacker {
  readonly #packer = new RowPacker<StoredRecordDigest, StoredRecordChunk>({
    slotOf: (digest) => `${digest.domain}\u0000${spanStart(digest.end)}`,
    sizeOf: (digest) => digest.profileOf.length,
    capacity: RECORDS_PER_CHUNK,
    open: (digest): StoredRecordChunk => ({
      id: [digest.domain, spanStart(digest.end), `${digest.reportKey}#${digest.id[3]}`],
      digests: [],
    }),
    put: (chunk, digest) => chunk.digests.push(digest),
  });

  add(digest: StoredRecordDigest): void {
    this.#packer.add(digest);
  }

  /** Hands over the chunks of spans that end before `day` (for a caller that adds digests in order of their begin). */
  takeBefore(day: number): StoredRecordChunk[] {
    return this.#packer.takeWhere((chunk) => chunk.id[1] + SPAN <= day);
  }

  /** Every chunk packed so far. */
  takeAll(): StoredRecordChunk[] {
    return this.#packer.takeAll();
  }
}
