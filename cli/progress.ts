// What a long run says on stderr while it works, and what it keeps quiet. Progress is a line of files, reports and
// records with their rates, at most one a second: on a terminal it is one line rewritten in place (and left standing
// at the end), elsewhere (a log, a pipe) plain lines, and only when asked for with --progress, so that scripts reading
// stderr see only what went wrong. --quiet silences progress and warnings (what was corrected or left out); errors
// (a file or report that could not be read) are always said.
//
// One run at a time sets the reporter (parse and fetch both write through FileReportWriter, which counts into it);
// outside a run it is silent and counts nothing.
import type { CliIo } from './main';
import { countText } from './countText';

export interface RunReporterOptions {
  /** Where progress goes, without a line break added; undefined: no progress. */
  write?: (text: string) => void;
  /** The output is a terminal: one line rewritten in place. */
  tty: boolean;
  quiet: boolean;
  /** Milliseconds; a test's clock. */
  now?: () => number;
}

const numberText = new Intl.NumberFormat('en');

export class RunReporter {
  readonly quiet: boolean;
  /** The number of files the run will read, once known. */
  totalFiles: number | undefined;
  private files = 0;
  private reports = 0;
  private records = 0;
  private readonly started: number;
  private lastDrawn = '';
  /** A progress line stands on the terminal, not yet ended by a line break. */
  private open = false;
  /** A progress line was shown on the terminal. */
  private shown = false;
  private readonly timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: RunReporterOptions) {
    this.quiet = options.quiet;
    this.started = this.now();
    if (this.showsProgress) {
      this.timer = setInterval(() => this.draw(false), 1000);
      // A run that is done does not wait for the next tick.
      this.timer.unref?.();
    }
  }

  private get showsProgress(): boolean {
    return this.options.write !== undefined && !this.options.quiet;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** A file (or fetched message) read to the end, with the number of reports it held. */
  fileDone(reports: number): void {
    this.files++;
    this.reports += reports;
  }

  addRecords(count: number): void {
    this.records += count;
  }

  /** Before a line of its own goes to stderr: the progress line standing on the terminal is taken away. */
  clear(): void {
    if (this.open) {
      this.options.write!('\r\x1b[K');
      this.open = false;
      this.lastDrawn = '';
    }
  }

  /** The run ended: the timer stops, and the last counts stay (a terminal's line ends; a plain line is written). */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    if (!this.showsProgress) return;
    // A terminal's short run that never showed a line leaves nothing behind.
    if (this.options.tty && !this.shown) return;
    this.draw(true);
    if (this.options.tty) {
      this.options.write!('\n');
      this.open = false;
    }
  }

  /** The progress line: `3 of 40 files, 35 reports, 120,345 records; 28 reports/s, 96,276 records/s`. */
  line(): string {
    const seconds = Math.max((this.now() - this.started) / 1000, 0.001);
    const format = (count: number) => numberText.format(count);
    const rate = (count: number) => format(Math.round(count / seconds));
    const files =
      this.totalFiles === undefined
        ? countText(this.files, 'file', 'files', format)
        : `${format(this.files)} of ${countText(this.totalFiles, 'file', 'files', format)}`;
    return (
      `dmarc-lens: ${files}, ${countText(this.reports, 'report', 'reports', format)}, ` +
      `${countText(this.records, 'record', 'records', format)}; ` +
      `${rate(this.reports)} reports/s, ${rate(this.records)} records/s`
    );
  }

  private draw(last: boolean): void {
    if (!this.showsProgress) return;
    const line = this.line();
    if (this.options.tty) {
      this.options.write!(`\r${line}\x1b[K`);
      this.open = true;
      this.shown = true;
      return;
    }
    // Plain lines only when something moved (or at the end): a stalled run does not fill a log with copies.
    const counts = `${this.files}/${this.reports}/${this.records}`;
    if (!last && counts === this.lastDrawn) return;
    this.lastDrawn = counts;
    this.options.write!(`${line}\n`);
  }
}

/** Counts nothing and silences nothing: what FileReportWriter reports into outside a run. */
const SILENT = new RunReporter({ tty: false, quiet: false });
let current: RunReporter = SILENT;

export function runReporter(): RunReporter {
  return current;
}

/** Makes `reporter` the one of the run until the returned function ends it. */
export function startRun(reporter: RunReporter): () => void {
  current = reporter;
  return () => {
    reporter.finish();
    current = SILENT;
  };
}

/** The flags every command takes: they are taken out of the arguments before the command reads them. */
const RUN_FLAGS = new Set(['--quiet', '-q', '--progress']);

/**
 * Whether a run shows progress: asked for with --progress, or by default when stderr is a terminal and the run's
 * output does not go to the same screen (standard output elsewhere, or the output written to a file with --out),
 * where the line would break up what is written (`--out` or `--to postgres://`).
 */
export function showsProgress(
  args: readonly string[],
  asked: boolean,
  terminal: { stderrIsTty: boolean; stdoutIsTty: boolean } | undefined,
): boolean {
  if (asked) return true;
  if (terminal?.stderrIsTty !== true) return false;
  const writesElsewhere = args.some((arg) => /^--(?:out|to)(?:=|$)/.test(arg));
  return !terminal.stdoutIsTty || writesElsewhere;
}

/**
 * Starts a run of the command `argv`: reads and removes --quiet and --progress, and makes the run's reporter (progress
 * as {@link showsProgress} decides). `io.err` of the run takes the progress line away before its own line.
 */
export function beginRun(argv: readonly string[], io: CliIo): { argv: string[]; io: CliIo; end: () => void } {
  const rest: string[] = [];
  let quiet = false;
  let progress = false;
  for (const [i, arg] of argv.entries()) {
    // Past `--` every argument is a file name.
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (!RUN_FLAGS.has(arg)) rest.push(arg);
    else if (arg === '--progress') progress = true;
    else quiet = true;
  }
  const terminal = io.terminal;
  const tty = terminal?.stderrIsTty === true;
  const shown = showsProgress(rest, progress, terminal);
  const write = !shown
    ? undefined
    : (terminal?.stderr ?? ((text: string) => io.err(text.endsWith('\n') ? text.slice(0, -1) : text)));
  const reporter = new RunReporter({ quiet, tty: tty && terminal?.stderr !== undefined, ...(write && { write }) });
  const end = startRun(reporter);
  const err = (line: string): void => {
    reporter.clear();
    io.err(line);
  };
  return { argv: rest, io: { ...io, err }, end };
}
