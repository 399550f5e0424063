// Attachment bytes cross runtime messaging as base64: exact for every byte value, for the empty file, across the
// 32 KiB chunks the encoder works in, and for a real gzip report.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../extension/messaging/base64Bytes';

describe('base64Bytes', () => {
  it('encodes as RFC 4648 base64, padding included', () => {
    // RFC 4648 §10 test vectors.
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, base64] of vectors) {
      expect(bytesToBase64(new TextEncoder().encode(text)), text).toBe(base64);
      expect(new TextDecoder().decode(base64ToBytes(base64)), base64).toBe(text);
    }
    expect(bytesToBase64(Uint8Array.of(0x00, 0xff, 0x80, 0x7f))).toBe('AP+Afw==');
  });

  it('gives back every byte value, and lengths around the 32 KiB chunk', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
    for (const length of [0x8000 - 1, 0x8000, 0x8000 + 1, 3 * 0x8000 + 2]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7 + (i >> 8)) & 0xff);
      const base64 = bytesToBase64(bytes);
      expect(base64, `${length} bytes`).toBe(Buffer.from(bytes).toString('base64'));
      // Compared as hex: toEqual walks a typed array element by element, seconds for these sizes.
      expect(Buffer.from(base64ToBytes(base64)).toString('hex'), `${length} bytes`).toBe(
        Buffer.from(bytes).toString('hex'),
      );
    }
  });

  it('carries a real gzip report unchanged', () => {
    const path =
      'test/fixtures/reports/domainaware__parsedmarc/fastmail.com!example.com!1516060800!1516147199!102675056.xml.gz';
    const bytes = new Uint8Array(readFileSync(path));
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
});
