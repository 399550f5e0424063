// Benchmark (not a test): classify 1,000,000 stored aggregate records with the offline ASN lookup, and compute
// readiness and a what-if for the domain. Target: under 1 s for the million.
//   node --import tsx test/bench/intel.bench.ts [records] [distinct IPs]
// Builds site/public/data/asn-table.bin first when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { assessReadiness } from '../../core/analysis/assessReadiness';
import { groupSources } from '../../core/analysis/groupSources';
import { readAsnTable } from '../../core/analysis/readAsnTable';
import { simulatePolicy } from '../../core/analysis/simulatePolicy';
import type { AggregateRecord, AggregateReport } from '../../core/report/types';
import { seededRandom } from './generateAggregateXml';

const RECORDS = Number(process.argv[2] ?? 1_000_000);
const DISTINCT_IPS = Number(process.argv[3] ?? 200_000);
const RECORDS_PER_REPORT = 1_000;
const DAY = 86_400;

const tablePath = fileURLToPath(new URL('../../site/public/data/asn-table.bin', import.meta.url));
if (!existsSync(tablePath)) {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-asn-table.mjs', import.meta.url))], { stdio: 'inherit' });
}

/** The shapes real reports show: aligned ESP mail, unaligned ESP mail, the domain's own server, lists, spoofing. */
function makeRecords(count: number, random: () => number): AggregateRecord[] {
  const ips: string[] = [];
  for (let i = 0; i < DISTINCT_IPS; i++) {
    ips.push(`${1 + Math.floor(random() * 222)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`);
  }
  const shapes: Array<() => Omit<AggregateRecord, 'sourceIp' | 'count'>> = [
    () => ({ disposition: 'none', dkim: 'pass', spf: 'fail', reasons: [], headerFrom: 'example.com', envelopeFrom: 'sendgrid.net', dkimResults: [{ domain: 'example.com', selector: 's1', result: 'pass' }, { domain: 'sendgrid.net', selector: 'smtpapi', result: 'pass' }], spfResults: [{ domain: 'sendgrid.net', scope: 'mfrom', result: 'pass' }], dkimAligned: true, spfAligned: false }),
    () => ({ disposition: 'none', dkim: 'fail', spf: 'fail', reasons: [], headerFrom: 'example.com', envelopeFrom: 'mail186.suw11.mcdlv.net', dkimResults: [{ domain: 'mcsv.net', selector: 'k1', result: 'pass' }], spfResults: [{ domain: 'mail186.suw11.mcdlv.net', scope: 'mfrom', result: 'pass' }], dkimAligned: false, spfAligned: false }),
    () => ({ disposition: 'none', dkim: 'pass', spf: 'pass', reasons: [], headerFrom: 'example.com', envelopeFrom: 'example.com', dkimResults: [{ domain: 'example.com', selector: 'google', result: 'pass' }], spfResults: [{ domain: 'example.com', scope: 'mfrom', result: 'pass' }], dkimAligned: true, spfAligned: true }),
    () => ({ disposition: 'none', dkim: 'fail', spf: 'fail', reasons: [{ type: 'mailing_list' }], headerFrom: 'example.com', envelopeFrom: 'lists.example.org', dkimResults: [{ domain: 'example.com', selector: 'google', result: 'fail' }], spfResults: [{ domain: 'lists.example.org', scope: 'mfrom', result: 'pass' }], dkimAligned: false, spfAligned: false }),
    () => ({ disposition: 'none', dkim: 'fail', spf: 'fail', reasons: [], headerFrom: 'example.com', dkimResults: [], spfResults: [{ domain: 'example.com', scope: 'mfrom', result: 'softfail' }], dkimAligned: false, spfAligned: false }),
  ];
  const weights = [0.45, 0.1, 0.3, 0.05, 0.1];
  const records: AggregateRecord[] = [];
  for (let i = 0; i < count; i++) {
    let pick = random();
    let shape = 0;
    while (shape < weights.length - 1 && pick >= weights[shape]!) pick -= weights[shape++]!;
    // Listed field by field, as the parser builds records (an object spread would give dictionary-mode objects).
    const s = shapes[shape]!();
    records.push({
      sourceIp: ips[Math.floor(random() * ips.length)]!,
      count: 1 + Math.floor(random() * 20),
      disposition: s.disposition,
      dkim: s.dkim,
      spf: s.spf,
      reasons: s.reasons,
      headerFrom: s.headerFrom,
      ...(s.envelopeFrom !== undefined ? { envelopeFrom: s.envelopeFrom } : {}),
      dkimResults: s.dkimResults,
      spfResults: s.spfResults,
      dkimAligned: s.dkimAligned,
      spfAligned: s.spfAligned,
    });
  }
  return records;
}

function makeReports(records: AggregateRecord[]): AggregateReport[] {
  const reports: AggregateReport[] = [];
  const start = Date.UTC(2026, 0, 1) / 1000;
  for (let i = 0; i < records.length; i += RECORDS_PER_REPORT) {
    const day = (i / RECORDS_PER_REPORT) % 60;
    reports.push({
      kind: 'aggregate',
      metadata: { orgName: 'google.com', email: 'noreply@google.com', reportId: `bench-${i}`, begin: start + day * DAY, end: start + (day + 1) * DAY - 1, errors: [] },
      policy: { domain: 'example.com', p: 'none' },
      records: records.slice(i, i + RECORDS_PER_REPORT),
    });
  }
  return reports;
}

function time<T>(label: string, run: () => T): T {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(`${label.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(6)} ms wall ${cpuMs.toFixed(0).padStart(6)} ms CPU`);
  return value;
}

const random = seededRandom(42);
const reports = makeReports(makeRecords(RECORDS, random));
console.log(`${RECORDS.toLocaleString('en-US')} records in ${reports.length} reports, ${DISTINCT_IPS.toLocaleString('en-US')} distinct source IPs`);
const table = time('read ASN table (gunzip + views)', () => {
  const result = readAsnTable(new Uint8Array(readFileSync(tablePath)));
  if (!result.ok) throw new Error(result.error.message);
  return result.table;
});
const groups = time('groupSources: identify + ASN + classify', () => groupSources(reports, { asnTable: table }));
time('assessReadiness (regroups the domain)', () => assessReadiness(reports, { domain: 'example.com', asnTable: table }));
time('simulatePolicy p=reject adkim=s', () => simulatePolicy(reports, { p: 'reject', adkim: 's' }, { asnTable: table }));
const total = time('classify + readiness, end to end', () => {
  const domainGroups = groupSources(reports, { domain: 'example.com', asnTable: table });
  return assessReadiness(reports, { domain: 'example.com', asnTable: table, groups: domainGroups });
});
console.log(`${groups.length} source groups; readiness: ${total.summary}`);
