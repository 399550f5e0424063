// scripts/serve-site.mjs (`npm start`, the browser tests' server) started as it runs, on a free port, over a scratch
// build: hostile request targets get a 4xx, nothing outside the build is served, and the server stays up.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../site/contentSecurityPolicy.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'serve-site-'));
// The build sits next to a file it must never serve, and the name of a directory that only shares its prefix.
const site = join(scratch, 'site');
const INDEX = '<!doctype html><title>index</title>';
mkdirSync(join(site, 'assets'), { recursive: true });
writeFileSync(join(site, 'index.html'), INDEX);
writeFileSync(join(site, 'assets', 'app.js'), 'console.log(1);\n');
writeFileSync(join(site, 'assets', 'a b.css'), 'body{}\n');
writeFileSync(join(scratch, 'secret.txt'), 'SECRET');
mkdirSync(join(scratch, 'site-other'));
writeFileSync(join(scratch, 'site-other', 'secret.txt'), 'SECRET');

let server: ChildProcess;
let port = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  port = await freePort();
  server = spawn(process.execPath, ['scripts/serve-site.mjs', String(port)], {
    env: { ...process.env, SITE_DIR: site },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('served on') && resolve());
    server.once('exit', (code) => reject(new Error(`serve-site exited with ${code}`)));
  });
});

afterAll(() => {
  server.kill();
  rmSync(scratch, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with `target` sent as written (node:http does not normalize or re-encode a path). */
function ask(target: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The raw answer to raw bytes, for request lines node:http refuses to send. */
function askRaw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.end(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

async function stillServing(): Promise<void> {
  const answer = await ask('/');
  expect(answer.status).toBe(200);
  expect(answer.body).toBe(INDEX);
}

describe('serve-site', () => {
  it('serves the build with its content types and the security headers', async () => {
    const index = await ask('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    const script = await ask('/assets/app.js?v=1');
    expect([script.status, script.headers['content-type'], script.body]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'console.log(1);\n',
    ]);
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await ask('/assets/a%20b.css')).body).toBe('body{}\n');
    // The app's routes live in the fragment; a folder or an extensionless path is the app, a missing file is a 404.
    expect((await ask('/assets/')).body).toBe(INDEX);
    expect((await ask('/import')).body).toBe(INDEX);
    const missing = await ask('/assets/gone.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers malformed percent-encoding with 400 and stays up', async () => {
    for (const target of ['/%E0%A4%A', '/%', '/%zz', '/assets/%C0%AF', '/%ED%A0%80']) {
      expect((await ask(target)).status, target).toBe(400);
      await stillServing();
    }
  });

  it('never serves a file outside the build, however the path is spelled', async () => {
    for (const target of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%00',
      '/index.html%00.js',
      '/../site-other/secret.txt',
    ]) {
      const answer = await ask(target);
      expect(answer.status, target).toBe(400);
      expect(answer.body, target).not.toContain('SECRET');
    }
    // Sent raw: a target that is not a path at all, and a request line Node's parser refuses.
    expect(await askRaw('GET http://127.0.0.1/../secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 400 /,
    );
    expect(await askRaw('GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await askRaw('\u0000\u0001garbage\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    await stillServing();
  });

  it('refuses overlong targets with 414 and answers HEAD without a body', async () => {
    expect((await ask(`/${'a'.repeat(5000)}`)).status).toBe(414);
    expect((await ask(`/${'%41'.repeat(1000)}`)).status).toBe(414);
    const head = await ask('/assets/app.js', 'HEAD');
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, '16', '']);
    const post = await ask('/', 'POST');
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
    await stillServing();
  });
});
