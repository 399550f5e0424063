// Messages between the page (ImportController) and the import workers (importWorker.ts).
import type { CountedDigest } from '../../../core/store/toRecordDigest';

export interface FileToImport {
  /** Position in the import, to match results back. */
  id: number;
  name: string;
  /**
   * The file's bytes, read by the page and transferred (not copied). Asking a File for its size, or cloning it into a
   * message, costs the page's main thread a synchronous round trip to the browser process (see ImportController);
   * reading it does not.
   */
  bytes: ArrayBuffer;
}

/** What happened to one file. `refused` carries the parser's typed error code (core/report/types.ts ReportErrorCode). */
export interface FileResult {
  id: number;
  fileName: string;
  /** Bytes; 0 for a file never read (cancelled, unreadable, or lost with a crashed worker). */
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

/** `importId` tells imports apart: workers are kept from one import to the next, and answer with it. */
export type MainToWorker = { type: 'files'; importId: number; files: FileToImport[] };

export type WorkerToMain =
  /** `digests`: the records of the reports just stored (their transaction committed). */
  | { type: 'results'; importId: number; results: FileResult[]; digests?: CountedDigest[] }
  /** The worker has read the files of a `files` message (their results may follow): time to send more. */
  | { type: 'chunkDone'; importId: number };
