// The built site installs and works with no network: after one visit its service worker holds every file of the build
// (and nothing else), a reload with the network off opens the site from it, and a real report imported offline shows
// its MANIFEST total on the dashboard. What the user imports never enters the cache and nothing leaves the origin. A
// new build put up in place of the old one runs on the next reload, and its cache replaces the old one.
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { compileServiceWorker, listPublicFiles, offlineFiles } from '../../../site/offlineBuild';
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

/** A free port of this spec's own (4320–4329 are this helper's range; 4322 serves the two builds). */
const UPDATE_PORT = Number(process.env.SW_UPDATE_PORT ?? 4322);
const UPDATE_ORIGIN = `http://127.0.0.1:${UPDATE_PORT}`;

/**
 * A copy of the built site as a build of its own, told apart by `mark`: its entry script sets
 * `globalThis.dmarcLensBuild` first thing, and for `rename` the entry gets a new hashed name (every file naming it
 * follows), as a real new build's changed entry does. Its sw.js is compiled again from site/src/offline with the copy's
 * own file list and version, as the build's plugin does.
 */
async function makeBuild(dir: string, mark: string, rename: boolean): Promise<string> {
  cpSync(BUILD, dir, { recursive: true });
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entry = /src="\.\/assets\/(index-[\w-]+\.js)"/.exec(html)![1]!;
  const renamed = rename ? entry.replace(/\.js$/, `${mark}.js`) : entry;
  const code = readFileSync(join(dir, 'assets', entry), 'utf8');
  rmSync(join(dir, 'assets', entry));
  writeFileSync(join(dir, 'assets', renamed), `globalThis.dmarcLensBuild = ${JSON.stringify(mark)};\n${code}`);
  for (const file of listPublicFiles(dir)) {
    if (!/\.(js|html)$/.test(file.name) || file.name === 'sw.js') continue;
    const text = readFileSync(join(dir, file.name), 'utf8');
    if (text.includes(entry)) writeFileSync(join(dir, file.name), text.split(entry).join(renamed));
  }
  const contents = new Map(listPublicFiles(dir).map((file) => [file.name, file.bytes] as const));
  const offline = offlineFiles(contents, 'sw.js');
  writeFileSync(join(dir, 'sw.js'), await compileServiceWorker('site/src/offline/serviceWorker.ts', offline));
  return offline.version;
}

/** scripts/serve-site.mjs serving whichever build the symlink `current` points at. */
async function serveBuilds(current: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['scripts/serve-site.mjs', String(UPDATE_PORT)], {
    env: { ...process.env, SITE_DIR: current },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, failed) => {
    server.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('served on') && ready());
    server.on('exit', (code) => failed(new Error(`serve-site.mjs ended with ${code}`)));
  });
  return server;
}

test('a new build replaces the old: a reload runs it, its cache replaces the old one, and offline it is the one that opens', async ({
  page,
  context,
}) => {
  const root = mkdtempSync(join(tmpdir(), 'dmarc-lens-sw-'));
  const [a, b, current] = ['a', 'b', 'current'].map((name) => join(root, name)) as [string, string, string];
  const versionA = await makeBuild(a, 'A', false);
  const versionB = await makeBuild(b, 'B', true);
  expect(versionB).not.toBe(versionA);
  symlinkSync(a, current);
  const server = await serveBuilds(current);
  try {
    const build = () => page.evaluate(() => (globalThis as { dmarcLensBuild?: string }).dmarcLensBuild);
    const cacheNames = () => page.evaluate(() => caches.keys());
    await page.goto(`${UPDATE_ORIGIN}/#/import`);
    await expect(page.getByRole('heading', { name: 'Import reports' })).toBeVisible();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await build()).toBe('A');
    await expect.poll(cacheNames).toEqual([`dmarc-lens-build-${versionA}`]);

    // Build B goes up in place of A: the next reload runs B, not A's copy.
    rmSync(current);
    symlinkSync(b, current);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Import reports' })).toBeVisible();
    expect(await build()).toBe('B');
    // B's service worker takes over: its cache holds B's files, and A's cache is gone.
    await expect.poll(cacheNames, { timeout: 30_000 }).toEqual([`dmarc-lens-build-${versionB}`]);
    const held = (await cachedUrls(page))[`dmarc-lens-build-${versionB}`]!;
    expect(held.some((url) => url.endsWith('B.js'))).toBe(true);
    expect(held).toHaveLength(listPublicFiles(b).length - 1);
    expect(held).not.toContain(
      `${UPDATE_ORIGIN}/assets/${/(index-[\w-]+\.js)/.exec(readFileSync(join(a, 'index.html'), 'utf8'))![1]}`,
    );

    // With no network at all, B opens from its cache and works.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Import reports' })).toBeVisible();
    expect(await build()).toBe('B');
    const file = 'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml';
    await addReports(page, [fixtureFile(file)]);
    await expect(page.getByTestId('import-outcome')).toHaveText(
      'Import finished. Reports imported: 1; duplicates: 0; files refused: 0.',
    );
    await page.goto(`${UPDATE_ORIGIN}/#/dashboard`);
    expect(await totalMessages(page)).toBe(expectedMessages([file]));
    await context.setOffline(false);
  } finally {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
