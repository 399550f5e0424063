// Where a reader is after moving: the document's title names the page ("Senders — DMARC Lens"), and on a route change
// or at the end of an import, focus goes to the page's main heading, so that a screen reader announces the new page
// and keyboard users go on from its top instead of from wherever the old page left them.
import { useEffect, useRef } from 'preact/hooks';
import type { ImportProgress } from '../import/ImportController';
import type { Observable } from '../app/Observable';

/** How long a page may take to show its heading (a page loaded on demand) before focus is left where it is. */
const HEADING_WAIT_MS = 3000;

/**
 * Focuses the main heading (the first h1 in `main`) once it is there: at once, or when a page loaded on demand renders
 * it. The heading gets tabIndex -1 so that it takes focus without joining the tab order.
 */
export function focusMainHeading(): () => void {
  let done = false;
  const tryFocus = (): boolean => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return false;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus({ preventScroll: false });
    done = true;
    return true;
  };
  if (tryFocus()) return () => undefined;
  const main = document.querySelector('main') ?? document.body;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = setTimeout(() => stop(), HEADING_WAIT_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(main, { childList: true, subtree: true });
  return () => {
    if (!done) stop();
  };
}

/**
 * Sets the title for `route` (its label) and moves focus to the main heading when the route changes (not on the first
 * page the site opens on: there the reader starts at the top as usual) and when an import finishes.
 */
export function usePageFocus(route: string, pageTitle: string, progress: Observable<ImportProgress>): void {
  const first = useRef(true);
  useEffect(() => {
    document.title = pageTitle;
  }, [pageTitle]);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    return focusMainHeading();
  }, [route]);
  useEffect(() => {
    let running = progress.value.running;
    let cancel: (() => void) | undefined;
    const unsubscribe = progress.subscribe((state) => {
      if (running && !state.running) {
        cancel?.();
        cancel = focusMainHeading();
      }
      running = state.running;
    });
    return () => {
      unsubscribe();
      cancel?.();
    };
  }, [progress]);
}
