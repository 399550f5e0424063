// Reads files the user dropped or picked on an extension page, parses them with core's parser and stores every report
// in this extension's IndexedDB. One outcome per file, in plain words when it failed. Files are parsed in this page's
// ParseWorkerPool: a file that takes too long to read is abandoned and reported, and the others carry on meanwhile.
import type { CardReportSummary } from '../messaging/messages';
import { MAX_PARSE_WORKERS, sharedParseWorkerPool } from '../reports/ParseWorkerPool';
import { saveParsedReports } from '../reports/saveParsedReports';
import { toCardReportSummary } from '../reports/toCardReportSummary';

export type DroppedFileOutcome =
  | { fileName: string; ok: true; summaries: CardReportSummary[]; added: number }
  | { fileName: string; ok: false; message: string };

export async function readDroppedFiles(files: Iterable<File>): Promise<DroppedFileOutcome[]> {
  const queue = [...files];
  const outcomes = new Array<DroppedFileOutcome>(queue.length);
  let next = 0;
  // As many files at once as the pool has workers, each file's bytes read only when its turn comes.
  const lane = async () => {
    for (let index = next++; index < queue.length; index = next++)
      outcomes[index] = await readDroppedFile(queue[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(MAX_PARSE_WORKERS, queue.length) }, lane));
  return outcomes;
}

async function readDroppedFile(file: File): Promise<DroppedFileOutcome> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = await sharedParseWorkerPool().read(bytes, file.name, 'attachment');
    if (!read.ok) return { fileName: file.name, ok: false, message: read.error.message };
    const saved = await saveParsedReports(file.name, read.reports, read.warnings);
    return { fileName: file.name, ok: true, summaries: read.reports.map(toCardReportSummary), added: saved.added };
  } catch (error) {
    // The file vanished from disk, or the store refused the write: this file fails, the others go on.
    return { fileName: file.name, ok: false, message: `${file.name} could not be read or saved (${String(error)}).` };
  }
}
