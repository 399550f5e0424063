// Reading an input file's bytes for the parser, shared by `parse --to` and `fetch --dir`/`--maildir`.
import { closeSync, createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { MAX_DECOMPRESSED_BYTES } from '../core/report';

/** An input's bytes: a stream's chunks, or a small file's bytes read whole. */
export type Chunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export type FileBytes = { chunks: Chunks } | { problem: string };

const READ_CHUNK_BYTES = 64 * 1024;
/** Files up to this size are read whole; larger ones are streamed. */
const WHOLE_FILE_BYTES = 1024 * 1024;

/**
 * A file's bytes, or why it cannot be read. A small file is read whole, synchronously: opening, sizing and reading
 * it in one go costs less than a third of what the same calls cost through the thread pool, and a mailbox of small
 * report files is mostly such calls. A larger one is streamed.
 */
export function readFileBytes(file: string): FileBytes {
  const unreadable = (error: unknown): FileBytes => ({
    problem: `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
  });
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return unreadable(error);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { problem: `${file}: is a directory, not a report file` };
    if (info.size > MAX_DECOMPRESSED_BYTES) {
      return { problem: `${file}: over the ${MAX_DECOMPRESSED_BYTES / 2 ** 30} GiB limit for one file; not read` };
    }
    if (info.size > WHOLE_FILE_BYTES) return { chunks: createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }) };
    return { chunks: [new Uint8Array(readFileSync(fd))] };
  } catch (error) {
    return unreadable(error);
  } finally {
    closeSync(fd);
  }
}
