// One search box for sources, on the dashboard and the Senders page alike: an address or network (`192.0.2.0/24`)
// finds the addresses in it (matchIpFilter.ts); any other text finds the sources whose name (the sending service or
// network), key or domains (header From, DKIM d=, SPF) contain it, case aside, so "google" finds Google's sources, and
// still the addresses that contain it as text (typing `203.0.` narrows as you type).
import { isAddressOrNetwork, matchIpFilter } from './matchIpFilter';

export interface SourceSearch {
  /** Whether one of a source's names or domains matches: the whole source is shown. */
  matchesWords(words: Iterable<string>): boolean;
  /** Whether an address matches: the source is shown with its matching addresses. */
  matchesIp(ip: string): boolean;
}

/** The search `text` asks for, or undefined when it is empty. */
export function readSourceSearch(text: string): SourceSearch | undefined {
  const trimmed = text.trim();
  const matchesIp = matchIpFilter(trimmed);
  if (!matchesIp) return undefined;
  if (isAddressOrNetwork(trimmed)) return { matchesWords: () => false, matchesIp };
  const lowered = trimmed.toLowerCase();
  return {
    matchesWords(words) {
      for (const word of words) if (word.toLowerCase().includes(lowered)) return true;
      return false;
    },
    matchesIp,
  };
}

/**
 * Narrows sources by a search: a source whose names or domains match stays whole, one with matching addresses keeps
 * those, the others go. `words` lists a source's names and domains; `ipsOf` its addresses; `withIps` makes the source
 * with only some of them.
 */
export function searchSources<S, I>(
  sources: readonly S[],
  search: SourceSearch | undefined,
  words: (source: S) => Iterable<string>,
  ipsOf: (source: S) => readonly I[],
  ipOf: (ip: I) => string,
  withIps: (source: S, ips: I[]) => S,
): S[] {
  if (!search) return [...sources];
  const out: S[] = [];
  for (const source of sources) {
    if (search.matchesWords(words(source))) {
      out.push(source);
      continue;
    }
    const all = ipsOf(source);
    const ips = all.filter((ip) => search.matchesIp(ipOf(ip)));
    if (ips.length === all.length) out.push(source);
    else if (ips.length > 0) out.push(withIps(source, ips));
  }
  return out;
}
