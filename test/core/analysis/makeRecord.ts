// Test helper: aggregate records and reports built from the few fields a test cares about.
import type { StoredRecord } from '../../../core/report/recordDigest';
import type { AggregateRecord, AggregateReport, PolicyPublished } from '../../../core/report/types';
import { isDkimAligned, isSpfAligned } from '../../../core/report/alignment';

export type RecordInput = Partial<Omit<AggregateRecord, 'dkimResults' | 'spfResults'>> & {
  dkim?: AggregateRecord['dkim'];
  spf?: AggregateRecord['spf'];
  dkimResults?: AggregateRecord['dkimResults'];
  spfResults?: AggregateRecord['spfResults'];
};

/** A record; dkim/spf verdicts and the aligned flags follow from the auth results unless given. */
export function makeRecord(
  input: RecordInput = {},
  policy: Pick<PolicyPublished, 'adkim' | 'aspf'> = {},
): AggregateRecord {
  const headerFrom = input.headerFrom ?? 'example.com';
  const dkimResults = input.dkimResults ?? [];
  const spfResults = input.spfResults ?? [];
  const dkimAligned = input.dkimAligned ?? isDkimAligned(dkimResults, headerFrom, policy.adkim ?? 'r');
  const spfAligned = input.spfAligned ?? isSpfAligned(spfResults, headerFrom, policy.aspf ?? 'r');
  return {
    sourceIp: input.sourceIp ?? '192.0.2.10',
    count: input.count ?? 1,
    disposition: input.disposition ?? 'none',
    dkim: input.dkim ?? (dkimAligned ? 'pass' : 'fail'),
    spf: input.spf ?? (spfAligned ? 'pass' : 'fail'),
    reasons: input.reasons ?? [],
    headerFrom,
    ...(input.envelopeFrom !== undefined ? { envelopeFrom: input.envelopeFrom } : {}),
    dkimResults,
    spfResults,
    dkimAligned,
    spfAligned,
  };
}

export function makeReport(
  records: AggregateRecord[],
  options: {
    policy?: Partial<PolicyPublished>;
    begin?: number;
    end?: number;
    orgName?: string;
    reportId?: string;
  } = {},
): AggregateReport {
  const begin = options.begin ?? Date.UTC(2026, 0, 1) / 1000;
  return {
    kind: 'aggregate',
    metadata: {
      orgName: options.orgName ?? 'receiver.example',
      email: 'dmarc@receiver.example',
      reportId: options.reportId ?? `r-${begin}`,
      begin,
      end: options.end ?? begin + 86_399,
      errors: [],
    },
    policy: { domain: 'example.com', p: 'none', ...options.policy },
    records,
  };
}

/** The records of `reports` as the store hands them over, each report keyed `report-<its index>`. */
export function storedRecordsOf(reports: readonly AggregateReport[]): StoredRecord[] {
  return reports.flatMap((report, r) =>
    report.records.map((record, i) => ({
      id: [report.policy.domain, report.metadata.begin, `report-${r}`, i],
      reportKey: `report-${r}`,
      domain: report.policy.domain,
      orgName: report.metadata.orgName,
      begin: report.metadata.begin,
      end: report.metadata.end,
      record,
    })),
  );
}
