// Real daily reports for the watch's browser tests: hello-charly.com's Google reports of 29 and 30 January 2024
// (asrokknoivl/dmarc-analyser, read in place from ../shared/corpus; test/core/analysis/watchFindings.test.ts works
// their figures out from the XML). The corpus file holds the reports one after another between lines of dashes; each
// is handed to the browser as its own file, byte for byte as it stands there.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(
  new URL(
    '../../../../shared/corpus/asrokknoivl__dmarc-analyser/noreply-dmarc-support@google.com.txt',
    import.meta.url,
  ),
);

export const watchReportsAvailable = existsSync(FILE);

export interface WatchReport {
  name: string;
  buffer: Buffer;
  mimeType: string;
}

/** The report whose report id ends with `idEnd`, as a file Google would have named it. */
export function helloCharlyReport(idEnd: string): WatchReport {
  const documents = readFileSync(FILE, 'utf8').split(/\n-{10,}\n/);
  const found = documents.filter((d) => new RegExp(`<report_id>\\d*${idEnd}</report_id>`).test(d));
  if (found.length !== 1) throw new Error(`${found.length} reports end with ${idEnd}`);
  const xml = found[0]!;
  const begin = /<begin>(\d+)<\/begin>/.exec(xml)?.[1];
  const end = /<end>(\d+)<\/end>/.exec(xml)?.[1];
  return {
    name: `google.com!hello-charly.com!${begin}!${end}.xml`,
    buffer: Buffer.from(xml.trimStart(), 'utf8'),
    mimeType: 'text/xml',
  };
}
