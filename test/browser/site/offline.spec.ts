// The built site installs and works with no network: after one visit its service worker holds every file of the build
// (and nothing else), a reload with the network off opens the site from it, and a real report imported offline shows
// its MANIFEST total on the dashboard. What the user imports never enters the cache and nothing leaves the origin.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { addReports, expectedMessages, fixtureFile, ORIGIN, recordRequests, totalMessages } from './siteHelpers';

const BUILD = 'dist/site';

/** Every file the build wrote, as URLs, but the service worker itself and dotfiles (a .gitignore). */
function builtFileUrls(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(new URL(relative(BUILD, path).split(sep).join('/'), `${ORIGIN}/`).href);
    }
  };
  walk(BUILD);
  return out.filter((url) => url !== `${ORIGIN}/sw.js`).sort();
}

/** The caches' names and, per cache, the URLs it holds. */
async function cachedUrls(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((request) => request.url).sort();
    }
    return out;
  });
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dmarc-lens:locale', 'en'));
});

test('after one visit the site opens and imports a report with the network off; the cache holds the build and nothing else', async ({
  page,
  context,
}) => {
  const requests = recordRequests(page);
  await page.goto(`${ORIGIN}/#/import`);
  await expect(page.getByRole('heading', { name: 'Import reports' })).toBeVisible();
  // Installed and in charge of this page (it claims the pages open when it activates).
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  const manifest = page.locator('link[rel="manifest"]');
  expect(await manifest.getAttribute('href')).toBe('./manifest.webmanifest');
  const installed = (await page.request.get(`${ORIGIN}/manifest.webmanifest`).then((r) => r.json())) as {
    name: string;
    start_url: string;
    display: string;
    icons: Array<{ src: string; sizes: string }>;
  };
  expect(installed.name).toBe('DMARC Lens');
  expect(installed.display).toBe('standalone');
  expect(installed.icons.map((icon) => icon.sizes)).toEqual(['any', '192x192', '512x512', '512x512']);
  for (const icon of installed.icons) expect((await page.request.get(`${ORIGIN}/${icon.src}`)).status()).toBe(200);

  const before = await cachedUrls(page);
  expect(Object.keys(before)).toHaveLength(1);
  expect(Object.keys(before)[0]).toMatch(/^dmarc-lens-build-[0-9a-f]{16}$/);
  expect(Object.values(before)[0]).toEqual(builtFileUrls());

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Import reports' })).toBeVisible();
  const file = 'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml';
  await addReports(page, [fixtureFile(file)]);
  await expect(page.getByTestId('import-outcome')).toHaveText(
    'Import finished. Reports imported: 1; duplicates: 0; files refused: 0.',
  );
  await page.goto(`${ORIGIN}/#/dashboard`);
  expect(await totalMessages(page)).toBe(expectedMessages([file]));
  await page.screenshot({ path: '/work/shots/house/offline-dashboard.png', fullPage: true });

  // The import went to IndexedDB only: the cache is as it was.
  expect(await cachedUrls(page)).toEqual(before);
  await context.setOffline(false);
  requests.assertSameOrigin();
});
