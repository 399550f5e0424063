// `dmarc-lens parse --to postgres://…` and `fetch --to postgres://…`: every report into parsedmarc's PostgreSQL tables.
//
// Each report is written in its own transaction, so a run that is killed, or a connection that breaks, leaves whole
// reports or none of a report. A report already in the database (parsedmarc's unique keys) is left as it is, so a
// second run over the same files changes nothing.
//
// A report is written when the parser says it is complete (parseReportStream's onReportEnd), never earlier: a report
// cut off inside a damaged archive member or a truncated attachment gets no such signal and is not written, whatever
// the parser reads after it. Most reports are small, and their records come in one batch: such a report is one
// statement (its row and its records), which PostgreSQL applies whole or not at all, sent on one of a few connections
// without waiting for the answer while the next files are read, so that parsing and the database work side by side. A
// report whose records come in several batches is written batch by batch inside a transaction of its own as it is
// parsed, and reading waits for the database: memory stays flat for any report size.
import { basename } from 'node:path';
import type pg from 'pg';
import {
  parseReportStream,
  type ParsedReportWithStats,
  type AggregateReportHead,
  type AggregateRecord,
  type ParseResult,
  type ReportPath,
  type TlsReport,
} from '../../core/report';
import { countText, onlyTheFirst } from '../countText';
import { readFileBytes, type Chunks } from '../fileBytes';
import { runReporter } from '../progress';
import { CREATE_TABLES } from './schema';
import {
  insertAggregateReport,
  insertAggregateReportWithRecords,
  insertFailureReport,
  insertRecords,
  insertTlsPolicy,
  insertTlsReport,
  timestamp,
  type Query,
} from './sql';

/**
 * Connections: statements on different connections run side by side in the server, and one waiting for its answer
 * never holds up reading. Three keep both cores of a small machine busy with the parser on one of them.
 */
const CONNECTIONS = 3;
/** Statements sent and not yet answered, at most: past this, reading waits (memory stays bounded). */
const MAX_IN_FLIGHT = 64;
/**
 * How long {@link PostgresWriter.durable} waits at most for the background writer, which flushes commits that did not
 * wait within three times its wal_writer_delay (200 ms unless set otherwise).
 */
const FLUSH_WAIT_MS = 2000;

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

export interface PostgresTotals {
  written: number;
  alreadyThere: number;
  records: number;
}

/**
 * How the reports of one input went: all written (or already there), some not written, no report in it at all, or
 * the connection lost.
 */
export type WriteOutcome = 'ok' | 'failed' | 'no-report' | 'connection lost';

interface Connection {
  client: pg.Client;
  /** The statement last given to this connection: the next one is handed over once it is answered. */
  tail: Promise<unknown>;
}

/** An aggregate report whose records are coming in. */
interface OpenReport {
  head: AggregateReportHead;
  path: ReportPath;
  records: number;
  /** The first batch, held until it is known whether more come (then the report gets a transaction of its own). */
  firstBatch: AggregateRecord[];
  /** Whether more than one batch came: the report is written in a transaction of its own as it streams. */
  streaming: boolean;
  /** Set once that transaction is open: its row id (null when the report was already there) and interval. */
  transaction?: { rowId: string | null; begin: string; end: string };
}

/** Where the reports of one input stand while it is read. */
class Input {
  open: OpenReport | undefined;
  failed = false;
  /** This input's one-statement reports still under way. */
  readonly pending = new Set<Promise<void>>();
  /** Steps of a report with a transaction of its own, run one after another. */
  work: Promise<void> = Promise.resolve();

  constructor(
    readonly label: string,
    readonly note: (line: string) => void,
  ) {}
}

export class PostgresWriter {
  readonly totals: PostgresTotals = { written: 0, alreadyThere: 0, records: 0 };
  /** Inputs of which a report could not be written (some only after their writeStream returned). */
  failedInputs = 0;
  /** Set when a connection broke: nothing more is written. */
  private lost: Error | undefined;
  private readonly pending = new Set<Promise<void>>();

  private constructor(
    readonly where: string,
    private readonly connections: Connection[],
  ) {}

  /** Connects, makes parsedmarc's tables when missing; undefined (said through `note`) when that fails. */
  static async open(url: string, note: (line: string) => void): Promise<PostgresWriter | undefined> {
    const where = describeDatabase(url);
    // Loaded here, not at start-up: the driver is a bundle of its own (scripts/build-cli.mjs).
    const { default: driver } = await import('pg');
    const connections: Connection[] = [];
    const close = () => Promise.all(connections.map((c) => c.client.end().catch(() => {})));
    for (let i = 0; i < CONNECTIONS; i++) {
      const client = new driver.Client({ connectionString: url, application_name: 'dmarc-lens' });
      // A connection that drops between queries is reported by the next query; this keeps it from being thrown as well.
      client.on('error', () => {});
      connections.push({ client, tail: Promise.resolve() });
      try {
        await client.connect();
        // A commit returns before its WAL is flushed to disk. Reports stay whole either way (a transaction is applied
        // entirely or not at all); only if the server itself crashes can the last moment's reports be missing, and a
        // re-run writes them, since a report already there is skipped. Waiting for a disk flush per report would make
        // that flush, not reading, the cost of a mailbox of small reports.
        await client.query('SET synchronous_commit TO off');
      } catch (error) {
        note(`cannot connect to ${where}: ${(error as Error).message}`);
        await close();
        return undefined;
      }
    }
    const first = connections[0]!.client;
    try {
      await first.query('BEGIN');
      // Two runs starting at once would otherwise race to make the same tables.
      await first.query('SELECT pg_advisory_xact_lock(4810518)');
      for (const statement of CREATE_TABLES) await first.query(statement);
      await first.query('COMMIT');
    } catch (error) {
      note(`cannot create parsedmarc's tables in ${where}: ${(error as Error).message}`);
      await close();
      return undefined;
    }
    return new PostgresWriter(where, connections);
  }

  /** Whether a connection broke (every later write is refused; the reports written so far are whole). */
  get connectionLost(): boolean {
    return this.lost !== undefined;
  }

  /** Reads one file from disk and writes its reports. Never throws. */
  async writeFile(file: string, note: (line: string) => void): Promise<WriteOutcome> {
    const bytes = readFileBytes(file);
    if ('problem' in bytes) {
      note(bytes.problem);
      return 'failed';
    }
    return this.writeStream(file, basename(file), bytes.chunks, note);
  }

  /**
   * Parses `chunks` (a file's or a message's bytes, named `label` in messages) and writes its reports; why an input
   * holds no report is said unless `sayNoReport` is false. Unless `wait`,
   * one-statement reports may still be under way when this returns ({@link settle} waits for them, and
   * {@link failedInputs} counts inputs that failed then); `settled` is then told how the input went once all of its
   * statements are answered. Never throws.
   */
  async writeStream(
    label: string,
    fileName: string,
    chunks: Chunks,
    note: (line: string) => void,
    {
      wait = false,
      sayNoReport = true,
      settled,
    }: { wait?: boolean; sayNoReport?: boolean; settled?: (outcome: WriteOutcome) => void } = {},
  ): Promise<WriteOutcome> {
    const outcome = await this.parseAndWrite(label, fileName, chunks, note, wait, sayNoReport);
    if (settled) {
      const { input, early } = outcome;
      void (async () => {
        while (input.pending.size > 0) await Promise.all([...input.pending]);
        settled(this.lost ? 'connection lost' : input.failed && early === 'ok' ? 'failed' : early);
      })();
    }
    return outcome.early;
  }

  private async parseAndWrite(
    label: string,
    fileName: string,
    chunks: Chunks,
    note: (line: string) => void,
    wait: boolean,
    sayNoReport: boolean,
  ): Promise<{ input: Input; early: WriteOutcome }> {
    const input = new Input(label, note);
    if (this.lost) return { input, early: 'connection lost' };
    let result: ParseResult;
    try {
      result = await parseReportStream(
        paced(chunks, () => this.idle(input)),
        {
          fileName,
          signal: {
            get aborted() {
              return input.failed;
            },
          },
          retainRecords: false,
          onRecords: (records, head, path) => {
            runReporter().addRecords(records.length);
            this.onRecords(input, records, head, path);
          },
          onReportEnd: (parsed) => this.onReportEnd(input, parsed),
        },
      );
    } catch (error) {
      input.failed = true;
      note(`${label}: could not be read (${error instanceof Error ? error.message : String(error)})`);
      result = { ok: false, error: { code: 'malformed', message: String(error) }, warnings: [] };
    }
    // A report whose records came but whose end never did was cut off: nothing of it is written.
    this.abandon(input);
    await input.work;
    if (wait) while (input.pending.size > 0) await Promise.all([...input.pending]);
    const reporter = runReporter();
    reporter.fileDone(result.ok ? result.reports.length : 0);
    if (!reporter.quiet) {
      for (const warning of new Set([
        ...(result.ok ? result.reports.flatMap((p) => p.warnings) : []),
        ...result.warnings,
      ])) {
        note(`${label}: ${warning}`);
      }
    }
    const early = (outcome: WriteOutcome) => ({ input, early: outcome });
    if (this.lost) return early('connection lost');
    if (!result.ok) {
      const noReport = result.error.code === 'not-a-report' || result.error.code === 'empty';
      if (!input.failed && (sayNoReport || !noReport)) note(result.error.message);
      return early(noReport && !input.failed ? 'no-report' : 'failed');
    }
    return early(input.failed ? 'failed' : 'ok');
  }

  /** Waits until every statement sent so far is answered; returns whether a connection broke meanwhile. */
  async settle(): Promise<WriteOutcome> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    return this.lost ? 'connection lost' : 'ok';
  }

  /**
   * Waits until every statement sent so far is answered and its commit is on the server's disk; returns whether that
   * is so (false when a connection broke). Reports are committed without waiting for the disk (see {@link open}), so
   * `fetch` calls this before it records messages as read: a server that crashes then cannot lose a report whose
   * message the state file already counts as read.
   *
   * The server writes its log in order, and a commit that waits for the disk flushes the log up to itself, so every
   * earlier commit with it. Only a transaction that writes to the log waits so; the cheapest one that touches no table
   * of the user's makes a temporary table, dropped at its own commit. Where temporary tables are not allowed, this waits
   * for the server's background writer to flush the log past where it stood once every statement was answered.
   */
  async durable(): Promise<boolean> {
    if ((await this.settle()) === 'connection lost') return false;
    const client = this.transactions.client;
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL synchronous_commit TO on');
      await client.query('CREATE TEMPORARY TABLE dmarc_lens_flush () ON COMMIT DROP');
      await client.query('COMMIT');
      return true;
    } catch (error) {
      if (isConnectionError(error as Error)) return this.lose(error as Error);
      await client.query('ROLLBACK').catch(() => {});
    }
    try {
      const { rows } = await client.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
      const deadline = Date.now() + FLUSH_WAIT_MS;
      for (;;) {
        const flushed = await client.query<{ done: boolean }>(
          'SELECT pg_current_wal_flush_lsn() >= $1::pg_lsn AS done',
          [rows[0]!.lsn],
        );
        if (flushed.rows[0]!.done || Date.now() > deadline) return true;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } catch (error) {
      return isConnectionError(error as Error) ? this.lose(error as Error) : true;
    }
  }

  private lose(error: Error): false {
    this.lost ??= error;
    return false;
  }

  async close(): Promise<void> {
    await this.settle();
    await Promise.all(this.connections.map((c) => c.client.end().catch(() => {})));
  }

  /** The summary line for standard error. */
  summary(): string {
    return (
      `${this.where}: ${countText(this.totals.written, 'report', 'reports')} written ` +
      `(${countText(this.totals.records, 'aggregate record', 'aggregate records')}), ` +
      `${this.totals.alreadyThere} already there`
    );
  }

  private onRecords(input: Input, records: AggregateRecord[], head: AggregateReportHead, path: ReportPath): void {
    if (input.open?.head !== head) {
      this.abandon(input);
      input.open = { head, path, records: records.length, firstBatch: records, streaming: false };
      return;
    }
    const open = input.open;
    open.records += records.length;
    // A second batch: the report gets a transaction of its own and is written as it streams.
    if (!open.streaming) this.beginTransaction(input, open);
    this.step(input, async () => {
      const tx = open.transaction;
      if (tx?.rowId) await this.query(this.transactions, insertRecords(tx.rowId, tx.begin, tx.end, records));
    });
  }

  private onReportEnd(input: Input, parsed: ParsedReportWithStats): void {
    const report = parsed.report;
    const where = parsed.path.join(' › ');
    const streamed = report.kind === 'aggregate' && (parsed.stats?.records ?? 0) > 0;
    const open = input.open && streamed && isSame(input.open, parsed) ? input.open : undefined;
    // Reports end one after another: another one open now was cut off.
    if (!open) this.abandon(input);
    input.open = undefined;
    if (report.kind === 'tls') return this.step(input, () => this.writeTls(input, report, where));
    if (report.kind === 'failure') {
      this.send(input, insertFailureReport(report), (rows) => this.count(rows > 0, 0), '');
      return;
    }
    if (streamed && !open) {
      // Records this writer never saw: a fault of ours, said rather than written half.
      input.failed = true;
      input.note(`${where}: the report's records were not all seen; not written`);
      return;
    }
    const begin = timestamp(report.metadata.begin);
    const end = timestamp(report.metadata.end);
    if (begin === null || end === null) {
      input.note(`${where}: the report's date range is not a real date; not written (${input.label})`);
      return;
    }
    if (open?.streaming) {
      this.step(input, async () => {
        if (!open.transaction?.rowId) return;
        await this.query(this.transactions, { text: 'COMMIT', values: [] });
        this.count(true, open.records);
      });
      return;
    }
    const records = open?.firstBatch ?? [];
    const { metadata, policy } = report;
    this.send(
      input,
      insertAggregateReportWithRecords(report, begin, end, records),
      (rows) => this.count(rows > 0, records.length),
      `${metadata.orgName}\n${metadata.reportId}\n${policy.domain}\n${begin}\n${end}`,
    );
  }

  private count(written: boolean, records: number): void {
    if (written) {
      this.totals.written++;
      this.totals.records += records;
    } else this.totals.alreadyThere++;
  }

  /** Opens the report's transaction on a connection of its own and writes its row and first batch. */
  private beginTransaction(input: Input, open: OpenReport): void {
    const records = open.firstBatch;
    open.firstBatch = [];
    open.streaming = true;
    this.step(input, async () => {
      const begin = timestamp(open.head.metadata.begin);
      const end = timestamp(open.head.metadata.end);
      if (begin === null || end === null) return;
      // Every statement sent before is answered first: none of them can then wait on this transaction's rows.
      await this.settle();
      const connection = this.transactions;
      await this.query(connection, { text: 'BEGIN', values: [] });
      const inserted = await this.query(connection, insertAggregateReport(open.head, begin, end));
      const row = inserted.rows[0] as { id: string } | undefined;
      open.transaction = { rowId: row?.id ?? null, begin, end };
      if (!row) {
        await this.query(connection, { text: 'ROLLBACK', values: [] });
        this.totals.alreadyThere++;
        return;
      }
      await this.query(connection, insertRecords(row.id, begin, end, records));
    });
  }

  /** Drops the open report, if any: its end never came. */
  private abandon(input: Input): void {
    const open = input.open;
    if (!open) return;
    input.open = undefined;
    input.note(`${open.path.join(' › ')}: ${onlyTheFirst(open.records)} could be read; the report was not written`);
    this.step(input, async () => {
      if (open.transaction?.rowId) await this.query(this.transactions, { text: 'ROLLBACK', values: [] });
    });
  }

  private async writeTls(input: Input, report: TlsReport, where: string): Promise<void> {
    const begin = timestamp(report.begin);
    const end = timestamp(report.end);
    if (begin === null || end === null) {
      input.note(`${where}: the report's date range is not a real date; not written`);
      return;
    }
    await this.settle();
    const connection = this.transactions;
    await this.query(connection, { text: 'BEGIN', values: [] });
    const inserted = await this.query(connection, insertTlsReport(report, begin, end));
    const row = inserted.rows[0] as { id: string } | undefined;
    if (row) for (const policy of report.policies) await this.query(connection, insertTlsPolicy(row.id, policy));
    await this.query(connection, { text: row ? 'COMMIT' : 'ROLLBACK', values: [] });
    this.count(row !== undefined, 0);
  }

  /** Runs `action` after the input's earlier steps; the first failure stops the input. */
  private step(input: Input, action: () => Promise<void>): void {
    input.work = input.work.then(async () => {
      if (input.failed || this.lost) return;
      try {
        await action();
      } catch (error) {
        this.fail(input, error);
        await this.rollbackAll();
      }
    });
  }

  /**
   * Sends one statement that is a transaction by itself, without waiting for it, on one of the connections that never
   * hold a transaction open: always the same one for the same `key` (parsedmarc's key of the report), so that of two
   * copies of a report the one read first is the one written, as when every statement waited for the one before.
   */
  private send(input: Input, query: Query, done: (rows: number) => void, key: string): void {
    if (this.lost) return;
    const pool = this.connections.slice(1);
    const connection = pool[hashOf(key) % pool.length]!;
    const sent: Promise<void> = this.query(connection, query).then(
      (result) => done(result.rows.length),
      (error: unknown) => this.fail(input, error),
    );
    this.pending.add(sent);
    input.pending.add(sent);
    void sent.finally(() => {
      this.pending.delete(sent);
      input.pending.delete(sent);
    });
  }

  /** The connection on which reports written in several statements, and TLS reports, have their transactions. */
  private get transactions(): Connection {
    return this.connections[0]!;
  }

  /**
   * Queues `query` on the connection. A connection answers one statement at a time whatever the driver is given, and
   * the driver (pg 8.20 on) warns on standard error when given a statement before the previous one is answered, so
   * the queue is kept here.
   */
  private query(connection: Connection, query: Query): Promise<pg.QueryResult> {
    const answer = connection.tail.then(() => {
      if (this.lost) throw this.lost;
      return connection.client.query(query);
    });
    connection.tail = answer.catch(() => {});
    return answer;
  }

  private fail(input: Input, error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    if (this.lost) return;
    if (isConnectionError(failure)) {
      this.lost = failure;
      return;
    }
    if (!input.failed) {
      input.note(`${input.label}: could not be written to PostgreSQL (${failure.message})`);
      this.failedInputs++;
    }
    input.failed = true;
  }

  /** After a failed step the transaction it was in is ended, so the connection serves the next report. */
  private async rollbackAll(): Promise<void> {
    if (this.lost) return;
    await this.transactions.client.query('ROLLBACK').catch(() => {});
  }

  /** Before the next chunk is read: the input's own steps are done and not too many statements are under way. */
  private async idle(input: Input): Promise<void> {
    await input.work;
    while (this.pending.size >= MAX_IN_FLIGHT) await Promise.race(this.pending);
  }
}

/** A string's FNV-1a hash: spreads report keys over the connections. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function isSame(open: OpenReport, parsed: ParsedReportWithStats): boolean {
  const head = parsed.report as AggregateReportHead;
  return (
    parsed.stats?.records === open.records &&
    head.metadata.reportId === open.head.metadata.reportId &&
    parsed.path.length === open.path.length &&
    parsed.path.every((part, i) => part === open.path[i])
  );
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

/** `dmarc-lens parse --to postgres://…`: every file's reports. */
export async function writeToPostgres(
  files: string[],
  url: string,
  io: { err: (line: string) => void },
): Promise<number> {
  const writer = await PostgresWriter.open(url, io.err);
  if (!writer) return 1;
  let failed = 0;
  try {
    for (const file of files) {
      const outcome = await writer.writeFile(file, io.err);
      if (outcome === 'connection lost') break;
      if (outcome === 'failed' || outcome === 'no-report') failed++;
    }
    await writer.settle();
    if (writer.connectionLost) {
      io.err(`${writer.where}: the connection was lost; the reports written so far are complete, run again to go on`);
      return 1;
    }
    if (!runReporter().quiet) io.err(writer.summary());
    return failed > 0 || writer.failedInputs > 0 ? 1 : 0;
  } finally {
    await writer.close();
  }
}

/** The input's chunks, each handed on only once the database has taken what the previous one produced. */
async function* paced(chunks: Chunks, idle: () => Promise<void>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    yield chunk;
    await idle();
  }
}
