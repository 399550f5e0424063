// The XML of a report, for drill-down: only for files that are plainly XML, gzip or zip (the parser does not hand its
// decompressed text back, and emails would need the whole MIME walk again). Runs in the import worker, after the
// parser accepted the file, so the archive is known to be within the parser's size and ratio limits.
import { gunzipSync, unzipSync } from 'fflate';

/** Larger source files are not unpacked a second time just to keep their XML (the store caps it anyway). */
const RAW_SOURCE_MAX_BYTES = 2 * 1024 * 1024;

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function xmlText(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  if (!/^\uFEFF?\s*</.test(text)) return undefined;
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * The XML text of the report found at `path` inside `bytes` (path as ParsedReport.path gives it), or undefined when
 * it cannot be told cheaply.
 */
export function extractRawXml(bytes: Uint8Array, path: readonly string[]): string | undefined {
  if (bytes.length > RAW_SOURCE_MAX_BYTES) return undefined;
  try {
    if (isGzip(bytes)) return xmlText(gunzipSync(bytes));
    if (isZip(bytes)) {
      const wanted = path[path.length - 1];
      const members = unzipSync(bytes, {
        filter: (member) => !member.name.startsWith('__MACOSX/') && (wanted === undefined || member.name === wanted || member.name.endsWith(`/${wanted}`)),
      });
      const entries = Object.values(members);
      if (entries.length !== 1) return undefined;
      const inner = entries[0]!;
      return isGzip(inner) ? xmlText(gunzipSync(inner)) : xmlText(inner);
    }
    return xmlText(bytes);
  } catch {
    return undefined;
  }
}
