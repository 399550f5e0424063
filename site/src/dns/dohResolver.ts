// DNS over HTTPS for the checker's live mode (RFC 8484 servers' JSON API, as Cloudflare and Google offer it). Used only
// after the user turned live lookups on; the page names the host before any question is asked.
import {
  englishText,
  recordText,
  type DnsRecordSentence,
  dnsError,
  type DnsAnswer,
  type DnsRecordType,
  type DnsResolver,
  parseTxtPresentation,
} from '../../../core/dns';

export interface DohServer {
  id: string;
  name: string;
  /** JSON endpoint; the question goes in `name` and `type` query parameters. */
  endpoint: string;
}

export const DOH_SERVERS: readonly DohServer[] = [
  { id: 'cloudflare', name: 'Cloudflare (cloudflare-dns.com)', endpoint: 'https://cloudflare-dns.com/dns-query' },
  { id: 'google', name: 'Google (dns.google)', endpoint: 'https://dns.google/resolve' },
];

/** RFC 1035 §3.2.2 TYPE values. */
const TYPE_CODES: Record<DnsRecordType, number> = { A: 1, CNAME: 5, MX: 15, TXT: 16, AAAA: 28 };
/** A DoH answer that takes longer than this is a temperror, not a hang. */
const DOH_TIMEOUT_MS = 8000;

interface DohJson {
  Status?: number;
  Answer?: Array<{ type?: number; data?: string }>;
}

/**
 * Asks `server` one question over its JSON API and returns the parsed body, or why there is none. Shared by every
 * DoH user of the site (this resolver, reverse DNS in site/src/senders), so the privacy settings are in one place:
 * no cookies, no referrer, a timeout.
 */
export async function askDnsJson(
  server: DohServer,
  name: string,
  type: string,
): Promise<{ ok: true; json: unknown } | { ok: false; message: string; text: DnsRecordSentence }> {
  const url = new URL(server.endpoint);
  url.searchParams.set('name', name);
  url.searchParams.set('type', type);
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/dns-json' },
      signal: AbortSignal.timeout(DOH_TIMEOUT_MS),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (!response.ok)
      return failure(recordText('dns.http-status', { server: server.name, status: String(response.status) }));
    const body = await response.text();
    try {
      return { ok: true, json: JSON.parse(body) as unknown };
    } catch {
      return failure(recordText('dns.not-dns-json', { server: server.name }));
    }
  } catch (error) {
    return failure(recordText('dns.unreachable', { server: server.name, error: String(error) }));
  }
}

function failure(text: DnsRecordSentence): { ok: false; message: string; text: DnsRecordSentence } {
  return { ok: false, message: englishText(text), text };
}

export function lookupOverHttps(server: DohServer): DnsResolver {
  return async (name, type): Promise<DnsAnswer> => {
    const asked = await askDnsJson(server, name, type);
    if (!asked.ok) return dnsError(asked.text);
    // The body is the server's word, not ours: anything but an object with a numeric Status is a failure.
    const json = (typeof asked.json === 'object' && asked.json !== null ? asked.json : {}) as DohJson;
    // RFC 1035 §4.1.1 RCODE: 3 is NXDOMAIN; anything but 0 and 3 (SERVFAIL, REFUSED…) is a failure.
    if (json.Status === 3) return { status: 'nxdomain' };
    if (json.Status !== 0) return dnsError(recordText('dns.rcode', { code: String(json.Status) }));
    // Answers may include the CNAME chain that led to the records; keep only the asked type.
    const data = (Array.isArray(json.Answer) ? json.Answer : [])
      .filter((a) => typeof a === 'object' && a !== null && a.type === TYPE_CODES[type] && typeof a.data === 'string')
      .map((a) => a.data as string);
    if (data.length === 0) return { status: 'nodata' };
    const answers = data.map((value) => {
      if (type === 'TXT') return parseTxtPresentation(value) ?? [value];
      if (type === 'MX') return [value.replace(/^\d+\s+/, '').replace(/\.$/, '')];
      if (type === 'CNAME') return [value.replace(/\.$/, '')];
      return [value];
    });
    return { status: 'ok', answers };
  };
}
