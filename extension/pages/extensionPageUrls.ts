// Addresses of the extension's own pages. The dashboard is the site's app, with the site's hash routes
// (site/src/app/useHashRoute.ts); `?domain=` names the domain of the report the user came from.
export function dashboardUrl(domain?: string): string {
  const base = `${browser.runtime.getURL('/')}dashboard.html#/dashboard`;
  return domain === undefined || domain === '' ? base : `${base}?domain=${encodeURIComponent(domain.toLowerCase())}`;
}

/** The "download it, then drop it here" page, told which file the user is about to bring. */
export function dropPageUrl(fileName?: string): string {
  const base = browser.runtime.getURL('/drop.html');
  return fileName === undefined ? base : `${base}?file=${encodeURIComponent(fileName)}`;
}

/** The dashboard's alerts and weekly digest (extension/ui/WatchPage.tsx), on one domain when given. */
export function watchUrl(domain?: string): string {
  const base = `${browser.runtime.getURL('/')}dashboard.html#/watch`;
  return domain === undefined || domain === '' ? base : `${base}?domain=${encodeURIComponent(domain.toLowerCase())}`;
}
