import { describe, expect, it } from 'vitest';
import {
  assessReadiness,
  judgeNextStep,
  nextPolicyStep,
  READINESS_THRESHOLDS,
} from '../../../core/analysis/assessReadiness';
import { makeRecord, makeReport } from './makeRecord';

const pass = 'pass' as const;
const DAY = 86_400;
const start = Date.UTC(2026, 0, 1) / 1000;

function dailyReports(
  days: number,
  policy: NonNullable<Parameters<typeof makeReport>[1]>['policy'],
  records: () => ReturnType<typeof makeRecord>[],
) {
  return Array.from({ length: days }, (_, i) =>
    makeReport(records(), { policy, begin: start + i * DAY, end: start + (i + 1) * DAY - 1, reportId: `d${i}` }),
  );
}

const goodService = () =>
  makeRecord({
    sourceIp: '167.89.1.1',
    count: 100,
    dkimResults: [
      { domain: 'example.com', result: pass },
      { domain: 'sendgrid.net', result: pass },
    ],
  });
const spfOnlyServer = () =>
  makeRecord({
    sourceIp: '203.0.113.5',
    count: 40,
    envelopeFrom: 'mail.example.com',
    spfResults: [{ domain: 'mail.example.com', result: pass }],
  });
const unalignedMailchimp = () =>
  makeRecord({
    sourceIp: '198.2.128.5',
    count: 20,
    dkimResults: [{ domain: 'mcsv.net', result: pass }],
    envelopeFrom: 'mcdlv.net',
    spfResults: [{ domain: 'mcdlv.net', result: pass }],
  });
const spoof = () =>
  makeRecord({ sourceIp: '198.51.100.66', count: 30, spfResults: [{ domain: 'spoof.example.net', result: 'fail' }] });

describe('nextPolicyStep', () => {
  it('walks none → quarantine t=y → quarantine → reject t=y → reject', () => {
    expect(nextPolicyStep({ p: 'none', t: 'n' })).toEqual({ p: 'quarantine', t: 'y' });
    expect(nextPolicyStep({ p: 'quarantine', t: 'y' })).toEqual({ p: 'quarantine', t: 'n' });
    expect(nextPolicyStep({ p: 'quarantine', t: 'n', pct: 25 })).toEqual({ p: 'quarantine', t: 'n' });
    expect(nextPolicyStep({ p: 'quarantine', t: 'n' })).toEqual({ p: 'reject', t: 'y' });
    expect(nextPolicyStep({ p: 'reject', t: 'y' })).toEqual({ p: 'reject', t: 'n' });
    expect(nextPolicyStep({ p: 'reject', t: 'n' })).toBeUndefined();
  });
});

describe('assessReadiness', () => {
  it('is ready when every known source aligns and a month of reports exists; spoofing does not block', () => {
    const reports = dailyReports(31, { domain: 'example.com', p: 'none' }, () => [
      goodService(),
      spfOnlyServer(),
      spoof(),
    ]);
    const readiness = assessReadiness(reports, { domain: 'example.com' });
    expect(readiness).toMatchObject({
      ready: true,
      current: { p: 'none', t: 'n' },
      next: { p: 'quarantine', t: 'y' },
      daysUnderCurrentPolicy: 31,
      blockers: [],
    });
    // 31 days of 100 + 40 + 30 messages; the spoofing (30 a day) is suspicious, not a known source.
    expect(readiness.messages).toBe(31 * 170);
    expect(readiness.alignedShare).toBe((31 * 140) / (31 * 170));
    expect(readiness.suspiciousMessages).toBe(31 * 30);
    expect(readiness.forwardedMessages).toBe(0);
    expect(readiness.sources).toEqual([
      {
        key: 'sendgrid',
        label: 'Twilio SendGrid',
        class: 'compliant',
        messages: 3100,
        ownMessages: 3100,
        alignedShare: 1,
        dkimAlignedShare: 1,
        blocking: false,
      },
      {
        key: 'ip:203.0.113.5',
        label: '203.0.113.5',
        class: 'compliant',
        messages: 1240,
        ownMessages: 1240,
        alignedShare: 1,
        dkimAlignedShare: 0,
        blocking: false,
      },
    ]);
    expect(readiness.summary).toBe(
      'example.com is ready for p=quarantine t=y: every known source aligns at least 98% over 31 days.',
    );
    // A test-mode step from p=none quarantines nothing: no mail is at risk, so none is counted.
    expect(readiness.nextStep).toBeUndefined();
  });

  it('names the source that blocks, with its share and the fix', () => {
    const reports = dailyReports(31, { domain: 'example.com', p: 'none' }, () => [goodService(), unalignedMailchimp()]);
    const readiness = assessReadiness(reports, { domain: 'example.com' });
    expect(readiness.ready).toBe(false);
    expect(readiness.sources.map((s) => [s.key, s.messages, s.alignedShare, s.blocking])).toEqual([
      ['mailchimp', 620, 0, true],
      ['sendgrid', 3100, 1, false],
    ]);
    expect(readiness.blockers).toEqual([
      'Mailchimp: 0% of 620 messages aligned (needs 98%). Turn on DKIM signing with d=example.com at Mailchimp (Website › Domains › Authenticate) (it signs as mcsv.net today, which does not align); optionally set a custom return-path under example.com at Mailchimp so SPF aligns as well.',
    ]);
    expect(readiness.summary).toBe('example.com is not ready for p=quarantine t=y: 1 thing to fix first.');
  });

  it('asks for a month under the current policy', () => {
    const readiness = assessReadiness(
      dailyReports(10, { domain: 'example.com', p: 'none' }, () => [goodService()]),
      { domain: 'example.com' },
    );
    expect(readiness.ready).toBe(false);
    expect(readiness.daysUnderCurrentPolicy).toBe(10);
    expect(readiness.blockers).toEqual([
      'Only 10 days of reports under p=none; RFC 9989 suggests watching at least 30 days before the next step.',
    ]);
  });

  it('before p=reject, a source passing on SPF alone blocks (RFC 9989: p=reject needs DKIM)', () => {
    const reports = dailyReports(31, { domain: 'example.com', p: 'quarantine' }, () => [
      goodService(),
      spfOnlyServer(),
    ]);
    const readiness = assessReadiness(reports, { domain: 'example.com' });
    expect(readiness.next).toEqual({ p: 'reject', t: 'y' });
    expect(readiness.blockers).toEqual([
      '203.0.113.5 passes on SPF alone for 100% of its mail: p=reject needs DKIM (RFC 9989), or forwarded copies will be rejected. Turn on DKIM signing for your domain there.',
    ]);
    expect(readiness.summary).toBe('example.com is not ready for p=reject t=y: 1 thing to fix first.');
  });

  it('is not ready for a step the rollout plan would call unsafe: authenticated mail it would hit blocks', () => {
    // A mailing list re-signs the domain's mail (a forwarder, so no source of the domain's own blocks), but
    // 310 of 3,410 messages (9.1%) authenticate without aligning, and leaving test mode would quarantine them.
    const list = () =>
      makeRecord({
        sourceIp: '82.94.249.234',
        count: 10,
        envelopeFrom: 'lists.example.org',
        dkimResults: [
          { domain: 'example.com', result: 'fail' },
          { domain: 'lists.example.org', result: pass },
        ],
        spfResults: [{ domain: 'lists.example.org', result: pass }],
      });
    const own = () =>
      makeRecord({ sourceIp: '167.89.1.1', count: 100, dkimResults: [{ domain: 'example.com', result: pass }] });
    const reports = dailyReports(31, { domain: 'example.com', p: 'quarantine', testing: 'y' }, () => [own(), list()]);
    const readiness = assessReadiness(reports, { domain: 'example.com' });
    expect(readiness).toMatchObject({
      ready: false,
      current: { p: 'quarantine', t: 'y' },
      next: { p: 'quarantine', t: 'n' },
      forwardedMessages: 310,
    });
    expect(readiness.sources.map((s) => [s.key, s.blocking])).toEqual([['ip:167.89.1.1', false]]);
    expect(readiness.nextStep).toMatchObject({
      verdict: 'not-yet',
      totalMessages: 3410,
      authenticatedFailingMessages: 310,
      authenticatedMessagesHit: 310,
    });
    expect(readiness.blockers).toEqual([
      '310 messages authenticate as a service or forwarder but fail alignment (9.1% of 3,410 messages); p=quarantine would quarantine or reject 310 of them. Fix those senders first.',
    ]);
  });

  it('says when there is nothing left to do, and when there are no reports', () => {
    const atReject = assessReadiness(
      dailyReports(3, { domain: 'example.com', p: 'reject' }, () => [goodService()]),
      { domain: 'example.com' },
    );
    expect(atReject).toMatchObject({
      ready: false,
      summary: 'example.com is at p=reject: the last step. Keep watching for new sources.',
    });
    expect(atReject.next).toBeUndefined();
    expect(atReject.nextStep).toBeUndefined();
    const none = assessReadiness([], { domain: 'example.com' });
    expect(none.summary).toBe('No reports for example.com yet.');
    expect(none.blockers).toEqual(['No aggregate reports for example.com in the chosen period.']);
  });
});

describe('judgeNextStep', () => {
  const quarantine = { p: 'quarantine', t: 'n' } as const;
  /** `total` messages of the domain, `unaligned` of them signed by a service (Mailchimp) without aligning. */
  const mail = (total: number, unaligned: number) => [
    makeRecord({
      sourceIp: '192.0.2.1',
      count: total - unaligned,
      dkimResults: [{ domain: 'example.com', result: pass }],
    }),
    makeRecord({ sourceIp: '198.2.128.5', count: unaligned, dkimResults: [{ domain: 'mcsv.net', result: pass }] }),
  ];
  const verdict = (total: number, unaligned: number) =>
    judgeNextStep(mail(total, unaligned), { domain: 'example.com', next: quarantine }).verdict;

  it('draws its lines at the shared thresholds', () => {
    expect(READINESS_THRESHOLDS).toEqual({
      alignedShare: 0.98,
      minimumDays: 30,
      minimumMessages: 100,
      safeFailingShare: 0.005,
      cautionFailingShare: 0.02,
    });
    expect(verdict(99, 0)).toBe('no-data');
    expect(verdict(1000, 5)).toBe('safe'); // 0.5%
    expect(verdict(1000, 6)).toBe('caution');
    expect(verdict(1000, 20)).toBe('caution'); // 2%
    expect(verdict(1000, 21)).toBe('not-yet');
  });

  it('names the identity, the service and why it fails', () => {
    const judgement = judgeNextStep(mail(1000, 21), {
      domain: 'example.com',
      next: { p: 'quarantine', t: 'n', pct: 50 },
      adkim: 's',
    });
    expect(judgement).toEqual({
      verdict: 'caution', // 50% of 21 rounds to 11: 1.1%
      totalMessages: 1000,
      failingMessages: 21,
      messagesHitByNextStep: 11,
      authenticatedFailingMessages: 21,
      authenticatedMessagesHit: 11,
      failingSources: [
        {
          identity: 'mcsv.net',
          service: 'Mailchimp',
          messages: 21,
          sourceIps: ['198.2.128.5'],
          headerFroms: ['example.com'],
          cause: {
            from: 'example.com',
            dkim: { result: 'unaligned', domain: 'mcsv.net', strict: true },
            spf: { result: 'fails' },
          },
          authenticated: true,
          overrides: [],
        },
      ],
      verdictDisagreements: 0,
    });
  });
});
