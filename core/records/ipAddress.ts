// Textual IP addresses as SPF's ip4/ip6 mechanisms write them (RFC 7208 §5.6, which points to RFC 4291 §2.2 for ip6).

/** Dotted-quad IPv4, four decimal octets without leading zeros. */
export function isIpv4Address(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^(?:0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** RFC 4291 §2.2 text forms: eight groups, one `::` compression, and an optional trailing dotted quad. */
export function isIpv6Address(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return false;
  let groups = text;
  const lastColon = groups.lastIndexOf(':');
  if (groups.includes('.')) {
    if (!isIpv4Address(groups.slice(lastColon + 1))) return false;
    // The dotted quad stands for the last two 16-bit groups.
    groups = `${groups.slice(0, lastColon + 1)}0:0`;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return false;
  const count = (half: string) => (half === '' ? [] : half.split(':'));
  const head = count(halves[0] ?? '');
  const tail = halves.length === 2 ? count(halves[1] ?? '') : [];
  const all = [...head, ...tail];
  if (!all.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  const total = all.length;
  return halves.length === 2 ? total <= 7 : total === 8;
}
