// ImportController's watchdog with scripted workers that speak the real protocol (importProtocol.ts): a worker that
// goes silent past the budget is stopped, the file that held it up is reported as too slow, every other file is
// imported exactly once, and a file that is slow but shows progress is left alone. At the end, an import is said to be
// finished only once it is kept in the import history.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { changedOnlyByAnnounced, dataVersion } from '../../../site/src/app/database';
import { ImportController } from '../../../site/src/import/ImportController';
import { listImports, type ImportSummary } from '../../../site/src/import/importHistory';
import type { FileResult, MainToWorker, WorkerToMain } from '../../../site/src/import/importProtocol';

/**
 * How each scripted file behaves: read in a moment, never finish, take `ms` while posting progress every 50 ms, or be
 * read in a moment as a backup restored (its records stored without being announced).
 */
type Behaviour = { kind: 'quick' } | { kind: 'stuck' } | { kind: 'slow'; ms: number } | { kind: 'restored' };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class ScriptedWorker {
  onmessage: ((event: MessageEvent<WorkerToMain>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: number[] = [];
  #queue = Promise.resolve();

  constructor(private readonly behaviour: (name: string) => Behaviour) {}

  postMessage(message: MainToWorker): void {
    this.#queue = this.#queue.then(async () => {
      // Like importWorker.ts: results go out in batches (here one per message), after the message's files are read.
      const results: FileResult[] = [];
      for (const file of message.files) {
        this.received.push(file.id);
        if (file.watched) this.#post({ type: 'progress', importId: message.importId, reading: file.id });
        const behaviour = this.behaviour(file.name);
        if (behaviour.kind === 'stuck') await new Promise(() => {});
        if (behaviour.kind === 'slow') {
          for (let spent = 0; spent < behaviour.ms; spent += 50) {
            await sleep(50);
            this.#post({ type: 'progress', importId: message.importId, reading: file.id });
          }
        } else await sleep(2);
        if (file.watched) this.#post({ type: 'progress', importId: message.importId, reading: null });
        results.push({
          id: file.id,
          fileName: file.name,
          size: file.bytes.byteLength,
          status: 'imported',
          imported: 1,
          duplicates: 0,
          warnings: [],
          ...(behaviour.kind === 'restored' ? { restored: { reports: 1, records: 1 } } : {}),
        });
      }
      this.#post({ type: 'results', importId: message.importId, results });
      this.#post({ type: 'chunkDone', importId: message.importId });
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  #post(message: WorkerToMain): void {
    if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent<WorkerToMain>);
  }
}

function importer(behaviour: (name: string) => Behaviour, budgetMs: number) {
  const workers: ScriptedWorker[] = [];
  const controller = new ImportController(
    () => {
      const worker = new ScriptedWorker(behaviour);
      workers.push(worker);
      return worker as unknown as Worker;
    },
    () => budgetMs,
  );
  return { controller, workers };
}

const files = (names: readonly string[]) => names.map((name) => new File([new Uint8Array(100)], name));

function outcomes(controller: ImportController): Array<[string, string, string | undefined]> {
  return controller.progress.value.results
    .map((r): [string, string, string | undefined] => [r.fileName, r.status, r.errorCode])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

describe('ImportController watchdog', () => {
  it('stops a silent worker, names the file that held it up, and imports every other file once', async () => {
    const names = Array.from({ length: 40 }, (_, i) =>
      i === 17 ? 'stuck.xml' : `report-${String(i).padStart(2, '0')}.xml`,
    );
    const { controller, workers } = importer((name) => ({ kind: name.startsWith('stuck') ? 'stuck' : 'quick' }), 300);
    const started = performance.now();
    await controller.start(files(names));
    const state = controller.progress.value;
    expect([state.running, state.done, state.total, state.imported, state.refused]).toEqual([false, 40, 40, 39, 1]);
    expect(outcomes(controller)).toEqual(
      names
        .map((name): [string, string, string | undefined] =>
          name === 'stuck.xml' ? [name, 'refused', 'too-slow'] : [name, 'imported', undefined],
        )
        .sort((a, b) => a[0].localeCompare(b[0])),
    );
    const slow = state.results.find((r) => r.fileName === 'stuck.xml')!;
    expect(slow.message).toBe('stuck.xml: no progress for 1 s; reading was stopped');
    // First stall: the worker's results had not come, so its files were all suspects and were sent again, watched; the
    // second stall named the file. Two workers stopped, two fresh ones started.
    expect(workers).toHaveLength(4);
    expect(workers.filter((w) => w.terminated)).toHaveLength(2);
    const stuckId = names.indexOf('stuck.xml');
    expect(workers.filter((w) => w.received.includes(stuckId))).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(5_000);
    controller.dispose();
  });

  it('leaves a slow file alone while it shows progress', async () => {
    const { controller, workers } = importer(
      (name) => (name === 'big.xml' ? { kind: 'slow', ms: 1_500 } : { kind: 'quick' }),
      300,
    );
    await controller.start(files(['a.xml', 'big.xml', 'b.xml', 'c.xml']));
    expect(outcomes(controller)).toEqual([
      ['a.xml', 'imported', undefined],
      ['b.xml', 'imported', undefined],
      ['big.xml', 'imported', undefined],
      ['c.xml', 'imported', undefined],
    ]);
    expect(workers.filter((w) => w.terminated)).toHaveLength(0);
    controller.dispose();
  });

  it('finishes when the stuck file is the only one, and keeps no timer running after', async () => {
    const { controller, workers } = importer(() => ({ kind: 'stuck' }), 200);
    await controller.start(files(['only.xml.gz']));
    expect(outcomes(controller)).toEqual([['only.xml.gz', 'refused', 'too-slow']]);
    expect(controller.progress.value.running).toBe(false);
    const stopped = workers.filter((w) => w.terminated).length;
    await sleep(1_200);
    expect(workers.filter((w) => w.terminated)).toHaveLength(stopped);
    controller.dispose();
  });
});

describe('ImportController at the end of an import', () => {
  /** Runs `run` and says whether the data version moved once, and only by what the import announced. */
  async function announcedOnly(run: () => Promise<void>): Promise<boolean> {
    const before = dataVersion.value;
    await run();
    expect(dataVersion.value).toBe(before + 1);
    return changedOnlyByAnnounced(before, dataVersion.value);
  }

  it('says the store changed only by what it announced when every file was read by the workers it started with', async () => {
    const { controller } = importer(() => ({ kind: 'quick' }), 5_000);
    expect(await announcedOnly(() => controller.start(files(['a.xml', 'b.xml.gz', 'c.zip'])))).toBe(true);
    controller.dispose();
  });

  it('does not when a worker was stopped, a backup was restored, or the import was cancelled', async () => {
    const stalled = importer((name) => ({ kind: name === 'stuck.xml' ? 'stuck' : 'quick' }), 200);
    expect(await announcedOnly(() => stalled.controller.start(files(['a.xml', 'stuck.xml'])))).toBe(false);
    stalled.controller.dispose();

    const restoring = importer((name) => ({ kind: name.endsWith('.jsonl') ? 'restored' : 'quick' }), 5_000);
    expect(await announcedOnly(() => restoring.controller.start(files(['a.xml', 'backup.jsonl'])))).toBe(false);
    // The next clean import is announced again.
    expect(await announcedOnly(() => restoring.controller.start(files(['b.xml'])))).toBe(true);
    restoring.controller.dispose();

    const cancelled = importer(() => ({ kind: 'slow', ms: 2_000 }), 5_000);
    expect(
      await announcedOnly(async () => {
        const done = cancelled.controller.start(files(['a.xml', 'b.xml']));
        await sleep(100);
        cancelled.controller.cancel();
        await done;
      }),
    ).toBe(false);
    cancelled.controller.dispose();
  });

  it('says it finished only once the import is kept: a reload at that moment finds it among the earlier imports', async () => {
    const { controller } = importer(() => ({ kind: 'quick' }), 5_000);
    // What a page reloaded at the moment the import says it finished would list.
    let listedThen: Promise<ImportSummary[]> | undefined;
    const unsubscribe = controller.progress.subscribe((state) => {
      if (!state.running && state.total > 0) listedThen ??= listImports();
    });
    await controller.start(files(['a.xml', 'b.xml.gz', 'c.zip']));
    unsubscribe();
    const listed = await listedThen;
    expect(listed?.[0]).toMatchObject({ importedAt: controller.progress.value.importedAt, total: 3, imported: 3 });
    controller.dispose();
  });

  it('says it was cancelled only once it is kept as cancelled: a reload at that moment does not find it interrupted', async () => {
    const { controller } = importer(() => ({ kind: 'slow', ms: 2_000 }), 5_000);
    let listedThen: Promise<ImportSummary[]> | undefined;
    const unsubscribe = controller.progress.subscribe((state) => {
      if (state.cancelled) listedThen ??= listImports();
    });
    const done = controller.start(files(['a.xml', 'b.xml', 'c.xml']));
    await sleep(100);
    controller.cancel();
    await done;
    unsubscribe();
    const listed = await listedThen;
    expect(listed?.[0]).toMatchObject({ importedAt: controller.progress.value.importedAt, total: 3, cancelled: true });
    expect(listed?.[0]?.unfinished).toBeUndefined();
    controller.dispose();
  });

  it('cannot be cancelled once every file has its result and it is being kept', async () => {
    const { controller } = importer(() => ({ kind: 'quick' }), 5_000);
    const done = controller.start(files(['a.xml']));
    // The store's change is announced as the import's summary is being written.
    let runningThen: boolean | undefined;
    const unsubscribe = dataVersion.subscribe(() => {
      runningThen = controller.progress.value.running;
      controller.cancel();
    });
    await done;
    unsubscribe();
    expect(runningThen).toBe(true);
    expect(controller.progress.value).toMatchObject({ running: false, cancelled: false, done: 1, imported: 1 });
    expect((await listImports())[0]).toMatchObject({ cancelled: false, imported: 1 });
    controller.dispose();
  });

  it('keeps an import with its own figures when the next one begins while retention runs after it', async () => {
    // Retention on (12 months): the end waits for the store, and a new import can begin meanwhile.
    const settings = new Map([['dmarc-lens:retention-months', '12']]);
    const storage = { getItem: (key: string) => settings.get(key) ?? null, setItem: () => undefined };
    Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
    try {
      const { controller } = importer(() => ({ kind: 'quick' }), 5_000);
      const first = controller.start(files(['a.xml']));
      const firstAt = controller.progress.value.importedAt;
      // The first import's last result is in: retention is running. The next one begins then, with three files.
      while (controller.progress.value.done < 1) await sleep(1);
      const second = controller.start(files(['b.xml', 'c.xml', 'd.xml']));
      await Promise.all([first, second]);
      const kept = await listImports();
      expect(kept.find((summary) => summary.importedAt === firstAt)).toMatchObject({ total: 1, imported: 1 });
      controller.dispose();
    } finally {
      Reflect.deleteProperty(globalThis, 'localStorage');
    }
  });
});
