// JSON text of report values typed `unknown`, which JSON.stringify alone throws on.
import { describe, expect, it } from 'vitest';
import { stringifyJson } from '../../cli/stringifyJson';

describe('stringifyJson', () => {
  it('is JSON.stringify for what JSON holds', () => {
    const value = { a: [1, 'x', null, true], b: { c: NaN, d: '\uD800' } };
    expect(stringifyJson(value)).toBe(JSON.stringify(value));
    expect(stringifyJson(undefined)).toBe('null');
  });

  it('writes a BigInt as its digits and a repeated ancestor as "[circular]"', () => {
    const looped: Record<string, unknown> = { name: 'x', big: 12345678901234567890n };
    looped.self = looped;
    looped.list = [looped, { ok: 1 }];
    expect(JSON.parse(stringifyJson({ extensions: looped }))).toEqual({
      extensions: { name: 'x', big: '12345678901234567890', self: '[circular]', list: ['[circular]', { ok: 1 }] },
    });
  });

  it('keeps a value seen twice side by side (not a cycle)', () => {
    const shared = { n: 1n };
    expect(JSON.parse(stringifyJson({ a: shared, b: shared }))).toEqual({ a: { n: '1' }, b: { n: '1' } });
  });

  it('uses toJSON, and says when it throws', () => {
    const broken = {
      toJSON() {
        throw new Error('no');
      },
    };
    expect(JSON.parse(stringifyJson({ when: new Date(0), broken, big: 1n }))).toEqual({
      when: '1970-01-01T00:00:00.000Z',
      broken: '[unreadable: no]',
      big: '1',
    });
  });
});
