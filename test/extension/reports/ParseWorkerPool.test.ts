// ParseWorkerPool with scripted workers in place of the parse worker: each fake records what the pool posts and answers
// only when the test says so, under Vitest's fake clock, so the watchdog, the idle timeout, the worker limit and the
// choice of the worker that holds a file can be driven step by step. The answers are real: the card summaries and
// parsed reports of a real fixture, as the parse worker (entrypoints/parse-worker.ts) would post them.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  IDLE_WORKER_MS,
  MAX_PARSE_WORKERS,
  PARSE_BUDGET_MS,
  ParseWorkerPool,
  buildParseBudgetMs,
  sharedParseWorkerPool,
} from '../../../extension/reports/ParseWorkerPool';
import type { ParseWorkerRequest, ParseWorkerResponse } from '../../../extension/reports/parseWorkerProtocol';
import { readReportAttachment } from '../../../extension/reports/readReportAttachment';
import { toCardReportSummary } from '../../../extension/reports/toCardReportSummary';
import type { ParseAnswer } from '../../../extension/messaging/messages';

const FILE = 'zoho.com!example.com!1581753600!1581840000.xml';
const bytes = new Uint8Array(readFileSync(`test/fixtures/reports/domainaware__parsedmarc/${FILE}`));

/** What the parse worker answers for FILE: one summary, and the parsed report. */
let summarized: ParseWorkerResponse & { kind: 'summarize' };
let read: ParseWorkerResponse & { kind: 'read' };

beforeAll(async () => {
  const result = await readReportAttachment(bytes, FILE, 'attachment');
  if (!result.ok) throw new Error(`${FILE} does not parse: ${result.error.message}`);
  summarized = { kind: 'summarize', answer: { ok: true, summaries: result.reports.map(toCardReportSummary) } };
  read = { kind: 'read', result };
});

type Listener = (event: unknown) => void;

class ScriptedWorker {
  static started: ScriptedWorker[] = [];
  readonly posted: ParseWorkerRequest[] = [];
  terminated = false;
  readonly #listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {
    ScriptedWorker.started.push(this);
  }

  addEventListener(type: string, listener: Listener): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  postMessage(request: ParseWorkerRequest): void {
    this.posted.push(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Answers the last request, as the parse worker posts its response. */
  reply(response: ParseWorkerResponse): void {
    for (const listener of this.#listeners.get('message') ?? []) listener({ data: response });
  }

  /** The worker's `error` event (a worker that could not start, or died); returns whether the pool handled it. */
  fail(message: string): boolean {
    let handled = false;
    const event = { message, preventDefault: () => (handled = true) };
    for (const listener of this.#listeners.get('error') ?? []) listener(event);
    return handled;
  }
}

const OPTIONS = { workerUrl: 'chrome-extension://id/parse-worker.js', budgetMs: 5_000, maxWorkers: 2, idleMs: 1_000 };

/** Settles what the pool resolved without moving the clock. */
async function settle<T>(promise: Promise<T>): Promise<{ done: boolean; value?: T }> {
  let state: { done: boolean; value?: T } = { done: false };
  void promise.then((value) => (state = { done: true, value }));
  await vi.advanceTimersByTimeAsync(0);
  return state;
}

beforeEach(() => {
  ScriptedWorker.started = [];
  vi.useFakeTimers();
  vi.stubGlobal('Worker', ScriptedWorker);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('ParseWorkerPool', () => {
  it('posts the request to a worker it starts and hands back the worker’s answer', async () => {
    const pool = new ParseWorkerPool(OPTIONS);
    const answer = pool.summarize(bytes, FILE, 'attachment', 'key-1');
    const [worker] = ScriptedWorker.started;
    expect(ScriptedWorker.started).toHaveLength(1);
    expect(worker!.url).toBe(OPTIONS.workerUrl);
    expect(worker!.posted).toEqual([
      { kind: 'summarize', key: 'key-1', bytes, fileName: FILE, container: 'attachment' },
    ]);
    worker!.reply(summarized);
    expect(await answer).toEqual(summarized.answer);

    const parsed = pool.read(bytes, FILE, 'message');
    // The idle worker serves it: no second worker.
    expect(ScriptedWorker.started).toHaveLength(1);
    expect(worker!.posted[1]).toEqual({ kind: 'read', key: '', bytes, fileName: FILE, container: 'message' });
    worker!.reply(read);
    expect(await parsed).toEqual(read.result);
  });

  it('the card’s summary of the fixture is the one the worker would post', () => {
    const answer: ParseAnswer = summarized.answer;
    expect(answer.ok && answer.summaries.map((s) => [s.orgName, s.domain, s.messages, s.passRate])).toEqual([
      ['zoho.com', 'example.com', 9, 0],
    ]);
  });

  it('starts no more than maxWorkers workers; a request beyond them waits for the first worker to be free', async () => {
    const pool = new ParseWorkerPool(OPTIONS);
    const first = pool.summarize(bytes, 'a.xml', 'attachment', 'a');
    const second = pool.summarize(bytes, 'b.xml', 'attachment', 'b');
    const third = pool.summarize(bytes, 'c.xml', 'attachment', 'c');
    expect(ScriptedWorker.started).toHaveLength(2);
    const [one, two] = ScriptedWorker.started;
    expect(one!.posted.map((r) => r.fileName)).toEqual(['a.xml']);
    expect(two!.posted.map((r) => r.fileName)).toEqual(['b.xml']);
    expect((await settle(third)).done).toBe(false);

    two!.reply(summarized);
    expect(await second).toEqual(summarized.answer);
    // The freed worker takes the waiting request.
    expect(two!.posted.map((r) => r.fileName)).toEqual(['b.xml', 'c.xml']);
    two!.reply(summarized);
    one!.reply(summarized);
    expect(await third).toEqual(summarized.answer);
    expect(await first).toEqual(summarized.answer);
    expect(ScriptedWorker.started).toHaveLength(2);
  });

  it('gives a file to the idle worker that holds it, and a worker holds only the last two files it was given', async () => {
    const pool = new ParseWorkerPool({ ...OPTIONS, maxWorkers: 2 });
    // Worker one gets x, worker two gets y (both busy at once, so two workers start).
    const x = pool.summarize(bytes, 'x.xml', 'attachment', 'x');
    const y = pool.summarize(bytes, 'y.xml', 'attachment', 'y');
    const [one, two] = ScriptedWorker.started;
    one!.reply(summarized);
    two!.reply(summarized);
    await Promise.all([x, y]);

    // Saving y goes to worker two, which holds it, though worker one is idle too and listed first.
    const saveY = pool.read(bytes, 'y.xml', 'attachment', 'y');
    expect(one!.posted.map((r) => r.key)).toEqual(['x']);
    expect(two!.posted.map((r) => r.key)).toEqual(['y', 'y']);
    two!.reply(read);
    await saveY;

    // Worker one is given z and w: it now holds z and w, no longer x.
    for (const key of ['z', 'w']) {
      const done = pool.summarize(bytes, `${key}.xml`, 'attachment', key);
      expect(one!.posted.at(-1)!.key).toBe(key);
      one!.reply(summarized);
      await done;
    }
    // x is held by no one: the first idle worker (one) reads it anew.
    const saveX = pool.read(bytes, 'x.xml', 'attachment', 'x');
    expect(one!.posted.map((r) => r.key)).toEqual(['x', 'z', 'w', 'x']);
    one!.reply(read);
    await saveX;
    // w is still held by worker one, even with worker two idle.
    const saveW = pool.read(bytes, 'w.xml', 'attachment', 'w');
    expect(one!.posted.at(-1)!.key).toBe('w');
    expect(two!.posted).toHaveLength(2);
    one!.reply(read);
    await saveW;
  });

  it('stops a worker still reading when the budget runs out, answers "took too long", and starts a fresh one', async () => {
    const pool = new ParseWorkerPool(OPTIONS);
    const slow = pool.summarize(bytes, 'slow.xml', 'attachment', 'slow');
    const [stuck] = ScriptedWorker.started;
    await vi.advanceTimersByTimeAsync(OPTIONS.budgetMs - 1);
    expect((await settle(slow)).done).toBe(false);
    expect(stuck!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(stuck!.terminated).toBe(true);
    expect(await slow).toEqual({
      ok: false,
      error: {
        code: 'too-slow',
        message:
          'slow.xml took too long to read (more than 5 seconds); ' +
          'DMARC Lens stopped reading it so that it could go on with other files.',
      },
    });
    // An answer the stopped worker still posts is ignored; the next request goes to a new worker.
    stuck!.reply(summarized);
    const next = pool.read(bytes, FILE, 'attachment', 'slow');
    expect(ScriptedWorker.started).toHaveLength(2);
    ScriptedWorker.started[1]!.reply(read);
    expect(await next).toEqual(read.result);
  });

  it('the budget is counted per file, from the moment its worker is given it', async () => {
    const pool = new ParseWorkerPool({ ...OPTIONS, maxWorkers: 1 });
    const first = pool.summarize(bytes, 'first.xml', 'attachment', '');
    const second = pool.summarize(bytes, 'second.xml', 'attachment', '');
    const [worker] = ScriptedWorker.started;
    await vi.advanceTimersByTimeAsync(OPTIONS.budgetMs - 100);
    worker!.reply(summarized);
    expect(await first).toEqual(summarized.answer);
    // second.xml waited 4.9 s in the queue; it still has its whole budget.
    await vi.advanceTimersByTimeAsync(OPTIONS.budgetMs - 1);
    expect(worker!.terminated).toBe(false);
    worker!.reply(summarized);
    expect(await second).toEqual(summarized.answer);
  });

  it.each([
    [60_000, 'a minute'],
    [120_000, '2 minutes'],
    [90_000, '90 seconds'],
    [1_000, 'a second'],
    [1_500, '1.5 seconds'],
    [250, '0.3 seconds'],
  ])('names a budget of %i ms "%s"', async (budgetMs, words) => {
    const pool = new ParseWorkerPool({ ...OPTIONS, budgetMs });
    const slow = pool.read(bytes, 'big.xml', 'attachment');
    await vi.advanceTimersByTimeAsync(budgetMs);
    expect(await slow).toEqual({
      ok: false,
      error: {
        code: 'too-slow',
        message: `big.xml took too long to read (more than ${words}); DMARC Lens stopped reading it so that it could go on with other files.`,
      },
    });
  });

  it('a worker that dies fails its file by name, and the next request gets a new worker', async () => {
    const pool = new ParseWorkerPool(OPTIONS);
    const dying = pool.read(bytes, 'huge.xml', 'attachment', 'huge');
    const [worker] = ScriptedWorker.started;
    expect(worker!.fail('Out of memory')).toBe(true);
    expect(worker!.terminated).toBe(true);
    expect(await dying).toEqual({
      ok: false,
      error: { code: 'extension', message: 'huge.xml could not be read: the reader stopped (Out of memory).' },
    });
    const silent = pool.summarize(bytes, 'next.xml', 'attachment', 'next');
    expect(ScriptedWorker.started).toHaveLength(2);
    ScriptedWorker.started[1]!.fail('');
    expect(await silent).toEqual({
      ok: false,
      error: { code: 'extension', message: 'next.xml could not be read: the reader stopped (no reason).' },
    });
  });

  it('an answer of the other kind is an error naming the file', async () => {
    const pool = new ParseWorkerPool(OPTIONS);
    const summary = pool.summarize(bytes, 'odd.xml', 'attachment', 'odd');
    ScriptedWorker.started[0]!.reply(read);
    expect(await summary).toEqual({
      ok: false,
      error: { code: 'extension', message: 'odd.xml could not be read: the reader answered something else.' },
    });
    const parsed = pool.read(bytes, 'odd.xml', 'attachment', 'odd');
    ScriptedWorker.started[0]!.reply(summarized);
    expect(await parsed).toEqual({
      ok: false,
      error: { code: 'extension', message: 'odd.xml could not be read: the reader answered something else.' },
    });
  });

  it('lets an idle worker go after idleMs, and not while it is reading', async () => {
    const pool = new ParseWorkerPool(OPTIONS);
    const answer = pool.summarize(bytes, FILE, 'attachment', 'k');
    const [worker] = ScriptedWorker.started;
    // Reading for longer than idleMs is no idleness.
    await vi.advanceTimersByTimeAsync(OPTIONS.idleMs * 2);
    expect(worker!.terminated).toBe(false);
    worker!.reply(summarized);
    await answer;
    await vi.advanceTimersByTimeAsync(OPTIONS.idleMs - 1);
    expect(worker!.terminated).toBe(false);
    // A request within idleMs restarts the clock.
    const again = pool.read(bytes, FILE, 'attachment', 'k');
    expect(ScriptedWorker.started).toHaveLength(1);
    worker!.reply(read);
    await again;
    await vi.advanceTimersByTimeAsync(OPTIONS.idleMs - 1);
    expect(worker!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(worker!.terminated).toBe(true);
    // Its held file went with it: the save is read by a new worker.
    const save = pool.read(bytes, FILE, 'attachment', 'k');
    expect(ScriptedWorker.started).toHaveLength(2);
    ScriptedWorker.started[1]!.reply(read);
    expect(await save).toEqual(read.result);
  });
});

describe('the extension context’s pool', () => {
  it('starts its workers from the built parse worker, up to MAX_PARSE_WORKERS', async () => {
    const pool = sharedParseWorkerPool();
    expect(sharedParseWorkerPool()).toBe(pool);
    const answers = Array.from({ length: MAX_PARSE_WORKERS + 1 }, (_, i) =>
      pool.summarize(bytes, `${i}.xml`, 'attachment', String(i)),
    );
    expect(ScriptedWorker.started.map((w) => w.url)).toEqual(
      Array<string>(MAX_PARSE_WORKERS).fill('chrome-extension://test-extension-id/parse-worker.js'),
    );
    for (const worker of ScriptedWorker.started) worker.reply(summarized);
    ScriptedWorker.started[0]!.reply(summarized);
    expect(await Promise.all(answers)).toEqual(Array<ParseAnswer>(MAX_PARSE_WORKERS + 1).fill(summarized.answer));
    // Idle workers are let go after IDLE_WORKER_MS; the pool's budget is PARSE_BUDGET_MS.
    await vi.advanceTimersByTimeAsync(IDLE_WORKER_MS);
    expect(ScriptedWorker.started.map((w) => w.terminated)).toEqual([true, true, true]);
  });

  it('takes its budget from WXT_PARSE_BUDGET_MS when a build sets a positive number, else PARSE_BUDGET_MS', () => {
    expect(PARSE_BUDGET_MS).toBe(120_000);
    expect(buildParseBudgetMs()).toBe(PARSE_BUDGET_MS);
    vi.stubEnv('WXT_PARSE_BUDGET_MS', '1500');
    expect(buildParseBudgetMs()).toBe(1500);
    for (const value of ['0', '-5', 'two minutes', '']) {
      vi.stubEnv('WXT_PARSE_BUDGET_MS', value);
      expect(buildParseBudgetMs(), value).toBe(PARSE_BUDGET_MS);
    }
  });
});
