// Gathers the records of aggregate reports into source groups — one per sending service, or per network when the
// service is unknown — with the counts the classification, readiness and the UI need. One pass; per record a few map
// lookups (IP, identifier hash), everything else cached per IP or per identifier set (test/bench/intel.bench.ts).
import type { AggregateRecord, AggregateReport, Disposition } from '../report/types';
import { normalizeDomain, organizationalDomain } from './alignment';
import { classifyRecord, recordFacts, type RecordCause, type RecordFacts } from './classifyRecord';
import { identifyByNetwork, identifyByRecordDomains, type IdentificationEvidence, type SourceIdentification } from './identifySource';
import { lookupAsn, type AsnInfo } from './lookupAsn';
import type { AsnTable } from './readAsnTable';
import type { SendingService } from './sendingServices';
import { classifySource, type SourceClassification } from './classifySource';

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
  /** First and last report time seen (Unix seconds). */
  firstSeen: number;
  lastSeen: number;
  classification: SourceClassification;
}

type MutableCounts = Map<string, number>;

/** A group while records are added: the counted fields of SourceGroup, with maps where the group has lists. */
type CountedField = 'headerFromDomains' | 'foreignDkimDomains' | 'envelopeDomains' | 'ownSignatureFailingSelectors';
type Accumulator = Omit<SourceGroup, CountedField | 'ips' | 'asns' | 'countries' | 'classification'> &
  Record<CountedField, MutableCounts> & {
    /** The contexts (IP + identification) that fed this group; their tallies give IPs, ASNs and countries. */
    contexts: SourceContext[];
  };

function add(map: MutableCounts, key: string, count: number): void {
  map.set(key, (map.get(key) ?? 0) + count);
}

/** The counts with their keys normalized as domains (merging `Example.com` into `example.com`). */
function normalizedKeys(map: MutableCounts): MutableCounts {
  const result: MutableCounts = new Map();
  for (const [key, count] of map) add(result, normalizeDomain(key), count);
  return result;
}

function sorted(map: MutableCounts, limit = 50): Counted[] {
  return [...map]
    .map(([value, messages]) => ({ value, messages }))
    .sort((a, b) => b.messages - a.messages || (a.value < b.value ? -1 : 1))
    .slice(0, limit);
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
   * Scratch space of the call that owns the resolver: messages counted on this context and the group it feeds.
   * Counting per context instead of per record keeps a million records to a few map lookups each.
   */
  tally: { messages: number; group?: unknown };
}

/** A record's context plus the facts of its identifiers (both shared between records: do not modify). */
export interface ResolvedRecord {
  context: SourceContext;
  facts: RecordFacts;
}

function hashText(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return Math.imul(h ^ 124, 16777619); // a separator, so "ab"+"c" and "a"+"bc" differ
}

/** FNV-1a over the fields identification and facts depend on. */
function identifierHash(record: AggregateRecord): number {
  let h = hashText(2166136261, record.headerFrom);
  h = hashText(h, record.envelopeFrom ?? '');
  for (const d of record.dkimResults) h = hashText(hashText(hashText(h, d.domain), d.result), d.selector ?? '');
  h = Math.imul(h ^ 35, 16777619);
  for (const r of record.spfResults) h = hashText(hashText(hashText(h, r.domain), r.result), r.scope ?? '');
  return h;
}

function sameIdentifiers(a: AggregateRecord, b: AggregateRecord): boolean {
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

/**
 * Per-call caches: the same IP recurs across thousands of records, and so does the same combination of DKIM
 * domains and envelope — identification of a record depends only on those.
 */
export class SourceResolver {
  /** Per IP: its ASN and the contexts built for it (one per identification seen with it, usually one or two). */
  private readonly byIp = new Map<
    string,
    { asn: AsnInfo; network?: SourceContext; last?: SourceContext; byDomains?: Map<SourceIdentification, SourceContext> }
  >();
  private readonly byKey = new Map<number, Array<{ exemplar: AggregateRecord; identification: SourceIdentification; facts?: RecordFacts }>>();

  constructor(private readonly options: Pick<GroupSourcesOptions, 'asnTable' | 'rdns'> = {}) {}

  private context(record: AggregateRecord, identification: SourceIdentification, asn: AsnInfo, rdnsNames: readonly string[] | undefined): SourceContext {
    // One literal with every field (rdnsNames possibly undefined): all contexts share one hidden class.
    const context: SourceContext = { identification, asn, rdnsNames, groupKey: '', groupLabel: '', ip: record.sourceIp, tally: { messages: 0 } };
    const { key, label } = sourceGroupKey(record, context);
    context.groupKey = key;
    context.groupLabel = label;
    return context;
  }

  resolve(record: AggregateRecord): ResolvedRecord {
    let ip = this.byIp.get(record.sourceIp);
    if (ip === undefined) {
      ip = { asn: this.options.asnTable ? lookupAsn(this.options.asnTable, record.sourceIp) : {} };
      if (this.byIp.size < 1_000_000) this.byIp.set(record.sourceIp, ip);
    }
    // Identification and facts depend only on the record's identifiers, which repeat across records: look them up
    // by a hash of those fields (no key string per record: a million records would allocate 100 MB of keys).
    const hash = identifierHash(record);
    let bucket = this.byKey.get(hash);
    let byKey = bucket?.find((entry) => sameIdentifiers(entry.exemplar, record));
    if (byKey === undefined) {
      byKey = { exemplar: record, identification: identifyByRecordDomains(record) };
      if (!bucket) {
        bucket = [];
        if (this.byKey.size < 200_000) this.byKey.set(hash, bucket);
      }
      bucket.push(byKey);
    }
    const rdnsNames = this.options.rdns?.get(record.sourceIp);
    let context: SourceContext;
    if (!byKey.identification.service) {
      if (!ip.network) {
        const network = identifyByNetwork({ asn: ip.asn, ...(rdnsNames ? { rdnsNames } : {}) });
        ip.network = this.context(record, network, ip.asn, rdnsNames);
      }
      context = ip.network;
    } else if (ip.last?.identification === byKey.identification) {
      // Most IPs send one kind of mail: a one-entry cache on the IP saves a map lookup per record.
      context = ip.last;
    } else {
      ip.byDomains ??= new Map();
      let found = ip.byDomains.get(byKey.identification);
      if (!found) {
        found = this.context(record, byKey.identification, ip.asn, rdnsNames);
        ip.byDomains.set(byKey.identification, found);
      }
      ip.last = found;
      context = found;
    }
    // Facts depend on the service only through its tenant DKIM domains: cache them per identifier set, computed with
    // the service that was identified (by domains, or by network when it has tenant domains).
    const factsService = byKey.identification.service ?? context.identification.service;
    const facts = factsService?.tenantDkimDomains
      ? (byKey.identification.service ? (byKey.facts ??= recordFacts(record, byKey.identification)) : recordFacts(record, context.identification))
      : (byKey.facts ??= recordFacts(record, byKey.identification));
    return { context, facts };
  }
}

/** The group a record belongs to: its service, else its PTR organisation, else its network, else its address. */
export function sourceGroupKey(
  record: AggregateRecord,
  context: { identification: SourceIdentification; asn: AsnInfo; rdnsNames?: readonly string[] | undefined },
): { key: string; label: string } {
  const service = context.identification.service;
  if (service) return { key: service.id, label: service.name };
  const ptr = context.rdnsNames?.[0];
  if (ptr) {
    const org = organizationalDomain(ptr);
    return { key: `rdns:${org}`, label: `Servers under ${org}` };
  }
  if (context.asn.asn !== undefined) {
    const name = context.asn.asnName ? ` ${context.asn.asnName}` : '';
    return { key: `asn:${context.asn.asn}`, label: `AS${context.asn.asn}${name}` };
  }
  return { key: `ip:${record.sourceIp}`, label: record.sourceIp || 'unknown address' };
}

function newAccumulator(key: string, label: string, context: SourceContext, time: number): Accumulator {
  const acc: Accumulator = {
    key,
    label,
    messages: 0,
    records: 0,
    passing: 0,
    dkimAligned: 0,
    spfAligned: 0,
    dispositions: { none: 0, quarantine: 0, reject: 0, pass: 0 },
    causes: {},
    headerFromDomains: new Map(),
    contexts: [],
    foreignDkimDomains: new Map(),
    envelopeDomains: new Map(),
    ownEnvelopeSpfFailing: 0,
    ownSignatureFailingSelectors: new Map(),
    unsigned: 0,
    firstSeen: time,
    lastSeen: time,
  };
  if (context.identification.service) acc.service = context.identification.service;
  if (context.identification.evidence) acc.evidence = context.identification.evidence;
  return acc;
}

function accumulate(
  acc: Accumulator,
  record: AggregateRecord,
  { context, facts }: ResolvedRecord,
  cause: RecordCause,
  time: number,
): void {
  const count = record.count;
  acc.messages += count;
  acc.records += 1;
  if (time < acc.firstSeen) acc.firstSeen = time;
  if (time > acc.lastSeen) acc.lastSeen = time;
  acc.causes[cause] = (acc.causes[cause] ?? 0) + count;
  acc.dispositions[record.disposition] += count;
  if (record.dkimAligned) acc.dkimAligned += count;
  if (record.spfAligned) acc.spfAligned += count;
  add(acc.headerFromDomains, record.headerFrom, count);
  context.tally.messages += count;
  if (record.dkimResults.length === 0) acc.unsigned += count;
  if (cause === 'dmarc-pass') {
    acc.passing += count;
    return;
  }
  for (const domain of facts.foreignPassingDkim) add(acc.foreignDkimDomains, domain, count);
  for (const signature of facts.ownFailingSignatures) add(acc.ownSignatureFailingSelectors, signature, count);
  if (facts.envelope) add(acc.envelopeDomains, facts.envelope, count);
  if (facts.ownEnvelope && !facts.spfPassed) acc.ownEnvelopeSpfFailing += count;
}

/** IPs, ASNs and countries of a group, from the tallies of its contexts. */
function networksOf(contexts: readonly SourceContext[]): Pick<SourceGroup, 'ips' | 'asns' | 'countries'> {
  const ips: MutableCounts = new Map();
  const asns = new Map<number, { name?: string; messages: number }>();
  const countries: MutableCounts = new Map();
  for (const context of contexts) {
    const count = context.tally.messages;
    add(ips, context.ip, count);
    const asn = context.asn;
    if (asn.asn !== undefined) {
      const entry = asns.get(asn.asn);
      if (entry) entry.messages += count;
      else asns.set(asn.asn, { ...(asn.asnName ? { name: asn.asnName } : {}), messages: count });
    }
    if (asn.country) add(countries, asn.country, count);
  }
  return {
    ips: sorted(ips),
    asns: [...asns]
      .map(([asn, v]) => ({ asn, ...v }))
      .sort((a, b) => b.messages - a.messages)
      .slice(0, 20),
    countries: sorted(countries),
  };
}

function finish(acc: Accumulator): SourceGroup {
  const base: Omit<SourceGroup, 'classification'> = {
    key: acc.key,
    label: acc.label,
    ...(acc.service ? { service: acc.service } : {}),
    ...(acc.evidence ? { evidence: acc.evidence } : {}),
    messages: acc.messages,
    records: acc.records,
    passing: acc.passing,
    dkimAligned: acc.dkimAligned,
    spfAligned: acc.spfAligned,
    dispositions: acc.dispositions,
    causes: acc.causes,
    headerFromDomains: sorted(normalizedKeys(acc.headerFromDomains)),
    ...networksOf(acc.contexts),
    foreignDkimDomains: sorted(acc.foreignDkimDomains),
    envelopeDomains: sorted(acc.envelopeDomains),
    ownEnvelopeSpfFailing: acc.ownEnvelopeSpfFailing,
    ownSignatureFailingSelectors: sorted(acc.ownSignatureFailingSelectors),
    unsigned: acc.unsigned,
    firstSeen: acc.firstSeen,
    lastSeen: acc.lastSeen,
  };
  return { ...base, classification: classifySource(base) };
}

/**
 * Groups every record of the (aggregate) reports by source and classifies each group. Largest groups first.
 * Non-aggregate reports in the input are ignored.
 */
export function groupSources(reports: Iterable<AggregateReport>, options: GroupSourcesOptions = {}): SourceGroup[] {
  const resolver = new SourceResolver(options);
  const groups = new Map<string, Accumulator>();
  for (const report of reports) {
    if (report.kind !== 'aggregate') continue;
    if (options.domain && !reportCoversDomain(report, options.domain)) continue;
    if (options.since !== undefined && report.metadata.end < options.since) continue;
    if (options.until !== undefined && report.metadata.begin >= options.until) continue;
    const time = report.metadata.begin;
    for (const record of report.records) {
      const resolved = resolver.resolve(record);
      const { context } = resolved;
      let acc = context.tally.group as Accumulator | undefined;
      if (!acc) {
        acc = groups.get(context.groupKey);
        if (!acc) {
          acc = newAccumulator(context.groupKey, context.groupLabel, context, time);
          groups.set(context.groupKey, acc);
        }
        context.tally.group = acc;
        acc.contexts.push(context);
      }
      accumulate(acc, record, resolved, classifyRecord(record, context.identification, resolved.facts), time);
    }
  }
  return [...groups.values()].map(finish).sort((a, b) => b.messages - a.messages || (a.key < b.key ? -1 : 1));
}
