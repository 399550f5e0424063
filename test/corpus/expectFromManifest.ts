// What reading a corpus file must give, from its manifest line: exact records/messages for aggregate reports, the
// right report type for failure and TLS reports, the right error code for the negative samples.
import { expect } from 'vitest';
import type { ParseResult, TlsReport, FailureReport, AggregateReport } from '../../core/report/types';
import type { ManifestEntry } from './readManifest';
import { LEFT_OUT_RECORDS, REFUSED_REPORTS } from './refusedValues';

const ESTIMATE = /records=(\d+) messages=(\d+)/;
const TLS_TRUTH = /TLS-RPT policies=(\d+) sessions=(\d+) ok\/(\d+) fail/;
const REPORTED_DOMAIN = /reported-domain=(\S+)/;

function aggregates(result: ParseResult): AggregateReport[] {
  return result.ok
    ? result.reports.map((r) => r.report).filter((r): r is AggregateReport => r.kind === 'aggregate')
    : [];
}

export function expectFromManifest(entry: ManifestEntry, result: ParseResult): void {
  const type = entry.reportType;
  if (type === 'aggregate' && REFUSED_REPORTS[entry.relativePath] !== undefined) {
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect([result.error.code, result.error.message]).toEqual(['malformed', expect.stringContaining(' refused: ')]);
    return;
  }
  if (type === 'aggregate') {
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    const reports = aggregates(result);
    const records = reports.reduce((sum, r) => sum + r.records.length, 0);
    const messages = reports.reduce((sum, r) => sum + r.records.reduce((s, rec) => s + rec.count, 0), 0);
    const leftOut = LEFT_OUT_RECORDS[entry.relativePath];
    if (leftOut !== undefined) {
      expect({ records, messages }).toEqual({ records: leftOut.records, messages: leftOut.messages });
    } else if (entry.records !== undefined) {
      expect({ records, messages }).toEqual({ records: entry.records, messages: entry.messages });
    } else {
      // Python could not parse these malformed files; the manifest gives a count of <record> and <count> by regex.
      const estimate = ESTIMATE.exec(entry.notes);
      expect(estimate, `no estimate in notes of ${entry.relativePath}`).not.toBeNull();
      expect({ records, messages }).toEqual({ records: Number(estimate![1]), messages: Number(estimate![2]) });
    }
    return;
  }
  if (type === 'aggregate(empty)') {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('empty');
    return;
  }
  if (type === 'smtp-tls') {
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    const tls = result.ok
      ? (result.reports.find((r) => r.report.kind === 'tls')?.report as TlsReport | undefined)
      : undefined;
    expect(tls).toBeDefined();
    const truth = TLS_TRUTH.exec(entry.notes)!;
    expect({
      policies: tls!.policies.length,
      ok: tls!.policies.reduce((s, p) => s + p.successfulSessions, 0),
      fail: tls!.policies.reduce((s, p) => s + p.failedSessions, 0),
    }).toEqual({ policies: Number(truth[1]), ok: Number(truth[2]), fail: Number(truth[3]) });
    return;
  }
  if (type.startsWith('failure')) {
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    const failure = result.ok
      ? (result.reports.find((r) => r.report.kind === 'failure')?.report as FailureReport | undefined)
      : undefined;
    expect(failure).toBeDefined();
    expect(failure!.format).toBe(type === 'failure(no-ARF-part)' ? 'text' : 'arf');
    const domain = REPORTED_DOMAIN.exec(entry.notes)?.[1];
    if (domain) expect(failure!.reportedDomain).toBe(domain);
    return;
  }
  const expectedError: Record<string, string> = {
    'arf-abuse': 'unsupported',
    'broken-attachment': 'corrupt-archive',
    'negative(non-report attachment)': 'not-a-report',
  };
  expect(expectedError[type], `unknown report_type ${type}`).toBeDefined();
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.code).toBe(expectedError[type]);
}
