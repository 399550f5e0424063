// Installs the offline copy of the site (serviceWorker.ts, built to sw.js) in a built site. Loaded by index.html only,
// so the extension's pages, which render the same App, never register one. A browser that refuses (a private window,
// storage blocked) just keeps the site online-only.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  });
}
