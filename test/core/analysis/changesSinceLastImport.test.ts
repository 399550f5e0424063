import { describe, expect, it } from 'vitest';
import { changesSinceLastImport, policyText } from '../../../core/analysis/changesSinceLastImport';
import { makeRecord, makeReport } from './makeRecord';

const pass = 'pass' as const;
const day = (n: number) => Date.UTC(2026, 0, n) / 1000;
const sendgridAligned = (count = 100) =>
  makeRecord({
    sourceIp: '167.89.1.1',
    count,
    dkimResults: [
      { domain: 'example.com', result: pass },
      { domain: 'sendgrid.net', result: pass },
    ],
  });
const sendgridUnaligned = (count: number) =>
  makeRecord({ sourceIp: '167.89.1.1', count, dkimResults: [{ domain: 'sendgrid.net', result: pass }] });
const mailchimp = () =>
  makeRecord({ sourceIp: '198.2.128.5', count: 12, dkimResults: [{ domain: 'mcsv.net', result: pass }] });

describe('changesSinceLastImport', () => {
  const before = [
    makeReport([sendgridAligned()], {
      begin: day(1),
      policy: { domain: 'example.com', p: 'none' },
      orgName: 'google.com',
    }),
  ];

  it('finds new sources and sources that started failing', () => {
    const imported = [
      makeReport([sendgridAligned(10), sendgridUnaligned(90), mailchimp()], {
        begin: day(2),
        policy: { domain: 'example.com', p: 'none' },
        orgName: 'google.com',
      }),
    ];
    const changes = changesSinceLastImport(before, imported);
    expect(changes.newSources).toMatchObject([
      { domain: 'example.com', key: 'mailchimp', messages: 12, class: 'misconfigured' },
    ]);
    expect(changes.startedFailing).toMatchObject([
      { key: 'sendgrid', passShareBefore: 1, passShareNow: 0.1, failingMessages: 90 },
    ]);
    expect(changes.startedFailing[0]!.reason).toBe(
      'Twilio SendGrid passed DMARC for 100% of its mail before this import and 10% now. Turn on DKIM signing with d=example.com at SendGrid (Settings › Sender Authentication › Domain Authentication) (it signs as sendgrid.net today, which does not align).',
    );
    expect(changes.policyChanges).toEqual([]);
  });

  it('lists nothing as new for a domain seen for the first time', () => {
    expect(changesSinceLastImport([], before).newSources).toEqual([]);
  });

  it('notices a policy change, reporters that disagree, and a DNS record that differs from the reports', () => {
    const imported = [
      makeReport([sendgridAligned()], {
        begin: day(2),
        policy: { domain: 'example.com', p: 'quarantine' },
        orgName: 'google.com',
      }),
      makeReport([sendgridAligned()], {
        begin: day(3),
        policy: { domain: 'example.com', p: 'reject', pct: 50 },
        orgName: 'Yahoo',
      }),
    ];
    const changes = changesSinceLastImport(before, imported, {
      publishedPolicies: new Map([['example.com', { p: 'reject' as const }]]),
    });
    expect(changes.policyChanges.map((c) => c.kind)).toEqual([
      'reporters-disagree',
      'changed-since-last-import',
      'differs-from-published',
    ]);
    expect(changes.policyChanges[0]!.sentence).toBe(
      'Reporters saw different policies for example.com: p=quarantine (google.com); p=reject pct=50 (Yahoo). A recent change still propagating, or more than one DMARC record (RFC 7489 §6.6.3: then none applies).',
    );
    expect(changes.policyChanges[1]!.sentence).toBe(
      'Reporters now see p=reject pct=50 for example.com; before this import they saw p=none.',
    );
    expect(changes.policyChanges[2]!.sentence).toBe(
      'example.com publishes p=reject, but the newest report (Yahoo) saw p=reject pct=50: reports lag a day or two behind a change; otherwise check for a second record or a typo.',
    );
  });

  it('writes policies with RFC defaults left out', () => {
    expect(policyText({ p: 'reject', sp: 'reject', adkim: 'r', aspf: 's', pct: 100, testing: 'n' })).toBe(
      'p=reject aspf=s',
    );
  });
});
