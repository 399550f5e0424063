// The order of a group's addresses (most messages first, then by address text as `<` compares it) and its ASNs: the
// grouper sorts canonical IPv4 addresses by a number standing for their text and sums messages per network before
// per AS; these hold the result against the plain definition on addresses and counts chosen to tie.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalIpv4Value, ipv4TextOrder, radixOrder, SourceGrouper } from '../../../core/analysis/groupSources';
import { lookupAsn } from '../../../core/analysis/lookupAsn';
import type { AggregateRecord } from '../../../core/report/types';
import { loadAsnTableForTest } from './asnTableFile';
import { makeRecord } from './makeRecord';

const dotted = (value: number) => `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A record of SendGrid's (its passing DKIM signature names it), so every address joins one group. */
const sendgrid = (sourceIp: string, count: number): AggregateRecord =>
  makeRecord({ sourceIp, count, dkimResults: [{ domain: 'sendgrid.net', result: 'pass' }] });

/** The group's addresses as the definition has them: messages summed per address, most first, then by text. */
function expectedIps(records: ReadonlyArray<{ ip: string; n: number }>): Array<{ value: string; messages: number }> {
  const sums = new Map<string, number>();
  for (const { ip, n } of records) sums.set(ip, (sums.get(ip) ?? 0) + n);
  return [...sums]
    .map(([value, messages]) => ({ value, messages }))
    .sort((a, b) => b.messages - a.messages || byText(a.value, b.value));
}

function groupIps(records: ReadonlyArray<{ ip: string; n: number }>) {
  const grouper = new SourceGrouper();
  for (const { ip, n } of records) grouper.addRecord(sendgrid(ip, 1), 0, n);
  const groups = grouper.groups();
  expect(groups.map((g) => g.key)).toEqual(['sendgrid']);
  return groups[0]!.ips;
}

describe('ipv4TextOrder', () => {
  it('orders canonical IPv4 addresses as their text does', () => {
    const octet = fc.oneof(fc.constantFrom(0, 1, 2, 9, 10, 11, 19, 20, 25, 99, 100, 199, 200, 250, 255), fc.nat(255));
    fc.assert(
      fc.property(fc.array(fc.tuple(octet, octet, octet, octet), { minLength: 2, maxLength: 40 }), (quads) => {
        const values = quads.map(([a, b, c, d]) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0);
        const texts = values.map(dotted);
        expect(texts.every((text, i) => canonicalIpv4Value(text) === values[i])).toBe(true);
        const byOrder = [...values].sort((x, y) => ipv4TextOrder(x) - ipv4TextOrder(y)).map(dotted);
        expect(byOrder).toEqual([...texts].sort(byText));
      }),
      { seed: 19, numRuns: 300 },
    );
  });

  it('puts an octet before the longer ones it begins, as text does', () => {
    const texts = ['1.2.3.4', '1.20.3.4', '1.2.30.4', '10.0.0.1', '1.200.3.4', '9.9.9.9', '100.0.0.0', '2.0.0.0'];
    const ordered = [...texts].sort(
      (a, b) => ipv4TextOrder(canonicalIpv4Value(a)) - ipv4TextOrder(canonicalIpv4Value(b)),
    );
    expect(ordered).toEqual([
      '1.2.3.4',
      '1.2.30.4',
      '1.20.3.4',
      '1.200.3.4',
      '10.0.0.1',
      '100.0.0.0',
      '2.0.0.0',
      '9.9.9.9',
    ]);
  });
});

describe("a group's addresses", () => {
  // Addresses whose text and numeric orders differ, written other ways too (other strings, other sources), and
  // IPv6: the numeric key must never decide where text does.
  const ips = [
    '9.9.9.9',
    '10.0.0.1',
    '100.0.0.1',
    '1.2.3.4',
    '1.20.3.4',
    '1.2.30.4',
    '255.255.255.255',
    '0.0.0.0',
    '2001:db8::1',
    '2001:DB8::1',
    '192.000.2.10',
    ' 192.0.2.10',
    '192.0.2.10',
    '::ffff:192.0.2.10',
  ];

  it('come most messages first, then by text, with tied counts (IPv4 only and mixed)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ip: fc.constantFrom(...ips), n: fc.integer({ min: 0, max: 3 }) }), { minLength: 2 }),
        fc.boolean(),
        (records, v4Only) => {
          const chosen = v4Only ? records.filter((r) => canonicalIpv4Value(r.ip) >= 0) : records;
          if (chosen.length === 0) return;
          expect(groupIps(chosen)).toEqual(expectedIps(chosen));
        },
      ),
      { seed: 19, numRuns: 200 },
    );
  });

  it('keep that order with shares of messages and with counts too large to pack into one number', () => {
    const shares = [
      { ip: '10.0.0.1', n: 0.1 },
      { ip: '9.9.9.9', n: 0.2 },
      { ip: '10.0.0.1', n: 0.2 },
      { ip: '100.0.0.1', n: 0.30000000000000004 },
    ];
    expect(groupIps(shares)).toEqual(expectedIps(shares));
    const large = [
      { ip: '9.9.9.9', n: 2 ** 45 },
      { ip: '10.0.0.1', n: 2 ** 45 },
      { ip: '100.0.0.1', n: 2 ** 45 + 1 },
    ];
    expect(groupIps(large)).toEqual(expectedIps(large));
  });
});

describe('radixOrder', () => {
  it('orders positions by their keys, the first key deciding, as a stable comparison sort does', () => {
    const key = fc.oneof(fc.nat(3), fc.nat(300), fc.nat(70_000), fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, key), { maxLength: 400 }), (pairs) => {
        const first = Uint32Array.from(pairs, ([a]) => a);
        const second = Uint32Array.from(pairs, ([, b]) => b);
        const expected = pairs.map((_, i) => i).sort((i, j) => first[i]! - first[j]! || second[i]! - second[j]!);
        expect([...radixOrder(pairs.length, first, second)]).toEqual(expected);
        const byFirst = pairs.map((_, i) => i).sort((i, j) => first[i]! - first[j]!);
        expect([...radixOrder(pairs.length, first)]).toEqual(byFirst);
      }),
      { seed: 19, numRuns: 200 },
    );
  });
});

describe("a large group's addresses", () => {
  // Hundreds of addresses (sorted by keys, not by a comparator), from octets whose text and numeric orders differ.
  const octet = fc.constantFrom(0, 1, 2, 9, 10, 11, 19, 20, 25, 99, 100, 199, 200, 250, 255);
  const address = fc.tuple(octet, octet, octet, octet).map((quad) => quad.join('.'));

  it('come most messages first, then by text, with tied and spread counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ip: address, n: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.nat(100_000)) }), {
          minLength: 64,
          maxLength: 600,
        }),
        (records) => {
          expect(groupIps(records)).toEqual(expectedIps(records));
        },
      ),
      { seed: 19, numRuns: 60 },
    );
  });

  it('keep that order with a count past 32 bits among them', () => {
    const records = Array.from({ length: 100 }, (_, i) => ({ ip: `10.${i % 7}.${i}.1`, n: i % 3 }));
    records.push({ ip: '9.9.9.9', n: 2 ** 33 }, { ip: '10.0.0.1', n: 2 ** 33 });
    expect(groupIps(records)).toEqual(expectedIps(records));
  });
});

describe("a group's ASNs and countries", () => {
  const table = loadAsnTableForTest();
  // SendGrid's, Google's, Microsoft's and Amazon's networks, and addresses the table does not place.
  const ips = ['167.89.0.12', '167.89.0.13', '209.85.220.41', '40.107.22.5', '52.95.48.10', '8.8.8.8', '10.0.0.1'];

  it('add up the messages of the addresses of each AS, largest first, ties in order of first record', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ip: fc.constantFrom(...ips), n: fc.integer({ min: 0, max: 4 }) }), { minLength: 1 }),
        fc.boolean(),
        (records, shares) => {
          const grouper = new SourceGrouper({ asnTable: table });
          for (const { ip, n } of records) grouper.addRecord(sendgrid(ip, 1), 0, shares ? n / 3 : n);
          const [group] = grouper.groups();
          const asns = new Map<number, { name?: string; messages: number }>();
          const countries = new Map<string, number>();
          // Each address's messages first (in the order of its records), then addresses in the order of their first.
          const perIp = new Map<string, number>();
          for (const { ip, n } of records) perIp.set(ip, (perIp.get(ip) ?? 0) + (shares ? n / 3 : n));
          for (const [ip, messages] of perIp) {
            const info = lookupAsn(table, ip);
            if (info.asn !== undefined) {
              const entry = asns.get(info.asn) ?? { ...(info.asnName ? { name: info.asnName } : {}), messages: 0 };
              entry.messages += messages;
              asns.set(info.asn, entry);
            }
            if (info.country) countries.set(info.country, (countries.get(info.country) ?? 0) + messages);
          }
          expect(group!.asns).toEqual(
            [...asns].map(([asn, v]) => ({ asn, ...v })).sort((a, b) => b.messages - a.messages),
          );
          expect(group!.countries).toEqual(
            [...countries]
              .map(([value, messages]) => ({ value, messages }))
              .sort((a, b) => b.messages - a.messages || byText(a.value, b.value)),
          );
        },
      ),
      { seed: 19, numRuns: 100 },
    );
  });
});
