// Hash routing (`#/dashboard`, `#/records`…): works on any origin and base path, including the extension's page. The
// domain overview is the landing page: an address naming no page (or one this app does not have) shows it.
import { useEffect, useState } from 'preact/hooks';

export const ROUTES = ['overview', 'dashboard', 'import', 'senders', 'records', 'data'] as const;
export type Route = (typeof ROUTES)[number];

function currentRoute(): Route {
  const name = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'overview';
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
