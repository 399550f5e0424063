// The dashboard's figures from stored records: headline totals, a daily series, and sources grouped as the Senders
// page groups them (core/analysis/groupSources: by sending service, else by network), each with the class, reason
// and fix of classifySource, then by IP. Pure and synchronous: callable on a page, in a worker, or in Node tests.
// Multi-day reports are spread over the days they cover (core/analysis/spreadOverDays.ts) and only the share inside
// the period counts, so the headline, the chart and the source table always add up to the same number.
import type { SourceClass } from './classifyRecord';
import type { SourceClassification } from './classifySource';
import {
  largestFirst,
  SourceGrouper,
  type GroupClassOfContexts,
  type GroupSourcesOptions,
  type IdentifierSet,
  type SourceCell,
} from './groupSources';
import type { Period } from './period';
import { spreadOverDays, utcDay } from './spreadOverDays';
import { receiverPassedDmarc } from './summarizeReport';
import {
  recordOfDigest,
  storedRecordOfDigest,
  type CountedDigest,
  type CountedProfile,
  type StoredRecord,
  type StoredRecordDigest,
  type AggregateRecord,
  type Disposition,
  type OverrideReason,
} from '../report';

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
  /**
   * Messages the receivers counted as DMARC pass (as Totals.dmarcPass), whatever was done with them: the pass rate
   * of the day. RecordSummarizer sets it for every day.
   */
  dmarcPass: number;
}

/** A group's class is one of the sender-intelligence words (core/analysis/classifyRecord.ts). */
export type { SourceClass };

export interface SourceIp extends ResultCounts {
  ip: string;
  reporters: string[];
  records: SourceRecords;
}

/**
 * The records of one source address, kept as where they are (a stored record, or a digest and the record's index in it)
 * until a drill-down asks for them. Making and keeping all of them while an import's sources are grouped would fill the
 * page's garbage collections with their copies.
 */
export class SourceRecords {
  /** A stored record (its index -1), or a digest with the record's index in `#at`. */
  readonly #from: Array<StoredRecord | StoredRecordDigest> = [];
  readonly #at: number[] = [];

  get length(): number {
    return this.#from.length;
  }

  /** Adds a stored record, or record `at` of a digest. */
  add(from: StoredRecord | StoredRecordDigest, at = -1): void {
    this.#from.push(from);
    this.#at.push(at);
  }

  /** The records, in the order they were added. */
  list(): StoredRecord[] {
    return this.#from.map((from, i) => {
      const at = this.#at[i]!;
      return at < 0 ? (from as StoredRecord) : storedRecordOfDigest(from as StoredRecordDigest, at);
    });
  }

  /** The records of `a`, then those of `b`. */
  static concat(a: SourceRecords, b: SourceRecords): SourceRecords {
    const both = new SourceRecords();
    for (const records of [a, b]) {
      both.#from.push(...records.#from);
      both.#at.push(...records.#at);
    }
    return both;
  }
}

/** What the dashboard counts per source group (and what its exports write). */
export interface SourceGroupTotals extends ResultCounts {
  /** What the Senders page calls the group: the service, or the network. */
  name: string;
  ipCount: number;
  sourceClass: SourceClass;
  spfDomains: string[];
  dkimDomains: string[];
  reporters: string[];
  overrideReasons: OverrideReason[];
  /** By messages, most first. */
  readonly ips: SourceIp[];
}

/** A source group of a summary: its counts with the Senders page's group key and classification. */
export interface ClassifiedSourceGroup extends SourceGroupTotals {
  /** The sender-intelligence group: a service id, `asn:<n>`, `rdns:<organization>` or `ip:<address>`. */
  key: string;
  /** Class (`sourceClass`), reason and fix from classifySource, as on the Senders page. */
  classification: SourceClassification;
}

export interface RecordSummary {
  totals: Totals;
  daily: DailyPoint[];
  sources: ClassifiedSourceGroup[];
  /** Per reporter (org name): messages with each override reason (RFC 7489 §6.6.2 PolicyOverrideReason). */
  overridesByReporter: Map<string, Map<OverrideReason, number>>;
}

/** The part of a summary that is ready as soon as the records are read: everything but the sources. */
export type SummaryHeadline = Omit<RecordSummary, 'sources'>;

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
  begin: number,
  end: number,
  count: number,
  period: Period,
  onDay: (day: string, count: number) => void,
): number | undefined {
  const day = reportDay(begin, end);
  if (day !== undefined) {
    if (!dayInPeriod(day, period)) return undefined;
    onDay(dayName(day), count);
    return count;
  }
  const fromName = dayName(firstDay(period));
  const toName = dayName(lastDay(period));
  let inside: number | undefined;
  for (const { day, count: n } of spreadOverDays(begin, end, count)) {
    if (day < fromName || day > toName) continue;
    inside = (inside ?? 0) + n;
    onDay(day, n);
  }
  return inside;
}

/** The UTC day (days since 1970) of a report inside one day, the usual daily report; undefined when it spans more. */
function reportDay(begin: number, end: number): number | undefined {
  const day = Math.floor(begin / DAY);
  return day === Math.floor(Math.max(begin, end) / DAY) ? day : undefined;
}

/** The first and the last UTC day (days since 1970) of `period`, its whole days. */
function firstDay(period: Period): number {
  return Math.floor(period.from / DAY);
}

function lastDay(period: Period): number {
  return Math.floor((period.to - 1) / DAY);
}

function dayInPeriod(day: number, period: Period): boolean {
  return day >= firstDay(period) && day <= lastDay(period);
}

/** Counts `n` messages of `record` into its day. */
function addToDay(point: DailyPoint, record: CountedProfile, n: number): void {
  const passes = receiverPassedDmarc(record);
  if (passes) point.dmarcPass = (point.dmarcPass ?? 0) + n;
  if (record.disposition === 'reject') point.rejected += n;
  else if (record.disposition === 'quarantine') point.quarantined += n;
  else if (passes) point.pass += n;
  else point.fail += n;
}

function emptyCounts(): ResultCounts {
  return { messages: 0, dmarcPass: 0, dkimAligned: 0, spfAligned: 0 };
}

function addCounts(target: ResultCounts, record: Pick<AggregateRecord, 'dkim' | 'spf'>, n: number): void {
  target.messages += n;
  if (receiverPassedDmarc(record)) target.dmarcPass += n;
  if (record.dkim === 'pass') target.dkimAligned += n;
  if (record.spf === 'pass') target.spfAligned += n;
}

/**
 * What the summary keeps per source context (one IP as one identification, core/analysis/groupSources): its row of
 * the sources table, the identifier sets its records had (their SPF and DKIM domains), and override reasons.
 */
interface ContextAcc {
  ip: SourceIp;
  cells: SourceCell[];
  reasons: Set<OverrideReason> | undefined;
}

/** One row for an IP seen as two identifications of one group (its own rows stay as they are). */
function mergedIp(a: SourceIp, b: SourceIp): SourceIp {
  return {
    ip: a.ip,
    messages: a.messages + b.messages,
    dmarcPass: a.dmarcPass + b.dmarcPass,
    dkimAligned: a.dkimAligned + b.dkimAligned,
    spfAligned: a.spfAligned + b.spfAligned,
    reporters: [...new Set([...a.reporters, ...b.reporters])],
    records: SourceRecords.concat(a.records, b.records),
  };
}

/** Adds `value` to a short list of distinct values (a group's domains and reporters are a handful). */
function addDistinct<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/**
 * The sources table's group, built from its contexts a slice at a time (addSome), so that a group of thousands of
 * addresses never takes one long task: counts, IPs, domains, reporters, override reasons; then its addresses are
 * ordered (sortSome), also a slice at a time.
 */
class SourceGroupBuilder {
  messages = 0;
  dmarcPass = 0;
  dkimAligned = 0;
  spfAligned = 0;
  readonly spfDomains: string[] = [];
  readonly dkimDomains: string[] = [];
  readonly reporters: string[] = [];
  readonly reasons: OverrideReason[] = [];
  /** The identifier sets whose domains are counted (a group's thousands of cells share a handful). */
  readonly #sets = new Set<IdentifierSet>();
  /** By IP: an IP seen as two identifications of one group is one row. */
  readonly #byIp = new Map<string, SourceIp>();
  /** The contexts added so far. */
  #added = 0;
  /** The rows, then ordered by most messages first (a stable merge sort, resumable: see sortSome). */
  #rows: SourceIp[] | undefined;
  #spare: SourceIp[] = [];
  #width = 1;
  #start = 0;
  #left = 0;
  #right = 0;
  #out = 0;

  constructor(
    readonly group: GroupClassOfContexts,
    private readonly accs: ReadonlyArray<ContextAcc | undefined>,
  ) {}

  /** Adds up to `limit` more contexts; returns how many it added (0 once all are). */
  addSome(limit: number): number {
    const contexts = this.group.contextIndexes;
    const end = Math.min(contexts.length, this.#added + limit);
    for (let i = this.#added; i < end; i++) this.#add(this.accs[contexts[i]!]!);
    const added = end - this.#added;
    this.#added = end;
    return added;
  }

  #add(acc: ContextAcc): void {
    const ip = acc.ip;
    this.messages += ip.messages;
    this.dmarcPass += ip.dmarcPass;
    this.dkimAligned += ip.dkimAligned;
    this.spfAligned += ip.spfAligned;
    for (const reporter of ip.reporters) addDistinct(this.reporters, reporter);
    if (acc.reasons) for (const reason of acc.reasons) addDistinct(this.reasons, reason);
    for (const cell of acc.cells) {
      if (this.#sets.has(cell.identifiers)) continue;
      this.#sets.add(cell.identifiers);
      const { spfResults, dkimResults } = cell.identifiers.exemplar;
      for (const r of spfResults) if (r.domain) addDistinct(this.spfDomains, r.domain.toLowerCase());
      for (const r of dkimResults) if (r.domain) addDistinct(this.dkimDomains, r.domain.toLowerCase());
    }
    const seen = this.#byIp.get(ip.ip);
    this.#byIp.set(ip.ip, seen ? mergedIp(seen, ip) : ip);
  }

  /**
   * Orders up to `limit` more of the group's addresses by most messages (as many keep the order of their first
   * context), once every context is added; returns how many it moved, 0 once they are in order. Addresses whose
   * counts are not all numbers are sorted at once, as Array.prototype.sort does it.
   */
  sortSome(limit: number): number {
    let rows = this.#rows;
    if (rows === undefined) {
      rows = this.#rows = [...this.#byIp.values()];
      if (rows.some((row) => Number.isNaN(row.messages))) {
        rows.sort((a, b) => b.messages - a.messages);
        this.#width = rows.length;
        return rows.length;
      }
      this.#spare = new Array<SourceIp>(rows.length);
      this.#right = Math.min(1, rows.length);
    }
    // Bottom-up merge sort, stable: runs of #width merged in pairs from #rows into #spare, then the next pass.
    const n = rows.length;
    let moved = 0;
    while (this.#width < n && moved < limit) {
      const from = this.#rows!;
      const to = this.#spare;
      const width = this.#width;
      const leftEnd = Math.min(this.#start + width, n);
      const rightEnd = Math.min(this.#start + 2 * width, n);
      let left = this.#left;
      let right = this.#right;
      let out = this.#out;
      const stop = Math.min(rightEnd, out + limit - moved);
      while (out < stop) {
        // A later row goes first only with more messages.
        if (left < leftEnd && (right >= rightEnd || from[right]!.messages <= from[left]!.messages)) {
          to[out++] = from[left++]!;
        } else to[out++] = from[right++]!;
      }
      moved += out - this.#out;
      if (out < rightEnd) {
        this.#left = left;
        this.#right = right;
        this.#out = out;
        continue;
      }
      let start = rightEnd;
      if (start >= n) {
        this.#rows = to;
        this.#spare = from;
        this.#width = width * 2;
        start = 0;
      }
      this.#start = this.#left = this.#out = start;
      this.#right = Math.min(start + this.#width, n);
    }
    return moved;
  }

  /** Whether every context is added and the addresses are in order. */
  get done(): boolean {
    return (
      this.#added === this.group.contextIndexes.length && this.#rows !== undefined && this.#width >= this.#rows.length
    );
  }

  /** The group, once its contexts are added and its addresses ordered. */
  finish(): ClassifiedSourceGroup {
    const group = this.group;
    const ips = this.#rows!;
    return {
      key: group.key,
      name: group.label,
      messages: this.messages,
      dmarcPass: this.dmarcPass,
      dkimAligned: this.dkimAligned,
      spfAligned: this.spfAligned,
      ipCount: ips.length,
      sourceClass: group.classification.class,
      classification: group.classification,
      spfDomains: this.spfDomains.sort(),
      dkimDomains: this.dkimDomains.sort(),
      reporters: this.reporters.sort(),
      overrideReasons: this.reasons.sort(),
      ips,
    };
  }
}

/** What groups sources: the options of groupSources that name them (the offline ASN table, opt-in PTR names). */
export type SummaryOptions = Pick<GroupSourcesOptions, 'asnTable' | 'rdns'>;

/**
 * Summarizes records chunk by chunk (as readRecords hands them over), so a page can fold a million records in
 * between other work instead of in one long task. Sources are grouped and classified by core/analysis's
 * SourceGrouper, fed each record's messages inside the period.
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
  /** By SourceContext.index (contexts are numbered in the order the grouper made them). */
  readonly #contexts: Array<ContextAcc | undefined> = [];
  readonly #allIps = new Set<string>();
  readonly #overrides = new Map<string, Map<OverrideReason, number>>();
  /** Made at the first grouping, so that the options may still change until then (see groupWith). */
  #grouper: SourceGrouper | undefined;

  constructor(
    private readonly period: Period,
    private options: SummaryOptions = {},
  ) {}

  /** Sets how sources are grouped (an ASN table that arrived while records were read); only before groupSome. */
  groupWith(options: SummaryOptions): void {
    if (this.#grouper) throw new Error('RecordSummarizer.groupWith after grouping started');
    this.options = options;
  }

  /** Records read but not yet grouped into sources, with their messages inside the period. */
  #ungrouped: StoredRecord[] = [];
  #ungroupedMessages: number[] = [];
  #grouped = 0;
  /**
   * Digests counted but whose records are not grouped yet, with each record's messages; grouping has reached record
   * `#recordAt` of digest `#digestAt`. A record is made only to be grouped, and not kept (see SourceRecords).
   */
  #ungroupedDigests: Array<{ digest: StoredRecordDigest; messages: Array<number | undefined> }> = [];
  #digestAt = 0;
  #recordAt = 0;

  /** Counts `records` into the totals, days and overrides; grouping them into sources waits for groupSome. */
  add(records: readonly StoredRecord[]): void {
    for (const stored of records) {
      const n = this.#count(stored.record, stored.record.sourceIp, stored.record.count, stored);
      if (n === undefined) continue;
      this.#ungrouped.push(stored);
      this.#ungroupedMessages.push(n);
    }
  }

  /**
   * Like add, from record digests as the store keeps them: counted from each record's profile without making the
   * record itself, which waits until the records are grouped (a headline over 150k records then costs a third less).
   */
  addDigests(digests: readonly StoredRecordDigest[]): void {
    for (const digest of digests) {
      const messages = this.#countDigest(digest);
      if (messages) this.#ungroupedDigests.push({ digest, messages });
    }
  }

  /**
   * Counts `digests` into the totals, days and overrides only, keeping nothing of them for grouping into sources: for
   * a page that counts in records it will read again (an import as it lands).
   */
  countDigests(digests: readonly CountedDigest[]): void {
    for (const digest of digests) this.#countDigest(digest);
  }

  /** Counts the records of `digest` in; per record its messages inside the period, or undefined when none reach it. */
  #countDigest(digest: CountedDigest): Array<number | undefined> | undefined {
    const { profiles, profileOf, sourceIps, counts } = digest;
    const messages = new Array<number | undefined>(profileOf.length);
    // A digest's records share their report's days: for a report inside one day, the day is found once, not per
    // record (a digest holds up to RECORDS_PER_BATCH records, and a dashboard counts every stored one).
    const day = reportDay(digest.begin, digest.end);
    if (day !== undefined) {
      if (!dayInPeriod(day, this.period) || profileOf.length === 0) return undefined;
      const point = this.#dayPoint(dayName(day));
      for (let i = 0; i < profileOf.length; i++) {
        const record = profiles[profileOf[i]!]!;
        const n = (messages[i] = counts[i]!);
        addToDay(point, record, n);
        this.#countTotals(record, sourceIps[i]!, n, digest);
      }
      return messages;
    }
    let any = false;
    for (let i = 0; i < profileOf.length; i++) {
      messages[i] = this.#count(profiles[profileOf[i]!]!, sourceIps[i]!, counts[i]!, digest);
      if (messages[i] !== undefined) any = true;
    }
    return any ? messages : undefined;
  }

  /** Counts one record into the totals, days and overrides; its messages inside the period, if it reaches it. */
  #count(
    record: CountedProfile,
    sourceIp: string,
    count: number,
    report: { begin: number; end: number; reportKey: string; orgName: string },
  ): number | undefined {
    const n = messagesInPeriod(report.begin, report.end, count, this.period, (day, inDay) =>
      addToDay(this.#dayPoint(day), record, inDay),
    );
    if (n !== undefined) this.#countTotals(record, sourceIp, n, report);
    return n;
  }

  #dayPoint(day: string): DailyPoint {
    let point = this.#daily.get(day);
    if (!point) this.#daily.set(day, (point = { day, pass: 0, fail: 0, quarantined: 0, rejected: 0, dmarcPass: 0 }));
    return point;
  }

  /** Counts `n` messages of one record inside the period into the totals and overrides. */
  #countTotals(
    record: CountedProfile,
    sourceIp: string,
    n: number,
    report: { reportKey: string; orgName: string },
  ): void {
    const totals = this.#totals;
    addCounts(totals, record, n);
    totals.dispositions[record.disposition] = (totals.dispositions[record.disposition] ?? 0) + n;
    this.#reportKeys.add(report.reportKey);
    this.#allIps.add(sourceIp);
    for (const reason of record.reasons) {
      let byType = this.#overrides.get(report.orgName);
      if (!byType) this.#overrides.set(report.orgName, (byType = new Map<OverrideReason, number>()));
      byType.set(reason.type, (byType.get(reason.type) ?? 0) + n);
    }
  }

  /**
   * Groups up to `limit` of the records added so far into sources; true when none is left. Grouping (identifying each
   * record's sender) costs several times the counting, so a page does it in slices, between frames, after showing
   * the headline.
   */
  groupSome(limit: number): boolean {
    let done = 0;
    for (; this.#grouped < this.#ungrouped.length && done < limit; done++) {
      const stored = this.#ungrouped[this.#grouped]!;
      this.#group(stored.record, stored, this.#ungroupedMessages[this.#grouped++]!, stored);
    }
    while (done < limit && this.#digestAt < this.#ungroupedDigests.length) {
      const { digest, messages } = this.#ungroupedDigests[this.#digestAt]!;
      for (; this.#recordAt < messages.length && done < limit; this.#recordAt++) {
        const n = messages[this.#recordAt];
        if (n === undefined) continue;
        this.#group(recordOfDigest(digest, this.#recordAt), digest, n, digest, this.#recordAt);
        done++;
      }
      if (this.#recordAt === messages.length) {
        this.#digestAt++;
        this.#recordAt = 0;
      }
    }
    if (this.#grouped < this.#ungrouped.length || this.#digestAt < this.#ungroupedDigests.length) return false;
    this.#ungroupedDigests = [];
    this.#digestAt = 0;
    this.#ungrouped = [];
    this.#ungroupedMessages = [];
    this.#grouped = 0;
    return true;
  }

  /** Groups one record of `report` (`from` and `at` say where it is kept: see SourceRecords), `n` messages of it. */
  #group(
    record: AggregateRecord,
    report: { begin: number; orgName: string },
    n: number,
    from: StoredRecord | StoredRecordDigest,
    at = -1,
  ): void {
    this.#grouper ??= new SourceGrouper(this.options);
    const cell = this.#grouper.addRecord(record, report.begin, n);
    let acc = this.#contexts[cell.context.index];
    if (!acc) {
      acc = {
        ip: { ip: record.sourceIp, ...emptyCounts(), reporters: [], records: new SourceRecords() },
        cells: [],
        reasons: undefined,
      };
      this.#contexts[cell.context.index] = acc;
    }
    const ip = acc.ip;
    addCounts(ip, record, n);
    if (acc.cells[acc.cells.length - 1] !== cell && !acc.cells.includes(cell)) acc.cells.push(cell);
    if (!ip.reporters.includes(report.orgName)) ip.reporters.push(report.orgName);
    ip.records.add(from, at);
    for (const reason of record.reasons) (acc.reasons ??= new Set()).add(reason.type);
  }

  /** Totals, days and overrides of everything added so far. */
  headline(): SummaryHeadline {
    const totals = { ...this.#totals, sources: this.#allIps.size, reports: this.#reportKeys.size };
    const daily = [...this.#daily.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
    return { totals, daily, overridesByReporter: this.#overrides };
  }

  #classes: Iterator<GroupClassOfContexts | number> | undefined;
  /** The group being built, when buildSources stopped inside it. */
  #building: SourceGroupBuilder | undefined;
  #built: ClassifiedSourceGroup[] = [];
  /**
   * Cells, contexts and groups sorted into groups, contexts added to groups and addresses ordered by buildSources so
   * far: its work, which each call bounds.
   */
  built = 0;

  /**
   * Builds source groups of everything added and grouped so far, about `limit` groups, addresses and addresses
   * ordered in all (a group of thousands of addresses is built over several calls); the whole list once it is
   * complete, else undefined (call again). Like groupSome, lets a page spread the work over several tasks.
   */
  buildSources(limit: number): ClassifiedSourceGroup[] | undefined {
    this.#grouper ??= new SourceGrouper(this.options);
    // The grouper's slices (sorting cells into groups, adding up a large group's cells) are half a call's work, and
    // another is taken only while it fits.
    const slice = Math.max(1, Math.floor(limit / 2));
    const classes = (this.#classes ??= this.#grouper.eachClassOfContextsInSteps(slice));
    for (let work = 0; work < limit;) {
      let building = this.#building;
      if (building === undefined) {
        if (work + slice > limit) break;
        const next = classes.next();
        if (next.done) {
          const built = this.#built.sort(largestFirst);
          this.#classes = undefined;
          this.#built = [];
          return built;
        }
        if (typeof next.value === 'number') {
          // The grouper sorting its cells into groups, a slice at a time, before the first group.
          work += next.value;
          this.built += next.value;
          continue;
        }
        building = this.#building = new SourceGroupBuilder(next.value, this.#contexts);
        work++;
      }
      const added = building.addSome(limit - work);
      const ordered = work + added < limit ? building.sortSome(limit - work - added) : 0;
      work += added + ordered;
      this.built += added + ordered;
      if (building.done) {
        this.#built.push(building.finish());
        this.#building = undefined;
      }
    }
    return undefined;
  }

  /** The sources of everything added so far, grouped and classified. */
  sources(): ClassifiedSourceGroup[] {
    this.groupSome(Infinity);
    return this.buildSources(Infinity)!;
  }

  result(): RecordSummary {
    return { ...this.headline(), sources: this.sources() };
  }
}

/** Summarizes `records` (as readRecords returns them) over `period` in one go. */
export function summarizeRecords(
  records: readonly StoredRecord[],
  period: Period,
  options: SummaryOptions = {},
): RecordSummary {
  const summarizer = new RecordSummarizer(period, options);
  summarizer.add(records);
  return summarizer.result();
}
