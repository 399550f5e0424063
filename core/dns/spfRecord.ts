// The SPF record (RFC 7208): a TXT record at the domain itself starting with `v=spf1`, terms separated by spaces.
// Grammar: RFC 7208 §12 (collected ABNF); evaluation limits: §4.6.4.
import { isIpv4Address, isIpv6Address } from './ipAddress';
import { txtByteLength, MAX_TXT_STRING_BYTES } from './txtStrings';
import { recordText, type DnsRecordSentence } from './recordTexts';
import type { RecordIssue, RecordParseResult, TagExplanation } from './types';
import { hasErrors, recordIssue, tagExplanation } from './types';

export type SpfQualifier = '+' | '-' | '~' | '?';
export type SpfMechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export interface SpfMechanism {
  kind: 'mechanism';
  /** As written; absent means "+" (RFC 7208 §4.6.2). */
  qualifier?: SpfQualifier;
  name: SpfMechanismName;
  /** include, exists (required); a, mx, ptr (optional). */
  domainSpec?: string;
  /** ip4 / ip6 network. */
  ip?: string;
  /** ip4-cidr-length, for ip4 and the dual-cidr-length of a and mx. */
  ip4Cidr?: number;
  /** ip6-cidr-length, for ip6 and the dual-cidr-length of a and mx. */
  ip6Cidr?: number;
}

export interface SpfModifier {
  kind: 'modifier';
  /** Lower-cased for redirect and exp; as written otherwise. */
  name: string;
  value: string;
}

export type SpfTerm = SpfMechanism | SpfModifier;

export interface SpfRecord {
  terms: SpfTerm[];
}

/** RFC 7208 §4.6.4: at most 10 terms that cause DNS queries, else permerror. */
export const MAX_SPF_DNS_LOOKUPS = 10;
/** RFC 7208 §4.6.4: at most 2 lookups that return no answer ("void lookups"), else permerror. */
export const MAX_SPF_VOID_LOOKUPS = 2;
/** RFC 7208 §3.4: keep the record small enough to fit a 512-byte DNS answer. */
export const RECOMMENDED_SPF_BYTES = 450;

const MECHANISMS: readonly string[] = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];
/** Mechanisms that cost one DNS lookup each (RFC 7208 §4.6.4); the redirect modifier does too. */
export const LOOKUP_MECHANISMS: readonly SpfMechanismName[] = ['include', 'a', 'mx', 'ptr', 'exists'];

// RFC 7208 §7.1 macro-string: macro-expand / macro-literal (%x21-24 / %x26-7E).
const MACRO_EXPAND = '%\\{[slodiphcrtvSLODIPHCRTV]\\d*[rR]?[.\\-+,/_=]*\\}|%%|%_|%-';
const MACRO_STRING = new RegExp(`^(?:${MACRO_EXPAND}|[\\x21-\\x24\\x26-\\x7e])*$`);
/** domain-end = ( "." toplabel [ "." ] ) / macro-expand. */
const DOMAIN_END = new RegExp(
  `(?:\\.(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])\\.?|${MACRO_EXPAND})$`,
);
const MODIFIER_NAME = /^[A-Za-z][A-Za-z0-9\-_.]*$/;

/** RFC 7208 §4.5: a TXT record is an SPF record when it is exactly `v=spf1` or starts with `v=spf1 `. */
export function isSpfRecordText(text: string): boolean {
  return /^v=spf1(?: |$)/i.test(text);
}

export function isValidDomainSpec(spec: string): boolean {
  return spec.length > 0 && MACRO_STRING.test(spec) && DOMAIN_END.test(spec);
}

/** Parses the joined text of an SPF TXT record; every syntax error is a permerror at receivers (RFC 7208 §4.6). */
export function parseSpfRecord(text: string): RecordParseResult<SpfRecord> {
  const issues: RecordIssue[] = [];
  if (!isSpfRecordText(text)) {
    issues.push(
      recordIssue(
        'error',
        'spf-missing-version',
        recordText('spf.missing-version'),
        'v',
        recordText('spf.missing-version.fix'),
      ),
    );
    return { ok: false, issues };
  }
  if (/[^\x20-\x7e]/.test(text))
    issues.push(recordIssue('error', 'spf-invalid-character', recordText('spf.invalid-character')));
  const terms: SpfTerm[] = [];
  // §12: terms = *( 1*SP ( directive / modifier ) ), record ends with *SP.
  for (const word of text
    .slice(6)
    .split(' ')
    .filter((w) => w !== '')) {
    const term = parseSpfTerm(word, issues);
    if (term) terms.push(term);
  }
  for (const name of ['redirect', 'exp'])
    if (terms.filter((term) => term.kind === 'modifier' && term.name === name).length > 1)
      issues.push(recordIssue('error', `spf-duplicate-${name}`, recordText('spf.repeated-modifier', { name }), name));
  if (hasErrors(issues)) return { ok: false, issues };
  return { ok: true, record: { terms }, issues };
}

function parseSpfTerm(word: string, issues: RecordIssue[]): SpfTerm | undefined {
  const modifier = /^([^:/=]+)=(.*)$/.exec(word);
  if (modifier) {
    const [, rawName = '', value = ''] = modifier;
    if (!MODIFIER_NAME.test(rawName)) {
      issues.push(recordIssue('error', 'spf-invalid-term', recordText('spf.invalid-term', { term: word }), word));
      return undefined;
    }
    const lower = rawName.toLowerCase();
    const known = lower === 'redirect' || lower === 'exp';
    const valid = known ? isValidDomainSpec(value) : MACRO_STRING.test(value);
    if (!valid) {
      issues.push(
        recordIssue(
          'error',
          'spf-invalid-domain',
          recordText('spf.invalid-modifier-domain', { name: rawName, value }),
          rawName,
        ),
      );
      return undefined;
    }
    return { kind: 'modifier', name: known ? lower : rawName, value };
  }
  const match = /^([+\-~?]?)([A-Za-z0-9]+)(.*)$/.exec(word);
  const name = match?.[2]?.toLowerCase() ?? '';
  if (!match || !MECHANISMS.includes(name)) {
    issues.push(
      recordIssue('error', 'spf-unknown-mechanism', recordText('spf.unknown-mechanism', { term: word }), word),
    );
    return undefined;
  }
  const mechanism: SpfMechanism = { kind: 'mechanism', name: name as SpfMechanismName };
  if (match[1]) mechanism.qualifier = match[1] as SpfQualifier;
  const rest = match[3] ?? '';
  const bad = (text: DnsRecordSentence) => {
    issues.push(recordIssue('error', `spf-invalid-${name}`, text, word));
    return undefined;
  };
  const term = word;
  switch (name) {
    case 'all':
      return rest === '' ? mechanism : bad(recordText('spf.all-argument', { term }));
    case 'include':
    case 'exists':
    case 'ptr': {
      if (rest === '')
        return name === 'ptr' ? mechanism : bad(recordText('spf.needs-domain', { term, mechanism: name }));
      const spec = rest.startsWith(':') ? rest.slice(1) : undefined;
      if (spec === undefined || !isValidDomainSpec(spec)) return bad(recordText('spf.invalid-domain', { term }));
      mechanism.domainSpec = spec;
      return mechanism;
    }
    case 'a':
    case 'mx': {
      // a [ ":" domain-spec ] [ dual-cidr-length ]; the cidr part is recognised from the end.
      const cidr = /((?:\/(?:0|[1-9]\d{0,2}))?)((?:\/\/(?:0|[1-9]\d{0,2}))?)$/.exec(rest);
      const ip4Text = cidr?.[1] ?? '';
      const ip6Text = cidr?.[2] ?? '';
      const head = rest.slice(0, rest.length - ip4Text.length - ip6Text.length);
      if (head !== '') {
        if (!head.startsWith(':') || !isValidDomainSpec(head.slice(1)))
          return bad(recordText('spf.invalid-domain', { term }));
        mechanism.domainSpec = head.slice(1);
      }
      if (ip4Text) {
        const bits = Number(ip4Text.slice(1));
        if (bits > 32) return bad(recordText('spf.ip4-cidr-too-long', { term }));
        mechanism.ip4Cidr = bits;
      }
      if (ip6Text) {
        const bits = Number(ip6Text.slice(2));
        if (bits > 128) return bad(recordText('spf.ip6-cidr-too-long', { term }));
        mechanism.ip6Cidr = bits;
      }
      return mechanism;
    }
    case 'ip4':
    case 'ip6': {
      if (!rest.startsWith(':'))
        return bad(
          recordText('spf.needs-address', {
            term,
            mechanism: name,
            example: name === 'ip4' ? '192.0.2.0/24' : '2001:db8::/32',
          }),
        );
      const slash = rest.indexOf('/');
      const address = slash < 0 ? rest.slice(1) : rest.slice(1, slash);
      const prefix = slash < 0 ? undefined : rest.slice(slash + 1);
      const valid = name === 'ip4' ? isIpv4Address(address) : isIpv6Address(address);
      if (!valid)
        return bad(recordText('spf.invalid-address', { term, address, family: name === 'ip4' ? 'IPv4' : 'IPv6' }));
      mechanism.ip = address;
      if (prefix !== undefined) {
        const max = name === 'ip4' ? 32 : 128;
        if (!/^(?:0|[1-9]\d{0,2})$/.test(prefix) || Number(prefix) > max)
          return bad(recordText('spf.prefix-range', { term, max }));
        if (name === 'ip4') mechanism.ip4Cidr = Number(prefix);
        else mechanism.ip6Cidr = Number(prefix);
      }
      return mechanism;
    }
  }
  return undefined;
}

export function formatSpfTerm(term: SpfTerm): string {
  if (term.kind === 'modifier') return `${term.name}=${term.value}`;
  let text = `${term.qualifier ?? ''}${term.name}`;
  if (term.name === 'ip4' || term.name === 'ip6') {
    text += `:${term.ip ?? ''}`;
    const bits = term.name === 'ip4' ? term.ip4Cidr : term.ip6Cidr;
    if (bits !== undefined) text += `/${bits}`;
    return text;
  }
  if (term.domainSpec !== undefined) text += `:${term.domainSpec}`;
  if (term.ip4Cidr !== undefined) text += `/${term.ip4Cidr}`;
  if (term.ip6Cidr !== undefined) text += `//${term.ip6Cidr}`;
  return text;
}

export function formatSpfRecord(record: SpfRecord): string {
  return ['v=spf1', ...record.terms.map(formatSpfTerm)].join(' ');
}

/**
 * DNS lookups the record itself costs, not counting what its includes cost (see evaluateSpfLookups). A redirect
 * next to an all mechanism is never followed (RFC 7208 §6.1), so it costs nothing.
 */
export function countDirectSpfLookups(record: SpfRecord): number {
  const hasAll = record.terms.some((term) => term.kind === 'mechanism' && term.name === 'all');
  return record.terms.filter((term) =>
    term.kind === 'modifier' ? term.name === 'redirect' && !hasAll : LOOKUP_MECHANISMS.includes(term.name),
  ).length;
}

/** RFC 7208 §6.1: a redirect modifier is ignored when the record has an all mechanism; say so where it is written. */
export function checkRedirectBesideAll(record: SpfRecord): RecordIssue[] {
  const hasAll = record.terms.some((term) => term.kind === 'mechanism' && term.name === 'all');
  const redirect = record.terms.find((term) => term.kind === 'modifier' && term.name === 'redirect');
  if (!hasAll || !redirect) return [];
  return [
    recordIssue(
      'warning',
      'spf-redirect-ignored',
      recordText('spf.redirect-ignored'),
      'redirect',
      recordText('spf.redirect-ignored.fix'),
    ),
  ];
}

/** Risks and advice for one SPF record (RFC 7208 and common practice). */
export function checkSpfRecord(record: SpfRecord): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const mechanisms = record.terms.filter((term): term is SpfMechanism => term.kind === 'mechanism');
  const allIndex = mechanisms.findIndex((term) => term.name === 'all');
  const all = mechanisms[allIndex];
  const redirect = record.terms.find((term) => term.kind === 'modifier' && term.name === 'redirect');
  if (all && (all.qualifier ?? '+') === '+')
    issues.push(
      recordIssue(
        'error',
        'spf-plus-all',
        recordText('spf.plus-all', { term: formatSpfTerm(all) }),
        'all',
        recordText('spf.use-softfail-or-fail'),
      ),
    );
  if (all?.qualifier === '?')
    issues.push(
      recordIssue(
        'warning',
        'spf-neutral-all',
        recordText('spf.neutral-all'),
        'all',
        recordText('spf.use-softfail-or-fail'),
      ),
    );
  if (all?.qualifier === '~')
    issues.push(recordIssue('info', 'spf-softfail-all', recordText('spf.softfail-all'), 'all'));
  if (all?.qualifier === '-')
    issues.push(recordIssue('info', 'spf-fail-all', recordText('spf.fail-all'), 'all', recordText('spf.fail-all.fix')));
  if (!all && !redirect)
    issues.push(recordIssue('warning', 'spf-no-all', recordText('spf.no-all'), 'all', recordText('spf.no-all.fix')));
  issues.push(...checkRedirectBesideAll(record));
  if (allIndex >= 0 && allIndex < mechanisms.length - 1)
    issues.push(
      recordIssue(
        'warning',
        'spf-terms-after-all',
        recordText('spf.terms-after-all', { term: formatSpfTerm(all as SpfMechanism) }),
        'all',
        recordText('spf.terms-after-all.fix'),
      ),
    );
  if (mechanisms.some((term) => term.name === 'ptr'))
    issues.push(recordIssue('warning', 'spf-ptr', recordText('spf.ptr'), 'ptr', recordText('spf.ptr.fix')));
  for (const term of record.terms)
    if (term.kind === 'modifier' && MECHANISMS.includes(term.name.toLowerCase()))
      issues.push(
        recordIssue(
          'warning',
          'spf-modifier-typo',
          recordText('spf.modifier-typo', { name: term.name, value: term.value }),
          term.name,
          recordText('spf.modifier-typo.fix', { mechanism: term.name.toLowerCase(), value: term.value }),
        ),
      );
  const seen = new Set<string>();
  for (const term of record.terms) {
    const text = formatSpfTerm(term).replace(/^[+]/, '').toLowerCase();
    if (seen.has(text))
      issues.push(
        recordIssue(
          'warning',
          'spf-duplicate-term',
          recordText('spf.duplicate-term', { term: formatSpfTerm(term) }),
          formatSpfTerm(term),
          recordText('spf.duplicate-term.fix'),
        ),
      );
    seen.add(text);
  }
  const lookups = countDirectSpfLookups(record);
  if (lookups > MAX_SPF_DNS_LOOKUPS)
    issues.push(
      recordIssue(
        'error',
        'spf-too-many-lookups',
        recordText('spf.too-many-lookups', { count: lookups, max: MAX_SPF_DNS_LOOKUPS }),
        undefined,
        recordText('spf.too-many-lookups.fix'),
      ),
    );
  const bytes = txtByteLength(formatSpfRecord(record));
  if (bytes > MAX_TXT_STRING_BYTES)
    issues.push(recordIssue('info', 'spf-split-strings', recordText('spf.split-strings', { bytes })));
  if (bytes > RECOMMENDED_SPF_BYTES)
    issues.push(
      recordIssue('warning', 'spf-too-long', recordText('spf.too-long', { bytes, max: RECOMMENDED_SPF_BYTES })),
    );
  if (record.terms.some((term) => formatSpfTerm(term).includes('%')))
    issues.push(recordIssue('info', 'spf-macros', recordText('spf.macros')));
  return issues;
}

/** RFC 7208 §4.5: more than one SPF record at a name is a permerror. */
export function checkSpfRecordCount(txtValues: readonly string[]): RecordIssue[] {
  const count = txtValues.filter(isSpfRecordText).length;
  if (count > 1)
    return [
      recordIssue(
        'error',
        'spf-multiple-records',
        recordText('spf.multiple-records', { count }),
        undefined,
        recordText('spf.multiple-records.fix'),
      ),
    ];
  return [];
}

const QUALIFIER_MEANING: Record<SpfQualifier, string> = {
  '+': 'pass',
  '-': 'fail',
  '~': 'softfail',
  '?': 'neutral',
};

export function explainSpfRecord(record: SpfRecord): TagExplanation[] {
  return [
    tagExplanation('v', 'spf1', recordText('spf.explain.v')),
    ...record.terms.map((term) => tagExplanation(term.name, formatSpfTerm(term), explainSpfTerm(term))),
  ];
}

export function explainSpfTerm(term: SpfTerm): DnsRecordSentence {
  if (term.kind === 'modifier') {
    if (term.name === 'redirect') return recordText('spf.explain.redirect', { domain: term.value });
    if (term.name === 'exp') return recordText('spf.explain.exp', { domain: term.value });
    return recordText('spf.explain.unknown-modifier');
  }
  // The result words are RFC 7208 §2.6's, the same in every language.
  const result = QUALIFIER_MEANING[term.qualifier ?? '+'];
  const target = term.domainSpec ?? recordText('spf.explain.this-domain');
  const hasCidr = term.ip4Cidr !== undefined || term.ip6Cidr !== undefined;
  const cidr = hasCidr ? recordText('spf.explain.cidr', { ip4: term.ip4Cidr ?? 32, ip6: term.ip6Cidr ?? 128 }) : '';
  switch (term.name) {
    case 'all':
      return recordText('spf.explain.all', { result });
    case 'include':
      return recordText('spf.explain.include', { target, result });
    case 'a':
      return recordText('spf.explain.a', { target, cidr, result });
    case 'mx':
      return recordText('spf.explain.mx', { target, cidr, result });
    case 'ptr':
      return recordText('spf.explain.ptr', { target, result });
    case 'ip4':
    case 'ip6':
      return recordText(hasCidr ? 'spf.explain.address-range' : 'spf.explain.address', {
        address: formatSpfTerm(term).replace(/^[+\-~?]?ip[46]:/, ''),
        result,
      });
    case 'exists':
      return recordText('spf.explain.exists', { target, result });
  }
}
