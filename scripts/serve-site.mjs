// Serves the built site (dist/site) as a static app for `npm start` and the browser tests: no Vite, no network, no
// caching surprises. Every request is answered, whatever its target: a malformed one gets a 4xx and the server stays up.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../site/contentSecurityPolicy.mjs';

// SITE_DIR serves another build (a benchmark of a build made elsewhere while dist/site is rebuilt by someone else).
const root = resolve(process.env.SITE_DIR ?? new URL('../dist/site/', import.meta.url).pathname);
const port = Number(process.argv[2] ?? 4174);

/** Longest request target read at all: the build's longest path is under 100 characters, so anything this long is junk. */
const MAX_TARGET_CHARS = 2048;

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.gz': 'application/gzip',
  '.zip': 'application/zip',
  '.xml': 'application/xml',
};

/** Sent with every answer, errors included. */
const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * The file a request target names under `root`, or the status refusing it. Targets are checked after decoding, so
 * that `%2e%2e%2f` is refused like `../`; nothing outside `root` is ever opened.
 */
async function fileForTarget(target) {
  if (target.length > MAX_TARGET_CHARS) return { status: 414 };
  // Origin-form only (RFC 9112 §3.2.1): absolute-form and `*` are for proxies and OPTIONS, neither of which this is.
  if (!target.startsWith('/')) return { status: 400 };
  const rawPath = target.split(/[?#]/, 1)[0];
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return { status: 400 };
  const file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) return { status: 400 };
  const found = await stat(file).catch(() => undefined);
  if (found?.isFile()) return { file };
  // Routes are in the fragment (#/import), so only the root and folders are the app; a missing file is missing.
  if (found?.isDirectory() || extname(path) === '') return { file: resolve(root, 'index.html') };
  return { status: 404 };
}

function answer(req, res, status, headers, body) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-length': body.byteLength, ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    answer(
      req,
      res,
      405,
      { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' },
      Buffer.from('method not allowed\n'),
    );
    return;
  }
  const found = await fileForTarget(req.url ?? '/');
  if (found.status) {
    answer(req, res, found.status, { 'content-type': 'text/plain; charset=utf-8' }, Buffer.from(`${found.status}\n`));
    return;
  }
  const body = await readFile(found.file);
  answer(req, res, 200, { 'content-type': types[extname(found.file)] ?? 'application/octet-stream' }, body);
}

const server = createServer((req, res) => {
  handle(req, res).catch(() => {
    // A file that vanished between stat and read, or any other surprise: this request fails, the server does not.
    if (!res.headersSent) answer(req, res, 500, { 'content-type': 'text/plain; charset=utf-8' }, Buffer.from('500\n'));
    else res.destroy();
  });
});
// Requests Node cannot even parse (bad request lines, oversized headers) are answered 400 and the connection closed.
server.on('clientError', (error, socket) => {
  if (socket.writable && !socket.destroyed)
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  else socket.destroy();
});
server.listen(port, '127.0.0.1', () => console.log(`dist/site served on http://127.0.0.1:${port}`));
