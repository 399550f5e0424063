// What the records of one source address say besides its counts: the domains they were about and authenticated
// with, the dates they cover, and what the receivers did with its mail. The dashboard's summary export writes a row
// of these per address, so every cell is this address's own (never its group's lists copied onto it).
import type { Disposition, DmarcPolicy, PolicyPublished, StoredRecord } from '../report';
import type { Period } from './period';
import { spreadOverDays, utcDay } from './spreadOverDays';

export interface SourceIpDetail {
  /** The policy domains its reports were about, sorted. */
  policyDomains: string[];
  /** RFC 7489 `header_from` values, lower-cased and sorted. */
  headerFromDomains: string[];
  /** `auth_results` SPF and DKIM domains, lower-cased and sorted (empty domains left out). */
  spfDomains: string[];
  dkimDomains: string[];
  /** The first begin and the last end of its reports (Unix seconds); undefined with no record in the period. */
  firstBegin: number | undefined;
  lastEnd: number | undefined;
  /** Messages in the period per `policy_evaluated` disposition. */
  dispositions: Record<Disposition, number>;
  /** The `p=` its reports saw published (a report without one is left out), sorted. */
  policies: DmarcPolicy[];
}

const DAY = 86_400;

/**
 * The part of a record's count inside `period`: all of it for a report within one UTC day inside the period, else the
 * days of its spread that are inside (the way the summary counts it, so the dispositions add up to its messages).
 */
export function countInPeriod(record: Pick<StoredRecord, 'begin' | 'end'>, count: number, period: Period): number {
  const { begin, end } = record;
  const firstDay = utcDay(period.from);
  const lastDay = utcDay(period.to - 1);
  if (Math.floor(begin / DAY) === Math.floor(Math.max(begin, end) / DAY)) {
    const day = utcDay(begin);
    return day >= firstDay && day <= lastDay ? count : 0;
  }
  let inside = 0;
  for (const { day, count: n } of spreadOverDays(begin, end, count)) if (day >= firstDay && day <= lastDay) inside += n;
  return inside;
}

/**
 * Describes one address from its records. `policyOf` gives the policy a report published (by report key), when the
 * reports are at hand.
 */
export function describeSourceIp(
  records: readonly StoredRecord[],
  period: Period,
  policyOf: (reportKey: string) => PolicyPublished | undefined = () => undefined,
): SourceIpDetail {
  const policyDomains = new Set<string>();
  const headerFrom = new Set<string>();
  const spf = new Set<string>();
  const dkim = new Set<string>();
  const policies = new Set<DmarcPolicy>();
  const dispositions: Record<Disposition, number> = { none: 0, quarantine: 0, reject: 0, pass: 0 };
  let firstBegin: number | undefined;
  let lastEnd: number | undefined;
  for (const stored of records) {
    const inside = countInPeriod(stored, stored.record.count, period);
    // A record of a report that reaches into the period with none of its messages inside still names its domains.
    const { record } = stored;
    policyDomains.add(stored.domain);
    if (record.headerFrom) headerFrom.add(record.headerFrom.toLowerCase());
    for (const r of record.spfResults) if (r.domain) spf.add(r.domain.toLowerCase());
    for (const r of record.dkimResults) if (r.domain) dkim.add(r.domain.toLowerCase());
    const p = policyOf(stored.reportKey)?.p;
    if (p) policies.add(p);
    dispositions[record.disposition] += inside;
    if (firstBegin === undefined || stored.begin < firstBegin) firstBegin = stored.begin;
    if (lastEnd === undefined || stored.end > lastEnd) lastEnd = stored.end;
  }
  return {
    policyDomains: [...policyDomains].sort(),
    headerFromDomains: [...headerFrom].sort(),
    spfDomains: [...spf].sort(),
    dkimDomains: [...dkim].sort(),
    firstBegin,
    lastEnd,
    dispositions,
    policies: [...policies].sort(),
  };
}
