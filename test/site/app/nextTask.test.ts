// inNextTask: later work in a task of its own, in order, never through a timer (a chain of nested timers is held 4 ms
// a link, which paced the import's reads at 2,000 a second: 10,000 files took 5 s more than reading them).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inNextTask, nextTask } from '../../../site/src/app/nextTask';

afterEach(() => vi.restoreAllMocks());

describe('inNextTask', () => {
  it('runs callbacks in the order given, each after the microtasks of the one before', async () => {
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      inNextTask(() => {
        seen.push('first');
        queueMicrotask(() => seen.push('first’s microtask'));
      });
      inNextTask(() => seen.push('second'));
      inNextTask(resolve);
    });
    expect(seen).toEqual(['first', 'first’s microtask', 'second']);
  });

  it('sets no timer, however deep the chain', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    let links = 0;
    await new Promise<void>((resolve) => {
      const link = () => (++links === 50 ? resolve() : inNextTask(link));
      inNextTask(link);
    });
    for (let i = 0; i < 10; i++) await nextTask();
    expect(links).toBe(50);
    expect(timers).not.toHaveBeenCalled();
  });
});
