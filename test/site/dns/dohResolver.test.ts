// The site's DNS-over-HTTPS client against a DoH JSON server on localhost that answers as Cloudflare's and Google's do
// (application/dns-json: Status is the RCODE, Answer lists the records with their RR type and presentation data).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOH_SERVERS, askDnsJson, lookupOverHttps, type DohServer } from '../../../site/src/dns/dohResolver';

/** The server's answers by `name type`: a status code and a body. */
const ANSWERS: Record<string, [number, string]> = {};
const asked: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
let server: Server;
let doh: DohServer;

function answer(name: string, type: string, body: unknown, status = 200): void {
  ANSWERS[`${name} ${type}`] = [status, typeof body === 'string' ? body : JSON.stringify(body)];
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    asked.push({ url: request.url ?? '', headers: request.headers });
    const [status, body] = ANSWERS[`${url.searchParams.get('name')} ${url.searchParams.get('type')}`] ?? [404, ''];
    response.writeHead(status, { 'content-type': 'application/dns-json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  doh = { id: 'local', name: 'Local DoH', endpoint: `http://127.0.0.1:${port}/dns-query` };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const question = (name: string, type: number) => [{ name, type }];

describe('DOH_SERVERS', () => {
  it('are Cloudflare’s and Google’s JSON endpoints', () => {
    expect(DOH_SERVERS).toEqual([
      { id: 'cloudflare', name: 'Cloudflare (cloudflare-dns.com)', endpoint: 'https://cloudflare-dns.com/dns-query' },
      { id: 'google', name: 'Google (dns.google)', endpoint: 'https://dns.google/resolve' },
    ]);
  });
});

describe('askDnsJson', () => {
  it('asks with name and type in the query and accepts dns-json, sending no cookie and no referrer', async () => {
    const body = { Status: 3, Question: question('nothing.example', 16) };
    answer('nothing.example', 'TXT', body);
    asked.length = 0;
    expect(await askDnsJson(doh, 'nothing.example', 'TXT')).toEqual({ ok: true, json: body });
    expect(asked.map((a) => a.url)).toEqual(['/dns-query?name=nothing.example&type=TXT']);
    expect(asked[0]!.headers.accept).toBe('application/dns-json');
    expect(asked[0]!.headers.cookie).toBeUndefined();
    expect(asked[0]!.headers.referer).toBeUndefined();
  });
});

describe('lookupOverHttps', () => {
  const lookup = () => lookupOverHttps(doh);

  it('TXT: each record’s character-strings, quotes and escapes read', async () => {
    answer('_dmarc.example.com', 'TXT', {
      Status: 0,
      Question: question('_dmarc.example.com', 16),
      Answer: [
        { name: '_dmarc.example.com', type: 16, TTL: 300, data: '"v=DMARC1; p=reject; rua=mailto:dmarc@example.com"' },
      ],
    });
    expect(await lookup()('_dmarc.example.com', 'TXT')).toEqual({
      status: 'ok',
      answers: [['v=DMARC1; p=reject; rua=mailto:dmarc@example.com']],
    });
    answer('example.com', 'TXT', {
      Status: 0,
      Answer: [
        { name: 'example.com', type: 16, TTL: 300, data: '"v=spf1 include:_spf.google.com " "~all"' },
        { name: 'example.com', type: 16, TTL: 300, data: '"google-site-verification=a\\"b"' },
      ],
    });
    expect(await lookup()('example.com', 'TXT')).toEqual({
      status: 'ok',
      answers: [['v=spf1 include:_spf.google.com ', '~all'], ['google-site-verification=a"b']],
    });
  });

  it('keeps only records of the asked type: the CNAME chain that led to them is left out', async () => {
    answer('_mta-sts.example.com', 'TXT', {
      Status: 0,
      Answer: [
        { name: '_mta-sts.example.com', type: 5, TTL: 300, data: 'mta-sts.provider.example.' },
        { name: 'mta-sts.provider.example', type: 16, TTL: 300, data: '"v=STSv1; id=20240101"' },
      ],
    });
    expect(await lookup()('_mta-sts.example.com', 'TXT')).toEqual({
      status: 'ok',
      answers: [['v=STSv1; id=20240101']],
    });
  });

  it('MX: the host without its preference and final dot; CNAME: the target without its dot; A: the address', async () => {
    answer('example.com', 'MX', {
      Status: 0,
      Answer: [
        { name: 'example.com', type: 15, TTL: 300, data: '1 aspmx.l.google.com.' },
        { name: 'example.com', type: 15, TTL: 300, data: '10 alt3.aspmx.l.google.com.' },
      ],
    });
    expect(await lookup()('example.com', 'MX')).toEqual({
      status: 'ok',
      answers: [['aspmx.l.google.com'], ['alt3.aspmx.l.google.com']],
    });
    answer('s1._domainkey.example.com', 'CNAME', {
      Status: 0,
      Answer: [{ name: 's1._domainkey.example.com', type: 5, TTL: 300, data: 's1.domainkey.u1.wl.sendgrid.net.' }],
    });
    expect(await lookup()('s1._domainkey.example.com', 'CNAME')).toEqual({
      status: 'ok',
      answers: [['s1.domainkey.u1.wl.sendgrid.net']],
    });
    answer('mta-sts.example.com', 'A', {
      Status: 0,
      Answer: [{ name: 'mta-sts.example.com', type: 1, TTL: 300, data: '192.0.2.10' }],
    });
    expect(await lookup()('mta-sts.example.com', 'A')).toEqual({ status: 'ok', answers: [['192.0.2.10']] });
  });

  it('NXDOMAIN (RCODE 3), and a name with no record of the type', async () => {
    answer('_dmarc.nothing.example', 'TXT', { Status: 3, Question: question('_dmarc.nothing.example', 16) });
    expect(await lookup()('_dmarc.nothing.example', 'TXT')).toEqual({ status: 'nxdomain' });
    answer('www.example.com', 'TXT', {
      Status: 0,
      Answer: [{ name: 'www.example.com', type: 5, TTL: 300, data: 'example.com.' }],
    });
    expect(await lookup()('www.example.com', 'TXT')).toEqual({ status: 'nodata' });
    answer('bare.example', 'TXT', { Status: 0 });
    expect(await lookup()('bare.example', 'TXT')).toEqual({ status: 'nodata' });
  });

  it('another RCODE, or a body that is not a DoH answer, is an error', async () => {
    answer('servfail.example', 'TXT', { Status: 2, Question: question('servfail.example', 16) });
    expect(await lookup()('servfail.example', 'TXT')).toEqual({
      status: 'error',
      message: 'DNS error code 2',
      text: { id: 'dns.rcode', params: { code: '2' } },
    });
    answer('odd.example', 'TXT', '["not", "an", "answer"]');
    expect(await lookup()('odd.example', 'TXT')).toEqual({
      status: 'error',
      message: 'DNS error code undefined',
      text: { id: 'dns.rcode', params: { code: 'undefined' } },
    });
    // Records that are not objects or carry no text are skipped.
    answer('junk.example', 'TXT', { Status: 0, Answer: [null, 7, { type: 16 }, { type: 16, data: 5 }] });
    expect(await lookup()('junk.example', 'TXT')).toEqual({ status: 'nodata' });
  });

  it('an HTTP error or a body that is not JSON names the server', async () => {
    answer('limited.example', 'TXT', 'Too many requests', 429);
    expect(await lookup()('limited.example', 'TXT')).toEqual({
      status: 'error',
      message: 'Local DoH answered HTTP 429',
      text: { id: 'dns.http-status', params: { server: 'Local DoH', status: '429' } },
    });
    // A captive portal's page: an error naming the server and what was wrong with the body.
    answer('html.example', 'TXT', '<html>captive portal</html>');
    expect(await lookup()('html.example', 'TXT')).toEqual({
      status: 'error',
      message:
        'Local DoH answered, but not with a DNS answer (a captive portal or a proxy page can do this): try again on another network',
      text: { id: 'dns.not-dns-json', params: { server: 'Local DoH' } },
    });
  });

  it('a server that cannot be reached is an error naming it', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const gone = { id: 'gone', name: 'Gone DoH', endpoint: `http://127.0.0.1:${port}/dns-query` };
    expect(await lookupOverHttps(gone)('example.com', 'TXT')).toEqual({
      status: 'error',
      message: 'Gone DoH could not be reached (TypeError: fetch failed)',
      text: { id: 'dns.unreachable', params: { server: 'Gone DoH', error: 'TypeError: fetch failed' } },
    });
  });
});
