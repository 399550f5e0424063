// The sources table's "IP or CIDR" filter: `192.0.2.0/24`, `2001:db8::/32`, a single address, or any other text
// (matched as a substring, so typing `203.0.` narrows as you type).
import { parseIpAddress, type IpAddress } from '../../../core/report/parseIpAddress';

function bitsOf(address: IpAddress): number[] {
  const words = address.family === 4 ? [address.value] : address.words;
  return words;
}

function prefixMatches(network: IpAddress, candidate: IpAddress, prefixLength: number): boolean {
  if (network.family !== candidate.family) return false;
  const a = bitsOf(network);
  const b = bitsOf(candidate);
  let remaining = prefixLength;
  for (let i = 0; i < a.length && remaining > 0; i++) {
    const take = Math.min(32, remaining);
    // Compare the top `take` bits of this 32-bit word; >>> keeps the arithmetic unsigned.
    const shift = 32 - take;
    if (shift === 32 ? false : a[i]! >>> shift !== b[i]! >>> shift) return false;
    remaining -= take;
  }
  return true;
}

/** A predicate for source IPs, or undefined when the filter is empty. */
export function matchIpFilter(filter: string): ((ip: string) => boolean) | undefined {
  const text = filter.trim();
  if (!text) return undefined;
  const slash = text.indexOf('/');
  if (slash !== -1) {
    const network = parseIpAddress(text.slice(0, slash));
    const length = Number(text.slice(slash + 1));
    if (network && Number.isInteger(length) && length >= 0 && length <= (network.family === 4 ? 32 : 128)) {
      return (ip) => {
        const candidate = parseIpAddress(ip);
        return candidate !== undefined && prefixMatches(network, candidate, length);
      };
    }
  }
  const lowered = text.toLowerCase();
  return (ip) => ip.toLowerCase().includes(lowered);
}
