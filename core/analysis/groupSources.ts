// Gathers the records of aggregate reports into source groups — one per sending service, or per network when the
// service is unknown — with the counts the classification, readiness and the UI need. One pass; a record costs a
// lookup of its cell (source IP × identifier set) and a few additions to the cell's counters; identification, facts,
// cause and group are computed once per cell, and groups are built from the cells (test/bench/intel.bench.ts).
import {
  type AggregateRecord,
  type AggregateReport,
  type Disposition,
  normalizeDomain,
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
import { lookupAsn, type AsnInfo } from './lookupAsn';
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
  /** The contexts (IP + identification) that fed this group, with their messages: IPs, ASNs and countries. */
  contexts: SourceContext[];
  contextMessages: number[];
  /** Position of a context in `contexts`, once the group has several (a service seen from many IPs). */
  contextAt: Map<SourceContext, number> | undefined;
};

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
  /** Position in the resolver's table (a small integer). */
  index: number;
  /** identifierHash of the exemplar. */
  hash: number;
  /** The next set with the same hash slot. */
  next: IdentifierSet | undefined;
}

/**
 * What every record from one IP with one identifier set shares: its context (group), the facts of its identifiers
 * and the cause it has when it fails DMARC without a forwarding override. Records add their counts here; groups are
 * built from cells, so a million records cost a few lookups and additions each.
 */
export interface SourceCell {
  context: SourceContext;
  identifiers: IdentifierSet;
  facts: RecordFacts;
  /** classifyRecord's cause for a failing record of this cell without a forwarding override reason. */
  failureCause: RecordCause;
}

interface IpEntry {
  asn: AsnInfo;
  rdnsNames: readonly string[] | undefined;
  /** The service the IP's network names (identifyByNetwork), once a record needed it. */
  byNetwork: SourceIdentification | undefined;
  network: SourceContext | undefined;
  /** The network context of mail from others' accounts, when the network is a shared mailbox provider. */
  othersNetwork: SourceContext | undefined;
  /** Contexts of identifications from domains (usually one or two). */
  byIdentification: SourceContext[] | undefined;
  last: Cell | undefined;
  /** Cells of this IP: a short list, then a map by identifier-set index. */
  cells: Cell[];
  cellMap: Map<number, Cell> | undefined;
}

/** A cell with its counters (internal to the resolver's owner). */
interface Cell extends SourceCell {
  /** failureCause's index in CAUSES. */
  failureCauseIndex: number;
  /** Creation order. */
  order: number;
  records: number;
  messages: number;
  passing: number;
  dkimAligned: number;
  spfAligned: number;
  none: number;
  quarantine: number;
  reject: number;
  pass: number;
  /** Dispositions outside the four known words (only from hand-built records). */
  otherDispositions: MutableCounts | undefined;
  /** Failing records with a forwarding override reason. */
  overriddenRecords: number;
  overriddenMessages: number;
  /** Failing records without one. */
  failingRecords: number;
  failingMessages: number;
  /** Of those messages, the ones receivers quarantined or rejected. */
  failingBlocked: number;
  /** Sequence number of the first record of each kind (-1: none yet): the order causes first appeared in a group. */
  firstPass: number;
  firstOverridden: number;
  firstFailing: number;
  firstSeen: number;
  lastSeen: number;
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

/** Whether two records have the same identifiers (the fields identifierHash reads). */
export function sameIdentifiers(a: AggregateRecord, b: AggregateRecord): boolean {
  if (a.headerFrom !== b.headerFrom || a.envelopeFrom !== b.envelopeFrom) return false;
  if (a.dkimResults.length !== b.dkimResults.length || a.spfResults.length !== b.spfResults.length) return false;
  for (let i = 0; i < a.dkimResults.length; i++) {
    const x = a.dkimResults[i]!;
    const y = b.dkimResults[i]!;
    if (x.domain !== y.domain || x.result !== y.result || x.selector !== y.selector) return false;
  }
  for (let i = 0; i < a.spfResults.length; i++) {
    const x = a.spfResults[i]!;
    const y = b.spfResults[i]!;
    if (x.domain !== y.domain || x.result !== y.result || x.scope !== y.scope) return false;
  }
  return true;
}

/** What is known of an IP's network without the ASN table: nothing (one object for every such IP). */
const NO_ASN: AsnInfo = Object.freeze({});

/** Cells kept in one IP's list before it switches to a map. */
const CELL_LIST_LIMIT = 8;

/**
 * Per-call caches: the same IP recurs across thousands of records, and so does the same combination of DKIM
 * domains and envelope — identification of a record depends only on those. `cell(record)` returns the record's
 * cell; the caller counts on it.
 */
export class SourceResolver {
  private readonly byIp = new Map<string, IpEntry>();
  /** Open-addressing table of identifier sets: slot → 1 + index in `sets`, 0 when empty. */
  private slots = new Int32Array(1024);
  private readonly sets: IdentifierSet[] = [];
  /** Every cell, in creation order. */
  readonly cells: Cell[] = [];
  /** Every context, in creation order (the order of the first record of each). */
  readonly contexts: SourceContext[] = [];

  constructor(private readonly options: Pick<GroupSourcesOptions, 'asnTable' | 'rdns'> = {}) {}

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

  private ipEntry(ip: string): IpEntry {
    let entry = this.byIp.get(ip);
    if (entry === undefined) {
      entry = {
        asn: this.options.asnTable ? lookupAsn(this.options.asnTable, ip) : NO_ASN,
        rdnsNames: this.options.rdns?.get(ip),
        byNetwork: undefined,
        network: undefined,
        othersNetwork: undefined,
        byIdentification: undefined,
        last: undefined,
        cells: [],
        cellMap: undefined,
      };
      this.byIp.set(ip, entry);
    }
    return entry;
  }

  private context(
    record: AggregateRecord,
    identification: SourceIdentification,
    ip: IpEntry,
    ownAccount: boolean,
  ): SourceContext {
    const context: SourceContext = {
      identification,
      asn: ip.asn,
      rdnsNames: ip.rdnsNames,
      groupKey: '',
      groupLabel: '',
      ip: record.sourceIp,
      ownAccount,
      index: this.contexts.length,
    };
    const { key, label } = sourceGroupKey(record, context);
    context.groupKey = key;
    context.groupLabel = label;
    this.contexts.push(context);
    return context;
  }

  /** The cell of a record: its source IP with its identifier set. */
  cell(record: AggregateRecord): Cell {
    const ip = this.ipEntry(record.sourceIp);
    const last = ip.last;
    // An IP sends a few kinds of mail: compare with its cells (last one first) before hashing the identifiers.
    if (last !== undefined && sameIdentifiers(last.identifiers.exemplar, record)) return last;
    let cell: Cell | undefined;
    if (ip.cellMap === undefined) {
      const cells = ip.cells;
      for (let i = 0; i < cells.length; i++) {
        const candidate = cells[i]!;
        if (candidate !== last && sameIdentifiers(candidate.identifiers.exemplar, record)) {
          ip.last = candidate;
          return candidate;
        }
      }
    }
    const set = this.identifierSet(record);
    // Without a map, the scan above has shown this IP has no cell for the set yet.
    if (ip.cellMap !== undefined) cell = ip.cellMap.get(set.index);
    if (cell === undefined) cell = this.newCell(record, set, ip);
    ip.last = cell;
    return cell;
  }

  private newCell(record: AggregateRecord, set: IdentifierSet, ip: IpEntry): Cell {
    const identification = set.identification.service
      ? set.identification
      : (ip.byNetwork ??= identifyByNetwork({ asn: ip.asn, ...(ip.rdnsNames ? { rdnsNames: ip.rdnsNames } : {}) }));
    // Facts depend on the service only through its tenant DKIM domains: computed with the service identified by
    // domains, or by network when that one has tenant domains.
    const facts =
      !set.identification.service && identification.service?.tenantDkimDomains
        ? recordFacts(set.exemplar, identification)
        : (set.facts ??= recordFacts(set.exemplar, set.identification));
    // Mail that passed aligned with the domain is the domain's own, whatever else its identifiers say (a header From
    // a reporter wrote as two domains leaves no organisation to compare with: trusteddomainproject good.com report).
    const ownAccount =
      identification.service?.type !== 'mailbox' || fromOwnAccount(facts) || passesByVerdictOrAlignment(set.exemplar);
    let context: SourceContext;
    if (!set.identification.service) {
      context = ownAccount
        ? (ip.network ??= this.context(record, identification, ip, true))
        : (ip.othersNetwork ??= this.context(record, identification, ip, false));
    } else {
      const contexts = (ip.byIdentification ??= []);
      let found: SourceContext | undefined;
      for (let i = 0; i < contexts.length; i++) {
        const candidate = contexts[i]!;
        if (candidate.identification === identification && candidate.ownAccount === ownAccount) {
          found = candidate;
          break;
        }
      }
      if (!found) {
        found = this.context(record, identification, ip, ownAccount);
        contexts.push(found);
      }
      context = found;
    }
    const failureCause = causeOfFailure(context.identification, facts);
    const cell: Cell = {
      context,
      identifiers: set,
      facts,
      failureCause,
      failureCauseIndex: CAUSE_INDEX.get(failureCause)!,
      order: this.cells.length,
      records: 0,
      messages: 0,
      passing: 0,
      dkimAligned: 0,
      spfAligned: 0,
      none: 0,
      quarantine: 0,
      reject: 0,
      pass: 0,
      otherDispositions: undefined,
      overriddenRecords: 0,
      overriddenMessages: 0,
      failingRecords: 0,
      failingMessages: 0,
      failingBlocked: 0,
      firstPass: -1,
      firstOverridden: -1,
      firstFailing: -1,
      firstSeen: Infinity,
      lastSeen: -Infinity,
    };
    this.cells.push(cell);
    if (ip.cellMap !== undefined) ip.cellMap.set(set.index, cell);
    else {
      ip.cells.push(cell);
      if (ip.cells.length > CELL_LIST_LIMIT) {
        ip.cellMap = new Map(ip.cells.map((c) => [c.identifiers.index, c]));
        ip.cells = [];
      }
    }
    return cell;
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

function newAccumulator(context: SourceContext, cell: Cell): Accumulator {
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
    contexts: [],
    contextMessages: [],
    contextAt: undefined,
    foreignDkimDomains: undefined,
    envelopeDomains: undefined,
    ownEnvelopeSpfFailing: 0,
    ownSignatureFailingSelectors: undefined,
    unsigned: 0,
    spoofedBlocked: 0,
    firstSeen: cell.firstSeen,
    lastSeen: cell.lastSeen,
  };
  if (context.identification.service) acc.service = context.identification.service;
  if (context.identification.evidence) acc.evidence = context.identification.evidence;
  return acc;
}

/** Per cause (index in CAUSES): sequence number of its first record (Infinity: none) and its messages. Scratch
 *  space of causesOf, which runs to completion for one group at a time. */
const causeFirst = new Array<number>(CAUSES.length).fill(Infinity);
const causeMessages = new Array<number>(CAUSES.length).fill(0);

function seen(index: number, first: number, messages: number): void {
  if (first < 0) return;
  causeMessages[index] = causeMessages[index]! + messages;
  if (first < causeFirst[index]!) causeFirst[index] = first;
}

/** Messages per cause of a group's cells, causes in the order of their first record. */
function causesOf(cells: readonly Cell[]): Partial<Record<RecordCause, number>> {
  for (const cell of cells) {
    seen(PASS_INDEX, cell.firstPass, cell.passing);
    seen(OVERRIDDEN_INDEX, cell.firstOverridden, cell.overriddenMessages);
    seen(cell.failureCauseIndex, cell.firstFailing, cell.failingMessages);
  }
  const order: number[] = [];
  for (let index = 0; index < CAUSES.length; index++) if (causeFirst[index]! < Infinity) order.push(index);
  if (order.length > 1) order.sort((x, y) => causeFirst[x]! - causeFirst[y]!);
  const causes: Partial<Record<RecordCause, number>> = {};
  for (const index of order) causes[CAUSES[index]!] = causeMessages[index]!;
  causeFirst.fill(Infinity);
  causeMessages.fill(0);
  return causes;
}

/** Adds a cell's counts to its group. */
function accumulateCell(acc: Accumulator, cell: Cell): void {
  const count = cell.messages;
  const context = cell.context;
  const contexts = acc.contexts;
  // Cells come in the order they were made, so a context's first cell comes first: contexts keep that order.
  if (contexts[contexts.length - 1] === context) acc.contextMessages[contexts.length - 1]! += count;
  else {
    if (!acc.contextAt && contexts.length > 0) acc.contextAt = new Map(contexts.map((c, i) => [c, i]));
    const at = acc.contextAt?.get(context);
    if (at !== undefined) acc.contextMessages[at]! += count;
    else {
      acc.contextAt?.set(context, contexts.length);
      contexts.push(context);
      acc.contextMessages.push(count);
    }
  }
  acc.messages += count;
  acc.records += cell.records;
  if (cell.firstSeen < acc.firstSeen) acc.firstSeen = cell.firstSeen;
  if (cell.lastSeen > acc.lastSeen) acc.lastSeen = cell.lastSeen;
  const d = acc.dispositions;
  d.none += cell.none;
  d.quarantine += cell.quarantine;
  d.reject += cell.reject;
  d.pass += cell.pass;
  if (cell.otherDispositions) {
    const loose = d as Record<string, number>;
    for (const [key, value] of cell.otherDispositions) loose[key] = (loose[key] ?? 0) + value;
  }
  acc.dkimAligned += cell.dkimAligned;
  acc.spfAligned += cell.spfAligned;
  acc.passing += cell.passing;
  const set = cell.identifiers;
  add(acc.headerFromDomains, set.headerFrom, count);
  if (set.exemplar.dkimResults.length === 0) acc.unsigned += count;
  if (CLASS_OF_CAUSE[cell.failureCause] !== 'forwarded') acc.spoofedBlocked += cell.failingBlocked;
  if (cell.overriddenRecords + cell.failingRecords === 0) return;
  const failing = cell.overriddenMessages + cell.failingMessages;
  const facts = cell.facts;
  for (const domain of facts.foreignPassingDkim)
    add((acc.foreignDkimDomains ??= new Map<string, number>()), domain, failing);
  for (const signature of facts.ownFailingSignatures)
    add((acc.ownSignatureFailingSelectors ??= new Map<string, number>()), signature, failing);
  if (facts.envelope) add((acc.envelopeDomains ??= new Map<string, number>()), facts.envelope, failing);
  if (facts.ownEnvelope && !facts.spfPassed) acc.ownEnvelopeSpfFailing += failing;
}

/** IPs, ASNs and countries of a group, from the messages counted per context. */
function networksOf(
  contexts: readonly SourceContext[],
  messagesOf: readonly number[],
): Pick<SourceGroup, 'ips' | 'asns' | 'countries'> {
  if (contexts.length === 1) {
    // One IP (a source the ASN table does not place is grouped by its address): its counts are the group's.
    const { ip, asn } = contexts[0]!;
    const messages = messagesOf[0]!;
    return {
      ips: [{ value: ip, messages }],
      asns: asn.asn === undefined ? [] : [{ asn: asn.asn, ...(asn.asnName ? { name: asn.asnName } : {}), messages }],
      countries: asn.country ? [{ value: asn.country, messages }] : [],
    };
  }
  const ips: MutableCounts = new Map();
  const asns = new Map<number, { name?: string; messages: number }>();
  const countries: MutableCounts = new Map();
  contexts.forEach((context, i) => {
    const count = messagesOf[i]!;
    add(ips, context.ip, count);
    const asn = context.asn;
    if (asn.asn !== undefined) {
      const entry = asns.get(asn.asn);
      if (entry) entry.messages += count;
      else asns.set(asn.asn, { ...(asn.asnName ? { name: asn.asnName } : {}), messages: count });
    }
    if (asn.country) add(countries, asn.country, count);
  });
  return {
    // Every address: the page counts them and the command line lists them.
    ips: sorted(ips, Infinity),
    asns: [...asns]
      .map(([asn, v]) => ({ asn, ...v }))
      .sort((a, b) => b.messages - a.messages)
      .slice(0, 20),
    countries: sorted(countries),
  };
}

/** A group's counts from its cells (in the order they were made). */
function accumulatorOf(cells: readonly Cell[]): Accumulator {
  const first = cells[0]!;
  const acc = newAccumulator(first.context, first);
  for (const cell of cells) accumulateCell(acc, cell);
  acc.causes = causesOf(cells);
  return acc;
}

/** A group's facts from its cells: everything but the classification. */
function factsOf(cells: readonly Cell[]): Omit<SourceGroup, 'classification'> {
  const acc = accumulatorOf(cells);
  const { ips, asns, countries } = networksOf(acc.contexts, acc.contextMessages);
  const facts: Omit<SourceGroup, 'classification'> = {
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
    ips,
    asns,
    countries,
    foreignDkimDomains: acc.foreignDkimDomains ? sorted(acc.foreignDkimDomains) : [],
    envelopeDomains: acc.envelopeDomains ? sorted(acc.envelopeDomains) : [],
    ownEnvelopeSpfFailing: acc.ownEnvelopeSpfFailing,
    ownSignatureFailingSelectors: acc.ownSignatureFailingSelectors ? sorted(acc.ownSignatureFailingSelectors) : [],
    unsigned: acc.unsigned,
    spoofedBlocked: acc.spoofedBlocked,
    firstSeen: acc.firstSeen,
    lastSeen: acc.lastSeen,
  };
  if (acc.service) facts.service = acc.service;
  if (acc.evidence) facts.evidence = acc.evidence;
  return facts;
}

function finish(cells: readonly Cell[]): SourceGroup {
  const facts = factsOf(cells);
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
 * groupSources, incrementally: add reports (or chunks of them) as they arrive, read the groups at any time. Adding
 * costs a few lookups and additions per record; reading the groups costs time per distinct (IP, identifiers) pair,
 * not per record.
 */
export class SourceGrouper {
  private readonly resolver: SourceResolver;
  /** Records added so far: orders the causes of a group by their first record. */
  private sequence = 0;

  constructor(private readonly options: GroupSourcesOptions = {}) {
    this.resolver = new SourceResolver(options);
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
    for (let i = 0; i < records.length; i++) this.addRecord(records[i]!, time);
  }

  /**
   * Adds one record (no filtering) dated `time`, counted as `count` messages — its own count, or the share of a
   * multi-day report inside a period. Returns the record's cell: its context (`groupKey`, `groupLabel`) and
   * identifier set.
   */
  addRecord(record: AggregateRecord, time: number, count: number = record.count): SourceCell {
    const cell = this.resolver.cell(record);
    const sequence = this.sequence++;
    cell.records += 1;
    cell.messages += count;
    if (time < cell.firstSeen) cell.firstSeen = time;
    if (time > cell.lastSeen) cell.lastSeen = time;
    const disposition = record.disposition;
    if (disposition === 'none') cell.none += count;
    else if (disposition === 'reject') cell.reject += count;
    else if (disposition === 'quarantine') cell.quarantine += count;
    else if (disposition === 'pass') cell.pass += count;
    else add((cell.otherDispositions ??= new Map<string, number>()), disposition, count);
    if (record.dkimAligned) cell.dkimAligned += count;
    if (record.spfAligned) cell.spfAligned += count;
    if (passesByVerdictOrAlignment(record)) {
      cell.passing += count;
      if (cell.firstPass < 0) cell.firstPass = sequence;
    } else if (receiverSaysForwarded(record)) {
      cell.overriddenRecords += 1;
      cell.overriddenMessages += count;
      if (cell.firstOverridden < 0) cell.firstOverridden = sequence;
    } else {
      cell.failingRecords += 1;
      cell.failingMessages += count;
      if (disposition === 'reject' || disposition === 'quarantine') cell.failingBlocked += count;
      if (cell.firstFailing < 0) cell.firstFailing = sequence;
    }
    return cell;
  }

  /** The groups of everything added so far, classified, largest first. */
  groups(): SourceGroup[] {
    return [...this.cellsByGroup().values()].map(finish).sort(largestFirst);
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
    for (const cells of this.cellsByGroup().values()) {
      const { context } = cells[0]!;
      let messages = 0;
      const contexts: SourceContext[] = [];
      let seen: Set<SourceContext> | undefined;
      for (const cell of cells) {
        messages += cell.messages;
        if (contexts.length === 0) contexts.push(cell.context);
        if (contexts[contexts.length - 1] === cell.context) continue;
        seen ??= new Set(contexts);
        if (!seen.has(cell.context)) {
          seen.add(cell.context);
          contexts.push(cell.context);
        }
      }
      const classification = classifyCauses(causesOf(cells), () => factsOf(cells));
      yield { key: context.groupKey, label: context.groupLabel, messages, classification, contexts };
    }
  }

  /**
   * The cells of each group, in the order they were made; groups in the order of their first cell (so of their first
   * record), contexts within a group too.
   */
  private cellsByGroup(): Map<string, Cell[]> {
    const groups = new Map<string, Cell[]>();
    for (const cell of this.resolver.cells) {
      if (cell.records === 0) continue;
      const key = cell.context.groupKey;
      const cells = groups.get(key);
      if (cells) cells.push(cell);
      else groups.set(key, [cell]);
    }
    return groups;
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
