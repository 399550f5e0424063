import { describe, expect, it } from 'vitest';
import { domainsAlign, organizationalDomain } from '../../../core/report/alignment';

describe('organizational domain (RFC 7489 §3.2, Public Suffix List)', () => {
  it.each([
    ['mail.example.com', 'example.com'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['Example.COM.', 'example.com'],
    ['foo.github.io', 'foo.github.io'],
    ['localhost', 'localhost'],
  ])('%s → %s', (domain, org) => expect(organizationalDomain(domain)).toBe(org));
});

describe('domainsAlign (RFC 7489 §3.1)', () => {
  it('relaxed: same organizational domain', () => {
    expect(domainsAlign('bounce.example.com', 'news.example.com', 'r')).toBe(true);
    expect(domainsAlign('example.net', 'example.com', 'r')).toBe(false);
  });
  it('strict: identical names only, case-insensitive', () => {
    expect(domainsAlign('EXAMPLE.com', 'example.com', 's')).toBe(true);
    expect(domainsAlign('bounce.example.com', 'example.com', 's')).toBe(false);
  });
  it('empty domains never align', () => expect(domainsAlign('', '', 'r')).toBe(false));
});
