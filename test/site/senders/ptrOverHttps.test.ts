// Reverse DNS for the Senders page: PTR questions through the site's DoH client (a DoH JSON server on localhost,
// answering as Cloudflare's does), and the week-long cache of answers in IndexedDB (fake-indexeddb in Node).
import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cachedReverseDns, ptrOverHttps, reverseDnsCache } from '../../../site/src/senders/ptrOverHttps';
import type { DohServer } from '../../../site/src/dns/dohResolver';

const ANSWERS: Record<string, unknown> = {
  // 209.85.220.41: one of Google's outbound mail servers.
  '41.220.85.209.in-addr.arpa': {
    Status: 0,
    Question: [{ name: '41.220.85.209.in-addr.arpa', type: 12 }],
    Answer: [{ name: '41.220.85.209.in-addr.arpa', type: 12, TTL: 3600, data: 'mail-sor-f41.google.com.' }],
  },
  '9.113.0.203.in-addr.arpa': { Status: 3, Question: [{ name: '9.113.0.203.in-addr.arpa', type: 12 }] },
  '1.2.0.192.in-addr.arpa': { Status: 2 },
};
const asked: string[] = [];
let server: Server;
let doh: DohServer;

beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.url ?? '');
    const name = new URL(request.url ?? '/', 'http://localhost').searchParams.get('name') ?? '';
    response.writeHead(200, { 'content-type': 'application/dns-json' }).end(JSON.stringify(ANSWERS[name] ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  doh = { id: 'local', name: 'Local DoH', endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/q` };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => vi.useRealTimers());

describe('ptrOverHttps', () => {
  it('asks for PTR records and reads the names without their final dot', async () => {
    asked.length = 0;
    const resolve = ptrOverHttps(doh);
    expect(await resolve('41.220.85.209.in-addr.arpa')).toEqual({ status: 'ok', names: ['mail-sor-f41.google.com'] });
    expect(asked).toEqual(['/q?name=41.220.85.209.in-addr.arpa&type=PTR']);
  });

  it('NXDOMAIN is no name; another RCODE and an unreachable server are errors', async () => {
    const resolve = ptrOverHttps(doh);
    expect(await resolve('9.113.0.203.in-addr.arpa')).toEqual({ status: 'none' });
    expect(await resolve('1.2.0.192.in-addr.arpa')).toEqual({ status: 'error', message: 'DNS error code 2.' });
    const gone = ptrOverHttps({ ...doh, name: 'Gone DoH', endpoint: 'http://127.0.0.1:9/q' });
    expect(await gone('41.220.85.209.in-addr.arpa')).toEqual({
      status: 'error',
      message: 'Gone DoH could not be reached (TypeError: fetch failed)',
    });
  });
});

describe('reverseDnsCache', () => {
  const T = Date.parse('2026-03-01T12:00:00Z');
  const WEEK = 7 * 24 * 60 * 60 * 1000;

  it('gives an answer back for a week, then asks again', async () => {
    vi.useFakeTimers({ now: T, toFake: ['Date'] });
    await reverseDnsCache.set('209.85.220.41', ['mail-sor-f41.google.com']);
    expect(await reverseDnsCache.get('209.85.220.41')).toEqual(['mail-sor-f41.google.com']);
    vi.setSystemTime(T + WEEK - 1);
    expect(await reverseDnsCache.get('209.85.220.41')).toEqual(['mail-sor-f41.google.com']);
    vi.setSystemTime(T + WEEK);
    expect(await reverseDnsCache.get('209.85.220.41')).toBeUndefined();
    expect(await reverseDnsCache.get('192.0.2.1')).toBeUndefined();
  });

  it('cachedReverseDns: the fresh names of the addresses it has, without asking the network', async () => {
    vi.useFakeTimers({ now: T, toFake: ['Date'] });
    await reverseDnsCache.set('40.107.22.53', ['mail-am6eur05on2053.outbound.protection.outlook.com']);
    vi.setSystemTime(T + WEEK - 1000);
    await reverseDnsCache.set('2a00:1450:4864:20::336', ['mail-wm1-x336.google.com']);
    await reverseDnsCache.set('198.51.100.7', []);
    asked.length = 0;
    expect(await cachedReverseDns(['40.107.22.53', '2a00:1450:4864:20::336', '203.0.113.9', '198.51.100.7'])).toEqual(
      new Map([
        ['40.107.22.53', ['mail-am6eur05on2053.outbound.protection.outlook.com']],
        ['2a00:1450:4864:20::336', ['mail-wm1-x336.google.com']],
        ['198.51.100.7', []],
      ]),
    );
    vi.setSystemTime(T + WEEK);
    expect([...(await cachedReverseDns(['40.107.22.53', '2a00:1450:4864:20::336'])).keys()]).toEqual([
      '2a00:1450:4864:20::336',
    ]);
    expect(asked).toEqual([]);
  });
});
