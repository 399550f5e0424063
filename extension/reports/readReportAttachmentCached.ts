// An attachment is parsed when its card appears, and again when the user saves it or opens the analysis.
// A large report takes seconds to parse, so the last few results are kept in memory, keyed by the SHA-256 of the bytes.
// Memory only: a restarted context simply parses again. Parses run in the context's ParseWorkerPool, under its
// watchdog; a file abandoned as too slow stays cached as such, so that saving it does not start the wait over.
import { sharedParseWorkerPool } from './ParseWorkerPool';
import type { ReadAttachmentResult } from './readReportAttachment';

/** A handful of files: a thread rarely shows more reports at once, and each result holds all its records. */
const CACHED_FILES = 6;
const cache = new Map<string, Promise<ReadAttachmentResult>>();

export async function readReportAttachmentCached(
  bytes: Uint8Array,
  fileName: string,
  container: 'attachment' | 'message',
): Promise<ReadAttachmentResult> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  const key = `${container}\u0000${fileName}\u0000${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  let result = cache.get(key);
  if (result === undefined) {
    result = sharedParseWorkerPool().read(bytes, fileName, container);
    if (cache.size >= CACHED_FILES) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(key); // re-inserted below: most recently used last
  }
  cache.set(key, result);
  return result;
}
