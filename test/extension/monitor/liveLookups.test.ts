// The watch's live lookups without a browser: off until turned on, the one host permission of the chosen server
// (declared in the manifest from the site's own server list), and what a `_dmarc` answer gives the drift check.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DOH_SERVERS } from '../../../site/src/dns/dohResolver';
import { DOH_ORIGINS } from '../../../extension/monitor/dohHosts';
import {
  DEFAULT_LIVE_LOOKUPS,
  dohPermission,
  lookupPublishedPolicies,
  readLiveLookups,
  writeLiveLookups,
} from '../../../extension/monitor/liveLookups';
import { fakeResolver } from '../../core/dns/fakeResolver';

beforeEach(() => fakeBrowser.reset());

describe('live lookup settings', () => {
  it('are off with the first server until saved, and read back a server that does not exist as the first', async () => {
    expect(await readLiveLookups()).toEqual({ enabled: false, server: 'cloudflare' });
    expect(DEFAULT_LIVE_LOOKUPS).toEqual({ enabled: false, server: 'cloudflare' });
    await writeLiveLookups({ enabled: true, server: 'google' });
    expect(await readLiveLookups()).toEqual({ enabled: true, server: 'google' });
    await fakeBrowser.storage.local.set({ liveLookups: { enabled: 'yes', server: 'elsewhere' } });
    expect(await readLiveLookups()).toEqual({ enabled: false, server: 'cloudflare' });
  });

  it('ask for one host, and the manifest declares exactly the site’s servers as optional', () => {
    expect(DOH_SERVERS.map(dohPermission)).toEqual([
      { origins: ['https://cloudflare-dns.com/*'] },
      { origins: ['https://dns.google/*'] },
    ]);
    expect(DOH_SERVERS.flatMap((server) => dohPermission(server).origins)).toEqual(DOH_ORIGINS);
  });
});

describe('lookupPublishedPolicies', () => {
  it('reads one DMARC record per domain, and says why none applies where none does', async () => {
    const asked: string[] = [];
    const resolver = fakeResolver(
      {
        // Split into two character-strings, as long records are: joined before reading.
        '_dmarc.example.com': { TXT: [['v=DMARC1; p=reject; sp=quarantine; ', 'adkim=s; pct=50; t=y; np=none']] },
        '_dmarc.none.example': { TXT: ['v=spf1 -all'] },
        '_dmarc.two.example': { TXT: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] },
        '_dmarc.broken.example': { TXT: ['v=DMARC1; p=maybe'] },
        '_dmarc.failing.example': 'SERVFAIL',
      },
      asked,
    );
    const domains = ['example.com', 'none.example', 'two.example', 'broken.example', 'failing.example', 'gone.example'];
    const { policies, problems, failed } = await lookupPublishedPolicies(domains, resolver);
    // Each of these is its own organizational domain: one question each.
    expect(asked).toEqual(domains.map((domain) => `_dmarc.${domain} TXT`));
    expect([...policies]).toEqual([
      ['example.com', { p: 'reject', sp: 'quarantine', np: 'none', adkim: 's', pct: 50, testing: 'y' }],
    ]);
    // RFC 7489 §6.6.3: a TXT record without the version tag is no DMARC record; two records, or one that cannot be
    // read, leave no policy to apply; no answer at all (NXDOMAIN) is no record.
    expect([...problems]).toEqual([
      ['none.example', 'missing'],
      ['two.example', 'several'],
      ['broken.example', 'unreadable'],
      ['gone.example', 'missing'],
    ]);
    expect(failed).toEqual(['failing.example']);
  });

  it('takes the organizational domain’s record for a subdomain without one of its own, as receivers do', async () => {
    const asked: string[] = [];
    const resolver = fakeResolver(
      {
        '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject; sp=quarantine'] },
        '_dmarc.mail.example.com': { TXT: ['google-site-verification=abc'] },
        '_dmarc.own.example.com': { TXT: ['v=DMARC1; p=none'] },
        '_dmarc.two.example.com': { TXT: ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] },
        '_dmarc.example.co.uk': 'SERVFAIL',
      },
      asked,
    );
    const domains = ['mail.example.com', 'own.example.com', 'two.example.com', 'shop.example.org', 'a.example.co.uk'];
    const { policies, problems, failed } = await lookupPublishedPolicies(domains, resolver);
    expect(asked).toEqual([
      '_dmarc.mail.example.com TXT',
      '_dmarc.example.com TXT',
      '_dmarc.own.example.com TXT',
      // Several records of its own end the search: the organizational domain is not asked.
      '_dmarc.two.example.com TXT',
      '_dmarc.shop.example.org TXT',
      '_dmarc.example.org TXT',
      '_dmarc.a.example.co.uk TXT',
      '_dmarc.example.co.uk TXT',
    ]);
    expect([...policies]).toEqual([
      ['mail.example.com', { p: 'reject', sp: 'quarantine' }],
      ['own.example.com', { p: 'none' }],
    ]);
    expect([...problems]).toEqual([
      ['two.example.com', 'several'],
      ['shop.example.org', 'missing'],
    ]);
    // The organizational domain's server failing leaves the subdomain unjudged this time, not missing.
    expect(failed).toEqual(['a.example.co.uk']);
  });

  it('reads the committed DNS-JSON answer the browser test serves as p=quarantine', async () => {
    const json = JSON.parse(readFileSync('test/fixtures/dns/dmarc-hello-charly.com.json', 'utf8')) as {
      Answer: Array<{ data: string }>;
    };
    // The presentation text of the answer, quotes taken off as the DoH resolver does.
    const text = json.Answer[0]!.data.slice(1, -1);
    const { policies } = await lookupPublishedPolicies(
      ['hello-charly.com'],
      fakeResolver({ '_dmarc.hello-charly.com': { TXT: [text] } }),
    );
    expect(policies.get('hello-charly.com')).toEqual({ p: 'quarantine' });
  });
});
