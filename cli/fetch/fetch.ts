// `dmarc-lens fetch`: reads reports from where they arrive (an IMAP folder, a Maildir, a folder of files) and writes
// them as `parse` does. A state file remembers what was read, so every message is read once across runs.
//
// Messages are recorded in the state at checkpoints: every CHECKPOINT_MESSAGES messages or CHECKPOINT_MS, at the end of
// each pass over the source and when the run ends. A checkpoint first puts the reports of the messages since the last
// one on disk (under --out the file is flushed; with --to postgres:// every statement is answered and the server has
// flushed its commits), then replaces the state atomically, then archives or deletes those messages when asked. So a
// message is never recorded before its reports are kept, nor moved before it is recorded. A run killed between
// checkpoints reads the messages since the last one again: with --out the restarted run first cuts the output back to
// the length recorded with them, and in PostgreSQL a report already there is not written twice, so each report ends
// up written exactly once. Standard output cannot be cut back: there every message is recorded as soon as it is
// written, and a killed run can have written the last message already.
//
// --watch outlives the server: when the connection drops (a restart, a network break) it connects again, waiting 1 s,
// then twice as long after each failed try up to a minute. A message whose download broke off is not recorded, and
// under --out what was written of it is cut off again, so it is read whole after the reconnection.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIo } from '../main';
import type { Format } from '../FileReportWriter';
import { CSV_HEADER } from '../formatReports';
import { PARSEDMARC_CSV_HEADER } from '../../core/report';
import { runReporter } from '../progress';
import { isPostgresUrl } from '../postgres/postgresUrl';
import type { PostgresWriter, WriteOutcome } from '../postgres/writeToPostgres';
import { openFileOutput, streamOutput, type FetchOutput } from './output';
import {
  dirSource,
  imapId,
  imapSource,
  isConnectionLoss,
  maildirSource,
  sleepOrStop,
  type FetchItem,
  type FetchSource,
} from './sources';
import { graphSource } from './graph';
import { loadState, saveState } from './state';
import { writeMessage } from './writeMessage';
import type { Chunks } from '../fileBytes';

export const FETCH_USAGE = `usage: dmarc-lens fetch (--imap URL | --graph --mailbox ADDRESS | --maildir DIR | --dir DIR) [options]

Reads every message (or file) not read before, and writes its reports as "dmarc-lens parse" does.
  --imap imaps://user@host[:port]/Folder   an IMAP folder over TLS (imap:// requires STARTTLS)
  --password-env VAR   the environment variable holding the IMAP password (default DMARC_LENS_IMAP_PASSWORD)
  --ca FILE            trust the certificate authority (PEM) in FILE for the server's certificate (as does
                       NODE_EXTRA_CA_CERTS); a certificate nothing trusts is refused
  --insecure           allow a plain connection and any certificate (a local test server only)
  --archive-to Folder  move each message whose reports were written to this IMAP folder (made if missing)
  --delete             delete each message whose reports were written (never done otherwise)
  --graph              a Microsoft 365 mailbox through Microsoft Graph: the attachments of the messages in --folder
    --mailbox ADDRESS  the mailbox (user@example.com)
    --folder NAME      a top-level folder's name, or a well-known one (default inbox)
    --token-env VAR    the environment variable holding a bearer token (default DMARC_LENS_GRAPH_TOKEN); or, for an
                       app registration with Mail.Read: --tenant ID --client-id ID, its secret in the environment
                       variable DMARC_LENS_GRAPH_CLIENT_SECRET (another with --secret-env VAR)
    --graph-endpoint URL   Graph for a national cloud (default https://graph.microsoft.com)
    --login-endpoint URL   its sign-in endpoint (default https://login.microsoftonline.com)
  --maildir DIR        a Maildir (new/ and cur/), messages known by their unique names
  --dir DIR            a folder of report files (xml, gz, zip, eml, mbox), known by file name
  --state FILE         what was read already (default .dmarc-lens-fetch.json in the current folder)
  --out FILE           append to FILE instead of standard output; a run killed midway and restarted leaves each report
                       in FILE exactly once
  --format json|csv|parsedmarc|parsedmarc-csv|es|splunk   as for parse (default json); the backup format and the
                       failure and TLS CSVs are parse's only, since a fetch appends across runs
  --to postgres://user@host:port/db   write into parsedmarc's PostgreSQL tables, as parse --to does
  --watch              keep reading new messages (IMAP IDLE, else every --poll seconds) until Ctrl-C; when the
                       connection drops, connect again (after 1 s, doubling up to a minute)
  --poll SECONDS       how often --watch looks when nothing tells it (default 60)
  --quiet, --progress  as for parse
Exit status: 0 when everything was read, 1 when a message failed or the source could not be read, 2 on usage errors.`;

interface FetchArgs {
  imap?: URL;
  graph: boolean;
  mailbox?: string;
  folder: string;
  graphEndpoint: string;
  loginEndpoint: string;
  tokenEnv: string;
  tenant?: string;
  clientId?: string;
  secretEnv: string;
  maildir?: string;
  dir?: string;
  passwordEnv: string;
  insecure: boolean;
  ca?: string;
  archiveTo?: string;
  deleteAfter: boolean;
  state: string;
  out?: string;
  to?: string;
  format: Format;
  watch: boolean;
  pollSeconds: number;
}

function parseFetchArgs(argv: string[], io: CliIo): FetchArgs | number {
  const args: FetchArgs = {
    graph: false,
    folder: 'inbox',
    graphEndpoint: 'https://graph.microsoft.com',
    loginEndpoint: 'https://login.microsoftonline.com',
    tokenEnv: 'DMARC_LENS_GRAPH_TOKEN',
    secretEnv: 'DMARC_LENS_GRAPH_CLIENT_SECRET',
    passwordEnv: 'DMARC_LENS_IMAP_PASSWORD',
    insecure: false,
    deleteAfter: false,
    state: '.dmarc-lens-fetch.json',
    format: 'json',
    watch: false,
    pollSeconds: 60,
  };
  const usage = (problem: string): number => {
    io.err(`${problem}\n${FETCH_USAGE}`);
    return 2;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i]);
    switch (name) {
      case '--help':
      case '-h':
        io.out.write(`${FETCH_USAGE}\n`);
        return 0;
      case '--imap': {
        const text = value() ?? '';
        let url: URL;
        try {
          url = new URL(text);
        } catch {
          return usage(`--imap takes a URL like imaps://user@host/INBOX, not "${text}"`);
        }
        if (url.protocol !== 'imaps:' && url.protocol !== 'imap:') {
          return usage(`--imap takes an imaps:// or imap:// URL, not "${text}"`);
        }
        if (url.password)
          return usage('give the IMAP password in an environment variable (--password-env), not in the URL');
        args.imap = url;
        break;
      }
      case '--maildir':
      case '--dir':
      case '--state':
      case '--out':
      case '--to':
      case '--ca':
      case '--archive-to':
      case '--password-env': {
        const v = value();
        if (!v) return usage(`${name} needs a value`);
        if (name === '--to') {
          if (!isPostgresUrl(v)) return usage('--to takes a database URL, postgres://user@host:port/database');
          args.to = v;
        } else if (name === '--ca') args.ca = resolve(v);
        else if (name === '--maildir') args.maildir = resolve(v);
        else if (name === '--dir') args.dir = resolve(v);
        else if (name === '--state') args.state = v;
        else if (name === '--out') args.out = resolve(v);
        else if (name === '--archive-to') args.archiveTo = v;
        else args.passwordEnv = v;
        break;
      }
      case '--format': {
        const v = value();
        if (v === 'opensearch') args.format = 'es';
        else if (
          v === 'json' ||
          v === 'csv' ||
          v === 'parsedmarc' ||
          v === 'parsedmarc-csv' ||
          v === 'es' ||
          v === 'splunk'
        )
          args.format = v;
        else return usage(`unknown format "${v ?? ''}"`);
        break;
      }
      case '--poll': {
        const seconds = Number(value());
        if (!(seconds > 0)) return usage('--poll takes a number of seconds');
        args.pollSeconds = seconds;
        break;
      }
      case '--mailbox':
      case '--folder':
      case '--token-env':
      case '--tenant':
      case '--client-id':
      case '--secret-env':
      case '--graph-endpoint':
      case '--login-endpoint': {
        const v = value();
        if (!v) return usage(`${name} needs a value`);
        if ((name === '--graph-endpoint' || name === '--login-endpoint') && !/^https?:\/\//.test(v)) {
          return usage(`${name} takes a URL like https://graph.microsoft.us`);
        }
        if (name === '--mailbox') args.mailbox = v;
        else if (name === '--folder') args.folder = v;
        else if (name === '--token-env') args.tokenEnv = v;
        else if (name === '--tenant') args.tenant = v;
        else if (name === '--client-id') args.clientId = v;
        else if (name === '--secret-env') args.secretEnv = v;
        else if (name === '--graph-endpoint') args.graphEndpoint = v;
        else args.loginEndpoint = v;
        break;
      }
      case '--graph':
        args.graph = true;
        break;
      case '--insecure':
        args.insecure = true;
        break;
      case '--delete':
        args.deleteAfter = true;
        break;
      case '--watch':
        args.watch = true;
        break;
      default:
        return usage(`unknown option "${arg}"`);
    }
  }
  const sources = [args.imap, args.graph || undefined, args.maildir, args.dir].filter((s) => s !== undefined).length;
  if (sources !== 1) return usage('give one of --imap, --graph, --maildir or --dir');
  if (args.graph && args.mailbox === undefined) return usage('--graph needs --mailbox ADDRESS');
  if (args.mailbox !== undefined && !args.graph) return usage('--mailbox is for --graph');
  if ((args.tenant === undefined) !== (args.clientId === undefined)) {
    return usage('give --tenant and --client-id together');
  }
  if ((args.archiveTo !== undefined || args.deleteAfter) && !args.imap) {
    return usage('--archive-to and --delete are for --imap');
  }
  if (args.archiveTo !== undefined && args.deleteAfter) return usage('give --archive-to or --delete, not both');
  if (args.to !== undefined && (args.out !== undefined || args.format !== 'json')) {
    return usage('--to writes into the database: give it without --out and --format');
  }
  if (args.ca !== undefined && !args.imap) return usage('--ca is for --imap');
  return args;
}

export async function runFetch(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseFetchArgs(argv, io);
  if (typeof parsed === 'number') return parsed;
  const args = parsed;
  const sourceId = args.imap
    ? imapId(args.imap)
    : args.graph
      ? `graph:${args.mailbox!}/${args.folder}`
      : args.maildir
        ? `maildir:${args.maildir}`
        : `dir:${args.dir!}`;
  const loaded = loadState(args.state, sourceId);
  if (!loaded.ok) {
    io.err(loaded.message);
    return 2;
  }
  const state = loaded.state;
  if (args.out && state.output && state.output.path !== args.out) {
    io.err(`${args.state}: this state file records output to ${state.output.path}, not ${args.out}`);
    return 2;
  }
  let password = '';
  if (args.imap) {
    password = process.env[args.passwordEnv] ?? '';
    if (!password) {
      io.err(`the IMAP password is read from the environment variable ${args.passwordEnv}, which is not set`);
      return 2;
    }
  }
  let graphAuth: { token: string } | { clientSecret: string } | undefined;
  if (args.graph) {
    const variable = args.tenant !== undefined ? args.secretEnv : args.tokenEnv;
    const value = process.env[variable] ?? '';
    if (!value) {
      io.err(
        args.tenant !== undefined
          ? `the client secret is read from the environment variable ${variable}, which is not set`
          : `the Microsoft Graph token is read from the environment variable ${variable}, which is not set ` +
              '(or give --tenant and --client-id for the client credentials flow)',
      );
      return 2;
    }
    graphAuth = args.tenant !== undefined ? { clientSecret: value } : { token: value };
  }
  let ca: string | undefined;
  if (args.ca !== undefined) {
    try {
      ca = readFileSync(args.ca, 'utf8');
    } catch (error) {
      io.err(`${args.ca}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return 2;
    }
  }

  let out: FetchOutput | undefined;
  let database: PostgresWriter | undefined;
  if (args.to !== undefined) {
    // Loaded only here, as for parse: the database driver is not part of every start.
    const { PostgresWriter } = await import('../postgres/writeToPostgres');
    database = await PostgresWriter.open(args.to, io.err);
    if (!database) return 1;
  } else if (args.out) {
    const opened = openFileOutput(args.out, state.output?.bytes);
    if (!opened.ok) {
      io.err(opened.message);
      return 1;
    }
    out = opened.output;
    // Recorded before anything is written: a run killed before its first checkpoint is cut back to here.
    state.output = { path: args.out, bytes: out.startBytes };
    saveState(args.state, state);
  } else out = streamOutput(io.out);

  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  let stopping = false;
  const onSignal = (): void => {
    stopping = true;
    stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const openSource = async (): Promise<FetchSource> =>
    graphAuth
      ? graphSource({
          endpoint: args.graphEndpoint,
          mailbox: args.mailbox!,
          folder: args.folder,
          ...('token' in graphAuth
            ? { token: graphAuth.token }
            : {
                credentials: {
                  loginEndpoint: args.loginEndpoint,
                  tenant: args.tenant!,
                  clientId: args.clientId!,
                  clientSecret: graphAuth.clientSecret,
                },
              }),
          ...(state.cursor !== undefined && { cursor: state.cursor }),
          stopped,
          note: io.err,
        })
      : args.imap
        ? imapSource({
            url: args.imap,
            password,
            insecure: args.insecure,
            deleteAfter: args.deleteAfter,
            ...(ca !== undefined && { ca }),
            ...(args.archiveTo !== undefined && { archiveTo: args.archiveTo }),
          })
        : args.maildir
          ? maildirSource(args.maildir)
          : dirSource(args.dir!);

  let source: FetchSource | undefined;
  const counts = { read: 0, reports: 0, skipped: 0, failed: 0 };
  /** Messages in the source that earlier runs read (each counted once, however many --watch passes see it). */
  const readBefore = new Set<string>();
  const readThisRun = new Set<string>();
  const closed = (): boolean => stopping || (out?.closed ?? false);

  /** Messages read since the last checkpoint, with how each went (for PostgreSQL, once its statements are answered). */
  let batch: Array<{ item: FetchItem; outcome: Promise<MessageOutcome> }> = [];
  let lastCheckpoint = Date.now();

  /**
   * Records the messages read since the last checkpoint once their reports are kept, then archives or deletes them
   * when asked (`from`: the source they came from) unless `settleNow` is false (the source is broken: the next pass
   * finds them in the state as not yet archived). Throws DatabaseLost, recording nothing, when the database
   * connection broke.
   */
  const checkpoint = async (from: FetchSource | undefined, settleNow = true): Promise<void> => {
    const done = batch;
    batch = [];
    lastCheckpoint = Date.now();
    if (database && !(await database.durable())) throw new DatabaseLost(database.where);
    const toSettle: FetchItem[] = [];
    for (const { item, outcome } of done) {
      const how = await outcome;
      counts.read++;
      if (how === 'written') {
        counts.reports++;
        if (from?.settles) {
          state.unsettled.add(item.key);
          toSettle.push(item);
        }
      } else if (how === 'failed') counts.failed++;
      else counts.skipped++;
    }
    const bytes = out?.flush();
    if (bytes !== undefined) state.output = { path: args.out!, bytes };
    saveState(args.state, state);
    if (!settleNow || toSettle.length === 0) return;
    for (const item of toSettle) {
      await from!.settle(item);
      state.unsettled.delete(item.key);
    }
    saveState(args.state, state);
  };

  /** Reads one message; when its download breaks off, throws without recording it. */
  const readItem = async (from: FetchSource, item: FetchItem): Promise<void> => {
    const opened = await item.open();
    if (!opened) return; // gone meanwhile (moved by someone else): nothing to record
    const transport: { error?: unknown } = {};
    const chunks = watched(opened, transport);
    let outcome: Promise<MessageOutcome>;
    if (database) {
      let settled: (how: WriteOutcome) => void = () => undefined;
      const final = new Promise<WriteOutcome>((resolve) => (settled = resolve));
      const written = await database.writeStream(item.label, item.fileName, chunks, io.err, {
        sayNoReport: false,
        settled,
      });
      if (written === 'connection lost') throw new DatabaseLost(database.where);
      if (written === 'no-report' && transport.error === undefined) {
        io.err(`${item.label}: no DMARC or TLS report in this message; skipped`);
      }
      // A report that fails once parsing is done fails the message; a lost connection is found at the checkpoint.
      outcome = final.then((how) => (how === 'ok' ? 'written' : how === 'no-report' ? 'no-report' : 'failed'));
    } else {
      outcome = Promise.resolve(await writeMessage(item.label, item.fileName, chunks, args.format, out!, io.err));
      await out!.ready();
    }
    if (transport.error !== undefined) {
      out?.rollback();
      throw transport.error instanceof Error ? transport.error : new Error('the download broke off');
    }
    out?.messageDone();
    state.seen.add(item.key);
    readThisRun.add(item.key);
    batch.push({ item, outcome });
    if (out?.recordEachMessage || batch.length >= CHECKPOINT_MESSAGES || Date.now() - lastCheckpoint >= CHECKPOINT_MS) {
      await checkpoint(from);
    }
  };

  /** One connection's work: every pass over the source until the run ends. */
  const readSource = async (from: FetchSource): Promise<void> => {
    if (from.uidValidity !== undefined && state.uidValidity !== from.uidValidity) {
      if (state.uidValidity !== undefined) {
        io.err(
          `${from.id}: UIDVALIDITY changed (${state.uidValidity} → ${from.uidValidity}); every message is read again`,
        );
      }
      state.seen.clear();
      state.uidValidity = from.uidValidity;
    }
    for (;;) {
      const items = await from.list();
      for (const item of items) {
        if (closed()) break;
        if (state.seen.has(item.key)) {
          // Written and recorded by a run that stopped before archiving it. The state is saved at the next checkpoint,
          // not now: it holds messages read since the last one, whose reports may not be on disk yet.
          if (state.unsettled.has(item.key)) {
            await from.settle(item);
            state.unsettled.delete(item.key);
          }
          if (!readThisRun.has(item.key)) readBefore.add(item.key);
          continue;
        }
        await readItem(from, item);
      }
      await checkpoint(from);
      // Where the next pass starts, once every message of this one is read and recorded.
      const cursor = from.cursor?.();
      if (!closed() && cursor !== undefined && cursor !== state.cursor) {
        state.cursor = cursor;
        saveState(args.state, state);
      }
      if (!args.watch || closed()) return;
      await from.waitForNews(args.pollSeconds * 1000, stopped);
      if (stopping) return;
    }
  };

  try {
    if (out && out.startBytes === 0) {
      if (args.format === 'csv') out.write(CSV_HEADER);
      else if (args.format === 'parsedmarc-csv') out.write(PARSEDMARC_CSV_HEADER);
    }
    let backoffMs = RECONNECT_FIRST_MS;
    for (;;) {
      try {
        source = await openSource();
        backoffMs = RECONNECT_FIRST_MS;
        await readSource(source);
        break;
      } catch (error) {
        if (!args.watch || stopping || !isConnectionLoss(error)) throw error;
        await checkpoint(source, false);
        io.err(
          `${source?.id ?? sourceId}: ${describeError(error)}; connecting again in ${Math.round(backoffMs / 1000)} s`,
        );
        await source?.close().catch(() => undefined);
        source = undefined;
        await sleepOrStop(backoffMs, stopped);
        backoffMs = Math.min(backoffMs * 2, RECONNECT_LAST_MS);
        if (stopping) break;
      }
    }
  } catch (error) {
    io.err(`${error instanceof DatabaseLost ? error.message : `${source?.id ?? sourceId}: ${describeError(error)}`}`);
    counts.failed++;
    // What was read before the failure is recorded, unless the database is gone (then nothing since the last
    // checkpoint is known to be kept, and the next run reads it again).
    if (!(error instanceof DatabaseLost)) await checkpoint(source, false).catch(() => undefined);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await source?.close().catch(() => undefined);
    out?.close();
    await database?.close();
  }
  if (!runReporter().quiet) {
    if (database) io.err(database.summary());
    io.err(
      `fetch: ${counts.read} read (${counts.reports} with reports, ${counts.skipped} without, ${counts.failed} failed), ${readBefore.size} read before`,
    );
  }
  return counts.failed > 0 ? 1 : 0;
}

type MessageOutcome = 'written' | 'no-report' | 'failed';

/**
 * Messages and time between checkpoints. A killed run reads at most this much again; each checkpoint costs a flush to
 * disk of the output or the database and of the state file, whose whole list of messages is written each time.
 */
const CHECKPOINT_MESSAGES = 500;
const CHECKPOINT_MS = 2000;

/** The first wait before connecting again, and the longest. */
const RECONNECT_FIRST_MS = 1000;
const RECONNECT_LAST_MS = 60_000;

class DatabaseLost extends Error {
  constructor(where: string) {
    super(`${where}: the connection was lost; the reports written so far are complete, run again to go on`);
  }
}

/** The message's bytes as they come; an error of the download itself is kept in `transport` and ends the reading. */
async function* watched(chunks: Chunks, transport: { error?: unknown }): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of chunks) yield chunk;
  } catch (error) {
    transport.error = error;
    throw error;
  }
}

/** An error in plain words: imapflow's "Command failed" carries the server's own answer beside it. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const imap = error as Error & { responseText?: string; authenticationFailed?: boolean; code?: string };
  if (imap.authenticationFailed) return `the server refused the user name or password (${imap.responseText ?? ''})`;
  if (imap.code !== undefined && UNTRUSTED_CERTIFICATE.has(imap.code)) {
    return (
      `the server's certificate is not trusted (${imap.code}: ${error.message}); give the authority that signed it ` +
      'with --ca FILE (or NODE_EXTRA_CA_CERTS), or --insecure for a test server'
    );
  }
  if (imap.responseText) return `the server answered "${imap.responseText}"`;
  return imap.code && !error.message.includes(imap.code) ? `${error.message} (${imap.code})` : error.message;
}

/** Node's codes for a certificate chain it could not verify, or one for another host. */
const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
