// Builds site/public/data/asn-table.bin: the offline IP → (ASN, AS organisation, registration country) table that
// core/analysis/readAsnTable.ts reads. Run before the site build (`node scripts/build-asn-table.mjs`); it skips the
// work when the output is newer than the input packages (`--force` rebuilds). The output is generated, not committed.
//
// Sources (the comparison behind this choice is in docs/asn-data.md):
//   ASN + organisation: @ip-location-db/asn (RouteViews > RIR delegations > DB-IP ASN Lite; CC BY 4.0).
//   Country: @ip-location-db/asn-country (RIR delegation country; CC BY 4.0 by the NRO). The other candidate,
//   geo-whois-asn-country, has overlapping rows and whole-block errors (2001:200::/32, WIDE Project, reads AU).
//
// Layout (little-endian; every section starts on a 4-byte boundary so the reader can take typed-array views):
//   header  u32 magic "DLAT", u32 version, u32 metaLength, u32 v4Count, u32 v6Count, u32 asnCount,
//           u32 namesLength, u32 countryCount
//   meta    UTF-8 JSON (sources, versions, licences, attribution), padded
//   v4      u32 start[v4Count], u32 asnIndex[v4Count], u8 countryIndex[v4Count] (padded)
//   v6      u32 startHigh[v6Count], u32 startLow[v6Count] (the upper 64 bits of the address), u32 asnIndex[v6Count],
//           u8 countryIndex[v6Count] (padded)
//   asns    u32 number[asnCount], u32 nameOffset[asnCount + 1], names UTF-8 (padded)
//   country 2 ASCII bytes per code
// Each row covers [start, next start); asnIndex 0 / countryIndex 0 mean "no data" (index 0 is a placeholder entry).
// The whole buffer is gzip-compressed (about a third of the size); the reader inflates it when it sees the gzip magic.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const defaultOutput = join(root, 'site/public/data/asn-table.bin');

const MAGIC = 0x54414c44; // "DLAT" read as a little-endian u32
const VERSION = 1;

function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

const asnDir = packageDir('@ip-location-db/asn');
const countryDir = packageDir('@ip-location-db/asn-country');
const inputs = [
  join(asnDir, 'asn-ipv4-num.csv'),
  join(asnDir, 'asn-ipv6-num.csv'),
  join(countryDir, 'asn-country-ipv4-num.csv'),
  join(countryDir, 'asn-country-ipv6-num.csv'),
];

/** Splits one CSV line into fields; the organisation column may be double-quoted with doubled inner quotes. */
function splitCsvLine(line) {
  const fields = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i++; // the comma
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/**
 * Reads a `-num.csv` file into sorted, non-overlapping [start, end, value] rows. IPv6 rows are reduced to their upper
 * 64 bits (a /64 is the smallest block worth attributing; the few rows that start inside a /64 are clipped below).
 * A row overlapping its predecessor is clipped to start after it (the packages contain a handful of such rows).
 */
function readRanges(file, family, valueOf) {
  const text = readFileSync(file, 'utf8');
  const rows = [];
  let clipped = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const fields = splitCsvLine(line);
    let start;
    let end;
    if (family === 4) {
      start = Number(fields[0]);
      end = Number(fields[1]);
    } else {
      start = BigInt(fields[0]) >> 64n;
      end = BigInt(fields[1]) >> 64n;
    }
    const previous = rows[rows.length - 1];
    if (previous && start <= previous[1]) {
      clipped++;
      start = previous[1] + (family === 4 ? 1 : 1n);
      if (start > end) continue;
    }
    rows.push([start, end, valueOf(fields)]);
  }
  return { rows, clipped };
}

/**
 * Overlays the ASN rows and the country rows into one list of segments [start, asnIndex, countryIndex], merging
 * neighbours that carry the same pair. Gaps get (0, 0).
 */
function overlay(asnRows, countryRows, one) {
  const boundaries = [];
  for (const rows of [asnRows, countryRows]) {
    for (const [start, end] of rows) {
      boundaries.push(start, end + one);
    }
  }
  boundaries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const segments = [];
  let a = 0;
  let c = 0;
  let last;
  for (const point of boundaries) {
    if (point === last) continue;
    last = point;
    while (a < asnRows.length && asnRows[a][1] < point) a++;
    while (c < countryRows.length && countryRows[c][1] < point) c++;
    const asnRow = asnRows[a];
    const countryRow = countryRows[c];
    const asn = asnRow && asnRow[0] <= point ? asnRow[2] : 0;
    const country = countryRow && countryRow[0] <= point ? countryRow[2] : 0;
    const previous = segments[segments.length - 1];
    if (previous && previous[1] === asn && previous[2] === country) continue;
    if (!previous && asn === 0 && country === 0) continue;
    segments.push([point, asn, country]);
  }
  // A leading "no data" segment is implicit: lookups below the first start find nothing.
  return segments;
}

function readPackageVersion(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

export function buildAsnTable() {
  const asnNumbers = [0];
  const asnNames = [''];
  const asnIndexOf = new Map();
  const countryCodes = [''];
  const countryIndexOf = new Map();

  const asnValue = (fields) => {
    const number = Number(fields[2]);
    let index = asnIndexOf.get(number);
    if (index === undefined) {
      index = asnNumbers.length;
      asnIndexOf.set(number, index);
      asnNumbers.push(number);
      asnNames.push(fields[3] ?? '');
    }
    return index;
  };
  const countryValue = (fields) => {
    const code = (fields[2] ?? '').toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) return 0;
    let index = countryIndexOf.get(code);
    if (index === undefined) {
      index = countryCodes.length;
      countryIndexOf.set(code, index);
      countryCodes.push(code);
    }
    return index;
  };

  const asn4 = readRanges(inputs[0], 4, asnValue);
  const asn6 = readRanges(inputs[1], 6, asnValue);
  const country4 = readRanges(inputs[2], 4, countryValue);
  const country6 = readRanges(inputs[3], 6, countryValue);
  if (countryCodes.length > 255) throw new Error('more than 254 country codes: widen countryIndex');
  const v4 = overlay(asn4.rows, country4.rows, 1);
  const v6 = overlay(asn6.rows, country6.rows, 1n);

  const meta = {
    builtAt: new Date().toISOString(),
    ipv6Granularity: '/64',
    sources: [
      {
        package: '@ip-location-db/asn',
        version: readPackageVersion(asnDir),
        provides: 'AS number and organisation',
        licence: 'CC BY 4.0',
        attribution: [
          { text: 'IP to ASN data by RouteViews', url: 'https://www.routeviews.org/' },
          { text: 'IP Geolocation by DB-IP', url: 'https://db-ip.com/' },
          { text: 'RIR statistics by the NRO', url: 'https://www.nro.net/' },
        ],
      },
      {
        package: '@ip-location-db/asn-country',
        version: readPackageVersion(countryDir),
        provides: 'registration country',
        licence: 'CC BY 4.0',
        attribution: [{ text: 'RIR statistics by the NRO', url: 'https://www.nro.net/' }],
      },
    ],
    clippedOverlaps: asn4.clipped + asn6.clipped + country4.clipped + country6.clipped,
  };

  const encoder = new TextEncoder();
  const metaBytes = encoder.encode(JSON.stringify(meta));
  const nameBytes = asnNames.map((name) => encoder.encode(name));
  const namesLength = nameBytes.reduce((sum, bytes) => sum + bytes.length, 0);
  const pad4 = (n) => (n + 3) & ~3;

  const size =
    32 +
    pad4(metaBytes.length) +
    v4.length * 8 +
    pad4(v4.length) +
    v6.length * 12 +
    pad4(v6.length) +
    asnNumbers.length * 8 +
    4 +
    pad4(namesLength) +
    countryCodes.length * 2;
  const buffer = new ArrayBuffer(size);
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  let offset = 0;
  const u32 = (value) => {
    view.setUint32(offset, value, true);
    offset += 4;
  };
  for (const value of [
    MAGIC,
    VERSION,
    metaBytes.length,
    v4.length,
    v6.length,
    asnNumbers.length,
    namesLength,
    countryCodes.length,
  ]) {
    u32(value);
  }
  bytes.set(metaBytes, offset);
  offset += pad4(metaBytes.length);
  for (const [start] of v4) u32(start);
  for (const [, asn] of v4) u32(asn);
  for (const [, , country] of v4) bytes[offset++] = country;
  offset = pad4(offset);
  for (const [start] of v6) u32(Number(start >> 32n));
  for (const [start] of v6) u32(Number(start & 0xffffffffn));
  for (const [, asn] of v6) u32(asn);
  for (const [, , country] of v6) bytes[offset++] = country;
  offset = pad4(offset);
  for (const number of asnNumbers) u32(number);
  let nameOffset = 0;
  for (const name of nameBytes) {
    u32(nameOffset);
    nameOffset += name.length;
  }
  u32(nameOffset);
  for (const name of nameBytes) {
    bytes.set(name, offset);
    offset += name.length;
  }
  offset = pad4(offset);
  for (const code of countryCodes) {
    bytes[offset++] = code.charCodeAt(0) || 0;
    bytes[offset++] = code.charCodeAt(1) || 0;
  }
  if (offset !== size) throw new Error(`layout mismatch: wrote ${offset} of ${size} bytes`);
  return { bytes, meta, counts: { v4: v4.length, v6: v6.length, asns: asnNumbers.length - 1 } };
}

function isFresh(output) {
  try {
    const built = statSync(output).mtimeMs;
    return (
      inputs.every((input) => statSync(input).mtimeMs < built) &&
      statSync(fileURLToPath(import.meta.url)).mtimeMs < built
    );
  } catch {
    return false;
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const outIndex = args.indexOf('--out');
  const output = outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : defaultOutput;
  if (!force && isFresh(output)) {
    console.error(`${output} is up to date`);
  } else {
    const started = Date.now();
    const { bytes, counts } = buildAsnTable();
    const compressed = gzipSync(bytes, { level: 9 });
    mkdirSync(dirname(output), { recursive: true });
    // Write aside and rename: test workers that build the table at the same time never read a half-written file.
    const partial = `${output}.${process.pid}.partial`;
    writeFileSync(partial, compressed);
    renameSync(partial, output);
    // Standard error: `npm pack --json` runs this through prepare, and its standard output must stay JSON.
    console.error(
      `${output}: ${counts.v4} IPv4 and ${counts.v6} IPv6 ranges, ${counts.asns} ASNs, ` +
        `${(bytes.length / 1e6).toFixed(1)} MB → ${(compressed.length / 1e6).toFixed(1)} MB gzip, ${Date.now() - started} ms`,
    );
  }
}
