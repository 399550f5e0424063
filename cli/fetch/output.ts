// Where fetch writes. With --out FILE the reports are appended to the file; at each of fetch's checkpoints the file is
// flushed to disk and its length recorded in the state with the messages read so far. A restarted run first cuts the
// file back to the recorded length, so what a killed run wrote for messages it had not recorded is removed before those
// messages are read again.
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import type { Output } from '../FileReportWriter';

export interface FetchOutput extends Output {
  readonly closed: boolean;
  /** Bytes already in the output before this run wrote anything (0 for standard output). */
  readonly startBytes: number;
  /**
   * Whether every message is recorded as soon as it is written. Standard output cannot be cut back, so what a killed
   * run wrote there after its last checkpoint would come again; recording each message keeps that to one message.
   */
  readonly recordEachMessage: boolean;
  /** Marks the end of a message's reports: {@link rollback} cuts back to here. */
  messageDone(): void;
  /** Flushes what was written to disk; returns the output's length up to the last message done (files only). */
  flush(): number | undefined;
  /** Drops what was written since the last message done (files only: standard output cannot take it back). */
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
  let messageEnd = length;
  return {
    ok: true,
    output: {
      closed: false,
      startBytes: length,
      recordEachMessage: false,
      write(text) {
        const bytes = Buffer.from(text, 'utf8');
        let done = 0;
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
        position += bytes.length;
      },
      ready: () => Promise.resolve(),
      messageDone() {
        messageEnd = position;
      },
      flush() {
        fsyncSync(fd);
        return messageEnd;
      },
      rollback() {
        ftruncateSync(fd, messageEnd);
        position = messageEnd;
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
    recordEachMessage: true,
    write: (text) => out.write(text),
    ready: () => out.ready(),
    messageDone: () => undefined,
    flush: () => undefined,
    rollback: () => undefined,
    close: () => undefined,
  };
}
