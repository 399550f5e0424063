// A declarative DNS zone for tests (the idea of postalsys/mailauth's test/helpers/dns-zone.js): names map to
// records by type; a TXT record is a string or its list of character-strings; a name set to 'SERVFAIL' fails.
import type { DnsAnswer, DnsRecordType, DnsResolver } from '../../../core/dns/types';

export type FakeZone = Record<string, Partial<Record<DnsRecordType, Array<string | string[]>>> | 'SERVFAIL'>;

export function fakeResolver(zone: FakeZone, asked: string[] = []): DnsResolver {
  return (name, type) => {
    asked.push(`${name} ${type}`);
    return Promise.resolve(answer(zone, name, type));
  };
}

function answer(zone: FakeZone, name: string, type: DnsRecordType): DnsAnswer {
  const entry = zone[name.toLowerCase().replace(/\.$/, '')];
  if (entry === undefined) return { status: 'nxdomain' };
  if (entry === 'SERVFAIL') return { status: 'error', message: 'SERVFAIL' };
  const records = entry[type];
  if (!records || records.length === 0) return { status: 'nodata' };
  return { status: 'ok', answers: records.map((record) => (typeof record === 'string' ? [record] : record)) };
}
