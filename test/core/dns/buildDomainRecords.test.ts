import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import {
  buildDomainRecords,
  dmarcRecordForReceivers,
  formatZoneSnippet,
  senderDkimPractice,
  type DomainSetup,
} from '../../../core/dns/buildDomainRecords';
import { checkRecordText } from '../../../core/dns/checkRecordText';
import { englishText, RECORD_TEXTS } from '../../../core/dns/recordTexts';
import { WIZARD_SERVICES } from '../../../core/analysis/findSendingService';

const base: DomainSetup = {
  domain: 'Example.COM.',
  senderIds: ['google-workspace', 'mailchimp'],
  ownNetworks: ['192.0.2.10', '2001:db8::/48'],
  ownHosts: ['mail.example.com'],
  mxSends: false,
  spfAll: '~',
  dmarc: { p: 'none', rua: [{ uri: 'mailto:dmarc@example.com' }], pct: 50, t: 'y', np: 'reject', extensions: [] },
  dmarcReceivers: 'both',
  dkimKeys: [],
  subdomains: [],
};

const spki = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 })
    .publicKey.export({ type: 'spki', format: 'der' })
    .toString('base64');

describe('buildDomainRecords', () => {
  it('writes SPF, DKIM of the services, DMARC', () => {
    const plan = buildDomainRecords(base);
    expect(plan.records.map((r) => [r.name, r.type, r.value])).toEqual([
      ['example.com', 'TXT', 'v=spf1 ip4:192.0.2.10 ip6:2001:db8::/48 a:mail.example.com include:_spf.google.com ~all'],
      ['google._domainkey.example.com', 'TXT', 'v=DKIM1; k=rsa; p=<key from the Admin console>'],
      ['k2._domainkey.example.com', 'CNAME', 'dkim2.mcsv.net'],
      ['k3._domainkey.example.com', 'CNAME', 'dkim3.mcsv.net'],
      ['_dmarc.example.com', 'TXT', 'v=DMARC1; p=none; np=reject; t=y; pct=50; rua=mailto:dmarc@example.com'],
    ]);
    // Mailchimp bounces with its own domain and is bulk mail on the main domain; p=none only monitors; pct is
    // historic for RFC 9989 receivers and means nothing beside t=y.
    expect(plan.issues.map((i) => i.code)).toEqual([
      'spf-lookups-estimate',
      'setup-spf-not-aligned',
      'dmarc-monitoring-only',
      'dmarc-historic-pct',
      'dmarc-test-mode-and-pct',
      'setup-subdomain-advice',
    ]);
    // a: and the include are 2 lookups; Google's record adds 3.
    expect(plan.issues[0]?.message).toBe(
      "5 of 10 lookups (estimate), counting what the included services' records cost as of 2025-01; turn on live lookups for the exact tree.",
    );
  });

  it('counts the SPF record it writes offline: seven services with includes are too many lookups (estimate)', () => {
    const senderIds = [
      'google-workspace',
      'microsoft-365',
      'amazon-ses',
      'sendgrid',
      'mailgun',
      'salesforce',
      'zendesk',
    ];
    const plan = buildDomainRecords({ ...base, senderIds, ownHosts: [], ownNetworks: [] });
    expect(plan.records[0]?.value).toBe(
      'v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:amazonses.com include:sendgrid.net include:mailgun.org include:_spf.salesforce.com include:mail.zendesk.com ~all',
    );
    const error = plan.issues.find((i) => i.severity === 'error');
    expect(error?.code).toBe('spf-too-many-lookups-estimate');
    expect(error?.message).toContain('about 15');
    // A service whose record is not known offline is named, never counted as free.
    const brevo = buildDomainRecords({ ...base, senderIds: ['brevo'], ownHosts: [], ownNetworks: [] });
    expect(brevo.issues.find((i) => i.code === 'spf-lookups-not-counted')?.message).toBe(
      '1 of 10 lookups at the top level, nested not counted (include:spf.brevo.com): turn on live lookups to count the whole tree.',
    );
  });

  it('writes the record for each kind of receiver', () => {
    const record = base.dmarc;
    expect(dmarcRecordForReceivers(record, 'rfc7489')).toEqual({ p: 'none', rua: record.rua, pct: 50, extensions: [] });
    expect(dmarcRecordForReceivers(record, 'rfc9989')).toEqual({
      p: 'none',
      rua: record.rua,
      t: 'y',
      np: 'reject',
      extensions: [],
    });
  });

  it('own DKIM keys, third-party rua authorization, subdomains, MTA-STS, TLS-RPT, BIMI', () => {
    const plan = buildDomainRecords({
      ...base,
      senderIds: ['google-workspace'],
      dkimKeys: [{ selector: 's202611', keyType: 'rsa', publicKey: spki() }],
      dmarc: { p: 'reject', rua: [{ uri: 'mailto:x@reports.example.net' }], extensions: [] },
      dmarcReceivers: 'rfc9989',
      subdomains: [{ label: 'news', senderIds: ['mailchimp', 'sendgrid'] }],
      mtaSts: { mode: 'testing', mx: ['mx1.example.com'], maxAgeDays: 7, id: '20261122' },
      tlsRptRua: ['mailto:tls@example.com'],
      bimi: { logoUrl: 'https://example.com/logo.svg' },
    });
    const names = plan.records.map((r) => r.name);
    expect(names).toEqual([
      'example.com',
      'google._domainkey.example.com',
      's202611._domainkey.example.com',
      '_dmarc.example.com',
      'example.com._report._dmarc.reports.example.net',
      'news.example.com',
      'k2._domainkey.news.example.com',
      'k3._domainkey.news.example.com',
      's1._domainkey.news.example.com',
      's2._domainkey.news.example.com',
      '_dmarc.news.example.com',
      '_mta-sts.example.com',
      '_smtp._tls.example.com',
      'default._bimi.example.com',
    ]);
    expect(plan.records[4]?.publishedBy).toBe('reports.example.net');
    expect(plan.records[5]?.value).toBe('v=spf1 include:sendgrid.net ~all');
    expect(plan.records[10]?.value).toBe('v=DMARC1; p=none; rua=mailto:x@reports.example.net');
    expect(plan.files).toEqual([
      {
        url: 'https://mta-sts.example.com/.well-known/mta-sts.txt',
        content: 'version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmax_age: 604800\r\n',
        purpose: 'MTA-STS policy file, served over HTTPS with a valid certificate for mta-sts.example.com',
        purposeText: { id: 'purpose.mta-sts-file', params: { domain: 'example.com' } },
      },
    ]);
    const codes = plan.issues.map((i) => i.code);
    // An own DKIM key, so p=reject is not without DKIM; p=reject, so BIMI has the enforcement it needs.
    expect(codes).toEqual([
      'spf-lookups-estimate',
      'dmarc-external-report-domain',
      'setup-spf-not-aligned',
      'setup-custom-return-path',
      'mta-sts-testing',
      'bimi-no-certificate',
    ]);

    // The zone snippet reads back in the checker as the same records, each valid.
    const zone = formatZoneSnippet(plan.records);
    expect(zone).not.toContain('_report._dmarc');
    const checked = checkRecordText(zone);
    expect(checked.map((c) => c.kind)).toEqual([
      'spf',
      'dkim',
      'dkim',
      'dmarc',
      'spf',
      'dmarc',
      'mta-sts',
      'tls-rpt',
      'bimi',
    ]);
    // Only Google's record is invalid: its key is the placeholder the Admin console replaces.
    expect(checked.map((c) => [c.name, c.valid])).toEqual([
      ['example.com', true],
      ['google._domainkey.example.com', false],
      ['s202611._domainkey.example.com', true],
      ['_dmarc.example.com', true],
      ['news.example.com', true],
      ['_dmarc.news.example.com', true],
      ['_mta-sts.example.com', true],
      ['_smtp._tls.example.com', true],
      ['default._bimi.example.com', true],
    ]);
    expect(zone).toMatch(
      /s202611\._domainkey\.example\.com\.\t3600\tIN\tTXT\t\( "v=DKIM1; k=rsa; p=[^"]{200,}"\n {2}"[^"]+" \)/,
    );
  });

  it('warns when nothing signs with DKIM and p=reject', () => {
    const plan = buildDomainRecords({ ...base, senderIds: [], dmarc: { p: 'reject', extensions: [] } });
    expect(plan.issues.map((i) => i.code)).toEqual(['setup-no-dkim', 'dmarc-reject-without-dkim', 'dmarc-no-rua']);
  });

  it('rejects bad input without throwing', () => {
    expect(buildDomainRecords({ ...base, domain: 'not a domain' }).issues[0]?.code).toBe('setup-invalid-domain');
    const codes = buildDomainRecords({
      ...base,
      ownNetworks: ['192.0.2.300', '10.0.0.0/40'],
      ownHosts: ['bad host'],
      senderIds: ['nope'],
      dkimKeys: [{ selector: 'bad_sel', keyType: 'rsa', publicKey: 'x' }],
      subdomains: [{ label: '-x', senderIds: [] }],
    }).issues.map((i) => i.code);
    expect(codes).toEqual([
      'setup-unknown-sender',
      'setup-invalid-host',
      'setup-invalid-network', // 192.0.2.300
      'setup-invalid-network', // a /40 prefix
      'setup-invalid-selector',
      'dmarc-monitoring-only',
      'dmarc-historic-pct',
      'dmarc-test-mode-and-pct',
      'setup-invalid-subdomain',
    ]);
  });
});

it('every service the wizard offers has its DKIM sentence, and its records point the user to the service', () => {
  for (const sender of WIZARD_SERVICES) {
    const practice = senderDkimPractice(sender);
    expect(practice).toEqual({ id: `sender.${sender.id}`, params: {} });
    expect(englishText(practice)).toBe(RECORD_TEXTS[practice.id]);
  }
  const plan = buildDomainRecords({ ...base, senderIds: ['flowmailer'], ownNetworks: [], ownHosts: [] });
  expect(plan.records.map((r) => [r.name, r.type, r.value, r.purpose])).toEqual([
    ['example.com', 'TXT', 'v=spf1 include:spf.flowmailer.net ~all', 'SPF: the servers allowed to send as this domain'],
    [
      '<selector>._domainkey.example.com',
      'CNAME',
      '<target shown by Flowmailer>',
      'DKIM for Flowmailer (set up at Flowmailer (Dashboard › Sender domains))',
    ],
    [
      '_dmarc.example.com',
      'TXT',
      'v=DMARC1; p=none; np=reject; t=y; pct=50; rua=mailto:dmarc@example.com',
      'DMARC policy and report addresses',
    ],
  ]);
  expect(plan.issues.find((i) => i.code === 'setup-custom-return-path')?.fix).toBe(
    'Set it up at Flowmailer (Dashboard › Sender domains).',
  );
});
