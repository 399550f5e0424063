import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { asnInfoOfKey, lookupAsn } from '../../../core/analysis/lookupAsn';
import { readAsnTable } from '../../../core/analysis/readAsnTable';
import { asnTableBytes, loadAsnTableForTest } from './asnTableFile';

// Known allocations, stable for years (registries and the operators' own documentation).
const known: Array<[ip: string, asn: number, namePart: RegExp, country: string]> = [
  ['8.8.8.8', 15169, /google/i, 'US'],
  ['209.85.220.41', 15169, /google/i, 'US'], // mail-sor-f41.google.com, Gmail outbound
  ['1.1.1.1', 13335, /cloudflare/i, 'AU'], // APNIC-delegated, Cloudflare-routed
  ['40.92.0.1', 8075, /microsoft/i, 'US'], // Exchange Online Protection outbound
  ['17.57.155.10', 714, /apple/i, 'US'],
  ['167.89.0.1', 11377, /sendgrid/i, 'US'],
  ['198.2.128.1', 14782, /mailchimp/i, 'US'],
  ['193.0.6.139', 3333, /ripe/i, 'NL'],
  ['77.88.8.8', 13238, /yandex/i, 'RU'],
  ['212.227.15.1', 8560, /ionos/i, 'DE'],
  ['2001:4860:4860::8888', 15169, /google/i, 'US'],
  ['2a00:1450:4001:80b::2005', 15169, /google/i, 'IE'],
  ['2001:200::1', 2500, /wide/i, 'JP'],
  ['2a02:6b8::1', 13238, /yandex/i, 'RU'],
  ['::ffff:8.8.4.4', 15169, /google/i, 'US'],
];

describe('lookupAsn over the generated table', () => {
  const table = loadAsnTableForTest();

  it.each(known)('%s is AS%i in %s', (ip, asn, namePart, country) => {
    const info = lookupAsn(table, ip);
    expect(info.asn).toBe(asn);
    expect(info.asnName).toMatch(namePart);
    expect(info.country).toBe(country);
  });

  it('finds nothing for private, documentation and unreadable addresses', () => {
    for (const ip of ['10.1.2.3', '192.168.0.1', '127.0.0.1', '192.0.2.1', 'fe80::1', 'not-an-ip', '']) {
      expect(lookupAsn(table, ip).asn).toBeUndefined();
    }
  });

  it('carries the sources and their attribution', () => {
    expect(table.meta.sources.map((s) => s.package)).toEqual(['@ip-location-db/asn', '@ip-location-db/asn-country']);
    expect(table.meta.sources.flatMap((s) => s.attribution.map((a) => a.url))).toContain('https://db-ip.com/');
  });

  it('reads the inflated bytes as well as the gzip file', () => {
    const inflated = new Uint8Array(gunzipSync(asnTableBytes()));
    const result = readAsnTable(inflated);
    expect(result.ok).toBe(true);
    if (result.ok) expect(lookupAsn(result.table, '8.8.8.8').asn).toBe(15169);
  });
});

describe('readAsnTable on bad input', () => {
  it('refuses HTML (a static server answering a missing file with index.html)', () => {
    const result = readAsnTable(new TextEncoder().encode('<!doctype html><html><body>app</body></html>'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not-a-table');
  });

  it('refuses a truncated table and a broken gzip', () => {
    const inflated = new Uint8Array(gunzipSync(asnTableBytes()));
    const truncated = readAsnTable(inflated.subarray(0, inflated.length - 100));
    expect(truncated.ok || truncated.error.code).toBe('corrupt');
    const brokenGzip = readAsnTable(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0]));
    expect(brokenGzip.ok).toBe(false);
    expect(readAsnTable(new Uint8Array()).ok).toBe(false);
  });
});

describe('AS names', () => {
  it('are the UTF-8 text of the table, ASCII or not, for every AS of the table', () => {
    const table = loadAsnTableForTest();
    const decoder = new TextDecoder();
    let nonAscii = 0;
    for (let index = 1; index < table.asnNumber.length; index++) {
      const bytes = table.asnNames.subarray(table.asnNameOffset[index], table.asnNameOffset[index + 1]);
      if (bytes.some((byte) => byte >= 0x80)) nonAscii++;
      const expected = decoder.decode(bytes);
      expect(asnInfoOfKey(table, index * 256).asnName).toBe(expected === '' ? undefined : expected);
    }
    // The table has names in other scripts and with accents, so both ways of reading are held to the decoder.
    expect(nonAscii).toBeGreaterThan(0);
  });
});
