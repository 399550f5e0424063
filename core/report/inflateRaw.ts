// A DEFLATE decoder (RFC 1951) for the small, whole documents most reports are: a few KB of XML compressed to one or
// two blocks. fflate allocates a lookup table of up to 2^15 entries (64 KiB) for each Huffman code of each block, so
// for a report of a few KB, building and collecting those tables costs more than inflating. Here the tables are
// allocated once and reused: codes up to FAST_BITS long are read through a 512-entry table, longer (rarer) ones bit by
// bit from the code's counts (the canonical decoding of RFC 1951 §3.2.2). Synchronous and not re-entrant, which a
// worker or page running one parse at a time is. Callers use its output only where a checksum vouches for it
// (inflateWhole.ts); anything odd makes it give up (-1) and the caller streams with fflate instead.

export const MAX_BITS = 15;
export const FAST_BITS = 9;
export const FAST_SIZE = 1 << FAST_BITS;

/** RFC 1951 §3.2.5: base lengths and extra bits of length codes 257–285, base distances and extra bits of codes 0–29. */
export const LENGTH_BASE = Uint16Array.of(
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  10,
  11,
  13,
  15,
  17,
  19,
  23,
  27,
  31,
  35,
  43,
  51,
  59,
  67,
  83,
  99,
  115,
  131,
  163,
  195,
  227,
  258,
);
export const LENGTH_EXTRA = Uint8Array.of(
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0,
);
export const DISTANCE_BASE = Uint16Array.of(
  1,
  2,
  3,
  4,
  5,
  7,
  9,
  13,
  17,
  25,
  33,
  49,
  65,
  97,
  129,
  193,
  257,
  385,
  513,
  769,
  1025,
  1537,
  2049,
  3073,
  4097,
  6145,
  8193,
  12289,
  16385,
  24577,
);
export const DISTANCE_EXTRA = Uint8Array.of(
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
);
/** RFC 1951 §3.2.7: the order code length code lengths are sent in. */
export const CODE_LENGTH_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);

/** A canonical Huffman code: how many codes of each length, the symbols in code order, and the fast table. */
export interface Code {
  counts: Uint16Array;
  symbols: Uint16Array;
  /** By the next `fastBits` input bits (FAST_BITS unless asked): `symbol << 4 | length` of a code that short, or 0. */
  fast: Uint16Array;
}

export function newCode(symbols: number, fastBits = FAST_BITS): Code {
  return {
    counts: new Uint16Array(MAX_BITS + 1),
    symbols: new Uint16Array(symbols),
    fast: new Uint16Array(1 << fastBits),
  };
}

const literals = newCode(288);
const distances = newCode(32);
const codeLengths = newCode(19);
export const fixedLiterals = newCode(288);
export const fixedDistances = newCode(32);
export const lengths = new Uint8Array(288 + 32);
const offsets = new Uint16Array(MAX_BITS + 2);

/** Sets `code` from the code lengths `lengths[from … from + n)`; false when they over-subscribe (no valid code). */
export function build(code: Code, from: number, n: number): boolean {
  const { counts, symbols, fast } = code;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[lengths[from + i]!]!++;
  counts[0] = 0;
  let left = 1;
  for (let length = 1; length <= MAX_BITS; length++) {
    left = (left << 1) - counts[length]!;
    if (left < 0) return false;
  }
  offsets[1] = 0;
  for (let length = 1; length < MAX_BITS; length++) offsets[length + 1] = offsets[length]! + counts[length]!;
  for (let symbol = 0; symbol < n; symbol++) {
    const length = lengths[from + symbol]!;
    if (length !== 0) symbols[offsets[length]!++] = symbol;
  }
  fast.fill(0);
  const fastSize = fast.length;
  const fastBits = 31 - Math.clz32(fastSize);
  let next = 0;
  let index = 0;
  for (let length = 1; length <= fastBits; length++) {
    for (let k = 0; k < counts[length]!; k++) {
      // Codes are sent most significant bit first into a stream read least significant bit first: reverse them.
      let reversed = 0;
      for (let bit = 0; bit < length; bit++) reversed |= ((next >> bit) & 1) << (length - 1 - bit);
      const entry = (symbols[index++]! << 4) | length;
      for (let slot = reversed; slot < fastSize; slot += 1 << length) fast[slot] = entry;
      next++;
    }
    next <<= 1;
  }
  return true;
}

lengths.fill(8, 0, 144);
lengths.fill(9, 144, 256);
lengths.fill(7, 256, 280);
lengths.fill(8, 280, 288);
build(fixedLiterals, 0, 288);
lengths.fill(5, 0, 32);
build(fixedDistances, 0, 32);

/** The input and where the reader stands in it: bits not yet used are the low `count` bits of `buffer`. */
let input: Uint8Array = new Uint8Array(0);
let at = 0;
let buffer = 0;
let count = 0;

function refill(): void {
  while (count <= 24) {
    // Past the end, zeros: reading them is caught by the check on how far the reader went.
    buffer |= (at < input.length ? input[at]! : 0) << count;
    at++;
    count += 8;
  }
}

function bits(n: number): number {
  if (count < n) refill();
  const value = buffer & ((1 << n) - 1);
  buffer >>>= n;
  count -= n;
  return value;
}

/** The next symbol of `code`, or -1 for bits that are no code of it. */
function decode(code: Code): number {
  if (count < MAX_BITS) refill();
  const entry = code.fast[buffer & (FAST_SIZE - 1)]!;
  if (entry !== 0) {
    const length = entry & 15;
    buffer >>>= length;
    count -= length;
    return entry >> 4;
  }
  const { counts, symbols } = code;
  let value = 0;
  let first = 0;
  let index = 0;
  for (let length = 1; length <= MAX_BITS; length++) {
    value |= buffer & 1;
    buffer >>>= 1;
    count--;
    const n = counts[length]!;
    if (value - n < first) return symbols[index + value - first]!;
    index += n;
    first = (first + n) << 1;
    value <<= 1;
  }
  return -1;
}

/** Reads the code lengths of a dynamic block into `literals` and `distances`; false when they are not valid. */
function readDynamicCodes(): boolean {
  const literalCount = bits(5) + 257;
  const distanceCount = bits(5) + 1;
  const lengthCount = bits(4) + 4;
  if (literalCount > 286 || distanceCount > 30) return false;
  lengths.fill(0, 0, 19);
  for (let i = 0; i < lengthCount; i++) lengths[CODE_LENGTH_ORDER[i]!] = bits(3);
  if (!build(codeLengths, 0, 19)) return false;
  const total = literalCount + distanceCount;
  let i = 0;
  while (i < total) {
    const symbol = decode(codeLengths);
    if (symbol < 0) return false;
    if (symbol < 16) {
      lengths[i++] = symbol;
      continue;
    }
    let repeat: number;
    let value = 0;
    if (symbol === 16) {
      if (i === 0) return false;
      value = lengths[i - 1]!;
      repeat = 3 + bits(2);
    } else repeat = symbol === 17 ? 3 + bits(3) : 11 + bits(7);
    if (i + repeat > total) return false;
    lengths.fill(value, i, i + repeat);
    i += repeat;
  }
  if (lengths[256] === 0) return false;
  return build(literals, 0, literalCount) && build(distances, literalCount, distanceCount);
}

/**
 * Inflates the raw DEFLATE stream in `data` into `out`; the number of bytes written, or -1 when the stream is damaged
 * or truncated, or its content does not fit in `out`. Bytes after the final block are ignored.
 */
export function inflateRaw(data: Uint8Array, out: Uint8Array): number {
  input = data;
  at = 0;
  buffer = 0;
  count = 0;
  let written = 0;
  try {
    let final = 0;
    do {
      final = bits(1);
      const type = bits(2);
      if (type === 0) {
        // Stored: from the next byte boundary, LEN and its complement, then LEN bytes as they are.
        at -= count >> 3;
        buffer = 0;
        count = 0;
        if (at + 4 > data.length) return -1;
        const length = data[at]! | (data[at + 1]! << 8);
        if ((length ^ (data[at + 2]! | (data[at + 3]! << 8))) !== 0xffff) return -1;
        at += 4;
        if (at + length > data.length || written + length > out.length) return -1;
        out.set(data.subarray(at, at + length), written);
        at += length;
        written += length;
        continue;
      }
      let lit: Code;
      let dist: Code;
      if (type === 1) {
        lit = fixedLiterals;
        dist = fixedDistances;
      } else if (type === 2) {
        if (!readDynamicCodes()) return -1;
        lit = literals;
        dist = distances;
      } else return -1;
      // The hot loop keeps the reader's state in locals (module variables are slower to reach), and reads codes of up
      // to FAST_BITS bits through the table inline; `decode` takes the rest.
      const literalFast = lit.fast;
      const distanceFast = dist.fast;
      const end = data.length;
      let bitBuffer = buffer;
      let bitCount = count;
      let next = at;
      for (;;) {
        if (bitCount < MAX_BITS) {
          while (bitCount <= 24) {
            bitBuffer |= (next < end ? data[next]! : 0) << bitCount;
            next++;
            bitCount += 8;
          }
        }
        let symbol: number;
        const entry = literalFast[bitBuffer & (FAST_SIZE - 1)]!;
        if (entry !== 0) {
          bitBuffer >>>= entry & 15;
          bitCount -= entry & 15;
          symbol = entry >> 4;
        } else {
          buffer = bitBuffer;
          count = bitCount;
          at = next;
          symbol = decode(lit);
          bitBuffer = buffer;
          bitCount = count;
          next = at;
        }
        if (symbol < 256) {
          if (symbol < 0 || written >= out.length) return -1;
          out[written++] = symbol;
          continue;
        }
        if (symbol === 256) break;
        const lengthCode = symbol - 257;
        if (lengthCode >= 29) return -1;
        // Up to 5 extra length bits, a distance code of up to 15 bits and 13 extra distance bits: refill where needed.
        if (bitCount < MAX_BITS) {
          while (bitCount <= 24) {
            bitBuffer |= (next < end ? data[next]! : 0) << bitCount;
            next++;
            bitCount += 8;
          }
        }
        const lengthBits = LENGTH_EXTRA[lengthCode]!;
        const length = LENGTH_BASE[lengthCode]! + (bitBuffer & ((1 << lengthBits) - 1));
        bitBuffer >>>= lengthBits;
        bitCount -= lengthBits;
        // At least 10 bits are left: enough for a distance code read through the table; `decode` refills for longer.
        let distanceCode: number;
        const distanceEntry = distanceFast[bitBuffer & (FAST_SIZE - 1)]!;
        if (distanceEntry !== 0) {
          bitBuffer >>>= distanceEntry & 15;
          bitCount -= distanceEntry & 15;
          distanceCode = distanceEntry >> 4;
        } else {
          buffer = bitBuffer;
          count = bitCount;
          at = next;
          distanceCode = decode(dist);
          bitBuffer = buffer;
          bitCount = count;
          next = at;
        }
        if (distanceCode < 0 || distanceCode >= 30) return -1;
        if (bitCount < MAX_BITS) {
          while (bitCount <= 24) {
            bitBuffer |= (next < end ? data[next]! : 0) << bitCount;
            next++;
            bitCount += 8;
          }
        }
        const distanceBits = DISTANCE_EXTRA[distanceCode]!;
        const distance = DISTANCE_BASE[distanceCode]! + (bitBuffer & ((1 << distanceBits) - 1));
        bitBuffer >>>= distanceBits;
        bitCount -= distanceBits;
        if (distance > written || written + length > out.length) return -1;
        for (let from = written - distance, stop = written + length; written < stop;) out[written++] = out[from++]!;
        // A stream cut short reads zeros past its end, which decode as codes: stop once the reader is past it.
        if (next * 8 - bitCount > end * 8) return -1;
      }
      buffer = bitBuffer;
      count = bitCount;
      at = next;
      if (at * 8 - count > data.length * 8) return -1;
    } while (final === 0);
    return written;
  } finally {
    input = new Uint8Array(0);
  }
}
