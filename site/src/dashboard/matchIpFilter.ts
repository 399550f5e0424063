// The IP part of the source search (matchSourceSearch.ts): a network (`192.0.2.0/24`, `2001:db8::/32`, `::ffff:192.0.2.0/120`) or a
// single address, compared as addresses, so that every way of writing one address finds it and no other; any other
// text is matched as a substring of the address (so typing `203.0.` narrows as you type).
import { addressWords, parseIpAddress, samePrefix, type AddressWords } from '../../../core/report';

/** `text` as a network: its address in 128 bits and prefix length, or undefined when it is not one. */
function readNetwork(text: string): { words: AddressWords; length: number } | undefined {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash < 0 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  // An address written as IPv6 (even IPv4-mapped, which parseIpAddress reads as IPv4) has a 128-bit prefix.
  const v6 = text.slice(0, slash < 0 ? text.length : slash).indexOf(':') >= 0;
  const bits = v6 ? 128 : 32;
  if (slash < 0) return { words: addressWords(address), length: 128 };
  const lengthText = text.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(lengthText)) return undefined;
  const length = Number(lengthText);
  if (length > bits) return undefined;
  return { words: addressWords(address), length: length + 128 - bits };
}

/** Whether `text` is written as an address or a network (then a search compares addresses, not names). */
export function isAddressOrNetwork(text: string): boolean {
  return readNetwork(text.trim()) !== undefined;
}

/** A predicate for source IPs, or undefined when the filter is empty. */
export function matchIpFilter(filter: string): ((ip: string) => boolean) | undefined {
  const text = filter.trim();
  if (!text) return undefined;
  const network = readNetwork(text);
  if (network) {
    return (ip) => {
      const candidate = parseIpAddress(ip);
      return candidate !== undefined && samePrefix(network.words, addressWords(candidate), network.length);
    };
  }
  const lowered = text.toLowerCase();
  return (ip) => ip.toLowerCase().includes(lowered);
}
