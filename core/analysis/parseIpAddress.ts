// Source IPs in aggregate reports are text written by the reporter (RFC 9990 §3.1 `IPAddress`: IPv4 dotted quad or
// an RFC 5952 IPv6 form). This reads them into numbers the ASN table and the grouping code can compare.

/** An IPv4 address as an unsigned 32-bit number, or an IPv6 address as four unsigned 32-bit words (high first). */
export type IpAddress =
  | { family: 4; value: number }
  | { family: 6; words: [number, number, number, number] };

function parseIpv4(text: string): number | undefined {
  // Hand-rolled: this runs once per distinct source IP, up to a million times per analysis.
  let value = 0;
  let octet = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 46; // a virtual final "."
    if (code === 46) {
      if (digits === 0 || octet > 255 || parts === 4) return undefined;
      value = value * 256 + octet;
      parts++;
      octet = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57) {
      // Leading zeros are refused: "010" is octal to some libraries and decimal to others (RFC 6943 §3.1.1).
      if (digits === 1 && octet === 0) return undefined;
      octet = octet * 10 + (code - 48);
      if (++digits > 3) return undefined;
    } else return undefined;
  }
  return parts === 4 ? value : undefined;
}

function parseIpv6(text: string): [number, number, number, number] | undefined {
  let body = text;
  const zone = body.indexOf('%');
  if (zone !== -1) body = body.slice(0, zone); // RFC 6874 zone index: meaningless outside the host
  let tail: number[] = [];
  // A trailing dotted quad (RFC 4291 §2.2 form 3), e.g. ::ffff:192.0.2.1.
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.', lastColon)) {
    const v4 = parseIpv4(body.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [Math.floor(v4 / 65536), v4 % 65536];
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (part: string | undefined): number[] | undefined => {
    if (!part) return [];
    const groups: number[] = [];
    for (const group of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      groups.push(parseInt(group, 16));
    }
    return groups;
  };
  const head = toGroups(halves[0]);
  const rest = toGroups(halves[1]);
  if (!head || !rest) return undefined;
  const explicit = head.length + rest.length + tail.length;
  let groups: number[];
  if (halves.length === 2) {
    if (explicit > 7) return undefined;
    groups = [...head, ...new Array<number>(8 - explicit).fill(0), ...rest, ...tail];
  } else {
    if (explicit !== 8) return undefined;
    groups = [...head, ...tail];
  }
  const word = (i: number) => ((groups[i] ?? 0) * 65536 + (groups[i + 1] ?? 0)) >>> 0;
  return [word(0), word(2), word(4), word(6)];
}

/**
 * Reads an IPv4 or IPv6 address; `undefined` for anything else (reporters have written host names and empty strings).
 * IPv4-mapped IPv6 addresses (::ffff:a.b.c.d, RFC 4291 §2.5.5.2) are returned as IPv4: that is the sender.
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  const trimmed = text.trim();
  if (trimmed.includes(':')) {
    const words = parseIpv6(trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed);
    if (!words) return undefined;
    if (words[0] === 0 && words[1] === 0 && words[2] === 0xffff) return { family: 4, value: words[3] };
    return { family: 6, words };
  }
  const value = parseIpv4(trimmed);
  return value === undefined ? undefined : { family: 4, value };
}
