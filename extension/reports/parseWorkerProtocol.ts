// The messages between a ParseWorkerPool and its parse worker (entrypoints/parse-worker.ts): a file in, its reading out.
import type { ReadAttachmentResult } from './readReportAttachment';

/** Where the build puts entrypoints/parse-worker.ts (a classic script, so every extension context can start it). */
export const PARSE_WORKER_PATH = '/parse-worker.js';

export interface ParseWorkerRequest {
  bytes: Uint8Array;
  fileName: string;
  container: 'attachment' | 'message';
}

export interface ParseWorkerResponse {
  result: ReadAttachmentResult;
}
