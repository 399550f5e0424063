// The one DEFLATE decoder (RFC 1951) of the report reader: gzip members and zip members held whole in memory, read in
// one call or slice by slice as they arrive. fflate allocates a lookup table of up to 64 KiB per Huffman code per block
// and, streaming, a growing output buffer per push, copying its output, window and leftover input again after each;
// in Chromium allocating a fresh buffer for output costs more than inflating into it. Here tables and the output
// buffer belong to the decoder, which is reset from one stream to the next and lent out from a spare (`borrowInflater`),
// so that a worker reading thousands of reports allocates them once. The output is handed over as a view of the buffer
// (`take`), valid until the next `run` or `reset`; the buffer holds the 32 KiB window and grows only when one call's
// output does not fit.
//
// Input: each call to `run` is given all of the stream's bytes that have arrived so far (a longer view each time, from
// the same start), and decodes every symbol whose bits have all arrived, as fflate's Inflate does with the same input.
// Anything a valid stream cannot hold (an invalid code, block type, distance or stored length) stops it with 'bad':
// the caller then reads the stream again with fflate from its start, so damaged input is read exactly as before.

const MAX_BITS = 15;

/**
 * Codes up to this long are read in one look-up. Built once per block, the tables read nearly every literal code of
 * report XML at once; longer codes are read bit by bit (the canonical decoding of RFC 1951 §3.2.2).
 */
const FAST_BITS = 10;
const FAST_MASK = (1 << FAST_BITS) - 1;

/** RFC 1951 §3.2.5: extra bits and base values of length codes 257–285 (less 257) and of distance codes 0–29. */
const LENGTH_EXTRA = Uint8Array.from({ length: 29 }, (_, code) => (code < 8 || code === 28 ? 0 : (code >> 2) - 1));
const LENGTH_BASE = bases(LENGTH_EXTRA, 3);
LENGTH_BASE[28] = 258;
const DISTANCE_EXTRA = Uint8Array.from({ length: 30 }, (_, code) => (code < 4 ? 0 : (code >> 1) - 1));
const DISTANCE_BASE = bases(DISTANCE_EXTRA, 1);

/** Base values that start at `first`, each code's range following the one before it. */
function bases(extra: Uint8Array, first: number): Uint16Array {
  const base = new Uint16Array(extra.length);
  base[0] = first;
  for (let code = 1; code < extra.length; code++) base[code] = base[code - 1]! + (1 << extra[code - 1]!);
  return base;
}

/** RFC 1951 §3.2.7: the order code length code lengths are sent in. */
const CODE_LENGTH_ORDER = Uint8Array.of(16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15);

/** A canonical Huffman code: how many codes of each length, the symbols in code order, and the fast table. */
interface Code {
  counts: Uint16Array;
  symbols: Uint16Array;
  /** By the next FAST_BITS input bits: `symbol << 4 | length` of a code that short, or 0. */
  fast: Uint16Array;
}

function newCode(symbols: number): Code {
  return {
    counts: new Uint16Array(MAX_BITS + 1),
    symbols: new Uint16Array(symbols),
    fast: new Uint16Array(1 << FAST_BITS),
  };
}

/** Each FAST_BITS-bit number with its bits in reverse order. */
const REVERSED = Uint16Array.from({ length: 1 << FAST_BITS }, (_, value) => {
  let reversed = 0;
  for (let bit = 0; bit < FAST_BITS; bit++) reversed |= ((value >> bit) & 1) << (FAST_BITS - 1 - bit);
  return reversed;
});

/** Code lengths being read (literal/length then distance), shared: a block header is read within one call. */
const lengths = new Uint8Array(288 + 32);
const offsets = new Uint16Array(MAX_BITS + 2);
const codeLengths = newCode(19);

/** Sets `code` from the code lengths `lengths[from … from + n)`; false when they over-subscribe (no valid code). */
function build(code: Code, from: number, n: number): boolean {
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
  // The table is filled only as wide as the longest code (a report's code-length and distance codes are often 5-7
  // bits): a code that short reads only the low bits of a look-up, so doubling the filled part gives the rest. A small
  // report is one block, and its three tables were a third of its decoding.
  let longest = MAX_BITS;
  while (longest > 1 && counts[longest] === 0) longest--;
  if (longest > FAST_BITS) longest = FAST_BITS;
  const filled = 1 << longest;
  fast.fill(0, 0, filled);
  let next = 0;
  let index = 0;
  for (let length = 1; length <= longest; length++) {
    for (let k = 0; k < counts[length]!; k++) {
      // Codes are sent most significant bit first into a stream read least significant bit first: reverse them.
      const reversed = REVERSED[next]! >> (FAST_BITS - length);
      const entry = (symbols[index++]! << 4) | length;
      for (let slot = reversed; slot < filled; slot += 1 << length) fast[slot] = entry;
      next++;
    }
    next <<= 1;
  }
  for (let size = filled; size <= FAST_MASK; size <<= 1) fast.copyWithin(size, 0, size);
  return true;
}

const fixedLiterals = newCode(288);
const fixedDistances = newCode(32);
lengths.fill(8, 0, 144);
lengths.fill(9, 144, 256);
lengths.fill(7, 256, 280);
lengths.fill(8, 280, 288);
build(fixedLiterals, 0, 288);
lengths.fill(5, 0, 32);
build(fixedDistances, 0, 32);

/** How far back a DEFLATE match may reach. */
const WINDOW = 32 * 1024;
/** The output buffer's first size; it grows while one call's output does not fit. */
const FIRST_BUFFER_BYTES = 256 * 1024;
/** How much more than the expected rest of a call's output a growing buffer makes room for. */
const GROWTH_MARGIN = 1.1;
/** The longest match, written before the room left is checked again. */
const MAX_MATCH = 258;

/** Matches longer than this that do not overlap their own output are copied in one call rather than byte by byte. */
const LONG_MATCH = 32;

/** Input bytes a symbol can need, read-ahead included: below this distance from the end, a symbol can run out. */
const SYMBOL_BYTES = 12;

/** 'more': every complete symbol is decoded; 'done': the final block ended; 'bad': not a valid DEFLATE stream. */
export type InflateStatus = 'more' | 'done' | 'bad';

/** Whether this many bytes of output, produced since the last `take`, may be held. */
export type KeepOutput = (bytes: number) => boolean;

export class InflateStream {
  private readonly dynamicLiterals = newCode(288);
  private readonly dynamicDistances = newCode(32);
  /** The codes of the block being read; undefined between blocks. */
  private literals: Code | undefined;
  private distances: Code | undefined;
  private lastBlock = false;
  private finished = false;
  /** The next input byte to load, and the loaded bits not yet used (the low `bitCount` bits of `bitBuffer`). */
  private at = 0;
  private bitBuffer = 0;
  private bitCount = 0;
  private out = new Uint8Array(FIRST_BUFFER_BYTES);
  private written = 0;
  /** Where the output not yet taken starts in `out`. */
  private start = 0;
  /** Output not yet taken that was counted but not kept, past what `keep` allowed. */
  private dropped = 0;
  /** Where the current call to `run` started reading its input, and where that input ends. */
  private runFrom = 0;
  private runEnd = 0;

  /**
   * `keep` says whether this many bytes of output, produced since the last `take`, may be held: past that the output is
   * only counted (a decompression bomb is decoded to the end of its input without being held).
   */
  constructor(private keep: KeepOutput) {}

  /** Ready for a new stream, keeping the buffer and tables. */
  reset(keep: KeepOutput): void {
    this.keep = keep;
    this.literals = undefined;
    this.distances = undefined;
    this.lastBlock = false;
    this.finished = false;
    this.at = 0;
    this.bitBuffer = 0;
    this.bitCount = 0;
    this.written = 0;
    this.start = 0;
    this.dropped = 0;
  }

  /** Bytes of output produced since the last `take`, kept or not. */
  get pending(): number {
    return this.dropped + this.written - this.start;
  }

  /**
   * The output produced since the last call, or nothing when some of it was not kept: a view of the decoder's buffer,
   * which the next `run` or `reset` may overwrite.
   */
  take(): Uint8Array {
    const output = this.dropped > 0 ? new Uint8Array(0) : this.out.subarray(this.start, this.written);
    this.dropped = 0;
    this.start = this.written;
    return output;
  }

  /** Byte offset in the input just past the stream's last bit, once `run` has given 'done'. */
  get end(): number {
    return this.at - (this.bitCount >> 3);
  }

  /** The output buffer's size, for tests. */
  get capacity(): number {
    return this.out.length;
  }

  /** Decodes what `data` (the stream's bytes so far, from its first) completes; its output stays until `take`. */
  run(data: Uint8Array): InflateStatus {
    if (this.finished) return 'done';
    this.reload(data);
    this.runFrom = this.at;
    this.runEnd = data.length;
    for (;;) {
      if (!this.literals) {
        if (this.lastBlock) {
          this.finished = true;
          return 'done';
        }
        const status = this.readBlockHeader(data);
        if (status !== undefined) return status;
        continue;
      }
      const status = this.readSymbols(data, this.literals, this.distances!);
      if (status !== undefined) return status;
      this.literals = undefined;
      this.distances = undefined;
    }
  }

  /**
   * Puts the reader where its last call stopped, with nothing read ahead: bits read ahead past the end of the shorter
   * input of that call were zeros, which `data` may now replace with real bits.
   */
  private reload(data: Uint8Array): void {
    const used = this.at * 8 - this.bitCount;
    this.at = used >>> 3;
    const inByte = used & 7;
    if (inByte === 0) {
      this.bitBuffer = 0;
      this.bitCount = 0;
    } else {
      this.bitBuffer = data[this.at++]! >>> inByte;
      this.bitCount = 8 - inByte;
    }
  }

  /**
   * Makes room for `bytes` more output, the input read up to `inputAt`: moves what must stay (output not taken, the
   * window) to the front, or grows.
   */
  private makeRoom(bytes: number, inputAt: number): void {
    const from = Math.min(this.start, this.written - WINDOW);
    if (from > 0) {
      this.out.copyWithin(0, from, this.written);
      this.start -= from;
      this.written -= from;
    }
    if (this.written + bytes <= this.out.length) return;
    const pending = this.written - this.start;
    if (this.dropped === 0 && this.keep(pending)) {
      // Grown to what the rest of this call's input will likely give, when that may be kept (report XML compresses
      // evenly, and the output is taken after each call): one call's output then takes one growth, not a doubling
      // per power of two, each buffer left behind staying allocated until collected.
      const needed = this.written + bytes;
      let size = Math.max(needed, this.out.length * 2);
      const read = inputAt - this.runFrom;
      if (read > 0) {
        const expected = Math.ceil(((pending * (this.runEnd - inputAt)) / read) * GROWTH_MARGIN);
        if (this.keep(pending + expected))
          size = Math.max(needed, this.written + expected + MAX_MATCH, this.out.length * 1.25);
      }
      const grown = new Uint8Array(Math.ceil(size));
      grown.set(this.out.subarray(0, this.written));
      this.out = grown;
      return;
    }
    // Past what may be kept: from here the output is counted, and only the window stays.
    this.dropped += this.written - this.start;
    const keepFrom = Math.max(0, this.written - WINDOW);
    this.out.copyWithin(0, keepFrom, this.written);
    this.written -= keepFrom;
    this.start = this.written;
  }

  private bits(data: Uint8Array, n: number): number {
    while (this.bitCount < n) {
      // Past the end, zeros: the caller checks how far it read before using what it read.
      this.bitBuffer |= (this.at < data.length ? data[this.at]! : 0) << this.bitCount;
      this.at++;
      this.bitCount += 8;
    }
    const value = this.bitBuffer & ((1 << n) - 1);
    this.bitBuffer >>>= n;
    this.bitCount -= n;
    return value;
  }

  /** Whether the bits used so far reach past the end of `data`. */
  private overran(data: Uint8Array): boolean {
    return this.at * 8 - this.bitCount > data.length * 8;
  }

  /** The next symbol of `code` read bit by bit (codes longer than the fast table), or -1 for no code of it. */
  private decodeSlow(data: Uint8Array, code: Code): number {
    while (this.bitCount < MAX_BITS) {
      this.bitBuffer |= (this.at < data.length ? data[this.at]! : 0) << this.bitCount;
      this.at++;
      this.bitCount += 8;
    }
    const entry = code.fast[this.bitBuffer & FAST_MASK]!;
    if (entry !== 0) {
      this.bitBuffer >>>= entry & 15;
      this.bitCount -= entry & 15;
      return entry >> 4;
    }
    const { counts, symbols } = code;
    let value = 0;
    let first = 0;
    let index = 0;
    for (let length = 1; length <= MAX_BITS; length++) {
      value |= this.bitBuffer & 1;
      this.bitBuffer >>>= 1;
      this.bitCount--;
      const n = counts[length]!;
      if (value - n < first) return symbols[index + value - first]!;
      index += n;
      first = (first + n) << 1;
      value <<= 1;
    }
    return -1;
  }

  /**
   * Reads a block header; a stored block is copied whole here. Undefined when reading goes on, else the status to
   * give: 'more' (with the reader put back at the header) when the header or stored block has not all arrived.
   */
  private readBlockHeader(data: Uint8Array): InflateStatus | undefined {
    const at = this.at;
    const bitBuffer = this.bitBuffer;
    const bitCount = this.bitCount;
    const more = (): InflateStatus => {
      this.at = at;
      this.bitBuffer = bitBuffer;
      this.bitCount = bitCount;
      return 'more';
    };
    const last = this.bits(data, 1) === 1;
    const type = this.bits(data, 2);
    if (type === 0) {
      // Stored: from the next byte boundary, LEN and its complement, then LEN bytes as they are; like fflate, only
      // once all of it has arrived.
      this.at -= this.bitCount >> 3;
      this.bitBuffer = 0;
      this.bitCount = 0;
      const from = this.at;
      if (from + 4 > data.length) return more();
      const length = data[from]! | (data[from + 1]! << 8);
      if (from + 4 + length > data.length) return more();
      if ((length ^ (data[from + 2]! | (data[from + 3]! << 8))) !== 0xffff) return 'bad';
      if (this.written + length > this.out.length) this.makeRoom(length, from + 4 + length);
      this.out.set(data.subarray(from + 4, from + 4 + length), this.written);
      this.written += length;
      this.at = from + 4 + length;
      this.lastBlock = last;
      return undefined;
    }
    if (type === 1) {
      if (this.overran(data)) return more();
      this.literals = fixedLiterals;
      this.distances = fixedDistances;
    } else if (type === 2) {
      const valid = this.readDynamicCodes(data);
      if (this.overran(data)) return more();
      if (!valid) return 'bad';
      this.literals = this.dynamicLiterals;
      this.distances = this.dynamicDistances;
    } else return 'bad';
    this.lastBlock = last;
    return undefined;
  }

  /** Reads the code lengths of a dynamic block into its codes; false when they are not valid. */
  private readDynamicCodes(data: Uint8Array): boolean {
    const literalCount = this.bits(data, 5) + 257;
    const distanceCount = this.bits(data, 5) + 1;
    const lengthCount = this.bits(data, 4) + 4;
    if (literalCount > 286 || distanceCount > 30) return false;
    lengths.fill(0, 0, 19);
    for (let i = 0; i < lengthCount; i++) lengths[CODE_LENGTH_ORDER[i]!] = this.bits(data, 3);
    if (!build(codeLengths, 0, 19)) return false;
    const total = literalCount + distanceCount;
    let i = 0;
    while (i < total) {
      const symbol = this.decodeSlow(data, codeLengths);
      if (symbol < 0 || this.overran(data)) return false;
      if (symbol < 16) {
        lengths[i++] = symbol;
        continue;
      }
      let repeat: number;
      let value = 0;
      if (symbol === 16) {
        if (i === 0) return false;
        value = lengths[i - 1]!;
        repeat = 3 + this.bits(data, 2);
      } else repeat = symbol === 17 ? 3 + this.bits(data, 3) : 11 + this.bits(data, 7);
      if (i + repeat > total) return false;
      lengths.fill(value, i, i + repeat);
      i += repeat;
    }
    if (lengths[256] === 0) return false;
    return build(this.dynamicLiterals, 0, literalCount) && build(this.dynamicDistances, literalCount, distanceCount);
  }

  /**
   * Reads the symbols of the current block up to its end (undefined) or as far as the input goes ('more', the reader
   * put back at the first symbol not all there), or 'bad'.
   */
  private readSymbols(data: Uint8Array, literals: Code, distances: Code): InflateStatus | undefined {
    // The hot loop keeps the state in locals, reads codes of up to FAST_BITS bits through the tables inline, and leaves
    // longer ones to decodeSlow.
    const literalFast = literals.fast;
    const distanceFast = distances.fast;
    const end = data.length;
    const endBits = end * 8;
    let out = this.out;
    let roomEnd = out.length - MAX_MATCH;
    let bitBuffer = this.bitBuffer;
    let bitCount = this.bitCount;
    let next = this.at;
    let written = this.written;
    let status: InflateStatus | undefined = 'more';
    for (;;) {
      if (written > roomEnd) {
        this.written = written;
        this.makeRoom(MAX_MATCH, next);
        out = this.out;
        roomEnd = out.length - MAX_MATCH;
        written = this.written;
      }
      // Where this symbol starts, to put the reader back if its bits have not all arrived.
      const startNext = next;
      const startBuffer = bitBuffer;
      const startCount = bitCount;
      if (bitCount < MAX_BITS) {
        while (bitCount <= 24) {
          bitBuffer |= (next < end ? data[next]! : 0) << bitCount;
          next++;
          bitCount += 8;
        }
      }
      let symbol: number;
      const entry = literalFast[bitBuffer & FAST_MASK]!;
      if (entry !== 0) {
        bitBuffer >>>= entry & 15;
        bitCount -= entry & 15;
        symbol = entry >> 4;
      } else {
        this.bitBuffer = bitBuffer;
        this.bitCount = bitCount;
        this.at = next;
        symbol = this.decodeSlow(data, literals);
        bitBuffer = this.bitBuffer;
        bitCount = this.bitCount;
        next = this.at;
      }
      if (next + SYMBOL_BYTES > end && next * 8 - bitCount > endBits) {
        next = startNext;
        bitBuffer = startBuffer;
        bitCount = startCount;
        break;
      }
      if (symbol < 256) {
        if (symbol < 0) {
          status = 'bad';
          break;
        }
        out[written++] = symbol;
        continue;
      }
      if (symbol === 256) {
        status = undefined;
        break;
      }
      const lengthCode = symbol - 257;
      if (lengthCode >= 29) {
        status = 'bad';
        break;
      }
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
      let distanceCode: number;
      const distanceEntry = distanceFast[bitBuffer & FAST_MASK]!;
      if (distanceEntry !== 0) {
        bitBuffer >>>= distanceEntry & 15;
        bitCount -= distanceEntry & 15;
        distanceCode = distanceEntry >> 4;
      } else {
        this.bitBuffer = bitBuffer;
        this.bitCount = bitCount;
        this.at = next;
        distanceCode = this.decodeSlow(data, distances);
        bitBuffer = this.bitBuffer;
        bitCount = this.bitCount;
        next = this.at;
      }
      if (distanceCode < 0 || distanceCode >= 30) {
        status = 'bad';
        break;
      }
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
      if (next + SYMBOL_BYTES > end && next * 8 - bitCount > endBits) {
        next = startNext;
        bitBuffer = startBuffer;
        bitCount = startCount;
        break;
      }
      if (distance > written) {
        status = 'bad';
        break;
      }
      if (distance >= length && length > LONG_MATCH) {
        out.copyWithin(written, written - distance, written - distance + length);
        written += length;
      } else
        for (let from = written - distance, stop = written + length; written < stop;) out[written++] = out[from++]!;
    }
    this.bitBuffer = bitBuffer;
    this.bitCount = bitCount;
    this.at = next;
    this.written = written;
    return status;
  }
}

/**
 * A decoder lent out whole between streams: its buffer grows to the output of one call and stays grown, so it is
 * kept for the next borrower only up to this size.
 */
const SPARE_MAX_BYTES = 4 * 1024 * 1024;
let spare: InflateStream | undefined;

/**
 * A decoder ready for a new stream: the one given back last, if any (its buffer and tables allocated already), else a
 * new one. Not shared: whoever borrows it has it alone until it gives it back with {@link returnInflater}.
 */
export function borrowInflater(keep: KeepOutput): InflateStream {
  const inflater = spare;
  if (!inflater) return new InflateStream(keep);
  spare = undefined;
  inflater.reset(keep);
  return inflater;
}

/** Gives `inflater` back once nothing reads its output any more; a decoder not given back is simply collected. */
export function returnInflater(inflater: InflateStream): void {
  if (inflater.capacity <= SPARE_MAX_BYTES) spare = inflater;
}
