import { describe, expect, it } from 'vitest';
import { buildRolloutPlan, findCurrentStep } from '../../../core/records/rolloutPlan';
import { assessNextStep } from '../../../core/records/assessNextStep';
import { parseDmarcRecord } from '../../../core/records/dmarcRecord';
import { aggregateRow } from './aggregateRow';

const base = { rua: [{ uri: 'mailto:dmarc@example.com' }], p: 'reject' as const, pct: 3, extensions: [] };
const start = new Date('2026-11-22T15:00:00Z');

describe('buildRolloutPlan', () => {
  it('RFC 7489: none → quarantine 1…100% → reject 1…100%, dated', () => {
    const plan = buildRolloutPlan({ flavour: 'rfc7489', start, base });
    expect(plan.map((s) => `${s.startsOn} ${s.policy} ${s.pct ?? 100}`)).toEqual([
      '2026-11-22 none 100',
      '2026-12-22 quarantine 1',
      '2026-12-29 quarantine 5',
      '2027-01-05 quarantine 10',
      '2027-01-12 quarantine 25',
      '2027-01-19 quarantine 50',
      '2027-01-26 quarantine 100',
      '2027-02-25 reject 1',
      '2027-03-04 reject 5',
      '2027-03-11 reject 10',
      '2027-03-18 reject 25',
      '2027-03-25 reject 50',
      '2027-04-01 reject 100',
    ]);
    expect(plan[0]?.record).toBe('v=DMARC1; p=none; rua=mailto:dmarc@example.com');
    expect(plan[7]?.record).toBe('v=DMARC1; p=reject; pct=1; rua=mailto:dmarc@example.com');
    expect(plan[7]?.effect).toBe('1% of failing mail is rejected; the rest is quarantined.');
    expect(plan.at(-1)?.minimumDays).toBeUndefined();
    expect(plan[6]?.dwellSource).toBe('rfc9989');
  });

  it('RFC 9989: the t=y path with a month at none and at quarantine', () => {
    const plan = buildRolloutPlan({ flavour: 'rfc9989', start, base, compatiblePct: true });
    expect(plan.map((s) => [s.startsOn, s.record])).toEqual([
      ['2026-11-22', 'v=DMARC1; p=none; rua=mailto:dmarc@example.com'],
      ['2026-12-22', 'v=DMARC1; p=quarantine; t=y; pct=0; rua=mailto:dmarc@example.com'],
      ['2027-01-05', 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com'],
      ['2027-02-04', 'v=DMARC1; p=reject; t=y; pct=0; rua=mailto:dmarc@example.com'],
      ['2027-02-18', 'v=DMARC1; p=reject; rua=mailto:dmarc@example.com'],
    ]);
    expect(plan.map((s) => s.minimumDays)).toEqual([30, 14, 30, 14, undefined]);
    // The advice about DKIM and mailing lists comes with the first reject step.
    expect(plan.map((s) => s.advice !== undefined)).toEqual([false, false, false, true, false]);
  });

  it('finds where a published record is in the plan', () => {
    const plan7489 = buildRolloutPlan({ flavour: 'rfc7489', start, base });
    const plan9989 = buildRolloutPlan({ flavour: 'rfc9989', start, base });
    const record = (text: string) => {
      const parsed = parseDmarcRecord(text);
      if (!parsed.ok) throw new Error(text);
      return parsed.record;
    };
    expect(findCurrentStep(plan7489, record('v=DMARC1; p=quarantine; pct=25'))).toBe(4);
    expect(findCurrentStep(plan7489, record('v=DMARC1; p=reject'))).toBe(12);
    expect(findCurrentStep(plan9989, record('v=DMARC1; p=reject; t=y; pct=0'))).toBe(3);
    expect(findCurrentStep(plan9989, record('v=DMARC1; p=quarantine; pct=25'))).toBe(-1);
  });
});

describe('assessNextStep', () => {
  const aligned = aggregateRow({
    sourceIp: '192.0.2.1',
    count: 1000,
    headerFrom: 'example.com',
    dkim: 'pass',
    spf: 'pass',
    dkimResults: [{ domain: 'example.com', selector: 'google', result: 'pass' }],
    spfResults: [{ domain: 'example.com', scope: 'mfrom', result: 'pass' }],
  });
  const spoof = aggregateRow({ sourceIp: '203.0.113.9', count: 40, headerFrom: 'example.com', spfResults: [{ domain: 'example.com', result: 'fail' }] });
  const unalignedService = aggregateRow({
    sourceIp: '198.51.100.7',
    count: 30,
    headerFrom: 'news.example.com',
    // The receiver said pass (e.g. a local override); recomputing says otherwise.
    dkim: 'pass',
    dkimResults: [{ domain: 'sendgrid.net', selector: 's1', result: 'pass' }],
    spfResults: [{ domain: 'bounces.sendgrid.net', result: 'pass' }],
  });
  const otherDomain = aggregateRow({ sourceIp: '192.0.2.99', count: 5000, headerFrom: 'example.org' });

  it('safe when only unauthenticated mail fails', () => {
    const result = assessNextStep([aligned, spoof, otherDomain], { domain: 'example.com', next: { policy: 'quarantine', pct: 25, testing: false } });
    expect(result).toMatchObject({ verdict: 'safe', totalMessages: 1040, failingMessages: 40, messagesHitByNextStep: 10, authenticatedFailingMessages: 0 });
    expect(result.failingSources).toEqual([
      expect.objectContaining({ identity: 'unauthenticated', messages: 40, authenticated: false, sourceIps: ['203.0.113.9'] }),
    ]);
  });

  it('not yet when a service authenticates but does not align; recomputes over the receiver verdict', () => {
    const result = assessNextStep([aligned, spoof, unalignedService], { domain: 'example.com', next: { policy: 'quarantine', testing: false } });
    expect(result.verdict).toBe('not-yet');
    expect(result.messagesHitByNextStep).toBe(70);
    expect(result.verdictDisagreements).toBe(30);
    expect(result.failingSources[0]).toMatchObject({
      identity: 'sendgrid.net',
      service: 'Twilio SendGrid',
      messages: 30,
      authenticated: true,
      headerFroms: ['news.example.com'],
      reason:
        'DKIM passes for sendgrid.net, which does not align with news.example.com; SPF passes for bounces.sendgrid.net, which does not align with news.example.com.',
    });
    expect(result.summary).toMatch(/^Not yet: 30 of 1070 messages/);
  });

  it('test mode steps hit nothing and strict alignment is applied', () => {
    const sub = aggregateRow({ ...aligned, headerFrom: 'mail.example.com' });
    expect(assessNextStep([aligned, sub], { domain: 'example.com', next: { policy: 'quarantine', testing: true } }).messagesHitByNextStep).toBe(0);
    const strict = assessNextStep([aligned, sub], { domain: 'example.com', adkim: 's', aspf: 's', next: { policy: 'reject', testing: false } });
    expect(strict).toMatchObject({ failingMessages: 1000, verdict: 'not-yet' });
  });

  it('no data below 100 messages', () => {
    expect(assessNextStep([], { domain: 'example.com', next: { policy: 'reject', testing: false } }).verdict).toBe('no-data');
  });
});

it('assessNextStep weighs the risk by the share the next step enforces', () => {
  const good = aggregateRow({
    sourceIp: '192.0.2.1',
    count: 1000,
    headerFrom: 'example.com',
    dkimResults: [{ domain: 'example.com', result: 'pass' }],
  });
  const service = aggregateRow({ sourceIp: '198.51.100.7', count: 100, headerFrom: 'example.com', dkimResults: [{ domain: 'mcsv.net', result: 'pass' }] });
  const verdict = (pct: number) => assessNextStep([good, service], { domain: 'example.com', next: { policy: 'quarantine', pct, testing: false } });
  expect(verdict(1)).toMatchObject({ verdict: 'safe', authenticatedMessagesHit: 1 });
  expect(verdict(10)).toMatchObject({ verdict: 'caution', authenticatedMessagesHit: 10 });
  expect(verdict(100)).toMatchObject({ verdict: 'not-yet', authenticatedMessagesHit: 100 });
  expect(verdict(100).summary).toBe(
    'Not yet: 100 of 1100 messages come from sources that authenticate but do not align (Mailchimp, mcsv.net). Fix them before the next step, which would have hit 100 messages, 100 of them from those sources.',
  );
});
