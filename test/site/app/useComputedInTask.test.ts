// useComputedInTask: a costly value (the reporters table's rows) computed in a task of its own and drawn in the next,
// so that after a large import neither holds the page's main thread for long. Preact in linkedom's DOM.
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTask } from '../../../site/src/app/nextTask';
import { useComputedInTask } from '../../../site/src/app/useComputedInTask';

const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
Object.assign(globalThis, { document });
const root = document.getElementById('app') as unknown as HTMLElement;

function Probe({ input, compute }: { input: number; compute: (input: number) => string }) {
  return h('p', null, useComputedInTask(() => compute(input), [input]) ?? 'none yet');
}

const shown = () => root.textContent;

afterEach(() => render(null, root));

describe('useComputedInTask', () => {
  it('computes in one later task and draws in the next, keeping the value before until the new one is drawn', async () => {
    const compute = vi.fn((input: number) => `rows of ${input}`);
    await act(() => render(h(Probe, { input: 1, compute }), root));
    expect(compute).not.toHaveBeenCalled();
    expect(shown()).toBe('none yet');

    await nextTask(); // the task that computes ran before this one…
    expect(compute).toHaveBeenCalledTimes(1);
    expect(shown()).toBe('none yet'); // …and drew nothing
    await nextTask();
    expect(shown()).toBe('rows of 1');

    await act(() => render(h(Probe, { input: 2, compute }), root));
    await nextTask();
    expect(compute).toHaveBeenLastCalledWith(2);
    expect(shown()).toBe('rows of 1');
    await nextTask();
    expect(shown()).toBe('rows of 2');
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('computes nothing for inputs gone before their task came, and draws no value computed for them', async () => {
    const compute = vi.fn((input: number) => `rows of ${input}`);
    await act(() => render(h(Probe, { input: 1, compute }), root));
    await act(() => render(h(Probe, { input: 2, compute }), root));
    await nextTask();
    await nextTask();
    await nextTask();
    expect(compute.mock.calls).toEqual([[2]]);
    expect(shown()).toBe('rows of 2');

    // Changed between computing and drawing: the value for 3 is computed and dropped, the one for 4 is drawn.
    await act(() => render(h(Probe, { input: 3, compute }), root));
    await nextTask();
    await act(() => render(h(Probe, { input: 4, compute }), root));
    await nextTask();
    expect(shown()).toBe('rows of 2');
    await nextTask();
    await nextTask();
    expect(compute.mock.calls).toEqual([[2], [3], [4]]);
    expect(shown()).toBe('rows of 4');

    await act(() => render(null, root));
    await act(() => render(h(Probe, { input: 5, compute }), root));
    await act(() => render(null, root));
    await nextTask();
    await nextTask();
    expect(compute).toHaveBeenCalledTimes(3);
  });
});
