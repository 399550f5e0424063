// The lines `dmarc-lens parse` prints (JSON and parsedmarc formats) as the CLI's tests read them back: what the tests
// look at, typed; the rest of each line is there but not described.

/** What a JSON line or a parsedmarc line says of a file that failed. */
export interface CliError {
  code: string;
  message: string;
}

/** A JSON line: a report read from `file` (`type`, `report`, `warnings`), or the `error` that `file` gave. */
export interface JsonLine {
  file: string;
  type?: string;
  report?: { metadata: { orgName: string; reportId: string }; records: object[] };
  error?: CliError;
  warnings?: unknown[];
}

/** A parsedmarc line: a report under parsedmarc's field names, or `{ file, error }` for a file that failed. */
export interface ParsedmarcLine {
  report_metadata?: Record<string, unknown>;
  records?: object[];
  file?: string;
  error?: CliError;
}
