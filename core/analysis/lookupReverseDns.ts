// Reverse DNS for source IPs, only when the user opts in: the resolver (DNS-over-HTTPS in the site) and the cache
// (IndexedDB in the site) are injected, so core sends nothing anywhere by itself and stays testable with a fake.
import { parseIpAddress } from '../report';

/** What one PTR query returned. */
export type PtrAnswer =
  | { status: 'ok'; names: string[] }
  /** NXDOMAIN or no PTR record: a real answer, worth caching. */
  | { status: 'none' }
  /** Network or server failure: not cached, tried again next time. */
  | { status: 'error'; message: string };

/** Resolves the PTR records of one query name (e.g. `4.3.2.1.in-addr.arpa`). */
export type PtrResolver = (queryName: string) => Promise<PtrAnswer>;

export interface ReverseDnsCache {
  get(ip: string): Promise<string[] | undefined>;
  set(ip: string, names: string[]): Promise<void>;
}

export interface LookupReverseDnsOptions {
  /** Parallel queries (default 6: what a browser allows per origin on HTTP/1.1). */
  concurrency?: number;
  signal?: { readonly aborted: boolean };
  cache?: ReverseDnsCache;
  /** Called after each address, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface ReverseDnsResult {
  /** PTR names per IP (an empty list: the IP has no PTR record). */
  names: Map<string, string[]>;
  /** IPs whose lookup failed, with the reason. */
  failed: Map<string, string>;
  /** How many answers came from the cache. */
  fromCache: number;
}

/** The PTR query name of an address (RFC 1035 §3.5 for IPv4, RFC 3596 §2.5 nibble format for IPv6). */
export function reverseDnsName(ip: string): string | undefined {
  const address = parseIpAddress(ip);
  if (!address) return undefined;
  if (address.family === 4) {
    const v = address.value;
    return `${v & 255}.${(v >>> 8) & 255}.${(v >>> 16) & 255}.${v >>> 24}.in-addr.arpa`;
  }
  const hex = address.words.map((w) => w.toString(16).padStart(8, '0')).join('');
  return `${[...hex].reverse().join('.')}.ip6.arpa`;
}

/** Host names must look like host names (RFC 1123 §2.1) before they are shown or matched. */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*$/;

/**
 * Reads a DNS JSON answer (the `application/dns-json` format of Cloudflare's and Google's DoH endpoints) to a PTR
 * query. RCODE 3 (NXDOMAIN, RFC 1035 §4.1.1) and an empty answer mean "no PTR record".
 */
export function readDnsJsonPtrAnswer(json: unknown): PtrAnswer {
  if (typeof json !== 'object' || json === null) return { status: 'error', message: 'The DNS answer is not JSON.' };
  const status = (json as { Status?: unknown }).Status;
  if (status === 3) return { status: 'none' };
  if (status !== 0) return { status: 'error', message: `DNS error code ${String(status)}.` };
  const answers = (json as { Answer?: unknown }).Answer;
  const names: string[] = [];
  if (Array.isArray(answers)) {
    for (const answer of answers) {
      // Type 12 is PTR (RFC 1035 §3.2.2); CNAMEs (type 5) of classless delegations (RFC 2317) are followed by the
      // resolver and show up as separate answers.
      if (typeof answer !== 'object' || answer === null || (answer as { type?: unknown }).type !== 12) continue;
      const data = (answer as { data?: unknown }).data;
      if (typeof data !== 'string') continue;
      const name = data.trim().toLowerCase().replace(/\.$/, '');
      if (HOST_NAME.test(name) && !names.includes(name)) names.push(name);
    }
  }
  return names.length ? { status: 'ok', names } : { status: 'none' };
}

/** Looks up the PTR names of the addresses, cache first, at most `concurrency` queries at a time. */
export async function lookupReverseDns(
  ips: Iterable<string>,
  resolve: PtrResolver,
  options: LookupReverseDnsOptions = {},
): Promise<ReverseDnsResult> {
  const unique = [...new Set(ips)];
  const result: ReverseDnsResult = { names: new Map(), failed: new Map(), fromCache: 0 };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 6, 32));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < unique.length) {
      if (options.signal?.aborted) return;
      const ip = unique[next++]!;
      const cached = await options.cache?.get(ip);
      if (cached) {
        result.names.set(ip, cached);
        result.fromCache++;
      } else {
        const queryName = reverseDnsName(ip);
        if (!queryName) result.failed.set(ip, 'not an IP address');
        else {
          let answer: PtrAnswer;
          try {
            answer = await resolve(queryName);
          } catch (error) {
            answer = { status: 'error', message: error instanceof Error ? error.message : String(error) };
          }
          if (answer.status === 'error') result.failed.set(ip, answer.message);
          else {
            const names = answer.status === 'ok' ? answer.names : [];
            result.names.set(ip, names);
            await options.cache?.set(ip, names);
          }
        }
      }
      options.onProgress?.(++done, unique.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
  return result;
}
