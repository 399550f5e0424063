// Reads the offline IP → ASN/country table built by scripts/build-asn-table.mjs (layout documented there). The bytes
// come from the caller (the site fetches site/public/data/asn-table.bin; tests read the file): core does no I/O.
// Reading takes typed-array views over the buffer, so a lookup is a binary search with no per-row objects.
import { gunzipSync } from 'fflate';

const MAGIC = 0x54414c44; // "DLAT"
const SUPPORTED_VERSION = 1;
const HEADER_BYTES = 32;
/** A decompressed table larger than this is refused: the real one is a few MB (gzip bomb guard). */
const MAX_TABLE_BYTES = 64 * 1024 * 1024;

export interface AsnAttribution {
  text: string;
  url: string;
}

export interface AsnTableSource {
  package: string;
  version: string;
  provides: string;
  licence: string;
  attribution: AsnAttribution[];
}

export interface AsnTableMeta {
  builtAt: string;
  ipv6Granularity: string;
  sources: AsnTableSource[];
}

export interface AsnTable {
  meta: AsnTableMeta;
  v4Start: Uint32Array;
  v4Asn: Uint32Array;
  v4Country: Uint8Array;
  v6High: Uint32Array;
  v6Low: Uint32Array;
  v6Asn: Uint32Array;
  v6Country: Uint8Array;
  asnNumber: Uint32Array;
  asnNameOffset: Uint32Array;
  asnNames: Uint8Array;
  countryCodes: string[];
}

export type ReadAsnTableResult =
  | { ok: true; table: AsnTable }
  | { ok: false; error: { code: 'not-a-table' | 'unsupported-version' | 'corrupt' | 'too-large'; message: string } };

const pad4 = (n: number) => (n + 3) & ~3;

/** Reads the table from its file bytes (gzip-compressed or already inflated). Never throws on bad bytes. */
export function readAsnTable(input: Uint8Array): ReadAsnTableResult {
  let bytes = input;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // RFC 1952 §2.3.1: the last four bytes are the uncompressed size mod 2^32; check it before inflating.
    const n = bytes.length;
    const declared =
      n >= 4 ? (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0 : 0;
    if (declared > MAX_TABLE_BYTES) {
      return { ok: false, error: { code: 'too-large', message: `The ASN table would inflate to ${declared} bytes.` } };
    }
    try {
      bytes = gunzipSync(bytes);
    } catch {
      return { ok: false, error: { code: 'corrupt', message: 'The ASN table file is not a readable gzip stream.' } };
    }
  }
  if (bytes.length < HEADER_BYTES) {
    return { ok: false, error: { code: 'not-a-table', message: 'The ASN table file is too short.' } };
  }
  // Copy into a fresh, aligned buffer: Uint32Array views need a 4-byte aligned offset.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  const header: number[] = [];
  for (let i = 0; i < 8; i++) header.push(view.getUint32(i * 4, true));
  const [magic, version, metaLength, v4Count, v6Count, asnCount, namesLength, countryCount] = header as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (magic !== MAGIC) {
    return { ok: false, error: { code: 'not-a-table', message: 'The file is not a DMARC Lens ASN table.' } };
  }
  if (version !== SUPPORTED_VERSION) {
    return {
      ok: false,
      error: { code: 'unsupported-version', message: `ASN table version ${version} is not supported (expected 1).` },
    };
  }
  const expected =
    HEADER_BYTES +
    pad4(metaLength) +
    v4Count * 8 +
    pad4(v4Count) +
    v6Count * 12 +
    pad4(v6Count) +
    asnCount * 8 +
    4 +
    pad4(namesLength) +
    countryCount * 2;
  if (expected !== aligned.byteLength) {
    return { ok: false, error: { code: 'corrupt', message: 'The ASN table is truncated or has extra bytes.' } };
  }
  // Little-endian views: every engine DMARC Lens runs on is little-endian; refuse the table elsewhere.
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
    return { ok: false, error: { code: 'corrupt', message: 'Big-endian platforms cannot read the ASN table.' } };
  }
  const base = aligned.byteOffset;
  const buffer = aligned.buffer;
  let offset = HEADER_BYTES;
  let meta: AsnTableMeta;
  try {
    meta = JSON.parse(new TextDecoder().decode(aligned.subarray(offset, offset + metaLength))) as AsnTableMeta;
  } catch {
    return { ok: false, error: { code: 'corrupt', message: 'The ASN table metadata is not JSON.' } };
  }
  offset += pad4(metaLength);
  const u32 = (count: number) => {
    const array = new Uint32Array(buffer, base + offset, count);
    offset += count * 4;
    return array;
  };
  const u8 = (count: number) => {
    const array = new Uint8Array(buffer, base + offset, count);
    offset += pad4(count);
    return array;
  };
  const v4Start = u32(v4Count);
  const v4Asn = u32(v4Count);
  const v4Country = u8(v4Count);
  const v6High = u32(v6Count);
  const v6Low = u32(v6Count);
  const v6Asn = u32(v6Count);
  const v6Country = u8(v6Count);
  const asnNumber = u32(asnCount);
  const asnNameOffset = u32(asnCount + 1);
  const asnNames = u8(namesLength);
  const countryCodes: string[] = [];
  for (let i = 0; i < countryCount; i++) {
    const a = aligned[offset + i * 2]!;
    const b = aligned[offset + i * 2 + 1]!;
    countryCodes.push(a === 0 ? '' : String.fromCharCode(a, b));
  }
  return {
    ok: true,
    table: {
      meta,
      v4Start,
      v4Asn,
      v4Country,
      v6High,
      v6Low,
      v6Asn,
      v6Country,
      asnNumber,
      asnNameOffset,
      asnNames,
      countryCodes,
    },
  };
}
