// The records pages' catalogue (core/i18n/{en,nl}/dns.ts and dnsTexts.ts) against itself and against what core/dns says:
// English and Dutch have the same keys and parameters, every sentence core can produce has both, and a Dutch
// rendering of core's output leaves no parameter unfilled.
import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { assessNextStep } from '../../../core/dns/assessNextStep';
import {
  buildDomainRecords,
  EMPTY_DOMAIN_SETUP,
  formatZoneSnippet,
  senderDkimPractice,
  type DomainSetup,
} from '../../../core/dns/buildDomainRecords';
import { checkRecordText } from '../../../core/dns/checkRecordText';
import { compareWithPublished } from '../../../core/dns/compareWithPublished';
import { dkimConfigSnippets } from '../../../core/dns/dkimConfigSnippets';
import { explainDmarcTag } from '../../../core/dns/dmarcRecord';
import { evaluateSpfLookups } from '../../../core/dns/evaluateSpfLookups';
import { lookupPublishedRecords } from '../../../core/dns/lookupPublishedRecords';
import {
  RECORD_TEXTS,
  renderRecordText,
  type DnsRecordSentence,
  type RecordTextId,
} from '../../../core/dns/recordTexts';
import { buildRolloutPlan } from '../../../core/dns/rolloutPlan';
import { WIZARD_SERVICES } from '../../../core/analysis/findSendingService';
import type { DnsResolver } from '../../../core/dns/types';
import type { AggregateRecord } from '../../../core/report/types';
import { dnsEn, dnsNl, dnsTextsEn, dnsTextsNl } from '../../../core/i18n';
import { recordTextKey } from '../../../core/dns/recordTexts';
import { aggregateRow } from './aggregateRow';
import { fakeResolver } from './fakeResolver';

/** The DNS records pages' part of the catalogue (their own words and core/dns's sentences), per language. */
const recordsEn = { ...dnsEn, ...dnsTextsEn };
const recordsNl: Record<keyof typeof recordsEn, string> = { ...dnsNl, ...dnsTextsNl };

type Key = keyof typeof recordsEn;
const keys = Object.keys(recordsEn) as Key[];
const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** Every sentence inside a value core returned, nested parameters included. */
function collectTexts(value: unknown, found: DnsRecordSentence[] = []): DnsRecordSentence[] {
  if (Array.isArray(value)) for (const item of value) collectTexts(item, found);
  else if (typeof value === 'object' && value !== null) {
    if (typeof (value as DnsRecordSentence).id === 'string' && typeof (value as DnsRecordSentence).params === 'object')
      found.push(value as DnsRecordSentence);
    for (const child of Object.values(value)) collectTexts(child, found);
  }
  return found;
}

const spki = (bits: number) =>
  generateKeyPairSync('rsa', { modulusLength: bits })
    .publicKey.export({ type: 'spki', format: 'der' })
    .toString('base64');

/** A wide sample of what core/dns says: the checker on good and broken records, the wizard, rollout, live mode. */
async function sampleOutput(): Promise<unknown[]> {
  const pasted = [
    'v=DMARC1; p=reject; pct=50; rua=mailto:a@x.example.net,mailto:b@y.example,mailto:c@z.example!10m; ruf=https://x; fo=0:1:d:s; rf=afrf; ri=3600; psd=y; sp=none; np=quarantine; t=y; adkim=s; aspf=r; foo=bar',
    'v=DMARC1; p=bogus; adkim=q; pct=101; fo=2; ri=x; psd=q; t=q; rua=notauri; v=DMARC1',
    'v=DMARC1;; p=none; p=reject; bad; 9x=1',
    'v=DMARC1; psd=n; t=n; aspf=s; adkim=r',
    'v=dmarc1; p=none',
    'v=DMARC1; p=none; V=DMARC1',
    'v=DMARC1; p=none; fo=1; x=a\u0001b',
    'v=DMARC1; p=quarantine; sp=none; fo=1',
    'p=none',
    'v=spf1 ptr include:_spf.google.com +all mx',
    'v=spf1 include=foo.com a a mx:bad..x ip4:1.2.3.4/40 ip6:zz all:x exists include ip4 ip6:2001:db8::/200 a/99 mx//200 redirect=x.com redirect=y.com exp=e.com exp=f.com foo=%{x} 9=1',
    `v=spf1 a mx exists:%{i}.x.example ${'include:i.example '.repeat(9)}redirect=z.example ${'ip4:192.0.2.1 '.repeat(40)}?all`,
    'v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a:x.example.com/24//64 exp=explain.example.com foo=bar -all',
    'v=spf1 redirect=_spf.example.com',
    'v=DMARC1 p=reject',
    'v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:sendgrid.net include:mailgun.org include:_spf.salesforce.com include:spf.example.net ~all',
    'v=spf1 include:_spf.google.com include:spf.example.net ~all',
    'v=spf1 include:_spf.google.com include:spf.protection.outlook.com include:amazonses.com include:sendgrid.net include:mailgun.org include:_spf.salesforce.com ~all',
    'v=spf1 -all\u00e9',
    'v=spf1 foo -all',
    'v=spf1.all',
    'v=spf1 include:nodot -all',
    'v=spf1 mx',
    'v=spf1 include=foo.example -all',
    'v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=',
    'v=DKIM1; k=rsa; p=',
    `v=DKIM1; k=rsa; h=sha1; t=y:s:q; s=chat; n=note; p=${spki(1024)}`,
    `v=DKIM1; p=${spki(512)}`,
    'v=DKIM1; k=rsa',
    'v=DKIM1; k=foo; p=AAAA',
    'v=DKIM2; p=abc',
    'k=foo; p=!!!',
    'k=rsa; p=AAAA; x=1',
    'v=STSv1; id=2026; ext=1',
    'v=STSv1; id=bad-id!',
    'v=STSv1',
    'v=stsv1; id=1',
    'v=TLSRPTv1; rua=mailto:a@b.example,ftp://x; z=1',
    'v=TLSRPTv1; rua=mailto:tls@example.com',
    'v=tlsrptv1; rua=mailto:tls@example.com',
    'v=TLSRPTv1',
    'v=BIMI1; l=http://example.com/logo.png; a=ftp://x',
    'v=BIMI1; l=',
    'v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem; q=1',
    'v=BIMI1',
    'v=bimi1; l=',
    'hello world',
    '"unclosed',
    'version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: bad host\nmax_age: 86400\nfoo: bar\nversion: STSv1',
    'version: STSv1\nmode: testing\nmx: *.example.net\nmax_age: 604800',
    'version: STSv1\nmode: none\nmax_age: 86400',
    'version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 604800',
    'version: STSv1\nmode: enforce\nmax_age: 86400',
    'version: STSv1\nnot a line\nmode: x\nmax_age: x',
    'version: STSv1.0\nmode: none\nmax_age: 1',
  ];
  const output: unknown[] = pasted.map((text) => checkRecordText(text));
  output.push(
    checkRecordText(
      [
        '_dmarc.example.com. IN TXT "v=DMARC1; p=reject; rua=mailto:x@other.example"',
        'example.com._report._dmarc.other.example. IN TXT "v=DMARC1"',
        'example.com. IN TXT "v=spf1 -all"',
        'example.com. IN TXT "v=spf1 ~all"',
        'bad IN TXT "unclosed',
      ].join('\n'),
    ),
  );
  for (const tag of ['v', 'p', 'sp', 'np', 'adkim', 'aspf', 'pct', 'fo', 'rua', 'ruf', 'rf', 'ri', 'psd', 't', 'zz'])
    for (const value of ['none', 'quarantine', 'reject', 'weird', 's', 'y', 'n', '0:1:d:s:x', 'a,b'])
      output.push(explainDmarcTag(tag, value));

  const setup: DomainSetup = {
    domain: 'example.com',
    senderIds: [...WIZARD_SERVICES.map((s) => s.id), 'nope'],
    ownNetworks: ['192.0.2.1', 'bad/net'],
    ownHosts: ['mail.example.com', 'bad host'],
    mxSends: true,
    spfAll: '-',
    dmarc: {
      p: 'reject',
      rua: [{ uri: 'mailto:x@reports.example.net' }],
      ruf: [{ uri: 'mailto:f@example.com' }],
      fo: ['1'],
      pct: 20,
      t: 'y',
      psd: 'y',
      extensions: [],
    },
    dmarcReceivers: 'both',
    dkimKeys: [
      { selector: 'bad selector!', keyType: 'rsa', publicKey: 'AAAA' },
      { selector: 'k', keyType: 'rsa', publicKey: '!!' },
      { selector: 's1', keyType: 'rsa', publicKey: spki(1024) },
      { selector: 'ed', keyType: 'ed25519', publicKey: '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=' },
    ],
    subdomains: [
      { label: 'news', senderIds: ['mailchimp', 'sendgrid'] },
      { label: 'Bad_Label', senderIds: ['mailchimp'] },
    ],
    mtaSts: { mode: 'enforce', mx: [], maxAgeDays: 1, id: '1' },
    bimi: { logoUrl: 'https://example.com/logo.png' },
  };
  const plans = [
    buildDomainRecords(setup),
    buildDomainRecords({ ...setup, domain: 'not a domain' }),
    buildDomainRecords({
      ...setup,
      senderIds: ['mailchimp'],
      dkimKeys: [],
      subdomains: [],
      tlsRptRua: ['mailto:t@example.com'],
      mtaSts: { mode: 'testing', mx: ['mx.example.com'], maxAgeDays: 7, id: '2' },
    }),
    buildDomainRecords({ ...setup, senderIds: [], dkimKeys: [], subdomains: [], mtaSts: undefined, bimi: undefined }),
  ];
  output.push(plans, WIZARD_SERVICES.map(senderDkimPractice));
  output.push(dkimConfigSnippets({ domain: 'example.com', selector: 's1', keyType: 'ed25519' }));
  for (const flavour of ['rfc7489', 'rfc9989'] as const)
    output.push(buildRolloutPlan({ flavour, start: new Date('2026-01-01'), base: { extensions: [] } }));

  const row = (partial: Partial<AggregateRecord> & Pick<AggregateRecord, 'sourceIp' | 'count'>) =>
    aggregateRow({ headerFrom: 'example.com', ...partial });
  const records = [
    row({
      sourceIp: '192.0.2.1',
      count: 1000,
      dkimResults: [{ domain: 'example.com', result: 'pass' }],
      spfResults: [{ domain: 'example.com', result: 'pass' }],
    }),
    row({
      sourceIp: '192.0.2.2',
      count: 15,
      dkimResults: [{ domain: 'sendgrid.net', result: 'pass' }],
      spfResults: [{ domain: 'sendgrid.net', result: 'pass' }],
    }),
    row({ sourceIp: '192.0.2.3', count: 30, dkimResults: [{ domain: 'example.com', result: 'fail' }] }),
    row({ sourceIp: '192.0.2.4', count: 20 }),
  ];
  for (const next of [
    { policy: 'quarantine', testing: true },
    { policy: 'reject', testing: false },
  ] as const)
    for (const mode of ['r', 's'] as const)
      for (const count of [0, 2, 4])
        output.push(assessNextStep(records.slice(0, count), { domain: 'example.com', next, adkim: mode, aspf: mode }));
  output.push(
    assessNextStep([records[0]!, { ...records[1]!, count: 200 }], {
      domain: 'example.com',
      next: { policy: 'reject', testing: false },
    }),
  );
  output.push(assessNextStep([records[3]!], { domain: 'example.com', next: { policy: 'reject', testing: false } }));

  const resolver = fakeResolver({
    'example.org': {
      TXT: [
        'v=spf1 include:a.example include:loop.example include:none.example include:down.example mx mx:nomx.example a:nx.example exists:nx.example -all',
      ],
      MX: Array.from({ length: 12 }, (_, i) => `mx${i}.example.org`),
    },
    'down.example': 'SERVFAIL',
    'nomx.example': { TXT: ['hello'] },
    'two.example': { TXT: ['v=spf1 -all', 'v=spf1 ~all'] },
    'a.example': { TXT: ['v=spf1 include:bad.example ?all'] },
    'bad.example': { TXT: ['v=spf1 bogus'] },
    'loop.example': { TXT: ['v=spf1 include:loop.example'] },
    'none.example': { TXT: ['hello'] },
    '_dmarc.example.org': { TXT: ['v=DMARC1; p=reject; rua=mailto:x@other.example', 'v=DMARC1; p=none'] },
    's1._domainkey.example.org': 'SERVFAIL',
    '_mta-sts.example.org': { TXT: ['v=STSv1; id=1', 'v=STSv1; id=2'] },
    'sub.example.net': { TXT: ['v=spf1 -all'] },
    '_dmarc.example.net': { TXT: ['v=DMARC1; p=none'] },
    '_dmarc.a.b.example.net': { TXT: ['v=DMARC1; p=none'] },
    'x.a.b.example.net': { TXT: ['v=spf1 -all'] },
  });
  for (const domain of ['example.org', 'two.example', 'sub.example.net', 'x.a.b.example.net', 'nothing.example'])
    output.push(await lookupPublishedRecords(domain, resolver, { dkimSelectors: ['s1', 's2'] }));
  output.push(await lookupPublishedRecords('example.com', () => Promise.reject(new Error('boom'))));
  output.push(
    await lookupPublishedRecords('example.com', (() => Promise.resolve(undefined)) as unknown as DnsResolver),
  );
  const includes = Array.from({ length: 45 }, (_, i) => `include:i${i}.example`).join(' ');
  output.push(await evaluateSpfLookups('example.org', resolver, { rootRecord: `v=spf1 ${includes} -all` }));
  output.push(await compareWithPublished(plans[2]!.records, () => Promise.reject(new Error('boom'))));
  return output;
}

describe('records catalogue', () => {
  it('has the same keys in English and Dutch', () => {
    expect(Object.keys(recordsNl).sort()).toEqual([...keys].sort());
  });

  it('keeps every parameter of the English in the Dutch, and adds none', () => {
    const mismatched = keys.filter((key) => params(recordsEn[key]).join() !== params(recordsNl[key]).join());
    expect(mismatched).toEqual([]);
  });

  it('translates every sentence: no Dutch entry is empty or a copy of an English sentence', () => {
    const words = (text: string) => text.replace(/\{\w+\}/g, '').match(/\p{L}{2,}/gu) ?? [];
    expect(keys.filter((key) => recordsNl[key].trim() === '')).toEqual([]);
    expect(keys.filter((key) => words(recordsEn[key]).length >= 4 && recordsNl[key] === recordsEn[key])).toEqual([]);
  });

  it('names each key by the part of the records pages it belongs to, apart from the dashboard’s records.* keys', () => {
    const sections =
      /^records\.(page|live|issue|explain|copy|kind|checker|spfTree|publication|dkim|dmarc|wizard|rollout|text)\./;
    expect(keys.filter((key) => !sections.test(key))).toEqual([]);
  });

  it('holds every sentence core/dns can say, in both languages', () => {
    for (const id of Object.keys(RECORD_TEXTS) as RecordTextId[]) {
      expect(recordsEn[recordTextKey(id)], id).toBe(RECORD_TEXTS[id]);
      expect(recordsNl[recordTextKey(id)], id).toBeTruthy();
    }
  });

  it('renders everything core says in a broad sample in Dutch, with every parameter given', async () => {
    const texts = collectTexts(await sampleOutput());
    const ids = new Set(texts.map((text) => text.id));
    // The sample reaches the whole catalogue, so the check below means something, except what the site itself says
    // (dohResolver.ts, DmarcFields.tsx) and the zone comment a page passes to formatZoneSnippet already rendered.
    expect(Object.keys(RECORD_TEXTS).filter((id) => !ids.has(id as RecordTextId))).toEqual([
      'dns.http-status',
      'dns.unreachable',
      'dns.not-dns-json',
      'dns.rcode',
      'dmarc.explain.addresses-you-list',
      'zone.placeholder-comment',
    ]);
    for (const text of texts) {
      expect(Object.keys(RECORD_TEXTS), text.id).toContain(text.id);
      expect(Object.keys(text.params), text.id).toEqual(
        expect.arrayContaining(params(recordsNl[recordTextKey(text.id)])),
      );
    }
    const dutch = (text: DnsRecordSentence) => renderRecordText(text, (id) => recordsNl[recordTextKey(id)]);
    // The Dutch of a nested sentence is Dutch throughout.
    expect(dutch(explainDmarcTag('p', 'reject'))).toBe(
      'Beleid voor het domein zelf: ontvangers weigeren mail die niet door DMARC komt al tijdens de SMTP-sessie.',
    );
  });

  it('writes the zone snippet comment in the language it is given', () => {
    const plan = buildDomainRecords({ ...EMPTY_DOMAIN_SETUP, domain: 'example.com', senderIds: ['google-workspace'] });
    expect(formatZoneSnippet(plan.records)).toContain('; fill in the <…> parts from the provider');
    const comment = recordsNl[recordTextKey('zone.placeholder-comment')];
    expect(formatZoneSnippet(plan.records, { placeholderComment: comment })).toContain(`; ${comment}`);
  });
});
