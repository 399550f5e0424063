// The few numbers a person wants from one report at a glance (the extension's inline card, the CLI, the import list).
import type { AggregateRecord, AggregateReport, FailureReport, Report, TlsReport } from '../report';

export interface FailingSource {
  sourceIp: string;
  messages: number;
  headerFrom: string;
}

export interface AggregateSummary {
  kind: 'aggregate';
  orgName: string;
  domain: string;
  begin: number;
  end: number;
  messages: number;
  /** Messages the receiver saw pass DMARC (policy_evaluated dkim or spf = pass). */
  dmarcPass: number;
  /** dmarcPass / messages, 0..1 (1 when there are no messages: nothing failed). */
  dmarcPassRate: number;
  dkimAlignedRate: number;
  spfAlignedRate: number;
  sources: number;
  /** Sources with the most DMARC-failing messages, largest first. */
  topFailingSources: FailingSource[];
}

export interface TlsSummary {
  kind: 'tls';
  orgName: string;
  domain: string;
  begin: number;
  end: number;
  successfulSessions: number;
  failedSessions: number;
  failureTypes: string[];
}

export interface FailureSummary {
  kind: 'failure';
  orgName: string;
  domain: string;
  sourceIp: string;
  authFailure: string;
  arrivalTime?: number;
}

export type ReportSummary = AggregateSummary | TlsSummary | FailureSummary;

/**
 * The receiver's verdict: DMARC passed when policy_evaluated shows either identifier passing aligned (RFC 7489
 * §6.6.2). Compare `passesByVerdictOrAlignment` (classifyRecord.ts), which also trusts recomputed alignment.
 */
export function receiverPassedDmarc(record: Pick<AggregateRecord, 'dkim' | 'spf'>): boolean {
  return record.dkim === 'pass' || record.spf === 'pass';
}

const TOP_FAILING = 5;

function rate(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export function summarizeAggregate(report: AggregateReport): AggregateSummary {
  let messages = 0;
  let dmarcPass = 0;
  let dkimAligned = 0;
  let spfAligned = 0;
  const failing = new Map<string, FailingSource>();
  const sources = new Set<string>();
  for (const record of report.records) {
    messages += record.count;
    sources.add(record.sourceIp);
    if (record.dkimAligned) dkimAligned += record.count;
    if (record.spfAligned) spfAligned += record.count;
    if (receiverPassedDmarc(record)) {
      dmarcPass += record.count;
      continue;
    }
    const source = failing.get(record.sourceIp) ?? {
      sourceIp: record.sourceIp,
      messages: 0,
      headerFrom: record.headerFrom,
    };
    source.messages += record.count;
    failing.set(record.sourceIp, source);
  }
  return {
    kind: 'aggregate',
    orgName: report.metadata.orgName,
    domain: report.policy.domain,
    begin: report.metadata.begin,
    end: report.metadata.end,
    messages,
    dmarcPass,
    dmarcPassRate: rate(dmarcPass, messages),
    dkimAlignedRate: rate(dkimAligned, messages),
    spfAlignedRate: rate(spfAligned, messages),
    sources: sources.size,
    topFailingSources: [...failing.values()].sort((a, b) => b.messages - a.messages).slice(0, TOP_FAILING),
  };
}

function summarizeTls(report: TlsReport): TlsSummary {
  const failureTypes = new Set<string>();
  for (const policy of report.policies) for (const detail of policy.failureDetails) failureTypes.add(detail.resultType);
  return {
    kind: 'tls',
    orgName: report.organizationName,
    domain: report.policies[0]?.policyDomain ?? '',
    begin: report.begin,
    end: report.end,
    successfulSessions: report.policies.reduce((sum, p) => sum + p.successfulSessions, 0),
    failedSessions: report.policies.reduce((sum, p) => sum + p.failedSessions, 0),
    failureTypes: [...failureTypes],
  };
}

function summarizeFailure(report: FailureReport): FailureSummary {
  const summary: FailureSummary = {
    kind: 'failure',
    orgName: report.userAgent ?? report.reporter?.from ?? '',
    domain: report.reportedDomain ?? '',
    sourceIp: report.sourceIp ?? '',
    authFailure: report.authFailure ?? '',
  };
  if (report.arrivalTime !== undefined) summary.arrivalTime = report.arrivalTime;
  return summary;
}

export function summarizeReport(report: AggregateReport): AggregateSummary;
export function summarizeReport(report: Report): ReportSummary;
export function summarizeReport(report: Report): ReportSummary {
  switch (report.kind) {
    case 'aggregate':
      return summarizeAggregate(report);
    case 'tls':
      return summarizeTls(report);
    case 'failure':
      return summarizeFailure(report);
  }
}
