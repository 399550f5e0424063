// Live DNS lookups for the watch (issue 17: the published record drifting from what reports show). Off until the user
// turns them on in the options, naming the DNS-over-HTTPS server, whose host alone is then granted. After each check's
// judgement of the stored reports, `_dmarc.<domain>` is asked of that server for every watched domain, through the
// site's resolver (site/src/dns/dohResolver.ts) and core/dns's reading of the record.
import { organizationalDomain, type PolicyPublished } from '../../core/report';
import type { DmarcRecordProblem } from '../../core/analysis';
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
  /** The policy that applies to each domain: its own record's, or its organizational domain's when it has none. */
  policies: Map<string, PublishedPolicy>;
  /** Domains to which DNS gives no policy that applies, and why: the watch alerts on these. */
  problems: Map<string, DmarcRecordProblem>;
  /** Domains whose lookup failed (a server error, a timeout): their drift is not judged this time. */
  failed: string[];
}

type RecordLookup = { policy: PublishedPolicy } | { problem: DmarcRecordProblem } | 'failed';

/** One `_dmarc` name's answer, read as RFC 7489 §6.6.3 says a receiver reads it. */
async function lookupRecord(name: string, resolver: DnsResolver): Promise<RecordLookup> {
  const answer = await askResolver(resolver, name, 'TXT');
  if (answer.status === 'error') return 'failed';
  const texts = answer.status === 'ok' ? answer.answers.map(joinTxtStrings) : [];
  // Records that do not begin with the version tag are not DMARC records, and are left out before counting.
  const records = texts.filter((text) => /^v\s*=\s*DMARC1/.test(text));
  if (records.length === 0) return { problem: 'missing' };
  if (records.length > 1) return { problem: 'several' };
  const parsed = parseDmarcRecord(records[0]!);
  if (!parsed.ok) return { problem: 'unreadable' };
  const { p, sp, np, adkim, aspf, pct, t } = parsed.record;
  return {
    policy: {
      ...(p && { p }),
      ...(sp && { sp }),
      ...(np && { np }),
      ...(adkim && { adkim }),
      ...(aspf && { aspf }),
      ...(pct !== undefined && { pct }),
      ...(t && { testing: t }),
    },
  };
}

/**
 * Asks for each domain's `_dmarc` record, one question at a time, as a receiver does: a domain with no DMARC record
 * of its own takes its organizational domain's (asked once more); several records, or one core/dns cannot read, give
 * no policy at all.
 */
export async function lookupPublishedPolicies(
  domains: readonly string[],
  resolver: DnsResolver,
): Promise<PublishedPolicies> {
  const policies = new Map<string, PublishedPolicy>();
  const problems = new Map<string, DmarcRecordProblem>();
  const failed: string[] = [];
  for (const domain of domains) {
    let found = await lookupRecord(`_dmarc.${domain}`, resolver);
    const organizational = organizationalDomain(domain);
    if (found !== 'failed' && 'problem' in found && found.problem === 'missing' && organizational !== domain) {
      found = await lookupRecord(`_dmarc.${organizational}`, resolver);
    }
    if (found === 'failed') failed.push(domain);
    else if ('problem' in found) problems.set(domain, found.problem);
    else policies.set(domain, found.policy);
  }
  return { policies, problems, failed };
}
