// How many records one stored row holds. Apart from schema.ts because the modules schema.ts runs in its migrations
// (record chunks, record digests) need them too: read from schema.ts, they closed an import cycle.

/** Records per batch (and per record digest): bounds what one report contributes to one row. */
export const RECORDS_PER_BATCH = 500;

/** Records per chunk at most (a larger report has chunks of its own): a few ms for IndexedDB to decode. */
export const RECORDS_PER_CHUNK = 4000;
