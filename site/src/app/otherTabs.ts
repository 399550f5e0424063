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
 * The channel, opened on first use: in a page, a worker or the extension's background. Null in Node (the unit tests),
 * where an open channel would keep the process running.
 */
function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = null;
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (node !== undefined || typeof BroadcastChannel === 'undefined') return channel;
  const opened = new BroadcastChannel(CHANNEL);
  opened.onmessage = (event: MessageEvent<unknown>) => {
    const change = event.data;
    if (change !== 'data' && change !== 'imports') return;
    for (const listener of [...(listeners.get(change) ?? [])]) listener();
  };
  channel = opened;
  return channel;
}

/** Tells the site's other tabs that `change` happened here. */
export function tellOtherTabs(change: SharedChange): void {
  open()?.postMessage(change);
}

/** Calls `listener` whenever another tab says `change` happened there. */
export function onOtherTabs(change: SharedChange, listener: () => void): void {
  open();
  let set = listeners.get(change);
  if (!set) listeners.set(change, (set = new Set()));
  set.add(listener);
}
