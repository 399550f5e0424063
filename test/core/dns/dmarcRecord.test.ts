import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkDmarcRecord,
  explainDmarcRecord,
  externalReportAuthorizations,
  formatDmarcRecord,
  parseDmarcRecord,
  type DmarcRecord,
} from '../../../core/dns/dmarcRecord';

function parsed(text: string): DmarcRecord {
  const result = parseDmarcRecord(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.record;
}

describe('parseDmarcRecord: RFC 7489 appendix B examples', () => {
  it('B.2.1 monitoring record', () => {
    expect(parsed('v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com')).toEqual({
      p: 'none',
      rua: [{ uri: 'mailto:dmarc-feedback@example.com' }],
      extensions: [],
    });
  });
  it('B.2.3 quarantine at 25% with a third-party ruf', () => {
    const record = parsed(
      'v=DMARC1; p=quarantine; rua=mailto:dmarc-feedback@example.com; ruf=mailto:auth-reports@thirdparty.example.net; pct=25',
    );
    expect(record.p).toBe('quarantine');
    expect(record.pct).toBe(25);
    expect(externalReportAuthorizations('example.com', record)).toEqual([
      'example.com._report._dmarc.thirdparty.example.net',
    ]);
  });
  it('size suffixes and several URIs', () => {
    const record = parsed('v=DMARC1; p=reject; rua=mailto:a@example.com,mailto:b@thirdparty.example.net!10m');
    expect(record.rua).toEqual([
      { uri: 'mailto:a@example.com' },
      { uri: 'mailto:b@thirdparty.example.net', maxSize: '10m' },
    ]);
  });
  it('RFC 9989 tags np, psd and t', () => {
    expect(parsed('v=DMARC1; p=reject; np=reject; psd=n; t=y')).toEqual({
      p: 'reject',
      np: 'reject',
      psd: 'n',
      t: 'y',
      extensions: [],
    });
  });
});

describe('parseDmarcRecord: tricky input', () => {
  it('needs v=DMARC1 first and exactly', () => {
    for (const text of ['p=none; v=DMARC1', 'v=dmarc1; p=none', 'v=DMARC2; p=none', '', 'v=spf1 -all'])
      expect(parseDmarcRecord(text).ok, text).toBe(false);
  });
  it('tolerates whitespace, case and a trailing semicolon', () => {
    expect(parsed('v = DMARC1 ;P=Reject;  ADKIM=S ;')).toEqual({ p: 'reject', adkim: 's', extensions: [] });
  });
  it('rejects bad values with a message naming the tag', () => {
    const result = parseDmarcRecord('v=DMARC1; p=block; pct=150; fo=2');
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(['dmarc-invalid-p', 'dmarc-invalid-pct', 'dmarc-invalid-fo']);
  });
  it('a repeated tag invalidates the record', () => {
    expect(parseDmarcRecord('v=DMARC1; p=none; p=reject').issues[0]?.code).toBe('dmarc-duplicate-tag');
  });
  it('keeps unknown tags with a warning (RFC 7489 §6.3: receivers ignore them)', () => {
    const result = parseDmarcRecord('v=DMARC1; p=none; foo=bar');
    expect(result.ok && result.record.extensions).toEqual([{ name: 'foo', value: 'bar' }]);
    expect(result.issues[0]?.code).toBe('dmarc-unknown-tag');
  });
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => void parseDmarcRecord(`v=DMARC1; ${text}`)));
  });
});

describe('checkDmarcRecord', () => {
  const codes = (text: string, context = {}) => checkDmarcRecord(parsed(text), context).map((i) => i.code);
  it('warns about p=reject without DKIM and a missing rua', () => {
    expect(codes('v=DMARC1; p=reject', { dkimConfigured: false })).toEqual([
      'dmarc-reject-without-dkim',
      'dmarc-no-rua',
    ]);
  });
  it('names the authorization record a third-party rua needs', () => {
    const issues = checkDmarcRecord(parsed('v=DMARC1; p=none; rua=mailto:r@reports.example.net'), {
      policyDomain: 'example.com',
    });
    expect(issues.find((i) => i.code === 'dmarc-external-report-domain')?.message).toBe(
      "Reports go to another organization's domain: it must publish a TXT record example.com._report._dmarc.reports.example.net with the value v=DMARC1, or receivers will not send them.",
    );
  });
  it('does not ask authorization for a subdomain of the same organization', () => {
    expect(codes('v=DMARC1; p=none; rua=mailto:r@mail.example.co.uk', { policyDomain: 'shop.example.co.uk' })).toEqual([
      'dmarc-monitoring-only',
    ]);
  });
  it('more than two report addresses', () => {
    expect(codes('v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.com,mailto:c@example.com')).toEqual([
      'dmarc-monitoring-only',
      'dmarc-many-rua',
    ]);
  });
  it('fo= without ruf= does nothing', () => {
    expect(codes('v=DMARC1; p=none; fo=1; rua=mailto:a@example.com')).toEqual([
      'dmarc-monitoring-only',
      'dmarc-fo-without-ruf',
    ]);
  });
  it('flags historic tags and psd=y', () => {
    expect(codes('v=DMARC1; p=quarantine; pct=10; ri=3600; psd=y; rua=mailto:a@example.com')).toEqual([
      'dmarc-historic-pct',
      'dmarc-historic-ri',
      'dmarc-psd',
    ]);
  });
});

it('explainDmarcRecord gives one sentence per tag', () => {
  const explained = explainDmarcRecord(
    parsed('v=DMARC1; p=reject; sp=quarantine; adkim=s; fo=1:d; rua=mailto:a@example.com'),
  );
  expect(explained.map((e) => e.tag)).toEqual(['v', 'p', 'sp', 'adkim', 'fo', 'rua']);
  expect(explained[1]?.meaning).toBe(
    'Policy for the domain itself: receivers refuse mail that fails DMARC during the SMTP transaction.',
  );
  expect(explained[4]?.meaning).toBe(
    'Failure reports are requested when any check fails, or when a DKIM signature fails.',
  );
});

const policy = fc.constantFrom('none' as const, 'quarantine' as const, 'reject' as const);
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const reportUri = fc.record(
  {
    uri: fc
      .tuple(fc.stringMatching(/^[a-z0-9._+-]{1,12}$/), label, label)
      .map(([local, a, b]) => `mailto:${local}@${a}.${b}`),
    maxSize: fc.stringMatching(/^[0-9]{1,4}[kmgt]?$/),
  },
  { requiredKeys: ['uri'] },
);
const dmarcRecordArbitrary = fc.record(
  {
    p: policy,
    sp: policy,
    np: policy,
    adkim: fc.constantFrom('r' as const, 's' as const),
    aspf: fc.constantFrom('r' as const, 's' as const),
    pct: fc.integer({ min: 0, max: 100 }),
    fo: fc.array(fc.constantFrom('0' as const, '1' as const, 'd' as const, 's' as const), {
      minLength: 1,
      maxLength: 4,
    }),
    rua: fc.array(reportUri, { minLength: 1, maxLength: 3 }),
    ruf: fc.array(reportUri, { minLength: 1, maxLength: 2 }),
    rf: fc.constant<string[]>(['afrf']),
    ri: fc.integer({ min: 0, max: 0xffffffff }),
    psd: fc.constantFrom('y' as const, 'n' as const, 'u' as const),
    t: fc.constantFrom('y' as const, 'n' as const),
    extensions: fc.uniqueArray(
      fc.record({ name: fc.stringMatching(/^x[a-z0-9_]{0,6}$/), value: fc.stringMatching(/^[a-zA-Z0-9.:/@-]{0,10}$/) }),
      { selector: (tag) => tag.name, maxLength: 2 },
    ),
  },
  { requiredKeys: ['extensions'] },
);

it('parse(format(x)) = x for every DMARC record (fast-check)', () => {
  fc.assert(
    fc.property(dmarcRecordArbitrary, (record) => {
      const result = parseDmarcRecord(formatDmarcRecord(record));
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.record).toEqual(record);
    }),
    { numRuns: 300 },
  );
});

it('an empty report list is left out rather than written as an empty tag', () => {
  expect(formatDmarcRecord({ p: 'none', rua: [], ruf: [], fo: [], extensions: [] })).toBe('v=DMARC1; p=none');
});
