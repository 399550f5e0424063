// The dashboard's figures from stored records: headline totals, a daily series, and sources grouped by sending
// service then IP. Pure and synchronous: callable on a page, in a worker, or in Node tests. Multi-day reports are
// spread over the days they cover (core/analysis/spreadOverDays.ts) and only the share inside the period counts, so
// the headline, the chart and the source table always add up to the same number.
import { organizationalDomain } from '../analysis/alignment';
import { identifyByRecordDomains } from '../analysis/identifySource';
import { spreadOverDays, utcDay } from '../analysis/spreadOverDays';
import type { SourceClass } from '../analysis/classifyRecord';
import { passesDmarc } from '../analysis/summarizeReport';
import type { AggregateRecord, Disposition, OverrideReason } from '../report/types';
import type { Period } from './queries';
import type { StoredRecord } from './schema';

export interface ResultCounts {
  messages: number;
  /** DMARC pass as the receiver evaluated it: DKIM or SPF aligned pass in policy_evaluated (RFC 7489 §4.2). */
  dmarcPass: number;
  dkimAligned: number;
  spfAligned: number;
}

export interface Totals extends ResultCounts {
  dispositions: Record<Disposition, number>;
  /** Distinct source IPs. */
  sources: number;
  /** Distinct reports the records came from. */
  reports: number;
}

export interface DailyPoint {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** DMARC pass, delivered. */
  pass: number;
  /** DMARC fail, delivered anyway (p=none, override, or pct sampling). */
  fail: number;
  quarantined: number;
  rejected: number;
}

/** A group's class is one of the sender-intelligence words (core/analysis/classifyRecord.ts), decided by classifyGroup. */
export type { SourceClass };

export interface SourceIp extends ResultCounts {
  ip: string;
  reporters: string[];
  records: StoredRecord[];
}

export interface SourceGroup extends ResultCounts {
  /** The sending service (serviceNameOf), or '' when nothing names it. */
  name: string;
  ipCount: number;
  sourceClass: SourceClass;
  spfDomains: string[];
  dkimDomains: string[];
  reporters: string[];
  overrideReasons: OverrideReason[];
  /** By messages, most first; sorted on first access (a group of unknown senders can hold tens of thousands). */
  readonly ips: SourceIp[];
}

export interface RecordSummary {
  totals: Totals;
  daily: DailyPoint[];
  sources: SourceGroup[];
  /** Per reporter (org name): messages with each override reason (RFC 7489 §6.6.2 PolicyOverrideReason). */
  overridesByReporter: Map<string, Map<OverrideReason, number>>;
}

const DAY = 86_400;

const dayNames = new Map<number, string>();
function dayName(dayIndex: number): string {
  let name = dayNames.get(dayIndex);
  if (name === undefined) dayNames.set(dayIndex, (name = utcDay(dayIndex * DAY)));
  return name;
}

/**
 * Messages of `stored` that fall inside `period` (whole UTC days), after spreading its report's range over days;
 * undefined when the report does not reach into the period at all.
 */
function messagesInPeriod(
  stored: StoredRecord,
  period: Period,
  onDay: (day: string, count: number) => void,
): number | undefined {
  const { begin, end } = stored;
  const { count } = stored.record;
  const firstDay = Math.floor(period.from / DAY);
  const lastDay = Math.floor((period.to - 1) / DAY);
  const beginDay = Math.floor(begin / DAY);
  // Fast path: a report inside one UTC day (the usual daily report) needs no spreading.
  if (beginDay === Math.floor(Math.max(begin, end) / DAY)) {
    if (beginDay < firstDay || beginDay > lastDay) return undefined;
    onDay(dayName(beginDay), count);
    return count;
  }
  const fromName = dayName(firstDay);
  const toName = dayName(lastDay);
  let inside: number | undefined;
  for (const { day, count: n } of spreadOverDays(begin, end, count)) {
    if (day < fromName || day > toName) continue;
    inside = (inside ?? 0) + n;
    onDay(day, n);
  }
  return inside;
}

/**
 * The sending service a record is grouped under: the sender catalogue's name for it (core/analysis/identifySource,
 * from the record's own domains; no network lookups here), else the organizational domain that authenticated it.
 */
export function serviceNameOf(record: AggregateRecord): string {
  return identifyByRecordDomains(record).service?.name ?? organizationalDomainOf(record);
}

/** The organizational domain of the passing DKIM d= (else the SPF / envelope domain), or '' when none is known. */
export function organizationalDomainOf(record: AggregateRecord): string {
  const dkim = record.dkimResults.find((r) => r.result === 'pass' && r.domain) ?? record.dkimResults.find((r) => r.domain);
  if (dkim?.result === 'pass') return organizationalDomain(dkim.domain);
  const spf = record.spfResults.find((r) => r.result === 'pass' && r.domain && r.scope !== 'helo');
  if (spf) return organizationalDomain(spf.domain);
  if (record.envelopeFrom) return organizationalDomain(record.envelopeFrom);
  if (dkim) return organizationalDomain(dkim.domain);
  return '';
}

const FORWARDING_REASONS: ReadonlySet<OverrideReason> = new Set(['forwarded', 'mailing_list', 'trusted_forwarder']);

/**
 * compliant: (nearly) all DMARC pass; forwarded: failures the receivers attribute to forwarding, or DKIM that passed
 * unaligned while SPF failed (the signature of a forwarder or list); misconfigured: a sender that passes sometimes or
 * authenticates as itself without aligning; suspicious: fails everything.
 */
export function classifyGroup(group: Omit<SourceGroup, 'sourceClass' | 'ips'>, failingRecords: readonly AggregateRecord[]): SourceClass {
  if (group.messages === 0 || group.dmarcPass / group.messages >= 0.98) return 'compliant';
  if (group.overrideReasons.some((r) => FORWARDING_REASONS.has(r))) return 'forwarded';
  const authenticatesAsSomeone = failingRecords.some(
    (r) => r.dkimResults.some((d) => d.result === 'pass') || r.spfResults.some((s) => s.result === 'pass'),
  );
  if (group.dmarcPass > 0) return 'misconfigured';
  if (
    failingRecords.length > 0 &&
    failingRecords.every((r) => r.dkimResults.some((d) => d.result === 'pass') && !r.spfResults.some((s) => s.result === 'pass'))
  ) {
    return 'forwarded';
  }
  return authenticatesAsSomeone ? 'misconfigured' : 'suspicious';
}

function emptyCounts(): ResultCounts {
  return { messages: 0, dmarcPass: 0, dkimAligned: 0, spfAligned: 0 };
}

function addCounts(target: ResultCounts, record: AggregateRecord, n: number): void {
  target.messages += n;
  if (passesDmarc(record)) target.dmarcPass += n;
  if (record.dkim === 'pass') target.dkimAligned += n;
  if (record.spf === 'pass') target.spfAligned += n;
}

interface GroupAcc {
  counts: ResultCounts;
  spf: Set<string>;
  dkim: Set<string>;
  reporters: Set<string>;
  reasons: Set<OverrideReason>;
  failing: AggregateRecord[];
  ips: Map<string, SourceIp>;
}

/**
 * Summarizes records chunk by chunk (as readRecords hands them over), so a page can fold a million records in
 * between other work instead of in one long task. `serviceName` names the group of a record (default serviceNameOf:
 * the sender catalogue, else the authenticated organizational domain).
 */
export class RecordSummarizer {
  readonly #totals: Totals = {
    ...emptyCounts(),
    dispositions: { none: 0, quarantine: 0, reject: 0, pass: 0 },
    sources: 0,
    reports: 0,
  };
  readonly #daily = new Map<string, DailyPoint>();
  readonly #reportKeys = new Set<string>();
  readonly #groups = new Map<string, GroupAcc>();
  readonly #allIps = new Set<string>();
  readonly #overrides = new Map<string, Map<OverrideReason, number>>();

  constructor(
    private readonly period: Period,
    private readonly serviceName: (record: AggregateRecord) => string = serviceNameOf,
  ) {}

  /** Service names by the identifiers that decide them: real data repeats a handful of combinations endlessly. */
  readonly #names = new Map<string, string>();

  #nameOf(record: AggregateRecord): string {
    let key = `${record.headerFrom}\u0000${record.envelopeFrom ?? ''}`;
    for (const d of record.dkimResults) key += `\u0000d${d.result === 'pass' ? '+' : '-'}${d.domain}`;
    for (const r of record.spfResults) key += `\u0000s${r.scope === 'helo' ? 'h' : ''}${r.result === 'pass' ? '+' : '-'}${r.domain}`;
    let name = this.#names.get(key);
    if (name === undefined) {
      name = this.serviceName(record);
      if (this.#names.size < 100_000) this.#names.set(key, name);
    }
    return name;
  }

  add(records: readonly StoredRecord[]): void {
    const totals = this.#totals;
    for (const stored of records) {
      const { record } = stored;
      const passes = passesDmarc(record);
      const disposition = record.disposition;
      const n = messagesInPeriod(stored, this.period, (day, count) => {
        let point = this.#daily.get(day);
        if (!point) this.#daily.set(day, (point = { day, pass: 0, fail: 0, quarantined: 0, rejected: 0 }));
        if (disposition === 'reject') point.rejected += count;
        else if (disposition === 'quarantine') point.quarantined += count;
        else if (passes) point.pass += count;
        else point.fail += count;
      });
      if (n === undefined) continue;
      addCounts(totals, record, n);
      totals.dispositions[disposition] = (totals.dispositions[disposition] ?? 0) + n;
      this.#reportKeys.add(stored.reportKey);
      this.#allIps.add(record.sourceIp);

      const name = this.#nameOf(record);
      let group = this.#groups.get(name);
      if (!group) {
        group = {
          counts: emptyCounts(),
          spf: new Set(),
          dkim: new Set(),
          reporters: new Set(),
          reasons: new Set(),
          failing: [],
          ips: new Map(),
        };
        this.#groups.set(name, group);
      }
      addCounts(group.counts, record, n);
      for (const s of record.spfResults) if (s.domain) group.spf.add(s.domain.toLowerCase());
      for (const d of record.dkimResults) if (d.domain) group.dkim.add(d.domain.toLowerCase());
      group.reporters.add(stored.orgName);
      for (const reason of record.reasons) {
        group.reasons.add(reason.type);
        let byType = this.#overrides.get(stored.orgName);
        if (!byType) this.#overrides.set(stored.orgName, (byType = new Map()));
        byType.set(reason.type, (byType.get(reason.type) ?? 0) + n);
      }
      if (!passes) group.failing.push(record);
      let ip = group.ips.get(record.sourceIp);
      if (!ip) {
        ip = { ip: record.sourceIp, ...emptyCounts(), reporters: [], records: [] };
        group.ips.set(record.sourceIp, ip);
      }
      addCounts(ip, record, n);
      if (!ip.reporters.includes(stored.orgName)) ip.reporters.push(stored.orgName);
      ip.records.push(stored);
    }
  }

  result(): RecordSummary {
    const totals = { ...this.#totals, sources: this.#allIps.size, reports: this.#reportKeys.size };
    const sources: SourceGroup[] = [...this.#groups].map(([name, g]) => {
      let sortedIps: SourceIp[] | undefined;
      const group = {
        name,
        ...g.counts,
        ipCount: g.ips.size,
        spfDomains: [...g.spf].sort(),
        dkimDomains: [...g.dkim].sort(),
        reporters: [...g.reporters].sort(),
        overrideReasons: [...g.reasons].sort(),
        get ips(): SourceIp[] {
          sortedIps ??= [...g.ips.values()].sort((a, b) => b.messages - a.messages);
          return sortedIps;
        },
      };
      return Object.assign(group, { sourceClass: classifyGroup(group, g.failing) });
    });
    sources.sort((a, b) => b.messages - a.messages);
    const daily = [...this.#daily.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
    return { totals, daily, sources, overridesByReporter: this.#overrides };
  }
}

/** Summarizes `records` (as readRecords returns them) over `period` in one go. */
export function summarizeRecords(
  records: readonly StoredRecord[],
  period: Period,
  serviceName?: (record: AggregateRecord) => string,
): RecordSummary {
  const summarizer = new RecordSummarizer(period, serviceName);
  summarizer.add(records);
  return summarizer.result();
}
