// Differential test of source grouping: what groupSources, analyzeSenders, SourceGrouper.classes, RecordSummarizer,
// simulatePolicy and assessReadiness return for every aggregate report of the corpus (../shared/corpus and
// test/fixtures/reports) and for generated reports (fast-check, fixed seed), held against groupingDifferential.json:
// the SHA-256 of each output of the straightforward implementation these replaced (one IP map lookup and one cell
// object per record), written before the faster one (the outputs themselves are megabytes). A change to grouping or
// classification that is meant to change results rewrites the file:
//   UPDATE_GROUPING_GOLDEN=1 npx vitest run test/core/analysis/groupingDifferential.test.ts
// On a mismatch the actual outputs are written to the system's temporary directory, to compare with those of the
// previous commit.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSenders } from '../../../core/analysis/analyzeSenders';
import { assessReadiness } from '../../../core/analysis/assessReadiness';
import { groupSources, SourceGrouper } from '../../../core/analysis/groupSources';
import { simulatePolicy } from '../../../core/analysis/simulatePolicy';
import { RecordSummarizer } from '../../../core/analysis/summarizeRecords';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateRecord, AggregateReport, DkimAuthResult, SpfAuthResult } from '../../../core/report/types';
import { makeBenchReports } from '../../bench/intelBenchCase';
import { FIXTURE_REPORTS, SHARED_CORPUS } from '../../corpus/readManifest';
import { loadAsnTableForTest } from './asnTableFile';
import { storedRecordsOf } from './makeRecord';

const GOLDEN = fileURLToPath(new URL('./groupingDifferential.json', import.meta.url));
const asnTable = loadAsnTableForTest();

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

async function corpusReports(): Promise<AggregateReport[]> {
  const reports: AggregateReport[] = [];
  for (const path of [...filesUnder(SHARED_CORPUS), ...filesUnder(FIXTURE_REPORTS)]) {
    if (/\.(tsv|md|json)$/i.test(path)) continue;
    const result = await parseReport(new Uint8Array(readFileSync(path)), { fileName: path });
    if (!result.ok) continue;
    for (const parsed of result.reports) if (parsed.report.kind === 'aggregate') reports.push(parsed.report);
  }
  return reports;
}

// Addresses that exercise every path an address can take: canonical IPv4 (some in networks the ASN table names),
// the same numbers written differently (leading zeros, spaces: other strings, so other sources), IPv6, unreadable.
const IPS = [
  '192.0.2.10',
  '192.0.2.11',
  '198.51.100.7',
  '167.89.0.12',
  '167.89.0.13',
  '209.85.220.41',
  '40.107.22.5',
  '52.95.48.10',
  '8.8.8.8',
  '0.0.0.0',
  '255.255.255.255',
  '10.0.0.1',
  '192.000.2.10',
  '192.0.2.010',
  ' 192.0.2.10',
  '192.0.2.10 ',
  '192.0.2',
  '192.0.2.256',
  '2001:db8::1',
  '2a00:1450:4864:20::42a',
  '2001:DB8::1',
  '::ffff:192.0.2.10',
  'not an address',
  '',
];
const DOMAINS = [
  'example.com',
  'mail.example.com',
  'Example.COM',
  'example.org',
  'sendgrid.net',
  'mcsv.net',
  'mail186.suw11.mcdlv.net',
  'gmail.com',
  'example-com.20230601.gappssmtp.com',
  'other-org.20230601.gappssmtp.com',
  'lists.example.org',
  'amazonses.com',
  'onmicrosoft.com',
  'example.onmicrosoft.com',
  '',
];
const DKIM_RESULTS = ['pass', 'fail', 'none', 'neutral', 'temperror'] as const;
const SPF_RESULTS = ['pass', 'fail', 'softfail', 'neutral', 'none'] as const;
const REASONS = ['forwarded', 'trusted_forwarder', 'mailing_list', 'local_policy', 'sampled_out', 'other'] as const;

const dkimResult: fc.Arbitrary<DkimAuthResult> = fc.record(
  {
    domain: fc.constantFrom(...DOMAINS),
    selector: fc.constantFrom('s1', 'google', 'k1', ''),
    result: fc.constantFrom(...DKIM_RESULTS),
  },
  { requiredKeys: ['domain', 'result'] },
);
const spfResult: fc.Arbitrary<SpfAuthResult> = fc.record(
  {
    domain: fc.constantFrom(...DOMAINS),
    scope: fc.constantFrom('mfrom' as const, 'helo' as const),
    result: fc.constantFrom(...SPF_RESULTS),
  },
  { requiredKeys: ['domain', 'result'] },
);
const record: fc.Arbitrary<AggregateRecord> = fc
  .record({
    sourceIp: fc.constantFrom(...IPS),
    count: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 5000 })),
    disposition: fc.constantFrom('none' as const, 'quarantine' as const, 'reject' as const, 'pass' as const),
    dkim: fc.constantFrom('pass' as const, 'fail' as const),
    spf: fc.constantFrom('pass' as const, 'fail' as const),
    reasons: fc.array(
      fc.record(
        { type: fc.constantFrom(...REASONS), comment: fc.constantFrom('arc=pass', 'arc=fail', 'looks forwarded') },
        { requiredKeys: ['type'] },
      ),
      { maxLength: 2 },
    ),
    headerFrom: fc.constantFrom(...DOMAINS),
    envelopeFrom: fc.option(fc.constantFrom(...DOMAINS), { nil: undefined }),
    dkimResults: fc.array(dkimResult, { maxLength: 3 }),
    spfResults: fc.array(spfResult, { maxLength: 2 }),
    dkimAligned: fc.boolean(),
    spfAligned: fc.boolean(),
  })
  .map(({ envelopeFrom, ...rest }) => ({ ...rest, ...(envelopeFrom === undefined ? {} : { envelopeFrom }) }));

function generatedReports(): AggregateReport[] {
  const begin = Date.UTC(2026, 0, 1) / 1000;
  const shapes = fc.sample(
    fc.record({
      // A few records repeated many times, as real reports repeat their senders.
      distinct: fc.array(record, { minLength: 1, maxLength: 12 }),
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
      domain: fc.constantFrom('example.com', 'mail.example.com', 'example.org'),
      day: fc.integer({ min: 0, max: 40 }),
      p: fc.constantFrom('none' as const, 'quarantine' as const, 'reject' as const),
      adkim: fc.constantFrom('r' as const, 's' as const),
    }),
    { seed: 19, numRuns: 60 },
  );
  return shapes.map((shape, i) => ({
    kind: 'aggregate',
    metadata: {
      orgName: `reporter-${i % 5}.example`,
      email: 'dmarc@reporter.example',
      reportId: `generated-${i}`,
      begin: begin + shape.day * 86_400,
      end: begin + (shape.day + 1 + (i % 3)) * 86_400 - 1,
      errors: [],
    },
    policy: { domain: shape.domain, p: shape.p, adkim: shape.adkim },
    // Fresh objects per record, as the parser makes them.
    records: shape.picks.map((pick) => structuredClone(shape.distinct[pick % shape.distinct.length]!)),
  }));
}

/** Every result the grouping feeds, as JSON (getters read, so lazily built reasons are compared too). */
function outputs(reports: readonly AggregateReport[], domain: string): Record<string, string> {
  const withTable = { asnTable };
  const grouper = new SourceGrouper(withTable);
  for (const report of reports) grouper.addReport(report);
  const summarizer = new RecordSummarizer({ from: 0, to: 4_000_000_000 }, withTable);
  summarizer.add(storedRecordsOf(reports));
  const period = { from: Date.UTC(2026, 0, 10) / 1000, to: Date.UTC(2026, 0, 20) / 1000 };
  const inPeriod = new RecordSummarizer(period, withTable);
  inPeriod.add(storedRecordsOf(reports));
  return {
    groupSources: JSON.stringify(groupSources(reports, withTable)),
    groupSourcesNoTable: JSON.stringify(groupSources(reports)),
    groupSourcesDomain: JSON.stringify(groupSources(reports, { ...withTable, domain, since: 0 })),
    analyzeSenders: JSON.stringify(
      analyzeSenders(reports, { ...withTable, domain }).sources.map(({ group, ...rest }) => ({
        ...rest,
        group: group.key,
      })),
    ),
    classes: JSON.stringify(
      grouper.classes().map((c) => ({ ...c, contexts: c.contexts.map((x) => [x.ip, x.groupKey, x.ownAccount]) })),
    ),
    summarizeRecords: JSON.stringify(summarizer.result()),
    summarizeRecordsPeriod: JSON.stringify(inPeriod.result()),
    simulateReject: JSON.stringify(simulatePolicy(reports, { p: 'reject', adkim: 's' }, withTable)),
    simulateQuarantine: JSON.stringify(
      simulatePolicy(reports, { p: 'quarantine', aspf: 's', t: 'y' }, { ...withTable, domain }),
    ),
    readiness: JSON.stringify(assessReadiness(reports, { ...withTable, domain })),
  };
}

async function cases(): Promise<Record<string, Record<string, string>>> {
  const corpus = await corpusReports();
  const generated = generatedReports();
  return {
    corpus: outputs(corpus, 'example.com'),
    generated: outputs(generated, 'example.com'),
    generatedReversed: outputs([...generated].reverse(), 'mail.example.com'),
    // The benchmark's shapes at a fiftieth of its size: services seen from thousands of addresses.
    bench: outputs(makeBenchReports(20_000, 2_000), 'example.com'),
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('source grouping, against the output of the implementation it replaced', () => {
  it('gives the same results, byte for byte, on the corpus and on generated reports', async () => {
    const actual = await cases();
    const hashes = Object.fromEntries(
      Object.entries(actual).map(([name, results]) => [
        name,
        Object.fromEntries(Object.entries(results).map(([what, json]) => [what, sha256(json)])),
      ]),
    );
    if (process.env.UPDATE_GROUPING_GOLDEN) {
      writeFileSync(GOLDEN, `${JSON.stringify(hashes, null, 2)}\n`);
      console.log(`wrote ${relative(process.cwd(), GOLDEN)}`);
    }
    const expected = JSON.parse(readFileSync(GOLDEN, 'utf8')) as typeof hashes;
    if (JSON.stringify(hashes) !== JSON.stringify(expected)) {
      const out = join(tmpdir(), 'groupingDifferential.actual.json');
      writeFileSync(out, JSON.stringify(actual, null, 1));
      console.log(`outputs written to ${out}`);
    }
    expect(hashes).toEqual(expected);
  }, 120_000);
});
