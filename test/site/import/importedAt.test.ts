// Every report of one import is stored with the same importedAt, the time the import began, so that "what changed
// since the last import" can tell imports apart by that value instead of guessing from a window of time.
import { describe, expect, it } from 'vitest';
import { ImportController } from '../../../site/src/import/ImportController';
import type { MainToWorker, WorkerToMain } from '../../../site/src/import/importProtocol';

/** A worker that answers each message at once and notes the importedAt it was given. */
class RecordingWorker {
  onmessage: ((event: MessageEvent<WorkerToMain>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly importedAt: number[] = [];

  postMessage(message: MainToWorker): void {
    this.importedAt.push(message.importedAt);
    queueMicrotask(() => {
      const results = message.files.map((file) => ({
        id: file.id,
        fileName: file.name,
        size: file.bytes.byteLength,
        status: 'imported' as const,
        imported: 1,
        duplicates: 0,
        warnings: [],
      }));
      const answer: WorkerToMain = { type: 'results', importId: message.importId, results };
      this.onmessage?.({ data: answer } as MessageEvent<WorkerToMain>);
      this.onmessage?.({ data: { type: 'chunkDone', importId: message.importId } } as MessageEvent<WorkerToMain>);
    });
  }

  terminate(): void {}
}

describe('importedAt', () => {
  it('is the same on every message of one import, the time it began, and differs from the next import', async () => {
    const workers: RecordingWorker[] = [];
    const controller = new ImportController(() => {
      const worker = new RecordingWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const files = (n: number) => Array.from({ length: n }, (_, i) => new File([new Uint8Array(10)], `r-${i}.xml`));

    const before = Date.now();
    await controller.start(files(60));
    const first = workers.flatMap((w) => w.importedAt.splice(0));
    expect(first.length).toBeGreaterThan(1);
    expect(new Set(first).size).toBe(1);
    expect(first[0]).toBeGreaterThanOrEqual(before);
    expect(first[0]).toBeLessThanOrEqual(Date.now());

    await new Promise((resolve) => setTimeout(resolve, 5));
    await controller.start(files(3));
    const second = workers.flatMap((w) => w.importedAt.splice(0));
    expect(new Set(second).size).toBe(1);
    expect(second[0]).toBeGreaterThan(first[0]!);
    controller.dispose();
  });
});
