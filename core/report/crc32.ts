// CRC-32 as gzip's trailer holds it (RFC 1952 §8, the ISO 3309 polynomial, reflected), four bytes a step
// ("slicing by 4", four tables of 256 in one array).

const TABLE = ((): Int32Array => {
  const table = new Int32Array(1024);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  for (let n = 256; n < 1024; n++) table[n] = table[table[n - 256]! & 0xff]! ^ (table[n - 256]! >>> 8);
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  const t = TABLE;
  let crc = -1;
  let i = 0;
  for (const end = bytes.length - 3; i < end; i += 4) {
    crc ^= bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    crc = t[768 + (crc & 0xff)]! ^ t[512 + ((crc >>> 8) & 0xff)]! ^ t[256 + ((crc >>> 16) & 0xff)]! ^ t[crc >>> 24]!;
  }
  for (; i < bytes.length; i++) crc = t[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
