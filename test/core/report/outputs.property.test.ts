// Every output of a parsed report — the CLI's JSON lines, CSV rows and parsedmarc lines, toParsedmarcJson, the site's
// CSV and JSON exports — takes any value a report's type allows without throwing and writes valid JSON or CSV.
// Reports here are built in memory, not parsed: a restored backup or a caller's own report can hold what the parser
// would refuse (NaN counts, 1e20-second dates, lone surrogates, markup, megabyte strings).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  CSV_HEADER,
  csvRecordRows,
  jsonAggregateClosing,
  jsonAggregateOpening,
  jsonErrorLine,
  jsonRecords,
  jsonReportLine,
  parsedmarcAggregateWriter,
  parsedmarcLine,
} from '../../../cli/formatReports';
import { toParsedmarcJson } from '../../../core/report/toParsedmarcJson';
import { isoFromReportSeconds } from '../../../core/report/reportDate';
import type {
  AggregateRecord,
  AggregateReport,
  FailureReport,
  ParsedReport,
  TlsReport,
} from '../../../core/report/types';
import { SourceRecords, type RecordSummary, type SourceGroupTotals } from '../../../core/analysis/summarizeRecords';
import { ALL_TIME } from '../../../core/analysis/period';
import { sourcesCsv, viewJson } from '../../../site/src/dashboard/exportView';

/** A report head for the view JSON's covered dates (only its begin and end are read). */
const REPORT_HEAD = {
  kind: 'aggregate' as const,
  metadata: { orgName: 'o', email: 'e', reportId: 'r', begin: 0, end: 0, errors: [] },
  policy: { domain: 'example.com' },
};

/** RFC 4180 records of `text` (line breaks `\n` or `\r\n`), each a list of unescaped fields. Throws on invalid CSV. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote < 0) throw new Error(`unterminated quoted field at ${at}`);
        field += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        field += '"';
        at++;
      }
    } else {
      const end = text.slice(at).search(/[,\r\n]/);
      field = end < 0 ? text.slice(at) : text.slice(at, at + end);
      if (field.includes('"')) throw new Error(`quote inside an unquoted field at ${at}`);
      at += field.length;
    }
    row.push(field);
    if (text[at] === ',') at++;
    else if (text[at] === '\n' || (text[at] === '\r' && text[at + 1] === '\n')) {
      at += text[at] === '\r' ? 2 : 1;
      rows.push(row);
      row = [];
    } else if (at < text.length) throw new Error(`unexpected ${JSON.stringify(text[at])} after a field at ${at}`);
  }
  if (row.length) throw new Error('the last record has no line break');
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
const HUGE = 'x'.repeat(1 << 20);

/** Any number, weighted to the ones outputs trip on. */
const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    1e20,
    -1e15,
    -99_999_999_999_999,
    8.64e12,
    8.64e12 + 1,
    -8.64e12 - 1,
    Number.MAX_VALUE,
    -0,
  ),
);
/** Any text, weighted to lone surrogates, markup, formula starts, CSV and JSON punctuation, and one 1 MiB string. */
const anyText = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 10 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 10 },
  { arbitrary: fc.constant(HUGE), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      '\uD800',
      'a\uDFFFb',
      '=HYPERLINK("http://x","y")',
      "+cmd|' /C calc'!A0",
      '@SUM(A1:A9)',
      '-1',
      '＝1+1',
      '<script>alert(1)</script>',
      ']]></feedback>',
      '"},{"x":',
      'a,b\r\nc',
      '\u202Eexa',
    ),
    weight: 10,
  },
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
/** Drops keys whose value is undefined, as a parser never writes them. */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

const record: fc.Arbitrary<AggregateRecord> = fc
  .record({
    sourceIp: anyText,
    count: anyNumber,
    disposition: fc.constantFrom('none', 'quarantine', 'reject', 'pass'),
    dkim: fc.constantFrom('pass', 'fail'),
    spf: fc.constantFrom('pass', 'fail'),
    reasons: fc.array(
      fc
        .record({ type: fc.constantFrom('forwarded', 'local_policy', 'other'), comment: optional(anyText) })
        .map(defined),
      { maxLength: 2 },
    ),
    headerFrom: anyText,
    envelopeFrom: optional(anyText),
    envelopeTo: optional(anyText),
    dkimResults: fc.array(
      fc
        .record({
          domain: anyText,
          selector: optional(anyText),
          result: fc.constantFrom('pass', 'fail', 'none'),
          humanResult: optional(anyText),
        })
        .map(defined),
      { maxLength: 2 },
    ),
    spfResults: fc.array(
      fc
        .record({
          domain: anyText,
          scope: optional(fc.constantFrom('mfrom', 'helo')),
          result: fc.constantFrom('pass', 'softfail'),
        })
        .map(defined),
      {
        maxLength: 2,
      },
    ),
    dkimAligned: fc.boolean(),
    spfAligned: fc.boolean(),
    extensions: optional(fc.dictionary(anyText, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 })),
    raw: optional(fc.dictionary(anyText, anyText, { maxKeys: 2 })),
  })
  .map((r) => defined(r) as AggregateRecord);

const aggregate: fc.Arbitrary<AggregateReport> = fc
  .record({
    version: optional(anyText),
    namespace: optional(anyText),
    metadata: fc
      .record({
        orgName: anyText,
        email: anyText,
        extraContactInfo: optional(anyText),
        reportId: anyText,
        begin: anyNumber,
        end: anyNumber,
        errors: fc.array(anyText, { maxLength: 2 }),
        generator: optional(anyText),
      })
      .map(defined),
    policy: fc
      .record({
        domain: anyText,
        p: optional(fc.constantFrom('none', 'quarantine', 'reject')),
        sp: optional(fc.constantFrom('none', 'quarantine', 'reject')),
        adkim: optional(fc.constantFrom('r', 's')),
        aspf: optional(fc.constantFrom('r', 's')),
        pct: optional(anyNumber),
        fo: optional(anyText),
      })
      .map(defined),
    extension: optional(fc.dictionary(anyText, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 })),
    records: fc.array(record, { maxLength: 4 }),
  })
  // `records` last, where the parser puts it.
  .map(({ records, ...head }) => ({ kind: 'aggregate' as const, ...defined(head), records }));

const failure: fc.Arbitrary<FailureReport> = fc
  .record({
    format: fc.constantFrom('arf', 'text'),
    feedbackType: anyText,
    authFailure: optional(anyText),
    sourceIp: optional(anyText),
    arrivalDate: optional(anyText),
    arrivalTime: optional(anyNumber),
    originalMailFrom: optional(anyText),
    reportedDomain: optional(anyText),
    original: optional(
      fc
        .record({
          from: optional(anyText),
          subject: optional(anyText),
          headers: fc.array(fc.tuple(anyText, anyText), { maxLength: 2 }),
        })
        .map(defined),
    ),
    fields: fc.array(fc.tuple(anyText, anyText), { maxLength: 2 }),
  })
  .map((r) => ({ kind: 'failure' as const, ...defined(r) }));

const tls: fc.Arbitrary<TlsReport> = fc
  .record({
    organizationName: anyText,
    reportId: anyText,
    begin: anyNumber,
    end: anyNumber,
    policies: fc.array(
      fc.record({
        policyType: anyText,
        policyString: fc.array(anyText, { maxLength: 2 }),
        policyDomain: anyText,
        mxHost: fc.array(anyText, { maxLength: 2 }),
        successfulSessions: anyNumber,
        failedSessions: anyNumber,
        failureDetails: fc.array(
          fc
            .record({ resultType: anyText, failedSessionCount: anyNumber, sendingMtaIp: optional(anyText) })
            .map(defined),
          {
            maxLength: 2,
          },
        ),
      }),
      { maxLength: 2 },
    ),
  })
  .map((r) => ({ kind: 'tls' as const, ...r }));

const parsed = <R extends AggregateReport | FailureReport | TlsReport>(
  report: fc.Arbitrary<R>,
): fc.Arbitrary<ParsedReport<R>> =>
  fc.record({
    report,
    warnings: fc.array(anyText, { maxLength: 2 }),
    path: fc.array(anyText, { minLength: 1, maxLength: 3 }),
  });

const RUNS = { numRuns: 100 };

/** The text a cell holds once a spreadsheet shows it: our leading ' removed. */
const shown = (cell: string): string => (cell.startsWith("'") ? cell.slice(1) : cell);

/** Text as written to a UTF-8 file: lone surrogates become U+FFFD. */
const asUtf8 = (text: string): string => new TextDecoder().decode(new TextEncoder().encode(text));

function expectNoFormula(rows: string[][], numericColumns: ReadonlySet<number>): void {
  for (const row of rows) {
    row.forEach((cell, column) => {
      if (!FORMULA_START.test(cell)) return;
      // The one exception: a negative finite number written as a number.
      expect(
        numericColumns.has(column) && Number.isFinite(Number(cell)),
        `cell ${column}: ${JSON.stringify(cell.slice(0, 40))}`,
      ).toBe(true);
    });
  }
}

describe('the CLI’s outputs', () => {
  it('JSON: one valid line per report, the same whether written whole or record batch by batch', () => {
    fc.assert(
      fc.property(
        parsed(fc.oneof(aggregate, failure, tls)),
        fc.array(anyText, { maxLength: 2 }),
        fc.nat(4),
        (report, fileWarnings, batch) => {
          const warnings = [...report.warnings, ...fileWarnings];
          const line = jsonReportLine('dir/a.xml', report, warnings);
          expect(line.endsWith('\n') && line.indexOf('\n') === line.length - 1).toBe(true);
          expect(JSON.parse(line)).toEqual(
            JSON.parse(
              JSON.stringify({
                file: 'dir/a.xml',
                type: report.report.kind,
                path: report.path,
                report: report.report,
                warnings,
              }),
            ),
          );
          if (report.report.kind !== 'aggregate') return;
          const records = report.report.records;
          let pieced = jsonAggregateOpening('dir/a.xml', report.path, report.report);
          for (let at = 0; at < records.length; at += batch + 1)
            pieced += jsonRecords(records.slice(at, at + batch + 1), at === 0);
          pieced += jsonAggregateClosing(warnings);
          expect(pieced).toBe(line);
        },
      ),
      RUNS,
    );
  });

  it('an error line is valid JSON', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.array(anyText, { maxLength: 2 }), (file, message, warnings) => {
        expect(JSON.parse(jsonErrorLine(file, { code: 'malformed', message }, warnings))).toEqual(
          JSON.parse(JSON.stringify({ file, error: { code: 'malformed', message }, warnings })),
        );
      }),
      RUNS,
    );
  });

  it('CSV: 26 fields a row, text as written, dates only when a date has them, and no cell a formula', () => {
    const numeric = new Set([CSV_COLUMNS.indexOf('pct'), CSV_COLUMNS.indexOf('count')]);
    fc.assert(
      fc.property(aggregate, anyText, (report, file) => {
        const text = CSV_HEADER + csvRecordRows(file, report, report.records);
        const rows = readCsv(text);
        expect(rows).toHaveLength(1 + report.records.length);
        expect(rows[0]).toEqual([...CSV_COLUMNS]);
        rows.slice(1).forEach((row, n) => {
          const r = report.records[n]!;
          expect(row).toHaveLength(CSV_COLUMNS.length);
          expect(shown(row[0]!)).toBe(file);
          expect(shown(row[1]!)).toBe(report.metadata.orgName);
          // A year past 9999 is written `+10000-…`, escaped like any cell starting with +.
          expect(shown(row[3]!)).toBe(isoFromReportSeconds(report.metadata.begin) ?? '');
          expect(shown(row[4]!)).toBe(isoFromReportSeconds(report.metadata.end) ?? '');
          expect(shown(row[11]!)).toBe(r.sourceIp);
          expect(shown(row[12]!)).toBe(String(r.count));
          expect(shown(row[16]!)).toBe(r.headerFrom);
        });
        expectNoFormula(rows, numeric);
      }),
      RUNS,
    );
  });

  it('parsedmarc: one valid line per report, the same whether written whole or record batch by batch', () => {
    fc.assert(
      fc.property(fc.oneof(aggregate, failure, tls), fc.nat(4), (report, batch) => {
        const line = parsedmarcLine(report);
        expect(line.indexOf('\n')).toBe(line.length - 1);
        const json = JSON.parse(line) as Record<string, unknown>;
        expect(json).toEqual(JSON.parse(JSON.stringify(toParsedmarcJson(report))));
        if (report.kind !== 'aggregate') return;
        const writer = parsedmarcAggregateWriter(report);
        let pieced = writer.opening;
        for (let at = 0; at < report.records.length; at += batch + 1)
          pieced += writer.records(report.records.slice(at, at + batch + 1), at === 0);
        expect(pieced + writer.closing).toBe(line);
        // A time no date has is null, never a made-up date.
        const metadata = json.report_metadata as { begin_date: string | null };
        expect(metadata.begin_date === null).toBe(isoFromReportSeconds(report.metadata.begin) === undefined);
      }),
      RUNS,
    );
  });
});

const counts = { messages: anyNumber, dmarcPass: anyNumber, dkimAligned: anyNumber, spfAligned: anyNumber };
const group: fc.Arbitrary<SourceGroupTotals> = fc.record({
  ...counts,
  name: anyText,
  ipCount: anyNumber,
  sourceClass: fc.constantFrom('compliant', 'forwarder', 'suspicious', 'unknown') as fc.Arbitrary<
    SourceGroupTotals['sourceClass']
  >,
  spfDomains: fc.array(anyText, { maxLength: 2 }),
  dkimDomains: fc.array(anyText, { maxLength: 2 }),
  reporters: fc.array(anyText, { maxLength: 2 }),
  overrideReasons: fc.array(fc.constantFrom('forwarded', 'other'), { maxLength: 1 }),
  ips: fc.array(
    fc
      .record({ ...counts, ip: anyText, reporters: fc.array(anyText, { maxLength: 2 }) })
      .map((ip) => ({ ...ip, records: new SourceRecords() })),
    {
      maxLength: 3,
    },
  ),
});
const summary: fc.Arbitrary<RecordSummary> = fc.record({
  totals: fc.record({
    ...counts,
    dispositions: fc.record({ none: anyNumber, quarantine: anyNumber, reject: anyNumber, pass: anyNumber }),
    sources: anyNumber,
    reports: anyNumber,
  }),
  daily: fc.array(
    fc.record({
      day: anyText,
      pass: anyNumber,
      fail: anyNumber,
      quarantined: anyNumber,
      rejected: anyNumber,
      dmarcPass: anyNumber,
    }),
    { maxLength: 3 },
  ),
  sources: fc.constant([]),
  overridesByReporter: fc.constant(new Map()),
});

describe('the site’s exports', () => {
  it('sources CSV: one row per address, valid CSV, no cell a formula', () => {
    const numeric = new Set([7, 8, 9, 10, 11, 12, 13, 14]);
    fc.assert(
      fc.property(fc.array(group, { maxLength: 3 }), (groups) => {
        const csv = sourcesCsv(groups, ALL_TIME, new Map());
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const rows = readCsv(csv.slice(1));
        const ips = groups.flatMap((g) => g.ips.map((ip) => ({ g, ip })));
        expect(rows).toHaveLength(1 + ips.length);
        rows.slice(1).forEach((row, n) => {
          expect(row).toHaveLength(19);
          expect(shown(row[0]!)).toBe(ips[n]!.g.name);
          expect(shown(row[2]!)).toBe(ips[n]!.ip.ip);
        });
        expectNoFormula(rows, numeric);
      }),
      RUNS,
    );
  });

  it('view JSON: valid, with a period only when a date has it', () => {
    fc.assert(
      fc.property(
        optional(anyText),
        anyNumber,
        anyNumber,
        summary,
        fc.array(group, { maxLength: 2 }),
        (domain, from, to, s, groups) => {
          // One report in view, covering more than the period: the period's own dates are what it covers.
          const reports = new Map([['k', { report: REPORT_HEAD, begin: -Infinity, end: Infinity }]]);
          const json = JSON.parse(viewJson(domain ?? null, { from, to }, s, groups, reports)) as {
            period: { from: string | null; to: string | null };
          };
          expect(json.period).toEqual({
            from: isoFromReportSeconds(Math.max(from, -Infinity)) ?? null,
            to: isoFromReportSeconds(Math.min(to, Infinity)) ?? null,
          });
        },
      ),
      RUNS,
    );
  });
});

describe('isoFromReportSeconds', () => {
  it.each([
    [0, '1970-01-01T00:00:00.000Z'],
    [1_700_000_000, '2023-11-14T22:13:20.000Z'],
    [8.64e12, '+275760-09-13T00:00:00.000Z'],
    [-8.64e12, '-271821-04-20T00:00:00.000Z'],
    [8.64e12 + 1, undefined],
    [-99_999_999_999_999, undefined],
    [1e20, undefined],
    [NaN, undefined],
    [Infinity, undefined],
    [-Infinity, undefined],
  ])('%d seconds → %s', (seconds, iso) => {
    expect(isoFromReportSeconds(seconds)).toBe(iso);
  });
});

// Written to a UTF-8 stream, a lone surrogate in a CSV cell becomes U+FFFD; the rows still read the same.
it('CSV with lone surrogates stays valid once encoded as UTF-8', () => {
  const report = {
    kind: 'aggregate',
    metadata: { orgName: 'a\uD800,b', email: '', reportId: '\uDC00', begin: 0, end: 0, errors: [] },
    policy: { domain: 'x' },
    records: [],
  } as AggregateReport;
  const rows = readCsv(
    asUtf8(
      csvRecordRows('f', report, [
        {
          sourceIp: '\uD800=',
          count: 1,
          disposition: 'none',
          dkim: 'pass',
          spf: 'pass',
          reasons: [],
          headerFrom: 'x',
          dkimResults: [],
          spfResults: [],
          dkimAligned: true,
          spfAligned: true,
        },
      ]),
    ),
  );
  expect(rows[0]!.slice(0, 3)).toEqual(['f', 'a\uFFFD,b', '\uFFFD']);
  expect(rows[0]![11]).toBe('\uFFFD=');
});
