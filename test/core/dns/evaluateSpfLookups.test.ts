import { expect, it } from 'vitest';
import { evaluateSpfLookups } from '../../../core/dns/evaluateSpfLookups';
import { fakeResolver } from './fakeResolver';

it('counts lookups through the include tree (RFC 7208 §4.6.4)', async () => {
  const resolver = fakeResolver({
    'example.com': {
      TXT: ['v=spf1 include:_spf.example.net mx a:colo.example.com ip4:192.0.2.1 -all', 'other=text'],
      MX: ['mx.example.com'],
    },
    '_spf.example.net': { TXT: ['v=spf1 include:a.example.net include:b.example.net ~all'] },
    'a.example.net': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
    'b.example.net': { TXT: [['v=spf1 ip6:2001:db8::/32', ' -all']] },
    'colo.example.com': { A: ['192.0.2.9'] },
  });
  const result = await evaluateSpfLookups('example.com', resolver);
  expect(result.lookups).toBe(5);
  expect(result.voidLookups).toBe(0);
  expect(result.issues).toEqual([]);
  expect(result.root.children.map((child) => child.domain)).toEqual(['_spf.example.net']);
  expect(result.root.children[0]?.children.map((child) => child.record)).toEqual([
    'v=spf1 ip4:198.51.100.0/24 -all',
    'v=spf1 ip6:2001:db8::/32 -all',
  ]);
});

it('flags more than 10 lookups over the tree', async () => {
  const zone: Parameters<typeof fakeResolver>[0] = {
    'example.com': { TXT: ['v=spf1 include:one.example.net include:two.example.net -all'] },
    'one.example.net': {
      TXT: [`v=spf1 ${Array.from({ length: 5 }, (_, i) => `ip4:192.0.2.${i} a:h${i}.example.net`).join(' ')} -all`],
    },
    'two.example.net': { TXT: ['v=spf1 exists:x.example.net -all'] },
    'x.example.net': { A: ['127.0.0.2'] },
  };
  for (let i = 0; i < 5; i++) zone[`h${i}.example.net`] = { A: [`192.0.2.${i}`] };
  const result = await evaluateSpfLookups('example.com', fakeResolver(zone));
  expect(result.lookups).toBe(8);
  zone['two.example.net'] = {
    TXT: ['v=spf1 exists:x.example.net a:h1.example.net a:h2.example.net mx:h3.example.net -all'],
  };
  zone['h3.example.net'] = { MX: ['mx.example.net'] };
  const over = await evaluateSpfLookups('example.com', fakeResolver(zone));
  expect(over.lookups).toBe(11);
  expect(over.issues.map((i) => i.code)).toEqual(['spf-too-many-lookups']);
});

it('counts void lookups and reports includes without SPF, loops and DNS errors', async () => {
  const resolver = fakeResolver({
    'example.com': {
      TXT: [
        'v=spf1 include:gone.example.net include:loop.example.net a:nohost.example.com mx:nomx.example.com include:broken.example.net -all',
      ],
    },
    'loop.example.net': { TXT: ['v=spf1 include:example.com -all'] },
    'nomx.example.com': { A: ['192.0.2.1'] },
    'broken.example.net': 'SERVFAIL',
  });
  const result = await evaluateSpfLookups('example.com', resolver);
  expect(result.voidLookups).toBe(3);
  expect(result.issues.map((i) => i.code)).toEqual(['spf-too-many-void-lookups']);
  const childCodes = result.root.children.map((child) => child.issues.map((i) => i.code)[0]);
  expect(childCodes).toEqual(['spf-no-record', undefined, 'spf-temperror']);
  expect(result.root.children[1]?.children[0]?.issues[0]?.code).toBe('spf-include-loop');
});

it('a resolver that throws becomes a temperror, not an exception', async () => {
  const result = await evaluateSpfLookups('example.com', () => Promise.reject(new Error('offline')));
  expect(result.root.issues[0]?.code).toBe('spf-temperror');
});

it('evaluates a record before it is published (rootRecord)', async () => {
  const asked: string[] = [];
  const resolver = fakeResolver(
    { '_spf.example.net': { TXT: ['v=spf1 include:x.example.net -all'] }, 'x.example.net': { TXT: ['v=spf1 -all'] } },
    asked,
  );
  const result = await evaluateSpfLookups('example.com', resolver, {
    rootRecord: 'v=spf1 include:_spf.example.net ~all',
  });
  expect(result.lookups).toBe(2);
  expect(result.root.record).toBe('v=spf1 include:_spf.example.net ~all');
  expect(asked).toEqual(['_spf.example.net TXT', 'x.example.net TXT']);
});

it('flags redirect= beside all in an included record, where the redirect is never followed (RFC 7208 §6.1)', async () => {
  const asked: string[] = [];
  const resolver = fakeResolver(
    {
      'example.com': { TXT: ['v=spf1 include:_spf.example.net -all'] },
      '_spf.example.net': { TXT: ['v=spf1 ip4:192.0.2.0/24 redirect=_spf2.example.net ~all'] },
      '_spf2.example.net': { TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] },
    },
    asked,
  );
  const result = await evaluateSpfLookups('example.com', resolver);
  const included = result.root.children[0];
  expect(included?.issues.map((i) => [i.code, i.message])).toEqual([
    ['spf-redirect-ignored', 'redirect= is ignored when the record has an all mechanism (RFC 7208 §6.1).'],
  ]);
  expect(included?.children).toEqual([]);
  expect(result.lookups).toBe(1);
  expect(asked).toEqual(['example.com TXT', '_spf.example.net TXT']);
});
