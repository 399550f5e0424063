// The site's service worker (built to sw.js by site/vite.config.ts, which fills in the build's file list): it keeps a
// copy of every file of the build, so that the site opens and works with no network after the first visit. It answers
// only with those files: report files and everything else the user has stay in IndexedDB, which no request carries,
// and every other request (a DNS-over-HTTPS lookup the user asked for, say) goes to the network untouched.

/** The build's files, relative to the service worker (index.html, hashed scripts and styles, the ASN table…). */
declare const BUILD_FILES: readonly string[];
/** A hash of the build's contents: a new build is a new cache, and the old one is deleted when it takes over. */
declare const BUILD_VERSION: string;

// The few parts of the service worker scope used here, typed by hand: the DOM and WebWorker libraries cannot both be
// in the site's TypeScript settings.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly registration: { readonly scope: string };
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
const CACHE_PREFIX = 'dmarc-lens-build-';
const cacheName = `${CACHE_PREFIX}${BUILD_VERSION}`;
const scope = new URL(worker.registration.scope);
const buildUrls = new Set(BUILD_FILES.map((file) => new URL(file, scope).href));
const indexUrl = new URL('index.html', scope).href;

worker.addEventListener('install', (event) => {
  // The whole build or nothing: a failed download leaves the previous build in charge.
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll([...buildUrls].map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== cacheName)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

/**
 * How long a page waits for the network before it opens from the copy: long enough for a slow line, short enough that
 * a connection that answers nothing does not leave the user before a blank page.
 */
const NETWORK_WAIT_MS = 4000;

function fromCopy(url: string): Promise<Response | undefined> {
  return caches.open(cacheName).then((cache) => cache.match(url));
}

/**
 * A page of the site: index.html from the network while there is one, else the copy. Only index.html names the build's
 * hashed scripts, so answering it from the copy would run this worker's build even after a new one was put up: the
 * new build would start only on the visit after its worker took over. Fresh, it loads the new build's scripts (not in
 * this worker's list, so fetched), and the new worker replaces this one in the background.
 */
function openPage(request: Request): Promise<Response> {
  const network = fetch(request).then((response) => (response.ok ? response : Promise.reject(new Error('not ok'))));
  const waited = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), NETWORK_WAIT_MS));
  const copy = () => fromCopy(indexUrl).then((cached) => cached ?? network);
  return Promise.race([network, waited]).then(
    (response) => response ?? copy(),
    () => copy(),
  );
}

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  // Routes live in the fragment, so a page of the site is a folder or a name without an extension: index.html.
  const page = request.mode === 'navigate' && url.href.startsWith(scope.href) && !/\.[^/]*$/.test(url.pathname);
  if (page) {
    event.respondWith(openPage(request));
    return;
  }
  // Every other file of the build comes from the copy without asking the network: a hashed script never changes under
  // its name, and the few unhashed files (the ASN table, the icons) are this build's until its successor takes over.
  if (!buildUrls.has(url.href)) return;
  event.respondWith(fromCopy(url.href).then((cached) => cached ?? fetch(request)));
});
