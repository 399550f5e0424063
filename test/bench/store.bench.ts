// Benchmark (not a test) of the store's hot path in Node: record batches to digests (ProfileTable: the profile hash and
// comparison), digests packed into chunks, reports packed into rows, and the dashboard's headline counted from the digests
// (grouping sources is core/analysis's work, measured by `npm run bench:intel`).
//   node --import tsx test/bench/store.bench.ts [checkout] [runs]
// `checkout` is the root of the code to measure (default: this one), so that two commits can be timed alternately on
// the same workload: a git worktree of the older one, with node_modules linked in.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { AggregateRecord } from '../../core/report/types';
import { FIXTURE_REPORTS, readManifest } from '../corpus/readManifest';
import { makeBenchReports } from './intelBenchCase';

const here = fileURLToPath(new URL('../../', import.meta.url));
const root = resolve(process.argv[2] ?? here);
const runs = Number(process.argv[3] ?? 7);

/** A module of the measured checkout; `paths` in order of preference (a module may have moved between commits). */
async function load<T>(...paths: string[]): Promise<T> {
  const path = paths.map((p) => join(root, p)).find((p) => existsSync(p));
  if (!path) throw new Error(`none of ${paths.join(', ')} in ${root}`);
  return (await import(pathToFileURL(path).href)) as T;
}

interface Batch {
  id: [string, number, string, number];
  reportKey: string;
  domain: string;
  orgName: string;
  begin: number;
  end: number;
  records: AggregateRecord[];
}
interface Digest {
  end: number;
  domain: string;
  reportKey: string;
  id: [string, number, string, number];
  profileOf: Uint16Array | Uint32Array;
}
interface Packed {
  kind: 'aggregate';
  key: string;
  domain: string;
  end: number;
}

const digests = await load<{
  ProfileTable: new () => unknown;
  toRecordDigest: (batch: Batch, table: unknown) => Digest;
}>('core/store/toRecordDigest.ts');
const chunks = await load<{ ChunkPacker: new () => { add(d: Digest): void; takeAll(): unknown[] } }>(
  'core/store/recordChunks.ts',
);
const packs = await load<{ packReports: (reports: Packed[]) => unknown[] }>('core/store/reportPacks.ts');
const summaries = await load<{
  RecordSummarizer: new (period: { from: number; to: number }) => {
    addDigests(digests: Digest[]): void;
    headline(): { totals: { messages: number } };
  };
}>('core/analysis/summarizeRecords.ts', 'core/store/summarizeRecords.ts');
const { parseReport } = await load<typeof import('../../core/report/parseReport')>('core/report/parseReport.ts');

// The workload: the intel benchmark's synthetic records (fresh objects, the shapes real reports show), and the records
// of every fixture report, each report's records repeated into a thousand-record report, so that the profiles of real
// reporters (reasons, human results, raw values, extensions) are hashed and compared as often as the common ones.
const batches: Batch[] = [];
const DAY = 86_400;
function addReport(records: AggregateRecord[], at: number): void {
  const reportKey = `report-${at}`;
  const begin = 1_767_225_600 + (at % 60) * DAY;
  for (let i = 0; i < records.length; i += 500) {
    batches.push({
      id: ['example.com', begin, reportKey, i / 500],
      reportKey,
      domain: 'example.com',
      orgName: `reporter-${at % 8}`,
      begin,
      end: begin + DAY - 1,
      records: records.slice(i, i + 500),
    });
  }
}
let at = 0;
for (const report of makeBenchReports(200_000, 20_000)) addReport(report.records, at++);
for (const entry of readManifest(`${FIXTURE_REPORTS}PROVENANCE.tsv`)) {
  const result = await parseReport(new Uint8Array(readFileSync(FIXTURE_REPORTS + entry.relativePath)));
  if (!result.ok) continue;
  for (const { report } of result.reports) {
    if (report.kind !== 'aggregate' || !report.records.length) continue;
    const repeated: AggregateRecord[] = [];
    while (repeated.length < 1_000) repeated.push(...report.records.map((r) => structuredClone(r)));
    addReport(repeated, at++);
  }
}
const recordCount = batches.reduce((n, b) => n + b.records.length, 0);
const reports: Packed[] = [];
for (let i = 0; i < 100_000; i++)
  reports.push({ kind: 'aggregate', key: `r${i}`, domain: `d${i % 50}.example`, end: 1_767_225_600 + (i % 90) * DAY });

/** Runs `work` `runs` times; prints the best and median wall and CPU times (CPU: the machine may be busy). */
function best(label: string, work: () => unknown): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const ms = (times: number[], i: number) => {
    const sorted = [...times].sort((a, b) => a - b);
    return sorted[i]!.toFixed(1).padStart(7);
  };
  console.log(
    `${label.padEnd(36)} wall best ${ms(wall, 0)} median ${ms(wall, runs >> 1)} ms; CPU best ${ms(cpu, 0)} median ${ms(cpu, runs >> 1)} ms`,
  );
}

console.log(`${root}: ${recordCount.toLocaleString('en-US')} records in ${batches.length} batches, ${runs} runs`);
let made: Digest[] = [];
best('batches to digests (ProfileTable)', () => {
  const table = new digests.ProfileTable();
  made = batches.map((batch) => digests.toRecordDigest(batch, table));
});
best('digests packed into chunks', () => {
  const packer = new chunks.ChunkPacker();
  for (const digest of made) packer.add(digest);
  return packer.takeAll();
});
best('100,000 reports packed into rows', () => packs.packReports(reports));
best('summary headline of the digests', () => {
  const summarizer = new summaries.RecordSummarizer({ from: 0, to: 253_402_300_800 });
  summarizer.addDigests(made);
  return summarizer.headline();
});
