// Constructed reports for core/store tests: small, with every field the store and the summaries read.
import type { AggregateRecord, AggregateReport, ParsedReport, TlsReport } from '../../../core/report/types';

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
