// The rollout plan's safety check (core/dns/assessNextStep.ts): the readiness judgement of
// core/analysis/assessReadiness.ts applied to a plan step, in the records pages' sentences.
import { describe, expect, it } from 'vitest';
import { assessNextStep } from '../../../core/dns/assessNextStep';
import { aggregateRow } from './aggregateRow';

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
  const spoof = aggregateRow({
    sourceIp: '203.0.113.9',
    count: 40,
    headerFrom: 'example.com',
    spfResults: [{ domain: 'example.com', result: 'fail' }],
  });
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
    const result = assessNextStep([aligned, spoof, otherDomain], {
      domain: 'example.com',
      next: { policy: 'quarantine', pct: 25, testing: false },
    });
    expect(result).toMatchObject({
      verdict: 'safe',
      totalMessages: 1040,
      failingMessages: 40,
      messagesHitByNextStep: 10,
      authenticatedFailingMessages: 0,
      authenticatedMessagesHit: 0,
      verdictDisagreements: 0,
    });
    expect(result.failingSources).toEqual([
      {
        identity: 'unauthenticated',
        messages: 40,
        sourceIps: ['203.0.113.9'],
        headerFroms: ['example.com'],
        cause: { from: 'example.com', dkim: { result: 'unsigned' }, spf: { result: 'fails' } },
        reason: 'The mail is not DKIM-signed; SPF does not pass.',
        reasonText: expect.objectContaining({ id: 'assess.reason' }) as unknown,
        authenticated: false,
        overrides: [],
      },
    ]);
    expect(result.summary).toBe(
      'Safe: 40 of 1040 messages fail DMARC, 0 of them from authenticated sources; the next step would have hit 10.',
    );
  });

  it('not yet when a service authenticates but does not align; recomputes over the receiver verdict', () => {
    const result = assessNextStep([aligned, spoof, unalignedService], {
      domain: 'example.com',
      next: { policy: 'quarantine', testing: false },
    });
    expect(result.verdict).toBe('not-yet');
    expect(result.messagesHitByNextStep).toBe(70);
    expect(result.verdictDisagreements).toBe(30);
    expect(result.failingSources.map((s) => s.identity)).toEqual(['sendgrid.net', 'unauthenticated']);
    expect(result.failingSources[0]).toMatchObject({
      identity: 'sendgrid.net',
      service: 'Twilio SendGrid',
      messages: 30,
      sourceIps: ['198.51.100.7'],
      authenticated: true,
      headerFroms: ['news.example.com'],
      reason:
        'DKIM passes for sendgrid.net, which does not align with news.example.com; SPF passes for bounces.sendgrid.net, which does not align with news.example.com.',
    });
    expect(result.summary).toBe(
      'Not yet: 30 of 1070 messages come from sources that authenticate but do not align (Twilio SendGrid, sendgrid.net). Fix them before the next step, which would have hit 70 messages, 30 of them from those sources.',
    );
  });

  it('test mode steps hit nothing and strict alignment is applied', () => {
    const sub = aggregateRow({ ...aligned, headerFrom: 'mail.example.com' });
    expect(
      assessNextStep([aligned, sub], { domain: 'example.com', next: { policy: 'quarantine', testing: true } })
        .messagesHitByNextStep,
    ).toBe(0);
    const strict = assessNextStep([aligned, sub], {
      domain: 'example.com',
      adkim: 's',
      aspf: 's',
      next: { policy: 'reject', testing: false },
    });
    expect(strict).toMatchObject({ failingMessages: 1000, verdict: 'not-yet' });
    expect(strict.failingSources[0]?.reason).toBe(
      'DKIM passes for example.com, which does not align with mail.example.com (strict); SPF passes for example.com, which does not align with mail.example.com (strict).',
    );
  });

  it('no data below 100 messages', () => {
    const none = assessNextStep([], { domain: 'example.com', next: { policy: 'reject', testing: false } });
    expect(none).toMatchObject({
      verdict: 'no-data',
      summary: 'No stored reports for this domain in the period: import aggregate reports first.',
    });
    const few = assessNextStep([{ ...aligned, count: 99 }], {
      domain: 'example.com',
      next: { policy: 'reject', testing: false },
    });
    expect(few).toMatchObject({
      verdict: 'no-data',
      summary: 'Only 99 messages in the period: too few to judge the next step.',
    });
  });
});

it('assessNextStep weighs the risk by the share the next step enforces', () => {
  const good = aggregateRow({
    sourceIp: '192.0.2.1',
    count: 1000,
    headerFrom: 'example.com',
    dkimResults: [{ domain: 'example.com', result: 'pass' }],
  });
  const service = aggregateRow({
    sourceIp: '198.51.100.7',
    count: 100,
    headerFrom: 'example.com',
    dkimResults: [{ domain: 'mcsv.net', result: 'pass' }],
  });
  const verdict = (pct: number) =>
    assessNextStep([good, service], { domain: 'example.com', next: { policy: 'quarantine', pct, testing: false } });
  expect(verdict(1)).toMatchObject({ verdict: 'safe', authenticatedMessagesHit: 1 });
  expect(verdict(10)).toMatchObject({ verdict: 'caution', authenticatedMessagesHit: 10 });
  expect(verdict(10).summary).toBe(
    'Caution: 100 of 1100 messages from authenticated sources (Mailchimp, mcsv.net) still fail alignment; the next step would have hit 10 failing messages, 10 of them from those sources.',
  );
  expect(verdict(100)).toMatchObject({ verdict: 'not-yet', authenticatedMessagesHit: 100 });
  expect(verdict(100).summary).toBe(
    'Not yet: 100 of 1100 messages come from sources that authenticate but do not align (Mailchimp, mcsv.net). Fix them before the next step, which would have hit 100 messages, 100 of them from those sources.',
  );
});
