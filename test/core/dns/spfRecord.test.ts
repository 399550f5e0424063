import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkSpfRecord,
  checkSpfRecordCount,
  countDirectSpfLookups,
  explainSpfRecord,
  formatSpfRecord,
  parseSpfRecord,
  type SpfRecord,
  type SpfTerm,
} from '../../../core/dns/spfRecord';

function parsed(text: string): SpfRecord {
  const result = parseSpfRecord(text);
  if (!result.ok) throw new Error(`${text}: ${JSON.stringify(result.issues)}`);
  return result.record;
}

describe('parseSpfRecord: RFC 7208 appendix A examples', () => {
  const examples = [
    'v=spf1 +all',
    'v=spf1 a -all',
    'v=spf1 a:example.org -all',
    'v=spf1 mx -all',
    'v=spf1 mx:example.org -all',
    'v=spf1 mx mx:example.org -all',
    'v=spf1 mx/30 mx:example.org/30 -all',
    'v=spf1 ptr -all',
    'v=spf1 ip4:192.0.2.128/28 -all',
    'v=spf1 +mx a:colo.example.com/28 -all',
    'v=spf1 -exists:%{ir}.sbl.example.org',
    'v=spf1 mx -all exp=explain._spf.%{d}',
    'v=spf1 redirect=_spf.example.com',
    'v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all',
    'v=spf1 -ip4:192.0.2.0/24 +all',
    'v=spf1 ip6:2001:db8::/32 ip6:2001:db8:1::1 -all',
    'v=spf1 a//64 a:example.org/24//64 ~all',
  ];
  for (const text of examples)
    it(text, () => {
      expect(formatSpfRecord(parsed(text))).toBe(text);
    });

  it('reads qualifiers, cidr lengths and modifiers into terms', () => {
    expect(parsed('v=spf1 mx:example.org/30//64 ?ip4:192.0.2.1 exp=x.example.com').terms).toEqual([
      { kind: 'mechanism', name: 'mx', domainSpec: 'example.org', ip4Cidr: 30, ip6Cidr: 64 },
      { kind: 'mechanism', name: 'ip4', qualifier: '?', ip: '192.0.2.1' },
      { kind: 'modifier', name: 'exp', value: 'x.example.com' },
    ]);
  });
});

describe('parseSpfRecord: errors are permerrors', () => {
  const bad = {
    'v=spf1 include': 'spf-invalid-include',
    'v=spf1 ip4:192.0.2.300 -all': 'spf-invalid-ip4',
    'v=spf1 ip4:192.0.2.0/33 -all': 'spf-invalid-ip4',
    'v=spf1 ip6:2001:db8:::1 -all': 'spf-invalid-ip6',
    'v=spf1 include:example -all': 'spf-invalid-include',
    'v=spf1 all:example.com': 'spf-invalid-all',
    'v=spf1 a/33': 'spf-invalid-a',
    'v=spf1 ipv4:192.0.2.1 -all': 'spf-unknown-mechanism',
    'v=spf1 redirect=a.example.com redirect=b.example.com': 'spf-duplicate-redirect',
    'spf1 -all': 'spf-missing-version',
    'v=spf10 -all': 'spf-missing-version',
    'v=spf1\t-all': 'spf-missing-version',
  };
  for (const [text, code] of Object.entries(bad))
    it(text, () => {
      const result = parseSpfRecord(text);
      expect(result.ok).toBe(false);
      expect(result.issues.map((i) => i.code)).toContain(code);
    });
  it('never throws', () => fc.assert(fc.property(fc.string(), (text) => void parseSpfRecord(`v=spf1 ${text}`))));
});

describe('checkSpfRecord', () => {
  const codes = (text: string) => checkSpfRecord(parsed(text)).map((i) => i.code);
  it('+all, ?all, no all', () => {
    expect(codes('v=spf1 +all')).toEqual(['spf-plus-all']);
    expect(codes('v=spf1 mx all')).toEqual(['spf-plus-all']);
    expect(codes('v=spf1 mx ?all')).toEqual(['spf-neutral-all']);
    expect(codes('v=spf1 mx')).toEqual(['spf-no-all']);
  });
  it('~all and -all advice', () => {
    expect(codes('v=spf1 mx ~all')).toEqual(['spf-softfail-all']);
    expect(codes('v=spf1 mx -all')).toEqual(['spf-fail-all']);
  });
  it('ptr, duplicates, terms after all, redirect next to all', () => {
    expect(codes('v=spf1 ptr mx +mx -all a redirect=x.example.com')).toEqual([
      'spf-fail-all',
      'spf-redirect-ignored',
      'spf-terms-after-all',
      'spf-ptr',
      'spf-duplicate-term',
    ]);
  });
  it('include=… is an ignored modifier, not an include', () => {
    expect(codes('v=spf1 include=_spf.google.com -all')).toEqual(['spf-fail-all', 'spf-modifier-typo']);
    expect(countDirectSpfLookups(parsed('v=spf1 include=_spf.google.com redirect=_spf.example.com'))).toBe(1);
    // Beside all, redirect is never followed (RFC 7208 §6.1) and costs no lookup.
    expect(countDirectSpfLookups(parsed('v=spf1 mx redirect=_spf.example.com -all'))).toBe(1);
  });
  it('counts lookups and flags more than ten in the record itself', () => {
    const text = `v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:s${i}.example.com`).join(' ')} -all`;
    expect(countDirectSpfLookups(parsed(text))).toBe(11);
    // 7 + ten includes of 22 characters and one of 23, with their spaces, + 5: 265, more than one 255-byte TXT string.
    expect(text.length).toBe(265);
    expect(codes(text)).toEqual(['spf-fail-all', 'spf-too-many-lookups', 'spf-split-strings']);
  });
  it('more than one SPF record is a permerror (RFC 7208 §4.5)', () => {
    expect(checkSpfRecordCount(['v=spf1 -all', 'google-site-verification=x', 'v=spf1 mx -all'])[0]?.code).toBe(
      'spf-multiple-records',
    );
    expect(checkSpfRecordCount(['v=spf1 -all', 'v=spf10 x'])).toEqual([]);
  });
});

it('explainSpfRecord', () => {
  const explained = explainSpfRecord(parsed('v=spf1 include:_spf.google.com ip4:192.0.2.0/24 ~all'));
  expect(explained.map((e) => e.meaning)).toEqual([
    'Marks the record as SPF version 1.',
    'Servers allowed by the SPF record of _spf.google.com: pass (one DNS lookup, plus whatever that record costs).',
    'The address range 192.0.2.0/24: pass (no DNS lookup).',
    'Every other server: softfail.',
  ]);
});

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
const plainDomain = fc.tuple(label, fc.stringMatching(/^[a-z]{2,6}$/)).map(([a, tld]) => `${a}.${tld}`);
// RFC 7208 §7.1 macro-strings are domain-specs too: kept as written, since they are expanded per message.
const macroDomain = fc.constantFrom(
  '%{ir}.sbl.example.org',
  '_spf.%{d2}',
  '%{l1r-}.%{o}',
  '%{ir}.%{v}._spf.%{d}',
  'x%%y.example.com',
);
const domain = fc.oneof({ arbitrary: plainDomain, weight: 4 }, { arbitrary: macroDomain, weight: 1 });
const qualifier = fc.option(fc.constantFrom('+' as const, '-' as const, '~' as const, '?' as const), {
  nil: undefined,
});
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));
const withQualifier = <T extends object>(term: T, q: '+' | '-' | '~' | '?' | undefined) =>
  q === undefined ? term : { ...term, qualifier: q };
const term: fc.Arbitrary<SpfTerm> = fc.oneof(
  fc
    .tuple(qualifier, fc.constantFrom('all' as const))
    .map(([q, name]) => withQualifier({ kind: 'mechanism' as const, name }, q)),
  fc
    .tuple(qualifier, fc.constantFrom('include' as const, 'exists' as const), domain)
    .map(([q, name, d]) => withQualifier({ kind: 'mechanism' as const, name, domainSpec: d }, q)),
  fc
    .tuple(
      qualifier,
      fc.constantFrom('a' as const, 'mx' as const),
      fc.option(domain, { nil: undefined }),
      fc.option(fc.nat(32), { nil: undefined }),
      fc.option(fc.nat(128), { nil: undefined }),
    )
    .map(([q, name, d, c4, c6]) =>
      withQualifier(
        {
          kind: 'mechanism' as const,
          name,
          ...(d === undefined ? {} : { domainSpec: d }),
          ...(c4 === undefined ? {} : { ip4Cidr: c4 }),
          ...(c6 === undefined ? {} : { ip6Cidr: c6 }),
        },
        q,
      ),
    ),
  fc
    .tuple(qualifier, ipv4, fc.option(fc.nat(32), { nil: undefined }))
    .map(([q, ip, c]) =>
      withQualifier(
        { kind: 'mechanism' as const, name: 'ip4' as const, ip, ...(c === undefined ? {} : { ip4Cidr: c }) },
        q,
      ),
    ),
  fc
    .tuple(qualifier, fc.ipV6(), fc.option(fc.nat(128), { nil: undefined }))
    .map(([q, ip, c]) =>
      withQualifier(
        { kind: 'mechanism' as const, name: 'ip6' as const, ip, ...(c === undefined ? {} : { ip6Cidr: c }) },
        q,
      ),
    ),
  domain.map((value) => ({ kind: 'modifier' as const, name: 'x-note', value })),
);

it('parse(format(x)) = x for SPF records (fast-check)', () => {
  fc.assert(
    fc.property(fc.array(term, { maxLength: 8 }), fc.option(domain, { nil: undefined }), (terms, redirect) => {
      const record: SpfRecord = {
        terms: redirect ? [...terms, { kind: 'modifier', name: 'redirect', value: redirect }] : terms,
      };
      const result = parseSpfRecord(formatSpfRecord(record));
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.record).toEqual(record);
    }),
    { numRuns: 300 },
  );
});
