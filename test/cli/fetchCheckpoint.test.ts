// dmarc-lens fetch records what it read at checkpoints (every 500 messages or 2 s), not after every message. These
// tests hold it to the promise that goes with that: a run killed anywhere and run again leaves every report exactly
// once, in a file (--out) and in a real PostgreSQL; and the messages a checkpoint records have their reports on the
// server's disk, not only committed.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresBin, startPostgres, type PostgresServer } from './postgresServer';
import { reportEmail } from './reportEmails';

const bin = fileURLToPath(new URL('../../bin/dmarc-lens.mjs', import.meta.url));
const postgresBin = findPostgresBin();

function cli(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error ? Number((error as { code?: number }).code ?? 1) : 0 });
    });
  });
}

/** How many messages a state file records as read (0 while it does not exist yet). */
function recordedCount(state: string): number {
  return existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as { seen: string[] }).seen.length : 0;
}

/** Starts `dmarc-lens fetch` and kills it (SIGKILL) once `ready()` holds; resolves when it is dead. */
async function killedRun(args: string[], ready: () => boolean | Promise<boolean>): Promise<void> {
  const child = spawn(process.execPath, [bin, 'fetch', ...args], { stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  while (child.exitCode === null && !(await ready())) await new Promise((resolve) => setTimeout(resolve, 5));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

const EMAILS = 1200;
const work = mkdtempSync(join(tmpdir(), 'dmarc-lens-checkpoint-'));
const folder = join(work, 'mail');
/** The messages each email's report counts, by email. */
const messages: number[] = [];

beforeAll(() => {
  mkdirSync(folder);
  for (let i = 0; i < EMAILS; i++) {
    const { email, messages: count } = reportEmail(i);
    // Named so that name order (fetch --dir's order) is generation order.
    writeFileSync(join(folder, `${String(i).padStart(5, '0')}.eml`), email);
    messages.push(count);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('dmarc-lens fetch --dir --out, killed after a checkpoint and run again', () => {
  it('leaves each report exactly once in the file, in the order of a run that was never killed', async () => {
    const whole = await cli([
      'fetch',
      '--dir',
      folder,
      '--state',
      join(work, 'whole.json'),
      '--out',
      join(work, 'whole.jsonl'),
    ]);
    expect(whole.stderr).toBe(`fetch: ${EMAILS} read (${EMAILS} with reports, 0 without, 0 failed), 0 read before\n`);
    const expected = readFileSync(join(work, 'whole.jsonl'), 'utf8');
    expect(expected.split('\n').length - 1).toBe(EMAILS);

    const state = join(work, 'killed.json');
    const out = join(work, 'killed.jsonl');
    // Killed as soon as the file holds a line, before the first checkpoint (500 messages or 2 s): the state then
    // records no message, only the file's length before the run, to which the next run cuts it back.
    await killedRun(['--dir', folder, '--state', state, '--out', out], () => existsSync(out) && statSync(out).size > 0);
    // Killed again once a checkpoint has recorded messages and more lines were written after it.
    await killedRun(['--dir', folder, '--state', state, '--out', out], () => {
      if (recordedCount(state) === 0) return false;
      const bytes = (JSON.parse(readFileSync(state, 'utf8')) as { output: { bytes: number } }).output.bytes;
      return existsSync(out) && statSync(out).size > bytes + 10_000;
    });
    const recorded = recordedCount(state);
    expect(recorded).toBeGreaterThan(0);
    expect(recorded).toBeLessThan(EMAILS);

    const resumed = await cli(['fetch', '--dir', folder, '--state', state, '--out', out]);
    expect(resumed.stderr).toBe(
      `fetch: ${EMAILS - recorded} read (${EMAILS - recorded} with reports, 0 without, 0 failed), ${recorded} read before\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe(expected);
  }, 180_000);
});

describe.skipIf(!postgresBin)('dmarc-lens fetch --dir --to postgres:// (a real PostgreSQL)', () => {
  let server: PostgresServer;
  let db: pg.Client;

  beforeAll(async () => {
    // The background writer flushes the server's log to disk only every 10 s here (200 ms by default), and no standby
    // snapshot is written to it: whatever is on disk when fetch ends, fetch itself had flushed.
    server = await startPostgres(postgresBin!, {
      settings: { wal_writer_delay: '10s', wal_level: 'minimal', max_wal_senders: '0' },
    });
    db = new pg.Client({ connectionString: server.url });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await server?.stop();
  });

  const totals = async (database: pg.Client): Promise<{ reports: number; records: number; messages: number }> => {
    const { rows } = await database.query<{ reports: number; records: number; messages: number }>(
      `SELECT (SELECT count(*) FROM dmarc_aggregate_report)::int AS reports, count(*)::int AS records,
         coalesce(sum(message_count), 0)::int AS messages FROM dmarc_aggregate_record`,
    );
    return rows[0]!;
  };

  it('a checkpoint records messages only once their reports are on the disk of the server', async () => {
    await db.query('CREATE DATABASE flushed');
    const url = server.url.replace(/\/postgres$/, '/flushed');
    const few = join(work, 'few');
    mkdirSync(few);
    for (let i = 0; i < 3; i++) writeFileSync(join(few, `${i}.eml`), reportEmail(i).email);
    const run = await cli(['fetch', '--dir', few, '--state', join(work, 'few.json'), '--to', url]);
    expect(run.stderr).toMatch(/: 3 reports written \(6 aggregate records\), 0 already there\nfetch: 3 read \(3 with/);
    // Nothing was written to the log since fetch ended, and nothing flushed it but fetch: the log is on disk as far
    // as it goes only if fetch waited for it before saving its state.
    const { rows } = await db.query<{ flushed: boolean }>(
      'SELECT pg_current_wal_flush_lsn() >= pg_current_wal_insert_lsn() AS flushed',
    );
    expect(rows[0]!.flushed).toBe(true);
  }, 60_000);

  it('a run killed midway and run again leaves each report exactly once', async () => {
    await db.query('CREATE DATABASE killed');
    const url = server.url.replace(/\/postgres$/, '/killed');
    const own = new pg.Client({ connectionString: url });
    await own.connect();
    try {
      const state = join(work, 'pg-killed.json');
      // Killed once a checkpoint has recorded messages and the database holds reports of messages read after it.
      await killedRun(['--dir', folder, '--state', state, '--to', url], async () => {
        const recorded = recordedCount(state);
        if (recorded === 0) return false;
        return (await totals(own)).reports > recorded + 50;
      });
      // Statements the dead run had sent are still carried out: the server ends its sessions once it sees them gone.
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const { rows } = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'dmarc-lens'",
        );
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const recorded = recordedCount(state);
      const before = await totals(own);
      expect(recorded).toBeGreaterThan(0);
      expect(before.reports).toBeGreaterThan(recorded);
      expect(before.reports).toBeLessThan(EMAILS);

      const resumed = await cli(['fetch', '--dir', folder, '--state', state, '--to', url]);
      expect(resumed.code).toBe(0);
      // The messages read after the last checkpoint are read again and their reports found there already.
      const again = before.reports - recorded;
      expect(resumed.stderr).toMatch(
        new RegExp(
          `: ${EMAILS - before.reports} reports written \\(\\d+ aggregate records\\), ${again} already there\\n` +
            `fetch: ${EMAILS - recorded} read \\(${EMAILS - recorded} with reports, 0 without, 0 failed\\), ${recorded} read before\\n$`,
        ),
      );
      // Email i holds 1 + i % 4 records.
      const records = Array.from({ length: EMAILS }, (_, i) => 1 + (i % 4)).reduce((a, b) => a + b, 0);
      expect(await totals(own)).toEqual({
        reports: EMAILS,
        records,
        messages: messages.reduce((a, b) => a + b, 0),
      });
      const { rows } = await own.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT report_id FROM dmarc_aggregate_report GROUP BY report_id
           HAVING count(*) > 1) AS twice`,
      );
      expect(rows[0]!.n).toBe(0);
    } finally {
      await own.end();
    }
  }, 180_000);
});
