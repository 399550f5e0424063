// Tabs of the site share its databases: a change one tab makes to them is told to the others, so that no tab goes on
// showing figures the store no longer holds (a domain deleted in one tab while the dashboard is open in another, an
// import made elsewhere). A BroadcastChannel reaches only this origin's pages in this browser: nothing leaves it.

/** What changed: the stored reports, or the kept imports (importHistory.ts). */
export type SharedChange = 'data' | 'imports';

const CHANNEL = 'dmarc-lens:changes';
const listeners = new Map<SharedChange, Set<() => void>>();
let channel: BroadcastChannel | null | undefined;

/** The channel, opened on first use; null outside a page (tests in Node, where a channel would keep it running). */
function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = null;
  if (typeof document === 'undefined' || typeof BroadcastChannel === 'undefined') return channel;
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
