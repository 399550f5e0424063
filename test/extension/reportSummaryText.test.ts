// The extension's summary line and recent-reports list never throw, and never show "NaN" or "Invalid Date", whatever
// numbers a report carries: the parser keeps what reporters wrote, runtime messaging turns NaN and Infinity into null,
// and a store written by an earlier version holds what that version accepted.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { VNode } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseReport } from '../../core/report/parseReport';
import type { ParsedReport } from '../../core/report/types';
import { toReportRows } from '../../core/store/toStoredReport';
import type { StoredReport } from '../../core/store/schema';
import type { CardReportSummary } from '../../extension/messaging/messages';
import { toCardReportSummary } from '../../extension/reports/toCardReportSummary';
import { RecentReport } from '../../extension/ui/RecentReports';
import { ReportSummaryLine } from '../../extension/ui/ReportSummaryLine';
import { extensionTranslator } from '../../extension/ui/extensionText';
import {
  formatCount,
  formatCounted,
  formatPassRate,
  formatReportDay,
  formatReportDays,
  reportSecondsToDate,
} from '../../extension/ui/reportSummaryText';
import { recordXml, reportXml, utf8 } from '../helpers/reportXml';

// RecentReport links to the dashboard through browser.runtime.getURL.
(globalThis as { browser?: unknown }).browser = fakeBrowser;

/** The text a Preact element renders, got by calling its function components (no DOM needed). */
function textOf(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  const vnode = node as VNode<{ children?: unknown }>;
  if (typeof vnode.type === 'function') return textOf((vnode.type as (props: unknown) => unknown)(vnode.props));
  return textOf(vnode.props.children);
}

const lineText = (summary: CardReportSummary) => textOf(ReportSummaryLine({ summary }));
const recentText = (report: StoredReport) => textOf(RecentReport({ report }));
/** What the card and the drop page receive from the background: runtime messaging serializes like JSON. */
const overMessaging = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const ZOHO = 'test/fixtures/reports/domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml';

async function parseOne(bytes: Uint8Array, fileName: string): Promise<ParsedReport> {
  const result = await parseReport(bytes, { fileName });
  if (!result.ok) throw new Error(result.error.message);
  return result.reports[0]!;
}

describe('formatReportDay', () => {
  it('writes real days as YYYY-MM-DD in UTC', () => {
    expect(formatReportDay(0)).toBe('1970-01-01');
    expect(formatReportDay(18307 * 86400)).toBe('2020-02-15');
    expect(formatReportDay(18308 * 86400 - 1)).toBe('2020-02-15');
    expect(formatReportDay(1581753600)).toBe('2020-02-15');
    expect(formatReportDay(-1)).toBe('1969-12-31');
  });

  it('writes the first and last days a Date holds with their full years', () => {
    expect(formatReportDay(8.64e12)).toBe('275760-09-13');
    expect(formatReportDay(-8.64e12)).toBe('-271821-04-20');
  });

  it('says "unknown date" for values no Date holds, and for what messaging makes of NaN', () => {
    for (const value of [
      1e20,
      -99999999999999,
      8.64e12 + 1,
      -8.64e12 - 1,
      1e308,
      -1e308,
      Number.MAX_VALUE,
      NaN,
      Infinity,
      -Infinity,
      null,
      undefined,
      '1581753600',
    ]) {
      expect(formatReportDay(value), String(value)).toBe('unknown date');
    }
  });

  it('has a Date only for times a Date can hold', () => {
    expect(reportSecondsToDate(1581753600)?.toISOString()).toBe('2020-02-15T08:00:00.000Z');
    for (const value of [1e20, -99999999999999, NaN, Infinity, null, undefined]) {
      expect(reportSecondsToDate(value), String(value)).toBeUndefined();
    }
  });

  it('gives a range, or "unknown dates" when neither end is known', () => {
    expect(formatReportDays(1581753600, 1581840000)).toBe('2020-02-15 – 2020-02-16');
    expect(formatReportDays(1581753600, 1e20)).toBe('2020-02-15 – unknown date');
    expect(formatReportDays(-99999999999999, 1e20)).toBe('unknown dates');
  });
});

describe('counts and pass rates', () => {
  const english = extensionTranslator('en');
  const dutch = extensionTranslator('nl');

  it('leaves out what is not a finite number', () => {
    expect(formatCount(1234, english)).toBe('1,234');
    expect(formatCount(Infinity, english)).toBeUndefined();
    expect(formatCount(null, english)).toBeUndefined();
    expect(formatCounted(Infinity, 'messages', english)).toBe('an unknown number of messages');
    expect(formatCounted(null, 'sessions', english)).toBe('an unknown number of sessions');
    expect(formatPassRate(0.5, english)).toBe('50.0%');
    expect(formatPassRate(1, english)).toBe('100.0%');
    expect(formatPassRate(NaN)).toBeUndefined();
    expect(formatPassRate(1.797693134862316e306)).toBeUndefined();
    expect(formatPassRate(-0.5)).toBeUndefined();
    expect(formatPassRate(null)).toBeUndefined();
  });

  it('counts with real plurals, in English and in Dutch', () => {
    expect(formatCounted(1, 'messages', english)).toBe('1 message');
    expect(formatCounted(0, 'messages', english)).toBe('0 messages');
    expect(formatCounted(1234, 'messages', english)).toBe('1,234 messages');
    expect(formatCounted(1, 'sessions', english)).toBe('1 session');
    expect(formatCounted(1, 'messages', dutch)).toBe('1 bericht');
    expect(formatCounted(1234, 'messages', dutch)).toBe('1.234 berichten');
    expect(formatCounted(2, 'sessions', dutch)).toBe('2 sessies');
    expect(formatCounted(NaN, 'messages', dutch)).toBe('een onbekend aantal berichten');
    expect(formatPassRate(0.975, dutch)).toBe('97,5%');
    expect(formatReportDays(1e20, NaN, dutch)).toBe('onbekende data');
    expect(formatReportDays(1581753600, 1e20, dutch)).toBe('2020-02-15 – onbekende datum');
  });
});

describe('the summary line and the recent-reports list', () => {
  it('show a real report as before', async () => {
    const parsed = await parseOne(new Uint8Array(readFileSync(ZOHO)), 'zoho.xml');
    expect(lineText(toCardReportSummary(parsed))).toBe(
      'zoho.com → example.com · 2020-02-15 – 2020-02-16 · 9 messages · 0.0% pass',
    );
    const stored = toReportRows(parsed, { fileName: 'zoho.xml', fileWarnings: [], importedAt: 0 }).report;
    expect(recentText(stored)).toBe('zoho.com → example.com2020-02-15 – 2020-02-16 · 9 messages');
  });

  it('show absurd dates and counts as unknown, directly and after messaging, instead of throwing', async () => {
    const parsed = await parseOne(new Uint8Array(readFileSync(ZOHO)), 'zoho.xml');
    const absurd: CardReportSummary = {
      ...toCardReportSummary(parsed),
      begin: -99999999999999,
      end: 1e20,
      messages: Infinity,
      passRate: NaN,
    };
    expect(lineText(absurd)).toBe('zoho.com → example.com · unknown dates · an unknown number of messages');
    expect(lineText(overMessaging(absurd))).toBe(
      'zoho.com → example.com · unknown dates · an unknown number of messages',
    );
    const stored = toReportRows(parsed, { fileName: 'zoho.xml', fileWarnings: [], importedAt: 0 }).report;
    expect(recentText({ ...stored, begin: 1e20, end: NaN, messageCount: Infinity } as StoredReport)).toBe(
      'zoho.com → example.comunknown dates · an unknown number of messages',
    );
  });
});

// Timestamps and counts as reporters might write them: real ones, out-of-range ones, and any text at all.
const timestampText = fc.oneof(
  fc.integer({ min: 1_300_000_000, max: 1_900_000_000 }).map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.constantFrom(
    '1e20',
    '-99999999999999',
    '8640000000001',
    '-8640000000001',
    'NaN',
    'Infinity',
    '',
    '0x10',
    ' 12 ',
    '1.5e9',
  ),
  fc.string({ maxLength: 12 }),
);
const countText = fc.oneof(
  fc.nat(1000).map(String),
  fc.double().map(String),
  fc.constantFrom('1e308', '1e20', '-5', 'NaN', ''),
  fc.string({ maxLength: 6 }),
);
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const randomAggregate = fc
  .record({
    org: fc.string({ maxLength: 10 }),
    begin: timestampText,
    end: timestampText,
    counts: fc.array(countText, { minLength: 1, maxLength: 3 }),
    dkim: fc.constantFrom('pass', 'fail'),
  })
  .map(({ org, begin, end, counts, dkim }) =>
    reportXml({
      metadata:
        `<org_name>${xmlText(org)}</org_name><email>d@r.example</email><report_id>p</report_id>` +
        `<date_range><begin>${xmlText(begin)}</begin><end>${xmlText(end)}</end></date_range>`,
      records: counts.map((count, i) =>
        recordXml({ ip: `192.0.2.${i + 1}`, count: xmlText(count), dkim, spf: 'fail' }),
      ),
    }),
  );

const jsonNumber = fc.oneof(fc.nat(1000), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(1e308));
const randomTls = fc
  .record({
    start: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string({ maxLength: 12 }),
    ),
    end: fc.string({ maxLength: 25 }),
    ok: jsonNumber,
    failed: jsonNumber,
  })
  .map(({ start, end, ok, failed }) =>
    JSON.stringify({
      'organization-name': 'TLS Reporter',
      'date-range': { 'start-datetime': start, 'end-datetime': end },
      'contact-info': 'tls@r.example',
      'report-id': 'tls-1',
      policies: [
        {
          policy: { 'policy-type': 'sts', 'policy-domain': 'example.com' },
          summary: { 'total-successful-session-count': ok, 'total-failure-session-count': failed },
        },
      ],
    }),
  );

const textIsSound = (text: string) => !/NaN|Invalid|Infinity|undefined|null/.test(text);

describe('property: any parsed report renders', () => {
  it('through toCardReportSummary, the summary line and the recent list, with no throw and no NaN', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(randomAggregate, randomTls), async (document) => {
        const result = await parseReport(utf8(document), { fileName: 'random.xml' });
        if (!result.ok) return;
        for (const parsed of result.reports) {
          const summary = toCardReportSummary(parsed);
          for (const shown of [summary, overMessaging(summary)]) {
            const text = lineText(shown);
            expect(textIsSound(text), text).toBe(true);
            expect(text).toContain(formatReportDays(shown.begin, shown.end));
          }
          const stored = toReportRows(parsed, { fileName: 'random.xml', fileWarnings: [], importedAt: 0 }).report;
          const text = recentText(stored);
          expect(textIsSound(text), text).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('for any numbers at all in a summary, before and after messaging', () => {
    const anyNumber = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(1e20, -99999999999999, NaN, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(
        anyNumber,
        anyNumber,
        anyNumber,
        fc.option(anyNumber, { nil: undefined }),
        (begin, end, messages, passRate) => {
          const summary: CardReportSummary = {
            kind: 'aggregate',
            key: 'k',
            orgName: 'R',
            domain: 'example.com',
            begin,
            end,
            messages,
            passRate,
            topFailingSources: [],
            details: [],
            warnings: [],
          };
          for (const shown of [summary, overMessaging(summary)]) expect(textIsSound(lineText(shown))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
