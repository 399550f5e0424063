// Reads the listed messages a few at a time, saves every report in them through the background (idempotent, as every
// import), and says how each message went. Cancelling stops the requests under way and starts no more. The caller
// tells the background when the whole run is over (the control as a bulk import, the background sync as a sync).
import { sendGatherMessage } from '../sync/gatherMessages';
import type { ListedMessage } from './listedMessage';
import { BulkReadError, type BulkReadReason } from './politeFetch';

/** At most this many messages are read at a time: webmails rate-limit bursts. */
export const BULK_CONCURRENCY = 3;

export type BulkOutcome =
  | { kind: 'saved'; added: number; reports: number }
  | { kind: 'none' }
  | { kind: 'failed'; reason: BulkReadReason; params: Record<string, string | number> }
  | { kind: 'notSaved'; message: string };

export interface BulkResult {
  index: number;
  subject: string;
  outcome: BulkOutcome;
}

export interface BulkRun {
  results: BulkResult[];
  added: number;
  alreadySaved: number;
  cancelled: boolean;
}

export interface BulkCallbacks {
  signal: AbortSignal;
  onResult: (result: BulkResult, done: number) => void;
  onWait: (host: string, seconds: number) => void;
}

export async function runBulkImport(messages: readonly ListedMessage[], callbacks: BulkCallbacks): Promise<BulkRun> {
  const { signal } = callbacks;
  const run: BulkRun = { results: [], added: 0, alreadySaved: 0, cancelled: false };
  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < messages.length) {
      const index = next++;
      const message = messages[index]!;
      const outcome = await readOne(message, callbacks);
      if (signal.aborted && outcome.kind === 'failed' && outcome.reason === 'aborted') return;
      if (outcome.kind === 'saved') {
        run.added += outcome.added;
        run.alreadySaved += outcome.reports - outcome.added;
      }
      const result = { index, subject: message.subject, outcome };
      run.results.push(result);
      callbacks.onResult(result, run.results.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, messages.length) }, worker));
  run.cancelled = signal.aborted;
  run.results.sort((a, b) => a.index - b.index);
  return run;
}

async function readOne(message: ListedMessage, { signal, onWait }: BulkCallbacks): Promise<BulkOutcome> {
  let files;
  try {
    files = await message.readFiles(signal, onWait);
  } catch (error) {
    if (error instanceof BulkReadError) return { kind: 'failed', reason: error.reason, params: error.params };
    return { kind: 'failed', reason: 'network', params: { error: String(error) } };
  }
  let added = 0;
  let reports = 0;
  for (const file of files) {
    if (signal.aborted) return { kind: 'failed', reason: 'aborted', params: {} };
    const answer = await sendGatherMessage({ type: 'gather-save-file', file }).catch((error: unknown) => ({
      ok: false as const,
      error: { code: 'extension', message: String(error) },
    }));
    if (!answer.ok) {
      // A message without a report in it (Gmail gives every listed message whole) is no failure.
      if (answer.error.code === 'not-a-report') continue;
      return { kind: 'notSaved', message: answer.error.message };
    }
    added += answer.added;
    reports += answer.keys.length;
  }
  return reports === 0 ? { kind: 'none' } : { kind: 'saved', added, reports };
}
