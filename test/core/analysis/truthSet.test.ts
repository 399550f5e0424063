// The hand-checked truth set (test/fixtures/truth, docs/truth-set.md): for each real report, every source the Senders
// page shows with its class, its messages per class, its causes and its addresses, held exactly against the analysis.
// The tables were written from the XML, record by record; the analysis never wrote them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeSenders, type SenderSource } from '../../../core/analysis/analyzeSenders';
import { CLASS_OF_CAUSE, type RecordCause, type SourceClass } from '../../../core/analysis/classifyRecord';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateReport } from '../../../core/report/types';
import { loadAsnTableForTest } from './asnTableFile';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const truthDir = `${root}test/fixtures/truth/`;

type Row = Record<string, string>;

/** A tab-separated table with a header line; cells hold no tabs or line breaks, so no quoting. */
function readTable(name: string): Row[] {
  const [header, ...lines] = readFileSync(truthDir + name, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  const columns = header!.split('\t');
  return lines.map((line, at) => {
    const cells = line.split('\t');
    if (cells.length !== columns.length)
      throw new Error(`${name} line ${at + 2}: ${cells.length} cells, not ${columns.length}`);
    return Object.fromEntries(columns.map((column, i) => [column, cells[i]!]));
  });
}

const reports = readTable('reports.tsv');
const sources = readTable('truth.tsv');
const records = readTable('records.tsv');

const CLASSES: readonly SourceClass[] = ['compliant', 'forwarded', 'misconfigured', 'suspicious'];

/** What the truth set states of a source: every column but `why` (and `name` where the analysis writes a sentence). */
interface SourceFacts {
  source: string;
  name?: string;
  type: string;
  class: string;
  messages: number;
  byClass: Record<SourceClass, number>;
  causes: string;
  ips: string[];
}

function expectedSource(row: Row): SourceFacts {
  return {
    source: row.source!,
    ...(comparesName(row.source!) ? { name: row.name! } : {}),
    type: row.type!,
    class: row.class!,
    messages: Number(row.messages),
    byClass: {
      compliant: Number(row.compliant),
      forwarded: Number(row.forwarded),
      misconfigured: Number(row.misconfigured),
      suspicious: Number(row.suspicious),
    },
    causes: row.causes!,
    ips: row.ips!.split(','),
  };
}

/** Others' accounts at a provider are labelled with a sentence (sourceLabel.ts), not a name the table can state. */
function comparesName(key: string): boolean {
  return !key.startsWith('others:');
}

function actualSource(source: SenderSource): SourceFacts {
  return {
    source: source.key,
    ...(comparesName(source.key) ? { name: source.name } : {}),
    type: source.type,
    class: source.class,
    messages: source.messages,
    byClass: { ...source.byClass },
    causes: (Object.entries(source.group.causes) as Array<[RecordCause, number]>)
      .filter(([, messages]) => messages > 0)
      .map(([cause, messages]) => `${cause}=${messages}`)
      .sort()
      .join(','),
    ips: [...source.ips].sort(),
  };
}

/** One line per source, so that a difference reads as a changed line. */
function summaryLine(facts: SourceFacts): string {
  const { compliant, forwarded, misconfigured, suspicious } = facts.byClass;
  return [
    facts.source,
    facts.type,
    facts.class,
    `${facts.messages} = ${compliant} compliant + ${forwarded} forwarded + ${misconfigured} misconfigured + ${suspicious} suspicious`,
    facts.causes,
    `${facts.ips.length} addresses`,
  ].join(' | ');
}

const bySource = (a: SourceFacts, b: SourceFacts) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

async function readAggregate(file: string): Promise<AggregateReport> {
  const result = await parseReport(new Uint8Array(readFileSync(root + file)), { fileName: file.split('/').pop()! });
  if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
  const aggregates = result.reports.map((r) => r.report).filter((r): r is AggregateReport => r.kind === 'aggregate');
  if (aggregates.length !== 1) throw new Error(`${file}: ${aggregates.length} aggregate reports, not 1`);
  return aggregates[0]!;
}

describe('the truth set itself', () => {
  it('holds at least 12 reports from at least 12 reporting organisations, each a permissively licensed corpus file', () => {
    expect(reports.length).toBeGreaterThanOrEqual(12);
    expect(new Set(reports.map((r) => r.organisation)).size).toBeGreaterThanOrEqual(12);
    const provenance = new Map(
      readFileSync(`${root}test/fixtures/reports/PROVENANCE.tsv`, 'utf8')
        .split('\n')
        .slice(1)
        .filter((line) => line !== '')
        .map((line) => {
          const cells = line.split('\t');
          return [`test/fixtures/reports/${cells[0]}`, cells[4]!];
        }),
    );
    for (const report of reports) {
      expect(provenance.get(report.file!), report.file).toMatch(/^(MIT|Apache-2\.0|BSD)/);
    }
  });

  it('adds each source up from its hand-labelled records, and each report from its sources', () => {
    for (const report of reports) {
      const id = report.report!;
      const labelled = records.filter((r) => r.report === id);
      const rows = sources.filter((s) => s.report === id);
      expect(rows.length, id).toBeGreaterThan(0);
      for (const row of rows) {
        const own = labelled.filter((r) => r.source === row.source);
        const messages = own.reduce((sum, r) => sum + Number(r.count), 0);
        const perClass = CLASSES.map((cls) =>
          own.filter((r) => CLASS_OF_CAUSE[r.cause as RecordCause] === cls).reduce((s, r) => s + Number(r.count), 0),
        );
        expect([messages, ...perClass], `${id} ${row.source}`).toEqual([
          Number(row.messages),
          ...CLASSES.map((cls) => Number(row[cls])),
        ]);
        expect(row.ips, `${id} ${row.source}`).toBe([...new Set(own.map((r) => r.source_ip))].sort().join(','));
      }
      const total = labelled.reduce((sum, r) => sum + Number(r.count), 0);
      expect(total, id).toBe(Number(report.messages));
      const receiverPassed = labelled.filter((r) => r.verdict!.split('/').includes('pass'));
      expect(
        receiverPassed.reduce((sum, r) => sum + Number(r.count), 0),
        id,
      ).toBe(Number(report.dmarc_pass));
      expect(
        rows.reduce((sum, r) => sum + Number(r.misconfigured) + Number(r.suspicious), 0),
        id,
      ).toBe(Number(report.spoofed_messages));
      expect(new Set(labelled.map((r) => r.source_ip)).size, id).toBe(Number(report.distinct_ips));
    }
  });
});

describe('the analysis against the hand-checked truth set', () => {
  const asnTable = loadAsnTableForTest();

  for (const report of reports) {
    const id = report.report!;
    describe(`${id} (${report.reporter}, ${report.file!.split('/').pop()})`, () => {
      it('reads every record with the address and count the labels were made from', async () => {
        const aggregate = await readAggregate(report.file!);
        expect(normalize(aggregate.policy.domain)).toBe(report.policy_domain);
        const read = aggregate.records.map((r, i) => `#${i} ${r.sourceIp} ${r.count}`);
        const labelled = records.filter((r) => r.report === id).map((r) => `#${r.record} ${r.source_ip} ${r.count}`);
        expect(read).toEqual(labelled);
      });

      it('finds exactly the sources of the table, each with its class, counts per class, causes and addresses', async () => {
        const aggregate = await readAggregate(report.file!);
        const analysis = analyzeSenders([aggregate], { domain: report.policy_domain!, asnTable });
        const actual = analysis.sources.map(actualSource).sort(bySource);
        const expected = sources
          .filter((s) => s.report === id)
          .map(expectedSource)
          .sort(bySource);
        expect(actual.map(summaryLine).join('\n')).toBe(expected.map(summaryLine).join('\n'));
        expect(actual).toEqual(expected);
      });

      it('gives the report totals: messages, DMARC pass, distinct addresses, spoofed messages', async () => {
        const aggregate = await readAggregate(report.file!);
        const analysis = analyzeSenders([aggregate], { domain: report.policy_domain!, asnTable });
        expect({
          messages: analysis.messages,
          dmarcPass: analysis.dmarcPass,
          distinctIps: analysis.distinctIps,
          spoofedMessages: analysis.spoofedMessages,
        }).toEqual({
          messages: Number(report.messages),
          dmarcPass: Number(report.dmarc_pass),
          distinctIps: Number(report.distinct_ips),
          spoofedMessages: Number(report.spoofed_messages),
        });
      });
    });
  }
});

function normalize(domain: string): string {
  return domain.trim().toLowerCase();
}
