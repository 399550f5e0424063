// Shapes shared by every record module: the issues a check reports, the result of parsing untrusted record text,
// and the injected DNS resolver (core never does I/O itself; the site passes a DNS-over-HTTPS one, tests a fake).

export type IssueSeverity = 'error' | 'warning' | 'info';

/** One finding about a record: an RFC violation (error), a risk (warning) or advice (info), with the fix. */
export interface RecordIssue {
  severity: IssueSeverity;
  /** Stable machine word, e.g. `dmarc-missing-version`, `spf-too-many-lookups`. */
  code: string;
  /** One human sentence saying what is wrong. */
  message: string;
  /** What to do about it, when there is something to do. */
  fix?: string;
  /** The tag or term the issue is about. */
  tag?: string;
}

/** Parsing never throws on untrusted text: a record (perhaps with issues) or the issues that stopped it. */
export type RecordParseResult<R> =
  | { ok: true; record: R; issues: RecordIssue[] }
  | { ok: false; issues: RecordIssue[] };

/** A tag or term of a record and one sentence saying what it does here. */
export interface TagExplanation {
  tag: string;
  value: string;
  meaning: string;
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
  /** SERVFAIL, timeout, network error: RFC 7208 §2.6.6 temperror territory. */
  | { status: 'error'; message: string };

/** Injected DNS lookup (like postalsys/mailauth's `resolver` parameter), so core/records stays pure. */
export type DnsResolver = (name: string, type: DnsRecordType) => Promise<DnsAnswer>;

/** Calls a resolver and turns a throw or a malformed answer into an `error` answer. */
export async function askResolver(resolver: DnsResolver, name: string, type: DnsRecordType): Promise<DnsAnswer> {
  try {
    const answer = await resolver(name, type);
    if (answer && typeof answer === 'object' && 'status' in answer) return answer;
    return { status: 'error', message: `the resolver gave no usable answer for ${name} ${type}` };
  } catch (error) {
    return { status: 'error', message: `lookup of ${name} ${type} failed: ${String(error)}` };
  }
}

/** Builds an issue, leaving out the optional fields that are not given. */
export function recordIssue(severity: IssueSeverity, code: string, message: string, tag?: string, fix?: string): RecordIssue {
  return { severity, code, message, ...(tag === undefined ? {} : { tag }), ...(fix === undefined ? {} : { fix }) };
}

export function hasErrors(issues: readonly RecordIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
