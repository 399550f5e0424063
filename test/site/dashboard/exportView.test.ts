// The dashboard's exports: the CSV has one row per source address under a fixed header, quoted by RFC 4180 and
// with report text kept from starting a spreadsheet formula; the JSON holds the view, totals, days and sources
// without the records behind them; the file name says which domain and day.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SourceRecords } from '../../../core/analysis/summarizeRecords';
import { csvField, exportFileName, sourcesCsv, viewJson } from '../../../site/src/dashboard/exportView';

type Groups = Parameters<typeof sourcesCsv>[0];
type Summary = Parameters<typeof viewJson>[2];

const HEADER =
  'service,class,source_ip,messages,dmarc_pass,dkim_aligned,spf_aligned,reporters,spf_domains,dkim_domains';

/** Google Workspace sending for example.com from two addresses, and one unknown source that fails. */
const GROUPS: Groups = [
  {
    name: 'Google Workspace',
    sourceClass: 'compliant',
    messages: 12,
    dmarcPass: 12,
    dkimAligned: 12,
    spfAligned: 9,
    ipCount: 2,
    spfDomains: ['example.com'],
    dkimDomains: ['example.com', 'example-com.20230601.gappssmtp.com'],
    reporters: ['google.com', 'Yahoo'],
    overrideReasons: [],
    ips: [
      {
        ip: '209.85.220.41',
        messages: 9,
        dmarcPass: 9,
        dkimAligned: 9,
        spfAligned: 9,
        reporters: ['google.com', 'Yahoo'],
        records: new SourceRecords(),
      },
      {
        ip: '2a00:1450:4864:20::336',
        messages: 3,
        dmarcPass: 3,
        dkimAligned: 3,
        spfAligned: 0,
        reporters: ['google.com'],
        records: new SourceRecords(),
      },
    ],
  },
  {
    name: 'Evil, Inc',
    sourceClass: 'suspicious',
    messages: 3,
    dmarcPass: 0,
    dkimAligned: 0,
    spfAligned: 0,
    ipCount: 1,
    spfDomains: ['=cmd|/c calc'],
    dkimDomains: [],
    reporters: ['r'],
    overrideReasons: [],
    ips: [
      {
        ip: '192.0.2.1',
        messages: 3,
        dmarcPass: 0,
        dkimAligned: 0,
        spfAligned: 0,
        reporters: ['r'],
        records: new SourceRecords(),
      },
    ],
  },
];

afterEach(() => vi.useRealTimers());

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ["'quoted", "''quoted"],
  ])('writes the text %j as %j', (text, field) => expect(csvField(text)).toBe(field));

  it('writes numbers as numbers, negative ones included', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField(1234)).toBe('1234');
  });
});

describe('sourcesCsv', () => {
  it('one row per address, in the groups’ order, CRLF line ends', () => {
    expect(sourcesCsv(GROUPS)).toBe(
      [
        HEADER,
        'Google Workspace,compliant,209.85.220.41,9,9,9,9,google.com Yahoo,example.com,example.com example-com.20230601.gappssmtp.com',
        'Google Workspace,compliant,2a00:1450:4864:20::336,3,3,3,0,google.com,example.com,example.com example-com.20230601.gappssmtp.com',
        `"Evil, Inc",suspicious,192.0.2.1,3,0,0,0,r,'=cmd|/c calc,`,
        '',
      ].join('\r\n'),
    );
  });

  it('is the header alone when nothing is shown', () => {
    expect(sourcesCsv([])).toBe(`${HEADER}\r\n`);
  });
});

describe('viewJson', () => {
  const summary: Summary = {
    totals: {
      messages: 15,
      dmarcPass: 12,
      dkimAligned: 12,
      spfAligned: 9,
      dispositions: { none: 13, quarantine: 2, reject: 0, pass: 0 },
      sources: 3,
      reports: 4,
    },
    daily: [
      { day: '2024-03-01', pass: 7, fail: 1, quarantined: 1, rejected: 0 },
      { day: '2024-03-02', pass: 5, fail: 0, quarantined: 1, rejected: 0 },
    ],
    sources: [],
    overridesByReporter: new Map(),
  };

  it('holds the view, the totals, the days and the sources without their records', () => {
    const period = { from: Date.UTC(2024, 2, 1) / 1000, to: Date.UTC(2024, 2, 3) / 1000 };
    const json: unknown = JSON.parse(viewJson('example.com', period, summary, GROUPS));
    const withoutRecords = GROUPS.map(({ ips, ...group }) => ({
      ...group,
      ips: ips.map(({ ip, messages, dmarcPass, dkimAligned, spfAligned, reporters }) => ({
        ip,
        messages,
        dmarcPass,
        dkimAligned,
        spfAligned,
        reporters,
      })),
    }));
    expect(json).toEqual({
      domain: 'example.com',
      period: { from: '2024-03-01T00:00:00.000Z', to: '2024-03-03T00:00:00.000Z' },
      totals: summary.totals,
      daily: summary.daily,
      sources: withoutRecords,
    });
  });

  it('all domains are null; all time ends at year 10000; a time no Date holds is null', () => {
    const json = JSON.parse(viewJson(null, { from: 0, to: 253_402_300_800 }, summary, [])) as Record<string, unknown>;
    expect([json.domain, json.period, json.sources]).toEqual([
      null,
      { from: '1970-01-01T00:00:00.000Z', to: '+010000-01-01T00:00:00.000Z' },
      [],
    ]);
    const beyond = JSON.parse(viewJson(null, { from: -1e20, to: 1e20 }, summary, [])) as Record<string, unknown>;
    expect(beyond.period).toEqual({ from: null, to: null });
  });

  it('is indented by two spaces', () => {
    expect(viewJson(null, { from: 0, to: 86_400 }, summary, []).split('\n').slice(0, 3)).toEqual([
      '{',
      '  "domain": null,',
      '  "period": {',
    ]);
  });
});

describe('exportFileName', () => {
  it('names the domain (or all domains) and today, UTC, with anything unsafe in a file name replaced', () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-15T23:30:00Z') });
    expect(exportFileName('example.com', 'csv')).toBe('dmarc-lens-example.com-2026-03-15.csv');
    expect(exportFileName(null, 'json')).toBe('dmarc-lens-all-domains-2026-03-15.json');
    expect(exportFileName('../a b/ü.example', 'csv')).toBe('dmarc-lens-.._a_b__.example-2026-03-15.csv');
    vi.setSystemTime(Date.parse('2026-03-16T00:00:00Z'));
    expect(exportFileName('Example.COM', 'csv')).toBe('dmarc-lens-Example.COM-2026-03-16.csv');
  });
});
