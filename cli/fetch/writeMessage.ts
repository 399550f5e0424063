// One message (or file) through the core and out in the chosen format, exactly as `dmarc-lens parse` writes a file.
import { parseReportStream, type ParseResult } from '../../core/report';
import { FileReportWriter, type Format } from '../FileReportWriter';
import { runReporter } from '../progress';
import type { FetchOutput } from './output';

export type MessageOutcome = 'written' | 'no-report' | 'failed';

/**
 * Parses `chunks` (a message's raw source, or a file's bytes) and writes its reports under the name `label`.
 * A message with no report in it writes nothing and is said on stderr; a report that could not be read is written as
 * `parse` writes a file that failed.
 */
export async function writeMessage(
  label: string,
  fileName: string,
  chunks: AsyncIterable<Uint8Array>,
  format: Format,
  out: FetchOutput,
  note: (line: string) => void,
): Promise<MessageOutcome> {
  const writer = new FileReportWriter(format, label, out, note);
  let result: ParseResult;
  try {
    result = await parseReportStream(chunks, { fileName, retainRecords: false, onRecords: writer.onRecords });
  } catch (error) {
    writer.discard();
    note(`${label}: could not be read (${error instanceof Error ? error.message : String(error)})`);
    return 'failed';
  }
  if (!result.ok && (result.error.code === 'not-a-report' || result.error.code === 'empty')) {
    writer.discard();
    if (!runReporter().quiet) note(`${label}: no DMARC or TLS report in this message; skipped`);
    return 'no-report';
  }
  return (await writer.finish(result)) ? 'failed' : 'written';
}
