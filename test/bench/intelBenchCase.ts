// The intel benchmark's workload, shared by the Node run (intel.bench.ts) and the Chromium run
// (intel.browser.bench.ts): synthetic stored records in the shapes real reports show, then classification with the
// ASN lookup, readiness and a what-if. No Node or DOM API here, so it bundles for the browser.
import { assessReadiness } from '../../core/analysis/assessReadiness';
import { groupSources, type SourceGroup } from '../../core/analysis/groupSources';
import { readAsnTable, type AsnTable } from '../../core/analysis/readAsnTable';
import { simulatePolicy } from '../../core/analysis/simulatePolicy';
import type { AggregateRecord, AggregateReport } from '../../core/report/types';

const RECORDS_PER_REPORT = 1_000;
const DAY = 86_400;

/** xorshift32: deterministic, so every run classifies the same records. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

type Shape = Omit<AggregateRecord, 'sourceIp' | 'count'>;

/** Aligned ESP mail, unaligned ESP mail, the domain's own server, a mailing list, spoofing — with their weights. */
const SHAPES: Array<[weight: number, shape: Shape]> = [
  [
    0.45,
    {
      disposition: 'none',
      dkim: 'pass',
      spf: 'fail',
      reasons: [],
      headerFrom: 'example.com',
      envelopeFrom: 'sendgrid.net',
      dkimResults: [
        { domain: 'example.com', selector: 's1', result: 'pass' },
        { domain: 'sendgrid.net', selector: 'smtpapi', result: 'pass' },
      ],
      spfResults: [{ domain: 'sendgrid.net', scope: 'mfrom', result: 'pass' }],
      dkimAligned: true,
      spfAligned: false,
    },
  ],
  [
    0.1,
    {
      disposition: 'none',
      dkim: 'fail',
      spf: 'fail',
      reasons: [],
      headerFrom: 'example.com',
      envelopeFrom: 'mail186.suw11.mcdlv.net',
      dkimResults: [{ domain: 'mcsv.net', selector: 'k1', result: 'pass' }],
      spfResults: [{ domain: 'mail186.suw11.mcdlv.net', scope: 'mfrom', result: 'pass' }],
      dkimAligned: false,
      spfAligned: false,
    },
  ],
  [
    0.3,
    {
      disposition: 'none',
      dkim: 'pass',
      spf: 'pass',
      reasons: [],
      headerFrom: 'example.com',
      envelopeFrom: 'example.com',
      dkimResults: [{ domain: 'example.com', selector: 'google', result: 'pass' }],
      spfResults: [{ domain: 'example.com', scope: 'mfrom', result: 'pass' }],
      dkimAligned: true,
      spfAligned: true,
    },
  ],
  [
    0.05,
    {
      disposition: 'none',
      dkim: 'fail',
      spf: 'fail',
      reasons: [{ type: 'mailing_list' }],
      headerFrom: 'example.com',
      envelopeFrom: 'lists.example.org',
      dkimResults: [{ domain: 'example.com', selector: 'google', result: 'fail' }],
      spfResults: [{ domain: 'lists.example.org', scope: 'mfrom', result: 'pass' }],
      dkimAligned: false,
      spfAligned: false,
    },
  ],
  [
    0.1,
    {
      disposition: 'none',
      dkim: 'fail',
      spf: 'fail',
      reasons: [],
      headerFrom: 'example.com',
      dkimResults: [],
      spfResults: [{ domain: 'example.com', scope: 'mfrom', result: 'softfail' }],
      dkimAligned: false,
      spfAligned: false,
    },
  ],
];

/**
 * `count` records from `distinctIps` addresses, in reports of 1,000 records spread over 60 days, made as the site
 * reads them back from the store (recordOfDigest): within a report, the records of one shape share that shape's
 * fields and lists (one fresh copy per report), and every record has its own fresh, flat address string (what a
 * structured clone, so IndexedDB, gives back; the parser too makes one string per address per record).
 */
export function makeBenchReports(count: number, distinctIps: number): AggregateReport[] {
  const random = xorshift(42);
  const ips: string[] = [];
  for (let i = 0; i < distinctIps; i++) {
    ips.push(
      `${1 + Math.floor(random() * 222)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`,
    );
  }
  const shapeOf = new Uint8Array(count);
  const sourceIps = new Array<string>(count);
  const counts = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let pick = random();
    let index = 0;
    while (index < SHAPES.length - 1 && pick >= SHAPES[index]![0]) pick -= SHAPES[index++]![0];
    shapeOf[i] = index;
    sourceIps[i] = ips[Math.floor(random() * ips.length)]!;
    counts[i] = 1 + Math.floor(random() * 20);
  }
  const reports: AggregateReport[] = [];
  const start = Date.UTC(2026, 0, 1) / 1000;
  for (let i = 0; i < count; i += RECORDS_PER_REPORT) {
    const day = (i / RECORDS_PER_REPORT) % 60;
    const end = Math.min(count, i + RECORDS_PER_REPORT);
    // The report's profiles, as a digest stores them: each shape once, copied for this report.
    const profiles = structuredClone(SHAPES.map(([, shape]) => shape));
    const addresses = structuredClone(sourceIps.slice(i, end));
    const records: AggregateRecord[] = [];
    for (let j = i; j < end; j++) {
      records.push(Object.assign({}, profiles[shapeOf[j]!]!, { sourceIp: addresses[j - i]!, count: counts[j]! }));
    }
    reports.push({
      kind: 'aggregate',
      metadata: {
        orgName: 'google.com',
        email: 'noreply@google.com',
        reportId: `bench-${i}`,
        begin: start + day * DAY,
        end: start + (day + 1) * DAY - 1,
        errors: [],
      },
      policy: { domain: 'example.com', p: 'none' },
      records,
    });
  }
  return reports;
}

export interface BenchTiming {
  label: string;
  /** Wall time. */
  ms: number;
  /** CPU time of the step, where the platform can tell (Node's process.cpuUsage; the browser bench asks the browser). */
  cpuMs?: number;
}

export interface BenchStep {
  label: string;
  run: () => void;
}

/** The measured steps, in order, sharing their results; `summary` describes them once they have run. */
export function intelBenchSteps(
  tableBytes: Uint8Array,
  reports: AggregateReport[],
): { steps: BenchStep[]; summary: () => string } {
  let table: AsnTable | undefined;
  let groups: SourceGroup[] = [];
  let readiness = '';
  const steps: BenchStep[] = [
    {
      label: 'read ASN table (gunzip + views)',
      run: () => {
        const result = readAsnTable(tableBytes);
        if (!result.ok) throw new Error(result.error.message);
        table = result.table;
      },
    },
    {
      label: 'classify: identify + ASN + classify',
      run: () => {
        groups = groupSources(reports, { domain: 'example.com', ...(table ? { asnTable: table } : {}) });
      },
    },
    {
      label: 'readiness from those groups',
      run: () => {
        readiness = assessReadiness(reports, {
          domain: 'example.com',
          ...(table ? { asnTable: table } : {}),
          groups,
        }).summary;
      },
    },
    {
      label: 'what-if p=reject adkim=s',
      run: () => {
        simulatePolicy(
          reports,
          { p: 'reject', adkim: 's' },
          { domain: 'example.com', ...(table ? { asnTable: table } : {}) },
        );
      },
    },
  ];
  return { steps, summary: () => `${groups.length} source groups; ${readiness}` };
}

/** The target's line: classify + readiness, from the timings of the four steps. */
export function targetTiming(timings: readonly BenchTiming[]): BenchTiming {
  const [, classify, readiness] = timings;
  return {
    label: 'classify + readiness (the target: < 1 s)',
    ms: classify!.ms + readiness!.ms,
    ...(classify!.cpuMs !== undefined && readiness!.cpuMs !== undefined
      ? { cpuMs: classify!.cpuMs + readiness!.cpuMs }
      : {}),
  };
}

/** One timing as a line: wall time, and CPU time when known. */
export function formatTiming({ label, ms, cpuMs }: BenchTiming): string {
  const cpu = cpuMs === undefined ? '' : `   CPU ${cpuMs.toFixed(0).padStart(7)} ms`;
  return `${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms${cpu}`;
}

/** Runs the measured steps; `now` is the platform's clock (performance.now), `cpuNow` its CPU clock if any (ms). */
export function runIntelBench(
  tableBytes: Uint8Array,
  reports: AggregateReport[],
  now: () => number,
  cpuNow?: () => number,
): { timings: BenchTiming[]; summary: string } {
  const { steps, summary } = intelBenchSteps(tableBytes, reports);
  const timings: BenchTiming[] = [];
  for (const { label, run } of steps) {
    const cpu = cpuNow?.();
    const started = now();
    run();
    const ms = now() - started;
    timings.push({ label, ms, ...(cpu !== undefined && cpuNow ? { cpuMs: cpuNow() - cpu } : {}) });
  }
  timings.push(targetTiming(timings));
  return { timings, summary: summary() };
}
