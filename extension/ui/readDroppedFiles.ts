// Reads files the user dropped or picked on an extension page, parses them with core's parser and stores every report
// in this extension's IndexedDB. One outcome per file, in plain words when it failed.
import type { CardReportSummary } from '../messaging/messages';
import { readReportAttachment } from '../reports/readReportAttachment';
import { saveParsedReports } from '../reports/saveParsedReports';
import { toCardReportSummary } from '../reports/toCardReportSummary';

export type DroppedFileOutcome =
  | { fileName: string; ok: true; summaries: CardReportSummary[]; added: number }
  | { fileName: string; ok: false; message: string };

export async function readDroppedFiles(files: Iterable<File>): Promise<DroppedFileOutcome[]> {
  const outcomes: DroppedFileOutcome[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = await readReportAttachment(bytes, file.name, 'attachment');
    if (!read.ok) {
      outcomes.push({ fileName: file.name, ok: false, message: read.error.message });
      continue;
    }
    const saved = await saveParsedReports(file.name, read.reports, read.warnings);
    outcomes.push({ fileName: file.name, ok: true, summaries: read.reports.map(toCardReportSummary), added: saved.added });
  }
  return outcomes;
}
