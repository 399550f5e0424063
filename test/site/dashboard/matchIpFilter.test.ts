// The sources table's IP / CIDR filter compares addresses, not text.
import { describe, expect, it } from 'vitest';
import { matchIpFilter } from '../../../site/src/dashboard/matchIpFilter';

/** Which of `ips` the filter keeps. */
function kept(filter: string, ips: readonly string[]): string[] {
  const matches = matchIpFilter(filter);
  if (matches === undefined) throw new Error(`no filter for ${JSON.stringify(filter)}`);
  return ips.filter(matches);
}

describe('matchIpFilter', () => {
  it('an address finds that address however either side is written, and no address that merely contains its text', () => {
    const ips = ['2001:db8::1', '2001:db8::1:0:0:1', '2001:db8::10', '2001:db8::1:2', '2001:db8:0:0:0:0:0:1'];
    expect(kept('2001:db8::1', ips)).toEqual(['2001:db8::1', '2001:db8:0:0:0:0:0:1']);
    expect(kept('2001:db8:0:0:0::1', ['2001:db8::1'])).toEqual(['2001:db8::1']);
    expect(kept('2001:DB8:0000::0001', ['2001:db8::1', '2001:db8::1:0:0:1'])).toEqual(['2001:db8::1']);
    expect(kept('2001:db8::1', ['2001:DB8:0:0:0:0:0:1'])).toEqual(['2001:DB8:0:0:0:0:0:1']);
    expect(kept('10.0.0.1', ['10.0.0.1', '10.0.0.10', '110.0.0.1', '10.0.0.100'])).toEqual(['10.0.0.1']);
  });

  it('IPv4-mapped and IPv4 are the same address, as filter and as source', () => {
    expect(kept('::ffff:192.0.2.1', ['192.0.2.1', '192.0.2.10'])).toEqual(['192.0.2.1']);
    expect(kept('::FFFF:C000:201', ['192.0.2.1'])).toEqual(['192.0.2.1']);
    expect(kept('192.0.2.1', ['::ffff:192.0.2.1', '::ffff:c000:201', '2001:db8::c000:201'])).toEqual([
      '::ffff:192.0.2.1',
      '::ffff:c000:201',
    ]);
  });

  it('IPv4 networks', () => {
    const ips = ['192.0.2.0', '192.0.2.77', '192.0.2.255', '192.0.3.1', '192.0.1.255', '2001:db8::1'];
    expect(kept('192.0.2.0/24', ips)).toEqual(['192.0.2.0', '192.0.2.77', '192.0.2.255']);
    expect(kept('192.0.2.64/26', ips)).toEqual(['192.0.2.77']);
    expect(kept('192.0.2.77/32', ips)).toEqual(['192.0.2.77']);
    // Host bits in the network are ignored: the prefix decides.
    expect(kept('192.0.2.200/24', ips)).toEqual(['192.0.2.0', '192.0.2.77', '192.0.2.255']);
    expect(kept('0.0.0.0/0', ips)).toEqual(ips.slice(0, 5));
    expect(kept('10.0.0.0/8', ['10.255.1.2', '11.0.0.0', '9.255.255.255'])).toEqual(['10.255.1.2']);
    expect(kept('100.64.0.0/10', ['100.127.255.255', '100.128.0.0'])).toEqual(['100.127.255.255']);
    // IPv4-mapped sources are IPv4.
    expect(kept('192.0.2.0/24', ['::ffff:192.0.2.5'])).toEqual(['::ffff:192.0.2.5']);
  });

  it('IPv6 networks, and IPv4 networks written as IPv4-mapped IPv6', () => {
    const ips = ['2001:db8::1', '2001:db8:ffff::1', '2001:db9::1', '2001:DB8:0:0:0:0:0:2', '192.0.2.1'];
    expect(kept('2001:db8::/32', ips)).toEqual(['2001:db8::1', '2001:db8:ffff::1', '2001:DB8:0:0:0:0:0:2']);
    expect(kept('2001:db8::/127', ips)).toEqual(['2001:db8::1']);
    expect(kept('2001:db8::2/128', ips)).toEqual(['2001:DB8:0:0:0:0:0:2']);
    expect(kept('::/0', ips)).toEqual(ips);
    expect(kept('::ffff:192.0.2.0/120', ['192.0.2.1', '192.0.3.1', '2001:db8::1'])).toEqual(['192.0.2.1']);
    expect(kept('::ffff:0:0/96', ['192.0.2.1', '203.0.113.9', '2001:db8::1'])).toEqual(['192.0.2.1', '203.0.113.9']);
  });

  it('anything else is text, matched as you type', () => {
    expect(kept('203.0.', ['203.0.113.9', '198.51.100.203'])).toEqual(['203.0.113.9']);
    expect(kept('2001:DB8:', ['2001:db8::1', '2001:db9::1'])).toEqual(['2001:db8::1']);
    // A prefix length out of range, or not a number, is not a network.
    expect(kept('192.0.2.0/99', ['192.0.2.1'])).toEqual([]);
    expect(kept('192.0.2.0/33', ['192.0.2.1'])).toEqual([]);
    expect(kept('2001:db8::/129', ['2001:db8::1'])).toEqual([]);
    expect(kept('192.0.2.0/2x', ['192.0.2.1'])).toEqual([]);
    expect(kept('192.0.2.0/', ['192.0.2.1'])).toEqual([]);
    expect(matchIpFilter('  ')).toBeUndefined();
  });
});
