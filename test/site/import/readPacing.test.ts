// ImportController's reading: the page starts each file's read on its own, a few per task, never a message's worth at
// once (each start costs the main thread a moment, so 128 of them made a task of 100 ms and more on a busy machine);
// every file still reaches a worker exactly once, in messages of up to 128 files.
import { describe, expect, it } from 'vitest';
import { ImportController } from '../../../site/src/import/ImportController';
import type { FileResult, MainToWorker, WorkerToMain } from '../../../site/src/import/importProtocol';

/** A worker that takes every file of a message as imported, the way importWorker.ts answers. */
class AcceptingWorker {
  onmessage: ((event: MessageEvent<WorkerToMain>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly messages: number[][] = [];

  postMessage(message: MainToWorker): void {
    this.messages.push(message.files.map((file) => file.id));
    setTimeout(() => {
      const results = message.files.map((file): FileResult => ({
        id: file.id,
        fileName: file.name,
        size: file.bytes.byteLength,
        status: 'imported',
        imported: 1,
        duplicates: 0,
        warnings: [],
      }));
      this.onmessage?.({
        data: { type: 'results', importId: message.importId, results },
      } as MessageEvent<WorkerToMain>);
      this.onmessage?.({ data: { type: 'chunkDone', importId: message.importId } } as MessageEvent<WorkerToMain>);
    }, 1);
  }

  terminate(): void {}
}

/**
 * Files whose reads end in a later task (a timer, as a browser's read ends in a task of its own), counting the reads
 * started per run of code: a run is a callback and the microtasks it queued, as a browser task is (Node runs a
 * MessagePort's messages one after another in one phase of its loop, so a phase would be many of the page's tasks).
 */
function pacedFiles(count: number, unreadable: ReadonlySet<number> = new Set()) {
  const runs: number[] = [];
  let run: number | undefined;
  let reads = 0;
  const files = Array.from({ length: count }, (_, i) => {
    const file = new File([new Uint8Array(10 + i)], `report-${i}.xml`);
    Object.defineProperty(file, 'arrayBuffer', {
      value: () => {
        reads++;
        if (run === undefined) {
          run = runs.push(0) - 1;
          queueMicrotask(() => (run = undefined));
        }
        runs[run]!++;
        return new Promise<ArrayBuffer>((resolve, reject) =>
          setTimeout(() => (unreadable.has(i) ? reject(new Error('gone')) : resolve(new ArrayBuffer(10 + i))), 0),
        );
      },
    });
    return file;
  });
  return { files, runs, reads: () => reads };
}

describe('ImportController reading', () => {
  it('starts at most 8 reads per task and sends every file to a worker once', async () => {
    const workers: AcceptingWorker[] = [];
    const controller = new ImportController(() => {
      const worker = new AcceptingWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const { files, runs, reads } = pacedFiles(1_000, new Set([5, 600]));
    await controller.start(files);
    const state = controller.progress.value;
    expect([state.running, state.done, state.total, state.imported, state.refused]).toEqual([
      false,
      1000,
      1000,
      998,
      2,
    ]);
    expect(reads()).toBe(1000);
    expect(Math.max(...runs)).toBe(8);
    const sent = workers.flatMap((worker) => worker.messages.flat()).sort((a, b) => a - b);
    expect(sent).toEqual(Array.from({ length: 1000 }, (_, i) => i).filter((i) => i !== 5 && i !== 600));
    // A message holds what is read until it makes a worker's share of the files left (a quarter), 128 at most.
    expect(Math.max(...workers.flatMap((worker) => worker.messages.map((m) => m.length)))).toBe(
      Math.min(128, Math.ceil(1000 / (workers.length * 4))),
    );
    const refused = state.results.filter((r) => r.status === 'refused').map((r) => [r.fileName, r.errorCode]);
    expect(refused.sort()).toEqual([
      ['report-5.xml', 'unreadable'],
      ['report-600.xml', 'unreadable'],
    ]);
    controller.dispose();
  });
});
