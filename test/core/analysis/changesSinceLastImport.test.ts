import { describe, expect, it } from 'vitest';
import { changesSinceLastImport, policyText, splitByImport } from '../../../core/analysis/changesSinceLastImport';
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
      'Twilio SendGrid passed DMARC for 100% of its mail in the reports dated before this import and for 10% in this import. Turn on DKIM signing with d=example.com at SendGrid (Settings › Sender Authentication › Domain Authentication) (it signs as sendgrid.net today, which does not align).',
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
      'Reporters saw p=quarantine for example.com in reports up to 2026-01-02, and p=reject pct=50 from 2026-01-03 on.',
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

describe('changes are judged by the dates the reports cover, not the order they were imported in', () => {
  const report = (
    n: number,
    p: 'none' | 'quarantine' | 'reject',
    records = [sendgridAligned()],
    orgName = 'google.com',
  ) => makeReport(records, { begin: day(n), policy: { domain: 'example.com', p }, orgName });

  it('an import of an older report does not read backwards: the policy changed from what the older report saw', () => {
    const changes = changesSinceLastImport([report(10, 'quarantine')], [report(1, 'none')]);
    expect(changes.policyChanges.map((c) => [c.kind, c.change])).toEqual([
      ['changed-since-last-import', { before: 'p=none', now: 'p=quarantine', until: day(1) + 86_399, since: day(10) }],
    ]);
    expect(changes.policyChanges[0]!.sentence).toBe(
      'Reporters saw p=none for example.com in reports up to 2026-01-01, and p=quarantine from 2026-01-10 on.',
    );
  });

  it('a change already known before the import is not listed again; a change back is', () => {
    const stored = [report(1, 'none'), report(2, 'quarantine')];
    expect(changesSinceLastImport(stored, [report(3, 'quarantine')]).policyChanges).toEqual([]);
    expect(changesSinceLastImport(stored, [report(3, 'none')]).policyChanges.map((c) => c.change)).toEqual([
      { before: 'p=quarantine', now: 'p=none', until: day(2) + 86_399, since: day(3) },
    ]);
  });

  it('a change inside one import is a change, between its own dates', () => {
    const changes = changesSinceLastImport([report(1, 'none')], [report(3, 'reject'), report(2, 'none')]);
    expect(changes.policyChanges.map((c) => c.kind)).toEqual(['reporters-disagree', 'changed-since-last-import']);
    expect(changes.policyChanges[1]!.change).toEqual({
      before: 'p=none',
      now: 'p=reject',
      until: day(2) + 86_399,
      since: day(3),
    });
  });

  it('the DNS record is compared with the newest report by date, not the newest imported', () => {
    const changes = changesSinceLastImport([report(10, 'reject')], [report(1, 'none')], {
      publishedPolicies: new Map([['example.com', { p: 'reject' as const }]]),
    });
    expect(changes.policyChanges.map((c) => c.kind)).toEqual(['changed-since-last-import']);
  });

  it('a source in an older import is not new: it was there before the stored reports began', () => {
    const changes = changesSinceLastImport([report(10, 'none')], [report(1, 'none', [sendgridAligned(), mailchimp()])]);
    expect(changes.newSources).toEqual([]);
    // The same source first seen after the stored reports began is new.
    const later = changesSinceLastImport([report(10, 'none')], [report(11, 'none', [sendgridAligned(), mailchimp()])]);
    expect(later.newSources.map((c) => c.key)).toEqual(['mailchimp']);
  });

  it('a source has started failing only against reports dated before the import', () => {
    const passing = report(10, 'none', [sendgridAligned(100)]);
    const failing = (n: number) => report(n, 'none', [sendgridAligned(10), sendgridUnaligned(90)]);
    expect(changesSinceLastImport([passing], [failing(1)]).startedFailing).toEqual([]);
    expect(changesSinceLastImport([passing], [failing(11)]).startedFailing.map((c) => c.key)).toEqual(['sendgrid']);
  });
});

describe('splitByImport', () => {
  const report = (n: number) => makeReport([sendgridAligned()], { begin: day(n) });
  const minute = 60_000;
  const start = Date.UTC(2026, 1, 1, 9, 0, 0);

  it('the newest import is the reports stored with the newest importedAt, however close the one before it', () => {
    const [a, b, c, d] = [report(1), report(2), report(3), report(4)];
    const { previous, imported } = splitByImport([
      { importedAt: start, report: a },
      { importedAt: start + minute, report: b },
      { importedAt: start + minute, report: c },
      { importedAt: start - 30 * minute, report: d },
    ]);
    expect(imported).toEqual([b, c]);
    expect(previous).toEqual([a, d]);
  });

  it('nothing stored is nothing imported', () => {
    expect(splitByImport([])).toEqual({ previous: [], imported: [] });
  });
});

describe('changesSinceLastImport at scale', () => {
  it('compares 200,000 stored reports with an import without running out of stack', () => {
    const stored = Array.from({ length: 200_000 }, (_, i) =>
      makeReport([], { begin: day(1) + i * 60, policy: { domain: 'example.com', p: 'none' } }),
    );
    const imported = [makeReport([mailchimp()], { begin: day(200), policy: { domain: 'example.com', p: 'none' } })];
    expect(changesSinceLastImport(stored, imported).newSources.map((c) => c.key)).toEqual(['mailchimp']);
    // Grouping 200,000 reports takes seconds on a busy machine; the point is that it finishes.
  }, 60_000);
});
