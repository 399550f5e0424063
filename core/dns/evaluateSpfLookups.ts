// Follows an SPF record's include tree through an injected resolver and counts what RFC 7208 §4.6.4 limits:
// terms that cause DNS lookups (at most 10 over the whole evaluation) and lookups with no answer (at most 2).
import { normalizeDomain } from '../report';
import {
  checkRedirectBesideAll,
  checkSpfRecordCount,
  isSpfRecordText,
  LOOKUP_MECHANISMS,
  MAX_SPF_DNS_LOOKUPS,
  MAX_SPF_VOID_LOOKUPS,
  parseSpfRecord,
} from './spfRecord';
import type { SpfMechanism, SpfRecord } from './spfRecord';
import { recordText } from './recordTexts';
import {
  askResolver,
  dnsError,
  dnsErrorReason,
  recordIssue,
  type DnsAnswer,
  type DnsResolver,
  type RecordIssue,
} from './types';
import { joinTxtStrings } from './txtStrings';

/**
 * A hostile or broken include tree could make us query without end; real evaluations stop at 10 lookups, so 40
 * questions is far beyond anything a valid record needs while keeping a DoH server from being hammered.
 */
export const MAX_SPF_QUESTIONS = 40;
/** RFC 7208 §4.6.4: an mx mechanism looking up more than 10 MX hosts' addresses is a permerror. */
export const MAX_SPF_MX_HOSTS = 10;

export interface SpfLookupNode {
  domain: string;
  /** How this node was reached: the term of the parent record, or `domain` for the root. */
  via: string;
  /** The SPF record found, when there was exactly one. */
  record?: string;
  /** Problems found at this node (no record, syntax errors, loops). */
  issues: RecordIssue[];
  children: SpfLookupNode[];
}

export interface SpfLookupEvaluation {
  root: SpfLookupNode;
  /** Terms costing a DNS lookup over the whole tree (include, a, mx, ptr, exists, redirect). */
  lookups: number;
  /** Lookups that found no record (NXDOMAIN or no data). */
  voidLookups: number;
  /** The totals and anything that makes the whole evaluation a permerror or temperror. */
  issues: RecordIssue[];
}

interface Walk {
  resolver: DnsResolver;
  /** A record to evaluate in place of the root's published one (the wizard's, before it is published). */
  rootRecord?: string;
  lookups: number;
  voidLookups: number;
  questions: number;
  issues: RecordIssue[];
}

async function ask(walk: Walk, name: string, type: 'TXT' | 'A' | 'AAAA' | 'MX'): Promise<DnsAnswer> {
  if (walk.questions >= MAX_SPF_QUESTIONS)
    return dnsError(recordText('dns.question-limit', { max: MAX_SPF_QUESTIONS }));
  walk.questions++;
  return askResolver(walk.resolver, name, type);
}

function isVoid(answer: DnsAnswer): boolean {
  return (
    answer.status === 'nxdomain' ||
    answer.status === 'nodata' ||
    (answer.status === 'ok' && answer.answers.length === 0)
  );
}

/**
 * Evaluates `domain`'s SPF record the way a receiver would count it, without a message (so macros stay unfollowed).
 * With `rootRecord`, that text stands in for the domain's published record: the wizard checks a record before it is
 * published.
 */
export async function evaluateSpfLookups(
  domain: string,
  resolver: DnsResolver,
  options: { rootRecord?: string } = {},
): Promise<SpfLookupEvaluation> {
  const walk: Walk = { resolver, lookups: 0, voidLookups: 0, questions: 0, issues: [], ...options };
  const root = await visit(walk, normalizeDomain(domain), 'domain', []);
  if (walk.lookups > MAX_SPF_DNS_LOOKUPS)
    walk.issues.push(
      recordIssue(
        'error',
        'spf-too-many-lookups',
        recordText('spf.tree-too-many-lookups', { count: walk.lookups, max: MAX_SPF_DNS_LOOKUPS }),
        undefined,
        recordText('spf.tree-too-many-lookups.fix'),
      ),
    );
  if (walk.voidLookups > MAX_SPF_VOID_LOOKUPS)
    walk.issues.push(
      recordIssue(
        'error',
        'spf-too-many-void-lookups',
        recordText('spf.too-many-void-lookups', { count: walk.voidLookups, max: MAX_SPF_VOID_LOOKUPS }),
        undefined,
        recordText('spf.too-many-void-lookups.fix'),
      ),
    );
  return { root, lookups: walk.lookups, voidLookups: walk.voidLookups, issues: walk.issues };
}

async function visit(walk: Walk, domain: string, via: string, stack: string[]): Promise<SpfLookupNode> {
  const node: SpfLookupNode = { domain, via, issues: [], children: [] };
  if (stack.includes(domain)) {
    node.issues.push(
      recordIssue(
        'error',
        'spf-include-loop',
        recordText('spf.include-loop', { domain, path: [...stack, domain].join(' → ') }),
      ),
    );
    return node;
  }
  const answer: DnsAnswer =
    stack.length === 0 && walk.rootRecord !== undefined
      ? { status: 'ok', answers: [[walk.rootRecord]] }
      : await ask(walk, domain, 'TXT');
  if (answer.status === 'error') {
    node.issues.push(
      recordIssue('error', 'spf-temperror', recordText('spf.temperror', { domain, error: dnsErrorReason(answer) })),
    );
    return node;
  }
  if (isVoid(answer) && stack.length > 0) walk.voidLookups++;
  const texts = answer.status === 'ok' ? answer.answers.map(joinTxtStrings) : [];
  const spfTexts = texts.filter(isSpfRecordText);
  if (spfTexts.length === 0) {
    const text =
      stack.length === 0
        ? recordText('spf.no-record', { domain })
        : recordText('spf.no-included-record', { domain, via });
    node.issues.push(recordIssue('error', 'spf-no-record', text));
    return node;
  }
  node.issues.push(...checkSpfRecordCount(texts));
  const text = spfTexts[0] as string;
  node.record = text;
  const parsed = parseSpfRecord(text);
  node.issues.push(...parsed.issues);
  if (!parsed.ok) return node;
  // The root record's own check reports this already; a nested record is seen only here.
  if (stack.length > 0) node.issues.push(...checkRedirectBesideAll(parsed.record));
  await followTerms(walk, node, parsed.record, [...stack, domain]);
  return node;
}

async function followTerms(walk: Walk, node: SpfLookupNode, record: SpfRecord, stack: string[]): Promise<void> {
  const hasAll = record.terms.some((term) => term.kind === 'mechanism' && term.name === 'all');
  for (const term of record.terms) {
    if (term.kind === 'modifier') {
      // RFC 7208 §6.1: redirect is used only when no mechanism matched, and ignored if "all" is present.
      if (term.name !== 'redirect' || hasAll) continue;
      walk.lookups++;
      if (term.value.includes('%')) continue;
      node.children.push(await visit(walk, term.value.toLowerCase(), `redirect=${term.value}`, stack));
      continue;
    }
    if (!LOOKUP_MECHANISMS.includes(term.name)) continue;
    walk.lookups++;
    const target = (term.domainSpec ?? node.domain).toLowerCase();
    if (target.includes('%')) continue;
    if (term.name === 'include') {
      node.children.push(await visit(walk, target, `include:${term.domainSpec ?? ''}`, stack));
      continue;
    }
    if (term.name === 'ptr') continue;
    await checkAddressTerm(walk, node, term, target);
  }
}

async function checkAddressTerm(walk: Walk, node: SpfLookupNode, term: SpfMechanism, target: string): Promise<void> {
  if (term.name === 'mx') {
    const answer = await ask(walk, target, 'MX');
    if (answer.status === 'error') return;
    if (isVoid(answer)) {
      walk.voidLookups++;
      node.issues.push(recordIssue('warning', 'spf-void-mx', recordText('spf.void-mx', { target }), 'mx'));
      return;
    }
    const hosts = answer.status === 'ok' ? answer.answers.length : 0;
    if (hosts > MAX_SPF_MX_HOSTS)
      node.issues.push(
        recordIssue(
          'error',
          'spf-too-many-mx',
          recordText('spf.too-many-mx', { target, hosts, max: MAX_SPF_MX_HOSTS }),
          'mx',
        ),
      );
    return;
  }
  // a and exists: the receiver asks A (or AAAA for an IPv6 client for a); void only when neither has an answer.
  const a = await ask(walk, target, 'A');
  if (a.status === 'error' || !isVoid(a)) return;
  if (term.name === 'a') {
    const aaaa = await ask(walk, target, 'AAAA');
    if (aaaa.status === 'error' || !isVoid(aaaa)) return;
  }
  walk.voidLookups++;
  node.issues.push(
    recordIssue(
      'warning',
      `spf-void-${term.name}`,
      recordText('spf.void-address', { mechanism: term.name, target }),
      term.name,
    ),
  );
}
