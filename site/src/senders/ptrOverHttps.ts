// Reverse DNS for the sender view, only after the user agreed (ReverseDnsConsent): PTR questions go to the chosen
// DNS-over-HTTPS server, answers are kept in IndexedDB for a week so the same addresses are never asked twice.
import { openDB, type IDBPDatabase } from 'idb';
import { readDnsJsonPtrAnswer, type PtrResolver, type ReverseDnsCache } from '../../../core/analysis';
import { askDnsJson, type DohServer } from '../dns/dohResolver';

/** PTR records change rarely; a week-old answer is still a good name. */
const CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const CACHE_DB = 'dmarc-lens-rdns';

/** Questions go through the site's one DoH client (askDnsJson: no cookies, no referrer, a timeout). */
export function ptrOverHttps(server: DohServer): PtrResolver {
  return async (queryName) => {
    const asked = await askDnsJson(server, queryName, 'PTR');
    return asked.ok ? readDnsJsonPtrAnswer(asked.json) : { status: 'error', message: asked.message };
  };
}

interface CachedPtr {
  ip: string;
  names: string[];
  fetchedAt: number;
}

let opening: Promise<IDBPDatabase> | undefined;

function cacheDatabase(): Promise<IDBPDatabase> {
  opening ??= openDB(CACHE_DB, 1, {
    upgrade(db) {
      db.createObjectStore('ptr', { keyPath: 'ip' });
    },
  });
  return opening;
}

export const reverseDnsCache: ReverseDnsCache = {
  async get(ip) {
    const entry = (await (await cacheDatabase()).get('ptr', ip)) as CachedPtr | undefined;
    return entry && Date.now() - entry.fetchedAt < CACHE_TTL_MS ? entry.names : undefined;
  },
  async set(ip, names) {
    const entry: CachedPtr = { ip, names, fetchedAt: Date.now() };
    await (await cacheDatabase()).put('ptr', entry);
  },
};

/** The cached names of these IPs (no network), for showing what an earlier opt-in already found. */
export async function cachedReverseDns(ips: Iterable<string>): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const ip of ips) {
    const names = await reverseDnsCache.get(ip);
    if (names) found.set(ip, names);
  }
  return found;
}
