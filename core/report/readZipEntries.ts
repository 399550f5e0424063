// The members of a zip archive, read from its central directory (APPNOTE.TXT §4.3.12), so that sizes are known
// even when the local headers defer them to data descriptors, and each member can be inflated as a stream.
import { ReportFailure } from './ReportFailure';
import { MAX_ZIP_MEMBERS } from './limits';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is unsupported. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  /** CRC32 of the uncompressed content, as the central directory gives it. */
  crc32: number;
  /** Offset of the member's compressed bytes in the archive. */
  dataOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** End-of-central-directory record (22 bytes) plus the longest comment. */
const EOCD_SEARCH = 22 + 0xffff;

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}
/** Little-endian unsigned 32-bit integer at `at` (zip and gzip fields). */
export function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8').decode(bytes);
  // Without the UTF-8 flag names are CP437; report names are ASCII, so a byte-per-character reading is enough.
  let name = '';
  for (const b of bytes) name += String.fromCharCode(b);
  return name;
}

/** Members in directory order. Throws ReportFailure('corrupt-archive' | 'unsupported' | 'too-large'). */
export function readZipEntries(zip: Uint8Array, label: string): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - EOCD_SEARCH); i--) {
    if (u32(zip, i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw ReportFailure.of('corrupt-archive', 'report.zipTruncated', { file: label });
  const count = u16(zip, eocd + 10);
  const directoryOffset = u32(zip, eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw ReportFailure.of('unsupported', 'report.zip64', { file: label });
  }
  if (count > MAX_ZIP_MEMBERS)
    throw ReportFailure.of('too-large', 'report.zipTooManyMembers', { file: label, count, limit: MAX_ZIP_MEMBERS });
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || u32(zip, at) !== CENTRAL_SIGNATURE) {
      throw ReportFailure.of('corrupt-archive', 'report.zipDirectoryDamaged', { file: label });
    }
    const flags = u16(zip, at + 8);
    const method = u16(zip, at + 10);
    const crc32 = u32(zip, at + 16);
    const compressedSize = u32(zip, at + 20);
    const uncompressedSize = u32(zip, at + 24);
    const nameLength = u16(zip, at + 28);
    const extraLength = u16(zip, at + 30);
    const commentLength = u16(zip, at + 32);
    const localOffset = u32(zip, at + 42);
    const name = decodeName(zip.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
    at += 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > zip.length || u32(zip, localOffset) !== LOCAL_SIGNATURE) {
      throw ReportFailure.of('corrupt-archive', 'report.zipNoLocalHeader', { file: label, name });
    }
    const dataOffset = localOffset + 30 + u16(zip, localOffset + 26) + u16(zip, localOffset + 28);
    if (dataOffset + compressedSize > zip.length) {
      throw ReportFailure.of('corrupt-archive', 'report.zipCutOff', { file: label, name });
    }
    entries.push({
      name,
      method,
      // Bit 0: traditional PKWARE encryption; method 99: WinZip AES.
      encrypted: (flags & 1) !== 0 || method === 99,
      compressedSize,
      uncompressedSize,
      crc32,
      dataOffset,
    });
  }
  return entries;
}

/** Folders, macOS resource forks and AppleDouble files carry no report (docs/report-quirks.md "Containers"). */
export function isZipNoise(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\._/.test(name) || /(^|\/)\.DS_Store$/.test(name);
}
