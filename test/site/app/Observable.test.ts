// The site's state: an Observable tells its listeners of every change (and only of changes), and a component using
// useObservable renders the current value and every later one (Preact in linkedom's DOM, effects flushed by act).
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Observable, useObservable } from '../../../site/src/app/Observable';

const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
Object.assign(globalThis, { document });

describe('Observable', () => {
  it('holds its value and tells every listener of each change, in the order they subscribed', () => {
    const count = new Observable(0);
    const heard: string[] = [];
    count.subscribe((value) => heard.push(`a${value}`));
    count.subscribe((value) => heard.push(`b${value}`));
    count.set(1);
    count.update((value) => value + 10);
    expect(count.value).toBe(11);
    expect(heard).toEqual(['a1', 'b1', 'a11', 'b11']);
  });

  it('says nothing when the value is set to itself (Object.is: NaN is NaN, 0 is not -0)', () => {
    const value = new Observable<number>(Number.NaN);
    const heard: number[] = [];
    value.subscribe((v) => heard.push(v));
    value.set(Number.NaN);
    value.set(0);
    value.set(0);
    value.set(-0);
    value.update((v) => v);
    expect(heard).toEqual([0, -0]);
    const list = new Observable<string[]>([]);
    let calls = 0;
    list.subscribe(() => calls++);
    list.update((items) => items);
    list.update((items) => [...items]);
    expect(calls).toBe(1);
  });

  it('stops telling a listener once it unsubscribes, even during a change', () => {
    const value = new Observable('a');
    const heard: string[] = [];
    const stopFirst = value.subscribe((v) => {
      heard.push(`first ${v}`);
      stopSecond();
    });
    const stopSecond = value.subscribe((v) => heard.push(`second ${v}`));
    value.set('b');
    value.set('c');
    stopFirst();
    value.set('d');
    // The change that removed the second listener still reached it; later ones did not.
    expect(heard).toEqual(['first b', 'second b', 'first c']);
  });
});

describe('useObservable', () => {
  it('renders the current value and each change, and lets go when unmounted', async () => {
    const domain = new Observable('example.com');
    const root = document.getElementById('app') as unknown as HTMLElement;
    function Shown() {
      return h('p', null, useObservable(domain));
    }
    await act(() => render(h(Shown, null), root));
    expect(root.textContent).toBe('example.com');
    await act(() => domain.set('example.org'));
    expect(root.textContent).toBe('example.org');
    await act(() => render(null, root));
    let listening = 0;
    domain.subscribe(() => listening++);
    await act(() => domain.set('example.net'));
    expect([root.textContent, listening]).toEqual(['', 1]);
  });

  it('shows a change made between the first render and its effect', async () => {
    const count = new Observable(1);
    const root = document.getElementById('app') as unknown as HTMLElement;
    function Shown() {
      return h('p', null, String(useObservable(count)));
    }
    await act(() => {
      render(h(Shown, null), root);
      count.set(2);
    });
    expect(root.textContent).toBe('2');
    await act(() => render(null, root));
  });
});
