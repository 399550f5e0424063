// The domain overview's rows over real reports of six policy domains, against figures worked out by hand from their
// XML (the counts and policy_evaluated results quoted per domain below).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { overviewDomain, policiesSeen, type OverviewReport } from '../../../core/analysis/overviewDomain';
import { ALL_TIME } from '../../../core/analysis/period';
import { parseReport } from '../../../core/report/parseReport';

const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));
const J = 'jonzobrist__DMARC-Report-Manager/';

/** Each file with the import it arrives in: the December reports first, January's in a second import. */
const FILES: Array<[path: string, importedAt: number]> = [
  [`${J}comcast.net!secure.200permits.com!1766188800!1766275200.xml`, 1],
  [`${J}google.com!secure.200permits.com!1766361600!1766447999.xml`, 1],
  [`${J}protection.outlook.com!secure.200permits.com!1766448000!1766534400.xml`, 1],
  [`${J}google.com!secure.200permits.com!1768867200!1768953599(1).zip`, 2],
  [`${J}yahoo.co.uk!secure.200permits.com!1768953600!1769039999.xml.gz`, 2],
  [`${J}yahoo.com!secure.200permits.com!1768953600!1769039999.xml.gz`, 2],
  [`${J}aol.com!secure.200permits.com!1769126400!1769212799.xml.gz`, 2],
  ['freitagsrunde__dmarc-report-aggregator/aol.eml', 1],
  ['freitagsrunde__dmarc-report-aggregator/mailru.eml', 1],
  ['freitagsrunde__dmarc-report-aggregator/outlook.eml', 1],
  ['freitagsrunde__dmarc-report-aggregator/google.eml', 1],
  ['stalwartlabs__mail-auth/003.xml', 1],
  ['stalwartlabs__mail-auth/103.eml', 1],
  ['stalwartlabs__mail-auth/100.eml', 2],
  ['mjl-__mox/yahoo.eml', 1],
  ['mjl-__mox/mailru.eml', 1],
  ['mjl-__mox/xs4all.eml', 1],
  ['stuartmaxwell__dmarc-report/dmarc-feedback_namespace.xml', 1],
  ['stuartmaxwell__dmarc-report/dmarc-empty-sp.xml', 1],
  ['stuartmaxwell__dmarc-report/multiple_reports.zip', 1],
];

const DAY = 86_400;
const JAN_19_2026 = Date.UTC(2026, 0, 19) / 1000;
const options = { period: ALL_TIME, sparkWindow: { from: JAN_19_2026, to: JAN_19_2026 + 5 * DAY } };

let reports: OverviewReport[] = [];
beforeAll(async () => {
  reports = [];
  for (const [path, importedAt] of FILES) {
    const result = await parseReport(new Uint8Array(readFileSync(fixtures + path)), { fileName: path });
    if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
    for (const parsed of result.reports) {
      if (parsed.report.kind === 'aggregate') reports.push({ report: parsed.report, importedAt });
    }
  }
});

describe('overviewDomain', () => {
  it('secure.200permits.com: seven reports, every message passing, p=reject seen alike by every reporter', () => {
    // Counts 1 (comcast) + 1 + 26 (google, 22 Dec) + 1 + 3 + 1 (Outlook) + 1 + 48 + 3 (google, 20 Jan) + 1
    // (yahoo.co.uk) + 16 + 1 + 1 (yahoo.com) + 5 (aol.com) = 109, each record with dkim or spf pass in
    // policy_evaluated. The days of 19–23 January: google's 52 on the 20th, Yahoo's 1 + 18 on the 21st, 5 on the 23rd.
    // Yahoo writes no <sp> (so sp is p, reject); google's newest report, of 20 January, says sp=reject.
    const row = overviewDomain('secure.200permits.com', reports, options);
    expect(row).toMatchObject({ domain: 'secure.200permits.com', messages: 109, dmarcPass: 109, reports: 7 });
    expect(row.spark.map((d) => [d.day, d.messages, d.dmarcPass])).toEqual([
      ['2026-01-19', 0, 0],
      ['2026-01-20', 52, 52],
      ['2026-01-21', 19, 19],
      ['2026-01-22', 0, 0],
      ['2026-01-23', 5, 5],
    ]);
    expect(row.policies).toEqual([{ p: 'reject', sp: 'reject', pct: 100, reporters: ['Yahoo', 'google.com'] }]);
    expect(row.readiness).toEqual({ state: 'at-reject', current: 'p=reject', blockers: 0 });
    // 74.208.4.196 and 74.208.4.197 first appear in Yahoo's report of 21 January (the second import), after the
    // December reports, which have only 52.4.242.136; without the ASN table each address is its own source.
    expect(row.newSources).toBe(2);
    expect(row.failingSources).toBe(0);
  });

  it('freitagsrunde.org: 60 messages of which 55 pass, quarantine at pct=10', () => {
    // Yahoo 53 (dkim and spf pass), Outlook 2 (pass), Mail.Ru 1 (fail), google 2 + 2 (fail): 55 of 60.
    const row = overviewDomain('freitagsrunde.org', reports, options);
    expect(row).toMatchObject({ messages: 60, dmarcPass: 55, reports: 4, newSources: 0 });
    // The newest report (google, 9 August 2023) and Outlook's of 4–5 August fall in the week before it.
    expect(row.policies).toEqual([
      { p: 'quarantine', sp: 'quarantine', pct: 10, reporters: ['Outlook.com', 'google.com'] },
    ]);
    expect(row.readiness).toMatchObject({ state: 'not-yet', current: 'p=quarantine pct=10', next: 'p=quarantine' });
    expect(row.spark.every((d) => d.messages === 0)).toBe(true);
  });

  it('stalw.art: 11 messages of which 2 pass; a source first seen in the second import is new', () => {
    // 003.xml: 3 + 4 + 1 failing, 1 with dkim pass (54.240.8.13); 103.eml 1 failing; 100.eml 1 passing.
    const row = overviewDomain('stalw.art', reports, options);
    expect(row).toMatchObject({ messages: 11, dmarcPass: 2, reports: 3, newSources: 1 });
    expect(row.policies).toEqual([{ p: 'none', sp: 'none', pct: 100, reporters: ['google.com'] }]);
    expect(row.readiness).toMatchObject({ state: 'not-yet', current: 'p=none', next: 'p=quarantine t=y' });
  });

  it('ueber.net: 3 messages, 2 pass, the failing one rejected; at p=reject', () => {
    const row = overviewDomain('ueber.net', reports, options);
    expect(row).toMatchObject({ messages: 3, dmarcPass: 2, reports: 3 });
    expect(row.readiness.state).toBe('at-reject');
    expect(row.byClass.suspicious).toBe(1);
  });

  it('example.com on 1 January 2020: reporters that disagree on sp are both listed', () => {
    // GMX and Google, Inc. saw sp=reject; Orange. wrote an empty <sp/>, so the subdomain policy is p's, quarantine.
    const row = overviewDomain('example.com', reports, options);
    expect(row).toMatchObject({ messages: 6, dmarcPass: 6, reports: 3 });
    expect(row.policies).toEqual([
      { p: 'quarantine', sp: 'reject', pct: 100, reporters: ['GMX', 'Google, Inc.'] },
      { p: 'quarantine', sp: 'quarantine', pct: 100, reporters: ['Orange.'] },
    ]);
  });

  it('counts only the share of the period a multi-day report reaches into', () => {
    // comcast.net's report runs from 20 December 00:00 to 21 December 00:00 (its end is the next day's first
    // second): its one message falls on the 20th.
    const dec20 = Date.UTC(2025, 11, 20) / 1000;
    const row = overviewDomain('secure.200permits.com', reports, {
      period: { from: dec20, to: dec20 + DAY },
      sparkWindow: { from: dec20, to: dec20 + DAY },
    });
    expect(row).toMatchObject({ messages: 1, dmarcPass: 1, reports: 1 });
  });
});

describe('policiesSeen', () => {
  it('takes a change of policy a month before for a change, not for reporters disagreeing', () => {
    const permits = reports.map((r) => r.report).filter((r) => r.policy.domain === 'secure.200permits.com');
    const ngynLike = permits.map((r, i) =>
      i < 3 ? { ...r, policy: { ...r.policy, p: 'none' as const, sp: 'none' as const } } : r,
    );
    // The December reports (made p=none here) end more than a week before the newest (23 January).
    expect(policiesSeen(ngynLike)).toEqual([
      { p: 'reject', sp: 'reject', pct: 100, reporters: ['Yahoo', 'google.com'] },
    ]);
  });
});
