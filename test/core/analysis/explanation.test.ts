// Explanations: the English text every result carries is its explanation formatted in English, another language
// gets every piece (template, number, percentage, counted noun, list, clause) through its own format, and the site's
// Dutch templates name exactly the parameters the English ones do.
import { describe, expect, it } from 'vitest';
import {
  ENGLISH,
  EXPLANATION_TEMPLATES,
  country,
  countryName,
  explain,
  formatExplanation,
  percentage,
  quantity,
  type ExplanationFormat,
} from '../../../core/analysis/explanation';
import { assessReadiness } from '../../../core/analysis/assessReadiness';
import { changesSinceLastImport } from '../../../core/analysis/changesSinceLastImport';
import { groupSources, labelExplanation } from '../../../core/analysis/groupSources';
import { sendersEn, sendersNl } from '../../../core/i18n';
import { loadAsnTableForTest } from './asnTableFile';
import { makeRecord, makeReport } from './makeRecord';

const pass = 'pass' as const;
const fail = 'fail' as const;

/** A format that marks every piece, so a test sees which hook wrote what. */
const marked: ExplanationFormat = {
  template: (code) => `<${code}:${EXPLANATION_TEMPLATES[code]}>`,
  number: (n) => `#${n}`,
  percentage: ({ percent, decimals }) => `%${percent}/${decimals}`,
  quantity: ({ count, unit }) => `${count}×${unit}`,
  country: ({ country }) => `@${country}`,
  list: (items) => items.join(' | '),
};

describe('formatExplanation', () => {
  it('fills a template in English: numbers grouped, nouns counted, percentages with their decimals, clauses nested', () => {
    const besides = explain('source.alsoCarried', {
      others: [explain('class.forwarded', { count: 1 }), explain('class.suspicious', { count: 8000 })],
    });
    const reason = explain('source.compliant', {
      passShare: percentage(0.994),
      messages: quantity(1503, 'message'),
      label: 'Twilio SendGrid',
      besides,
    });
    expect(formatExplanation(reason)).toBe(
      '99.4% of 1,503 messages from Twilio SendGrid pass DMARC with aligned DKIM; besides, 1 forwarded, 8,000 suspicious.',
    );
    expect(formatExplanation(explain('suspicious.blocked', { blocked: 12345 }))).toBe(
      ' Receivers rejected or quarantined 12,345.',
    );
  });

  it('writes whole percentages without a decimal and keeps a rounded .0 away', () => {
    expect(percentage(0.98)).toEqual({ percent: 98, decimals: 0 });
    expect(percentage(0.99996)).toEqual({ percent: 100, decimals: 0 });
    expect(percentage(0.1234)).toEqual({ percent: 12.3, decimals: 1 });
    expect(ENGLISH.percentage({ percent: 50, decimals: 1 })).toBe('50.0%');
  });

  it('hands every piece to the format of another language', () => {
    const countries = [
      explain('suspicious.country', { country: country('NL'), messages: 3 }),
      explain('suspicious.country', { country: country('US'), messages: 40 }),
    ];
    const text = formatExplanation(
      explain('source.suspicious', {
        failing: 43,
        messages: quantity(43, 'message'),
        what: explain('suspicious.unknown', { domain: 'example.com' }),
        countries: explain('suspicious.countries', { countries }),
        blocked: '',
      }),
      marked,
    );
    expect(text).toBe(
      '<source.suspicious:#43 of 43×message failed both DKIM and SPF: <suspicious.unknown:an unrecognised sender used example.com in From>' +
        '<suspicious.countries: from networks registered in <suspicious.country:@NL (#3)> | <suspicious.country:@US (#40)>>.' +
        ' Unless this is a sender you use, it is spoofing; p=quarantine or p=reject stops it from reaching inboxes.>',
    );
  });

  it('names a country in the reader’s language, and keeps a code it has no name for', () => {
    expect(countryName('NL', 'en')).toBe('Netherlands');
    expect(countryName('DE', 'nl')).toBe('Duitsland');
    expect(countryName('nl', 'nl')).toBe('Nederland');
    // Not assigned, and not a region code at all: the code as the table gave it.
    expect(countryName('XX', 'en')).toBe('XX');
    expect(countryName('A1', 'en')).toBe('A1');
    expect(formatExplanation(explain('suspicious.country', { country: country('KR'), messages: 1234 }))).toBe(
      'South Korea (1,234)',
    );
  });

  it('leaves a parameter the explanation does not give as it is', () => {
    expect(formatExplanation(explain('label.rdns'))).toBe('Servers under {org}');
  });

  it('names generated labels with explanations and keeps every other label', () => {
    expect(labelExplanation('rdns:example.net', 'Servers under example.net')).toEqual(
      explain('label.rdns', { org: 'example.net' }),
    );
    expect(labelExplanation('list:lists.example.org', 'Mailing list at lists.example.org')).toEqual(
      explain('label.mailingList', { host: 'lists.example.org' }),
    );
    expect(labelExplanation('ip:', 'unknown address')).toEqual(explain('label.unknownAddress'));
    expect(labelExplanation('asn:15169', 'AS15169 GOOGLE')).toBe('AS15169 GOOGLE');
    expect(labelExplanation('sendgrid', 'Twilio SendGrid')).toBe('Twilio SendGrid');
  });
});

describe('results carry their explanation next to the English text', () => {
  const table = loadAsnTableForTest();
  const begin = Date.UTC(2026, 0, 1) / 1000;
  const day = (n: number, records: Parameters<typeof makeReport>[0], orgName = 'receiver.example') =>
    makeReport(records, { begin: begin + n * 86_400, orgName, reportId: `${orgName}-${n}` });
  const sendgrid = (count: number) =>
    makeRecord({ sourceIp: '167.89.1.1', count, dkimResults: [{ domain: 'example.com', result: pass }] });
  const mailchimp = makeRecord({
    sourceIp: '198.2.128.5',
    count: 20,
    envelopeFrom: 'example.com',
    dkimResults: [{ domain: 'mcsv.net', result: pass }],
    spfResults: [{ domain: 'example.com', result: 'softfail' }],
  });
  const list = makeRecord({
    sourceIp: '192.0.2.44',
    count: 4,
    envelopeFrom: 'lists.example.org',
    dkimResults: [{ domain: 'example.com', result: fail }],
  });
  const spoof = makeRecord({
    sourceIp: '77.88.8.8',
    count: 9,
    disposition: 'reject',
    spfResults: [{ domain: 'spoof.example.net', result: fail }],
  });
  const reports = [day(0, [sendgrid(100), spoof]), day(1, [sendgrid(100), mailchimp, list])];

  it('for every source group: reason and fix', () => {
    for (const group of groupSources(reports, { asnTable: table })) {
      const { reason, fix, reasonExplanation, fixExplanation } = group.classification;
      expect(formatExplanation(reasonExplanation)).toBe(reason);
      expect(fixExplanation && formatExplanation(fixExplanation)).toBe(fix);
    }
  });

  it('for readiness: the summary and every blocker', () => {
    const readiness = assessReadiness(reports, { domain: 'example.com', asnTable: table });
    expect(formatExplanation(readiness.summaryExplanation)).toBe(readiness.summary);
    expect(readiness.summary).toBe('example.com is not ready for p=quarantine t=y: 2 things to fix first.');
    expect(readiness.blockerExplanations.map((b) => formatExplanation(b))).toEqual(readiness.blockers);
    // Two days of reports, and Mailchimp's 20 messages signed d=mcsv.net only; the list copies and the spoofing
    // do not block.
    expect(readiness.blockerExplanations.map((b) => b.code)).toEqual([
      'readiness.fewDays',
      'readiness.belowThresholdFix',
    ]);
    expect(readiness.blockers[0]).toBe(
      'Only 2 days of reports under p=none; RFC 9989 suggests watching at least 30 days before the next step.',
    );
    // Its envelope is the domain's own, SPF softfails: the fix adds the catalogue's Mailchimp include as well.
    expect(readiness.blockers[1]).toBe(
      'Mailchimp: 0% of 20 messages aligned (needs 98%). Turn on DKIM signing with d=example.com at Mailchimp (Website › Domains › Authenticate) (it signs as mcsv.net today, which does not align); add include:servers.mcsv.net to the SPF record of example.com.',
    );
  });

  it('for changes since the last import: new sources, sources that started failing, policies', () => {
    const later = [
      makeReport(
        [
          sendgrid(10),
          makeRecord({ sourceIp: '167.89.1.1', count: 90, dkimResults: [{ domain: 'sendgrid.net', result: pass }] }),
          spoof,
        ],
        {
          begin: begin + 5 * 86_400,
          policy: { p: 'quarantine' },
        },
      ),
    ];
    const changes = changesSinceLastImport(reports, later, { asnTable: table });
    const all = [
      ...changes.newSources.map((c) => [c.reasonExplanation, c.reason] as const),
      ...changes.startedFailing.map((c) => [c.reasonExplanation, c.reason] as const),
      ...changes.policyChanges.map((c) => [c.explanation, c.sentence] as const),
    ];
    expect(changes.startedFailing).toHaveLength(1);
    expect(changes.policyChanges).toHaveLength(1);
    for (const [explanation, text] of all) expect(formatExplanation(explanation)).toBe(text);
  });
});

describe("the site's Senders catalogue", () => {
  const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
  /** Texts a Dutch reader reads as they are: a product category, punctuation around clauses, `d=` selectors. */
  const sameInDutch = new Set([
    'senders.type.crm',
    'senders.type.cloud',
    'senders.explain.fix.dkim',
    'senders.explain.fix.dkimAndSpf',
    'senders.explain.fix.selector',
    'senders.explain.suspicious.country',
  ]);

  it('takes the English explanation templates from core', () => {
    for (const [code, template] of Object.entries(EXPLANATION_TEMPLATES)) {
      expect(sendersEn[`senders.explain.${code}` as keyof typeof sendersEn]).toBe(template);
    }
  });

  it('has a Dutch text for every key, with the same parameters and the same leading space of a clause', () => {
    for (const [key, english] of Object.entries(sendersEn)) {
      const dutch = sendersNl[key as keyof typeof sendersNl];
      expect(dutch, key).toBeTruthy();
      expect(placeholders(dutch), key).toEqual(placeholders(english));
      expect(dutch.startsWith(' '), key).toBe(english.startsWith(' '));
      if (!sameInDutch.has(key)) expect(dutch, `${key} is not translated`).not.toBe(english);
    }
  });
});
