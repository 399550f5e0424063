import { describe, expect, it } from 'vitest';
import {
  lookupReverseDns,
  readDnsJsonPtrAnswer,
  reverseDnsName,
  type PtrAnswer,
} from '../../../core/analysis/lookupReverseDns';

// A declarative fake resolver: query name → answer, recording what was asked.
function fakeResolver(zone: Record<string, PtrAnswer>) {
  const asked: string[] = [];
  const resolve = (name: string): Promise<PtrAnswer> => {
    asked.push(name);
    return Promise.resolve(zone[name] ?? { status: 'none' });
  };
  return { resolve, asked };
}

describe('reverseDnsName', () => {
  it('builds in-addr.arpa and nibble ip6.arpa names (RFC 1035 §3.5, RFC 3596 §2.5)', () => {
    expect(reverseDnsName('192.0.2.1')).toBe('1.2.0.192.in-addr.arpa');
    expect(reverseDnsName('2001:db8::567:89ab')).toBe(
      'b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    );
    expect(reverseDnsName('::ffff:192.0.2.1')).toBe('1.2.0.192.in-addr.arpa');
    expect(reverseDnsName('not an ip')).toBeUndefined();
  });
});

describe('readDnsJsonPtrAnswer', () => {
  it('reads PTR answers, lower-cased without the root dot, and refuses what is not a host name', () => {
    expect(
      readDnsJsonPtrAnswer({
        Status: 0,
        Answer: [
          { name: '41.220.85.209.in-addr.arpa.', type: 12, data: 'Mail-SOR-f41.google.com.' },
          { type: 12, data: '<script>' },
        ],
      }),
    ).toEqual({ status: 'ok', names: ['mail-sor-f41.google.com'] });
    expect(readDnsJsonPtrAnswer({ Status: 3 })).toEqual({ status: 'none' });
    expect(readDnsJsonPtrAnswer({ Status: 0 })).toEqual({ status: 'none' });
    expect(readDnsJsonPtrAnswer({ Status: 2 })).toEqual({ status: 'error', message: 'DNS error code 2.' });
    expect(readDnsJsonPtrAnswer('nope').status).toBe('error');
  });
});

describe('lookupReverseDns', () => {
  it('asks once per address, uses and fills the cache, and keeps failures apart', async () => {
    const { resolve, asked } = fakeResolver({
      '41.220.85.209.in-addr.arpa': { status: 'ok', names: ['mail-sor-f41.google.com'] },
      '1.113.0.203.in-addr.arpa': { status: 'error', message: 'timeout' },
    });
    const store = new Map<string, string[]>([['198.51.100.9', ['cached.example.net']]]);
    const cache = {
      get: (ip: string) => Promise.resolve(store.get(ip)),
      set: (ip: string, names: string[]) => {
        store.set(ip, names);
        return Promise.resolve();
      },
    };
    const progress: number[] = [];
    const result = await lookupReverseDns(
      ['209.85.220.41', '209.85.220.41', '203.0.113.1', '198.51.100.9', '192.0.2.1'],
      resolve,
      {
        cache,
        concurrency: 2,
        onProgress: (done) => progress.push(done),
      },
    );
    expect(asked.sort()).toEqual(['1.113.0.203.in-addr.arpa', '1.2.0.192.in-addr.arpa', '41.220.85.209.in-addr.arpa']);
    expect(result.names).toEqual(
      new Map([
        ['209.85.220.41', ['mail-sor-f41.google.com']],
        ['198.51.100.9', ['cached.example.net']],
        ['192.0.2.1', []],
      ]),
    );
    expect(result.failed).toEqual(new Map([['203.0.113.1', 'timeout']]));
    expect(result.fromCache).toBe(1);
    expect(store.get('209.85.220.41')).toEqual(['mail-sor-f41.google.com']);
    expect(store.has('203.0.113.1')).toBe(false);
    expect(progress).toEqual([1, 2, 3, 4]);
  });

  it('stops when aborted and turns a throwing resolver into a failure', async () => {
    const aborted = await lookupReverseDns(['192.0.2.1'], () => Promise.resolve<PtrAnswer>({ status: 'none' }), {
      signal: { aborted: true },
    });
    expect(aborted.names.size).toBe(0);
    const thrown = await lookupReverseDns(['192.0.2.1'], () => Promise.reject(new Error('offline')));
    expect(thrown.failed.get('192.0.2.1')).toBe('offline');
  });
});
