import { describe, expect, it } from 'vitest';
import { groupSources, identifierHash, sameIdentifiers, sorted, SourceGrouper, SourceResolver } from '../../../core/analysis/groupSources';
import { causeOfFailure, classifyRecord, receiverSaysForwarded, recordFacts } from '../../../core/analysis/classifyRecord';
import { identifySource } from '../../../core/analysis/identifySource';
import { makeBenchReports } from '../../bench/intelBenchCase';
import { makeRecord, makeReport } from './makeRecord';
import { loadAsnTableForTest } from './asnTableFile';

const pass = 'pass' as const;
const fail = 'fail' as const;

describe('SourceGrouper (incremental groupSources)', () => {
  const table = loadAsnTableForTest();
  const reports = makeBenchReports(20_000, 300);
  reports.push(
    makeReport([
      makeRecord({ sourceIp: '8.8.8.8', count: 0, spfResults: [{ domain: 'spoof.example.net', result: fail }] }),
      makeRecord({ sourceIp: '8.8.8.8', count: 4, disposition: 'reject', spfResults: [{ domain: 'spoof.example.net', result: fail }] }),
      makeRecord({ sourceIp: '2001:db8::1', count: 2, reasons: [{ type: 'forwarded' }], headerFrom: 'Example.COM.' }),
    ]),
  );

  it('gives the groups of groupSources whether reports come at once, one by one or in chunks', () => {
    const options = { domain: 'example.com', asnTable: table };
    const expected = groupSources(reports, options);
    const grouper = new SourceGrouper(options);
    for (const report of reports.slice(0, 10)) expect(grouper.addReport(report)).toBe(true);
    expect(grouper.groups().length).toBeGreaterThan(0); // reading in between changes nothing
    for (const report of reports.slice(10)) {
      const half = report.records.length >> 1;
      grouper.addRecords(report.records.slice(0, half), report.metadata.begin);
      grouper.addRecords(report.records.slice(half), report.metadata.begin);
    }
    expect(grouper.groups()).toEqual(expected);
  });

  it('applies the domain and period filters to whole reports', () => {
    const grouper = new SourceGrouper({ domain: 'other.org' });
    expect(grouper.addReport(reports[0]!)).toBe(false);
    expect(grouper.addReport(makeReport([makeRecord({ headerFrom: 'other.org', count: 9 })], { policy: { domain: 'other.org' } }))).toBe(true);
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
});

describe('SourceResolver', () => {
  it('shares one cell between records with the same IP and identifiers, and one identifier set across IPs', () => {
    const resolver = new SourceResolver();
    const a = makeRecord({ sourceIp: '192.0.2.1', dkimResults: [{ domain: 'sendgrid.net', selector: 's', result: pass }] });
    const b = structuredClone(a);
    const c = { ...structuredClone(a), sourceIp: '192.0.2.2' };
    expect(resolver.cell(a)).toBe(resolver.cell(b));
    expect(resolver.cell(c)).not.toBe(resolver.cell(a));
    expect(resolver.cell(c).identifiers).toBe(resolver.cell(a).identifiers);
    expect(resolver.cell(a).context.groupKey).toBe('sendgrid');
    expect(resolver.cells.length).toBe(2);
  });

  it('keeps thousands of identifier sets apart (table growth)', () => {
    const resolver = new SourceResolver();
    const records = Array.from({ length: 5000 }, (_, i) => makeRecord({ envelopeFrom: `b${i}.example.net`, spfResults: [{ domain: `b${i}.example.net`, result: pass }] }));
    const sets = new Set(records.map((r) => resolver.identifierSet(r)));
    expect(sets.size).toBe(5000);
    expect(records.every((r) => resolver.identifierSet(structuredClone(r)) === resolver.identifierSet(r))).toBe(true);
  });
});

describe('identifierHash and sameIdentifiers', () => {
  const base = makeRecord({ envelopeFrom: 'a.example.net', dkimResults: [{ domain: 'example.com', selector: 's1', result: pass }], spfResults: [{ domain: 'a.example.net', result: pass }] });
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

describe('causeOfFailure and receiverSaysForwarded', () => {
  it('agree with classifyRecord on failing records', () => {
    const records = [
      makeRecord({ envelopeFrom: 'improvmx.com', spfResults: [{ domain: 'improvmx.com', result: pass }] }),
      makeRecord({ dkimResults: [{ domain: 'sendgrid.net', result: pass }] }),
      makeRecord({ dkimResults: [{ domain: 'example-com.20230601.gappssmtp.com', result: pass }] }),
      makeRecord({ envelopeFrom: 'gmail.com', dkimResults: [{ domain: 'gmail.com', result: pass }] }),
      makeRecord({ dkimResults: [{ domain: 'example.com', selector: 's1', result: fail }] }),
      makeRecord({ spfResults: [{ domain: 'spoof.example.net', result: 'softfail' }] }),
    ];
    for (const record of records) {
      const identification = identifySource(record);
      expect(causeOfFailure(identification, recordFacts(record, identification))).toBe(classifyRecord(record, identification));
      expect(receiverSaysForwarded(record)).toBe(false);
    }
    expect(receiverSaysForwarded(makeRecord({ reasons: [{ type: 'local_policy' }, { type: 'trusted_forwarder' }] }))).toBe(true);
    expect(receiverSaysForwarded(makeRecord({ reasons: [{ type: 'sampled_out' }] }))).toBe(false);
  });
});

describe('sorted', () => {
  it('returns the largest counts, ties by value, the same whether the map is small or large', () => {
    const map = new Map<string, number>();
    for (let i = 0; i < 1000; i++) map.set(`v${(i * 7919) % 1000}`, (i * 31) % 17);
    const full = [...map].map(([value, messages]) => ({ value, messages })).sort((a, b) => b.messages - a.messages || (a.value < b.value ? -1 : 1));
    expect(sorted(map)).toEqual(full.slice(0, 50));
    expect(sorted(map, 5)).toEqual(full.slice(0, 5));
    expect(sorted(map, 2000)).toEqual(full);
    expect(sorted(new Map())).toEqual([]);
  });
});
