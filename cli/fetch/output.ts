// Where fetch writes. With --out FILE the reports are appended to the file, flushed to disk after each message, and
// the file's length recorded in the state with that message; a restarted run first cuts the file back to the recorded
// length, so what a killed run wrote for a message it had not recorded is removed before that message is read again.
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import type { Output } from '../FileReportWriter';

export interface FetchOutput extends Output {
  readonly closed: boolean;
  /** Bytes already in the output before this run wrote anything (0 for standard output). */
  readonly startBytes: number;
  /** Flushes what was written; returns the output's length (files only). */
  commit(): number | undefined;
  /** Drops what was written since the last commit (files only: standard output cannot take it back). */
  rollback(): void;
  close(): void;
}

export type OpenedOutput = { ok: true; output: FetchOutput } | { ok: false; message: string };

/** Opens `path` for appending, first cutting it back to `recordedBytes` (what the state says was written). */
export function openFileOutput(path: string, recordedBytes: number | undefined): OpenedOutput {
  let fd: number;
  try {
    fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
  } catch (error) {
    return { ok: false, message: `${path}: cannot be opened for writing (${(error as NodeJS.ErrnoException).code})` };
  }
  let length = fstatSync(fd).size;
  if (recordedBytes !== undefined && length > recordedBytes) {
    ftruncateSync(fd, recordedBytes);
    fsyncSync(fd);
    length = recordedBytes;
  }
  let position = length;
  let committed = length;
  return {
    ok: true,
    output: {
      closed: false,
      startBytes: length,
      write(text) {
        const bytes = Buffer.from(text, 'utf8');
        let done = 0;
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
        position += bytes.length;
      },
      ready: () => Promise.resolve(),
      commit() {
        fsyncSync(fd);
        committed = position;
        return position;
      },
      rollback() {
        ftruncateSync(fd, committed);
        position = committed;
      },
      close: () => closeSync(fd),
    },
  };
}

/** Standard output as the CLI has it: nothing to flush or cut back. */
export function streamOutput(out: Output & { readonly closed: boolean }): FetchOutput {
  return {
    get closed() {
      return out.closed;
    },
    startBytes: 0,
    write: (text) => out.write(text),
    ready: () => out.ready(),
    commit: () => undefined,
    rollback: () => undefined,
    close: () => undefined,
  };
}
