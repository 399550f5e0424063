// Messages between the page (ImportController) and the import workers (importWorker.ts).
import type { StoredRecordDigest } from '../../../core/report';

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
  /**
   * Say when this file's reading starts and ends, whatever the time since the last message: set on files sent again
   * after a worker was stopped without knowing which of them held it up, so that a second stall names the file.
   */
  watched?: boolean;
  /**
   * Set on a file sent again after the worker holding it was stopped: Date.now() when the import began. Reports of it
   * found already stored since then, under its name, were stored by that worker (whose results never came) and count
   * as imported, not as duplicates.
   */
  retriedSince?: number;
}

/**
 * What happened to one file. `refused` carries the parser's typed error code (core/report/types.ts ReportErrorCode) or
 * one of the import's own: `unreadable` (the browser could not read it), `too-slow` (abandoned by the watchdog),
 * `storage-full` (the browser's storage quota for the site is used up), `internal`.
 */
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
  /** The folders it was in, when it came from a folder (picked or dropped): `reports/2024/`. */
  folder?: string;
  /** The reports read from it (a backup's are not listed), each with whether this import stored it. */
  reports?: ReportRef[];
}

/** An import's tally of its files' results: reports imported and already stored, files refused. */
export interface ImportCounts {
  imported: number;
  duplicates: number;
  refused: number;
}

/** Counts one file's result into `counts`. */
export function countResult(counts: ImportCounts, result: FileResult): void {
  counts.imported += result.imported;
  counts.duplicates += result.duplicates;
  if (result.status === 'refused') counts.refused++;
}

/** A report of a file, enough to link to it and to remove it again. */
export interface ReportRef {
  key: string;
  kind: 'aggregate' | 'failure' | 'tls';
  domain: string;
  /** Unix seconds. */
  begin: number;
  end: number;
  /** Stored by this import (false: it was stored already). */
  stored: boolean;
}

/**
 * `importId` tells imports apart: workers are kept from one import to the next, and answer with it. `importedAt` is
 * Date.now() when the import began: stored on every report of the import, it is the import's identity in the store.
 */
export type MainToWorker = { type: 'files'; importId: number; importedAt: number; files: FileToImport[] };

export type WorkerToMain =
  /**
   * `digests`: the records of the reports just stored (their transaction committed), as stored: the page counts them
   * in as they land and groups them into sources once the import has ended, without reading them back.
   */
  | { type: 'results'; importId: number; results: FileResult[]; digests?: StoredRecordDigest[] }
  /** The worker has read the files of a `files` message (their results may follow): time to send more. */
  | { type: 'chunkDone'; importId: number }
  /**
   * A sign of life for the page's watchdog: the worker is reading file `reading` (posted at a file's start and as its
   * records stream, at most every PROGRESS_POST_MS), or, with null, has finished reading a watched file.
   */
  | { type: 'progress'; importId: number; reading: number | null };
