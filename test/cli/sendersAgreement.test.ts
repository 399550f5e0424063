// The Senders page, the dashboard and `dmarc-lens senders` agree on every figure, per policy domain, for every real
// report we hold (../shared/corpus when it is beside the checkout, else the committed fixtures): the page's analysis
// (analyzeSenders, which SendersTable calls), the dashboard's summary of the same reports as stored records
// (summarizeRecords, which useDashboardData feeds) and the command's JSON lines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeSenders, policyDomainsOf } from '../../core/analysis/analyzeSenders';
import { normalizeDomain } from '../../core/report/alignment';
import { parseReport } from '../../core/report/parseReport';
import type { AggregateReport } from '../../core/report/types';
import { ALL_TIME } from '../../core/analysis/period';
import { summarizeRecords } from '../../core/analysis/summarizeRecords';
import type { StoredRecord } from '../../core/report/recordDigest';
import { runSenders } from '../../cli/senders';
import type { CliIo } from '../../cli/main';
import { asnTableBytes, loadAsnTableForTest } from '../core/analysis/asnTableFile';
import { FIXTURE_REPORTS, readManifest, SHARED_CORPUS } from '../corpus/readManifest';

const corpus = readManifest(`${SHARED_CORPUS}MANIFEST.tsv`);
const root = corpus.length > 0 ? SHARED_CORPUS : FIXTURE_REPORTS;
const files = (corpus.length > 0 ? corpus : readManifest(`${FIXTURE_REPORTS}PROVENANCE.tsv`))
  .filter((entry) => entry.reportType === 'aggregate')
  .map((entry) => root + entry.relativePath);

interface CliSource {
  name: string;
  type: string;
  class: string;
  messages: number;
  byClass: Record<string, number>;
  ips: string[];
  reason: string;
}

interface CliLine {
  domain: string;
  messages: number;
  dmarcPass: number;
  distinctIps: number;
  spoofedMessages: number;
  sources: CliSource[];
}

/** The figures all three must give for one domain, in one shape. */
interface Figures {
  messages: number;
  dmarcPass: number;
  distinctIps: number;
  spoofedMessages: number;
  sources: Array<{ name: string; class: string; messages: number; byClass: Record<string, number>; ips: string[] }>;
}

async function readReports(): Promise<AggregateReport[]> {
  const reports: AggregateReport[] = [];
  for (const file of files) {
    const result = await parseReport(new Uint8Array(readFileSync(file)), { fileName: file.split('/').pop()! });
    if (!result.ok) continue;
    for (const { report } of result.reports) if (report.kind === 'aggregate') reports.push(report);
  }
  return reports;
}

/** The reports' records as the store hands them to the dashboard. */
function stored(reports: readonly AggregateReport[]): StoredRecord[] {
  return reports.flatMap((report, r) =>
    report.records.map((record, i) => ({
      id: [normalizeDomain(report.policy.domain), report.metadata.begin, `report-${r}`, i] as StoredRecord['id'],
      reportKey: `report-${r}`,
      domain: normalizeDomain(report.policy.domain),
      orgName: report.metadata.orgName,
      begin: report.metadata.begin,
      end: report.metadata.end,
      record,
    })),
  );
}

async function cliLines(asnTablePath: string): Promise<CliLine[]> {
  let out = '';
  const errors: string[] = [];
  const io: CliIo = {
    out: { closed: false, write: (text) => void (out += text), ready: () => Promise.resolve() },
    err: (line) => void errors.push(line),
  };
  await runSenders(['--asn-table', asnTablePath, ...files], io);
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CliLine);
}

const sortedIps = (ips: Iterable<string>) => [...ips].sort();

describe.skipIf(files.length === 0)('the Senders page, the dashboard and the CLI', () => {
  it('agree on every figure for every policy domain', { timeout: 120_000 }, async () => {
    const reports = await readReports();
    const asnTable = loadAsnTableForTest();
    asnTableBytes();
    const tablePath = new URL('../../site/public/data/asn-table.bin', import.meta.url).pathname;
    const cli = new Map((await cliLines(tablePath)).map((line) => [line.domain, line]));
    const domains = policyDomainsOf(reports);
    expect([...cli.keys()]).toEqual(domains);
    let compared = 0;
    for (const domain of domains) {
      const page = analyzeSenders(reports, { domain, asnTable });
      const pageFigures: Figures = {
        messages: page.messages,
        dmarcPass: page.dmarcPass,
        distinctIps: page.distinctIps,
        spoofedMessages: page.spoofedMessages,
        sources: page.sources.map((s) => ({
          name: s.name,
          class: s.class,
          messages: s.messages,
          byClass: s.byClass,
          ips: sortedIps(s.ips),
        })),
      };
      const own = reports.filter((r) => normalizeDomain(r.policy.domain) === domain);
      const dashboard = summarizeRecords(stored(own), ALL_TIME, { asnTable });
      const dashboardFigures: Figures = {
        messages: dashboard.totals.messages,
        dmarcPass: dashboard.totals.dmarcPass,
        distinctIps: dashboard.totals.sources,
        spoofedMessages: dashboard.sources.reduce((n, g) => n + g.classification.spoofed, 0),
        sources: dashboard.sources.map((g) => ({
          name: g.name,
          class: g.sourceClass,
          messages: g.messages,
          byClass: { ...g.classification.byClass },
          ips: sortedIps(g.ips.map((ip) => ip.ip)),
        })),
      };
      const line = cli.get(domain)!;
      const cliFigures: Figures = {
        messages: line.messages,
        dmarcPass: line.dmarcPass,
        distinctIps: line.distinctIps,
        spoofedMessages: line.spoofedMessages,
        sources: line.sources.map((s) => ({
          name: s.name,
          class: s.class,
          messages: s.messages,
          byClass: s.byClass,
          ips: sortedIps(s.ips),
        })),
      };
      expect(dashboardFigures, `dashboard, ${domain}`).toEqual(pageFigures);
      expect(cliFigures, `CLI, ${domain}`).toEqual(pageFigures);
      compared += page.sources.length;
    }
    expect(compared).toBeGreaterThan(domains.length);
  });
});
