import { expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRecordText, detectRecordKind } from '../../../core/dns/checkRecordText';

it('recognises each record kind', () => {
  expect(detectRecordKind('v=DMARC1; p=none')).toBe('dmarc');
  expect(detectRecordKind('v=spf1 -all')).toBe('spf');
  expect(detectRecordKind('k=rsa; p=MIGf')).toBe('dkim');
  expect(detectRecordKind('p=', 's1._domainkey.example.com')).toBe('dkim');
  expect(detectRecordKind('v=STSv1; id=1')).toBe('mta-sts');
  expect(detectRecordKind('version: STSv1\nmode: none')).toBe('mta-sts-policy');
  expect(detectRecordKind('v=TLSRPTv1; rua=mailto:a@b.example')).toBe('tls-rpt');
  expect(detectRecordKind('v=BIMI1; l=')).toBe('bimi');
  expect(detectRecordKind('v=DMARC1', 'example.com._report._dmarc.example.net')).toBe('dmarc-authorization');
  expect(detectRecordKind('google-site-verification=abc')).toBe('unknown');
});

it('checks a lone value, quoted or not', () => {
  const [check] = checkRecordText('  "v=DMARC1; p=reject; " "rua=mailto:d@example.com"\n');
  expect(check).toMatchObject({ kind: 'dmarc', valid: true, text: 'v=DMARC1; p=reject; rua=mailto:d@example.com' });
  expect(check?.explanation.map((e) => e.tag)).toEqual(['v', 'p', 'rua']);
  const [bad] = checkRecordText('v=spf1 include:_spf.google.com ptr +all');
  expect(bad?.issues.map((i) => i.code)).toEqual(['spf-plus-all', 'spf-ptr']);
  expect(checkRecordText('   ')).toEqual([]);
  // Told the domain, a lone DMARC value is checked where it is published.
  const [external] = checkRecordText('v=DMARC1; p=none; rua=mailto:r@reports.example.net', { domain: 'Example.com' });
  expect(external?.name).toBe('_dmarc.example.com');
  expect(external?.issues.map((i) => i.code)).toEqual(['dmarc-monitoring-only', 'dmarc-external-report-domain']);
  expect(checkRecordText('"v=spf1 -all')[0]?.issues[0]?.code).toBe('unclosed-quote');
});

it('checks a zone snippet: comments, TTL/class, parentheses, several SPF records at one name', () => {
  const zone = [
    '; our records',
    'example.com.  3600 IN TXT "v=spf1 mx -all" ; main',
    'example.com.  IN TXT "v=spf1 include:_spf.google.com ~all"',
    '_dmarc.example.com. 300 IN TXT ( "v=DMARC1; p=quarantine; "',
    '   "rua=mailto:r@reports.example.net" )',
    'default._bimi.example.com. IN TXT "v=BIMI1; l=https://example.com/logo.svg"',
    'www.example.com. IN CNAME example.com.',
  ].join('\n');
  const checks = checkRecordText(zone);
  expect(checks.map((c) => [c.name, c.kind])).toEqual([
    ['example.com', 'spf'],
    ['example.com', 'spf'],
    ['_dmarc.example.com', 'dmarc'],
    ['default._bimi.example.com', 'bimi'],
  ]);
  expect(checks[0]?.issues[0]?.code).toBe('spf-multiple-records');
  expect(checks[2]?.issues.map((i) => i.code)).toEqual(['dmarc-external-report-domain']);
  // BIMI sees the DMARC record from the same snippet.
  expect(checks[3]?.issues.map((i) => i.code)).toEqual(['bimi-no-certificate']);
});

it('never throws on arbitrary input', () => {
  fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => void checkRecordText(text)));
  fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => void checkRecordText(`x IN TXT ${text}`)));
});
