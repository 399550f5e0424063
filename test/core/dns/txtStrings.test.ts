import { expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatTxtForZone,
  joinTxtStrings,
  parseTxtPresentation,
  splitTxtValue,
  txtByteLength,
} from '../../../core/dns/txtStrings';

it('splits into strings of at most 255 bytes that join back (RFC 1035 §3.3)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 700 }), (value) => {
      const parts = splitTxtValue(value);
      expect(joinTxtStrings(parts)).toBe(value);
      for (const part of parts) expect(txtByteLength(part)).toBeLessThanOrEqual(255);
    }),
  );
  expect(splitTxtValue('a'.repeat(600)).map((p) => p.length)).toEqual([255, 255, 90]);
  expect(splitTxtValue('')).toEqual(['']);
});

it('zone presentation quotes, escapes and reads back', () => {
  expect(formatTxtForZone('v=DMARC1; p=none')).toBe('"v=DMARC1; p=none"');
  expect(formatTxtForZone('say "hi" \\ é')).toBe('"say \\"hi\\" \\\\ \\195\\169"');
  expect(formatTxtForZone('x'.repeat(300), { multiline: true })).toBe(
    `( "${'x'.repeat(255)}"\n  "${'x'.repeat(45)}" )`,
  );
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), fc.boolean(), (value, multiline) => {
      const strings = parseTxtPresentation(formatTxtForZone(value, { multiline }));
      expect(strings && joinTxtStrings(strings)).toBe(value);
    }),
  );
  expect(parseTxtPresentation('v=spf1 -all')).toEqual(['v=spf1 -all']);
  expect(parseTxtPresentation('"v=spf1 " "-all"')).toEqual(['v=spf1 ', '-all']);
  expect(parseTxtPresentation('"open')).toBeUndefined();
});
