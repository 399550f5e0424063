// Gathers the records of aggregate reports into source groups — one per sending service, or per network when the
// service is unknown — with the counts the classification, readiness and the UI need. One pass; a record costs a
// lookup of its cell (source IP × profile) and a few additions to the cell's counters; identification, facts, cause
// and group are computed once per cell, and a group adds up its cells per kind (profile, facts, cause) and counts
// each kind once (test/bench/intel.bench.ts).
import {
  type AggregateRecord,
  type AggregateReport,
  type Disposition,
  normalizeDomain,
  parseIpAddress,
  organizationalDomain,
} from '../report';
import {
  CLASS_OF_CAUSE,
  causeOfFailure,
  fromOwnAccount,
  passesByVerdictOrAlignment,
  receiverSaysForwarded,
  recordFacts,
  type RecordCause,
  type RecordFacts,
} from './classifyRecord';
import {
  identifyByNetwork,
  identifyByRecordDomains,
  type IdentificationEvidence,
  type SourceIdentification,
} from './identifySource';
import { asnInfoOfKey, asnKeyOfAddress, asnKeyOfIpv4, type AsnInfo } from './lookupAsn';
import type { AsnTable } from './readAsnTable';
import type { SendingService } from './sendingServices';
import { classifyCauses, classifySource, type SourceClassification } from './classifySource';
import { explain, formatExplanation } from './explanation';
import { labelExplanation, OTHERS_PREFIX } from './sourceLabel';

export { labelExplanation };

export interface GroupSourcesOptions {
  /** Only reports whose policy domain is this domain (or a subdomain's report rolled up to it). */
  domain?: string;
  /** Only reports whose date range ends at or after this Unix time. */
  since?: number;
  /** Only reports whose date range begins before this Unix time. */
  until?: number;
  /** The offline ASN table (readAsnTable): adds AS and country per IP and groups unknown sources by network. */
  asnTable?: AsnTable;
  /** PTR names per IP, from an opt-in reverse-DNS lookup. */
  rdns?: ReadonlyMap<string, readonly string[]>;
}

export interface Counted {
  value: string;
  messages: number;
}

export interface SourceGroup {
  /** Service id (`sendgrid`), `asn:<n>`, `rdns:<org domain>` or `ip:<address>`. */
  key: string;
  /** What to call it: the service name, or the network. */
  label: string;
  service?: SendingService;
  evidence?: IdentificationEvidence;
  messages: number;
  records: number;
  /** Messages the receivers counted as DMARC pass. */
  passing: number;
  dkimAligned: number;
  spfAligned: number;
  dispositions: Record<Disposition, number>;
  /** Messages per record cause (classifyRecord). */
  causes: Partial<Record<RecordCause, number>>;
  headerFromDomains: Counted[];
  ips: Counted[];
  asns: Array<{ asn: number; name?: string; messages: number }>;
  countries: Counted[];
  /** Passing DKIM signatures of other domains on failing mail (e.g. the service's own d=). */
  foreignDkimDomains: Counted[];
  /** Envelope domains of failing mail. */
  envelopeDomains: Counted[];
  /** Failing messages whose envelope was the From domain's own, with SPF not passing (the domain's SPF lacks the sender). */
  ownEnvelopeSpfFailing: number;
  /** Failing messages with a DKIM signature of the From domain that did not verify, by `selector|result`. */
  ownSignatureFailingSelectors: Counted[];
  /** Messages with no DKIM signature at all. */
  unsigned: number;
  /** Spoofed messages (misconfigured or suspicious by their own record) that receivers quarantined or rejected. */
  spoofedBlocked: number;
  /** First and last report time seen (Unix seconds). */
  firstSeen: number;
  lastSeen: number;
  classification: SourceClassification;
}

/** GroupClass with its contexts' numbers (SourceContext.index) in their order (SourceGrouper.eachClassOfContexts). */
export interface GroupClassOfContexts extends Omit<GroupClass, 'contexts'> {
  contextIndexes: Int32Array;
}

/** A group's key, label, messages and classification (SourceGrouper.classes). */
export interface GroupClass {
  key: string;
  label: string;
  messages: number;
  classification: SourceClassification;
  /** The contexts (IP + identification) that fed the group, in the order of their first record. */
  contexts: SourceContext[];
}

type MutableCounts = Map<string, number>;

/** A group while records are added: the counted fields of SourceGroup, with maps where the group has lists. */
type CountedField = 'headerFromDomains' | 'foreignDkimDomains' | 'envelopeDomains' | 'ownSignatureFailingSelectors';
type Accumulator = Omit<SourceGroup, CountedField | 'ips' | 'asns' | 'countries' | 'classification'> & {
  headerFromDomains: MutableCounts;
  /** Counts of failing mail, made when a group has some (most groups only pass). */
  foreignDkimDomains: MutableCounts | undefined;
  envelopeDomains: MutableCounts | undefined;
  ownSignatureFailingSelectors: MutableCounts | undefined;
};

/**
 * A group's cells, in the order they were made, with the contexts (IP + identification) that fed it, in the order
 * of their first record, and their messages: its IPs, ASNs and countries.
 */
interface GroupCells {
  /** The group's number in the resolver. */
  group: number;
  /** The group's first context: its key, label and identification are the group's. */
  first: SourceContext;
  /** Cell indexes. */
  cells: Int32Array;
  /** Context indexes. */
  contexts: Int32Array;
}

/** Per cell (by index), what its records add up to: records and messages. */
const RECORDS = 0;
const MESSAGES = 1;
const TALLY = 2;

const CAUSES = Object.keys(CLASS_OF_CAUSE) as RecordCause[];
const CAUSE_INDEX = new Map(CAUSES.map((cause, index) => [cause, index]));
const PASS_INDEX = CAUSE_INDEX.get('dmarc-pass')!;
const OVERRIDDEN_INDEX = CAUSE_INDEX.get('receiver-says-forwarded')!;

function add(map: MutableCounts, key: string, count: number): void {
  map.set(key, (map.get(key) ?? 0) + count);
}

/** Most messages first, then by value: a total order, as values are distinct. */
const byMessages = (a: Counted, b: Counted) => b.messages - a.messages || (a.value < b.value ? -1 : 1);

/** The `limit` largest counts, most messages first, then by value. */
export function sorted(map: MutableCounts, limit = 50): Counted[] {
  // Most groups count one value (one IP, one From domain) or none: nothing to spread and sort.
  if (map.size <= 1) {
    const one: Counted[] = [];
    map.forEach((messages, value) => one.push({ value, messages }));
    return one;
  }
  if (map.size <= limit * 4) {
    return [...map]
      .map(([value, messages]) => ({ value, messages }))
      .sort(byMessages)
      .slice(0, limit);
  }
  // Large maps (a service's IPs): keep the best `limit` in a sorted array instead of sorting everything.
  const best: Counted[] = [];
  for (const [value, messages] of map) {
    const entry = { value, messages };
    if (best.length === limit && byMessages(entry, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && byMessages(entry, best[at - 1]!) < 0) at--;
    best.splice(at, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** Whether a report belongs to `domain`: its policy domain is the domain or one of its subdomains. */
export function reportCoversDomain(report: AggregateReport, domain: string): boolean {
  const policyDomain = normalizeDomain(report.policy.domain);
  const wanted = normalizeDomain(domain);
  return policyDomain === wanted || policyDomain.endsWith(`.${wanted}`);
}

export interface SourceContext {
  identification: SourceIdentification;
  asn: AsnInfo;
  rdnsNames: readonly string[] | undefined;
  /** sourceGroupKey of the record. */
  groupKey: string;
  groupLabel: string;
  /** The source IP (a context belongs to one IP). */
  ip: string;
  /**
   * At a shared mailbox provider: false for mail from someone else's account there (fromOwnAccount), a source of its
   * own apart from the domain's own account.
   */
  ownAccount: boolean;
  /** Position in the resolver's creation order. */
  index: number;
}

/**
 * One distinct combination of the fields identification and facts depend on (header From, envelope, DKIM and SPF
 * results), with what follows from them. Shared between records: do not modify.
 */
export interface IdentifierSet {
  /** The first record seen with these identifiers. */
  exemplar: AggregateRecord;
  identification: SourceIdentification;
  /** The header From domain, normalized. */
  headerFrom: string;
  /** Facts computed with `identification` (see SourceCell.facts). */
  facts: RecordFacts | undefined;
  /** Facts computed with a service a network names that has tenant DKIM domains, by that service. */
  factsByNetwork?: Map<SendingService, RecordFacts>;
  /** Position in the resolver's table (a small integer). */
  index: number;
  /** identifierHash of the exemplar. */
  hash: number;
  /** The next set with the same hash slot. */
  next: IdentifierSet | undefined;
}

/**
 * What every record from one IP with one profile (its identifiers, verdicts, dispositions and reasons) shares: its
 * context (group), the facts of its identifiers and the cause it has when it fails DMARC without a forwarding
 * override. Records add their counts to the cell; groups are built from cells, so a million records cost a few
 * lookups and additions each.
 */
export interface SourceCell {
  context: SourceContext;
  identifiers: IdentifierSet;
  facts: RecordFacts;
  /** classifyRecord's cause for a failing record of this cell without a forwarding override reason. */
  failureCause: RecordCause;
}

/** What a record's outcome is, from its profile: DMARC pass, failing with a forwarding override, or failing. */
const PASSING = 0;
const OVERRIDDEN = 1;
const FAILING = 2;

/**
 * One distinct record apart from its source IP and count: identifiers, verdicts, aligned flags, disposition and
 * override reasons. Everything a record adds to its group besides its messages follows from its profile.
 */
interface Profile {
  /** The first record seen with this profile. */
  exemplar: AggregateRecord;
  identifiers: IdentifierSet;
  /** PASSING, OVERRIDDEN or FAILING. */
  outcome: number;
  /** The kinds of this profile's cells (usually one: more when networks name different services). */
  kinds: CellKind[];
  index: number;
  hash: number;
  next: Profile | undefined;
}

/**
 * What a cell adds to its group besides its counts: its profile, the facts of its identifiers and its cause. Cells of
 * many addresses share one (a service's thousands of addresses send a handful of profiles), so a group adds up its
 * cells' messages per kind first and counts each kind once.
 */
export interface CellKind {
  profile: Profile;
  facts: RecordFacts;
  failureCause: RecordCause;
  /** The cause a record of this kind counts under (index in CAUSES): its outcome's, or failureCause. */
  causeIndex: number;
  /** Position in the resolver's `kinds`. */
  index: number;
}

function hashText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return Math.imul(h ^ 124, 16777619); // a separator, so "ab"+"c" and "a"+"bc" differ
}

/** FNV-1a over the fields identification and facts depend on. */
export function identifierHash(record: AggregateRecord): number {
  let h = hashText(2166136261, record.headerFrom);
  h = record.envelopeFrom === undefined ? Math.imul(h ^ 1, 16777619) : hashText(h, record.envelopeFrom);
  const dkim = record.dkimResults;
  for (let i = 0; i < dkim.length; i++) {
    const d = dkim[i]!;
    h = hashText(hashText(h, d.domain), d.result);
    h = d.selector === undefined ? Math.imul(h ^ 2, 16777619) : hashText(h, d.selector);
  }
  h = Math.imul(h ^ 35, 16777619);
  const spf = record.spfResults;
  for (let i = 0; i < spf.length; i++) {
    const r = spf[i]!;
    h = hashText(hashText(h, r.domain), r.result);
    h = r.scope === undefined ? Math.imul(h ^ 2, 16777619) : hashText(h, r.scope);
  }
  return h & 0x3fffffff; // a small integer (Smi) in every engine
}

/** identifierHash with the rest of a profile: verdicts, aligned flags, disposition, reasons. */
function profileHash(record: AggregateRecord): number {
  let h = hashText(identifierHash(record), record.disposition);
  h = hashText(hashText(h, record.dkim), record.spf);
  h = Math.imul(h ^ ((record.dkimAligned ? 1 : 0) | (record.spfAligned ? 2 : 0)), 16777619);
  const reasons = record.reasons;
  for (let i = 0; i < reasons.length; i++) {
    const reason = reasons[i]!;
    h = hashText(h, reason.type);
    h = reason.comment === undefined ? Math.imul(h ^ 3, 16777619) : hashText(h, reason.comment);
  }
  return h & 0x3fffffff;
}

/** Whether two records have the same identifiers (the fields identifierHash reads). */
export function sameIdentifiers(a: AggregateRecord, b: AggregateRecord): boolean {
  if (a.headerFrom !== b.headerFrom || a.envelopeFrom !== b.envelopeFrom) return false;
  // Records rebuilt from the store share their profile's lists.
  if (a.dkimResults !== b.dkimResults) {
    if (a.dkimResults.length !== b.dkimResults.length) return false;
    for (let i = 0; i < a.dkimResults.length; i++) {
      const x = a.dkimResults[i]!;
      const y = b.dkimResults[i]!;
      if (x.domain !== y.domain || x.result !== y.result || x.selector !== y.selector) return false;
    }
  }
  if (a.spfResults !== b.spfResults) {
    if (a.spfResults.length !== b.spfResults.length) return false;
    for (let i = 0; i < a.spfResults.length; i++) {
      const x = a.spfResults[i]!;
      const y = b.spfResults[i]!;
      if (x.domain !== y.domain || x.result !== y.result || x.scope !== y.scope) return false;
    }
  }
  return true;
}

/** Whether two records have the same profile (the fields profileHash reads). */
function sameProfile(a: AggregateRecord, b: AggregateRecord): boolean {
  if (
    a.disposition !== b.disposition ||
    a.dkim !== b.dkim ||
    a.spf !== b.spf ||
    a.dkimAligned !== b.dkimAligned ||
    a.spfAligned !== b.spfAligned
  ) {
    return false;
  }
  if (a.reasons !== b.reasons) {
    if (a.reasons.length !== b.reasons.length) return false;
    for (let i = 0; i < a.reasons.length; i++) {
      const x = a.reasons[i]!;
      const y = b.reasons[i]!;
      if (x.type !== y.type || x.comment !== y.comment) return false;
    }
  }
  return sameIdentifiers(a, b);
}

/**
 * The 32-bit value of an IPv4 address written the one way parseIpAddress writes it back (four decimal numbers of
 * 0–255, no leading zeros, nothing else), or -1. Two such strings are equal exactly when their values are, so the
 * value can stand for the string as a key.
 */
export function canonicalIpv4Value(ip: string): number {
  const length = ip.length;
  if (length < 7 || length > 15) return -1;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      const digit = c - 48;
      if (digit < 0 || digit > 9 || (digits === 1 && octet === 0)) return -1;
      octet = octet * 10 + digit;
      if (++digits > 3 || octet > 255) return -1;
    }
  }
  if (digits === 0 || dots !== 3) return -1;
  return value * 256 + octet;
}

/** Every address of a resolver in text order: per address (position in `ips`) its rank, and per rank the address. */
export interface IpRanks {
  rankOf: Int32Array;
  ipAt: Int32Array;
}

/**
 * The first `n` addresses in text order: canonical IPv4 addresses only (`onlyIpv4`) sorted by their text order as a
 * number (distinct for distinct addresses), others by comparing their texts.
 */
function rankAddresses(n: number, ipValues: Float64Array, ipTexts: readonly string[], onlyIpv4: boolean): IpRanks {
  const ipAt = new Int32Array(n);
  if (onlyIpv4) {
    const keys = new Uint32Array(n);
    for (let i = 0; i < n; i++) keys[i] = ipv4TextOrder(ipValues[i]!);
    ipAt.set(radixOrder(n, keys));
  } else {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (ipTexts[a]! < ipTexts[b]! ? -1 : 1));
    ipAt.set(order);
  }
  const rankOf = new Int32Array(n);
  for (let rank = 0; rank < n; rank++) rankOf[ipAt[rank]!] = rank;
  return { rankOf, ipAt };
}

/** Per number 0–255, its place among the 256 written in decimal and sorted as text ("0" < "1" < "10" < "100" < …). */
const OCTET_TEXT_ORDER = (() => {
  const order = new Uint8Array(256);
  const texts = Array.from({ length: 256 }, (_, i) => String(i)).sort();
  texts.forEach((text, place) => (order[Number(text)] = place));
  return order;
})();

/**
 * A number that orders canonical IPv4 addresses as their text does: texts compare octet by octet (the dot sorts
 * before every digit, so a shorter octet that begins a longer one sorts first, as its number does in
 * OCTET_TEXT_ORDER), so the octets' places in text order, as the digits of a base-256 number, order them.
 */
export function ipv4TextOrder(value: number): number {
  return (
    OCTET_TEXT_ORDER[value >>> 24]! * 16777216 +
    OCTET_TEXT_ORDER[(value >>> 16) & 255]! * 65536 +
    OCTET_TEXT_ORDER[(value >>> 8) & 255]! * 256 +
    OCTET_TEXT_ORDER[value & 255]!
  );
}

/**
 * Slots of a replaced hash table whose entries move to its successor per entry added. A table is replaced when
 * three quarters full, by one twice as large: its entries have all moved after a quarter of its size more were
 * added, when the successor is half full. (Three quarters, not half: the address and cell tables of a million
 * records are read at random, once a record, and a table half the size is half the pages to fault in and to miss
 * in the TLB.)
 */
const MOVED_PER_ADD = 4;

/**
 * How many of the last profiles found profileOf tries before hashing: a report interleaves a handful of profiles
 * (with four, the bench's five shapes sent one record in nine to the hash table).
 */
const RECENT_PROFILES = 8;

/**
 * Ints per slot of SourceResolver's cell table: 4 (key, tag, cell, group), or 8 when it counts records in the slot
 * (32 bytes, so that a slot never spans two cache lines). Where in a slot its cell and its group are, and (in the
 * second half of an 8-int slot, as doubles) its messages and records.
 */
const SLOT_COUNTED = 8;

/** Records countRecords reads the slots of ahead: about as many cache misses as a core has in flight. */
const BATCH = 32;
const SLOT_PLAIN = 4;
const SLOT_CELL = 2;
const SLOT_GROUP = 3;
const SLOT_MESSAGES = 2;
const SLOT_RECORDS = 3;

/** What groupKeyOf remembers of a group: its number, and the AS name it was made with. */
interface KnownGroup {
  name: string | undefined;
  group: number;
}

/** A copy of `array` twice as long. */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(array.length * 2);
  copy.set(array);
  return copy;
}

/** What is known of an IP's network without the ASN table: nothing (one object for every such IP). */
const NO_ASN: AsnInfo = Object.freeze({});

/** Mixes an IP key and a tag into a table position (a multiplicative hash; the tables are powers of two). */
function mix(key: number, tag: number): number {
  let h = Math.imul(key ^ Math.imul(tag, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
}

/**
 * Per-call caches: the same IP recurs across thousands of records, and so does the same profile. A record's cell is
 * found by its profile (a small hash table, compared with the previous record's first) and its address: a canonical
 * IPv4 address by its 32-bit value, any other string by a number given on first sight, so one probe of a typed-array
 * table keyed by (address, profile) finds the cell. `cell(record)` returns the record's cell; the caller counts on it.
 */
export class SourceResolver {
  /**
   * Addresses are numbered in the order they are first seen; canonical IPv4 addresses are found by value in
   * `v4Slots`, other strings by themselves. Two ints per slot: the value, and 1 + the address's number (0: empty).
   */
  private v4Slots = new Int32Array(2 * 1024);
  /** The table v4Slots replaced, while its entries move over (see moveV4): every address is in one of the two. */
  private oldV4Slots: Int32Array | undefined;
  private oldV4At = 0;
  private v4Count = 0;
  /**
   * Entries moved so far from a hash table into its larger successor. A table that fills is replaced by one four
   * times larger, and its entries move over a few per entry added (MOVED_PER_ADD), so that no one record pays for
   * moving a whole table: a page that groups a few hundred records per task keeps every task short.
   */
  moved = 0;
  private readonly otherIps = new Map<string, number>();
  /** Per address (by number): its text (of its first record). */
  readonly ipTexts: string[] = [];
  /**
   * Per address (by number), in typed arrays rather than an object each (a million records come from a hundred
   * thousand addresses): its IPv4 value when canonical (else -1), its position in `asnInfos`, 1 + its network
   * context and its network context for mail from others' accounts (0: none yet), 1 + the last context made for it
   * from an identification by domains (the others follow through `contextNext`).
   */
  private ipValues = new Float64Array(1024);
  private ipAsns = new Int32Array(1024);
  private ipNetworks = new Int32Array(1024);
  private ipOthers = new Int32Array(1024);
  private ipIdentified = new Int32Array(1024);
  /** Per address: the service its network names (identifyByNetwork), once a record needed it. */
  private readonly ipByNetwork: Array<SourceIdentification | undefined> = [];
  /** ipRanks' answer, for as many addresses as it counted. */
  private ranks: IpRanks | undefined;
  /** Open-addressing table of identifier sets: slot → 1 + index in `sets`, 0 when empty. */
  private slots = new Int32Array(1024);
  private readonly sets: IdentifierSet[] = [];
  /** Open-addressing table of profiles: slot → 1 + index in `profiles`, 0 when empty. */
  private profileSlots = new Int32Array(1024);
  private readonly profiles: Profile[] = [];
  /**
   * The last profiles found, tried before hashing: a report repeats a few profiles over many addresses, and records
   * from the store share their profile's fields and lists, which sameProfile compares by reference first.
   */
  private readonly recentProfiles: Profile[] = [];
  /** Per recent profile, the last record found to have it: records of one report share its lists and strings. */
  private readonly recentRecords: AggregateRecord[] = [];
  private nextRecent = 0;
  /** Ints per slot of `pairs`: SLOT_COUNTED in a resolver that counts records (countRecord), else SLOT_PLAIN. */
  private readonly slot: number;
  /**
   * Cells by (address key, profile): the key (IPv4 value, or the number of another string), the tag (profile index
   * × 2, + 1 for IPv4), 1 + the cell's index (0: empty), the cell's group and, when counted, as the slot's second
   * half read as a Float64Array (`pairTallies`), its messages and records. A record's cell is counted where it is
   * found, in the line the probe already read: a million records from a hundred thousand addresses come in no
   * order, and a tally apart from the table was a second cache miss each.
   */
  private pairs: Int32Array;
  private pairTallies: Float64Array;
  /** The table `pairs` replaced, while its entries move over (see `moved`): every cell is in one of the two. */
  private oldPairs: Int32Array | undefined;
  private oldPairTallies: Float64Array | undefined;
  private oldPairsAt = 0;
  /** countRecords' batch: per record, its profile, key and tag; and what reading its slots ahead read. */
  private readonly batchProfiles: Profile[] = [];
  private readonly batchKeys = new Int32Array(BATCH);
  private readonly batchTags = new Int32Array(BATCH);
  private readAhead = 0;
  /** groupKeyOf's memory: group key, label and number by service id, PTR name and AS number. */
  private readonly othersKeys = new Map<string | number, KnownGroup>();
  private readonly rdnsKeys = new Map<string | number, KnownGroup>();
  private readonly asnKeys = new Map<string | number, KnownGroup>();
  /** The last service whose own mail made a context, and its group's number. */
  private lastService: SendingService | undefined;
  private lastServiceGroup = 0;
  /**
   * Per cell (by index, in creation order: the order of each cell's first record), its context's and its kind's
   * positions: numbers, not an object per cell (a million records make hundreds of thousands of cells).
   */
  cellContexts = new Int32Array(1024);
  private cellKinds = new Int32Array(1024);
  private cells = 0;
  /** SourceCell objects, made when asked for (addRecord, cell): one per cell, so the same cell is the same object. */
  private readonly cellObjects: Array<SourceCell | undefined> = [];
  /**
   * Contexts are numbered in creation order (the order of the first record of each); SourceContext objects are made
   * when asked for (contextOf), from these. Per context: its address's number (equal numbers are equal addresses),
   * its AS info's position in `asnInfos`, its group's number (groups are numbered in the order of their first
   * context, so of their first record), whether it is the own account (1) or not (0), and 1 + the context made
   * before it for the same address from an identification by domains (0: none).
   */
  contextIps = new Int32Array(1024);
  contextAsns = new Int32Array(1024);
  contextGroups = new Int32Array(1024);
  private contextOwn = new Uint8Array(1024);
  private contextNext = new Int32Array(1024);
  /** Per context, its identification. */
  private readonly contextIdentifications: SourceIdentification[] = [];
  private readonly contextObjects: Array<SourceContext | undefined> = [];
  /** Group numbers by key; per group, its key and label (those of its first context). */
  private readonly groupOfKey = new Map<string, number>();
  private readonly groupKeys: string[] = [];
  private readonly groupLabels: string[] = [];
  /** Per group, the first and last report time of the records countRecord counted. */
  groupFirstSeen = new Float64Array(0);
  groupLastSeen = new Float64Array(0);
  /**
   * What the ASN table says of the addresses seen, each distinct answer once (thousands of addresses of a network
   * share one): position 0 is what is known without the table.
   */
  readonly asnInfos: AsnInfo[] = [NO_ASN];
  /** Positions in `asnInfos` by asnKeyOfAddress. */
  private readonly asnInfoOfKey = new Map<number, number>();
  /**
   * Per entry of `asnInfos`, a number for its AS number and one for its country, each distinct value numbered once
   * (-1: none), so that a group adds its messages per AS and country in typed arrays.
   */
  readonly infoAsnSlots: number[] = [-1];
  readonly infoCountrySlots: number[] = [-1];
  readonly asnSlots = new Map<number, number>();
  readonly countrySlots = new Map<string, number>();
  /** Per country number, the country. */
  readonly countryTexts: string[] = [];
  /** identifyByNetwork by AS number, for addresses without PTR names. */
  private readonly networkByAsn = new Map<number | undefined, SourceIdentification>();
  /** Every kind of cell, in creation order. */
  readonly kinds: CellKind[] = [];

  /** How many distinct addresses were seen. */
  get ipCount(): number {
    return this.ipTexts.length;
  }

  /** How many contexts there are; their numbers are 0 to contextCount - 1. */
  get contextCount(): number {
    return this.contextIdentifications.length;
  }

  /** How many groups there are; their numbers are 0 to groupCount - 1. */
  get groupCount(): number {
    return this.groupKeys.length;
  }

  /** `counted`: records are counted into their cells (countRecord), not only found (cellIndex). */
  constructor(
    private readonly options: Pick<GroupSourcesOptions, 'asnTable' | 'rdns'> = {},
    counted = false,
  ) {
    this.slot = counted ? SLOT_COUNTED : SLOT_PLAIN;
    this.pairs = new Int32Array(this.slot * 4096);
    this.pairTallies = new Float64Array(counted ? this.pairs.buffer : new ArrayBuffer(0));
  }

  /** The identifier set of a record (created on first sight). */
  identifierSet(record: AggregateRecord): IdentifierSet {
    const hash = identifierHash(record);
    const at = this.slots[hash & (this.slots.length - 1)]!;
    for (let set = at === 0 ? undefined : this.sets[at - 1]; set !== undefined; set = set.next) {
      if (set.hash === hash && sameIdentifiers(set.exemplar, record)) return set;
    }
    const set: IdentifierSet = {
      exemplar: record,
      identification: identifyByRecordDomains(record),
      headerFrom: normalizeDomain(record.headerFrom),
      facts: undefined,
      index: this.sets.length,
      hash,
      next: undefined,
    };
    this.sets.push(set);
    if (this.sets.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 4);
      for (const each of this.sets) {
        each.next = undefined;
        this.link(each);
      }
    } else this.link(set);
    return set;
  }

  /** Puts a set into its slot's chain (separate chaining: the slot holds the chain's head). */
  private link(set: IdentifierSet): void {
    const slot = set.hash & (this.slots.length - 1);
    const at = this.slots[slot]!;
    if (at !== 0) set.next = this.sets[at - 1];
    this.slots[slot] = set.index + 1;
  }

  /** The profile of a record (created on first sight). */
  private profileOf(record: AggregateRecord): Profile {
    const recent = this.recentProfiles;
    const records = this.recentRecords;
    for (let i = 0; i < recent.length; i++) {
      if (sameProfile(records[i]!, record)) {
        records[i] = record;
        return recent[i]!;
      }
    }
    const profile = this.hashedProfile(record);
    recent[this.nextRecent] = profile;
    records[this.nextRecent] = record;
    this.nextRecent = (this.nextRecent + 1) % RECENT_PROFILES;
    return profile;
  }

  /** The profile of a record, by its hash (created on first sight). */
  private hashedProfile(record: AggregateRecord): Profile {
    const hash = profileHash(record);
    const at = this.profileSlots[hash & (this.profileSlots.length - 1)]!;
    for (let profile = at === 0 ? undefined : this.profiles[at - 1]; profile !== undefined; profile = profile.next) {
      if (profile.hash === hash && sameProfile(profile.exemplar, record)) return profile;
    }
    const profile: Profile = {
      exemplar: record,
      identifiers: this.identifierSet(record),
      outcome: passesByVerdictOrAlignment(record) ? PASSING : receiverSaysForwarded(record) ? OVERRIDDEN : FAILING,
      kinds: [],
      index: this.profiles.length,
      hash,
      next: undefined,
    };
    this.profiles.push(profile);
    if (this.profiles.length * 2 > this.profileSlots.length) {
      this.profileSlots = new Int32Array(this.profileSlots.length * 4);
      for (const each of this.profiles) {
        each.next = undefined;
        this.linkProfile(each);
      }
    } else this.linkProfile(profile);
    return profile;
  }

  private linkProfile(profile: Profile): void {
    const slot = profile.hash & (this.profileSlots.length - 1);
    const at = this.profileSlots[slot]!;
    if (at !== 0) profile.next = this.profiles[at - 1];
    this.profileSlots[slot] = profile.index + 1;
  }

  /** The address key of an IP: its IPv4 value, or the number given to any other string. */
  private otherIpKey(ip: string): number {
    let key = this.otherIps.get(ip);
    if (key === undefined) {
      key = this.newIp(ip, -1);
      this.otherIps.set(ip, key);
    }
    return key;
  }

  /** Numbers a new address; `value` is its IPv4 value when canonical, else -1. */
  private newIp(ip: string, value: number): number {
    const index = this.ipTexts.length;
    if (index === this.ipValues.length) {
      const values = new Float64Array(index * 2);
      values.set(this.ipValues);
      this.ipValues = values;
      this.ipAsns = grown(this.ipAsns);
      this.ipNetworks = grown(this.ipNetworks);
      this.ipOthers = grown(this.ipOthers);
      this.ipIdentified = grown(this.ipIdentified);
    }
    this.ipValues[index] = value;
    this.ipTexts.push(ip);
    this.ipByNetwork.push(undefined);
    this.ipAsns[index] = this.asnIndexOf(ip, value);
    return index;
  }

  /** The PTR names of an address (by number), when the caller gave some. */
  private rdnsOf(ip: number): readonly string[] | undefined {
    return this.options.rdns?.get(this.ipTexts[ip]!);
  }

  /** The position in `asnInfos` of what the ASN table says of an address (its IPv4 value when canonical, else -1). */
  private asnIndexOf(ip: string, value: number): number {
    const table = this.options.asnTable;
    if (!table) return 0;
    let key: number;
    if (value >= 0) key = asnKeyOfIpv4(table, value);
    else {
      const address = parseIpAddress(ip);
      key = address ? asnKeyOfAddress(table, address) : -1;
    }
    let index = this.asnInfoOfKey.get(key);
    if (index === undefined) {
      index = this.asnInfos.length;
      const info = Object.freeze(asnInfoOfKey(table, key));
      this.asnInfos.push(info);
      this.asnInfoOfKey.set(key, index);
      this.infoAsnSlots.push(info.asn === undefined ? -1 : slotOf(this.asnSlots, info.asn));
      let country = -1;
      if (info.country) {
        country = slotOf(this.countrySlots, info.country);
        if (country === this.countryTexts.length) this.countryTexts.push(info.country);
      }
      this.infoCountrySlots.push(country);
    }
    return index;
  }

  /** The number of a canonical IPv4 address (given on first sight). */
  private v4Entry(ip: string, value: number): number {
    const key = value | 0;
    const slots = this.v4Slots;
    const mask = (slots.length >> 1) - 1;
    let slot = mix(key, 1) & mask;
    for (;;) {
      const at = slots[slot * 2 + 1]!;
      if (at === 0) break;
      if (slots[slot * 2] === key) return at - 1;
      slot = (slot + 1) & mask;
    }
    const old = this.oldV4Slots;
    if (old !== undefined) {
      const oldMask = (old.length >> 1) - 1;
      for (let at = mix(key, 1) & oldMask; old[at * 2 + 1] !== 0; at = (at + 1) & oldMask) {
        if (old[at * 2] === key) return old[at * 2 + 1]! - 1;
      }
    }
    const entry = this.newIp(ip, value);
    slots[slot * 2] = key;
    slots[slot * 2 + 1] = entry + 1;
    if (old !== undefined) this.moveV4(MOVED_PER_ADD);
    if (++this.v4Count * 4 > (mask + 1) * 3) {
      if (this.oldV4Slots !== undefined) this.moveV4(Infinity);
      this.oldV4Slots = slots;
      this.oldV4At = 0;
      this.v4Slots = new Int32Array(slots.length * 2);
    }
    return entry;
  }

  /** Moves the entries of up to `count` slots of the replaced address table into v4Slots. */
  private moveV4(count: number): void {
    const old = this.oldV4Slots!;
    const slots = this.v4Slots;
    const mask = (slots.length >> 1) - 1;
    const end = Math.min(old.length >> 1, this.oldV4At + count);
    for (let from = this.oldV4At; from < end; from++) {
      const entry = old[from * 2 + 1]!;
      if (entry === 0) continue;
      const key = old[from * 2]!;
      let to = mix(key, 1) & mask;
      while (slots[to * 2 + 1] !== 0) to = (to + 1) & mask;
      slots[to * 2] = key;
      slots[to * 2 + 1] = entry;
      this.moved++;
    }
    this.oldV4At = end;
    if (end === old.length >> 1) this.oldV4Slots = undefined;
  }

  /** Every address seen so far in text order (as `<` compares strings). */
  ipRanks(): IpRanks {
    const n = this.ipTexts.length;
    if (this.ranks?.rankOf.length !== n) {
      this.ranks = rankAddresses(n, this.ipValues, this.ipTexts, this.otherIps.size === 0);
    }
    return this.ranks;
  }

  /**
   * What networksOf reads of the resolver, as it is now, with the messages of each context: groups() makes each
   * group's addresses, ASes and countries when they are first read, from this, so that they are what they were when
   * the group was made and the resolver's tables need not be kept for them.
   */
  networkTable(contextMessages: Float64Array): NetworkTable {
    const n = this.ipTexts.length;
    const { ipValues, ipTexts } = this;
    const onlyIpv4 = this.otherIps.size === 0;
    let ranks: IpRanks | undefined;
    return {
      contextMessages,
      contextIps: this.contextIps,
      contextAsns: this.contextAsns,
      asnInfos: this.asnInfos,
      infoAsnSlots: this.infoAsnSlots,
      infoCountrySlots: this.infoCountrySlots,
      ipTexts,
      countryTexts: this.countryTexts,
      ipCount: n,
      asnCount: this.asnSlots.size,
      countryCount: this.countrySlots.size,
      ranks: () => (ranks ??= rankAddresses(n, ipValues, ipTexts, onlyIpv4)),
    };
  }

  /** Makes a context of an address (by number); returns its number. */
  private newContext(
    record: AggregateRecord,
    identification: SourceIdentification,
    ip: number,
    ownAccount: boolean,
  ): number {
    const index = this.contextIdentifications.length;
    if (index === this.contextIps.length) {
      this.contextIps = grown(this.contextIps);
      this.contextAsns = grown(this.contextAsns);
      this.contextGroups = grown(this.contextGroups);
      this.contextNext = grown(this.contextNext);
      const own = new Uint8Array(index * 2);
      own.set(this.contextOwn);
      this.contextOwn = own;
    }
    this.contextIdentifications.push(identification);
    this.contextIps[index] = ip;
    this.contextAsns[index] = this.ipAsns[ip]!;
    this.contextOwn[index] = ownAccount ? 1 : 0;
    const service = identification.service;
    let group: number;
    if (service && ownAccount) {
      // A service's own mail: its id and name (groupKeyOf without making an object per context).
      if (service !== this.lastService) {
        this.lastService = service;
        this.lastServiceGroup = this.groupNumber(service.id, service.name);
      }
      group = this.lastServiceGroup;
    } else group = this.groupKeyOf(record, identification, ip, ownAccount);
    this.contextGroups[index] = group;
    return index;
  }

  /** The number of the group with this key (a new group, labelled `label`, on first sight). */
  private groupNumber(key: string, label: string): number {
    let group = this.groupOfKey.get(key);
    if (group === undefined) {
      group = this.groupKeys.length;
      this.groupOfKey.set(key, group);
      this.groupKeys.push(key);
      this.groupLabels.push(label);
      if (group === this.groupFirstSeen.length) this.growGroupTimes();
    }
    return group;
  }

  /** Doubles the per-group arrays of report times; a group's first record sets them. */
  private growGroupTimes(): void {
    const size = Math.max(256, this.groupFirstSeen.length * 2);
    const first = new Float64Array(size).fill(Infinity);
    const last = new Float64Array(size).fill(-Infinity);
    first.set(this.groupFirstSeen);
    last.set(this.groupLastSeen);
    this.groupFirstSeen = first;
    this.groupLastSeen = last;
  }

  /**
   * The group of a context (sourceGroupKey), remembered per service and per network: thousands of addresses share
   * one, and its label is built text.
   */
  private groupKeyOf(
    record: AggregateRecord,
    identification: SourceIdentification,
    ip: number,
    ownAccount: boolean,
  ): number {
    const service = identification.service;
    const asn = this.asnInfos[this.ipAsns[ip]!]!;
    const rdnsNames = this.rdnsOf(ip);
    let cache: Map<string | number, KnownGroup> | undefined;
    let by: string | number | undefined;
    let name: string | undefined;
    if (service) {
      if (ownAccount) return this.groupNumber(service.id, service.name);
      cache = this.othersKeys;
      by = service.id;
    } else if (rdnsNames?.[0]) {
      cache = this.rdnsKeys;
      by = rdnsNames[0];
    } else if (asn.asn !== undefined) {
      cache = this.asnKeys;
      by = asn.asn;
      name = asn.asnName;
    }
    if (cache !== undefined && by !== undefined) {
      const known = cache.get(by);
      if (known !== undefined && known.name === name) return known.group;
    }
    const { key, label } = sourceGroupKey(record, { identification, asn, rdnsNames, ownAccount });
    const group = this.groupNumber(key, label);
    if (cache !== undefined && by !== undefined) cache.set(by, { name, group });
    return group;
  }

  /** The context numbered `index`, as an object (made on first request; the same object after). */
  contextOf(index: number): SourceContext {
    let context = this.contextObjects[index];
    if (context === undefined) {
      const ip = this.contextIps[index]!;
      const group = this.contextGroups[index]!;
      context = {
        identification: this.contextIdentifications[index]!,
        asn: this.asnInfos[this.contextAsns[index]!]!,
        rdnsNames: this.rdnsOf(ip),
        groupKey: this.groupKeys[group]!,
        groupLabel: this.groupLabels[group]!,
        ip: this.ipTexts[ip]!,
        ownAccount: this.contextOwn[index] === 1,
        index,
      };
      this.contextObjects[index] = context;
    }
    return context;
  }

  /** The cell of a record: its source IP with its profile. */
  cell(record: AggregateRecord): SourceCell {
    return this.cellAt(this.cellIndex(record));
  }

  /** How many cells there are; their indexes are 0 to cellCount - 1. */
  get cellCount(): number {
    return this.cells;
  }

  /** The cell at `index` (an index cellIndex gave). */
  cellAt(index: number): SourceCell {
    let cell = this.cellObjects[index];
    if (cell === undefined) {
      const kind = this.kinds[this.cellKinds[index]!]!;
      cell = {
        context: this.contextOf(this.cellContexts[index]!),
        identifiers: kind.profile.identifiers,
        facts: kind.facts,
        failureCause: kind.failureCause,
      };
      this.cellObjects[index] = cell;
    }
    return cell;
  }

  /** The context of the cell at `index`. */
  contextAt(index: number): SourceContext {
    return this.contextOf(this.cellContexts[index]!);
  }

  /** The kind of the cell at `index`. */
  kindAt(index: number): CellKind {
    return this.kinds[this.cellKinds[index]!]!;
  }

  /** The position in `cells` of a record's cell (created on first sight). */
  cellIndex(record: AggregateRecord): number {
    const at = this.slotOf(record);
    return at >= 0 ? this.pairs[at + SLOT_CELL]! - 1 : this.oldPairs![~at + SLOT_CELL]! - 1;
  }

  /**
   * Counts a record dated `time` as `count` messages into its cell (created on first sight), and its time into its
   * group; returns the cell's position. Only in a resolver made `counted`, where every record is counted this way.
   */
  countRecord(record: AggregateRecord, time: number, count: number): number {
    return this.countAt(this.slotOf(record), time, count);
  }

  /**
   * countRecord of each record, dated `time`, as its own count, a batch at a time: first each record's profile and
   * key, then a read of each one's slot, then each is counted. The slots are read at random, a cache miss each; read
   * one after the other with nothing depending on them, the misses overlap, and the count then finds them in cache.
   */
  countRecords(records: readonly AggregateRecord[], time: number): void {
    const profiles = this.batchProfiles;
    const keys = this.batchKeys;
    const tags = this.batchTags;
    for (let start = 0; start < records.length; start += BATCH) {
      const n = Math.min(BATCH, records.length - start);
      this.batchKeysOf(records, start, n);
      this.readSlotsAhead(n);
      for (let j = 0; j < n; j++) {
        const record = records[start + j]!;
        const profile = profiles[j]!;
        const tag = tags[j]!;
        // An address that is not canonical IPv4 is numbered here, in the records' order.
        const at =
          tag >= 0
            ? this.slotOfKey(record, profile, keys[j]!, tag)
            : this.slotOfKey(record, profile, this.otherIpKey(record.sourceIp), profile.index * 2);
        this.countAt(at, time, record.count);
      }
    }
  }

  /** The profiles, keys and tags of `n` records from `start`, into the batch arrays (tag -1: not canonical IPv4). */
  private batchKeysOf(records: readonly AggregateRecord[], start: number, n: number): void {
    for (let j = 0; j < n; j++) {
      const record = records[start + j]!;
      const profile = this.profileOf(record);
      const value = canonicalIpv4Value(record.sourceIp);
      this.batchProfiles[j] = profile;
      this.batchKeys[j] = value | 0;
      this.batchTags[j] = value >= 0 ? profile.index * 2 + 1 : -1;
    }
  }

  /** Reads the slot where the probe of each of the batch's first `n` records begins. */
  private readSlotsAhead(n: number): void {
    const pairs = this.pairs;
    const size = this.slot;
    const mask = pairs.length / size - 1;
    const keys = this.batchKeys;
    const tags = this.batchTags;
    let read = 0;
    for (let j = 0; j < n; j++) {
      const tag = tags[j]!;
      if (tag >= 0) read ^= pairs[(mix(keys[j]!, tag) & mask) * size]!;
    }
    this.readAhead = read;
  }

  /** Counts a record into the slot at `at` (as slotOf gives it); returns its cell's position. */
  private countAt(slotAt: number, time: number, count: number): number {
    let at = slotAt;
    let pairs = this.pairs;
    let tallies = this.pairTallies;
    if (at < 0) {
      at = ~at;
      pairs = this.oldPairs!;
      tallies = this.oldPairTallies!;
    }
    const half = at >> 1;
    tallies[half + SLOT_MESSAGES]! += count;
    tallies[half + SLOT_RECORDS]! += 1;
    const group = pairs[at + SLOT_GROUP]!;
    if (time < this.groupFirstSeen[group]!) this.groupFirstSeen[group] = time;
    if (time > this.groupLastSeen[group]!) this.groupLastSeen[group] = time;
    return pairs[at + SLOT_CELL]! - 1;
  }

  /**
   * Where a record's cell is (made on first sight): the position of its slot in `pairs`, or ~ the position in
   * `oldPairs`.
   */
  private slotOf(record: AggregateRecord): number {
    const profile = this.profileOf(record);
    const ip = record.sourceIp;
    const value = canonicalIpv4Value(ip);
    const key = value >= 0 ? value | 0 : this.otherIpKey(ip);
    return this.slotOfKey(record, profile, key, profile.index * 2 + (value >= 0 ? 1 : 0));
  }

  /**
   * slotOf with the record's profile, key and tag: an odd tag is a canonical IPv4 address's, whose key is its value
   * (as an int).
   */
  private slotOfKey(record: AggregateRecord, profile: Profile, key: number, tag: number): number {
    const pairs = this.pairs;
    const size = this.slot;
    const mask = pairs.length / size - 1;
    let slot = mix(key, tag) & mask;
    for (;;) {
      const at = slot * size;
      if (pairs[at + SLOT_CELL] === 0) break;
      if (pairs[at] === key && pairs[at + 1] === tag) return at;
      slot = (slot + 1) & mask;
    }
    const old = this.oldPairs;
    if (old !== undefined) {
      const oldMask = old.length / size - 1;
      for (let at = mix(key, tag) & oldMask; old[at * size + SLOT_CELL] !== 0; at = (at + 1) & oldMask) {
        if (old[at * size] === key && old[at * size + 1] === tag) return ~(at * size);
      }
    }
    const index = this.cells;
    this.newCell(record, profile, (tag & 1) === 1 ? this.v4Entry(record.sourceIp, key >>> 0) : key);
    const at = slot * size;
    pairs[at] = key;
    pairs[at + 1] = tag;
    pairs[at + SLOT_CELL] = index + 1;
    pairs[at + SLOT_GROUP] = this.contextGroups[this.cellContexts[index]!]!;
    if (old !== undefined) this.movePairs(MOVED_PER_ADD);
    if (this.cells * 4 > (mask + 1) * 3) {
      if (this.oldPairs !== undefined) this.movePairs(Infinity);
      this.oldPairs = pairs;
      this.oldPairTallies = this.pairTallies;
      this.oldPairsAt = 0;
      this.pairs = new Int32Array(pairs.length * 2);
      if (size === SLOT_COUNTED) this.pairTallies = new Float64Array(this.pairs.buffer);
      return ~at;
    }
    return at;
  }

  /** Moves the entries of up to `count` slots of the replaced cell table into `pairs`. */
  private movePairs(count: number): void {
    const old = this.oldPairs!;
    const pairs = this.pairs;
    const size = this.slot;
    const mask = pairs.length / size - 1;
    const end = Math.min(old.length / size, this.oldPairsAt + count);
    for (let from = this.oldPairsAt; from < end; from++) {
      const at = from * size;
      if (old[at + SLOT_CELL] === 0) continue;
      let slot = mix(old[at]!, old[at + 1]!) & mask;
      while (pairs[slot * size + SLOT_CELL] !== 0) slot = (slot + 1) & mask;
      for (let i = 0; i < size; i++) pairs[slot * size + i] = old[at + i]!;
      this.moved++;
    }
    this.oldPairsAt = end;
    if (end === old.length / size) {
      this.oldPairs = undefined;
      this.oldPairTallies = undefined;
    }
  }

  /** How many slots cellTallies goes through: those of the cell table and of the one it is replacing. */
  get cellSlots(): number {
    const size = this.slot;
    return this.pairs.length / size + (this.oldPairs === undefined ? 0 : this.oldPairs.length / size - this.oldPairsAt);
  }

  /** Copies the messages and records countRecord counted in slots `from` to `to` (of cellSlots) into `tally`. */
  cellTallies(from: number, to: number, tally: Float64Array): void {
    const slots = this.pairs.length / SLOT_COUNTED;
    if (from < slots) copyTallies(this.pairs, this.pairTallies, from, Math.min(to, slots), tally);
    if (to > slots) {
      const skipped = this.oldPairsAt - slots;
      copyTallies(this.oldPairs!, this.oldPairTallies!, Math.max(from, slots) + skipped, to + skipped, tally);
    }
  }

  private kindOf(profile: Profile, facts: RecordFacts, failureCause: RecordCause): CellKind {
    for (const kind of profile.kinds) if (kind.facts === facts && kind.failureCause === failureCause) return kind;
    const outcome = profile.outcome;
    const kind: CellKind = {
      profile,
      facts,
      failureCause,
      causeIndex:
        outcome === PASSING ? PASS_INDEX : outcome === OVERRIDDEN ? OVERRIDDEN_INDEX : CAUSE_INDEX.get(failureCause)!,
      index: this.kinds.length,
    };
    profile.kinds.push(kind);
    this.kinds.push(kind);
    return kind;
  }

  /**
   * identifyByNetwork of an address (by number): without PTR names it depends on the AS number alone, so it is made
   * once per network (thousands of addresses share one).
   */
  private networkIdentification(ip: number): SourceIdentification {
    const asn = this.asnInfos[this.ipAsns[ip]!]!;
    const rdnsNames = this.rdnsOf(ip);
    if (rdnsNames) return identifyByNetwork({ asn, rdnsNames });
    let identification = this.networkByAsn.get(asn.asn);
    if (identification === undefined) {
      identification = identifyByNetwork({ asn });
      this.networkByAsn.set(asn.asn, identification);
    }
    return identification;
  }

  /** Makes the cell of a record with this profile from an address (by number). */
  private newCell(record: AggregateRecord, profile: Profile, ip: number): void {
    const set = profile.identifiers;
    let identification = set.identification;
    if (!identification.service) {
      let byNetwork = this.ipByNetwork[ip];
      if (byNetwork === undefined) {
        byNetwork = this.networkIdentification(ip);
        this.ipByNetwork[ip] = byNetwork;
      }
      identification = byNetwork;
    }
    // Facts depend on the service only through its tenant DKIM domains: computed with the service identified by
    // domains, or by network when that one has tenant domains.
    let facts: RecordFacts;
    const network = identification.service;
    if (!set.identification.service && network?.tenantDkimDomains) {
      const byService = (set.factsByNetwork ??= new Map<SendingService, RecordFacts>());
      facts = byService.get(network) ?? recordFacts(set.exemplar, identification);
      byService.set(network, facts);
    } else facts = set.facts ??= recordFacts(set.exemplar, set.identification);
    // Mail that passed aligned with the domain is the domain's own, whatever else its identifiers say (a header From
    // a reporter wrote as two domains leaves no organisation to compare with: trusteddomainproject good.com report).
    const ownAccount =
      identification.service?.type !== 'mailbox' || fromOwnAccount(facts) || passesByVerdictOrAlignment(set.exemplar);
    let context: number;
    if (!set.identification.service) {
      const networks = ownAccount ? this.ipNetworks : this.ipOthers;
      context = networks[ip]! - 1;
      if (context < 0) {
        context = this.newContext(record, identification, ip, ownAccount);
        networks[ip] = context + 1;
      }
    } else {
      const own = ownAccount ? 1 : 0;
      context = this.ipIdentified[ip]! - 1;
      while (
        context >= 0 &&
        (this.contextIdentifications[context] !== identification || this.contextOwn[context] !== own)
      ) {
        context = this.contextNext[context]! - 1;
      }
      if (context < 0) {
        context = this.newContext(record, identification, ip, ownAccount);
        this.contextNext[context] = this.ipIdentified[ip]!;
        this.ipIdentified[ip] = context + 1;
      }
    }
    const failureCause = causeOfFailure(this.contextIdentifications[context]!, facts);
    const index = this.cells++;
    if (index === this.cellKinds.length) {
      this.cellContexts = grown(this.cellContexts);
      this.cellKinds = grown(this.cellKinds);
    }
    this.cellContexts[index] = context;
    this.cellKinds[index] = this.kindOf(profile, facts, failureCause).index;
  }
}

/** Per cell in slots `from` to `to` of a cell table, its messages and records into `tally` (TALLY per cell). */
function copyTallies(pairs: Int32Array, tallies: Float64Array, from: number, to: number, tally: Float64Array): void {
  for (let slot = from; slot < to; slot++) {
    const cell = pairs[slot * SLOT_COUNTED + SLOT_CELL]! - 1;
    if (cell < 0) continue;
    tally[cell * TALLY + RECORDS] = tallies[slot * (SLOT_COUNTED / 2) + SLOT_RECORDS]!;
    tally[cell * TALLY + MESSAGES] = tallies[slot * (SLOT_COUNTED / 2) + SLOT_MESSAGES]!;
  }
}

/** The group a record belongs to: its service, else its PTR organisation, else its network, else its address. */
export function sourceGroupKey(
  record: AggregateRecord,
  context: {
    identification: SourceIdentification;
    asn: AsnInfo;
    rdnsNames?: readonly string[] | undefined;
    ownAccount?: boolean;
  },
): { key: string; label: string } {
  const service = context.identification.service;
  if (service && context.ownAccount === false) {
    const key = `${OTHERS_PREFIX}${service.id}`;
    return { key, label: formatExplanation(labelExplanation(key, service.name)) };
  }
  if (service) return { key: service.id, label: service.name };
  const ptr = context.rdnsNames?.[0];
  if (ptr) {
    const org = organizationalDomain(ptr);
    return { key: `rdns:${org}`, label: formatExplanation(explain('label.rdns', { org })) };
  }
  if (context.asn.asn !== undefined) {
    const name = context.asn.asnName ? ` ${context.asn.asnName}` : '';
    return { key: `asn:${context.asn.asn}`, label: `AS${context.asn.asn}${name}` };
  }
  return { key: `ip:${record.sourceIp}`, label: record.sourceIp || formatExplanation(explain('label.unknownAddress')) };
}

function newAccumulator(context: SourceContext, first: number, last: number): Accumulator {
  const acc: Accumulator = {
    key: context.groupKey,
    label: context.groupLabel,
    messages: 0,
    records: 0,
    passing: 0,
    dkimAligned: 0,
    spfAligned: 0,
    dispositions: { none: 0, quarantine: 0, reject: 0, pass: 0 },
    causes: {},
    headerFromDomains: new Map(),
    foreignDkimDomains: undefined,
    envelopeDomains: undefined,
    ownEnvelopeSpfFailing: 0,
    ownSignatureFailingSelectors: undefined,
    unsigned: 0,
    spoofedBlocked: 0,
    firstSeen: first,
    lastSeen: last,
  };
  if (context.identification.service) acc.service = context.identification.service;
  if (context.identification.evidence) acc.evidence = context.identification.evidence;
  return acc;
}

/**
 * What a group's addresses, ASes and countries are made from (SourceResolver.networkTable): the resolver's arrays as
 * they were when the group was made (later records only append to them) and each context's messages.
 */
interface NetworkTable {
  contextMessages: Float64Array;
  contextIps: Int32Array;
  contextAsns: Int32Array;
  asnInfos: readonly AsnInfo[];
  infoAsnSlots: readonly number[];
  infoCountrySlots: readonly number[];
  ipTexts: readonly string[];
  countryTexts: readonly string[];
  /** How many addresses, AS numbers and countries the resolver had numbered. */
  ipCount: number;
  asnCount: number;
  countryCount: number;
  /** The addresses in text order (made on first call). */
  ranks: () => IpRanks;
}

/** What a grouper hands the functions that build its groups from cells. */
interface CellTable {
  /** Per cell (by index), TALLY numbers: records and messages (first and last seen are kept per group). */
  tally: Float64Array;
  /** What the groups' networks are made from, with the messages of each context. */
  networks: NetworkTable;
  /** The resolver's kinds, each cell's kind (by index). */
  kinds: readonly CellKind[];
  kindOf: (cell: number) => CellKind;
  resolver: SourceResolver;
}

/**
 * A group's cells added up per kind, kinds in the order of their first cell: everything a group counts besides its
 * networks follows from its kinds and these totals. One entry per cell instead, in the cells' order, when a cell's
 * messages are not whole numbers (a share of a multi-day report): floating-point sums are independent of their order
 * only on whole numbers, and the group's sums must be the ones adding cell by cell gives.
 */
interface KindTotals {
  kinds: CellKind[];
  messages: number[];
  records: number[];
  /** The index of the first cell of each entry. */
  firstCell: number[];
}

/** Per kind (by index): 1 + its entry in the KindTotals being made, 0 when none. Scratch space of totalsOf. */
let entryOfKind = new Int32Array(0);

function totalsOf(cells: Int32Array, table: CellTable): KindTotals {
  const tally = table.tally;
  if (entryOfKind.length < table.kinds.length) entryOfKind = new Int32Array(table.kinds.length * 2);
  const totals: KindTotals = {
    kinds: [],
    messages: [],
    records: [],
    firstCell: [],
  };
  let sum = 0;
  let whole = true;
  for (const cell of cells) {
    const at = cell * TALLY;
    const messages = tally[at + MESSAGES]!;
    sum += messages;
    if (!Number.isInteger(messages)) whole = false;
    const kind = table.kindOf(cell);
    const entry = entryOfKind[kind.index]! - 1;
    if (entry < 0) {
      totals.kinds.push(kind);
      totals.messages.push(messages);
      totals.records.push(tally[at + RECORDS]!);
      totals.firstCell.push(cell);
      entryOfKind[kind.index] = totals.kinds.length;
    } else {
      totals.messages[entry]! += messages;
      totals.records[entry]! += tally[at + RECORDS]!;
    }
  }
  for (const kind of totals.kinds) entryOfKind[kind.index] = 0;
  // Whole numbers whose total is exact: every partial sum is exact too, in any order.
  if (whole && sum <= Number.MAX_SAFE_INTEGER) return totals;
  return {
    kinds: Array.from(cells, table.kindOf),
    messages: Array.from(cells, (cell) => tally[cell * TALLY + MESSAGES]!),
    records: Array.from(cells, (cell) => tally[cell * TALLY + RECORDS]!),
    firstCell: Array.from(cells),
  };
}

/**
 * Messages per cause of a group, causes in the order of their first record (cells are numbered in that order), added
 * per kind (causesOf) or cell by cell in the cells' order, a slice of cells at a time (add): the same sums, as
 * totalsOf adds per kind first only when that sum is exact, so in any order the same. `messages` is their total.
 */
class CauseTotaler {
  messages = 0;
  private readonly sums = new Array<number>(CAUSES.length).fill(0);
  /** Per cause, its first cell (Infinity: none). */
  private readonly first = new Array<number>(CAUSES.length).fill(Infinity);

  /** Adds `messages` of the cause at `cause` in CAUSES, from cells the first of which is `cell`. */
  addCause(cause: number, messages: number, cell: number): void {
    this.messages += messages;
    this.sums[cause] = this.sums[cause]! + messages;
    if (cell < this.first[cause]!) this.first[cause] = cell;
  }

  add(cells: Int32Array, from: number, to: number, table: CellTable): void {
    const tally = table.tally;
    for (let i = from; i < to; i++) {
      const cell = cells[i]!;
      this.addCause(table.kindOf(cell).causeIndex, tally[cell * TALLY + MESSAGES]!, cell);
    }
  }

  causes(): Partial<Record<RecordCause, number>> {
    const order: number[] = [];
    for (let index = 0; index < CAUSES.length; index++) if (this.first[index]! < Infinity) order.push(index);
    if (order.length > 1) order.sort((x, y) => this.first[x]! - this.first[y]!);
    const causes: Partial<Record<RecordCause, number>> = {};
    for (const index of order) causes[CAUSES[index]!] = this.sums[index]!;
    return causes;
  }
}

function causesOf(totals: KindTotals): Partial<Record<RecordCause, number>> {
  const totaler = new CauseTotaler();
  for (let i = 0; i < totals.kinds.length; i++) {
    totaler.addCause(totals.kinds[i]!.causeIndex, totals.messages[i]!, totals.firstCell[i]!);
  }
  return totaler.causes();
}

/** Adds the messages (`count`) and records of one kind to its group. */
function accumulateKind(acc: Accumulator, kind: CellKind, count: number, records: number): void {
  acc.messages += count;
  acc.records += records;
  const profile = kind.profile;
  const record = profile.exemplar;
  const disposition = record.disposition;
  const d = acc.dispositions;
  if (disposition === 'none') d.none += count;
  else if (disposition === 'reject') d.reject += count;
  else if (disposition === 'quarantine') d.quarantine += count;
  else if (disposition === 'pass') d.pass += count;
  else {
    // Dispositions outside the four known words (only from hand-built records).
    const loose = d as Record<string, number>;
    loose[disposition] = (loose[disposition] ?? 0) + count;
  }
  if (record.dkimAligned) acc.dkimAligned += count;
  if (record.spfAligned) acc.spfAligned += count;
  const set = profile.identifiers;
  add(acc.headerFromDomains, set.headerFrom, count);
  if (set.exemplar.dkimResults.length === 0) acc.unsigned += count;
  if (profile.outcome === PASSING) {
    acc.passing += count;
    return;
  }
  if (
    profile.outcome === FAILING &&
    (disposition === 'reject' || disposition === 'quarantine') &&
    CLASS_OF_CAUSE[kind.failureCause] !== 'forwarded'
  ) {
    acc.spoofedBlocked += count;
  }
  const facts = kind.facts;
  for (const domain of facts.foreignPassingDkim)
    add((acc.foreignDkimDomains ??= new Map<string, number>()), domain, count);
  for (const signature of facts.ownFailingSignatures)
    add((acc.ownSignatureFailingSelectors ??= new Map<string, number>()), signature, count);
  if (facts.envelope) add((acc.envelopeDomains ??= new Map<string, number>()), facts.envelope, count);
  if (facts.ownEnvelope && !facts.spfPassed) acc.ownEnvelopeSpfFailing += count;
}

/** Buckets of one byte, for radixOrder. */
const byteCounts = new Int32Array(256);

/**
 * The positions 0 to count - 1 ordered by their keys as unsigned 32-bit numbers, `keys[0]` deciding last (its ties
 * broken by `keys[1]`, …): a stable sort one byte at a time, least significant first, over the bytes any key uses.
 * Linear in count, where a comparison sort of as many numbers costs Chromium tens of ms per 100,000.
 */
export function radixOrder(count: number, ...keys: ReadonlyArray<Uint32Array | Int32Array>): Int32Array {
  let order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let spare = new Int32Array(count);
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!;
    let used = 0;
    for (let i = 0; i < count; i++) used |= key[i]!;
    for (let shift = 0; shift < 32 && used >>> shift !== 0; shift += 8) {
      byteCounts.fill(0);
      for (let i = 0; i < count; i++) byteCounts[(key[order[i]!]! >>> shift) & 255]!++;
      let sum = 0;
      for (let b = 0; b < 256; b++) {
        const n = byteCounts[b]!;
        byteCounts[b] = sum;
        sum += n;
      }
      for (let i = 0; i < count; i++) {
        const at = order[i]!;
        spare[byteCounts[(key[at]! >>> shift) & 255]!++] = at;
      }
      const swap = order;
      order = spare;
      spare = swap;
    }
  }
  return order;
}

/** Below this many numbers, the engine's own sort is as fast as radixOrder. */
const RADIX_FROM = 64;

/** The number of `value` in `slots`, numbering it on first sight. */
function slotOf<T>(slots: Map<T, number>, value: T): number {
  let slot = slots.get(value);
  if (slot === undefined) {
    slot = slots.size;
    slots.set(value, slot);
  }
  return slot;
}

/**
 * What networksOf gathers of one group at a time, reused (grown as needed): per address, AS and country (by their
 * numbers in the resolver), 1 + its place in the group's lists; per place, the address, AS or country, and its
 * messages, in the order of the group's first context of each.
 */
let placeOfIp = new Int32Array(0);
let placeOfAsn = new Int32Array(0);
let placeOfCountry = new Int32Array(0);
let groupIps = new Int32Array(0);
let groupIpMessages = new Float64Array(0);
let groupAsns = new Int32Array(0);
let groupAsnMessages = new Float64Array(0);
let groupCountries = new Int32Array(0);
let groupCountryMessages = new Float64Array(0);

/**
 * The places 0 to count - 1 of a group's addresses, ordered by most messages, then by address text (its rank in
 * `ranks`): the order of `byMessages`. Whole counts are ordered without comparing pairs: a large group's addresses
 * are taken in text order from the ranks and then counted into buckets by messages; others sorted by one number per
 * address.
 */
function orderedAddresses(count: number, ranks: IpRanks): Int32Array {
  const n = ranks.rankOf.length;
  const most = mostMessages(count);
  if (most < 0 || most * n + n > Number.MAX_SAFE_INTEGER) return orderedByComparing(count, ranks);
  if (count >= RADIX_FROM && count * 4 >= n && most <= 4 * count) return orderedByBuckets(count, most, ranks);
  if (count >= RADIX_FROM && most <= 0xffffffff) return orderedByRadix(count, most, ranks);
  return orderedByKeys(count, ranks);
}

/** The most messages of the group's first `count` addresses, or -1 unless every count is a whole number ≥ 0. */
function mostMessages(count: number): number {
  const messages = groupIpMessages;
  let most = 0;
  for (let i = 0; i < count; i++) {
    const m = messages[i]!;
    if (!Number.isInteger(m) || m < 0) return -1;
    if (m > most) most = m;
  }
  return most;
}

/*
 * orderedAddresses' ways, each a function of its own: the engine optimizes a loop with what it has seen of the code
 * around it, and a way not yet taken there would throw the optimized loop away on every call that takes it.
 */

function orderedByComparing(count: number, ranks: IpRanks): Int32Array {
  const ips = groupIps;
  const messages = groupIpMessages;
  const rankOf = ranks.rankOf;
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => messages[b]! - messages[a]! || rankOf[ips[a]!]! - rankOf[ips[b]!]!);
  return Int32Array.from(order);
}

/**
 * Text order: every rank, keeping the group's addresses; then buckets from most messages down, each in the order it
 * was filled (a stable counting sort).
 */
function orderedByBuckets(count: number, most: number, ranks: IpRanks): Int32Array {
  const messages = groupIpMessages;
  const n = ranks.rankOf.length;
  const ipAt = ranks.ipAt;
  const byText = new Int32Array(count);
  let k = 0;
  for (let rank = 0; rank < n; rank++) {
    const place = placeOfIp[ipAt[rank]!]!;
    if (place !== 0) byText[k++] = place - 1;
  }
  const starts = new Int32Array(most + 2);
  for (let i = 0; i < count; i++) starts[most - messages[i]! + 1]!++;
  for (let b = 1; b <= most + 1; b++) starts[b]! += starts[b - 1]!;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const place = byText[i]!;
    order[starts[most - messages[place]!]!++] = place;
  }
  return order;
}

/** Fewest messages missing below the most, then rank: sorted by radixOrder. */
function orderedByRadix(count: number, most: number, ranks: IpRanks): Int32Array {
  const ips = groupIps;
  const messages = groupIpMessages;
  const fewer = new Uint32Array(count);
  const rank = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    fewer[i] = most - messages[i]!;
    rank[i] = ranks.rankOf[ips[i]!]!;
  }
  return radixOrder(count, fewer, rank);
}

/** Messages, then the rank reversed, as one number: sorted ascending and read backwards. */
function orderedByKeys(count: number, ranks: IpRanks): Int32Array {
  const ips = groupIps;
  const messages = groupIpMessages;
  const n = ranks.rankOf.length;
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) keys[i] = messages[i]! * n + (n - 1 - ranks.rankOf[ips[i]!]!);
  keys.sort();
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const key = keys[count - 1 - i]!;
    order[i] = placeOfIp[ranks.ipAt[n - 1 - (key % n)]!]! - 1;
  }
  return order;
}

/**
 * The places 0 to count - 1 with the most messages, at most `limit`, most first; as many by `tie` (a total order on
 * places): what sorting them all by (messages, tie) and keeping the first `limit` gives.
 */
function largestPlaces(
  messages: Float64Array,
  count: number,
  limit: number,
  tie: (a: number, b: number) => number,
): number[] {
  const order = (a: number, b: number) => messages[b]! - messages[a]! || tie(a, b);
  let exact = true;
  for (let i = 0; i < count && exact; i++) exact = !Number.isNaN(messages[i]!);
  if (count <= limit * 4 || !exact) {
    return Array.from({ length: count }, (_, i) => i)
      .sort(order)
      .slice(0, limit);
  }
  const best: number[] = [];
  for (let place = 0; place < count; place++) {
    if (best.length === limit && order(place, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && order(place, best[at - 1]!) < 0) at--;
    best.splice(at, 0, place);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** IPs, ASNs and countries of a group, from the messages counted per context. */
function networksOf(contexts: Int32Array, table: NetworkTable): Networks {
  const contextMessages = table.contextMessages;
  if (contexts.length === 1) {
    // One IP (a source the ASN table does not place is grouped by its address): its counts are the group's.
    const context = contexts[0]!;
    const asn = table.asnInfos[table.contextAsns[context]!]!;
    const messages = contextMessages[context]!;
    return {
      ips: [{ value: table.ipTexts[table.contextIps[context]!]!, messages }],
      asns: asn.asn === undefined ? [] : [{ asn: asn.asn, ...(asn.asnName ? { name: asn.asnName } : {}), messages }],
      countries: asn.country ? [{ value: asn.country, messages }] : [],
    };
  }
  growGroupScratch(contexts.length, table);
  const asnInfoOf: number[] = [];
  const ips = gatherNetworks(contexts, table, asnInfoOf);
  const asns = gatheredAsns;
  const countries = gatheredCountries;
  clearPlaces(placeOfAsn, groupAsns, asns);
  clearPlaces(placeOfCountry, groupCountries, countries);
  const order = ips === 1 ? Int32Array.of(0) : orderedAddresses(ips, table.ranks());
  clearPlaces(placeOfIp, groupIps, ips);
  return {
    ips: listedAddresses(order, ips, table.ipTexts),
    asns: largestAsns(asns, asnInfoOf, table.asnInfos),
    countries: largestCountries(countries, table.countryTexts),
  };
}

/** What gatherNetworks found besides the addresses: how many ASes and countries. */
let gatheredAsns = 0;
let gatheredCountries = 0;

/** Grows the scratch space of networksOf for a group of `count` contexts. */
function growGroupScratch(count: number, table: NetworkTable): void {
  if (placeOfIp.length < table.ipCount) placeOfIp = new Int32Array(table.ipCount * 2);
  if (placeOfAsn.length < table.asnCount) placeOfAsn = new Int32Array(table.asnCount * 2);
  if (placeOfCountry.length < table.countryCount) placeOfCountry = new Int32Array(table.countryCount * 2);
  if (groupIps.length < count) {
    groupIps = new Int32Array(count * 2);
    groupIpMessages = new Float64Array(count * 2);
    groupAsns = new Int32Array(count * 2);
    groupAsnMessages = new Float64Array(count * 2);
    groupCountries = new Int32Array(count * 2);
    groupCountryMessages = new Float64Array(count * 2);
  }
}

/** Sets back to 0 the places of the first `count` of `listed` in `places`. */
function clearPlaces(places: Int32Array, listed: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) places[listed[i]!] = 0;
}

/**
 * Per address, AS and country of a group's contexts (one address may feed two contexts), its messages added in the
 * order of the contexts, into groupIps and the rest (the sums adding context by context gives); an AS is named by
 * its first context (in `asnInfoOf`). Returns how many addresses; gatheredAsns and gatheredCountries say how many
 * ASes and countries. The places stay in placeOf… for the caller. Nothing follows the loop but its results: V8
 * compiles a long-running loop on the spot, and code after it that had not run yet would throw that compiled loop
 * away, again on every later group (the first group, the largest, runs the loop before anything else has).
 */
function gatherNetworks(contexts: Int32Array, table: NetworkTable, asnInfoOf: number[]): number {
  const count = contexts.length;
  const contextMessages = table.contextMessages;
  const contextIps = table.contextIps;
  const contextAsns = table.contextAsns;
  const asnSlots = table.infoAsnSlots;
  const countrySlots = table.infoCountrySlots;
  let ips = 0;
  let asns = 0;
  let countries = 0;
  for (let i = 0; i < count; i++) {
    const context = contexts[i]!;
    const messages = contextMessages[context]!;
    const ip = contextIps[context]!;
    const place = placeOfIp[ip]!;
    if (place === 0) {
      groupIps[ips] = ip;
      groupIpMessages[ips] = messages;
      placeOfIp[ip] = ++ips;
    } else groupIpMessages[place - 1]! += messages;
    const info = contextAsns[context]!;
    const asn = asnSlots[info]!;
    if (asn >= 0) {
      const at = placeOfAsn[asn]!;
      if (at === 0) {
        groupAsns[asns] = asn;
        groupAsnMessages[asns] = messages;
        asnInfoOf.push(info);
        placeOfAsn[asn] = ++asns;
      } else groupAsnMessages[at - 1]! += messages;
    }
    const country = countrySlots[info]!;
    if (country >= 0) {
      const at = placeOfCountry[country]!;
      if (at === 0) {
        groupCountries[countries] = country;
        groupCountryMessages[countries] = messages;
        placeOfCountry[country] = ++countries;
      } else groupCountryMessages[at - 1]! += messages;
    }
  }
  gatheredAsns = asns;
  gatheredCountries = countries;
  return ips;
}

/** Every address of a group in `order` (places in groupIps), with its messages: the page counts them all. */
function listedAddresses(order: Int32Array, count: number, ipTexts: readonly string[]): Counted[] {
  const listed = new Array<Counted>(count);
  for (let i = 0; i < count; i++) {
    const place = order[i]!;
    listed[i] = { value: ipTexts[groupIps[place]!]!, messages: groupIpMessages[place]! };
  }
  return listed;
}

/** A group's 20 largest ASes (gatherNetworks' `asns` of them), ties in the order of their first context. */
function largestAsns(count: number, asnInfoOf: readonly number[], infos: readonly AsnInfo[]): SourceGroup['asns'] {
  return largestPlaces(groupAsnMessages, count, 20, (a, b) => a - b).map((place) => {
    const info = infos[asnInfoOf[place]!]!;
    const messages = groupAsnMessages[place]!;
    return info.asnName ? { asn: info.asn!, name: info.asnName, messages } : { asn: info.asn!, messages };
  });
}

/** A group's 50 largest countries (gatherNetworks' `countries` of them), ties by country code. */
function largestCountries(count: number, texts: readonly string[]): Counted[] {
  return largestPlaces(groupCountryMessages, count, 50, (a, b) =>
    texts[groupCountries[a]!]! < texts[groupCountries[b]!]! ? -1 : 1,
  ).map((place) => ({ value: texts[groupCountries[place]!]!, messages: groupCountryMessages[place]! }));
}

/** A group's counts from its cells (in the order they were made). */
function accumulatorOf(group: GroupCells, table: CellTable): Accumulator {
  const totals = totalsOf(group.cells, table);
  const resolver = table.resolver;
  const acc = newAccumulator(group.first, resolver.groupFirstSeen[group.group]!, resolver.groupLastSeen[group.group]!);
  for (let i = 0; i < totals.kinds.length; i++) {
    accumulateKind(acc, totals.kinds[i]!, totals.messages[i]!, totals.records[i]!);
  }
  acc.causes = causesOf(totals);
  return acc;
}

/** A group's addresses, ASes and countries. */
type Networks = Pick<SourceGroup, 'ips' | 'asns' | 'countries'>;

/**
 * Per group whose networks are made when first read (factsOf), what they are made from until then, and then what
 * they are.
 */
const lateNetworks = new WeakMap<object, { contexts?: Int32Array; table?: NetworkTable; made?: Networks }>();

function networksOfGroup(facts: object): Networks {
  const late = lateNetworks.get(facts)!;
  if (late.made === undefined) {
    late.made = networksOf(late.contexts!, late.table!);
    late.contexts = undefined;
    late.table = undefined;
  }
  return late.made;
}

/**
 * A group's `ips`, `asns` and `countries` as properties that make all three when one is first read: every address
 * of every group is a hundred thousand objects or more, for a page that shows a few groups' and a readiness check
 * that reads none. The same getters and setters on every group, so that groups share their shape.
 */
const LATE_NETWORK_PROPERTIES: PropertyDescriptorMap = Object.fromEntries(
  (['ips', 'asns', 'countries'] as const).map((name) => [
    name,
    {
      get(this: object) {
        return networksOfGroup(this)[name];
      },
      set(this: object, value: never) {
        networksOfGroup(this)[name] = value;
      },
      enumerable: true,
      configurable: true,
    },
  ]),
);

/**
 * A group's facts from its cells: everything but the classification. Its networks (ips, asns, countries) are made
 * when first read, from the contexts' numbers and the table's snapshot: the same lists, in the same place among the
 * group's fields.
 */
function factsOf(group: GroupCells, table: CellTable): Omit<SourceGroup, 'classification'> {
  const acc = accumulatorOf(group, table);
  const facts = {
    key: acc.key,
    label: acc.label,
    messages: acc.messages,
    records: acc.records,
    passing: acc.passing,
    dkimAligned: acc.dkimAligned,
    spfAligned: acc.spfAligned,
    dispositions: acc.dispositions,
    causes: acc.causes,
    headerFromDomains: sorted(acc.headerFromDomains),
  } as Omit<SourceGroup, 'classification'>;
  lateNetworks.set(facts, { contexts: group.contexts, table: table.networks });
  Object.defineProperties(facts, LATE_NETWORK_PROPERTIES);
  facts.foreignDkimDomains = acc.foreignDkimDomains ? sorted(acc.foreignDkimDomains) : [];
  facts.envelopeDomains = acc.envelopeDomains ? sorted(acc.envelopeDomains) : [];
  facts.ownEnvelopeSpfFailing = acc.ownEnvelopeSpfFailing;
  facts.ownSignatureFailingSelectors = acc.ownSignatureFailingSelectors ? sorted(acc.ownSignatureFailingSelectors) : [];
  facts.unsigned = acc.unsigned;
  facts.spoofedBlocked = acc.spoofedBlocked;
  facts.firstSeen = acc.firstSeen;
  facts.lastSeen = acc.lastSeen;
  if (acc.service) facts.service = acc.service;
  if (acc.evidence) facts.evidence = acc.evidence;
  return facts;
}

function finish(group: GroupCells, table: CellTable): SourceGroup {
  const facts = factsOf(group, table);
  // The facts become the group (no copy): classifySource keeps them to explain the class when asked.
  return Object.assign(facts, { classification: classifySource(facts) });
}

/** Most messages first, then by key. */
export const largestFirst = (a: { messages: number; key: string }, b: { messages: number; key: string }) =>
  b.messages - a.messages || (a.key < b.key ? -1 : 1);

/** Whether a report passes the domain and period filters of the options. */
function reportSelected(report: AggregateReport, options: GroupSourcesOptions): boolean {
  if (report.kind !== 'aggregate') return false;
  if (options.domain && !reportCoversDomain(report, options.domain)) return false;
  if (options.since !== undefined && report.metadata.end < options.since) return false;
  if (options.until !== undefined && report.metadata.begin >= options.until) return false;
  return true;
}

/**
 * A grouper's cells and contexts sorted into their groups (a counting sort, which keeps each group's cells and
 * contexts in their order: that of their first record), in phases that can be run a slice at a time: the cells'
 * tallies taken from the resolver's table, counting each group's cells and contexts, then where each group starts,
 * then placing the cells, the contexts, and making each group's GroupCells.
 */
class Grouping {
  private readonly slotCount: number;
  private readonly cellCount: number;
  private readonly contextCount: number;
  private readonly groupCount: number;
  /** Per cell (by index), TALLY numbers: records and messages. */
  private readonly tally: Float64Array;
  /** Per context, the messages of its cells, added in the cells' order. */
  private readonly contextMessages: Float64Array;
  private readonly cellStarts: Int32Array;
  private readonly contextStarts: Int32Array;
  private readonly cells: Int32Array;
  private readonly contexts: Int32Array;
  /** Per group, where its next cell or context goes. */
  private readonly next: Int32Array;
  private readonly groups: GroupCells[];
  private phase = 0;
  private at = 0;

  constructor(private readonly resolver: SourceResolver) {
    this.slotCount = resolver.cellSlots;
    this.cellCount = resolver.cellCount;
    this.tally = new Float64Array(this.cellCount * TALLY);
    this.contextCount = resolver.contextCount;
    this.groupCount = resolver.groupCount;
    this.contextMessages = new Float64Array(this.contextCount);
    this.cellStarts = new Int32Array(this.groupCount + 1);
    this.contextStarts = new Int32Array(this.groupCount + 1);
    this.cells = new Int32Array(this.cellCount);
    this.contexts = new Int32Array(this.contextCount);
    this.next = new Int32Array(this.groupCount);
    this.groups = new Array<GroupCells>(this.groupCount);
  }

  get done(): boolean {
    return this.phase === 7;
  }

  /** Goes through up to `limit` table slots, cells, contexts or groups; returns how many. */
  step(limit: number): number {
    let done = 0;
    while (done < limit && this.phase < 7) {
      const phase = this.phase;
      const size =
        phase === 0
          ? this.slotCount
          : phase === 1 || phase === 4
            ? this.cellCount
            : phase === 2 || phase === 5
              ? this.contextCount
              : this.groupCount;
      const from = this.at;
      const to = Math.min(size, from + (limit - done));
      if (phase === 0) this.resolver.cellTallies(from, to, this.tally);
      else if (phase === 1) this.countCells(from, to);
      else if (phase === 2) this.countContexts(from, to);
      else if (phase === 3) this.addUpStarts(from, to);
      else if (phase === 4) this.placeCells(from, to);
      else if (phase === 5) this.placeContexts(from, to);
      else this.makeGroups(from, to);
      done += to - from;
      this.at = to;
      if (to === size) {
        this.phase++;
        this.at = 0;
        if (this.phase === 4) this.next.set(this.cellStarts.subarray(0, this.groupCount));
        else if (this.phase === 5) this.next.set(this.contextStarts.subarray(0, this.groupCount));
      }
    }
    return done;
  }

  private countCells(from: number, to: number): void {
    const cellContexts = this.resolver.cellContexts;
    const contextGroups = this.resolver.contextGroups;
    const tally = this.tally;
    // Every cell the grouper makes is counted (countRecord), so every context and group has records.
    for (let cell = from; cell < to; cell++) {
      const context = cellContexts[cell]!;
      this.contextMessages[context]! += tally[cell * TALLY + MESSAGES]!;
      this.cellStarts[contextGroups[context]! + 1]!++;
    }
  }

  private countContexts(from: number, to: number): void {
    const contextGroups = this.resolver.contextGroups;
    for (let context = from; context < to; context++) this.contextStarts[contextGroups[context]! + 1]!++;
  }

  private addUpStarts(from: number, to: number): void {
    for (let group = from; group < to; group++) {
      this.cellStarts[group + 1]! += this.cellStarts[group]!;
      this.contextStarts[group + 1]! += this.contextStarts[group]!;
    }
  }

  private placeCells(from: number, to: number): void {
    const cellContexts = this.resolver.cellContexts;
    const contextGroups = this.resolver.contextGroups;
    for (let cell = from; cell < to; cell++) this.cells[this.next[contextGroups[cellContexts[cell]!]!]!++] = cell;
  }

  private placeContexts(from: number, to: number): void {
    const contextGroups = this.resolver.contextGroups;
    for (let context = from; context < to; context++) this.contexts[this.next[contextGroups[context]!]!++] = context;
  }

  private makeGroups(from: number, to: number): void {
    for (let group = from; group < to; group++) {
      const own = this.contexts.subarray(this.contextStarts[group], this.contextStarts[group + 1]);
      this.groups[group] = {
        group,
        first: this.resolver.contextOf(own[0]!),
        cells: this.cells.subarray(this.cellStarts[group], this.cellStarts[group + 1]),
        contexts: own,
      };
    }
  }

  /** The groups and what building them reads, once done. */
  result(): { table: CellTable; groups: GroupCells[] } {
    const resolver = this.resolver;
    const table: CellTable = {
      tally: this.tally,
      networks: resolver.networkTable(this.contextMessages),
      kinds: resolver.kinds,
      kindOf: (cell) => resolver.kindAt(cell),
      resolver,
    };
    return { table, groups: this.groups };
  }
}

/**
 * groupSources, incrementally: add reports (or chunks of them) as they arrive, read the groups at any time. Adding
 * costs a few lookups and additions per record; reading the groups costs time per distinct (IP, identifiers) pair,
 * not per record.
 */
export class SourceGrouper {
  private readonly resolver: SourceResolver;

  constructor(private readonly options: GroupSourcesOptions = {}) {
    this.resolver = new SourceResolver(options, true);
  }

  /** Adds a report's records when it passes the options' filters (domain, since, until); says whether it did. */
  addReport(report: AggregateReport): boolean {
    if (!reportSelected(report, this.options)) return false;
    this.addRecords(report.records, report.metadata.begin);
    return true;
  }

  /**
   * Adds records of one report (no filtering), dated `time` (the report's begin, Unix seconds). A report may be
   * added in several chunks.
   */
  addRecords(records: readonly AggregateRecord[], time: number): void {
    this.resolver.countRecords(records, time);
  }

  /**
   * Adds one record (no filtering) dated `time`, counted as `count` messages — its own count, or the share of a
   * multi-day report inside a period. Returns the record's cell: its context (`groupKey`, `groupLabel`) and
   * identifier set.
   */
  addRecord(record: AggregateRecord, time: number, count: number = record.count): SourceCell {
    return this.resolver.cellAt(this.resolver.countRecord(record, time, count));
  }

  /** The cells of each group and what grouping reads of them. */
  private grouped(): { table: CellTable; groups: GroupCells[] } {
    const grouping = new Grouping(this.resolver);
    grouping.step(Infinity);
    return grouping.result();
  }

  /** The groups of everything added so far, classified, largest first. */
  groups(): SourceGroup[] {
    const { table, groups } = this.grouped();
    return groups.map((group) => finish(group, table)).sort(largestFirst);
  }

  /**
   * The key, label, messages and classification of every group, largest first, without the rest of each group: its
   * facts are gathered when the classification's reason or fix is first read. For a page that shows a few of
   * thousands of groups (the dashboard's sources table).
   */
  classes(): GroupClass[] {
    return [...this.eachClass()].sort(largestFirst);
  }

  /** The groups of classes(), one at a time and unsorted: for a page that spreads the work over several tasks. */
  *eachClass(): Generator<GroupClass> {
    for (const { contextIndexes, ...group } of this.eachClassOfContexts()) {
      yield { ...group, contexts: Array.from(contextIndexes, (index) => this.resolver.contextOf(index)) };
    }
  }

  /**
   * eachClass with each group's contexts as their numbers (SourceContext.index), made into no objects: a group of a
   * network can have a hundred thousand.
   */
  *eachClassOfContexts(): Generator<GroupClassOfContexts> {
    for (const each of this.eachClassOfContextsInSteps(Infinity)) if (typeof each !== 'number') yield each;
  }

  /**
   * eachClassOfContexts for a page that works in short tasks: before the first group, the grouping of every cell and
   * context is done `step` of them at a time, each slice yielded as the number of cells, contexts or groups it
   * went through. Nothing may be added to the grouper until the last group is yielded.
   */
  *eachClassOfContextsInSteps(step: number): Generator<GroupClassOfContexts | number> {
    const grouping = new Grouping(this.resolver);
    while (!grouping.done) yield grouping.step(step);
    const { table, groups } = grouping.result();
    for (const group of groups) {
      const context = group.first;
      const cells = group.cells;
      // A group larger than a step is added up a slice at a time.
      const totaler = new CauseTotaler();
      for (let from = 0; from < cells.length; from += step) {
        const to = Math.min(cells.length, from + step);
        totaler.add(cells, from, to, table);
        if (cells.length > step) yield to - from;
      }
      const classification = classifyCauses(totaler.causes(), () => factsOf(group, table));
      yield {
        key: context.groupKey,
        label: context.groupLabel,
        messages: totaler.messages,
        classification,
        contextIndexes: group.contexts,
      };
    }
  }

  /** Entries its hash tables have moved into larger ones so far (SourceResolver.moved). */
  get moved(): number {
    return this.resolver.moved;
  }
}

/**
 * Groups every record of the (aggregate) reports by source and classifies each group. Largest groups first.
 * Non-aggregate reports in the input are ignored.
 */
export function groupSources(reports: Iterable<AggregateReport>, options: GroupSourcesOptions = {}): SourceGroup[] {
  const grouper = new SourceGrouper(options);
  for (const report of reports) grouper.addReport(report);
  return grouper.groups();
}
