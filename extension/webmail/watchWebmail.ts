// Watches a webmail page for report attachments: one debounced MutationObserver, SPA navigation events and a slow
// safety rescan. Each card gets one summary; when the card leaves the DOM (thread swapped, message collapsed) its
// summary is removed and its download cancelled. Everything stops with the content-script context.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AttachmentRef, WebmailAdapter } from './webmailAdapter';

/**
 * Gmail and Outlook re-render in bursts. The first change after a quiet spell is scanned almost at once (a new card
 * should get its summary fast: the budget from card to summary is 300 ms); further changes at most every 250 ms.
 */
const SCAN_COALESCE_MS = 16;
const SCAN_MIN_INTERVAL_MS = 250;
/** Catches what the observer cannot see (attributes outside the filter, cards re-rendered in place). */
const SAFETY_RESCAN_MS = 3000;
/** Marks our own elements so their insertion does not trigger another scan. */
export const OWN_ELEMENT_ATTRIBUTE = 'data-dmarc-lens';

export interface MountedSummary {
  /** Puts the summary back if the webmail re-rendered its surroundings while the card stayed. */
  ensureAttached(): void;
  remove(): void;
}

export function watchWebmail(
  ctx: ContentScriptContext,
  adapter: WebmailAdapter,
  mountSummary: (ref: AttachmentRef) => MountedSummary,
): void {
  /** Card element → the file it showed when mounted (a card reused for another file gets a new summary). */
  const handled = new WeakMap<HTMLElement, string>();
  const mounted = new Map<HTMLElement, MountedSummary>();

  const scan = () => {
    for (const [card, summary] of mounted) {
      if (card.isConnected) summary.ensureAttached();
      else {
        summary.remove();
        mounted.delete(card);
        handled.delete(card);
      }
    }
    for (const ref of adapter.scan(document)) {
      if (handled.get(ref.element) === ref.fileName) continue;
      mounted.get(ref.element)?.remove();
      handled.set(ref.element, ref.fileName);
      mounted.set(ref.element, mountSummary(ref));
    }
  };

  let timer: number | undefined;
  let lastScan = -Infinity;
  const scanNow = () => {
    timer = undefined;
    lastScan = performance.now();
    scan();
  };
  const scheduleScan = () => {
    if (timer !== undefined) return;
    const wait = Math.max(SCAN_COALESCE_MS, lastScan + SCAN_MIN_INTERVAL_MS - performance.now());
    timer = ctx.setTimeout(scanNow, wait);
  };

  const observer = new MutationObserver((mutations) => {
    if (mutations.every(isOwnMutation)) return;
    scheduleScan();
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: adapter.watchedAttributes,
  });
  ctx.addEventListener(window, 'wxt:locationchange', scheduleScan);
  ctx.addEventListener(window, 'hashchange', scheduleScan);
  ctx.addEventListener(window, 'popstate', scheduleScan);
  ctx.setInterval(scanNow, SAFETY_RESCAN_MS);
  ctx.onInvalidated(() => {
    observer.disconnect();
    for (const summary of mounted.values()) summary.remove();
    mounted.clear();
  });
  scanNow();
}

function isOwnMutation(mutation: MutationRecord): boolean {
  const own = (node: Node) => node instanceof Element && node.hasAttribute(OWN_ELEMENT_ATTRIBUTE);
  if (mutation.type !== 'childList') return own(mutation.target);
  return (
    [...mutation.addedNodes, ...mutation.removedNodes].every(own) &&
    mutation.addedNodes.length + mutation.removedNodes.length > 0
  );
}
