// Serves the built site (dist/site) as a static SPA for browser tests: no Vite, no network, no caching surprises.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

// SITE_DIR serves another build (a benchmark of a build made elsewhere while dist/site is rebuilt by someone else).
const root = process.env.SITE_DIR ? `${process.env.SITE_DIR.replace(/\/$/, '')}/` : new URL('../dist/site/', import.meta.url).pathname;
const port = Number(process.argv[2] ?? 4174);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.gz': 'application/gzip',
  '.zip': 'application/zip',
  '.xml': 'application/xml',
};

async function resolveFile(urlPath) {
  const safe = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(root, safe);
  try {
    if ((await stat(candidate)).isFile()) return candidate;
  } catch {}
  return join(root, 'index.html');
}

createServer(async (req, res) => {
  const path = await resolveFile(new URL(req.url ?? '/', 'http://x').pathname);
  try {
    const body = await readFile(path);
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`dist/site served on http://127.0.0.1:${port}`));
