import { expect, it } from 'vitest';
import { buildDomainRecords } from '../../../core/dns/buildDomainRecords';
import { compareWithPublished } from '../../../core/dns/compareWithPublished';
import { fakeResolver } from './fakeResolver';

it('says which generated records are published, different, missing or still to fill in', async () => {
  const plan = buildDomainRecords({
    domain: 'example.com',
    senderIds: ['google-workspace', 'mailchimp'],
    ownNetworks: [],
    ownHosts: [],
    mxSends: true,
    spfAll: '~',
    dmarc: { p: 'quarantine', rua: [{ uri: 'mailto:d@example.com' }], extensions: [] },
    dmarcReceivers: 'both',
    dkimKeys: [],
    subdomains: [],
    tlsRptRua: ['mailto:tls@example.com'],
  });
  const resolver = fakeResolver({
    'example.com': { TXT: ['v=spf1 mx include:_spf.google.com ~all', 'google-site-verification=x'] },
    // Spaces around separators do not make a record different.
    '_dmarc.example.com': { TXT: [['v=DMARC1;p=quarantine; ', 'rua=mailto:d@example.com;']] },
    'google._domainkey.example.com': { TXT: ['v=DKIM1; k=rsa; p=MIIB'] },
    'k2._domainkey.example.com': { CNAME: ['dkim2.mcsv.net.'] },
    'k3._domainkey.example.com': { CNAME: ['dkim9.mcsv.net'] },
    '_smtp._tls.example.com': 'SERVFAIL',
  });
  const checks = await compareWithPublished(plan.records, resolver);
  expect(checks.map((c) => [c.record.name, c.status, c.found])).toEqual([
    ['example.com', 'published', ['v=spf1 mx include:_spf.google.com ~all']],
    ['google._domainkey.example.com', 'placeholder-present', ['v=DKIM1; k=rsa; p=MIIB']],
    ['k2._domainkey.example.com', 'published', ['dkim2.mcsv.net']],
    ['k3._domainkey.example.com', 'different', ['dkim9.mcsv.net']],
    ['_dmarc.example.com', 'published', ['v=DMARC1;p=quarantine; rua=mailto:d@example.com;']],
    ['_smtp._tls.example.com', 'error', []],
  ]);
  const missing = await compareWithPublished(plan.records.slice(0, 1), fakeResolver({}));
  expect(missing[0]?.status).toBe('missing');
  const other = await compareWithPublished(
    plan.records.slice(0, 1),
    fakeResolver({ 'example.com': { TXT: ['v=spf1 -all'] } }),
  );
  expect(other[0]).toMatchObject({ status: 'different', found: ['v=spf1 -all'] });
});
