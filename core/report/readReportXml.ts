// The XML text of one aggregate report, read back from its file's bytes, for showing the raw report on drill-down.
// parseReport walks the file (every container it reads, nested or inside emails) and hands over each report's text.
import { parseReport } from './parseReport';
import type { ReportPath } from './types';

export interface ReadReportXmlOptions {
  /** The file name given to parseReport when `path` was read; defaults to `path[0]`, which is that name. */
  fileName?: string;
  /** Checked between chunks; an aborted read gives undefined. */
  signal?: { readonly aborted: boolean };
}

function samePath(a: ReportPath, b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/**
 * The decoded XML text of the `documentIndex`-th aggregate report whose ParsedReport.path equals `path` (reports pasted
 * into one file share a path and are counted in file order). Undefined when there is no such report, when its file or
 * member decodes to more than MAX_XML_TEXT_CHARS characters, or when reading was aborted. Never throws for bad input.
 */
export async function readReportXml(
  bytes: Uint8Array,
  path: readonly string[],
  documentIndex = 0,
  options: ReadReportXmlOptions = {},
): Promise<string | undefined> {
  const { signal } = options;
  let seen = 0;
  let found: string | undefined;
  await parseReport(bytes, {
    fileName: options.fileName ?? path[0],
    retainRecords: false,
    // Once the report is found the rest of the file is not read.
    signal: {
      get aborted() {
        return found !== undefined || signal?.aborted === true;
      },
    },
    onAggregateXml: (xml, report) => {
      if (found === undefined && samePath(report.path, path) && seen++ === documentIndex) found = xml;
    },
  });
  return found;
}
