// Shapes shared by every record module: the issues a check reports, the result of parsing untrusted record text,
// and the injected DNS resolver (core never does I/O itself; the site passes a DNS-over-HTTPS one, tests a fake).
import { englishText, recordText, type DnsRecordSentence } from './recordTexts';

export type IssueSeverity = 'error' | 'warning' | 'info';

/** One finding about a record: an RFC violation (error), a risk (warning) or advice (info), with the fix. */
export interface RecordIssue {
  severity: IssueSeverity;
  /** Stable machine word, e.g. `dmarc-missing-version`, `spf-too-many-lookups`. */
  code: string;
  /** One human sentence saying what is wrong, in English. */
  message: string;
  /** The same sentence by id, for translation. */
  text: DnsRecordSentence;
  /** What to do about it, when there is something to do. */
  fix?: string;
  fixText?: DnsRecordSentence;
  /** The tag or term the issue is about. */
  tag?: string;
}

/** Parsing never throws on untrusted text: a record (perhaps with issues) or the issues that stopped it. */
export type RecordParseResult<R> =
  { ok: true; record: R; issues: RecordIssue[] } | { ok: false; issues: RecordIssue[] };

/** A tag or term of a record and one sentence saying what it does here. */
export interface TagExplanation {
  tag: string;
  value: string;
  /** In English; `meaningText` is the same sentence by id. */
  meaning: string;
  meaningText: DnsRecordSentence;
}

export function tagExplanation(tag: string, value: string, meaning: DnsRecordSentence): TagExplanation {
  return { tag, value, meaning: englishText(meaning), meaningText: meaning };
}

export type DnsRecordType = 'TXT' | 'A' | 'AAAA' | 'MX' | 'CNAME';

/**
 * The answer to one DNS question, in RFC words rather than exceptions. For TXT each answer is the list of its
 * character-strings (RFC 1035 §3.3.14), which the caller joins; for MX the exchange host names; for A/AAAA addresses;
 * for CNAME the target name.
 */
export type DnsAnswer =
  | { status: 'ok'; answers: string[][] }
  /** The name does not exist (RCODE 3). */
  | { status: 'nxdomain' }
  /** The name exists but has no record of the asked type. */
  | { status: 'nodata' }
  /** SERVFAIL, timeout, network error: RFC 7208 §2.6.6 temperror territory. `text` is `message` by id, when known. */
  | { status: 'error'; message: string; text?: DnsRecordSentence };

/** Injected DNS lookup (like postalsys/mailauth's `resolver` parameter), so core/dns stays pure. */
export type DnsResolver = (name: string, type: DnsRecordType) => Promise<DnsAnswer>;

/** Calls a resolver and turns a throw or a malformed answer into an `error` answer. */
export async function askResolver(resolver: DnsResolver, name: string, type: DnsRecordType): Promise<DnsAnswer> {
  try {
    const answer = await resolver(name, type);
    if (answer && typeof answer === 'object' && 'status' in answer) return answer;
    return dnsError(recordText('dns.unusable-answer', { name, type }));
  } catch (error) {
    return dnsError(recordText('dns.lookup-threw', { name, type, error: String(error) }));
  }
}

/** A failed DNS answer saying why. */
export function dnsError(text: DnsRecordSentence): Extract<DnsAnswer, { status: 'error' }> {
  return { status: 'error', message: englishText(text), text };
}

/** Why a DNS answer failed, as a sentence parameter: by id when the resolver gave one. */
export function dnsErrorReason(answer: { message: string; text?: DnsRecordSentence }): DnsRecordSentence | string {
  return answer.text ?? answer.message;
}

/** Builds an issue with its English sentences, leaving out the optional fields that are not given. */
export function recordIssue(
  severity: IssueSeverity,
  code: string,
  text: DnsRecordSentence,
  tag?: string,
  fix?: DnsRecordSentence,
): RecordIssue {
  return {
    severity,
    code,
    message: englishText(text),
    text,
    ...(tag === undefined ? {} : { tag }),
    ...(fix === undefined ? {} : { fix: englishText(fix), fixText: fix }),
  };
}

export function hasErrors(issues: readonly RecordIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
