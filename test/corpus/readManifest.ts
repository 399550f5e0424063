// The corpus manifest (../shared/corpus/MANIFEST.tsv, copied for the fixtures as test/fixtures/reports/PROVENANCE.tsv).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ManifestEntry {
  relativePath: string;
  license: string;
  format: string;
  reporterOrg: string;
  notes: string;
  records?: number;
  messages?: number;
  reportType: string;
  pythonParse: string;
  quirks: string[];
}

export const SHARED_CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const FIXTURE_REPORTS = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));

function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined || value.trim() === '' ? undefined : Number(value);
}

export function readManifest(path: string): ManifestEntry[] {
  if (!existsSync(path)) return [];
  const [header, ...lines] = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const columns = header!.split('\t');
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line) => {
    const cells = line.split('\t');
    return {
      relativePath: cells[at('relative_path')]!,
      license: cells[at('license')]!,
      format: cells[at('format')]!,
      reporterOrg: cells[at('reporter_org')]!,
      notes: cells[at('notes')]!,
      records: optionalNumber(cells[at('records')]),
      messages: optionalNumber(cells[at('messages')]),
      reportType: cells[at('report_type')]!,
      pythonParse: cells[at('python_parse')]!,
      quirks: (cells[at('quirk_tags')] ?? '').split(' ').filter(Boolean),
    };
  });
}
