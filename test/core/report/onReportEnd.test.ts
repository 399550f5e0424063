// parseReportStream's onReportEnd: every report is handed over once, when it is complete and in reading order, and a
// streamed aggregate report that is cut off (a truncated gzip attachment in an mbox, then a whole report after it)
// never is, although its first records were streamed. Writers that commit per report (the PostgreSQL output) rely on
// it to tell a report's true end from the next report's head.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseReportStream, type ParsedReportWithStats } from '../../../core/report/parseReport';
import type { AggregateHead } from '../../../core/report/AggregateXmlReader';

const fixture = (path: string): Buffer => readFileSync(new URL(`../../fixtures/reports/${path}`, import.meta.url));
/** 2286 records, 909,324 bytes (PROVENANCE.tsv): enough to stream several record batches before its end. */
const LARGE = 'domainaware__parsedmarc/!large-example.com!1711897200!1711983600.xml';

/** The bytes in chunks as a file stream gives them. */
async function* chunksOf(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield await Promise.resolve(bytes.subarray(at, at + size));
}

function emailWithAttachment(name: string, bytes: Uint8Array): string {
  const body = Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\n');
  return [
    'From: reports@example.net',
    'To: dmarc@example.com',
    'Subject: Report domain: example.com',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="part"',
    '',
    '--part',
    `Content-Type: application/gzip; name="${name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    body,
    '--part--',
    '',
  ].join('\n');
}

interface Seen {
  streamed: Array<{ reportId: string; records: number }>;
  ended: ParsedReportWithStats[];
}

async function read(bytes: Uint8Array, fileName: string): Promise<Seen & { reports: ParsedReportWithStats[] }> {
  const seen: Seen = { streamed: [], ended: [] };
  let last: AggregateHead | undefined;
  const result = await parseReportStream(chunksOf(bytes), {
    fileName,
    retainRecords: false,
    onRecords: (records, head) => {
      if (head !== last) seen.streamed.push({ reportId: head.metadata.reportId, records: 0 });
      last = head;
      seen.streamed.at(-1)!.records += records.length;
    },
    onReportEnd: (report) => seen.ended.push(report),
  });
  return { ...seen, reports: result.ok ? result.reports : [] };
}

describe('parseReportStream onReportEnd', () => {
  it('is not called for an aggregate report cut off in an mbox, only for the whole report after it', async () => {
    const gzip = gzipSync(fixture(LARGE));
    const cut = gzip.subarray(0, Math.floor(gzip.length / 2));
    const yahoo = fixture('mjl-__mox/yahoo.eml').toString('latin1');
    const mbox = Buffer.from(
      `From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n${emailWithAttachment('large.xml.gz', cut)}\n` +
        `From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n${yahoo}\n`,
      'latin1',
    );
    const seen = await read(mbox, 'cut.mbox');
    // The cut-off report's first records streamed (batches of 256K characters), but not all 2286.
    expect(seen.streamed[0]!.reportId).toBe('example.com:1711897200');
    expect(seen.streamed[0]!.records).toBeGreaterThan(0);
    expect(seen.streamed[0]!.records).toBeLessThan(2286);
    // Only yahoo.eml's report (its PROVENANCE row: 1 record) ends, and it is the result's one report.
    expect(seen.ended).toHaveLength(1);
    expect(seen.ended[0]).toBe(seen.reports[0]);
    expect(seen.reports).toHaveLength(1);
    expect(seen.ended[0]!.path).toEqual(['cut.mbox', 'message 2', expect.stringMatching(/\.xml/) as unknown]);
    expect(seen.ended[0]!.stats).toEqual({ records: 1, messages: 1 });
  });

  it('hands over every report of a file once, in reading order: aggregate, failure and TLS alike', async () => {
    for (const [path, kinds] of [
      [LARGE, ['aggregate']],
      ['domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml', ['failure']],
      ['domainaware__parsedmarc/rfc8460.json', ['tls']],
      ['freitagsrunde__dmarc-report-aggregator/google.eml', ['aggregate']],
    ] as const) {
      const seen = await read(fixture(path), path);
      expect(seen.ended.map((parsed) => parsed.report.kind)).toEqual(kinds);
      expect(seen.ended).toEqual(seen.reports);
      seen.ended.forEach((parsed, i) => expect(parsed).toBe(seen.reports[i]));
    }
    const large = await read(fixture(LARGE), LARGE);
    expect(large.streamed).toEqual([{ reportId: 'example.com:1711897200', records: 2286 }]);
    expect(large.ended[0]!.stats).toEqual({ records: 2286, messages: 2286 });
  });
});
