// The messages between a ParseWorkerPool and its parse worker (entrypoints/parse-worker.ts). A card needs only the
// summaries, which are small; the parsed reports themselves (hundreds of thousands of records for the largest) stay in
// the worker, since copying them out costs about half as long again as parsing. They leave it only to be saved.
import type { ParseAnswer } from '../messaging/messages';
import type { ReadAttachmentResult } from './readReportAttachment';

/** Where the build puts entrypoints/parse-worker.ts (a classic script, so every extension context can start it). */
export const PARSE_WORKER_PATH = '/parse-worker.js';

/** Parsed files a worker keeps for a save that may follow (the card's Save or Open analysis). */
export const HELD_FILES = 2;

export interface ParseWorkerRequest {
  /** `summarize`: the card's summaries; `read`: the parsed reports themselves, to be saved. */
  kind: 'summarize' | 'read';
  /** Names the file's contents (container, name and SHA-256), under which the worker holds it; '' holds nothing. */
  key: string;
  bytes: Uint8Array;
  fileName: string;
  container: 'attachment' | 'message';
}

export type ParseWorkerResponse =
  { kind: 'summarize'; answer: ParseAnswer } | { kind: 'read'; result: ReadAttachmentResult };
