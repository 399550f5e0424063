// One address, one text: source_ip is kept in the RFC 5952 form (IPv4-mapped addresses as IPv4), so that grouping,
// distinct counts, the store, CSV and the CLI see one source however the reporter wrote it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeSenders } from '../../../core/analysis/analyzeSenders';
import { canonicalIpAddress, formatIpAddress, parseIpAddress } from '../../../core/report/parseIpAddress';
import { parseOneAggregate, recordXml, reportXml } from '../../helpers/reportXml';
import { FIXTURE_REPORTS, SHARED_CORPUS } from '../../corpus/readManifest';

/** 14 spellings of 12.34.56.78 and 14 of 2001:db8::1 that RFC 4291 §2.2 and RFC 4291 §2.5.5.2 allow. */
const SPELLINGS: Record<string, string[]> = {
  '12.34.56.78': [
    '12.34.56.78',
    '::ffff:12.34.56.78',
    '::FFFF:12.34.56.78',
    '0::ffff:12.34.56.78',
    '0:0:0:0:0:ffff:12.34.56.78',
    '0000:0000:0000:0000:0000:FFFF:12.34.56.78',
    '::ffff:c22:384e',
    '::FFFF:0C22:384E',
    '::ffff:0c22:384e',
    '0:0:0:0:0:ffff:c22:384e',
    '0000:0000:0000:0000:0000:ffff:0c22:384e',
    '0:0::ffff:c22:384e',
    '::0:ffff:c22:384e',
    '0:0:0::0:ffff:0C22:384e',
  ],
  '2001:db8::1': [
    '2001:db8::1',
    '2001:DB8::1',
    '2001:0db8::1',
    '2001:0DB8::0001',
    '2001:db8:0:0:0:0:0:1',
    '2001:db8:0:0:0::1',
    '2001:db8::0:1',
    '2001:db8::0:0:0:1',
    '2001:db8:0::1',
    '2001:db8:0:0::0:1',
    '2001:0db8:0000:0000:0000:0000:0000:0001',
    '2001:Db8:0:0:0:0:0:01',
    '2001:db8:0000::1',
    '2001:0dB8::0:0:00:001',
  ],
};

describe('canonicalIpAddress (RFC 5952 §4)', () => {
  it('writes each of 14 spellings of one address the same way', () => {
    for (const [canonical, spellings] of Object.entries(SPELLINGS)) {
      expect(new Set(spellings).size).toBe(14);
      for (const spelling of spellings) expect(canonicalIpAddress(spelling), spelling).toBe(canonical);
    }
  });

  it('follows each rule of RFC 5952 §4', () => {
    const cases: Array<[string, string]> = [
      // §4.1: no leading zeros; §4.3: lower case.
      ['2001:0DB8:00AA:000B:0000:0000:0000:0C01', '2001:db8:aa:b::c01'],
      // §4.2.1: the longest run is compressed, as far as it goes.
      ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
      ['2001:db8::0:1', '2001:db8::1'],
      // §4.2.2: a single zero group is never ::.
      ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
      ['2001:db8::1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
      // §4.2.3: the longer run wins; of two as long, the first.
      ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      // Runs at either end.
      ['0:0:0:0:0:0:0:0', '::'],
      ['0:0:0:0:0:0:0:1', '::1'],
      ['1:0:0:0:0:0:0:0', '1::'],
      ['0:0:1:0:0:0:1:0', '0:0:1::1:0'],
      // A dotted-quad tail that is not IPv4-mapped is hex (§5 keeps dotted quads for mapped addresses only).
      ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
      // §5 / RFC 4291 §2.5.5.2: IPv4-mapped is the IPv4 sender.
      ['::ffff:0:0', '0.0.0.0'],
      ['::FFFF:FFFF:FFFF', '255.255.255.255'],
    ];
    for (const [text, canonical] of cases) expect(canonicalIpAddress(text), text).toBe(canonical);
  });

  it('returns a dotted quad that is already canonical as the same string, and refuses what is not an address', () => {
    expect(canonicalIpAddress('192.0.2.1')).toBe('192.0.2.1');
    for (const bad of ['', ' 192.0.2.1', '01.2.3.4', '::ffff:092.168.4.4', '[2001:db8::1]', 'fe80::1%eth0', 'x']) {
      expect(canonicalIpAddress(bad), bad).toBeUndefined();
    }
  });

  it('formatIpAddress writes what parseIpAddress reads, the same way', () => {
    expect(formatIpAddress(parseIpAddress(' [2001:DB8:0:0::1] ')!)).toBe('2001:db8::1');
    expect(formatIpAddress(parseIpAddress('::ffff:12.34.56.78')!)).toBe('12.34.56.78');
    expect(formatIpAddress({ family: 6, words: [0xfe800000, 0, 0x2020000, 1] })).toBe('fe80::202:0:0:1');
  });
});

describe('a report that writes one address in 14 ways has one source address', () => {
  for (const [canonical, spellings] of Object.entries(SPELLINGS)) {
    it(`${canonical}, read straight from the text and through the XML tree`, async () => {
      // An unknown record element sends records down the tree reader instead of readPlainRecords.
      for (const extra of ['', '<x-note>1</x-note>']) {
        const { report } = await parseOneAggregate(
          reportXml({ records: spellings.map((ip) => recordXml({ ip, extra })) }),
        );
        expect(report.records.map((r) => r.sourceIp)).toEqual(spellings.map(() => canonical));
        expect(new Set(report.records.map((r) => r.sourceIp)).size).toBe(1);
      }
    });
  }
});

describe('downstream, one address in 28 spellings is one source address', () => {
  it('analyzeSenders (the Senders page, the dashboard and the CLI) counts 2 distinct IPs for two addresses', async () => {
    const spellings = Object.values(SPELLINGS).flat();
    const { report } = await parseOneAggregate(reportXml({ records: spellings.map((ip) => recordXml({ ip })) }));
    const analysis = analyzeSenders([report]);
    expect(analysis.messages).toBe(28);
    expect(analysis.distinctIps).toBe(2);
  });
});

describe('real reports that write addresses in other forms', () => {
  const cases: Array<[base: string, path: string, addresses: string[]]> = [
    [
      FIXTURE_REPORTS,
      'maxwellmatthis__dmarc-report-analysis/test.xml',
      ['8.8.8.8', '8.8.4.4', 'fe80::202:b3ff:fe1e:8329'],
    ],
    [FIXTURE_REPORTS, 'JasperWallace__django-dmarc2/google.xml', ['2001:db8::1']],
    [SHARED_CORPUS, 'sjinks__qt_dmarc_parser/valid-all.xml', ['1.2.3.4', '127.0.0.2']],
  ];
  for (const [base, path, addresses] of cases) {
    it.skipIf(!existsSync(base + path))(path, async () => {
      const { report } = await parseOneAggregate(readFileSync(base + path), path);
      expect([...new Set(report.records.map((r) => r.sourceIp))].sort()).toEqual([...addresses].sort());
    });
  }
});
