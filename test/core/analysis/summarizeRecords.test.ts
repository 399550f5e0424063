// The dashboard's summary: sources grouped, named and classified exactly as the Senders page does it
// (core/analysis/groupSources), over real fixture reports and constructed ones, with the period's share of
// multi-day reports; totals, days and groups add up.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupSources, type GroupSourcesOptions } from '../../../core/analysis/groupSources';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateRecord, AggregateReport } from '../../../core/report/types';
import { ALL_TIME } from '../../../core/analysis/period';
import { RecordSummarizer, SourceRecords, summarizeRecords } from '../../../core/analysis/summarizeRecords';
import { recordsOfDigest, type StoredRecord } from '../../../core/report/recordDigest';
import type { StoredRecordBatch } from '../../../core/store/schema';
import { toRecordDigest } from '../../../core/store/toRecordDigest';
import { DAY, MARCH_1, record } from '../store/storeFixtures';
import { loadAsnTableForTest } from './asnTableFile';

const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));

/** The aggregate reports of the site's "Try it with sample reports" set (site/src/import/sampleReports.ts). */
const SAMPLE_FILES = [
  'jonzobrist__DMARC-Report-Manager/aol.com!secure.200permits.com!1769126400!1769212799.xml.gz',
  'jonzobrist__DMARC-Report-Manager/comcast.net!secure.200permits.com!1766188800!1766275200.xml',
  'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml',
  'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1768867200!1768953599(1).zip',
  'jonzobrist__DMARC-Report-Manager/protection.outlook.com!secure.200permits.com!1766448000!1766534400.xml',
  'jonzobrist__DMARC-Report-Manager/yahoo.com!secure.200permits.com!1768953600!1769039999.xml.gz',
  'DSalko__dmarc_parser/complete.xml',
  'resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml',
  'domainaware__parsedmarc/nice-input.xml.gz',
  'andreialecu__dmarc-report-parser/email-source-with-zip.txt',
  'freitagsrunde__dmarc-report-aggregator/aol.eml',
];

async function sampleReports(): Promise<AggregateReport[]> {
  const reports: AggregateReport[] = [];
  for (const path of SAMPLE_FILES) {
    const result = await parseReport(new Uint8Array(readFileSync(fixtures + path)), {
      fileName: path.split('/').pop()!,
    });
    if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
    for (const { report } of result.reports) if (report.kind === 'aggregate') reports.push(report);
  }
  return reports;
}

/** Records as the store hands them to the dashboard. */
function stored(reports: readonly AggregateReport[]): StoredRecord[] {
  return reports.flatMap((report, r) =>
    report.records.map((rec, i) => ({
      id: [report.policy.domain.toLowerCase(), report.metadata.begin, `report-${r}`, i] as StoredRecord['id'],
      reportKey: `report-${r}`,
      domain: report.policy.domain.toLowerCase(),
      orgName: report.metadata.orgName,
      begin: report.metadata.begin,
      end: report.metadata.end,
      record: rec,
    })),
  );
}

/** A record that fails DKIM and SPF, with no results of either. */
const FAILS_BOTH: Partial<AggregateRecord> = {
  dkim: 'fail',
  spf: 'fail',
  dkimResults: [],
  spfResults: [],
  dkimAligned: false,
  spfAligned: false,
};

/** What a stored record, or a stored batch, of example.com's report `reportKey` holds besides its records. */
function reportHead(begin: number, end: number, reportKey: string): Omit<StoredRecord, 'record'> {
  return {
    id: ['example.com', begin, reportKey, 0],
    reportKey,
    domain: 'example.com',
    orgName: 'receiver.example',
    begin,
    end,
  };
}

function storedRecord(
  rec: AggregateRecord,
  begin = MARCH_1,
  end = begin + DAY - 1,
  reportKey = `r-${begin}`,
): StoredRecord {
  return { ...reportHead(begin, end, reportKey), record: rec };
}

describe('summarizeRecords: sources as the Senders page sees them', () => {
  const table = loadAsnTableForTest();

  it.each([
    ['with the offline ASN table', { asnTable: table }],
    ['without it', {}],
  ] as Array<[string, GroupSourcesOptions]>)(
    'has the same groups, names, classes, reasons and fixes as groupSources, %s',
    async (_, options) => {
      const reports = await sampleReports();
      for (const domain of [...new Set(reports.map((r) => r.policy.domain.toLowerCase()))]) {
        const summary = summarizeRecords(
          stored(reports).filter((s) => s.domain === domain),
          ALL_TIME,
          options,
        );
        const senders = groupSources(reports, { ...options, domain });
        expect(
          summary.sources.map((g) => [
            g.key,
            g.name,
            g.messages,
            g.sourceClass,
            g.classification.reason,
            g.classification.fix,
          ]),
        ).toEqual(
          senders.map((g) => [
            g.key,
            g.label,
            g.messages,
            g.classification.class,
            g.classification.reason,
            g.classification.fix,
          ]),
        );
      }
    },
  );

  it('names the services of the sample reports and gives each its reason', async () => {
    const reports = await sampleReports();
    const summary = summarizeRecords(stored(reports), ALL_TIME, { asnTable: table });
    const byKey = new Map(summary.sources.map((g) => [g.key, g]));
    expect(byKey.get('sendgrid')).toMatchObject({ name: 'Twilio SendGrid', sourceClass: 'compliant', messages: 343 });
    expect(byKey.get('amazon-ses')).toMatchObject({ name: 'Amazon SES', sourceClass: 'compliant' });
    const opserv = summarizeRecords(
      stored(reports).filter((r) => r.domain === 'opserv.io'),
      ALL_TIME,
      { asnTable: table },
    );
    // Google's servers relay 69 messages with opserv.io's own signature; the 112 other organisations' Workspace
    // tenants forwarded (Gmail's override local_policy arc=pass) are a source apart (classifySource.test.ts).
    const google = opserv.sources.find((g) => g.key === 'google');
    expect(google?.classification.reason).toBe(
      '100% of 69 messages from Google Workspace / Gmail pass DMARC with aligned DKIM.',
    );
    expect(google?.classification.fix).toBeUndefined();
    const others = opserv.sources.find((g) => g.key === 'others:google');
    expect(others).toMatchObject({ sourceClass: 'forwarded', messages: 112 });
    // Totals, groups and IPs add up.
    const messages = summary.sources.reduce((n, g) => n + g.messages, 0);
    expect(messages).toBe(summary.totals.messages);
    for (const g of summary.sources) expect(g.ips.reduce((n, ip) => n + ip.messages, 0)).toBe(g.messages);
  });

  it('sorts a compliant sender apart from one that fails both DKIM and SPF', () => {
    const records: StoredRecord[] = [];
    for (let day = 0; day < 10; day++) {
      const begin = MARCH_1 + day * DAY;
      records.push(storedRecord(record({ count: 10 }), begin));
      records.push(
        storedRecord(
          record({
            sourceIp: '198.51.100.7',
            dkim: 'fail',
            spf: 'fail',
            envelopeFrom: 'spoof.example.net',
            dkimResults: [],
            spfResults: [{ domain: 'spoof.example.net', scope: 'mfrom', result: 'fail' }],
            dkimAligned: false,
            spfAligned: false,
          }),
          begin,
          begin + DAY - 1,
          `s-${begin}`,
        ),
      );
    }
    const summary = summarizeRecords(records, { from: MARCH_1, to: MARCH_1 + 30 * DAY });
    expect(summary.totals).toMatchObject({ messages: 110, dmarcPass: 100, sources: 2, reports: 20 });
    expect(summary.sources.map((g) => [g.key, g.name, g.messages, g.dmarcPass, g.sourceClass])).toEqual([
      ['ip:192.0.2.1', '192.0.2.1', 100, 100, 'compliant'],
      ['ip:198.51.100.7', '198.51.100.7', 10, 0, 'suspicious'],
    ]);
    expect(summary.sources[1]!.classification.reason).toBe(
      '10 of 10 messages failed both DKIM and SPF: an unrecognised sender used example.com in From. ' +
        'Unless this is a sender you use, it is spoofing; p=quarantine or p=reject stops it from reaching inboxes.',
    );
    expect(summary.sources[1]!.spfDomains).toEqual(['spoof.example.net']);
  });

  it('takes an aligned pass in auth_results over a receiver that wrote fail, as the Senders page does', () => {
    // The receiver's verdict stays what the DMARC pass column counts; the class follows core/analysis/classifyRecord.
    const zohoLike = record({ dkim: 'fail', spf: 'fail' });
    const summary = summarizeRecords([storedRecord(zohoLike)], ALL_TIME);
    expect(summary.sources[0]).toMatchObject({ dmarcPass: 0, messages: 1, sourceClass: 'compliant' });
  });

  it('counts the share of a multi-day report inside the period, in the class as well', () => {
    const week = storedRecord(record({ count: 70, ...FAILS_BOTH }), MARCH_1, MARCH_1 + 7 * DAY - 1);
    const threeDays = { from: MARCH_1 + 2 * DAY, to: MARCH_1 + 5 * DAY };
    const summary = summarizeRecords([week, storedRecord(record({ count: 1000 }), MARCH_1 + 20 * DAY)], threeDays);
    expect(summary.totals.messages).toBe(30);
    expect(summary.sources.map((g) => [g.key, g.messages, g.sourceClass])).toEqual([
      ['ip:192.0.2.1', 30, 'suspicious'],
    ]);
    expect(summary.sources[0]!.classification.reason).toMatch(/^30 of 30 messages failed both DKIM and SPF/);
  });
  it('counts digests as it counts their records: a day once per digest, a day outside, a week in part', () => {
    const batch = (begin: number, end: number, reportKey: string, records: AggregateRecord[]): StoredRecordBatch => ({
      ...reportHead(begin, end, reportKey),
      records,
    });
    const batches = [
      batch(MARCH_1 + 3 * DAY, MARCH_1 + 4 * DAY - 1, 'r-day', [
        record({ count: 5 }),
        record({ sourceIp: '198.51.100.7', count: 2, ...FAILS_BOTH }),
        record({ count: 7, disposition: 'quarantine', dkim: 'fail' }),
      ]),
      batch(MARCH_1 + 10 * DAY, MARCH_1 + 11 * DAY - 1, 'r-later', [record({ sourceIp: '203.0.113.9', count: 1000 })]),
      batch(MARCH_1, MARCH_1 + 7 * DAY - 1, 'r-week', [record({ count: 70, ...FAILS_BOTH })]),
      batch(MARCH_1 + 3 * DAY, MARCH_1 + 4 * DAY - 1, 'r-empty', []),
    ];
    const threeDays = { from: MARCH_1 + 2 * DAY, to: MARCH_1 + 5 * DAY };
    const byDigest = new RecordSummarizer(threeDays);
    byDigest.addDigests(batches.map((b) => toRecordDigest(b)));
    const counted = new RecordSummarizer(threeDays);
    counted.countDigests(batches.map((b) => toRecordDigest(b)));
    const byRecord = new RecordSummarizer(threeDays);
    byRecord.add(
      batches.flatMap((b) =>
        b.records.map((rec): StoredRecord => ({ ...b, id: [...b.id], record: rec }) as unknown as StoredRecord),
      ),
    );
    // By hand: the day's report 5 + 2 + 7, the week's 70 at 10 a day for the three days inside, the later one none.
    expect(byDigest.headline().totals).toEqual({
      messages: 44,
      dmarcPass: 12,
      dkimAligned: 5,
      spfAligned: 12,
      dispositions: { none: 37, quarantine: 7, reject: 0, pass: 0 },
      sources: 2,
      reports: 2,
    });
    expect(byDigest.headline().daily).toEqual([
      { day: '2024-03-03', pass: 0, fail: 10, quarantined: 0, rejected: 0, dmarcPass: 0 },
      { day: '2024-03-04', pass: 5, fail: 12, quarantined: 7, rejected: 0, dmarcPass: 12 },
      { day: '2024-03-05', pass: 0, fail: 10, quarantined: 0, rejected: 0, dmarcPass: 0 },
    ]);
    expect(counted.headline()).toEqual(byDigest.headline());
    expect(byRecord.headline()).toEqual(byDigest.headline());
  });
  it('hands each address its own records for the drill-down, in the order they came, made only when asked for', () => {
    const added = storedRecord(record({ count: 3 }), MARCH_1, MARCH_1 + DAY - 1, 'r-a');
    const batch: StoredRecordBatch = {
      id: ['example.com', MARCH_1 + DAY, 'r-b', 0],
      reportKey: 'r-b',
      domain: 'example.com',
      orgName: 'other.example',
      begin: MARCH_1 + DAY,
      end: MARCH_1 + 2 * DAY - 1,
      records: [
        record({ count: 5 }),
        record({ sourceIp: '198.51.100.7', count: 2 }),
        record({ count: 7, disposition: 'quarantine' }),
      ],
    };
    const digest = toRecordDigest(batch);
    const fromDigest = recordsOfDigest(digest);
    // Outside the period: counted nowhere, so in no drill-down either.
    const before = storedRecord(record({ count: 9 }), MARCH_1 - 10 * DAY, MARCH_1 - 9 * DAY - 1, 'r-old');
    const summarizer = new RecordSummarizer({ from: MARCH_1, to: MARCH_1 + 30 * DAY });
    summarizer.add([added, before]);
    summarizer.addDigests([digest]);
    while (!summarizer.groupSome(1)) {
      // One record at a time: grouping resumes inside a digest.
    }
    const records = new Map(
      summarizer
        .buildSources(Infinity)!
        .flatMap((g) => g.ips)
        .map((ip) => [ip.ip, ip.records]),
    );
    expect([...records.keys()].sort()).toEqual(['192.0.2.1', '198.51.100.7']);
    expect(records.get('192.0.2.1')!.list()).toEqual([added, fromDigest[0], fromDigest[2]]);
    expect(records.get('198.51.100.7')!.list()).toEqual([fromDigest[1]]);
    expect(records.get('192.0.2.1')!.length).toBe(3);
    const both = SourceRecords.concat(records.get('198.51.100.7')!, records.get('192.0.2.1')!);
    expect(both.list()).toEqual([fromDigest[1], added, fromDigest[0], fromDigest[2]]);
  });
});
