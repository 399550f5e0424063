// `--failure-csv FILE` and `--tls-csv FILE` beside `--format parsedmarc-csv`: parsedmarc writes its aggregate, failure
// and SMTP TLS reports to three CSVs of different columns, so the failure and TLS rows go to files of their own while
// the aggregate rows go to standard output. Each file is made (or emptied) before reading starts and gets its header
// even when no such report turns up, as parsedmarc's files do.
import { closeSync, openSync, writeSync } from 'node:fs';
import { PARSEDMARC_FAILURE_CSV_HEADER, PARSEDMARC_TLS_CSV_HEADER } from '../../core/report';
import type { SideOutputs } from '../FileReportWriter';

export interface CsvFilePaths {
  failureCsv?: string;
  tlsCsv?: string;
}

export interface OpenCsvFiles {
  side: SideOutputs;
  close(): void;
}

/** Opens the files named; a file that cannot be made is said in a sentence naming it, and none stays open. */
export function openCsvFiles(paths: CsvFilePaths): OpenCsvFiles | { error: string } {
  const opened: number[] = [];
  const side: SideOutputs = {};
  const open = (path: string, header: string): ((text: string) => void) | string => {
    try {
      const fd = openSync(path, 'w');
      opened.push(fd);
      writeSync(fd, header);
      return (text) => void writeSync(fd, text);
    } catch (error) {
      return `${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
  };
  const close = () => {
    for (const fd of opened.splice(0)) closeSync(fd);
  };
  for (const [key, path, header] of [
    ['failureCsv', paths.failureCsv, PARSEDMARC_FAILURE_CSV_HEADER],
    ['tlsCsv', paths.tlsCsv, PARSEDMARC_TLS_CSV_HEADER],
  ] as const) {
    if (path === undefined) continue;
    const writer = open(path, header);
    if (typeof writer === 'string') {
      close();
      return { error: writer };
    }
    side[key] = writer;
  }
  return { side, close };
}
