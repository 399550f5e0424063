// Constructed reports for core/store tests: small, with every field the store and the summaries read.
import type {
  AggregateRecord,
  AggregateReport,
  ParsedReport,
  RecordProfile,
  TlsReport,
} from '../../../core/report/types';

export const DAY = 86_400;
/** 2024-03-01T00:00:00Z */
export const MARCH_1 = 1_709_251_200;

export function record(overrides: Partial<AggregateRecord> = {}): AggregateRecord {
  return {
    sourceIp: '192.0.2.1',
    count: 1,
    disposition: 'none',
    dkim: 'pass',
    spf: 'pass',
    reasons: [],
    headerFrom: 'example.com',
    envelopeFrom: 'example.com',
    dkimResults: [{ domain: 'example.com', selector: 's1', result: 'pass' }],
    spfResults: [{ domain: 'example.com', scope: 'mfrom', result: 'pass' }],
    dkimAligned: true,
    spfAligned: true,
    ...overrides,
  };
}

export function aggregate(
  orgName: string,
  reportId: string,
  records: AggregateRecord[],
  options: { domain?: string; begin?: number; end?: number } = {},
): ParsedReport<AggregateReport> {
  const begin = options.begin ?? MARCH_1;
  return {
    report: {
      kind: 'aggregate',
      metadata: {
        orgName,
        email: `noreply@${orgName}`,
        reportId,
        begin,
        end: options.end ?? begin + DAY - 1,
        errors: [],
      },
      policy: { domain: options.domain ?? 'example.com', p: 'none', adkim: 'r', aspf: 'r' },
      records,
    },
    warnings: [],
    path: [],
  };
}

export function tls(orgName: string, reportId: string): ParsedReport<TlsReport> {
  return {
    report: {
      kind: 'tls',
      organizationName: orgName,
      reportId,
      begin: MARCH_1,
      end: MARCH_1 + DAY - 1,
      policies: [
        {
          policyType: 'sts',
          policyString: [],
          policyDomain: 'example.com',
          mxHost: ['mx.example.com'],
          successfulSessions: 10,
          failedSessions: 2,
          failureDetails: [
            { resultType: 'certificate-expired', receivingMxHostname: 'mx.example.com', failedSessionCount: 2 },
          ],
        },
      ],
    },
    warnings: [],
    path: [],
  };
}

/**
 * Values each profile field takes in real reports (for a list: per field of its items), undefined where a field may be
 * absent. Typed against RecordProfile, so a field added to records fails the type check here until it has values.
 */
type OtherValues<V> = [NonNullable<V>] extends [ReadonlyArray<infer Item>]
  ? { [K in keyof Item]-?: Array<Item[K]> }
  : V[];
export const OTHER_VALUES: { [K in keyof RecordProfile]-?: OtherValues<RecordProfile[K]> } = {
  disposition: ['none', 'quarantine', 'reject', 'pass'],
  dkim: ['pass', 'fail'],
  spf: ['pass', 'fail'],
  reasons: {
    type: ['forwarded', 'local_policy', 'mailing_list', 'other'],
    comment: [undefined, 'arc=pass', 'Sender is a known forwarder'],
    raw: [undefined, { type: 'Forwarded' }],
  },
  headerFrom: ['example.com', 'Example.com', 'mail.example.com'],
  dkimResults: {
    domain: ['example.com', 'sendgrid.net'],
    selector: [undefined, 's1', 'google', 'selector2'],
    result: ['pass', 'fail', 'none', 'temperror'],
    humanResult: [undefined, 'good signature', 'signature verification failed'],
    raw: [undefined, { result: 'Pass' }],
  },
  spfResults: {
    domain: ['example.com', 'amazonses.com'],
    scope: [undefined, 'mfrom', 'helo'],
    result: ['pass', 'softfail', 'neutral'],
    humanResult: [undefined, 'sender SPF authorized'],
    raw: [undefined, { result: 'PASS' }],
  },
  dkimAligned: [true, false],
  spfAligned: [true, false],
  envelopeFrom: [undefined, 'example.com', 'bounces.example.com'],
  envelopeTo: [undefined, 'example.net'],
  extensions: [undefined, { local: 'x' }],
  raw: [undefined, { disposition: 'None' }],
};
