// `dmarc-lens parse --to postgres://…`: every report of every file into parsedmarc's PostgreSQL tables.
//
// Each report is written in its own transaction, so a run that is killed, or a connection that breaks, leaves whole
// reports or none of a report. A report already in the database (parsedmarc's unique keys) is left as it is, so a
// second run over the same files changes nothing. The records of an aggregate report are written batch by batch as
// they are parsed, inside the report's transaction, and reading waits for the database: memory stays flat for any
// report size.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import pg from 'pg';
import {
  MAX_DECOMPRESSED_BYTES,
  parseReportStream,
  type ParsedReportWithStats,
  type AggregateReportHead,
  type AggregateRecord,
  type FailureReport,
  type ParseResult,
  type ReportPath,
  type TlsReport,
} from '../../core/report';
import type { CliIo } from '../main';
import { CREATE_TABLES } from './schema';
import {
  insertAggregateReport,
  insertFailureReport,
  insertRecords,
  insertTlsPolicy,
  insertTlsReport,
  timestamp,
  type Query,
} from './sql';

const READ_CHUNK_BYTES = 64 * 1024;

/** The database as a person may see it in a message: the URL without its password. */
function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL database';
  }
}

interface Totals {
  written: number;
  alreadyThere: number;
  records: number;
}

export async function writeToPostgres(files: string[], url: string, io: CliIo): Promise<number> {
  const where = describeDatabase(url);
  const client = new pg.Client({ connectionString: url, application_name: 'dmarc-lens' });
  // A connection that drops between queries is reported by the next query; this keeps it from being thrown as well.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    io.err(`cannot connect to ${where}: ${(error as Error).message}`);
    return 1;
  }
  try {
    try {
      // A commit returns before its WAL is flushed to disk. Reports stay whole either way (a transaction is applied
      // entirely or not at all); only if the server itself crashes can the last moment's reports be missing, and a
      // re-run writes them, since a report already there is skipped. Waiting for a disk flush per report would make
      // that flush, not reading, the cost of a mailbox of small reports.
      await client.query('SET synchronous_commit TO off');
      await client.query('BEGIN');
      for (const statement of CREATE_TABLES) await client.query(statement);
      await client.query('COMMIT');
    } catch (error) {
      io.err(`cannot create parsedmarc's tables in ${where}: ${(error as Error).message}`);
      return 1;
    }
    const totals: Totals = { written: 0, alreadyThere: 0, records: 0 };
    let failed = 0;
    for (const file of files) {
      const outcome = await writeFile(client, file, io, totals);
      if (outcome === 'connection lost') {
        io.err(`${where}: the connection was lost; the reports written so far are complete, run again to go on`);
        return 1;
      }
      if (outcome === 'failed') failed++;
    }
    io.err(
      `${where}: ${totals.written} reports written (${totals.records} aggregate records), ` +
        `${totals.alreadyThere} already there`,
    );
    return failed > 0 ? 1 : 0;
  } finally {
    await client.end().catch(() => {});
  }
}

type FileOutcome = 'ok' | 'failed' | 'connection lost';

/** An aggregate report whose transaction is open while its records stream. */
interface OpenReport {
  head: AggregateReportHead;
  path: ReportPath;
  records: number;
  /** The report's row id; null when the report was already there (its records are then not written). */
  rowId: string | null;
  begin: string;
  end: string;
}

async function writeFile(client: pg.Client, file: string, io: CliIo, totals: Totals): Promise<FileOutcome> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      io.err(`${file}: is a directory, not a report file`);
      return 'failed';
    }
    size = info.size;
  } catch (error) {
    io.err(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return 'failed';
  }
  if (size > MAX_DECOMPRESSED_BYTES) {
    io.err(`${file}: over the ${MAX_DECOMPRESSED_BYTES / 2 ** 30} GiB limit for one file; not read`);
    return 'failed';
  }

  // Database work runs one step at a time, in the order the parser produced it; the first failure stops the file.
  let work: Promise<void> = Promise.resolve();
  let failure: Error | undefined;
  const then = (step: () => Promise<void>): void => {
    work = work
      .then(() => (failure ? undefined : step()))
      .catch((error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
      });
  };
  const streamed: OpenReport[] = [];
  let open: OpenReport | undefined;
  let openHead: AggregateReportHead | undefined;
  const finishOpen = async (commit: boolean): Promise<void> => {
    const report = open;
    open = undefined;
    if (!report || report.rowId === null) return;
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    if (commit) {
      totals.written++;
      totals.records += report.records;
    }
  };

  const onRecords = (records: AggregateRecord[], head: AggregateReportHead, path: ReportPath): void => {
    if (head !== openHead) {
      openHead = head;
      // The parser has moved on to the next report: the one before is complete.
      then(() => finishOpen(true));
      then(async () => {
        open = await beginAggregate(client, file, head, path, io, totals);
        if (open) streamed.push(open);
      });
    }
    // Batches come and go: only the one being written is held.
    then(async () => {
      if (!open) return;
      open.records += records.length;
      if (open.rowId !== null) await run(client, insertRecords(open.rowId, open.begin, open.end, records));
    });
  };

  let result: ParseResult;
  try {
    result = await parseReportStream(
      paced(createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }), () => work),
      {
        fileName: basename(file),
        signal: {
          get aborted() {
            return failure !== undefined;
          },
        },
        retainRecords: false,
        onRecords,
      },
    );
  } catch (error) {
    failure ??= error as Error;
    result = { ok: false, error: { code: 'internal', message: String(error) }, warnings: [] } as unknown as ParseResult;
  }
  await work;
  const reports = result.ok ? (result.reports as ParsedReportWithStats[]) : [];
  // The last streamed report is complete only if the parser handed it over whole; a file cut short in the middle of
  // a report leaves that report out, with nothing of it written.
  if (!failure && open) {
    const last = open;
    const whole = reports.some((parsed) => isWhole(last, parsed));
    if (!whole) {
      io.err(
        `${last.path.join(' › ')}: only the first ${last.records} records could be read; the report was not written`,
      );
    }
    then(() => finishOpen(whole));
    await work;
  }
  if (!failure) {
    for (const parsed of reports) {
      const report = parsed.report;
      if (report.kind === 'aggregate' && (parsed.stats?.records ?? 0) > 0) continue;
      then(() => writeWholeReport(client, file, parsed, io, totals));
    }
    await work;
  }
  for (const warning of new Set([...reports.flatMap((p) => p.warnings), ...result.warnings])) {
    io.err(`${file}: ${warning}`);
  }
  if (failure) {
    await client.query('ROLLBACK').catch(() => {});
    if (isConnectionError(failure)) return 'connection lost';
    io.err(`${file}: could not be written to PostgreSQL (${failure.message})`);
    return 'failed';
  }
  if (!result.ok) {
    io.err(result.error.message);
    return 'failed';
  }
  return 'ok';
}

function isConnectionError(error: Error): boolean {
  const code = (error as { code?: string }).code;
  return (
    /Connection terminated|connection is closed|not queryable/i.test(error.message) ||
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === '57P01'
  );
}

function isWhole(report: OpenReport, parsed: ParsedReportWithStats): boolean {
  const head = parsed.report as AggregateReportHead;
  return (
    parsed.report.kind === 'aggregate' &&
    parsed.stats?.records === report.records &&
    head.metadata.reportId === report.head.metadata.reportId &&
    parsed.path.length === report.path.length &&
    parsed.path.every((part, i) => part === report.path[i])
  );
}

async function run(client: pg.Client, query: Query): Promise<pg.QueryResult> {
  return client.query(query.text, query.values);
}

/** Opens the transaction of an aggregate report and writes its row; undefined when the report cannot be stored. */
async function beginAggregate(
  client: pg.Client,
  file: string,
  head: AggregateReportHead,
  path: ReportPath,
  io: CliIo,
  totals: Totals,
): Promise<OpenReport | undefined> {
  const begin = timestamp(head.metadata.begin);
  const end = timestamp(head.metadata.end);
  if (begin === null || end === null) {
    io.err(`${path.join(' › ')}: the report's date range is not a real date; not written (${file})`);
    return { head, path, records: 0, rowId: null, begin: '', end: '' };
  }
  await client.query('BEGIN');
  const inserted = await run(client, insertAggregateReport(head, begin, end));
  const row = inserted.rows[0] as { id: string } | undefined;
  if (!row) {
    await client.query('ROLLBACK');
    totals.alreadyThere++;
    return { head, path, records: 0, rowId: null, begin, end };
  }
  return { head, path, records: 0, rowId: row.id, begin, end };
}

/** A report whose whole content came with the parse result: one transaction. */
async function writeWholeReport(
  client: pg.Client,
  file: string,
  parsed: ParsedReportWithStats,
  io: CliIo,
  totals: Totals,
): Promise<void> {
  const report = parsed.report;
  const where = parsed.path.join(' › ');
  if (report.kind === 'aggregate') {
    // An aggregate report without records: its row alone.
    const begin = timestamp(report.metadata.begin);
    const end = timestamp(report.metadata.end);
    if (begin === null || end === null) {
      io.err(`${where}: the report's date range is not a real date; not written (${file})`);
      return;
    }
    const inserted = await run(client, insertAggregateReport(report, begin, end));
    if (inserted.rowCount === 0) totals.alreadyThere++;
    else totals.written++;
    return;
  }
  await client.query('BEGIN');
  const written =
    report.kind === 'tls' ? await writeTls(client, report, where, io) : await writeFailure(client, report);
  await client.query(written ? 'COMMIT' : 'ROLLBACK');
  if (written) totals.written++;
  else totals.alreadyThere++;
}

async function writeTls(client: pg.Client, report: TlsReport, where: string, io: CliIo): Promise<boolean> {
  const begin = timestamp(report.begin);
  const end = timestamp(report.end);
  if (begin === null || end === null) {
    io.err(`${where}: the report's date range is not a real date; not written`);
    return false;
  }
  const inserted = await run(client, insertTlsReport(report, begin, end));
  const row = inserted.rows[0] as { id: string } | undefined;
  if (!row) return false;
  for (const policy of report.policies) await run(client, insertTlsPolicy(row.id, policy));
  return true;
}

async function writeFailure(client: pg.Client, report: FailureReport): Promise<boolean> {
  const inserted = await run(client, insertFailureReport(report));
  return inserted.rows.length > 0;
}

/** The file's chunks, each handed on only once the database has taken what the previous one produced. */
async function* paced(chunks: AsyncIterable<Uint8Array>, idle: () => Promise<void>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    yield chunk;
    await idle();
  }
}
