// Textual IP addresses as SPF's ip4/ip6 mechanisms write them (RFC 7208 §5.6, which points to RFC 4291 §2.2 for ip6).
// One validator for every place that checks an address: the report reader's source_ip check is the same.
import { isIpv4Text, isIpv6Text } from '../report';

/** Dotted-quad IPv4, four decimal octets without leading zeros. */
export function isIpv4Address(text: string): boolean {
  return isIpv4Text(text);
}

/** RFC 4291 §2.2 text forms: eight groups, one `::` compression, and an optional trailing dotted quad. */
export function isIpv6Address(text: string): boolean {
  return isIpv6Text(text);
}
