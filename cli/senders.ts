// `dmarc-lens senders [--domain D] [--format json|csv] [--asn-table FILE] FILE...` — the Senders page's analysis for
// pipelines and auditors: per policy domain, the messages, DMARC passes, distinct addresses, spoofed messages and every
// source with its class and messages per class (core/analysis/analyzeSenders.ts, which the page calls too).
// JSON: one line per policy domain. CSV: one row per source.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSenders, policyDomainsOf, type SendersAnalysis, readAsnTable, type AsnTable } from '../core/analysis';
import { csvRow, MAX_DECOMPRESSED_BYTES, parseReport, type AggregateReport } from '../core/report';
import type { CliIo } from './main';
import { stringifyJson } from './stringifyJson';

export const SENDERS_USAGE = `usage: dmarc-lens senders [--domain D] [--format json|csv] [--asn-table FILE] FILE...

The Senders page's analysis of DMARC aggregate reports, entirely locally: every source with its class and its
messages per class (compliant, forwarded, misconfigured, suspicious).
  --domain D        only the reports whose policy domain is D, as the Senders page shows it
  --format json     one JSON line per policy domain (default)
  --format csv      one row per source
  --asn-table FILE  the offline ASN table (npm run build:asn); by default the one built in this checkout, if any.
                    Without it, sources with no domain name are grouped by address instead of by network.
Exit status: 0 when every file was read and analysed, 1 when one could not be, 2 on usage errors and an
--asn-table that cannot be read.`;

export const SENDERS_CSV_HEADER = `${csvRow([
  'domain',
  'source',
  'type',
  'class',
  'messages',
  'compliant',
  'forwarded',
  'misconfigured',
  'suspicious',
  'ips',
  'reason',
])}\r\n`;

interface SendersArgs {
  files: string[];
  format: 'json' | 'csv';
  domain?: string;
  asnTable?: string;
}

function parseSendersArgs(args: readonly string[], io: CliIo): SendersArgs | { exit: number } {
  const parsed: SendersArgs = { files: [], format: 'json' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const option = /^(--format|--domain|--asn-table)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? args[++i];
      if (value === undefined || value === '') {
        io.err(`${option[1]} needs a value\n${SENDERS_USAGE}`);
        return { exit: 2 };
      }
      if (option[1] === '--format') {
        if (value !== 'json' && value !== 'csv') {
          io.err(`unknown format "${value}"\n${SENDERS_USAGE}`);
          return { exit: 2 };
        }
        parsed.format = value;
      } else if (option[1] === '--domain') parsed.domain = value;
      else parsed.asnTable = value;
    } else if (arg === '--help' || arg === '-h') {
      io.out.write(`${SENDERS_USAGE}\n`);
      return { exit: 0 };
    } else parsed.files.push(arg);
  }
  if (parsed.files.length === 0) {
    io.err(SENDERS_USAGE);
    return { exit: 2 };
  }
  return parsed;
}

/** The ASN table built in this checkout (beside cli/ when run from source, two levels up from the built bundle). */
function defaultAsnTablePath(): string | undefined {
  for (const relative of ['../site/public/data/asn-table.bin', '../../site/public/data/asn-table.bin']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

async function loadAsnTable(path: string, io: CliIo): Promise<AsnTable | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    io.err(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return undefined;
  }
  const result = readAsnTable(bytes);
  if (result.ok) return result.table;
  io.err(`${path}: not an ASN table (${result.error.message})`);
  return undefined;
}

/** The aggregate reports of one file; says on standard error why a file could not be read. */
async function readAggregateReports(file: string, io: CliIo): Promise<AggregateReport[] | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      `${file}: ${code === 'EISDIR' ? 'is a directory, not a report file' : `cannot be read (${code ?? (error as Error).message})`}`,
    );
    return undefined;
  }
  if (bytes.length > MAX_DECOMPRESSED_BYTES) {
    io.err(`${file}: is over the ${MAX_DECOMPRESSED_BYTES / 2 ** 30} GiB limit for one file; not read`);
    return undefined;
  }
  const result = await parseReport(bytes, { fileName: basename(file) });
  if (!result.ok) {
    io.err(`${file}: ${result.error.message}`);
    return undefined;
  }
  return result.reports.map((r) => r.report).filter((r): r is AggregateReport => r.kind === 'aggregate');
}

/** The JSON line of one domain's analysis. */
export function sendersJson(analysis: SendersAnalysis): object {
  return {
    domain: analysis.domain,
    messages: analysis.messages,
    dmarcPass: analysis.dmarcPass,
    distinctIps: analysis.distinctIps,
    spoofedMessages: analysis.spoofedMessages,
    sources: analysis.sources.map((s) => ({
      name: s.name,
      type: s.type,
      class: s.class,
      messages: s.messages,
      byClass: s.byClass,
      ips: s.ips,
      reason: s.reason,
    })),
  };
}

function sendersCsv(analysis: SendersAnalysis): string {
  let rows = '';
  for (const s of analysis.sources) {
    const { compliant, forwarded, misconfigured, suspicious } = s.byClass;
    rows += `${csvRow([
      analysis.domain,
      s.name,
      s.type,
      s.class,
      s.messages,
      compliant,
      forwarded,
      misconfigured,
      suspicious,
      s.ips.join(' '),
      s.reason,
    ])}\r\n`;
  }
  return rows;
}

/** Runs `dmarc-lens senders`; `args` are the words after `senders`. Exit status 1 when a file failed, 2 on usage. */
export async function runSenders(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseSendersArgs(args, io);
  if ('exit' in parsed) return parsed.exit;
  const tablePath = parsed.asnTable ?? defaultAsnTablePath();
  const asnTable = tablePath === undefined ? undefined : await loadAsnTable(tablePath, io);
  if (parsed.asnTable !== undefined && asnTable === undefined) return 2;
  const reports: AggregateReport[] = [];
  let failed = 0;
  for (const file of parsed.files) {
    const read = await readAggregateReports(file, io);
    if (read) reports.push(...read);
    else failed++;
  }
  const domains = parsed.domain === undefined ? policyDomainsOf(reports) : [parsed.domain];
  if (parsed.format === 'csv') io.out.write(SENDERS_CSV_HEADER);
  for (const domain of domains) {
    if (io.out.closed) break;
    let text: string;
    try {
      const analysis = analyzeSenders(reports, { domain, ...(asnTable ? { asnTable } : {}) });
      text = parsed.format === 'csv' ? sendersCsv(analysis) : `${stringifyJson(sendersJson(analysis))}\n`;
    } catch (error) {
      // A fault of ours (the analysis takes any parsed report): said, and the next domain is still written.
      io.err(
        `${domain || '(no policy domain)'}: could not be analysed (${error instanceof Error ? error.message : String(error)})`,
      );
      failed++;
      continue;
    }
    io.out.write(text);
    await io.out.ready();
  }
  return failed > 0 ? 1 : 0;
}
