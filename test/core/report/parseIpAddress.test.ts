import { describe, expect, it } from 'vitest';
import { parseIpAddress } from '../../../core/report/parseIpAddress';

describe('parseIpAddress', () => {
  it('reads IPv4', () => {
    expect(parseIpAddress('192.0.2.1')).toEqual({ family: 4, value: 0xc0000201 });
    expect(parseIpAddress(' 255.255.255.255 ')).toEqual({ family: 4, value: 0xffffffff });
  });

  it('reads the IPv6 forms of RFC 4291 §2.2', () => {
    expect(parseIpAddress('2001:db8::1')).toEqual({ family: 6, words: [0x20010db8, 0, 0, 1] });
    expect(parseIpAddress('2001:0db8:0000:0000:0000:ff00:0042:8329')).toEqual({
      family: 6,
      words: [0x20010db8, 0, 0xff00, 0x00428329],
    });
    expect(parseIpAddress('::')).toEqual({ family: 6, words: [0, 0, 0, 0] });
    expect(parseIpAddress('::1')).toEqual({ family: 6, words: [0, 0, 0, 1] });
    expect(parseIpAddress('64:ff9b::192.0.2.33')).toEqual({ family: 6, words: [0x0064ff9b, 0, 0, 0xc0000221] });
    expect(parseIpAddress('[2001:db8::1]')).toEqual({ family: 6, words: [0x20010db8, 0, 0, 1] });
    expect(parseIpAddress('fe80::1%eth0')).toEqual({ family: 6, words: [0xfe800000, 0, 0, 1] });
  });

  it('returns IPv4-mapped IPv6 as IPv4 (RFC 4291 §2.5.5.2)', () => {
    expect(parseIpAddress('::ffff:192.0.2.1')).toEqual({ family: 4, value: 0xc0000201 });
  });

  it('refuses what is not an address', () => {
    for (const bad of [
      '',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '01.2.3.4',
      'mail.example.com',
      '1::2::3',
      '12345::',
      'g::1',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7::8:9',
    ]) {
      expect(parseIpAddress(bad), bad).toBeUndefined();
    }
  });
});
