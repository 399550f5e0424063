// Dates a time axis can believe, the last 30 days with data and a chart's range, on dates real reports carry: the
// 1975 draft sample (stalwartlabs/mail-auth 001.xml: 161212415–161221511), the 47-day report of
// sjinks/qt_dmarc_parser real-gcisdns.net.xml (1363305600–1367409599), secure.200permits.com's reports of
// December 2025 and January 2026 (jonzobrist/DMARC-Report-Manager), and georgestarcher/dmarcgo's Mimecast sample
// dated June 2026 (1781568000–1781654399).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { chartRangeOf, dateConcern, lastDaysWithData, longSpanWarning } from '../../../core/analysis/reportDates';
import { parseReport } from '../../../core/report/parseReport';
import { ALL_TIME } from '../../../core/analysis/period';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 1000;
const NOW = day(2026, 12, 5) + 3600;
const DRAFT_1975 = { begin: 161212415, end: 161221511 };
const GCISDNS_47_DAYS = { begin: 1363305600, end: 1367409599 };
const MIMECAST_JUNE_2026 = { begin: 1781568000, end: 1781654399 };
const PERMITS = [
  { begin: 1766188800, end: 1766275200 },
  { begin: 1766361600, end: 1766447999 },
  { begin: 1766448000, end: 1766534400 },
  { begin: 1768867200, end: 1768953599 },
  { begin: 1768953600, end: 1769039999 },
  { begin: 1768953600, end: 1769039999 },
  { begin: 1769126400, end: 1769212799 },
];

describe('dateConcern', () => {
  it('names what a time axis cannot believe', () => {
    expect(dateConcern(DRAFT_1975, NOW)).toBe('before-2012');
    expect(dateConcern({ begin: 100, end: 200 }, NOW)).toBe('before-2012');
    expect(dateConcern(GCISDNS_47_DAYS, NOW)).toBe('long-span');
    expect(dateConcern(MIMECAST_JUNE_2026, NOW)).toBeUndefined();
    // Read on a clock of May 2026, the same report is dated in the future.
    expect(dateConcern(MIMECAST_JUNE_2026, day(2026, 5, 1))).toBe('in-the-future');
    expect(dateConcern({ begin: 1766448000, end: 1766188800 }, NOW)).toBe('reversed');
    for (const report of PERMITS) expect(dateConcern(report, NOW)).toBeUndefined();
  });
});

describe('lastDaysWithData', () => {
  it('ends on the newest day a believable report reaches, not today', () => {
    // aol.com's report covers 23 January 2026: the 30 days are 25 December to 23 January.
    expect(lastDaysWithData(PERMITS, NOW)).toEqual({ from: day(2025, 12, 25), to: day(2026, 1, 24) });
  });

  it('ends a report written with an exclusive end on its last whole day', () => {
    // Outlook's report runs from 23 December 00:00 to 24 December 00:00.
    expect(lastDaysWithData([PERMITS[2]!], NOW, 1)).toEqual({ from: day(2025, 12, 23), to: day(2025, 12, 24) });
  });

  it('is not moved by a report it cannot believe', () => {
    expect(
      lastDaysWithData([...PERMITS, DRAFT_1975, { begin: NOW + 30 * 86_400, end: NOW + 31 * 86_400 }], NOW),
    ).toEqual({ from: day(2025, 12, 25), to: day(2026, 1, 24) });
    expect(lastDaysWithData([DRAFT_1975], NOW)).toBeUndefined();
  });
});

describe('chartRangeOf', () => {
  it('draws all time from the first to the last day believable reports cover, leaving 1975 out', () => {
    const { range, outside } = chartRangeOf([...PERMITS, DRAFT_1975], ALL_TIME, NOW);
    expect(range).toEqual({ from: day(2025, 12, 20), to: day(2026, 1, 24) });
    expect(outside).toBe(1);
  });

  it('does not let a report covering weeks set the axis', () => {
    expect(chartRangeOf([GCISDNS_47_DAYS], ALL_TIME, NOW)).toEqual({ outside: 1 });
    const { range, outside } = chartRangeOf([...PERMITS, GCISDNS_47_DAYS], ALL_TIME, NOW);
    expect(range).toEqual({ from: day(2025, 12, 20), to: day(2026, 1, 24) });
    expect(outside).toBe(1);
  });

  it('draws a period with believable ends whole, and counts the reports before it as outside', () => {
    const recent = lastDaysWithData(PERMITS, NOW)!;
    const { range, outside } = chartRangeOf([...PERMITS, DRAFT_1975, GCISDNS_47_DAYS], recent, NOW);
    expect(range).toEqual(recent);
    // The three December reports end before 25 December; 1975 and 2013 are long before.
    expect(outside).toBe(5);
  });

  it('has no range when nothing believable reaches into an unbounded period', () => {
    expect(chartRangeOf([DRAFT_1975], ALL_TIME, NOW)).toEqual({ outside: 1 });
  });
});

describe('longSpanWarning', () => {
  const CORPUS = '/work/shared/corpus/sjinks__qt_dmarc_parser/real-gcisdns.net.xml';
  const permits = new URL(
    '../../fixtures/reports/jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml',
    import.meta.url,
  );

  it.runIf(existsSync(CORPUS))('names the file, the report and its 48 calendar days', async () => {
    // <begin>1363310677</begin> (15 March 2013) to <end>1367418975</end> (1 May 2013).
    const parsed = await parseReport(new Uint8Array(readFileSync(CORPUS)), { fileName: 'real-gcisdns.net.xml' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(longSpanWarning(parsed.reports[0]!.report, 'real-gcisdns.net.xml', NOW)).toBe(
      'real-gcisdns.net.xml: report "domain.com:1367471104" from "gcisdns.net" covers 48 days (2013-03-15 to 2013-05-01), where reports cover one; its messages are spread over those days, and charts keep it off their axis.',
    );
  });

  it('says nothing of a daily report', async () => {
    const parsed = await parseReport(new Uint8Array(readFileSync(permits)), { fileName: 'google.xml' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(longSpanWarning(parsed.reports[0]!.report, 'google.xml', NOW)).toBeUndefined();
  });
});
