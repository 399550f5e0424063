// The overview's order, search and links, and the domain picker's order, on rows made by core/analysis overviewDomain
// from real reports of three domains (their figures are checked against the XML in
// test/core/analysis/overviewDomain.test.ts).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { overviewDomain, type DomainOverview } from '../../../core/analysis/overviewDomain';
import { ALL_TIME } from '../../../core/analysis/period';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateReport } from '../../../core/report/types';
import { domainsByVolume } from '../../../site/src/overview/DomainPicker';
import { dashboardLink, presetOfHash } from '../../../site/src/overview/OverviewPage';
import { sortOverview } from '../../../site/src/overview/sortOverview';
import { FIXTURE_REPORTS } from '../../corpus/readManifest';

const FILES = [
  'freitagsrunde__dmarc-report-aggregator/aol.eml',
  'freitagsrunde__dmarc-report-aggregator/mailru.eml',
  'freitagsrunde__dmarc-report-aggregator/outlook.eml',
  'freitagsrunde__dmarc-report-aggregator/google.eml',
  'stalwartlabs__mail-auth/003.xml',
  'stalwartlabs__mail-auth/103.eml',
  'stalwartlabs__mail-auth/100.eml',
  'mjl-__mox/yahoo.eml',
  'mjl-__mox/mailru.eml',
  'mjl-__mox/xs4all.eml',
];

let rows: DomainOverview[] = [];
beforeAll(async () => {
  const reports: AggregateReport[] = [];
  for (const path of FILES) {
    const result = await parseReport(new Uint8Array(readFileSync(FIXTURE_REPORTS + path)), { fileName: path });
    if (!result.ok) throw new Error(path);
    for (const parsed of result.reports) if (parsed.report.kind === 'aggregate') reports.push(parsed.report);
  }
  const options = { period: ALL_TIME, sparkWindow: { from: 0, to: 0 } };
  rows = ['freitagsrunde.org', 'stalw.art', 'ueber.net'].map((domain) =>
    overviewDomain(
      domain,
      reports.map((report) => ({ report, importedAt: 1 })),
      options,
    ),
  );
});

const domains = (list: readonly DomainOverview[]) => list.map((r) => r.domain);

describe('sortOverview', () => {
  it('sorts by every column both ways, busiest first on ties', () => {
    // Messages 60, 11 and 3; DMARC pass 55/60, 2/11, 2/3.
    expect(domains(sortOverview(rows, { column: 'messages', descending: true }))).toEqual([
      'freitagsrunde.org',
      'stalw.art',
      'ueber.net',
    ]);
    expect(domains(sortOverview(rows, { column: 'pass', descending: false }))).toEqual([
      'stalw.art',
      'ueber.net',
      'freitagsrunde.org',
    ]);
    // p=none < p=quarantine < p=reject.
    expect(domains(sortOverview(rows, { column: 'policy', descending: true }))).toEqual([
      'ueber.net',
      'freitagsrunde.org',
      'stalw.art',
    ]);
    // Not ready first (freitagsrunde.org and stalw.art, the busier first), then at p=reject.
    expect(domains(sortOverview(rows, { column: 'readiness', descending: false }))).toEqual([
      'freitagsrunde.org',
      'stalw.art',
      'ueber.net',
    ]);
    expect(domains(sortOverview(rows, { column: 'domain', descending: true }))).toEqual([
      'ueber.net',
      'stalw.art',
      'freitagsrunde.org',
    ]);
  });

  it('keeps the domains whose name holds the search, in any case', () => {
    expect(domains(sortOverview(rows, { column: 'messages', descending: true }, ' .ART '))).toEqual(['stalw.art']);
    expect(sortOverview(rows, { column: 'messages', descending: true }, 'nothing')).toEqual([]);
  });
});

describe('dashboardLink', () => {
  const period = { from: Date.UTC(2025, 11, 25) / 1000, to: Date.UTC(2026, 0, 24) / 1000 };

  it('names the days of the last 30 days with data, so the dashboard shows the same ones', () => {
    expect(dashboardLink('stalw.art', 'recent', period)).toBe(
      '#/dashboard?domain=stalw.art&period=custom&from=2025-12-25&to=2026-01-23',
    );
  });

  it('passes any other period on as it is', () => {
    expect(dashboardLink('stalw.art', 'all', ALL_TIME)).toBe('#/dashboard?domain=stalw.art&period=all');
    expect(dashboardLink('stalw.art', '90', period)).toBe('#/dashboard?domain=stalw.art&period=90');
  });
});

describe('domainsByVolume', () => {
  it('puts the busiest first and domains with no aggregate messages last', () => {
    expect(
      domainsByVolume(
        ['a.example', 'b.example', 'tls-only.example'],
        [
          { domain: 'b.example', messages: 60 },
          { domain: 'a.example', messages: 11 },
          { domain: 'deleted.example', messages: 5 },
        ],
      ),
    ).toEqual([
      { domain: 'b.example', messages: 60 },
      { domain: 'a.example', messages: 11 },
      { domain: 'tls-only.example', messages: 0 },
    ]);
  });
});

describe('presetOfHash', () => {
  it('reads the period of an overview address, the last 30 days with data when it names none it offers', () => {
    expect(presetOfHash('#/overview?period=all')).toBe('all');
    expect(presetOfHash('#/overview?period=90')).toBe('90');
    for (const hash of ['', '#/', '#/overview', '#/overview?period=custom', '#/overview?period=bogus'])
      expect(presetOfHash(hash), hash).toBe('recent');
  });
});
