// Messages between the page (ImportController) and the import workers (importWorker.ts).

export interface FileToImport {
  /** Position in the import, to match results back. */
  id: number;
  name: string;
  size: number;
  /**
   * Small files arrive as their bytes (read by the page, transferred without a copy): handing a worker a File costs
   * the page's main thread about a millisecond per file in Chromium, too much for thousands. Large ones arrive as the
   * File, read inside the worker.
   */
  content: ArrayBuffer | File;
}

/** What happened to one file. `refused` carries the parser's typed error code (core/report/types.ts ReportErrorCode). */
export interface FileResult {
  id: number;
  fileName: string;
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
