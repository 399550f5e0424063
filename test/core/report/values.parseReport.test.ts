// Issue 13's absurd values, read through parseReport: a record that cannot be believed is in no total and the report
// says so; a report whose dates cannot be believed is refused with a message naming the file. Both record readers are
// exercised: plain records (readPlainRecords) and a batch holding a record only the tree path reads.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateReport } from '../../../core/report/types';
import { parseOneAggregate, recordXml, reportXml, utf8 } from '../../helpers/reportXml';

const metadata = (begin: string, end: string): string =>
  `<org_name>Example Receiver</org_name><email>dmarc@receiver.example</email><report_id>r-1</report_id>` +
  `<date_range><begin>${begin}</begin><end>${end}</end></date_range>`;

/** Issue 13's records: two believable, the rest not. */
const ISSUE_RECORDS = [
  recordXml({ ip: '192.0.2.1', count: 3, dkim: 'fail', spf: 'fail' }),
  recordXml({ ip: '192.0.2.2', count: '1e30' }),
  recordXml({ ip: '192.0.2.3', count: '0x10' }),
  recordXml({ ip: '999.1.1.1', count: 5 }),
  recordXml({ ip: '1.2.3', count: 5 }),
  recordXml({ ip: '2001:db8::1::1', count: 5 }),
  recordXml({ ip: '1'.repeat(1000), count: 5 }),
  recordXml({ ip: '&lt;b&gt;x&lt;/b&gt;', count: 5 }),
  recordXml({ ip: '2001:DB8::25', count: 4 }),
];

const ISSUE_WARNINGS = [
  'left out a record from 192.0.2.2: count "1e30" is not a whole number of messages',
  'left out a record from 192.0.2.3: count "0x10" is not a whole number of messages',
  'left out a record whose source_ip "999.1.1.1" is not an IP address',
  'left out a record whose source_ip "1.2.3" is not an IP address',
  'left out a record whose source_ip "2001:db8::1::1" is not an IP address',
  `left out a record whose source_ip "${'1'.repeat(64)}… (1000 characters)" is not an IP address`,
  'left out a record whose source_ip "<b>x</b>" is not an IP address',
];

describe('records that cannot be believed are in no total', () => {
  it('plain records: only the believable ones are kept and counted, each left out named in a warning', async () => {
    const { report, warnings } = await parseOneAggregate(
      reportXml({ records: ISSUE_RECORDS.filter((r) => !r.includes('&lt;')) }),
    );
    expect(report.records.map((r) => [r.sourceIp, r.count])).toEqual([
      ['192.0.2.1', 3],
      ['2001:db8::25', 4],
    ]);
    expect(warnings).toEqual(ISSUE_WARNINGS.filter((w) => !w.includes('<b>')));
  });

  it('the tree path (a batch with a record the plain reader declines) leaves out the same records', async () => {
    const { report, warnings } = await parseOneAggregate(reportXml({ records: ISSUE_RECORDS }));
    expect(report.records.map((r) => [r.sourceIp, r.count])).toEqual([
      ['192.0.2.1', 3],
      ['2001:db8::25', 4],
    ]);
    expect(warnings).toEqual(ISSUE_WARNINGS);
  });

  it('streamed without keeping records, the stats count only what was kept', async () => {
    const batches: number[][] = [];
    const result = await parseReport(utf8(reportXml({ records: ISSUE_RECORDS })), {
      fileName: 'issue.xml',
      retainRecords: false,
      onRecords: (records) => batches.push(records.map((r) => r.count)),
    });
    expect(result.ok && result.reports.map((r) => (r as { stats?: unknown }).stats)).toEqual([
      { records: 2, messages: 7 },
    ]);
    expect(batches.flat()).toEqual([3, 4]);
  });
});

describe('a report whose dates cannot be believed is refused, naming the file', () => {
  it('1970, 2100, begin after end, unreadable or missing dates', async () => {
    const table: Array<[begin: string, end: string, message: string]> = [
      [
        '100',
        '200',
        'begin date 100 (1970-01-01 00:01:40 UTC) is before DMARC reports existed (2012); end date 200 (1970-01-01 00:03:20 UTC) is before DMARC reports existed (2012)',
      ],
      ['1700000000', '4102444800', 'end date 4102444800 (2100-01-01 00:00:00 UTC) is in the future'],
      ['1700086399', '1700000000', 'begin date 2023-11-15 22:13:19 UTC is after end date 2023-11-14 22:13:20 UTC'],
      ['not-a-number', '1700000000', 'begin date "not-a-number" is not a Unix time'],
      ['', '', 'no begin date; no end date'],
    ];
    for (const [begin, end, message] of table) {
      const result = await parseReport(utf8(reportXml({ metadata: metadata(begin, end) })), { fileName: 'dates.xml' });
      expect(result, `${begin} ${end}`).toEqual({
        ok: false,
        error: { code: 'malformed', message: `dates.xml: report "r-1" from "Example Receiver" refused: ${message}` },
        warnings: [],
      });
    }
  });

  it('in a zip, the other reports are still read and the refused one is a warning naming the member', async () => {
    const zip = zipSync({
      'good.xml': utf8(reportXml({ records: [recordXml({ count: 7 })] })),
      'old.xml': utf8(reportXml({ metadata: metadata('100', '200') })),
    });
    const result = await parseReport(zip, { fileName: 'reports.zip' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reports.map((r) => [r.path, (r.report as AggregateReport).records.map((x) => x.count)])).toEqual([
      [['reports.zip', 'good.xml'], [7]],
    ]);
    expect(result.warnings).toEqual([
      'reports.zip › old.xml: report "r-1" from "Example Receiver" refused: begin date 100 (1970-01-01 00:01:40 UTC) is before DMARC reports existed (2012); end date 200 (1970-01-01 00:03:20 UTC) is before DMARC reports existed (2012)',
    ]);
  });

  it('a report in milliseconds is read in seconds, with a warning', async () => {
    const { report, warnings } = await parseOneAggregate(
      reportXml({ metadata: metadata('1700000000000', '1700086399000') }),
    );
    expect([report.metadata.begin, report.metadata.end]).toEqual([1700000000, 1700086399]);
    expect(warnings).toEqual([
      'begin 1700000000000 is in milliseconds; read as 1700000000 (2023-11-14 22:13:20 UTC)',
      'end 1700086399000 is in milliseconds; read as 1700086399 (2023-11-15 22:13:19 UTC)',
    ]);
  });
});

it('a right-to-left override in header_from is kept and warned about at import', async () => {
  const { report, warnings } = await parseOneAggregate(
    reportXml({ records: [recordXml({ identifiers: '<header_from>exa\u202Emoc.elpmaxe\u202C</header_from>' })] }),
  );
  expect(report.records.map((r) => r.headerFrom)).toEqual(['exa\u202Emoc.elpmaxe\u202C']);
  expect(warnings).toEqual([
    'header_from "exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩" contains U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING: invisible characters that can make it display as something else',
  ]);
});

it('reports pasted into one file: a refused one does not stop the others', async () => {
  const old = reportXml({ metadata: metadata('100', '200') }).replace(/^<\?xml[^>]*>/, '');
  const good = reportXml({ records: [recordXml({ count: 3 })] }).replace(/^<\?xml[^>]*>/, '');
  const refusal =
    'pasted.xml: report "r-1" from "Example Receiver" refused: begin date 100 (1970-01-01 00:01:40 UTC) is before DMARC reports existed (2012); end date 200 (1970-01-01 00:03:20 UTC) is before DMARC reports existed (2012)';
  for (const text of [`${old}\n${good}`, `${good}\n${old}`]) {
    const result = await parseReport(utf8(text), { fileName: 'pasted.xml' });
    expect(result.ok && result.reports.map((r) => (r.report as AggregateReport).records.map((x) => x.count))).toEqual([
      [3],
    ]);
    expect(result.ok && result.warnings).toEqual([refusal]);
    expect(result.ok && result.reports[0]!.warnings).toEqual(['2 reports were pasted into one file; read each']);
  }
});
