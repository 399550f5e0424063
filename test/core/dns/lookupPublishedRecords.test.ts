// Live mode of the checker (core/dns/lookupPublishedRecords.ts): what a domain publishes, read through an
// injected resolver (a fake zone here) and checked.
import { expect, it } from 'vitest';
import { dmarcTreeWalk, lookupPublishedRecords } from '../../../core/dns/lookupPublishedRecords';
import { fakeResolver } from './fakeResolver';

it('lookupPublishedRecords reads and checks what a domain publishes', async () => {
  const asked: string[] = [];
  const resolver = fakeResolver(
    {
      'example.com': { TXT: ['v=spf1 include:_spf.example.net -all', 'verification=1'] },
      '_spf.example.net': { TXT: ['v=spf1 ip4:192.0.2.0/24 -all'] },
      '_dmarc.example.com': { TXT: ['v=DMARC1; p=reject; rua=mailto:r@reports.example.net'] },
      's1._domainkey.example.com': {
        TXT: [['v=DKIM1; k=ed25519; ', 'p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=']],
      },
      '_smtp._tls.example.com': { TXT: ['v=TLSRPTv1; rua=mailto:tls@example.com'] },
    },
    asked,
  );
  const report = await lookupPublishedRecords('Example.com', resolver, { dkimSelectors: ['s1', 's2'] });
  expect(report.checks.map((c) => [c.name, c.kind, c.valid])).toEqual([
    ['_dmarc.example.com', 'dmarc', true],
    ['example.com', 'spf', true],
    ['s1._domainkey.example.com', 'dkim', true],
    ['_smtp._tls.example.com', 'tls-rpt', true],
  ]);
  expect(report.spf?.lookups).toBe(1);
  expect(report.issues.map((i) => i.code)).toEqual([
    'dkim-missing',
    'mta-sts-missing',
    'bimi-missing',
    'dmarc-authorization-missing',
  ]);
  // The domain's TXT is asked twice: once for the record, once when the SPF lookups are followed from it.
  expect(asked).toEqual([
    '_dmarc.example.com TXT',
    'example.com TXT',
    'example.com TXT',
    '_spf.example.net TXT',
    's1._domainkey.example.com TXT',
    's2._domainkey.example.com TXT',
    '_mta-sts.example.com TXT',
    '_smtp._tls.example.com TXT',
    'default._bimi.example.com TXT',
    'example.com._report._dmarc.reports.example.net TXT',
  ]);
});

it('lookupPublishedRecords: two MTA-STS records are as good as none (RFC 8461 §3.1)', async () => {
  const report = await lookupPublishedRecords(
    'example.com',
    fakeResolver({ '_mta-sts.example.com': { TXT: ['v=STSv1; id=1', 'v=STSv1; id=2', 'unrelated'] } }),
  );
  expect(report.issues.map((i) => i.code)).toEqual([
    'dmarc-missing',
    'spf-missing',
    'mta-sts-multiple-records',
    'tls-rpt-missing',
    'bimi-missing',
  ]);
});

it('lookupPublishedRecords falls back to the organizational domain and reports DNS failures', async () => {
  const report = await lookupPublishedRecords(
    'mail.example.co.uk',
    fakeResolver({
      '_dmarc.example.co.uk': { TXT: ['v=DMARC1; p=none; rua=mailto:d@example.co.uk'] },
      'mail.example.co.uk': 'SERVFAIL',
    }),
  );
  expect(report.checks[0]?.name).toBe('_dmarc.example.co.uk');
  expect(report.issues.map((i) => [i.code, i.message])).toEqual([
    [
      'dmarc-inherited',
      'mail.example.co.uk has no DMARC record of its own; the record of example.co.uk applies (its sp= and np= tags govern subdomains).',
    ],
    ['lookup-failed', 'Could not look up mail.example.co.uk: SERVFAIL.'],
    ['mta-sts-missing', 'No MTA-STS record at _mta-sts.mail.example.co.uk.'],
    ['tls-rpt-missing', 'No TLS-RPT record at _smtp._tls.mail.example.co.uk.'],
    ['bimi-missing', 'No BIMI record at default._bimi.mail.example.co.uk.'],
  ]);
});

it('RFC 9989 tree walk: the domain, then parents from at most 7 labels down to the TLD', () => {
  expect(dmarcTreeWalk('mail.example.co.uk')).toEqual(['mail.example.co.uk', 'example.co.uk', 'co.uk', 'uk']);
  expect(dmarcTreeWalk('a.b.c.d.e.f.g.h.i.example')).toEqual([
    'a.b.c.d.e.f.g.h.i.example',
    'd.e.f.g.h.i.example',
    'e.f.g.h.i.example',
    'f.g.h.i.example',
    'g.h.i.example',
    'h.i.example',
    'i.example',
    'example',
  ]);
});

it('lookupPublishedRecords finds a policy published by an intermediate parent', async () => {
  const report = await lookupPublishedRecords(
    'x.dept.example.com',
    fakeResolver({
      '_dmarc.dept.example.com': { TXT: ['v=DMARC1; p=reject'] },
      '_dmarc.example.com': { TXT: ['v=DMARC1; p=none'] },
    }),
  );
  expect(report.checks[0]?.name).toBe('_dmarc.dept.example.com');
  // RFC 7489 receivers take the organizational domain instead, which the message says.
  expect(report.issues.find((i) => i.code === 'dmarc-inherited')?.message).toBe(
    'x.dept.example.com gets its DMARC policy from dept.example.com by the RFC 9989 tree walk; RFC 7489 receivers look at example.com instead.',
  );
});
