// Benchmark (not a test): classify 1,000,000 stored aggregate records with the offline ASN lookup and compute the
// domain's readiness, in Node, with the wall and CPU time of each step. Target: under 1 s for the million. Chromium:
// test/bench/intel.browser.bench.ts.
//   node --import tsx test/bench/intel.bench.ts [records] [distinct IPs]
// Builds site/public/data/asn-table.bin first when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { formatTiming, makeBenchReports, runIntelBench } from './intelBenchCase';

const records = Number(process.argv[2] ?? 1_000_000);
const distinctIps = Number(process.argv[3] ?? 100_000);
const tablePath = fileURLToPath(new URL('../../site/public/data/asn-table.bin', import.meta.url));
if (!existsSync(tablePath)) {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-asn-table.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
}

const reports = makeBenchReports(records, distinctIps);
console.log(
  `Node ${process.version}: ${records.toLocaleString('en-US')} records in ${reports.length} reports, ${distinctIps.toLocaleString('en-US')} distinct source IPs`,
);
const cpu = process.cpuUsage();
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const { timings, summary } = runIntelBench(
  new Uint8Array(readFileSync(tablePath)),
  reports,
  () => performance.now(),
  cpuNow,
);
const used = process.cpuUsage(cpu);
for (const timing of timings) console.log(formatTiming(timing));
console.log(`CPU time of the process (all threads, GC included): ${((used.user + used.system) / 1000).toFixed(0)} ms`);
console.log(summary);
