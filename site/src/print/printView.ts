// The printable report's address: `#/print?domain=example.com&period=30`, the dashboard's view under another page, so
// that the dashboard's current view prints with one link and a printed view can be linked and reloaded.
import { useEffect, useState } from 'preact/hooks';
import { hashOfView, viewFromHash, type DashboardView } from '../dashboard/dashboardView';

export function isPrintHash(hash: string): boolean {
  return /^#\/print([?].*)?$/.test(hash);
}

/** The print page's address for a dashboard view. */
export function printHashOf(view: DashboardView): string {
  return hashOfView(view).replace(/^#\/dashboard/, '#/print');
}

/** The view the address asks to print, or undefined when the address is not the print page. */
export function usePrintView(): DashboardView | undefined {
  const read = () => (isPrintHash(location.hash) ? viewFromHash(location.hash) : undefined);
  const [view, setView] = useState<DashboardView | undefined>(read);
  useEffect(() => {
    const follow = () => setView(read());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return view;
}
