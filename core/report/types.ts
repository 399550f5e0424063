// The typed shapes of every report DMARC Lens reads. Field names are the RFC words, camelCased.

/** RFC 7489 §6.3 / RFC 9990 §3.1 `disposition`; `pass` is new in RFC 9990. */
export type Disposition = 'none' | 'quarantine' | 'reject' | 'pass';
/** `policy_evaluated` dkim/spf verdict. */
export type DmarcVerdict = 'pass' | 'fail';
/** RFC 9990 DKIMResultType (RFC 8601 words). */
export type DkimResult = 'none' | 'pass' | 'fail' | 'policy' | 'neutral' | 'temperror' | 'permerror';
/** RFC 9990 SPFResultType (RFC 7208 §2.6 words). */
export type SpfResult = 'none' | 'neutral' | 'pass' | 'fail' | 'softfail' | 'temperror' | 'permerror';
/** RFC 7489 PolicyOverrideType plus RFC 9990 `policy_test_mode`. */
export type OverrideReason =
  'forwarded' | 'sampled_out' | 'trusted_forwarder' | 'mailing_list' | 'local_policy' | 'policy_test_mode' | 'other';
export type DmarcPolicy = 'none' | 'quarantine' | 'reject';
export type AlignmentMode = 'r' | 's';

/**
 * Values a reporter wrote differently from the normalized one, keyed by field name (e.g. `{result: 'Pass'}`).
 * Present only when something was normalized.
 */
export type RawValues = Record<string, string>;

export interface ReportMetadata {
  orgName: string;
  email: string;
  extraContactInfo?: string;
  reportId: string;
  /** Unix seconds, UTC. */
  begin: number;
  /** Unix seconds, UTC. */
  end: number;
  errors: string[];
  /** RFC 9990 `generator`. */
  generator?: string;
  raw?: RawValues;
}

export interface PolicyPublished {
  domain: string;
  p?: DmarcPolicy;
  sp?: DmarcPolicy;
  /** RFC 9989 non-existent subdomain policy. */
  np?: DmarcPolicy;
  adkim?: AlignmentMode;
  aspf?: AlignmentMode;
  /** RFC 7489 only; gone in RFC 9990. */
  pct?: number;
  fo?: string;
  /** RFC 9990 `testing` (t=y|n). */
  testing?: 'y' | 'n';
  /** RFC 9990 `discovery_method`. */
  discoveryMethod?: 'psl' | 'treewalk';
  raw?: RawValues;
}

export interface PolicyOverride {
  type: OverrideReason;
  comment?: string;
  raw?: RawValues;
}

export interface DkimAuthResult {
  domain: string;
  selector?: string;
  result: DkimResult;
  humanResult?: string;
  raw?: RawValues;
}

export interface SpfAuthResult {
  domain: string;
  scope?: 'mfrom' | 'helo';
  result: SpfResult;
  humanResult?: string;
  raw?: RawValues;
}

export interface AggregateRecord {
  sourceIp: string;
  count: number;
  /** policy_evaluated as the receiver applied it. */
  disposition: Disposition;
  dkim: DmarcVerdict;
  spf: DmarcVerdict;
  reasons: PolicyOverride[];
  headerFrom: string;
  envelopeFrom?: string;
  envelopeTo?: string;
  dkimResults: DkimAuthResult[];
  spfResults: SpfAuthResult[];
  /** Recomputed from auth_results (RFC 7489 §3.1) under the published adkim mode. */
  dkimAligned: boolean;
  /** Recomputed from auth_results (RFC 7489 §3.1) under the published aspf mode. */
  spfAligned: boolean;
  /** Unknown child elements kept as text (RFC 9990 `extension` and vendor additions). */
  extensions?: Record<string, unknown>;
  raw?: RawValues;
}

/** What a record says besides who sent it and how many messages: records of one source and outcome share it. */
export type RecordProfile = Omit<AggregateRecord, 'sourceIp' | 'count'>;

export interface AggregateReport {
  kind: 'aggregate';
  /** `<version>` as written; unreliable (absent, 0, 0.1, 1.0, 2.0 all seen). */
  version?: string;
  /** XML namespace of `<feedback>`, when one was declared. */
  namespace?: string;
  metadata: ReportMetadata;
  policy: PolicyPublished;
  /** Report-level `<extension>` content. */
  extension?: Record<string, unknown>;
  records: AggregateRecord[];
}

/** RFC 5965 / RFC 6591 / RFC 9991 failure (forensic) report. */
export interface FailureReport {
  kind: 'failure';
  /** `message/feedback-report` present (ARF), or read from a plain-text body. */
  format: 'arf' | 'text';
  feedbackType: string;
  userAgent?: string;
  version?: string;
  authFailure?: string;
  reportedDomain?: string;
  sourceIp?: string;
  arrivalDate?: string;
  /** Unix seconds, when arrivalDate could be read. */
  arrivalTime?: number;
  originalMailFrom?: string;
  originalRcptTo?: string;
  authenticationResults?: string;
  dkimDomain?: string;
  dkimIdentity?: string;
  dkimSelector?: string;
  spfDns?: string;
  deliveryResult?: string;
  identityAlignment?: string;
  reportedUri?: string[];
  /** From the report message itself. */
  reporter?: { from?: string; subject?: string; date?: string };
  /** Headers of the message that failed, from the message/rfc822 or text/rfc822-headers part. */
  original?: {
    from?: string;
    to?: string;
    subject?: string;
    date?: string;
    messageId?: string;
    /**
     * Whether the part held only the header (text/rfc822-headers) rather than the whole message; absent in reports
     * stored before it was kept.
     */
    headersOnly?: boolean;
    headers: Array<[name: string, value: string]>;
  };
  /** Every field of the feedback-report part, names lower-cased, in order. */
  fields: Array<[name: string, value: string]>;
}

/** RFC 8460 §4.4 result-type words. */
export type TlsFailureType = string;

export interface TlsFailureDetail {
  resultType: TlsFailureType;
  sendingMtaIp?: string;
  receivingMxHostname?: string;
  receivingMxHelo?: string;
  receivingIp?: string;
  failedSessionCount: number;
  additionalInformation?: string;
  failureReasonCode?: string;
}

export interface TlsPolicyResult {
  /** RFC 8460's three words, or whatever else a reporter wrote (`string & {}` keeps the three visible to editors). */
  policyType: 'tlsa' | 'sts' | 'no-policy-found' | (string & {});
  policyString: string[];
  policyDomain: string;
  mxHost: string[];
  successfulSessions: number;
  failedSessions: number;
  failureDetails: TlsFailureDetail[];
}

/** RFC 8460 SMTP TLS report. */
export interface TlsReport {
  kind: 'tls';
  organizationName: string;
  contactInfo?: string;
  reportId: string;
  /** Unix seconds. */
  begin: number;
  end: number;
  policies: TlsPolicyResult[];
}

export type Report = AggregateReport | FailureReport | TlsReport;

/** Where inside the input file a report was found, e.g. `["message 3", "google.com!x!1!2.zip", "report.xml"]`. */
export type ReportPath = string[];

export interface ParsedReport<R extends Report = Report> {
  report: R;
  /** Oddities recovered from while reading this report (repairs, normalizations, skipped parts). */
  warnings: string[];
  path: ReportPath;
}

export type ReportErrorCode =
  /** Zero bytes, or only whitespace, or the literal `unused` payload. */
  | 'empty'
  /** Readable, but no DMARC aggregate, failure or TLS report inside (an image, a letter, an abuse report…). */
  | 'not-a-report'
  /** A gzip or zip that cannot be decompressed. */
  | 'corrupt-archive'
  /** A size, ratio, depth or count limit was hit (see core/report/limits.ts). */
  | 'too-large'
  /** A password-protected zip, PGP or S/MIME encrypted content. */
  | 'encrypted'
  /** A container or variant we recognise but cannot read (e.g. zip compression method other than deflate/store). */
  | 'unsupported'
  /** XML too broken to recover, or a DOCTYPE / entity declaration (refused: entity expansion). */
  | 'malformed'
  /** The caller cancelled. */
  | 'aborted';

export interface ReportError {
  code: ReportErrorCode;
  /**
   * Human sentence naming the file and the problem: a sentence of the catalogue in English, which readReportMessage
   * reads back into its key and parameters for the reader's language.
   */
  message: string;
}

export type ParseResult =
  { ok: true; reports: ParsedReport[]; warnings: string[] } | { ok: false; error: ReportError; warnings: string[] };
