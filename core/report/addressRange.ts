// Addresses that are not a sender on the Internet. A report that names one (0.0.0.0, ::, 127.0.0.1, 10.0.0.1) shows
// the reporter's own relay, a NAT in front of it or a mistake of the reporting software, never the host that sent the
// message, so the analysis labels such a source for what it is instead of counting it as an ordinary sender.
//
// The ranges are those of the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and the RFCs each entry
// cites) that are not globally reachable, plus the IPv4 multicast and reserved blocks (RFC 5771, RFC 1112) and the
// IPv6 space outside 2000::/3 that IANA has not allocated for unicast (RFC 4291 §2.4).
import { addressWords, parseIpAddress, samePrefix, type AddressWords, type IpAddress } from './parseIpAddress';

/**
 * What kind of special-purpose range an address is in:
 * - `unspecified`: 0.0.0.0 or :: ("no address", RFC 1122 §3.2.1.3, RFC 4291 §2.5.2)
 * - `loopback`: 127.0.0.0/8, ::1 (the reporting host itself)
 * - `private`: RFC 1918 (10/8, 172.16/12, 192.168/16), IPv6 unique local fc00::/7 (RFC 4193), the deprecated
 *   site-local fec0::/10 (RFC 3879) and the local-use translation prefix 64:ff9b:1::/48 (RFC 8215)
 * - `shared`: 100.64.0.0/10, carrier-grade NAT (RFC 6598)
 * - `link-local`: 169.254.0.0/16 (RFC 3927), fe80::/10 (RFC 4291)
 * - `documentation`: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737), 2001:db8::/32 (RFC 3849),
 *   3fff::/20 (RFC 9637)
 * - `benchmarking`: 198.18.0.0/15 (RFC 2544), 2001:2::/48 (RFC 5180)
 * - `multicast`: 224.0.0.0/4 (RFC 5771), ff00::/8 (RFC 4291)
 * - `broadcast`: 255.255.255.255 (RFC 919)
 * - `reserved`: anything else not used on the Internet: 0.0.0.0/8 "this network" (RFC 791), 192.0.0.0/24 IETF
 *   protocol assignments (RFC 6890), the retired 6to4 relay anycast 192.88.99.0/24 (RFC 7526), 240.0.0.0/4
 *   (RFC 1112), the IPv6 discard prefix 100::/64 (RFC 6666), IETF protocol assignments 2001::/23 (RFC 2928) and
 *   IPv6 outside 2000::/3 (RFC 4291 §2.4)
 */
export type AddressRangeKind =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'documentation'
  | 'benchmarking'
  | 'multicast'
  | 'broadcast'
  | 'reserved';

/** A block as an address and prefix length, with its kind; `undefined` for a block that is globally reachable. */
interface Block {
  words: AddressWords;
  length: number;
  kind: AddressRangeKind | undefined;
}

/** `a.b.c.d/n` or an IPv6 prefix, in 128 bits (IPv4 as its IPv4-mapped form, ::ffff:0:0/96). */
function block(prefix: string, kind: AddressRangeKind | undefined): Block {
  const slash = prefix.indexOf('/');
  const address = parseIpAddress(prefix.slice(0, slash));
  const length = Number(prefix.slice(slash + 1));
  if (address === undefined || !Number.isInteger(length)) throw new Error(`bad block ${prefix}`);
  // parseIpAddress reads ::ffff:0:0 as IPv4; a prefix written in IPv6 keeps its IPv6 length.
  const v6 = prefix.indexOf(':') >= 0;
  return { words: addressWords(address), length: address.family === 4 && !v6 ? length + 96 : length, kind };
}

/** The first block that holds an address decides; a more specific block is listed before the one around it. */
const BLOCKS: readonly Block[] = [
  block('0.0.0.0/32', 'unspecified'),
  block('0.0.0.0/8', 'reserved'),
  block('10.0.0.0/8', 'private'),
  block('100.64.0.0/10', 'shared'),
  block('127.0.0.0/8', 'loopback'),
  block('169.254.0.0/16', 'link-local'),
  block('172.16.0.0/12', 'private'),
  // Port Control Protocol and TURN anycast (RFC 7723, RFC 8155): globally reachable inside the IETF block.
  block('192.0.0.9/32', undefined),
  block('192.0.0.10/32', undefined),
  block('192.0.0.0/24', 'reserved'),
  block('192.0.2.0/24', 'documentation'),
  block('192.88.99.0/24', 'reserved'),
  block('192.168.0.0/16', 'private'),
  block('198.18.0.0/15', 'benchmarking'),
  block('198.51.100.0/24', 'documentation'),
  block('203.0.113.0/24', 'documentation'),
  block('224.0.0.0/4', 'multicast'),
  block('255.255.255.255/32', 'broadcast'),
  block('240.0.0.0/4', 'reserved'),
  // Every other IPv4 address (parseIpAddress reads an IPv4-mapped address as IPv4 too).
  block('::ffff:0:0/96', undefined),

  block('::/128', 'unspecified'),
  block('::1/128', 'loopback'),
  // NAT64's well-known prefix (RFC 6052) carries a public IPv4 address: a real sender behind a translator.
  block('64:ff9b::/96', undefined),
  block('64:ff9b:1::/48', 'private'),
  block('100::/64', 'reserved'),
  block('fc00::/7', 'private'),
  block('fe80::/10', 'link-local'),
  block('fec0::/10', 'private'),
  block('ff00::/8', 'multicast'),
  block('2001:db8::/32', 'documentation'),
  block('3fff::/20', 'documentation'),
  block('2001:2::/48', 'benchmarking'),
  // Inside the IETF protocol block, the globally reachable assignments of the registry: Teredo (RFC 4380), PCP and
  // TURN anycast, AMT (RFC 7450), AS112 (RFC 7535), ORCHIDv2 (RFC 7343) and DRIP (RFC 9374).
  block('2001::/32', undefined),
  block('2001:1::1/128', undefined),
  block('2001:1::2/128', undefined),
  block('2001:1::3/128', undefined),
  block('2001:3::/32', undefined),
  block('2001:4:112::/48', undefined),
  block('2001:20::/28', undefined),
  block('2001:30::/28', undefined),
  block('2001::/23', 'reserved'),
  block('2000::/3', undefined),
  block('::/0', 'reserved'),
];

/**
 * The special-purpose range `ip` is in, or undefined for an address that can be a sender on the Internet (and for
 * text that is not an address). Accepts any text parseIpAddress reads; an IPv4-mapped address is judged as the IPv4
 * address it is.
 */
export function describeAddressRange(ip: string | IpAddress): AddressRangeKind | undefined {
  const address = typeof ip === 'string' ? parseIpAddress(ip) : ip;
  if (address === undefined) return undefined;
  // IPv4 in its IPv4-mapped form, so that one table in 128 bits holds both families.
  const words = addressWords(address);
  for (const range of BLOCKS) if (samePrefix(range.words, words, range.length)) return range.kind;
  return undefined;
}
