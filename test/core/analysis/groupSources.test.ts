import { describe, expect, it } from 'vitest';
import {
  canonicalIpv4Value,
  groupSources,
  identifierHash,
  sameIdentifiers,
  sorted,
  SourceGrouper,
  SourceResolver,
} from '../../../core/analysis/groupSources';
import { makeBenchReports } from '../../bench/intelBenchCase';
import { makeRecord, makeReport } from './makeRecord';
import { loadAsnTableForTest } from './asnTableFile';

const pass = 'pass' as const;
const fail = 'fail' as const;

describe('groupSources and classifySource on constructed reports', () => {
  const records = [
    makeRecord({
      sourceIp: '167.89.1.1',
      count: 500,
      dkimResults: [
        { domain: 'example.com', result: pass },
        { domain: 'sendgrid.net', result: pass },
      ],
    }),
    makeRecord({ sourceIp: '167.89.1.2', count: 3, dkimResults: [{ domain: 'sendgrid.net', result: pass }] }),
    makeRecord({
      sourceIp: '198.2.128.5',
      count: 120,
      envelopeFrom: 'mail186.suw11.mcdlv.net',
      dkimResults: [{ domain: 'mcsv.net', result: pass }],
      spfResults: [{ domain: 'mail186.suw11.mcdlv.net', result: pass }],
    }),
    makeRecord({
      sourceIp: '198.2.128.6',
      count: 30,
      envelopeFrom: 'example.com',
      spfResults: [{ domain: 'example.com', result: 'softfail' }],
      dkimResults: [{ domain: 'mcsv.net', result: pass }],
    }),
    makeRecord({
      sourceIp: '8.8.8.8',
      count: 40,
      disposition: 'reject',
      spfResults: [{ domain: 'spoof.example.net', result: fail }],
    }),
    makeRecord({
      sourceIp: '77.88.8.8',
      count: 10,
      disposition: 'quarantine',
      spfResults: [{ domain: 'spoof.example.org', result: fail }],
    }),
    makeRecord({
      sourceIp: '209.85.220.41',
      count: 25,
      dkimResults: [
        { domain: 'googlegroups.com', result: pass },
        { domain: 'example.com', selector: 's1', result: fail },
      ],
      envelopeFrom: 'googlegroups.com',
      spfResults: [{ domain: 'googlegroups.com', result: pass }],
    }),
  ];
  const groups = groupSources([makeReport(records)], { asnTable: loadAsnTableForTest() });
  const byKey = new Map(groups.map((g) => [g.key, g]));

  it('groups by service and sorts by volume', () => {
    // Mail from Google's and Yandex's networks that carries none of example.com's identifiers came from someone
    // else's account there: a source apart from any account of example.com's own.
    expect(groups.map((g) => g.key)).toEqual([
      'sendgrid',
      'mailchimp',
      'others:google',
      'google-groups',
      'others:yandex',
    ]);
    expect(byKey.get('others:google')?.evidence).toBe('asn');
    expect(byKey.get('sendgrid')).toMatchObject({ messages: 503, passing: 500, records: 2 });
  });

  it('keeps a service compliant when a few messages fail', () => {
    const sendgrid = byKey.get('sendgrid')!;
    expect(sendgrid.classification.class).toBe('compliant');
    expect(sendgrid.classification.reason).toBe(
      '99.4% of 503 messages from Twilio SendGrid pass DMARC with aligned DKIM; besides, 3 misconfigured.',
    );
  });

  it('says what to fix for a misconfigured service', () => {
    const mailchimp = byKey.get('mailchimp')!;
    expect(mailchimp.classification.class).toBe('misconfigured');
    expect(mailchimp.classification.reason).toBe(
      "Mailchimp sent 150 of 150 messages as example.com without aligned DKIM or SPF, so DMARC fails. If you do not use Mailchimp, someone else's Mailchimp account is sending as example.com: report it to Mailchimp.",
    );
    expect(mailchimp.classification.fix).toBe(
      'Turn on DKIM signing with d=example.com at Mailchimp (Website › Domains › Authenticate) (it signs as mcsv.net today, which does not align); ' +
        'add include:servers.mcsv.net to the SPF record of mail186.suw11.mcdlv.net.',
    );
  });

  it('explains forwarded mail', () => {
    const list = byKey.get('google-groups')!;
    expect(list.classification.class).toBe('forwarded');
    expect(list.classification.reason).toBe(
      '25 of 25 messages from Google Groups failed DMARC after forwarding: Google Groups is a mailing list: it changes the message, which breaks your DKIM signature, and sends from its own servers. Nothing to fix for these unless you send from this source; keep DKIM signing everything so forwarded copies can pass.',
    );
  });

  it('reports spoofing with its volume and countries', () => {
    const spoof = byKey.get('others:google')!;
    expect(spoof.classification.class).toBe('suspicious');
    expect(spoof.countries).toEqual([{ value: 'US', messages: 40 }]);
    expect(spoof.classification.reason).toBe(
      "40 of 40 messages failed both DKIM and SPF: someone's Google Workspace / Gmail account put example.com in From from networks registered in United States (40). " +
        'Receivers rejected or quarantined 40. Unless this is a sender you use, it is spoofing; p=quarantine or p=reject stops it from reaching inboxes.',
    );
    expect(byKey.get('others:yandex')!.classification.class).toBe('suspicious');
  });

  it('filters by domain and period', () => {
    const other = makeReport([makeRecord({ headerFrom: 'other.org', count: 9 })], { policy: { domain: 'other.org' } });
    expect(groupSources([makeReport(records), other], { domain: 'other.org' }).map((g) => g.messages)).toEqual([9]);
    expect(groupSources([makeReport(records)], { since: Date.UTC(2027, 0, 1) / 1000 })).toEqual([]);
  });
});

describe('SourceGrouper (incremental groupSources)', () => {
  const table = loadAsnTableForTest();
  const reports = makeBenchReports(20_000, 300);
  reports.push(
    makeReport([
      makeRecord({ sourceIp: '8.8.8.8', count: 0, spfResults: [{ domain: 'spoof.example.net', result: fail }] }),
      makeRecord({
        sourceIp: '8.8.8.8',
        count: 4,
        disposition: 'reject',
        spfResults: [{ domain: 'spoof.example.net', result: fail }],
      }),
      makeRecord({ sourceIp: '2001:db8::1', count: 2, reasons: [{ type: 'forwarded' }], headerFrom: 'Example.COM.' }),
    ]),
  );

  it('gives the groups of groupSources whether reports come at once, one by one or in chunks', () => {
    const options = { domain: 'example.com', asnTable: table };
    const expected = groupSources(reports, options);
    const grouper = new SourceGrouper(options);
    for (const report of reports.slice(0, 10)) expect(grouper.addReport(report)).toBe(true);
    // Reading in between gives the groups so far and changes nothing.
    expect(grouper.groups()).toEqual(groupSources(reports.slice(0, 10), options));
    for (const report of reports.slice(10)) {
      const half = report.records.length >> 1;
      grouper.addRecords(report.records.slice(0, half), report.metadata.begin);
      grouper.addRecords(report.records.slice(half), report.metadata.begin);
    }
    expect(grouper.groups()).toEqual(expected);
  });

  it('gives a group’s addresses, ASes and countries as they were when groups() ran, read then or later', () => {
    const options = { domain: 'example.com', asnTable: table };
    const grouper = new SourceGrouper(options);
    for (const report of reports.slice(0, 10)) grouper.addReport(report);
    const early = grouper.groups();
    const readAtOnce = JSON.stringify(grouper.groups());
    // More records for the same addresses and networks, and new ones, before the early groups' lists are read.
    for (const report of reports.slice(10)) grouper.addReport(report);
    expect(JSON.stringify(early)).toBe(readAtOnce);
    expect(JSON.stringify(grouper.groups())).toBe(JSON.stringify(groupSources(reports, options)));
    // Plain fields to every reader: listed in their place, copied by spreading, and assignable.
    const [group] = early;
    expect(Object.keys(group!).slice(9, 14)).toEqual([
      'headerFromDomains',
      'ips',
      'asns',
      'countries',
      'foreignDkimDomains',
    ]);
    expect({ ...group! }.ips).toBe(group!.ips);
    group!.ips = [];
    expect(group!.ips).toEqual([]);
  });

  it('applies the domain and period filters to whole reports', () => {
    const grouper = new SourceGrouper({ domain: 'other.org' });
    expect(grouper.addReport(reports[0]!)).toBe(false);
    expect(
      grouper.addReport(
        makeReport([makeRecord({ headerFrom: 'other.org', count: 9 })], { policy: { domain: 'other.org' } }),
      ),
    ).toBe(true);
    expect(grouper.groups().map((g) => g.messages)).toEqual([9]);
  });

  it('orders a group’s causes by their first record and keeps zero-count records', () => {
    const grouper = new SourceGrouper();
    grouper.addRecords(
      [
        makeRecord({ sourceIp: '192.0.2.1', count: 0, spfResults: [{ domain: 'spoof.example.net', result: fail }] }),
        makeRecord({ sourceIp: '192.0.2.1', count: 3, reasons: [{ type: 'mailing_list' }] }),
        makeRecord({ sourceIp: '192.0.2.1', count: 5, dkimResults: [{ domain: 'example.com', result: pass }] }),
      ],
      0,
    );
    const [group] = grouper.groups();
    expect(Object.entries(group!.causes)).toEqual([
      ['unknown-failing', 0],
      ['receiver-says-forwarded', 3],
      ['dmarc-pass', 5],
    ]);
    expect(group!.envelopeDomains).toEqual([{ value: 'spoof.example.net', messages: 0 }]);
    expect(group!.records).toBe(3);
  });

  it('adds shares of messages (not whole numbers) cell by cell, in the order of the cells', () => {
    // Three SendGrid addresses, the second with another disposition: added per kind of cell, the messages would
    // come to (0.1 + 0.6) + 0.1, which is 0.7999999999999999; cell by cell they are (0.1 + 0.1) + 0.6, 0.8.
    const sendgrid = (sourceIp: string, disposition: 'none' | 'quarantine') =>
      makeRecord({ sourceIp, disposition, dkimResults: [{ domain: 'sendgrid.net', result: pass }] });
    const grouper = new SourceGrouper();
    grouper.addRecord(sendgrid('167.89.0.1', 'none'), 0, 0.1);
    grouper.addRecord(sendgrid('167.89.0.2', 'quarantine'), 0, 0.1);
    grouper.addRecord(sendgrid('167.89.0.3', 'none'), 0, 0.6);
    const [group] = grouper.groups();
    expect(group!.key).toBe('sendgrid');
    expect(group!.messages).toBe(0.8);
    expect(group!.causes).toEqual({ 'service-unaligned': 0.8 });
    expect(group!.dispositions).toEqual({ none: 0.7, quarantine: 0.1, reject: 0, pass: 0 });
  });
});

describe('SourceResolver', () => {
  it('shares one cell between records with the same IP and identifiers, and one identifier set across IPs', () => {
    const resolver = new SourceResolver();
    const a = makeRecord({
      sourceIp: '192.0.2.1',
      dkimResults: [{ domain: 'sendgrid.net', selector: 's', result: pass }],
    });
    const b = structuredClone(a);
    const c = { ...structuredClone(a), sourceIp: '192.0.2.2' };
    expect(resolver.cell(a)).toBe(resolver.cell(b));
    expect(resolver.cell(c)).not.toBe(resolver.cell(a));
    expect(resolver.cell(c).identifiers).toBe(resolver.cell(a).identifiers);
    expect(resolver.cell(a).context.groupKey).toBe('sendgrid');
    expect(resolver.cellCount).toBe(2);
  });

  it('keeps thousands of identifier sets apart (table growth)', () => {
    const resolver = new SourceResolver();
    const records = Array.from({ length: 5000 }, (_, i) =>
      makeRecord({ envelopeFrom: `b${i}.example.net`, spfResults: [{ domain: `b${i}.example.net`, result: pass }] }),
    );
    const sets = new Set(records.map((r) => resolver.identifierSet(r)));
    expect(sets.size).toBe(5000);
    expect(records.map((r) => resolver.identifierSet(structuredClone(r)))).toEqual(
      records.map((r) => resolver.identifierSet(r)),
    );
  });
});

describe('identifierHash and sameIdentifiers', () => {
  const base = makeRecord({
    envelopeFrom: 'a.example.net',
    dkimResults: [{ domain: 'example.com', selector: 's1', result: pass }],
    spfResults: [{ domain: 'a.example.net', result: pass }],
  });
  it('depend on the identifiers only', () => {
    const other = { ...structuredClone(base), sourceIp: '203.0.113.9', count: 77, disposition: 'reject' as const };
    expect(identifierHash(other)).toBe(identifierHash(base));
    expect(sameIdentifiers(other, base)).toBe(true);
  });
  it('tell apart a missing field from an empty one and a moved separator', () => {
    const noSelector = { ...base, dkimResults: [{ domain: 'example.com', result: pass }] };
    const emptySelector = { ...base, dkimResults: [{ domain: 'example.com', selector: '', result: pass }] };
    expect(sameIdentifiers(noSelector, emptySelector)).toBe(false);
    expect(identifierHash(noSelector)).not.toBe(identifierHash(emptySelector));
    const noEnvelope = makeRecord({ headerFrom: 'example.com' });
    expect(sameIdentifiers(noEnvelope, { ...noEnvelope, envelopeFrom: '' })).toBe(false);
    expect(sameIdentifiers(base, { ...base, headerFrom: 'example.org' })).toBe(false);
  });
});

describe('sorted', () => {
  it('returns the largest counts, ties by value, the same whether the map is small or large', () => {
    const map = new Map<string, number>();
    for (let i = 0; i < 1000; i++) map.set(`v${(i * 7919) % 1000}`, (i * 31) % 17);
    const full = [...map]
      .map(([value, messages]) => ({ value, messages }))
      .sort((a, b) => b.messages - a.messages || (a.value < b.value ? -1 : 1));
    expect(sorted(map)).toEqual(full.slice(0, 50));
    expect(sorted(map, 5)).toEqual(full.slice(0, 5));
    expect(sorted(map, 2000)).toEqual(full);
    expect(sorted(new Map())).toEqual([]);
  });
});

describe('canonicalIpv4Value', () => {
  it('gives the 32-bit value of an address written as parseIpAddress writes it, and -1 for any other string', () => {
    expect(canonicalIpv4Value('192.0.2.10')).toBe(0xc000020a);
    expect(canonicalIpv4Value('0.0.0.0')).toBe(0);
    expect(canonicalIpv4Value('255.255.255.255')).toBe(0xffffffff);
    // The same numbers written otherwise are other strings, so other sources: they must not share a key.
    for (const other of ['192.000.2.10', '192.0.2.010', ' 192.0.2.10', '192.0.2.10 ', '192.0.2', '192.0.2.256']) {
      expect(canonicalIpv4Value(other), other).toBe(-1);
    }
    for (const other of ['1.2.3.4.5', '1..2.3', '.1.2.3', '1.2.3.', '2001:db8::1', '1.2.3.4x', '', '1234.1.1.1']) {
      expect(canonicalIpv4Value(other), other).toBe(-1);
    }
  });

  it('keeps records of 192.0.2.10 and 192.000.2.10 in two sources, as their strings differ', () => {
    const groups = groupSources([
      makeReport([makeRecord({ sourceIp: '192.0.2.10' }), makeRecord({ sourceIp: '192.000.2.10', count: 2 })]),
    ]);
    expect(groups.map((g) => [g.key, g.messages])).toEqual([
      ['ip:192.000.2.10', 2],
      ['ip:192.0.2.10', 1],
    ]);
  });
});
