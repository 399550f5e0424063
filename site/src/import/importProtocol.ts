// Messages between the page (ImportController) and the import workers (importWorker.ts).

export interface FileToImport {
  /** Position in the import, to match results back. */
  id: number;
  file: File;
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
  /** Everything of the last `files` message is done (and stored). */
  | { type: 'chunkDone' };
