// The failure list's pure parts on real failure reports: every address shows only its domain (the local part and the
// display name, which can be a person's name, are hidden), private headers are hidden whole; an undated report shows
// only in the period it was imported in; the aggregate source of the same address and day is found.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_TIME } from '../../../core/analysis/period';
import { summarizeRecords } from '../../../core/analysis/summarizeRecords';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateReport, FailureReport } from '../../../core/report/types';
import type { StoredFailureReport } from '../../../core/store/schema';
import { failuresInPeriod, matchingSource, redactAddress, redactHeader } from '../../../site/src/dashboard/failureView';

const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));

async function read(path: string) {
  const result = await parseReport(new Uint8Array(readFileSync(fixtures + path)), { fileName: path });
  const report = result.ok ? result.reports[0]?.report : undefined;
  if (!report) throw new Error(path);
  return report;
}

describe('redactAddress', () => {
  it.each([
    ['sender@example.com', 's***@example.com'],
    // The display names of real failure reports: linkedin's, domain.de's, stalwart's 004, sisimai's arf-18.
    ['Sender <sender@example.com>', 's***@example.com'],
    ['"Interaktive Wettbewerber-Übersicht" <sharepoint@domain.de>', 's***@domain.de'],
    ['"Rolf Bader" <info@interpublication.org>', 'i***@interpublication.org'],
    ['Sironeko <sironeko@example.org>', 's***@example.org'],
    ['"Doe, John" <john@example.com>', 'j***@example.com'],
    ['<user@example.com>', 'u***@example.com'],
    ['a@x.test, Bob Smith <bob@y.test>', 'a***@x.test, b***@y.test'],
    ['bounce+srs=abc=x@lists.example.org', 'b***@lists.example.org'],
  ])('%j shows as %j', (address, shown) => expect(redactAddress(address)).toBe(shown));

  it('leaves text without an address as it is, and shows a dash for none', () => {
    expect(redactAddress('example.com')).toBe('example.com');
    expect(redactAddress(undefined)).toBe('–');
    expect(redactAddress('')).toBe('–');
  });
});

describe('redactHeader', () => {
  it('hides the subject whole, a From’s display name, and the local parts inside other headers', async () => {
    const report = (await read('domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml')) as FailureReport;
    const headers = new Map(report.original!.headers.map(([n, v]) => [n.toLowerCase(), v]));
    expect(redactHeader('Subject', headers.get('subject')!, '[redacted]')).toBe('[redacted]');
    expect(redactHeader('From', headers.get('from')!, '[redacted]')).toBe('s***@example.com');
    expect(redactHeader('Original-Mail-From', 'Sender <sender@example.com>', '[redacted]')).toBe('s***@example.com');
    expect(redactHeader('Received', 'from a.example by b.example for <jane.doe@example.com>;', 'x')).toBe(
      'from a.example by b.example for <j***@example.com>;',
    );
  });
});

/** A failure report as the store keeps it. */
function stored(report: FailureReport, begin: number, importedAt: number): StoredFailureReport {
  return {
    kind: 'failure',
    key: `k${begin}-${importedAt}`,
    domain: report.reportedDomain ?? '',
    orgName: report.userAgent ?? '',
    begin,
    end: begin,
    fileName: 'f.eml',
    path: [],
    warnings: [],
    importedAt,
    report,
  };
}

describe('failuresInPeriod', () => {
  it('shows stalwart’s undated report (no Arrival-Date) only in the period of the day it was imported', async () => {
    const report = (await read('stalwartlabs__mail-auth/004.eml')) as FailureReport;
    expect(report.arrivalTime).toBeUndefined();
    const undated = stored(report, 0, Date.UTC(2026, 2, 15, 18) /* 15 March 2026, 18:00 UTC */);
    const march15 = { from: Date.UTC(2026, 2, 15) / 1000, to: Date.UTC(2026, 2, 16) / 1000 };
    const march16 = { from: Date.UTC(2026, 2, 16) / 1000, to: Date.UTC(2026, 2, 17) / 1000 };
    expect(failuresInPeriod([undated], march15)).toEqual([undated]);
    expect(failuresInPeriod([undated], march16)).toEqual([]);
    expect(failuresInPeriod([undated], ALL_TIME)).toEqual([undated]);
  });
});

describe('matchingSource', () => {
  it('finds the aggregate record of the same address on the same day, and none on another day', async () => {
    // resend's report (Google, 2024-02-01 00:00:00 to 2024-02-02 00:00:00) has one record of 192.0.2.50, count 15.
    // A failure report from that address arriving at 10:00 on 1 February matches it; one a day later does not.
    const aggregate = (await read('resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml')) as AggregateReport;
    const { begin, end, orgName } = aggregate.metadata;
    const records = aggregate.records.map((record, i) => ({
      id: ['example.com', begin, 'k', i] as [string, number, string, number],
      reportKey: 'k',
      domain: 'example.com',
      orgName,
      begin,
      end,
      record,
    }));
    const groups = summarizeRecords(records, ALL_TIME).sources;
    const tenAm = Date.UTC(2024, 1, 1, 10) / 1000;
    const found = matchingSource({ sourceIp: '192.0.2.50', arrivalTime: tenAm }, groups);
    expect(found?.ip.ip).toBe('192.0.2.50');
    expect(found?.records.map((r) => [r.orgName, r.record.count])).toEqual([['Google Inc.', 15]]);
    // The report's end is the next midnight: 2 February is not a day it covers.
    expect(matchingSource({ sourceIp: '192.0.2.50', arrivalTime: tenAm + 86_400 }, groups)).toBeUndefined();
    expect(matchingSource({ sourceIp: '192.0.2.51', arrivalTime: tenAm }, groups)).toBeUndefined();
  });
});
