// Addresses of the extension's own pages. The dashboard is the site's app; its hash routes are the site's.
export function dashboardUrl(reportKey?: string): string {
  const base = `${browser.runtime.getURL('/')}dashboard.html`;
  return reportKey === undefined ? base : `${base}#/reports/${encodeURIComponent(reportKey)}`;
}

/** The "download it, then drop it here" page, told which file the user is about to bring. */
export function dropPageUrl(fileName?: string): string {
  const base = browser.runtime.getURL('/drop.html');
  return fileName === undefined ? base : `${base}?file=${encodeURIComponent(fileName)}`;
}
