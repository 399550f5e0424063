// Tabs of the site share its databases: a change one tab makes to them is told to the others, so that no tab goes on
// showing figures the store no longer holds (a domain deleted in one tab while the dashboard is open in another, an
// import made elsewhere). In the extension, whose dashboard is the site's app, its background tells them of reports
// it saved from webmail. A BroadcastChannel reaches only this origin's pages and workers in this browser: nothing leaves
// it.

/** What changed: the stored reports, or the kept imports (importHistory.ts). */
export type SharedChange = 'data' | 'imports';

const CHANNEL = 'dmarc-lens:changes';
const listeners = new Map<SharedChange, Set<() => void>>();
let channel: BroadcastChannel | null | undefined;

/**
 * Other tabs' changes are passed on once they pause for this long, and during a burst that does not pause at least this
 * often: the extension saves a sync's reports one message at a time, and a dashboard that read the whole store again
 * for each would restart its read before it ever finished.
 */
export const QUIET_MS = 500;
export const BURST_EVERY_MS = 10_000;

/**
 * `run` once calls pause for `quietMs`, or `maxWaitMs` after the first call not yet run, whichever is sooner: each run
 * answers every call before it.
 */
export function whenSettled(run: () => void, quietMs: number, maxWaitMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt: number | undefined;
  return () => {
    const now = Date.now();
    firstAt ??= now;
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        firstAt = undefined;
        run();
      },
      Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now)),
    );
  };
}

function tell(change: SharedChange): void {
  for (const listener of [...(listeners.get(change) ?? [])]) listener();
}

/**
 * The channel, opened on first use: in a page, a worker or the extension's background. Null in Node (the unit tests),
 * where an open channel would keep the process running.
 */
function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = null;
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (node !== undefined || typeof BroadcastChannel === 'undefined') return channel;
  const opened = new BroadcastChannel(CHANNEL);
  const heard: Record<SharedChange, () => void> = {
    data: whenSettled(() => tell('data'), QUIET_MS, BURST_EVERY_MS),
    imports: whenSettled(() => tell('imports'), QUIET_MS, BURST_EVERY_MS),
  };
  opened.onmessage = (event: MessageEvent<unknown>) => {
    const change = event.data;
    if (change === 'data' || change === 'imports') heard[change]();
  };
  channel = opened;
  return channel;
}

/** Tells the site's other tabs that `change` happened here. */
export function tellOtherTabs(change: SharedChange): void {
  open()?.postMessage(change);
}

/** Calls `listener` when another tab says `change` happened there (bursts of them once; see whenSettled). */
export function onOtherTabs(change: SharedChange, listener: () => void): void {
  open();
  let set = listeners.get(change);
  if (!set) listeners.set(change, (set = new Set()));
  set.add(listener);
}
