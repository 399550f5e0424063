// Source IPs in aggregate reports are text written by the reporter (RFC 9990 §3.1 `IPAddress`: IPv4 dotted quad or
// an RFC 5952 IPv6 form). This reads them into numbers the ASN table and the grouping code can compare, and tells the
// report reader whether a source_ip is an address at all.
//
// Hand-rolled rather than split and matched with regular expressions: the report reader checks every record's
// source_ip, up to millions per report, and analysis reads each distinct address again.

/** An IPv4 address as an unsigned 32-bit number, or an IPv6 address as four unsigned 32-bit words (high first). */
export type IpAddress = { family: 4; value: number } | { family: 6; words: [number, number, number, number] };

/** An address in 128 bits, as four unsigned 32-bit words. */
export type AddressWords = readonly [number, number, number, number];

/** The address in 128 bits; IPv4 as its IPv4-mapped form (::ffff:a.b.c.d), so that one comparison serves both. */
export function addressWords(address: IpAddress): AddressWords {
  return address.family === 4 ? [0, 0, 0xffff, address.value] : address.words;
}

/** Whether the first `prefixLength` bits (0–128) of two addresses in 128 bits are the same. */
export function samePrefix(network: AddressWords, candidate: AddressWords, prefixLength: number): boolean {
  let remaining = prefixLength;
  for (let i = 0; i < 4 && remaining > 0; i++) {
    const take = Math.min(32, remaining);
    // Compare the top `take` bits of this 32-bit word; >>> keeps the arithmetic unsigned.
    if (network[i]! >>> (32 - take) !== candidate[i]! >>> (32 - take)) return false;
    remaining -= take;
  }
  return true;
}

const DOT = 46;
const COLON = 58;

/** `text[from, to)` as a dotted-quad IPv4 address (an unsigned 32-bit number), or -1. */
function readIpv4(text: string, from: number, to: number): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let parts = 0;
  for (let i = from; i <= to; i++) {
    const code = i < to ? text.charCodeAt(i) : DOT; // a virtual final "."
    if (code === DOT) {
      if (digits === 0 || octet > 255 || parts === 4) return -1;
      value = value * 256 + octet;
      parts++;
      octet = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57) {
      // Leading zeros are refused: "010" is octal to some libraries and decimal to others (RFC 6943 §3.1.1).
      if (digits === 1 && octet === 0) return -1;
      octet = octet * 10 + (code - 48);
      if (++digits > 3) return -1;
    } else return -1;
  }
  return parts === 4 ? value : -1;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** The eight 16-bit groups of the last IPv6 address read by {@link readIpv6}. */
const groups = new Uint16Array(8);

/**
 * `text[from, to)` as an RFC 4291 §2.2 IPv6 text form — eight groups of one to four hex digits, at most one `::`
 * standing for one or more zero groups, and optionally a dotted quad for the last two groups — into {@link groups}.
 */
function readIpv6(text: string, from: number, to: number): boolean {
  let count = 0;
  /** Where `::` stands in the groups read, or -1. */
  let gap = -1;
  let i = from;
  if (i < to && text.charCodeAt(i) === COLON) {
    if (i + 1 >= to || text.charCodeAt(i + 1) !== COLON) return false;
    gap = 0;
    i += 2;
  }
  while (i < to) {
    const start = i;
    let group = 0;
    let digits = 0;
    for (; i < to; i++) {
      const hex = hexValue(text.charCodeAt(i));
      if (hex < 0) break;
      group = group * 16 + hex;
      digits++;
    }
    if (i < to && text.charCodeAt(i) === DOT) {
      // RFC 4291 §2.2 form 3: the last 32 bits as a dotted quad, e.g. ::ffff:192.0.2.1.
      const v4 = readIpv4(text, start, to);
      if (v4 < 0 || count > 6) return false;
      groups[count++] = v4 >>> 16;
      groups[count++] = v4 & 0xffff;
      // The dotted quad runs to the end of the address: nothing may follow it.
      break;
    }
    if (digits === 0 || digits > 4 || count === 8) return false;
    groups[count++] = group;
    if (i === to) break;
    if (text.charCodeAt(i) !== COLON) return false;
    i++;
    if (i < to && text.charCodeAt(i) === COLON) {
      if (gap >= 0) return false;
      gap = count;
      i++;
    } else if (i === to) return false;
  }
  if (gap < 0) return count === 8;
  if (count > 7) return false;
  // Move the groups after `::` to the end and fill the gap with zeros.
  const shift = 8 - count;
  for (let g = count - 1; g >= gap; g--) groups[g + shift] = groups[g]!;
  groups.fill(0, gap, gap + shift);
  return true;
}

/**
 * Whether `text` is exactly an IP address as a report writes one (RFC 9990 `IPAddress`): a dotted-quad IPv4 address
 * without leading zeros, or an RFC 4291 §2.2 IPv6 text form. Nothing around it: no blanks, brackets or zone index
 * (`%eth0` names an interface on the reporter's own host, meaningless in a report).
 */
export function isIpAddressText(text: string): boolean {
  return text.indexOf(':') >= 0 ? readIpv6(text, 0, text.length) : readIpv4(text, 0, text.length) >= 0;
}

/** Whether `text` is exactly a dotted-quad IPv4 address without leading zeros. */
export function isIpv4Text(text: string): boolean {
  return readIpv4(text, 0, text.length) >= 0;
}

/** Whether `text` is exactly an RFC 4291 §2.2 IPv6 text form (no brackets, no zone index). */
export function isIpv6Text(text: string): boolean {
  return readIpv6(text, 0, text.length);
}

/**
 * Reads an IPv4 or IPv6 address; `undefined` for anything else (reporters have written host names and empty strings).
 * Lenient about what people type around an address: blanks, `[…]` and an RFC 6874 zone index are ignored.
 * IPv4-mapped IPv6 addresses (::ffff:a.b.c.d, RFC 4291 §2.5.5.2) are returned as IPv4: that is the sender.
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  const trimmed = text.trim();
  if (trimmed.indexOf(':') < 0) {
    const value = readIpv4(trimmed, 0, trimmed.length);
    return value < 0 ? undefined : { family: 4, value };
  }
  let from = 0;
  let to = trimmed.length;
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    from++;
    to--;
  }
  const zone = trimmed.indexOf('%', from);
  if (zone >= 0 && zone < to) to = zone; // RFC 6874 zone index: meaningless outside the host
  return readIpv6(trimmed, from, to) ? addressOfGroups() : undefined;
}

/** The address in {@link groups}; an IPv4-mapped one (::ffff:a.b.c.d, RFC 4291 §2.5.5.2) as IPv4: that is the sender. */
function addressOfGroups(): IpAddress {
  const word = (i: number): number => (groups[i]! * 65536 + groups[i + 1]!) >>> 0;
  const words: [number, number, number, number] = [word(0), word(2), word(4), word(6)];
  if (words[0] === 0 && words[1] === 0 && words[2] === 0xffff) return { family: 4, value: words[3] };
  return { family: 6, words };
}

/** `value` (an unsigned 32-bit number) as a dotted quad. */
function dottedQuad(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

const DIGITS = '0123456789abcdef';

/** A 16-bit group as lower-case hex without leading zeros (RFC 5952 §4.1, §4.3). */
function hex(group: number): string {
  if (group < 0x10) return DIGITS[group]!;
  if (group < 0x100) return DIGITS[group >> 4]! + DIGITS[group & 15]!;
  if (group < 0x1000) return DIGITS[group >> 8]! + DIGITS[(group >> 4) & 15]! + DIGITS[group & 15]!;
  return DIGITS[group >> 12]! + DIGITS[(group >> 8) & 15]! + DIGITS[(group >> 4) & 15]! + DIGITS[group & 15]!;
}

/**
 * Eight 16-bit groups as RFC 5952 §4 writes them: lower-case hex without leading zeros (§4.1, §4.3), the longest run
 * of two or more zero groups as `::`, the first such run when two are as long (§4.2). One pass of string appends: the
 * report reader writes every IPv6 source_ip through here.
 */
function formatGroups(parts: ArrayLike<number>): string {
  let bestStart = -1;
  let bestLength = 1; // §4.2.2: a single zero group is written as 0, never as ::
  for (let i = 0; i < 8;) {
    if (parts[i] !== 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < 8 && parts[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      text += '::';
      i += bestLength - 1;
    } else {
      text += i === 0 || i === bestStart + bestLength ? hex(parts[i]!) : `:${hex(parts[i]!)}`;
    }
  }
  return text;
}

/** The groups of the address being written by {@link formatIpAddress}. */
const formatted = new Uint16Array(8);

/**
 * An address in its one canonical text: IPv4 as a dotted quad, IPv6 as RFC 5952 §4 writes it (lower-case hex, no
 * leading zeros, the longest run of two or more zero groups as `::`, the first such run when two are as long).
 * IPv4-mapped addresses are IPv4 already (parseIpAddress), so they come out as a dotted quad.
 */
export function formatIpAddress(address: IpAddress): string {
  if (address.family === 4) return dottedQuad(address.value);
  for (let w = 0; w < 4; w++) {
    formatted[2 * w] = address.words[w]! >>> 16;
    formatted[2 * w + 1] = address.words[w]! & 0xffff;
  }
  return formatGroups(formatted);
}

/**
 * The canonical text (formatIpAddress) of a source_ip as a report writes it (isIpAddressText: no blanks, brackets or
 * zone index), or undefined when it is not an address. A dotted quad that reads as one is returned as it is, without
 * building a new string: it is the common case, once per record of every report.
 */
export function canonicalIpAddress(text: string): string | undefined {
  if (text.indexOf(':') < 0) return readIpv4(text, 0, text.length) >= 0 ? text : undefined;
  if (!readIpv6(text, 0, text.length)) return undefined;
  // IPv4-mapped (RFC 4291 §2.5.5.2) is the IPv4 sender.
  if (
    groups[0] === 0 &&
    groups[1] === 0 &&
    groups[2] === 0 &&
    groups[3] === 0 &&
    groups[4] === 0 &&
    groups[5] === 0xffff
  ) {
    return dottedQuad(((groups[6]! << 16) | groups[7]!) >>> 0);
  }
  return formatGroups(groups);
}
