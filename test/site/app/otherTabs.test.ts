// Other tabs' changes are passed on once they settle (site/src/app/otherTabs.ts): one change is heard half a second
// later; a burst, as the extension's sync makes one saved message at a time, is heard once it pauses and at most every
// ten seconds while it goes on, so that a dashboard's read of the whole store can finish between two.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BURST_EVERY_MS, QUIET_MS, whenSettled } from '../../../site/src/app/otherTabs';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('whenSettled', () => {
  it('runs once, QUIET_MS after a single call', () => {
    const runs: number[] = [];
    const heard = whenSettled(() => runs.push(Date.now()), QUIET_MS, BURST_EVERY_MS);
    const start = Date.now();
    heard();
    vi.advanceTimersByTime(QUIET_MS - 1);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([start + QUIET_MS]);
    vi.advanceTimersByTime(60_000);
    expect(runs).toHaveLength(1);
  });

  it('runs a 30 s burst of calls every 100 ms every BURST_EVERY_MS, the last run after the last call', () => {
    const runs: number[] = [];
    const heard = whenSettled(() => runs.push(Date.now()), QUIET_MS, BURST_EVERY_MS);
    const start = Date.now();
    for (let t = 0; t < 30_000; t += 100) {
      heard();
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(60_000);
    // The last call (at 29.9 s) is answered by the run the burst's ten seconds bring at 30 s.
    expect(runs.map((at) => at - start)).toEqual([10_000, 20_000, 30_000]);
  });

  it('answers calls that come while nothing is due with a run of their own', () => {
    const runs: number[] = [];
    const heard = whenSettled(() => runs.push(Date.now()), QUIET_MS, BURST_EVERY_MS);
    heard();
    vi.advanceTimersByTime(QUIET_MS);
    heard();
    heard();
    vi.advanceTimersByTime(QUIET_MS);
    expect(runs).toHaveLength(2);
  });
});
