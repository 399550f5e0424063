// `dmarc-lens fetch`: reads reports from where they arrive (an IMAP folder, a Maildir, a folder of files) and writes
// them as `parse` does. A state file remembers what was read, so every message is read once across runs.
//
// Order per message: its reports are written and flushed, then the state (with the output's length, under --out) is
// replaced atomically, then the message is archived or deleted when asked. A run killed before the state is replaced
// reads that message again; with --out the restarted run first cuts the output back to the recorded length, so each
// report ends up in the file exactly once. On standard output a killed run can have written the last message already.
import { resolve } from 'node:path';
import type { CliIo } from '../main';
import type { Format } from '../FileReportWriter';
import { CSV_HEADER } from '../formatReports';
import { openFileOutput, streamOutput, type FetchOutput } from './output';
import { dirSource, imapId, imapSource, maildirSource, type FetchSource } from './sources';
import { loadState, saveState } from './state';
import { writeMessage } from './writeMessage';

export const FETCH_USAGE = `usage: dmarc-lens fetch (--imap URL | --maildir DIR | --dir DIR) [options]

Reads every message (or file) not read before, and writes its reports as "dmarc-lens parse" does.
  --imap imaps://user@host[:port]/Folder   an IMAP folder over TLS (imap:// requires STARTTLS)
  --password-env VAR   the environment variable holding the IMAP password (default DMARC_LENS_IMAP_PASSWORD)
  --insecure           allow a plain connection and any certificate (a local test server only)
  --archive-to Folder  move each message whose reports were written to this IMAP folder (made if missing)
  --delete             delete each message whose reports were written (never done otherwise)
  --maildir DIR        a Maildir (new/ and cur/), messages known by their unique names
  --dir DIR            a folder of report files (xml, gz, zip, eml, mbox), known by file name
  --state FILE         what was read already (default .dmarc-lens-fetch.json in the current folder)
  --out FILE           append to FILE instead of standard output; a run killed midway and restarted leaves each report
                       in FILE exactly once
  --format json|csv|parsedmarc   as for parse (default json)
  --watch              keep reading new messages (IMAP IDLE, else every --poll seconds) until Ctrl-C
  --poll SECONDS       how often --watch looks when nothing tells it (default 60)
Exit status: 0 when everything was read, 1 when a message failed or the source could not be read, 2 on usage errors.`;

interface FetchArgs {
  imap?: URL;
  maildir?: string;
  dir?: string;
  passwordEnv: string;
  insecure: boolean;
  archiveTo?: string;
  deleteAfter: boolean;
  state: string;
  out?: string;
  format: Format;
  watch: boolean;
  pollSeconds: number;
}

function parseFetchArgs(argv: string[], io: CliIo): FetchArgs | number {
  const args: FetchArgs = {
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
      case '--archive-to':
      case '--password-env': {
        const v = value();
        if (!v) return usage(`${name} needs a value`);
        if (name === '--maildir') args.maildir = resolve(v);
        else if (name === '--dir') args.dir = resolve(v);
        else if (name === '--state') args.state = v;
        else if (name === '--out') args.out = resolve(v);
        else if (name === '--archive-to') args.archiveTo = v;
        else args.passwordEnv = v;
        break;
      }
      case '--format': {
        const v = value();
        if (v !== 'json' && v !== 'csv' && v !== 'parsedmarc') return usage(`unknown format "${v ?? ''}"`);
        args.format = v;
        break;
      }
      case '--poll': {
        const seconds = Number(value());
        if (!(seconds > 0)) return usage('--poll takes a number of seconds');
        args.pollSeconds = seconds;
        break;
      }
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
  const sources = [args.imap, args.maildir, args.dir].filter((s) => s !== undefined).length;
  if (sources !== 1) return usage('give one of --imap, --maildir or --dir');
  if ((args.archiveTo !== undefined || args.deleteAfter) && !args.imap) {
    return usage('--archive-to and --delete are for --imap');
  }
  if (args.archiveTo !== undefined && args.deleteAfter) return usage('give --archive-to or --delete, not both');
  return args;
}

export async function runFetch(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseFetchArgs(argv, io);
  if (typeof parsed === 'number') return parsed;
  const args = parsed;
  const sourceId = args.imap ? imapId(args.imap) : args.maildir ? `maildir:${args.maildir}` : `dir:${args.dir!}`;
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

  let out: FetchOutput;
  if (args.out) {
    const opened = openFileOutput(args.out, state.output?.bytes);
    if (!opened.ok) {
      io.err(opened.message);
      return 1;
    }
    out = opened.output;
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

  let source: FetchSource | undefined;
  const counts = { read: 0, reports: 0, skipped: 0, failed: 0 };
  /** Messages in the source that earlier runs read (each counted once, however many --watch passes see it). */
  const readBefore = new Set<string>();
  const readThisRun = new Set<string>();
  try {
    source = args.imap
      ? await imapSource({
          url: args.imap,
          password,
          insecure: args.insecure,
          deleteAfter: args.deleteAfter,
          ...(args.archiveTo !== undefined && { archiveTo: args.archiveTo }),
        })
      : args.maildir
        ? maildirSource(args.maildir)
        : dirSource(args.dir!);
    if (source.uidValidity !== undefined && state.uidValidity !== source.uidValidity) {
      if (state.uidValidity !== undefined) {
        io.err(
          `${source.id}: UIDVALIDITY changed (${state.uidValidity} → ${source.uidValidity}); every message is read again`,
        );
      }
      state.seen.clear();
      state.uidValidity = source.uidValidity;
    }
    if (args.format === 'csv' && out.startBytes === 0) out.write(CSV_HEADER);
    for (;;) {
      const items = await source.list();
      for (const item of items) {
        if (stopping || out.closed) break;
        if (state.seen.has(item.key)) {
          // Written and recorded by a run that stopped before archiving it.
          if (state.unsettled.delete(item.key)) {
            await source.settle(item);
            saveState(args.state, state);
          }
          if (!readThisRun.has(item.key)) readBefore.add(item.key);
          continue;
        }
        const chunks = await item.open();
        if (!chunks) continue; // gone meanwhile (moved by someone else): nothing to record
        const outcome = await writeMessage(item.label, item.fileName, chunks, args.format, out, io.err);
        await out.ready();
        const bytes = out.commit();
        state.seen.add(item.key);
        readThisRun.add(item.key);
        if (outcome === 'written' && source.settles) state.unsettled.add(item.key);
        if (bytes !== undefined) state.output = { path: args.out!, bytes };
        saveState(args.state, state);
        counts.read++;
        if (outcome === 'written') {
          counts.reports++;
          if (source.settles) {
            await source.settle(item);
            state.unsettled.delete(item.key);
            saveState(args.state, state);
          }
        } else if (outcome === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (!args.watch || stopping || out.closed) break;
      await source.waitForNews(args.pollSeconds * 1000, stopped);
      if (stopping) break;
    }
  } catch (error) {
    io.err(`${source?.id ?? sourceId}: ${describeError(error)}`);
    counts.failed++;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await source?.close().catch(() => undefined);
    out.close();
  }
  io.err(
    `fetch: ${counts.read} read (${counts.reports} with reports, ${counts.skipped} without, ${counts.failed} failed), ${readBefore.size} read before`,
  );
  return counts.failed > 0 ? 1 : 0;
}

/** An error in plain words: imapflow's "Command failed" carries the server's own answer beside it. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const imap = error as Error & { responseText?: string; authenticationFailed?: boolean; code?: string };
  if (imap.authenticationFailed) return `the server refused the user name or password (${imap.responseText ?? ''})`;
  if (imap.responseText) return `the server answered "${imap.responseText}"`;
  return imap.code && !error.message.includes(imap.code) ? `${error.message} (${imap.code})` : error.message;
}
