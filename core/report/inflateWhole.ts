// A gzip file that arrives in pieces not held in memory (parseReportStream: the CLI's files) is copied as it arrives
// so that the decoder of inflateStream.ts can read it, and fflate read it again should it be damaged; but a piece that
// is one whole gzip member — nearly every small report file, read in one piece — can be inflated in one call, with
// nothing copied. Used only where that gives exactly what streaming gives; otherwise the caller streams.
import type { InflateStream, KeepOutput } from './inflateStream';

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** Bytes of a gzip member after its DEFLATE data: CRC32 and ISIZE (RFC 1952 §2.3.1). */
const TRAILER_BYTES = 8;

/**
 * The content of `gzip` when it is exactly one complete RFC 1952 member: a header, DEFLATE data that `inflater` reads
 * to its end, and the 8-byte trailer, with nothing after it; a view of the inflater's buffer (valid until its next use).
 * Otherwise undefined, and the caller streams: several members, bytes after the member (Mimecast), damage, truncation,
 * and output the decoder's buffer would have to grow past what `keep` allows for (a bomb, which streaming refuses as it
 * counts). The trailer's CRC32 and ISIZE are not checked, as fflate's streaming Gunzip does not check them.
 */
export function gunzipWhole(inflater: InflateStream, gzip: Uint8Array, keep: KeepOutput): Uint8Array | undefined {
  const start = gzipHeaderLength(gzip);
  if (start === undefined) return undefined;
  inflater.reset(keep);
  const data = gzip.subarray(start);
  if (inflater.run(data) !== 'done' || inflater.end + TRAILER_BYTES !== data.length) return undefined;
  const size = inflater.pending;
  const content = inflater.take();
  return content.length === size ? content : undefined;
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
