// The SPF record (RFC 7208): a TXT record at the domain itself starting with `v=spf1`, terms separated by spaces.
// Grammar: RFC 7208 §12 (collected ABNF); evaluation limits: §4.6.4.
import { isIpv4Address, isIpv6Address } from './ipAddress';
import { txtByteLength, MAX_TXT_STRING_BYTES } from './txtStrings';
import type { RecordIssue, RecordParseResult, TagExplanation } from './types';
import { hasErrors, recordIssue } from './types';

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
      recordIssue('error', 'spf-missing-version', 'An SPF record must start with v=spf1 followed by a space.', 'v', 'Start the record with "v=spf1 ".'),
    );
    return { ok: false, issues };
  }
  if (/[^\x20-\x7e]/.test(text))
    issues.push(recordIssue('error', 'spf-invalid-character', 'The record contains tabs, line breaks or non-ASCII characters; terms are separated by spaces only.'));
  const terms: SpfTerm[] = [];
  // §12: terms = *( 1*SP ( directive / modifier ) ), record ends with *SP.
  for (const word of text.slice(6).split(' ').filter((w) => w !== '')) {
    const term = parseSpfTerm(word, issues);
    if (term) terms.push(term);
  }
  for (const name of ['redirect', 'exp'])
    if (terms.filter((term) => term.kind === 'modifier' && term.name === name).length > 1)
      issues.push(recordIssue('error', `spf-duplicate-${name}`, `${name}= may appear only once (RFC 7208 §6).`, name));
  if (hasErrors(issues)) return { ok: false, issues };
  return { ok: true, record: { terms }, issues };
}

function parseSpfTerm(word: string, issues: RecordIssue[]): SpfTerm | undefined {
  const modifier = /^([^:/=]+)=(.*)$/.exec(word);
  if (modifier) {
    const [, rawName = '', value = ''] = modifier;
    if (!MODIFIER_NAME.test(rawName)) {
      issues.push(recordIssue('error', 'spf-invalid-term', `"${word}" is not a valid SPF term.`, word));
      return undefined;
    }
    const lower = rawName.toLowerCase();
    const known = lower === 'redirect' || lower === 'exp';
    const valid = known ? isValidDomainSpec(value) : MACRO_STRING.test(value);
    if (!valid) {
      issues.push(recordIssue('error', 'spf-invalid-domain', `${rawName}=${value} needs a valid domain.`, rawName));
      return undefined;
    }
    return { kind: 'modifier', name: known ? lower : rawName, value };
  }
  const match = /^([+\-~?]?)([A-Za-z0-9]+)(.*)$/.exec(word);
  const name = match?.[2]?.toLowerCase() ?? '';
  if (!match || !MECHANISMS.includes(name)) {
    issues.push(
      recordIssue('error', 'spf-unknown-mechanism', `"${word}" is not an SPF mechanism (all, include, a, mx, ptr, ip4, ip6, exists) or modifier.`, word),
    );
    return undefined;
  }
  const mechanism: SpfMechanism = { kind: 'mechanism', name: name as SpfMechanismName };
  if (match[1]) mechanism.qualifier = match[1] as SpfQualifier;
  const rest = match[3] ?? '';
  const bad = (message: string) => {
    issues.push(recordIssue('error', `spf-invalid-${name}`, `${word}: ${message}`, word));
    return undefined;
  };
  switch (name) {
    case 'all':
      return rest === '' ? mechanism : bad('all takes no argument.');
    case 'include':
    case 'exists':
    case 'ptr': {
      if (rest === '') return name === 'ptr' ? mechanism : bad(`${name} needs a domain, as ${name}:example.com.`);
      const spec = rest.startsWith(':') ? rest.slice(1) : undefined;
      if (spec === undefined || !isValidDomainSpec(spec)) return bad('the domain is not valid.');
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
        if (!head.startsWith(':') || !isValidDomainSpec(head.slice(1))) return bad('the domain is not valid.');
        mechanism.domainSpec = head.slice(1);
      }
      if (ip4Text) {
        const bits = Number(ip4Text.slice(1));
        if (bits > 32) return bad('an IPv4 prefix length is at most 32.');
        mechanism.ip4Cidr = bits;
      }
      if (ip6Text) {
        const bits = Number(ip6Text.slice(2));
        if (bits > 128) return bad('an IPv6 prefix length is at most 128.');
        mechanism.ip6Cidr = bits;
      }
      return mechanism;
    }
    case 'ip4':
    case 'ip6': {
      if (!rest.startsWith(':')) return bad(`${name} needs an address, as ${name}:${name === 'ip4' ? '192.0.2.0/24' : '2001:db8::/32'}.`);
      const slash = rest.indexOf('/');
      const address = slash < 0 ? rest.slice(1) : rest.slice(1, slash);
      const prefix = slash < 0 ? undefined : rest.slice(slash + 1);
      const valid = name === 'ip4' ? isIpv4Address(address) : isIpv6Address(address);
      if (!valid) return bad(`${address} is not an ${name === 'ip4' ? 'IPv4' : 'IPv6'} address.`);
      mechanism.ip = address;
      if (prefix !== undefined) {
        const max = name === 'ip4' ? 32 : 128;
        if (!/^(?:0|[1-9]\d{0,2})$/.test(prefix) || Number(prefix) > max) return bad(`the prefix length must be 0 to ${max}.`);
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

/** DNS lookups the record itself costs, not counting what its includes cost (see evaluateSpfLookups). */
export function countDirectSpfLookups(record: SpfRecord): number {
  return record.terms.filter((term) =>
    term.kind === 'modifier' ? term.name === 'redirect' : LOOKUP_MECHANISMS.includes(term.name),
  ).length;
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
      recordIssue('error', 'spf-plus-all', `${formatSpfTerm(all)} authorizes every server on the Internet to send as this domain.`, 'all', 'Use ~all or -all.'),
    );
  if (all?.qualifier === '?')
    issues.push(recordIssue('warning', 'spf-neutral-all', '?all says nothing about other servers; SPF then protects nothing.', 'all', 'Use ~all or -all.'));
  if (all?.qualifier === '~')
    issues.push(
      recordIssue(
        'info',
        'spf-softfail-all',
        '~all marks other servers as "probably not authorized". With DMARC at quarantine or reject this is the usual choice: DMARC decides, and forwarded mail still reaches DMARC evaluation and DKIM.',
        'all',
      ),
    );
  if (all?.qualifier === '-')
    issues.push(
      recordIssue(
        'info',
        'spf-fail-all',
        '-all tells receivers to reject mail from other servers; some reject before DMARC and DKIM are checked, which can lose forwarded mail that DKIM would have saved.',
        'all',
        'Use -all only when every sender is listed; ~all is the safer companion of a DMARC policy.',
      ),
    );
  if (!all && !redirect)
    issues.push(
      recordIssue('warning', 'spf-no-all', 'The record ends without an all mechanism, so mail from any other server gets "neutral".', 'all', 'End the record with ~all or -all.'),
    );
  if (all && redirect)
    issues.push(recordIssue('warning', 'spf-redirect-ignored', 'redirect= is ignored when the record has an all mechanism (RFC 7208 §6.1).', 'redirect'));
  if (allIndex >= 0 && allIndex < mechanisms.length - 1)
    issues.push(
      recordIssue('warning', 'spf-terms-after-all', `Mechanisms after ${formatSpfTerm(all as SpfMechanism)} are never evaluated.`, 'all', 'Move all to the end.'),
    );
  if (mechanisms.some((term) => term.name === 'ptr'))
    issues.push(
      recordIssue('warning', 'spf-ptr', 'The ptr mechanism is slow and unreliable; RFC 7208 §5.5 says it SHOULD NOT be used, and some receivers ignore it.', 'ptr', 'Replace ptr with ip4/ip6 or a.'),
    );
  for (const term of record.terms)
    if (term.kind === 'modifier' && MECHANISMS.includes(term.name.toLowerCase()))
      issues.push(
        recordIssue(
          'warning',
          'spf-modifier-typo',
          `${term.name}=${term.value} is read as an unknown modifier and ignored; mechanisms take a colon.`,
          term.name,
          `Write ${term.name.toLowerCase()}:${term.value}.`,
        ),
      );
  const seen = new Set<string>();
  for (const term of record.terms) {
    const text = formatSpfTerm(term).replace(/^[+]/, '').toLowerCase();
    if (seen.has(text))
      issues.push(recordIssue('warning', 'spf-duplicate-term', `${formatSpfTerm(term)} appears more than once.`, formatSpfTerm(term), 'Remove the repetition.'));
    seen.add(text);
  }
  const lookups = countDirectSpfLookups(record);
  if (lookups > MAX_SPF_DNS_LOOKUPS)
    issues.push(
      recordIssue('error', 'spf-too-many-lookups', `The record needs ${lookups} DNS lookups by itself; receivers stop at ${MAX_SPF_DNS_LOOKUPS} with a permerror (RFC 7208 §4.6.4).`, undefined, 'Replace includes of services you no longer use, or a/mx with ip4/ip6.'),
    );
  const bytes = txtByteLength(formatSpfRecord(record));
  if (bytes > MAX_TXT_STRING_BYTES)
    issues.push(recordIssue('info', 'spf-split-strings', `The record is ${bytes} bytes, so it must be published as several strings of at most 255 bytes (joined without spaces by receivers).`));
  if (bytes > RECOMMENDED_SPF_BYTES)
    issues.push(recordIssue('warning', 'spf-too-long', `The record is ${bytes} bytes; RFC 7208 §3.4 advises staying under ${RECOMMENDED_SPF_BYTES} so the answer fits one UDP packet.`));
  if (record.terms.some((term) => formatSpfTerm(term).includes('%')))
    issues.push(recordIssue('info', 'spf-macros', 'The record uses macros (%{…}); they are expanded per message, so lookups through them cannot be followed here.'));
  return issues;
}

/** RFC 7208 §4.5: more than one SPF record at a name is a permerror. */
export function checkSpfRecordCount(txtValues: readonly string[]): RecordIssue[] {
  const count = txtValues.filter(isSpfRecordText).length;
  if (count > 1)
    return [
      recordIssue('error', 'spf-multiple-records', `The domain publishes ${count} SPF records; receivers then return permerror and SPF fails for all mail (RFC 7208 §4.5).`, undefined, 'Merge them into one record.'),
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
    { tag: 'v', value: 'spf1', meaning: 'Marks the record as SPF version 1.' },
    ...record.terms.map((term) => ({ tag: term.name, value: formatSpfTerm(term), meaning: explainSpfTerm(term) })),
  ];
}

export function explainSpfTerm(term: SpfTerm): string {
  if (term.kind === 'modifier') {
    if (term.name === 'redirect') return `When nothing else matches, use the SPF record of ${term.value} instead (one DNS lookup).`;
    if (term.name === 'exp') return `On fail, receivers may show the explanation published at ${term.value}.`;
    return 'An unknown modifier; receivers ignore it.';
  }
  const result = QUALIFIER_MEANING[term.qualifier ?? '+'];
  const target = term.domainSpec ?? 'this domain';
  const cidr =
    term.ip4Cidr !== undefined || term.ip6Cidr !== undefined
      ? ` (networks /${term.ip4Cidr ?? 32} for IPv4, /${term.ip6Cidr ?? 128} for IPv6)`
      : '';
  switch (term.name) {
    case 'all':
      return `Every other server: ${result}.`;
    case 'include':
      return `Servers allowed by the SPF record of ${target}: ${result} (one DNS lookup, plus whatever that record costs).`;
    case 'a':
      return `The addresses of ${target}${cidr}: ${result} (one DNS lookup).`;
    case 'mx':
      return `The mail servers (MX) of ${target}${cidr}: ${result} (one DNS lookup, plus one per MX host).`;
    case 'ptr':
      return `Servers whose reverse DNS name ends in ${target}: ${result}. Discouraged by RFC 7208 §5.5.`;
    case 'ip4':
    case 'ip6':
      return `The address${term.ip4Cidr !== undefined || term.ip6Cidr !== undefined ? ' range' : ''} ${formatSpfTerm(term).replace(/^[+\-~?]?ip[46]:/, '')}: ${result} (no DNS lookup).`;
    case 'exists':
      return `If ${target} resolves to an address: ${result} (one DNS lookup; usually a macro-based rule).`;
  }
}
