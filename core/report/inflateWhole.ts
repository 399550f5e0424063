// Small compressed documents inflated in one call into a buffer of exactly their declared size, by inflateRaw (which
// reuses its tables: fflate's streaming inflate allocates and zero-fills an output buffer of at least 128 KiB per
// DEFLATE block and a table of up to 64 KiB per Huffman code, which for the few-KB .xml.gz and .zip files most reports
// arrive as costs more than the inflating itself). These functions give undefined whenever anything does not check out
// — the declared size, the CRC32 the container gives — and the caller then streams as usual: their output is used only
// where it is exactly what streaming gives.
import { crc32 } from './crc32';
import { inflateRaw } from './inflateRaw';
import { INPUT_SLICE } from './limits';
import { u32 } from './readZipEntries';

/**
 * Largest declared size inflated in one call. The buffer is allocated before inflating, from a size field of the
 * untrusted input: this bounds what a lying size can make the reader allocate. Larger documents stream.
 */
export const WHOLE_INFLATE_MAX_BYTES = 4 * 1024 * 1024;

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/**
 * Raw DEFLATE `data` inflated into a buffer of its declared `size`, or undefined when `data` is larger than one
 * INPUT_SLICE (it streams), when `size` is over WHOLE_INFLATE_MAX_BYTES or refused by `allowed` (the decompression limits), when the data is damaged or truncated,
 * or when it inflates to any other size or content whose CRC32 is not `crc`. Data after the end of the DEFLATE stream
 * is ignored, as streaming does.
 */
export function inflateWhole(
  data: Uint8Array,
  size: number,
  crc: number,
  allowed: (size: number) => boolean,
): Uint8Array | undefined {
  if (data.length === 0 || data.length > INPUT_SLICE || size > WHOLE_INFLATE_MAX_BYTES || !allowed(size)) {
    return undefined;
  }
  const content = new Uint8Array(size);
  return inflateRaw(data, content) === size && crc32(content) === crc ? content : undefined;
}

/**
 * The content of `gzip` when it is one complete RFC 1952 member (header, DEFLATE data, 8-byte trailer) whose trailer
 * checks out against it (ISIZE its size, CRC32 its CRC), under the same bounds as {@link inflateWhole}; otherwise
 * undefined. Several members, bytes after the member (Mimecast) and a wrong ISIZE or CRC are left to streaming, which
 * reads them its own way: a trailer at the end that matches the first member's content means the file is that member
 * alone, unless a second member with the same content follows it — then its gzip header (1f 8b 08) is in the data,
 * and any such bytes send the file to streaming too. (Only a file crafted to end in a copy of the trailer after other
 * bytes is read here without streaming's warning about those bytes; its report is the same.)
 */
export function gunzipWhole(gzip: Uint8Array, allowed: (size: number) => boolean): Uint8Array | undefined {
  const start = gzipHeaderLength(gzip);
  if (start === undefined || gzip.length < start + 9) return undefined;
  const data = gzip.subarray(start, gzip.length - 8);
  if (holdsGzipHeader(data)) return undefined;
  return inflateWhole(data, u32(gzip, gzip.length - 4), u32(gzip, gzip.length - 8), allowed);
}

/** Whether `data` holds the first bytes of a gzip member anywhere. */
function holdsGzipHeader(data: Uint8Array): boolean {
  for (let at = data.indexOf(0x1f); at !== -1 && at < data.length - 2; at = data.indexOf(0x1f, at + 1)) {
    if (data[at + 1] === 0x8b && data[at + 2] === 8) return true;
  }
  return false;
}

/** RFC 1952 §2.3 member header length, read as fflate's Gunzip reads it; undefined when not a complete deflate header. */
export function gzipHeaderLength(gzip: Uint8Array): number | undefined {
  if (gzip.length < 10 || gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[2] !== 8) return undefined;
  const flags = gzip[3]!;
  let at = 10;
  if (flags & FEXTRA) {
    if (gzip.length < 12) return undefined;
    at += 2 + (gzip[10]! | (gzip[11]! << 8));
  }
  for (const field of [FNAME, FCOMMENT]) {
    if (!(flags & field)) continue;
    while (at < gzip.length && gzip[at] !== 0) at++;
    if (at >= gzip.length) return undefined;
    at++;
  }
  if (flags & FHCRC) at += 2;
  return at <= gzip.length ? at : undefined;
}
