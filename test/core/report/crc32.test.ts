// core/report/crc32 against Node's zlib CRC-32 (the one gzip writes), on every length around the four-byte steps.
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../core/report/crc32';

describe('crc32', () => {
  it('is zlib’s CRC-32: the check value and empty input', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('agrees with zlib on random bytes of any length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => crc32(bytes) === zlibCrc32(bytes)),
      { numRuns: 2000 },
    );
  });
});
