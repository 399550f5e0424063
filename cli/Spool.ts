// Text held back until it can be written in order: in memory while small, then in a temporary file, so that holding
// back the output of a large report costs disk, not memory.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Characters kept in memory before the spool moves to a temporary file. */
const SPOOL_MEMORY_CHARS = 8 * 1024 * 1024;

export class Spool {
  private chunks: string[] = [];
  private chars = 0;
  private file: { dir: string; path: string; fd: number } | undefined;

  write(text: string): void {
    if (this.file) {
      writeSync(this.file.fd, text);
      return;
    }
    this.chunks.push(text);
    this.chars += text.length;
    if (this.chars > SPOOL_MEMORY_CHARS) {
      const dir = mkdtempSync(join(tmpdir(), 'dmarc-lens-'));
      const path = join(dir, 'spool');
      this.file = { dir, path, fd: openSync(path, 'w', 0o600) };
      writeSync(this.file.fd, this.chunks.join(''));
      this.chunks = [];
      this.chars = 0;
    }
  }

  /** Hands everything written, in order, to `write` (which may wait, e.g. for a slow reader), then frees the spool. */
  async drainTo(write: (text: string) => Promise<void>): Promise<void> {
    const file = this.file;
    if (!file) {
      const chunks = this.chunks;
      this.chunks = [];
      for (const chunk of chunks) await write(chunk);
      return;
    }
    this.file = undefined;
    closeSync(file.fd);
    try {
      for await (const chunk of createReadStream(file.path, { encoding: 'utf8', highWaterMark: 1 << 20 }))
        await write(chunk as string);
    } finally {
      rmSync(file.dir, { recursive: true, force: true });
    }
  }

  /** Frees the spool without writing it (the reading was abandoned). */
  discard(): void {
    this.chunks = [];
    if (this.file) {
      closeSync(this.file.fd);
      rmSync(this.file.dir, { recursive: true, force: true });
      this.file = undefined;
    }
  }
}
