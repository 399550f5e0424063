// Issue 19's "the bench also runs the corpus concatenated": the records of every real aggregate report in the corpus
// (plain, .gz and .zip), each exactly as its reporter wrote it (indentation, line endings, entities, element order,
// several DKIM results), put one after another under one report head until the document reaches the size asked for.
// Only reports our parser reads whole are taken (a refused or damaged one would make the whole document refused), and
// only unprefixed <record> elements (a prefixed one needs its namespace declared on the head).
import { gunzipSync, unzipSync } from 'fflate';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseReport } from '../../core/report/parseReport';
import { FIXTURE_REPORTS, readManifest, SHARED_CORPUS } from '../corpus/readManifest';
import { syntheticHead } from './generateAggregateXml';

const RECORD = /<record>[\s\S]*?<\/record>/g;

/** The XML documents a corpus file holds: itself, its gzip member, or its zip entries. */
function documentsOf(format: string, bytes: Uint8Array): Uint8Array[] {
  if (format === 'xml') return [bytes];
  if (format === 'gz') return [gunzipSync(bytes)];
  if (format === 'zip') return Object.values(unzipSync(bytes));
  return [];
}

/** The raw text of every record of the corpus's whole, readable aggregate reports, in manifest order. */
export async function corpusRecordTexts(): Promise<string[]> {
  const dir = existsSync(`${SHARED_CORPUS}MANIFEST.tsv`) ? SHARED_CORPUS : FIXTURE_REPORTS;
  const manifest = readManifest(`${dir}${dir === SHARED_CORPUS ? 'MANIFEST.tsv' : 'PROVENANCE.tsv'}`);
  const texts: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const entry of manifest) {
    if (entry.reportType !== 'aggregate') continue;
    const bytes = new Uint8Array(readFileSync(dir + entry.relativePath));
    let documents: Uint8Array[];
    try {
      documents = documentsOf(entry.format, bytes);
    } catch {
      continue;
    }
    for (const document of documents) {
      const parsed = await parseReport(document, { fileName: entry.relativePath });
      if (!parsed.ok || parsed.reports.length !== 1) continue;
      const report = parsed.reports[0]!.report;
      if (report.kind !== 'aggregate' || parsed.reports[0]!.warnings.length > 0) continue;
      let text: string;
      try {
        text = decoder.decode(document);
      } catch {
        continue;
      }
      const records = text.match(RECORD) ?? [];
      // Every record of the report, and nothing our reader would read differently inside a longer document.
      if (records.length !== report.records.length || records.length === 0) continue;
      texts.push(...records);
    }
  }
  return texts;
}

/** Writes the corpus's records, repeated in order, under one head until about `targetBytes`; returns the count. */
export async function writeCorpusConcatenated(path: string, targetBytes: number): Promise<number> {
  const records = await corpusRecordTexts();
  if (records.length === 0) throw new Error('no readable aggregate report in the corpus');
  const parts = [syntheticHead(`corpus-${targetBytes}`)];
  let size = parts[0]!.length;
  let count = 0;
  while (size < targetBytes) {
    const record = `${records[count % records.length]!}\n`;
    parts.push(record);
    size += record.length;
    count++;
  }
  parts.push('</feedback>\n');
  writeFileSync(path, parts.join(''));
  return count;
}
