// The dashboard's exports, checked against the XML of real reports: the summary CSV has one row per source address
// whose domains, dates, dispositions and policy are that address's own (not its group's), behind a UTF-8 byte-order
// mark; the summary JSON says the dates the reports cover (never the year 10000 for "all time"); the per-record
// exports are parsedmarc's aggregate CSV and JSON, row by row as worked out by hand from each report's XML.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALL_TIME } from '../../../core/analysis/period';
import { reportKey } from '../../../core/analysis/reportKey';
import { summarizeRecords, type RecordSummary } from '../../../core/analysis/summarizeRecords';
import { parseReport } from '../../../core/report/parseReport';
import type { StoredRecord } from '../../../core/report/recordDigest';
import type { AggregateReport } from '../../../core/report/types';
import {
  csvField,
  exportFileName,
  parsedmarcCsv,
  parsedmarcJson,
  recordsOfSources,
  type ReportsByKey,
  sourcesCsv,
  SUMMARY_CSV_COLUMNS,
  viewJson,
} from '../../../site/src/dashboard/exportView';
import { loadAsnTableForTest } from '../../core/analysis/asnTableFile';

const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));

const ACME = 'cry-inc__dmarc-report-viewer/acme.xml';
const OUTLOOK = 'domainaware__parsedmarc/protection.outlook.com!example.com!1711756800!1711843200.xml';
const GOOGLE_200PERMITS = 'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml';
const RESEND = 'resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml';
const RFC9990 = 'domainaware__parsedmarc/rfc9990-example.net!example.com!1700000000!1700086399.xml';

async function readAggregate(path: string): Promise<AggregateReport> {
  const result = await parseReport(new Uint8Array(readFileSync(fixtures + path)), { fileName: path });
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  const report = result.reports[0]?.report;
  if (report?.kind !== 'aggregate') throw new Error(`${path}: not an aggregate report`);
  return report;
}

/** The reports' records and heads as the dashboard has them from the store. */
async function stored(paths: readonly string[]): Promise<{ records: StoredRecord[]; reports: ReportsByKey }> {
  const records: StoredRecord[] = [];
  const reports = new Map<string, { report: Omit<AggregateReport, 'records'>; begin: number; end: number }>();
  for (const path of paths) {
    const { records: of, ...head } = await readAggregate(path);
    const key = reportKey({ ...head, records: of });
    const { begin, end } = head.metadata;
    reports.set(key, { report: head, begin, end });
    const domain = head.policy.domain.toLowerCase();
    of.forEach((record, i) =>
      records.push({
        id: [domain, begin, key, i],
        reportKey: key,
        domain,
        orgName: head.metadata.orgName,
        begin,
        end,
        record,
      }),
    );
  }
  return { records, reports };
}

/** A CSV without quoted fields (these reports have none) as rows of cells, by column name. */
function rowsByColumn(csv: string): Array<Record<string, string>> {
  const [header, ...rows] = csv.split('\r\n').filter(Boolean);
  const names = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [names[i]!, cell])));
}

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
  let summary: RecordSummary;
  let reports: ReportsByKey;
  beforeAll(async () => {
    const data = await stored([ACME, OUTLOOK, GOOGLE_200PERMITS]);
    reports = data.reports;
    summary = summarizeRecords(data.records, ALL_TIME, { asnTable: loadAsnTableForTest() });
  });

  it('starts with a UTF-8 byte-order mark and its header', () => {
    const csv = sourcesCsv(summary.sources, ALL_TIME, reports);
    expect(csv.startsWith(`\uFEFF${SUMMARY_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(sourcesCsv([], ALL_TIME, reports)).toBe(`\uFEFF${SUMMARY_CSV_COLUMNS.join(',')}\r\n`);
  });

  it('gives each address of one group its own domains, dates, dispositions and policy, as its report says', () => {
    // Three reports name three Amazon EC2 addresses: one group, whose SPF/DKIM lists hold all their domains.
    const aws = summary.sources.find((g) => g.name === 'Amazon Web Services (EC2)');
    expect(aws?.ips.map((ip) => ip.ip).sort()).toEqual(['100.24.188.149', '52.4.242.136', '72.150.241.94']);
    const rows = rowsByColumn(sourcesCsv([aws!], ALL_TIME, reports).slice(1));
    const byIp = new Map(rows.map((row) => [row['source_ip'], row]));
    const pick = (ip: string) => {
      const { service, class: _class, ...rest } = byIp.get(ip)!;
      expect(service).toBe('Amazon Web Services (EC2)');
      return rest;
    };
    // acme.xml: one record, count 2, none, DKIM example.com fail, SPF example.com (helo) pass, p=none.
    expect(pick('72.150.241.94')).toEqual({
      source_ip: '72.150.241.94',
      domain: 'example.com',
      header_from: 'example.com',
      begin_date: '2012-04-28 00:00:00',
      end_date: '2012-04-28 23:59:59',
      messages: '2',
      dmarc_pass: '2',
      dkim_aligned: '0',
      spf_aligned: '2',
      disposition_none: '2',
      disposition_quarantine: '0',
      disposition_reject: '0',
      disposition_pass: '0',
      policy: 'none',
      reporters: 'acme.com',
      spf_domains: 'example.com',
      dkim_domains: 'example.com',
    });
    // Outlook.com's report: one record, count 1, none, no DKIM result, SPF example.com fail, p=none.
    expect(pick('100.24.188.149')).toEqual({
      source_ip: '100.24.188.149',
      domain: 'example.com',
      header_from: 'example.com',
      begin_date: '2024-03-30 00:00:00',
      end_date: '2024-03-31 00:00:00',
      messages: '1',
      dmarc_pass: '0',
      dkim_aligned: '0',
      spf_aligned: '0',
      disposition_none: '1',
      disposition_quarantine: '0',
      disposition_reject: '0',
      disposition_pass: '0',
      policy: 'none',
      reporters: 'Outlook.com',
      spf_domains: 'example.com',
      dkim_domains: '',
    });
    // google.com's report for secure.200permits.com: records of 1 (DKIM fail, no result) and 26 (DKIM pass), p=reject.
    expect(pick('52.4.242.136')).toEqual({
      source_ip: '52.4.242.136',
      domain: 'secure.200permits.com',
      header_from: 'secure.200permits.com',
      begin_date: '2025-12-22 00:00:00',
      end_date: '2025-12-22 23:59:59',
      messages: '27',
      dmarc_pass: '27',
      dkim_aligned: '26',
      spf_aligned: '27',
      disposition_none: '27',
      disposition_quarantine: '0',
      disposition_reject: '0',
      disposition_pass: '0',
      policy: 'reject',
      reporters: 'google.com',
      spf_domains: 'secure.200permits.com',
      dkim_domains: 'secure.200permits.com',
    });
  });

  it('counts only the messages inside the period, and their dispositions add up to them', async () => {
    // resend's report spans 2024-02-01 00:00:00 to 2024-02-02 00:00:00: its last second is on 2 February, so 1 of
    // 86,401 seconds is there; of 1,523 messages none rounds onto it, and a period of 1 February alone has them all.
    const data = await stored([RESEND]);
    const february1 = { from: Date.UTC(2024, 1, 1) / 1000, to: Date.UTC(2024, 1, 2) / 1000 };
    const rows = rowsByColumn(
      sourcesCsv(summarizeRecords(data.records, february1).sources, february1, data.reports).slice(1),
    );
    const quarantined = rows.find((row) => row['source_ip'] === '192.0.2.50')!;
    expect([quarantined['messages'], quarantined['disposition_quarantine']]).toEqual(['15', '15']);
    for (const row of rows) {
      const dispositions = ['none', 'quarantine', 'reject', 'pass'].map((d) => Number(row[`disposition_${d}`]));
      expect(dispositions.reduce((a, b) => a + b)).toBe(Number(row['messages']));
    }
  });
});

describe('viewJson', () => {
  it('says the dates the reports cover for "all time", and the period where it is narrower', async () => {
    const data = await stored([ACME, OUTLOOK]);
    const summary = summarizeRecords(data.records, ALL_TIME);
    const all = JSON.parse(viewJson(null, ALL_TIME, summary, summary.sources, data.reports)) as {
      period: unknown;
      sources: Array<{ ips: Array<Record<string, unknown>> }>;
    };
    expect(all.period).toEqual({ from: '2012-04-28T00:00:00.000Z', to: '2024-03-31T00:00:00.000Z' });
    const march = { from: Date.UTC(2024, 2, 1) / 1000, to: Date.UTC(2024, 3, 1) / 1000 };
    const inMarch = summarizeRecords(data.records, march);
    const narrowed = JSON.parse(viewJson(null, march, inMarch, inMarch.sources, data.reports)) as { period: unknown };
    expect(narrowed.period).toEqual({ from: '2024-03-01T00:00:00.000Z', to: '2024-03-31T00:00:00.000Z' });
    const acme = all.sources.flatMap((g) => g.ips).find((ip) => ip['ip'] === '72.150.241.94');
    expect(acme).toMatchObject({
      messages: 2,
      domains: ['example.com'],
      from: '2012-04-28T00:00:00.000Z',
      to: '2012-04-28T23:59:59.000Z',
      dispositions: { none: 2, quarantine: 0, reject: 0, pass: 0 },
      policies: ['none'],
      spfDomains: ['example.com'],
      dkimDomains: ['example.com'],
    });
    expect(acme).not.toHaveProperty('records');
  });

  it('has null dates with no report in view', () => {
    const summary = summarizeRecords([], ALL_TIME);
    const json = JSON.parse(viewJson(null, ALL_TIME, summary, [], new Map())) as Record<string, unknown>;
    expect([json['domain'], json['period'], json['sources']]).toEqual([null, { from: null, to: null }, []]);
  });
});

/** parsedmarc's 44 columns, from the first row's cells (its source enrichment is empty: no lookups are made). */
const NO_LOOKUPS = ',,,,,,,,';

describe('parsedmarcCsv (per record)', () => {
  it('writes acme.xml’s record as worked out from its XML', async () => {
    const { records, reports } = await stored([ACME]);
    const [header, row, end] = parsedmarcCsv(records, reports).split('\r\n');
    expect(header!.split(',')).toHaveLength(44);
    expect(header!.startsWith('xml_schema,org_name,')).toBe(true);
    expect(row).toBe(
      'draft,acme.com,noreply-dmarc-support@acme.com,http://acme.com/dmarc/support,9391651994964116463,' +
        '2012-04-28 00:00:00,2012-04-28 23:59:59,False,There was a sample error.,example.com,r,r,none,none,,100,1,,,' +
        `72.150.241.94${NO_LOOKUPS},2,True,False,True,none,other,DMARC Policy overridden for incoherent example.,` +
        'example.com,example.com,acme.com,example.com,examplesselector,fail,example.com,helo,pass',
    );
    expect(end).toBe('');
  });

  it('writes RFC 9990’s fields (np, testing, discovery_method) and a record without DKIM results', async () => {
    const { records, reports } = await stored([RFC9990]);
    const rows = parsedmarcCsv(records, reports).split('\r\n').slice(1, 3);
    const head =
      '2.0,example.net,postmaster@example.net,,dmarcbis-test-report-001,2023-11-14 22:13:20,2023-11-15 22:13:19,' +
      'False,,example.com,s,s,reject,quarantine,reject,100,1,y,treewalk,';
    expect(rows).toEqual([
      `${head}198.51.100.1${NO_LOOKUPS},5,True,True,True,none,,,example.com,example.com,,example.com,selector1,pass,example.com,mfrom,pass`,
      `${head}203.0.113.10${NO_LOOKUPS},2,False,False,False,reject,other,sender not authorized,spoofed.example.com,example.com,,,,,spoofed.example.com,mfrom,fail`,
    ]);
  });

  it('exports the records of the sources shown: one address of resend’s report, with its envelope_to', async () => {
    const data = await stored([RESEND]);
    const summary = summarizeRecords(data.records, ALL_TIME);
    const shown = summary.sources.filter((g) => g.ips.some((ip) => ip.ip === '192.0.2.50'));
    const rows = parsedmarcCsv(recordsOfSources(shown), data.reports).split('\r\n').slice(1, -1);
    expect(rows).toEqual([
      'draft,Google Inc.,noreply-dmarc-support@google.com,https://support.google.com/a/answer/2466580,' +
        '12345678901234567890,2024-02-01 00:00:00,2024-02-02 00:00:00,False,,example.com,r,r,reject,reject,,100,0,,,' +
        `192.0.2.50${NO_LOOKUPS},15,True,False,True,quarantine,forwarded,Message was forwarded by known forwarder,,` +
        'example.com,recipient.com,example.com,google,fail,forwarder.com,mfrom,pass',
    ]);
  });
});

describe('parsedmarcJson (per record)', () => {
  it('is a list of parsedmarc report objects, each with the records exported of it', async () => {
    const { records, reports } = await stored([ACME, RFC9990]);
    const json = JSON.parse(parsedmarcJson(records, reports)) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(2);
    expect(json[0]).toMatchObject({
      xml_schema: 'draft',
      report_metadata: {
        org_name: 'acme.com',
        report_id: '9391651994964116463',
        errors: ['There was a sample error.'],
      },
      policy_published: { domain: 'example.com', p: 'none', fo: '1' },
      records: [
        {
          source: { ip_address: '72.150.241.94' },
          count: 2,
          alignment: { spf: true, dkim: false, dmarc: true },
          policy_evaluated: {
            disposition: 'none',
            policy_override_reasons: [{ type: 'other', comment: 'DMARC Policy overridden for incoherent example.' }],
          },
          identifiers: { header_from: 'example.com', envelope_from: 'example.com', envelope_to: 'acme.com' },
          auth_results: {
            dkim: [{ domain: 'example.com', selector: 'ExamplesSelector', result: 'fail' }],
            spf: [{ domain: 'example.com', scope: 'helo', result: 'pass' }],
          },
        },
      ],
    });
    expect((json[1]!['records'] as unknown[]).length).toBe(2);
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
