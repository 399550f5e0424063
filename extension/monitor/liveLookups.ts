// Live DNS lookups for the watch (issue 17: the published record drifting from what reports show). Off until the user
// turns them on in the options, naming the DNS-over-HTTPS server, whose host alone is then granted. After each check's
// judgement of the stored reports, `_dmarc.<domain>` is asked of that server for every watched domain, through the
// site's resolver (site/src/dns/dohResolver.ts) and core/dns's reading of the record.
import type { PolicyPublished } from '../../core/report';
import { askResolver, joinTxtStrings, parseDmarcRecord, type DnsResolver } from '../../core/dns';
import { DOH_SERVERS, lookupOverHttps, type DohServer } from '../../site/src/dns/dohResolver';

export interface LiveLookupSettings {
  enabled: boolean;
  /** A DOH_SERVERS id. */
  server: string;
}

export const LIVE_LOOKUPS_KEY = 'liveLookups';
export const DEFAULT_LIVE_LOOKUPS: LiveLookupSettings = { enabled: false, server: DOH_SERVERS[0]!.id };

export function dohServer(id: string): DohServer {
  return DOH_SERVERS.find((server) => server.id === id) ?? DOH_SERVERS[0]!;
}

/** The one host permission a server needs. */
export function dohPermission(server: DohServer): { origins: string[] } {
  return { origins: [`${new URL(server.endpoint).origin}/*`] };
}

export async function readLiveLookups(): Promise<LiveLookupSettings> {
  const stored: unknown = (await browser.storage.local.get(LIVE_LOOKUPS_KEY))[LIVE_LOOKUPS_KEY];
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    enabled: value.enabled === true,
    server: dohServer(typeof value.server === 'string' ? value.server : DEFAULT_LIVE_LOOKUPS.server).id,
  };
}

export async function writeLiveLookups(settings: LiveLookupSettings): Promise<void> {
  await browser.storage.local.set({ [LIVE_LOOKUPS_KEY]: settings });
}

/** The resolver the checks use: undefined while lookups are off, or when the browser no longer grants the host. */
export async function liveResolver(): Promise<DnsResolver | undefined> {
  const settings = await readLiveLookups();
  if (!settings.enabled) return undefined;
  const server = dohServer(settings.server);
  const granted = await browser.permissions.contains(dohPermission(server)).catch(() => false);
  return granted ? lookupOverHttps(server) : undefined;
}

export type PublishedPolicy = Pick<PolicyPublished, 'p' | 'sp' | 'np' | 'adkim' | 'aspf' | 'pct' | 'testing'>;

export interface PublishedPolicies {
  /** The policy each domain publishes, for the domains with one readable DMARC record. */
  policies: Map<string, PublishedPolicy>;
  /** Domains whose lookup failed (a server error, a timeout): their drift is not judged this time. */
  failed: string[];
}

/**
 * Asks for each domain's `_dmarc` record, one question per domain, one at a time. A domain without exactly one valid
 * DMARC record there (none, two, or one core/dns cannot read) has no published policy to compare with and is left out.
 */
export async function lookupPublishedPolicies(
  domains: readonly string[],
  resolver: DnsResolver,
): Promise<PublishedPolicies> {
  const policies = new Map<string, PublishedPolicy>();
  const failed: string[] = [];
  for (const domain of domains) {
    const answer = await askResolver(resolver, `_dmarc.${domain}`, 'TXT');
    if (answer.status === 'error') {
      failed.push(domain);
      continue;
    }
    if (answer.status !== 'ok') continue;
    const records = answer.answers.map(joinTxtStrings).filter((text) => /^v\s*=\s*DMARC1/.test(text));
    if (records.length !== 1) continue;
    const parsed = parseDmarcRecord(records[0]!);
    if (!parsed.ok) continue;
    const { p, sp, np, adkim, aspf, pct, t } = parsed.record;
    policies.set(domain, {
      ...(p && { p }),
      ...(sp && { sp }),
      ...(np && { np }),
      ...(adkim && { adkim }),
      ...(aspf && { aspf }),
      ...(pct !== undefined && { pct }),
      ...(t && { testing: t }),
    });
  }
  return { policies, failed };
}
