// Messages between the page (ImportController) and the import workers (importWorker.ts).

export interface FileToImport {
  /** Position in the import, to match results back. */
  id: number;
  /**
   * The picked or dropped File, untouched by the page. Whatever the page does with a File — its size, its bytes, a
   * clone — costs its main thread a synchronous round trip to the browser process (0.15 ms idle, over a millisecond
   * while the workers keep every core busy); cloning many in one message is the cheapest of these, so the page only
   * posts handles and the worker reads size and bytes.
   */
  file: File;
}

/** What happened to one file. `refused` carries the parser's typed error code (core/report/types.ts ReportErrorCode). */
export interface FileResult {
  id: number;
  fileName: string;
  /** Bytes; 0 for a file never read (cancelled, or lost with a crashed worker): the page does not ask. */
  size: number;
  status: 'imported' | 'duplicate' | 'refused' | 'cancelled';
  /** Reports newly stored from this file. */
  imported: number;
  /** Reports in this file that were already stored. */
  duplicates: number;
  warnings: string[];
  errorCode?: string;
  /** The parser's sentence (names the file); shown under the plain-words reason. */
  message?: string;
  /** Set when the file was a DMARC Lens backup. */
  restored?: { reports: number; records: number };
}

export type MainToWorker = { type: 'files'; files: FileToImport[] };

export type WorkerToMain =
  | { type: 'results'; results: FileResult[] }
  /** The worker has read the files of a `files` message (their results may follow): time to send more. */
  | { type: 'chunkDone' };
