// A resumable DEFLATE decoder (RFC 1951) for compressed input held whole in memory and arriving slice by slice: a
// large .xml.gz or zip member. In Chromium, allocating a fresh buffer for output costs far more than inflating into it
// (a copy of each piece of output into a buffer of its own made inflating a 20 MB report several times slower), and
// fflate's streaming inflate allocates a growing buffer for each slice and copies its output, its window and its
// leftover input again after it. Here one output buffer, holding the 32 KiB window, serves the whole stream: the
// output is handed over as a view of it (`take`), valid until the next `run`, and the buffer grows only when one
// slice's output does not fit.
//
// Input: each call to `run` is given all of the stream's bytes that have arrived so far (a longer view each time, from
// the same start), and decodes every symbol whose bits have all arrived, as fflate's Inflate does with the same input.
// Anything a valid stream cannot hold (an invalid code, block type, distance or stored length) stops it with 'bad':
// the caller then reads the stream again with fflate from its start, so damaged input is read exactly as before.
import {
  build,
  CODE_LENGTH_ORDER,
  type Code,
  DISTANCE_BASE,
  DISTANCE_EXTRA,
  fixedDistances,
  fixedLiterals,
  LENGTH_BASE,
  LENGTH_EXTRA,
  lengths,
  MAX_BITS,
  newCode,
} from './inflateRaw';

/** How far back a DEFLATE match may reach. */
const WINDOW = 32 * 1024;
/** The output buffer's first size; it doubles while one slice's output does not fit. */
const FIRST_BUFFER_BYTES = 256 * 1024;
/** The longest match, written before the room left is checked again. */
const MAX_MATCH = 258;

/** Matches longer than this that do not overlap their own output are copied in one call rather than byte by byte. */
const LONG_MATCH = 32;

/** Input bytes a symbol can need, read-ahead included: below this distance from the end, a symbol can run out. */
const SYMBOL_BYTES = 12;

/**
 * Fast tables one bit longer than inflateRaw's: built once per block of a large stream, they read most literal codes
 * of report XML in one look-up.
 */
const STREAM_FAST_BITS = 10;

/** 'more': every complete symbol is decoded; 'done': the final block ended; 'bad': not a valid DEFLATE stream. */
export type InflateStatus = 'more' | 'done' | 'bad';

/** The code length code of dynamic block headers, read and used within one call. */
const codeLengths = newCode(19);

export class InflateStream {
  private readonly dynamicLiterals = newCode(288, STREAM_FAST_BITS);
  private readonly dynamicDistances = newCode(32, STREAM_FAST_BITS);
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

  /**
   * `keep` says whether this many bytes of output, produced since the last `take`, may be held: past that the output is
   * only counted (a decompression bomb is decoded to the end of its slice without being held).
   */
  constructor(private readonly keep: (bytes: number) => boolean) {}

  /** Bytes of output produced since the last `take`, kept or not. */
  get pending(): number {
    return this.dropped + this.written - this.start;
  }

  /**
   * The output produced since the last call, or nothing when some of it was not kept: a view of the decoder's buffer,
   * which the next `run` may overwrite.
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

  /** Decodes what `data` (the stream's bytes so far, from its first) completes; its output stays until `take`. */
  run(data: Uint8Array): InflateStatus {
    if (this.finished) return 'done';
    this.reload(data);
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

  /** Makes room for `bytes` more output: moves what must stay (output not taken, the window) to the front, or grows. */
  private makeRoom(bytes: number): void {
    const from = Math.min(this.start, this.written - WINDOW);
    if (from > 0) {
      this.out.copyWithin(0, from, this.written);
      this.start -= from;
      this.written -= from;
    }
    if (this.written + bytes <= this.out.length) return;
    if (this.dropped === 0 && this.keep(this.written - this.start)) {
      const grown = new Uint8Array(Math.max(this.out.length * 2, this.written + bytes));
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
    const entry = code.fast[this.bitBuffer & (code.fast.length - 1)]!;
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
      if (this.written + length > this.out.length) this.makeRoom(length);
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
    const literalMask = literalFast.length - 1;
    const distanceFast = distances.fast;
    const distanceMask = distanceFast.length - 1;
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
        this.makeRoom(MAX_MATCH);
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
      const entry = literalFast[bitBuffer & literalMask]!;
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
      const distanceEntry = distanceFast[bitBuffer & distanceMask]!;
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
