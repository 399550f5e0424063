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
  expect(bad?.issues.map((i) => i.code)).toEqual(['spf-plus-all', 'spf-ptr', 'spf-lookups-estimate']);
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

it('records pasted one per line are separate records, each judged', () => {
  const key =
    'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyGCgNr1xgHZnsSeVRCg3nYyxiZq8R8mcRw4jeM7ZKQiMlzNXZ6Ic8S5Wcwfz2bp7Npou+GQsKsqDFnbrQKY/7c8ozzqUc8BBqxuo6t8ByJyOlHTuVD4fVTRiSeIR0L+vlQeQ9UuLMsDjdGS7PWo9QgJ6/oNsrXhKXBI/OAjzI7Di8X7mUbcS8aAfxRkHYwVX6PmU2RSGZ4uS7w4K7g6jNZIS3qmzG4Tx8Tm3jtSy/RsRYOmGVglP4Ckgb/qJqnz8S4x5J9qpDj5u0vmH2Y+mRiO1Ye4z4TETdORDT4NUh5OdCi4LAwuR7pjwpBPjeQUfaPkp2Uqp0ZLWBWn2u5GuUwIDAQAB';
  const checks = checkRecordText(['sp=none', 'v=spf1 +all', `v=DKIM1; k=rsa; p=${key}`].join('\n'));
  expect(checks.map((c) => [c.kind, c.text, c.valid])).toEqual([
    ['unknown', 'sp=none', false],
    ['spf', 'v=spf1 +all', true],
    ['dkim', `v=DKIM1; k=rsa; p=${key}`, true],
  ]);
  expect(checks[1]?.issues.map((i) => i.code)).toEqual(['spf-plus-all']);
  expect(checks.some((c) => c.text.includes('sp=none v=spf1'))).toBe(false);
});

it('keeps a record together where a line plainly goes on: after ";", inside quotes, SPF terms, a wrapped key', () => {
  const [dmarc, spf, dkim, quoted] = checkRecordText(
    [
      'v=DMARC1; p=quarantine;',
      '  rua=mailto:r@example.org',
      'v=spf1 ip4:192.0.2.0/24',
      '  include:_spf.google.com -all',
      'v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHO',
      'g7hcvPapiMlrwIaaPcHURo=',
      '"v=DMARC1; p=reject; "',
      '"rua=mailto:d@example.org"',
    ].join('\n'),
  );
  expect(dmarc).toMatchObject({ kind: 'dmarc', valid: true, text: 'v=DMARC1; p=quarantine; rua=mailto:r@example.org' });
  expect(spf).toMatchObject({ kind: 'spf', text: 'v=spf1 ip4:192.0.2.0/24 include:_spf.google.com -all' });
  expect(dkim).toMatchObject({ kind: 'dkim', valid: true });
  expect(dkim?.explanation.find((e) => e.tag === 'p')?.meaning).toBe('The public key: Ed25519.');
  expect(quoted).toMatchObject({ kind: 'dmarc', valid: true, text: 'v=DMARC1; p=reject; rua=mailto:d@example.org' });
});

it('v=DMARC1 p=reject: the missing semicolon is named, not "must start with v=DMARC1"', () => {
  const [check] = checkRecordText('v=DMARC1 p=reject');
  expect(check?.kind).toBe('dmarc');
  expect(check?.valid).toBe(false);
  expect(check?.issues.map((i) => [i.code, i.message, i.fix])).toEqual([
    [
      'dmarc-missing-semicolon',
      '"v=DMARC1 p=reject" runs tags together: separate tags with ";", as in v=DMARC1; p=reject.',
      'Put a semicolon between every two tags.',
    ],
  ]);
  const [later] = checkRecordText('v=DMARC1; p=none rua=mailto:d@example.org');
  expect(later?.issues.map((i) => i.message)).toEqual([
    '"p=none rua=mailto:d@example.org" runs tags together: separate tags with ";", as in p=none; rua=mailto:d@example.org.',
  ]);
  // The same slip in an MTA-STS record.
  expect(checkRecordText('v=STSv1 id=20261205')[0]?.issues.map((i) => i.code)).toEqual(['mta-sts-missing-semicolon']);
});
