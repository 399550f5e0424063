import { describe, expect, it } from 'vitest';
import { appliedPolicy, appliedPolicyToNormalized, simulatePolicy } from '../../../core/analysis/simulatePolicy';
import type { AggregateRecord } from '../../../core/report/types';
import { makeRecord, makeReport } from './makeRecord';

const pass = 'pass' as const;

// example.com publishes p=none. Four sources:
//  - SendGrid signing d=mail.example.com (relaxed-aligned only), 100 messages;
//  - the domain's own server, SPF pass for bounce.example.com (relaxed only) and DKIM d=example.com, 50;
//  - a spoofer, 20 messages, failing both;
//  - a mailing list that broke DKIM, receiver override mailing_list, 10 messages, from news.example.com.
const records = [
  makeRecord({
    sourceIp: '167.89.1.1',
    count: 100,
    dkimResults: [
      { domain: 'mail.example.com', result: pass },
      { domain: 'sendgrid.net', result: pass },
    ],
    envelopeFrom: 'sendgrid.net',
    spfResults: [{ domain: 'sendgrid.net', result: pass }],
  }),
  makeRecord({
    sourceIp: '203.0.113.5',
    count: 50,
    dkimResults: [{ domain: 'example.com', result: pass }],
    envelopeFrom: 'bounce.example.com',
    spfResults: [{ domain: 'bounce.example.com', result: pass }],
  }),
  makeRecord({ sourceIp: '198.51.100.66', count: 20, spfResults: [{ domain: 'spoof.example.net', result: 'fail' }] }),
  makeRecord({
    sourceIp: '192.0.2.77',
    count: 10,
    headerFrom: 'news.example.com',
    reasons: [{ type: 'mailing_list' }],
    dkimResults: [{ domain: 'example.com', result: 'fail' }],
    envelopeFrom: 'lists.example.org',
    spfResults: [{ domain: 'lists.example.org', result: pass }],
  }),
];
const reports = [makeReport(records, { policy: { domain: 'example.com', p: 'none' } })];
const byKey = (simulation: ReturnType<typeof simulatePolicy>) => new Map(simulation.sources.map((s) => [s.key, s]));

describe('appliedPolicy (RFC 9989)', () => {
  const policy = { domain: 'example.com', p: 'reject' as const, sp: 'quarantine' as const, np: 'reject' as const };
  it('uses p for the domain, sp for subdomains, np for non-existent ones, and t=y steps down', () => {
    expect(appliedPolicy('example.com', policy)).toBe('reject');
    expect(appliedPolicy('a.example.com', policy)).toBe('quarantine');
    expect(appliedPolicy('ghost.example.com', policy, new Set(['ghost.example.com']))).toBe('reject');
    expect(
      appliedPolicy('ghost.example.com', { domain: 'example.com', p: 'quarantine' }, new Set(['ghost.example.com'])),
    ).toBe('quarantine');
    expect(appliedPolicy('example.com', { ...policy, testing: 'y' })).toBe('quarantine');
    expect(appliedPolicy('a.example.com', { ...policy, testing: 'y' })).toBe('none');
  });
});

describe('simulatePolicy', () => {
  it('reports today as the receivers did and changes nothing under the published policy', () => {
    const same = simulatePolicy(reports, {});
    expect(same.reported).toEqual({ messages: 180, pass: 150, none: 30, quarantine: 0, reject: 0 });
    expect(same.simulated).toEqual({
      messages: 180,
      pass: 150,
      none: 30,
      quarantine: 0,
      reject: 0,
      newlyBlocked: 0,
      blockedByClass: { compliant: 0, forwarded: 0, misconfigured: 0, suspicious: 0 },
    });
  });

  it('p=reject rejects the spoofer and the list copies, and says the list copies were overridden before', () => {
    const result = simulatePolicy(reports, { p: 'reject' });
    expect(result.simulated).toMatchObject({ pass: 150, reject: 30, newlyBlocked: 30 });
    const sources = byKey(result);
    expect(sources.get('ip:198.51.100.66')).toMatchObject({ reject: 20, newlyBlocked: 20, previouslyOverridden: 0 });
    expect(sources.get('list:lists.example.org')).toMatchObject({ reject: 10, previouslyOverridden: 10 });
    expect(result.sources[0]!.key).toBe('ip:198.51.100.66');
    // Each blocked message by its own class: the spoofer's 20 suspicious, the list's 10 forwarded copies.
    expect(result.simulated.blockedByClass).toEqual({ compliant: 0, forwarded: 10, misconfigured: 0, suspicious: 20 });
  });

  it('sp applies to subdomains: p=reject sp=quarantine quarantines news.example.com', () => {
    const sources = byKey(simulatePolicy(reports, { p: 'reject', sp: 'quarantine' }));
    expect(sources.get('list:lists.example.org')).toMatchObject({ quarantine: 10, reject: 0 });
  });

  it('adkim=s breaks SendGrid signing as mail.example.com; aspf=s alone changes nothing for it (no SPF alignment)', () => {
    const strict = byKey(simulatePolicy(reports, { p: 'quarantine', adkim: 's' }));
    expect(strict.get('sendgrid')).toMatchObject({ messages: 100, pass: 0, quarantine: 100, newlyBlocked: 100 });
    expect(strict.get('ip:203.0.113.5')).toMatchObject({ pass: 50 });
    const both = byKey(simulatePolicy(reports, { p: 'quarantine', adkim: 's', aspf: 's' }));
    expect(both.get('ip:203.0.113.5')).toMatchObject({ pass: 50 }); // DKIM d=example.com is strict-aligned
  });

  it('aspf=s fails a source that aligns only through a relaxed SPF pass', () => {
    const spfOnly = [
      makeReport(
        [
          makeRecord({
            count: 7,
            envelopeFrom: 'bounce.example.com',
            spfResults: [{ domain: 'bounce.example.com', result: pass }],
          }),
        ],
        { policy: { domain: 'example.com', p: 'reject' } },
      ),
    ];
    expect(simulatePolicy(spfOnly, {}).simulated.pass).toBe(7);
    expect(simulatePolicy(spfOnly, { aspf: 's' }).simulated).toMatchObject({ pass: 0, reject: 7 });
  });

  it('t=y steps the applied policy down one level', () => {
    expect(simulatePolicy(reports, { p: 'reject', t: 'y' }).simulated).toMatchObject({ quarantine: 30, reject: 0 });
    expect(simulatePolicy(reports, { p: 'quarantine', t: 'y' }).simulated).toMatchObject({ none: 30, quarantine: 0 });
  });

  it('np applies only to domains the caller knows do not exist', () => {
    const ghost = [
      makeReport([makeRecord({ count: 4, headerFrom: 'ghost.example.com' })], {
        policy: { domain: 'example.com', p: 'none', sp: 'none' },
      }),
    ];
    expect(simulatePolicy(ghost, { np: 'reject' }).simulated.reject).toBe(0);
    expect(
      simulatePolicy(ghost, { np: 'reject' }, { nonExistentDomains: ['ghost.example.com'] }).simulated.reject,
    ).toBe(4);
  });

  it('keeps the receiver’s verdict under the published modes and recomputes only a changed mode', () => {
    // The receiver says SPF pass, but auth_results name another domain (anonymized samples do this).
    const odd = [
      makeReport([makeRecord({ count: 5, spf: 'pass', spfResults: [{ domain: 'other.example.net', result: pass }] })], {
        policy: { domain: 'example.com', p: 'none' },
      }),
    ];
    expect(simulatePolicy(odd, { p: 'reject' }).simulated).toMatchObject({ pass: 5, reject: 0 });
    expect(simulatePolicy(odd, { p: 'reject', aspf: 's' }).simulated).toMatchObject({ pass: 0, reject: 5 });
  });
});

describe('appliedPolicyToNormalized', () => {
  it('agrees with appliedPolicy on normalized domains', () => {
    const policies = [
      { domain: 'Example.COM.', p: 'reject' as const },
      { domain: 'example.com', p: 'quarantine' as const, sp: 'none' as const, testing: 'y' as const },
      { domain: 'example.com', p: 'none' as const, sp: 'quarantine' as const, np: 'reject' as const },
      { domain: 'example.com' },
    ];
    const nonExistent = new Set(['gone.example.com']);
    for (const policy of policies) {
      for (const from of ['example.com', ' EXAMPLE.com. ', 'sub.example.com', 'gone.example.com', '']) {
        const normalized = from.trim().toLowerCase().replace(/\.$/, '');
        expect(appliedPolicyToNormalized(normalized, 'example.com', policy, nonExistent)).toBe(
          appliedPolicy(from, policy, nonExistent),
        );
      }
    }
  });
});

describe('simulatePolicy, counted per cell and policy', () => {
  // Three SendGrid addresses in three reports, the second publishing adkim=s: counted per policy and
  // cell, the messages would add up as first + third + second instead of in the records' order.
  const sendgrid = (sourceIp: string, count: number, disposition = 'none') =>
    makeRecord({
      sourceIp,
      count,
      disposition: disposition as AggregateRecord['disposition'],
      dkimResults: [{ domain: 'sendgrid.net', result: pass }],
      envelopeFrom: 'sendgrid.net',
      spfResults: [{ domain: 'sendgrid.net', result: pass }],
    });
  const interleaved = (counts: number[], dispositions: string[]) =>
    counts.map((count, i) =>
      makeReport([sendgrid(`167.89.0.${i + 1}`, count, dispositions[i])], {
        policy: { domain: 'example.com', p: 'none', adkim: i === 1 ? 's' : 'r' },
        begin: Date.UTC(2026, 0, 1 + i) / 1000,
      }),
    );

  it('adds messages that are not whole numbers in the order of the records', () => {
    const result = simulatePolicy(interleaved([0.1, 0.1, 0.6], ['none', 'none', 'none']), { p: 'reject' });
    // (0.1 + 0.1) + 0.6 is 0.8; (0.1 + 0.6) + 0.1 is 0.7999999999999999.
    expect(result.sources[0]!.messages).toBe(0.8);
    expect(result.simulated.messages).toBe(0.8);
    expect(result.simulated.reject).toBe(0.8);
  });

  it('lists dispositions outside the four words in the order of their first record', () => {
    const result = simulatePolicy(interleaved([1, 2, 3], ['first', 'second', 'third']), { p: 'reject' });
    expect(Object.keys(result.reported)).toEqual([
      'pass',
      'none',
      'quarantine',
      'reject',
      'messages',
      'first',
      'second',
      'third',
    ]);
  });

  it('counts whole numbers per cell and policy to the same totals', () => {
    const result = simulatePolicy(interleaved([5, 7, 11], ['none', 'quarantine', 'none']), { p: 'reject' });
    expect(result.reported).toEqual({ pass: 0, none: 16, quarantine: 7, reject: 0, messages: 23 });
    expect(result.simulated).toEqual({
      pass: 0,
      none: 0,
      quarantine: 0,
      reject: 23,
      messages: 23,
      newlyBlocked: 16,
      blockedByClass: { compliant: 0, forwarded: 0, misconfigured: 23, suspicious: 0 },
    });
    expect(result.sources.map((s) => [s.key, s.messages, s.reject])).toEqual([['sendgrid', 23, 23]]);
  });
});
