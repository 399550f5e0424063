// `dmarc-lens parse [--format json|csv|parsedmarc] FILE...` — the core, for pipelines and for checking.
// JSON and parsedmarc: one line per report found (or per file that failed). CSV: one row per aggregate record.
// Exit status 1 when any file failed, 2 on a usage error.
//
// Files are streamed: each is sized before a byte is read, read in chunks into parseReportStream without keeping its
// records, and every batch of records is written as it is parsed. Reading waits while the reader of the output is
// behind, so memory stays flat for any report size and any output speed.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_DECOMPRESSED_BYTES, PARSEDMARC_CSV_HEADER, parseReportStream, type ParseResult } from '../core/report';
import { FileReportWriter, isRecordLines, type Format, type Output, type SideOutputs } from './FileReportWriter';
import { CSV_HEADER, jsonErrorLine } from './formatReports';
import { BackupWriter } from './outputs/backup';
import { openCsvFiles, type CsvFilePaths } from './outputs/csvFiles';
import { isPostgresUrl } from './postgres/postgresUrl';
import { beginRun, runReporter } from './progress';
import { runSenders } from './senders';
import { USAGE } from './usage';
import { cliVersion } from './version';

/** Bytes read from a file at a time: each chunk's records are written before the next chunk is read. */
const READ_CHUNK_BYTES = 64 * 1024;

export interface CliIo {
  /** Standard output; `closed` turns true when its reader went away (EPIPE), and reading stops. */
  out: Output & { readonly closed: boolean };
  /** One line to standard error. */
  err: (line: string) => void;
  /** Standard error as a terminal sees it, for the progress line (cli/progress.ts); absent in tests. */
  terminal?: { stderr: (text: string) => void; stderrIsTty: boolean; stdoutIsTty: boolean };
}

function formatSize(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : `${Math.ceil(bytes / 2 ** 20)} MiB`;
}

type ParsedArgs = { files: string[]; format: Format; to?: string; csvFiles: CsvFilePaths } | { exit: number };

function parseArgs(argv: string[], io: CliIo): ParsedArgs {
  const [command, ...rest] = argv;
  if (command !== 'parse') {
    io.err(USAGE);
    return { exit: 2 };
  }
  let format: Format = 'json';
  let to: string | undefined;
  const csvFiles: CsvFilePaths = {};
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (value === 'opensearch') {
        format = 'es';
        continue;
      }
      if (
        value !== 'json' &&
        value !== 'csv' &&
        value !== 'parsedmarc' &&
        value !== 'parsedmarc-csv' &&
        value !== 'es' &&
        value !== 'splunk' &&
        value !== 'backup'
      ) {
        io.err(`unknown format "${value ?? ''}"\n${USAGE}`);
        return { exit: 2 };
      }
      format = value;
    } else if (arg === '--to' || arg.startsWith('--to=')) {
      to = arg === '--to' ? rest[++i] : arg.slice('--to='.length);
      if (!to || !isPostgresUrl(to)) {
        io.err(`--to takes a database URL, postgres://user@host:port/database\n${USAGE}`);
        return { exit: 2 };
      }
    } else if (arg === '--failure-csv' || arg === '--tls-csv') {
      const path = rest[++i];
      if (!path) {
        io.err(`${arg} takes a file name\n${USAGE}`);
        return { exit: 2 };
      }
      csvFiles[arg === '--tls-csv' ? 'tlsCsv' : 'failureCsv'] = path;
    } else if (arg === '--help' || arg === '-h') {
      io.out.write(`${USAGE}\n`);
      return { exit: 0 };
    } else files.push(arg);
  }
  if (files.length === 0) {
    io.err(USAGE);
    return { exit: 2 };
  }
  if ((csvFiles.failureCsv !== undefined || csvFiles.tlsCsv !== undefined) && format !== 'parsedmarc-csv') {
    io.err(`--failure-csv and --tls-csv go with --format parsedmarc-csv\n${USAGE}`);
    return { exit: 2 };
  }
  return { files, format, csvFiles, ...(to !== undefined && { to }) };
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const run = beginRun(argv, io);
  try {
    return await runCommand(run.argv, run.io);
  } finally {
    run.end();
  }
}

async function runCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-V') {
    io.out.write(`${cliVersion()}\n`);
    return 0;
  }
  if (argv[0] === 'senders') return runSenders(argv.slice(1), io);
  // Loaded only for fetch: the IMAP client stays out of every other command's start-up.
  if (argv[0] === 'fetch') return (await import('./fetch/fetch')).runFetch(argv.slice(1), io);
  const args = parseArgs(argv, io);
  if ('exit' in args) return args.exit;
  const { files, format } = args;
  runReporter().totalFiles = files.length;
  if (args.to !== undefined) {
    // Loaded only here: the database driver costs start-up time every other command does not need to pay.
    const { writeToPostgres } = await import('./postgres/writeToPostgres');
    return writeToPostgres(files, args.to, io);
  }
  if (format === 'csv') io.out.write(CSV_HEADER);
  const csvFiles = openCsvFiles(args.csvFiles);
  if ('error' in csvFiles) {
    io.err(csvFiles.error);
    return 2;
  }
  if (format === 'parsedmarc-csv') io.out.write(PARSEDMARC_CSV_HEADER);
  if (format === 'backup') {
    const backup = new BackupWriter(Date.now());
    csvFiles.side.backup = backup;
    io.out.write(backup.header());
  }
  let failed = 0;
  try {
    for (const file of files) {
      if (io.out.closed) break;
      if (!(await writeReportsOfFile(file, format, io, csvFiles.side))) failed++;
      await io.out.ready();
    }
  } finally {
    csvFiles.close();
  }
  return failed > 0 ? 1 : 0;
}

/** Reads one file and writes its reports. Returns whether it was read; never throws, so the next file is read. */
async function writeReportsOfFile(file: string, format: Format, io: CliIo, side: SideOutputs): Promise<boolean> {
  const refuse = (code: string, message: string): false => {
    if (isRecordLines(format)) io.err(message);
    else io.out.write(jsonErrorLine(file, { code, message }));
    return false;
  };
  /** A file refused before it is read: counted as read for the progress line. */
  const refuseUnread = (code: string, message: string): false => {
    runReporter().fileDone(0);
    return refuse(code, message);
  };
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return refuseUnread('unreadable', `${file}: is a directory, not a report file`);
    size = info.size;
  } catch (error) {
    return refuseUnread(
      'unreadable',
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  // The limit parseReportStream applies while reading, applied before reading anything.
  if (size > MAX_DECOMPRESSED_BYTES) {
    return refuseUnread(
      'too-large',
      `${file}: ${formatSize(size)} is over the ${MAX_DECOMPRESSED_BYTES / 2 ** 30} GiB limit for one file; not read`,
    );
  }
  const writer = new FileReportWriter(format, file, io.out, io.err, side);
  try {
    const signal = {
      get aborted(): boolean {
        return io.out.closed;
      },
    };
    const result: ParseResult = await parseReportStream(
      paced(createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }), io.out),
      {
        fileName: basename(file),
        signal,
        retainRecords: false,
        onRecords: writer.onRecords,
      },
    );
    if (io.out.closed) {
      writer.discard();
      return true;
    }
    return !(await writer.finish(result));
  } catch (error) {
    // A fault of ours (the parser itself never throws): said, and the next file is still read.
    writer.discard();
    return refuse(
      'internal',
      `${file}: could not be written (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** The file's chunks, each handed on only once the output has taken what the previous one produced. */
async function* paced(chunks: AsyncIterable<Uint8Array>, out: Output): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    yield chunk;
    await out.ready();
  }
}
