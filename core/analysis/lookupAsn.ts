// IP → autonomous system and registration country, offline, by binary search over the table from readAsnTable.
import type { AsnTable } from './readAsnTable';
import { parseIpAddress, type IpAddress } from '../report';

export interface AsnInfo {
  /** Autonomous system number, when the address is routed/delegated. */
  asn?: number;
  /** The AS organisation as the data source names it (e.g. "Google LLC"). */
  asnName?: string;
  /** ISO 3166-1 alpha-2 country of the RIR registration (not a geolocation of the host). */
  country?: string;
}

/** Index of the last row whose start is ≤ the key, or -1. */
function lastStartAtOrBelow(starts: Uint32Array, key: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (starts[middle]! <= key) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function lastStartAtOrBelow64(highs: Uint32Array, lows: Uint32Array, keyHigh: number, keyLow: number): number {
  let low = 0;
  let high = highs.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const h = highs[middle]!;
    if (h < keyHigh || (h === keyHigh && lows[middle]! <= keyLow)) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

const nameDecoder = new TextDecoder();
/** Decoded AS names, kept per table: a million lookups hit only a few hundred distinct networks. */
const nameCache = new WeakMap<AsnTable, Map<number, string>>();

function asnName(table: AsnTable, index: number): string {
  let cache = nameCache.get(table);
  if (!cache) {
    cache = new Map();
    nameCache.set(table, cache);
  }
  let name = cache.get(index);
  if (name === undefined) {
    const start = table.asnNameOffset[index]!;
    const end = table.asnNameOffset[index + 1]!;
    const bytes = table.asnNames;
    // Most names are ASCII, made into a string directly: a decoder call costs more than a short name.
    let ascii = true;
    for (let i = start; i < end && ascii; i++) ascii = bytes[i]! < 0x80;
    const text = bytes.subarray(start, end);
    name = ascii ? String.fromCharCode.apply(null, text as unknown as number[]) : nameDecoder.decode(text);
    cache.set(index, name);
  }
  return name;
}

function describe(table: AsnTable, asnIndex: number, countryIndex: number): AsnInfo {
  const info: AsnInfo = {};
  if (asnIndex > 0) {
    info.asn = table.asnNumber[asnIndex]!;
    const name = asnName(table, asnIndex);
    if (name) info.asnName = name;
  }
  const country = table.countryCodes[countryIndex];
  if (countryIndex > 0 && country) info.country = country;
  return info;
}

/**
 * What the table says of a parsed address as one number: its AS's index × 256 + its country's index (both 0 when the
 * row names none), or -1 for addresses the data does not cover. Many addresses share one: asnInfoOfKey describes it.
 */
export function asnKeyOfAddress(table: AsnTable, address: IpAddress): number {
  if (address.family === 4) return asnKeyOfIpv4(table, address.value);
  // The table keeps the upper 64 bits of IPv6 addresses (see scripts/build-asn-table.mjs).
  const row = lastStartAtOrBelow64(table.v6High, table.v6Low, address.words[0], address.words[1]);
  return row < 0 ? -1 : table.v6Asn[row]! * 256 + table.v6Country[row]!;
}

/** asnKeyOfAddress of an IPv4 address given as its unsigned 32-bit value. */
export function asnKeyOfIpv4(table: AsnTable, value: number): number {
  const row = lastStartAtOrBelow(table.v4Start, value);
  return row < 0 ? -1 : table.v4Asn[row]! * 256 + table.v4Country[row]!;
}

/** The AsnInfo an asnKeyOfAddress stands for (a new object each time). */
export function asnInfoOfKey(table: AsnTable, key: number): AsnInfo {
  return key < 0 ? {} : describe(table, Math.floor(key / 256), key % 256);
}

/** Looks up a parsed address. Returns an empty object for addresses the data does not cover (private, unrouted). */
export function lookupAsnOfAddress(table: AsnTable, address: IpAddress): AsnInfo {
  return asnInfoOfKey(table, asnKeyOfAddress(table, address));
}

/** Looks up an address written as text; an unreadable address yields an empty object. */
export function lookupAsn(table: AsnTable, ip: string): AsnInfo {
  const address = parseIpAddress(ip);
  return address ? lookupAsnOfAddress(table, address) : {};
}
