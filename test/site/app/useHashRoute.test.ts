// Hash routing: the page the address names (`#/senders`, `#senders`, `#/dashboard?domain=…`), the domain overview for
// anything else, and a new page when the hash changes. Preact in linkedom's DOM; the window's location and events
// are stood in for by an object and an EventTarget.
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROUTES, useHashRoute } from '../../../site/src/app/useHashRoute';

const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
Object.assign(globalThis, { document });
const root = document.getElementById('app') as unknown as HTMLElement;

let events: EventTarget;
/** The hashchange listeners registered now. */
const listening = new Set<EventListenerOrEventListenerObject>();
const location = { hash: '' };

function Page() {
  return h('main', null, useHashRoute());
}

async function navigate(hash: string): Promise<void> {
  location.hash = hash;
  await act(() => void events.dispatchEvent(new Event('hashchange')));
}

beforeEach(() => {
  events = new EventTarget();
  listening.clear();
  vi.stubGlobal('location', location);
  vi.stubGlobal('addEventListener', (type: string, listener: EventListenerOrEventListenerObject) => {
    if (type === 'hashchange') listening.add(listener);
    events.addEventListener(type, listener);
  });
  vi.stubGlobal('removeEventListener', (type: string, listener: EventListenerOrEventListenerObject) => {
    if (type === 'hashchange') listening.delete(listener);
    events.removeEventListener(type, listener);
  });
});

afterEach(async () => {
  await act(() => render(null, root));
  vi.unstubAllGlobals();
});

describe('useHashRoute', () => {
  it('knows the six pages', () => {
    expect(ROUTES).toEqual(['overview', 'dashboard', 'import', 'senders', 'records', 'data']);
  });

  it.each([
    ['#/import', 'import'],
    ['#import', 'import'],
    ['#/senders', 'senders'],
    ['#/records', 'records'],
    ['#/data', 'data'],
    ['#/dashboard?domain=example.com&period=30', 'dashboard'],
    ['#/senders/example.com', 'senders'],
    ['#/records?domain=example.com', 'records'],
    ['#/overview', 'overview'],
    ['#/overview?period=all', 'overview'],
    ['', 'overview'],
    ['#/', 'overview'],
    ['#/nowhere', 'overview'],
    ['#/Senders', 'overview'],
    ['#//senders', 'overview'],
  ])('%j shows %s', async (hash, route) => {
    location.hash = hash;
    await act(() => render(h(Page, null), root));
    expect(root.textContent).toBe(route);
  });

  it('follows the hash as it changes, and stops listening when unmounted', async () => {
    location.hash = '#/import';
    await act(() => render(h(Page, null), root));
    expect(listening.size).toBe(1);
    await navigate('#/senders');
    expect(root.textContent).toBe('senders');
    await navigate('#/dashboard?domain=example.com');
    expect(root.textContent).toBe('dashboard');
    await act(() => render(null, root));
    expect(listening.size).toBe(0);
  });
});
