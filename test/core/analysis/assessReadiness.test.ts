import { describe, expect, it } from 'vitest';
import { assessReadiness, nextPolicyStep } from '../../../core/analysis/assessReadiness';
import { makeRecord, makeReport } from './makeRecord';

const pass = 'pass' as const;
const DAY = 86_400;
const start = Date.UTC(2026, 0, 1) / 1000;

function dailyReports(days: number, policy: NonNullable<Parameters<typeof makeReport>[1]>['policy'], records: () => ReturnType<typeof makeRecord>[]) {
  return Array.from({ length: days }, (_, i) =>
    makeReport(records(), { policy, begin: start + i * DAY, end: start + (i + 1) * DAY - 1, reportId: `d${i}` }),
  );
}

const goodService = () => makeRecord({ sourceIp: '167.89.1.1', count: 100, dkimResults: [{ domain: 'example.com', result: pass }, { domain: 'sendgrid.net', result: pass }] });
const spfOnlyServer = () => makeRecord({ sourceIp: '203.0.113.5', count: 40, envelopeFrom: 'mail.example.com', spfResults: [{ domain: 'mail.example.com', result: pass }] });
const unalignedMailchimp = () => makeRecord({ sourceIp: '198.2.128.5', count: 20, dkimResults: [{ domain: 'mcsv.net', result: pass }], envelopeFrom: 'mcdlv.net', spfResults: [{ domain: 'mcdlv.net', result: pass }] });
const spoof = () => makeRecord({ sourceIp: '198.51.100.66', count: 30, spfResults: [{ domain: 'spoof.example.net', result: 'fail' }] });

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
    const reports = dailyReports(31, { domain: 'example.com', p: 'none' }, () => [goodService(), spfOnlyServer(), spoof()]);
    const readiness = assessReadiness(reports, { domain: 'example.com' });
    expect(readiness).toMatchObject({ ready: true, current: { p: 'none', t: 'n' }, next: { p: 'quarantine', t: 'y' }, daysUnderCurrentPolicy: 31, blockers: [] });
    expect(readiness.suspiciousMessages).toBe(31 * 30);
    expect(readiness.summary).toBe('example.com is ready for p=quarantine t=y: every known source aligns at least 98% over 31 days.');
  });

  it('names the source that blocks, with its share and the fix', () => {
    const reports = dailyReports(31, { domain: 'example.com', p: 'none' }, () => [goodService(), unalignedMailchimp()]);
    const readiness = assessReadiness(reports, { domain: 'example.com' });
    expect(readiness.ready).toBe(false);
    expect(readiness.sources[0]).toMatchObject({ key: 'mailchimp', blocking: true, alignedShare: 0 });
    expect(readiness.blockers).toEqual([expect.stringMatching(/^Mailchimp: 0% of 620 messages aligned \(needs 98%\)\. Turn on DKIM signing with d=example\.com/)]);
  });

  it('asks for a month under the current policy', () => {
    const readiness = assessReadiness(dailyReports(10, { domain: 'example.com', p: 'none' }, () => [goodService()]), { domain: 'example.com' });
    expect(readiness.ready).toBe(false);
    expect(readiness.blockers[0]).toMatch(/^Only 10 days of reports under p=none; RFC 9989 suggests watching at least 30 days/);
  });

  it('before p=reject, a source passing on SPF alone blocks (RFC 9989: p=reject needs DKIM)', () => {
    const reports = dailyReports(31, { domain: 'example.com', p: 'quarantine' }, () => [goodService(), spfOnlyServer()]);
    const readiness = assessReadiness(reports, { domain: 'example.com' });
    expect(readiness.next).toEqual({ p: 'reject', t: 'y' });
    expect(readiness.blockers).toHaveLength(1);
    expect(readiness.blockers[0]).toMatch(/passes on SPF alone for 100% of its mail: p=reject needs DKIM/);
  });

  it('says when there is nothing left to do, and when there are no reports', () => {
    const atReject = assessReadiness(dailyReports(3, { domain: 'example.com', p: 'reject' }, () => [goodService()]), { domain: 'example.com' });
    expect(atReject).toMatchObject({ ready: false, summary: 'example.com is at p=reject: the last step. Keep watching for new sources.' });
    expect(atReject.next).toBeUndefined();
    expect(assessReadiness([], { domain: 'example.com' }).summary).toBe('No reports for example.com yet.');
  });
});
