// `dmarc-lens parse --format es|splunk`: parsedmarc's Elasticsearch / OpenSearch documents and Splunk HEC events,
// field by field on real reports (expected values worked out by hand from the XML), the daily split parsedmarc makes
// of reports longer than a day, document ids that are the same on every run and never shared, and message totals
// equal to the corpus MANIFEST's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../cli/main';
import { splitByDay } from '../../core/report/parsedmarcDays';
import { FIXTURE_REPORTS, readManifest, SHARED_CORPUS } from '../corpus/readManifest';

/** A parsed output line. */
type Json = Record<string, unknown>;
/** A `_bulk` action line. */
interface BulkAction {
  index: { _index: string; _id: string };
}

const fixture = (path: string) => `${FIXTURE_REPORTS}${path}`;
/** 2019-11-28 15:35:00 to 2019-12-02 16:38:03 UTC, one record of 1 message, dkim and spf Pass (upper-cased). */
const upperCasedPass = fixture('domainaware__parsedmarc/report_with_upper_cased_pass.xml');
const rfc9990 = fixture('domainaware__parsedmarc/rfc9990-example.net!example.com!1700000000!1700086399.xml');
const smtpTls = fixture('domainaware__parsedmarc/smtp_tls.json');

async function parse(...args: string[]): Promise<{ lines: Array<Json>; err: string[]; code: number }> {
  let text = '';
  const err: string[] = [];
  const io: CliIo = {
    out: { closed: false, write: (t) => void (text += t), ready: () => Promise.resolve() },
    err: (line) => void err.push(line),
  };
  const code = await main(['parse', ...args], io);
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Json);
  return { lines, err, code };
}

/** `_bulk` NDJSON as [action, document] pairs. */
function pairs(lines: Json[]): Array<[BulkAction, Json]> {
  const out: Array<[BulkAction, Json]> = [];
  for (let i = 0; i < lines.length; i += 2) out.push([lines[i] as unknown as BulkAction, lines[i + 1]!]);
  return out;
}

describe('splitByDay, parsedmarc’s daily buckets', () => {
  // 1574955300 → 1575304683: 30300 s of Nov 28, three whole days, 59883 s of Dec 2 (349383 s).
  it('gives a lone message to the first of the days with the largest share', () => {
    expect(splitByDay(1574955300, 1575304683, 1)).toEqual([{ begin: 1574985600, end: 1575072000, count: 1 }]);
  });

  it('spreads 100 messages by seconds, whole messages by largest remainder', () => {
    // Exact shares 8.67, 24.73, 24.73, 24.73, 17.14: floors 97, the three .73 remainders get one more each.
    expect(splitByDay(1574955300, 1575304683, 100).map((b) => [b.begin, b.end, b.count])).toEqual([
      [1574955300, 1574985600, 8],
      [1574985600, 1575072000, 25],
      [1575072000, 1575158400, 25],
      [1575158400, 1575244800, 25],
      [1575244800, 1575304683, 17],
    ]);
  });

  it('keeps every message, in days that tile the interval', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2e9 }),
        fc.integer({ min: 1, max: 90 * 86_400 }),
        fc.integer({ min: 1, max: 1e7 }),
        (begin, span, count) => {
          const buckets = splitByDay(begin, begin + span, count);
          expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(count);
          for (const b of buckets) {
            expect(b.end).toBeGreaterThan(b.begin);
            expect(Math.floor(b.begin / 86_400)).toBe(Math.floor((b.end - 1) / 86_400));
          }
        },
      ),
    );
  });
});

describe('dmarc-lens parse --format es', () => {
  it('writes parsedmarc’s document for each day of a record, field by field', async () => {
    const { lines, code } = await parse('--format', 'es', upperCasedPass);
    expect(code).toBe(0);
    const [[action, doc]] = pairs(lines) as [[BulkAction, Json]];
    expect(lines).toHaveLength(2);
    // The lone message lands on Nov 29, the first whole day (see splitByDay above).
    expect(action.index._index).toBe('dmarc_aggregate-2019-11-29');
    expect(action.index._id).toMatch(/^[0-9a-f]{40}$/);
    expect(doc).toEqual({
      xml_schema: 'draft',
      xml_namespace: null,
      org_name: 'example.com',
      org_email: 'postmaster@example.com',
      org_extra_contact_info: null,
      report_id: 'aggr_report_example.com_20191202_1638',
      date_range: ['2019-11-29T00:00:00+00:00', '2019-11-30T00:00:00+00:00'],
      date_begin: '2019-11-29T00:00:00+00:00',
      date_end: '2019-11-30T00:00:00+00:00',
      normalized_timespan: true,
      errors: [],
      published_policy: {
        domain: 'example.com',
        adkim: 'r',
        aspf: 'r',
        p: 'reject',
        sp: 'reject',
        pct: '100',
        fo: '0',
        np: null,
        testing: null,
        discovery_method: null,
      },
      source_ip_address: '23.104.41.189',
      source_country: null,
      source_reverse_dns: null,
      source_base_domain: null,
      source_type: null,
      source_name: null,
      source_asn: null,
      source_as_name: null,
      source_as_domain: null,
      message_count: 1,
      disposition: 'none',
      dkim_aligned: true,
      spf_aligned: true,
      passed_dmarc: true,
      policy_overrides: [],
      header_from: 'example.com',
      envelope_from: null,
      envelope_to: null,
      dkim_results: [
        {
          domain: 'example.com',
          selector: 'none',
          result: 'pass',
          human_result: 'verify result: all signatures verified',
        },
      ],
      spf_results: [{ domain: 'example.com', scope: 'mfrom', result: 'pass', human_result: null }],
      dkim_results_combined: ['none / example.com / pass'],
      spf_results_combined: ['mfrom / example.com / pass'],
      np: null,
      testing: null,
      discovery_method: null,
      generator: null,
    });
  });

  it('keeps a report of one day whole, with RFC 9990 fields and the combined strings', async () => {
    const { lines } = await parse('--format', 'es', rfc9990);
    const docs = pairs(lines);
    expect(docs.map(([a]) => a.index._index)).toEqual(['dmarc_aggregate-2023-11-14', 'dmarc_aggregate-2023-11-14']);
    expect(docs.map(([, d]) => [d.source_ip_address, d.message_count, d.passed_dmarc, d.normalized_timespan])).toEqual([
      ['198.51.100.1', 5, true, false],
      ['203.0.113.10', 2, false, false],
    ]);
    expect(docs[0]![1]).toMatchObject({
      date_begin: '2023-11-14T22:13:20+00:00',
      date_end: '2023-11-15T22:13:19+00:00',
      np: 'reject',
      testing: 'y',
      discovery_method: 'treewalk',
      dkim_results_combined: ['selector1 / example.com / pass'],
      spf_results_combined: ['mfrom / example.com / pass'],
    });
    expect(docs[1]![1]).toMatchObject({
      disposition: 'reject',
      envelope_from: 'spoofed.example.com',
      dkim_results_combined: [],
      spf_results_combined: ['mfrom / spoofed.example.com / fail'],
      policy_overrides: [{ type: 'other', comment: 'sender not authorized' }],
    });
  });

  it('writes an SMTP TLS report as one document with its combined policy and failure strings', async () => {
    const { lines } = await parse('--format', 'opensearch', smtpTls);
    expect(lines).toHaveLength(2);
    expect((lines[0] as unknown as BulkAction).index._index).toBe('smtp_tls-2024-01-09');
    expect(lines[1]).toMatchObject({
      org_name: 'Example Inc.',
      date_begin: '2024-01-09T00:00:00+00:00',
      date_end: '2024-01-09T23:59:59+00:00',
      contact_info: 'smtp-tls-reporting@example.com',
      report_id: '2024-01-09T00:00:00Z_example.com',
      policies: [
        {
          policy_domain: 'example.com',
          policy_type: 'sts',
          successful_session_count: 0,
          failed_session_count: 3,
          policy_string: ['version: STSv1', 'mode: testing', 'mx: example.com', 'max_age: 86400'],
        },
      ],
      policies_combined: ['example.com / sts'],
      failure_details_combined: [
        'example.com / sts / validation-failure / 209.85.222.201 / 173.212.201.41 / example.com',
        'example.com / sts / validation-failure / 209.85.208.176 / 173.212.201.41 / example.com',
      ],
    });
  });

  const manifest = readManifest(`${SHARED_CORPUS}MANIFEST.tsv`);
  const root = manifest.length > 0 ? SHARED_CORPUS : FIXTURE_REPORTS;
  const entries = (manifest.length > 0 ? manifest : readManifest(`${FIXTURE_REPORTS}PROVENANCE.tsv`)).filter(
    (e) => e.reportType === 'aggregate' && e.pythonParse === 'ok' && e.messages !== undefined,
  );

  it('writes the MANIFEST’s messages for every file, with ids the same on a second run and shared only by the same report', async () => {
    const files = entries.map((e) => root + e.relativePath);
    const first = await parse('--format', 'es', ...files);
    const second = await parse('--format', 'es', ...files);
    expect(second.lines).toEqual(first.lines);
    // Several corpus files hold the same report (copied between projects, or edited into test variants that keep
    // its reporter, id, domain and dates, which parsedmarc also takes for one report): the same record of it gets the
    // same id, so indexing both leaves one copy. Any other shared id would overwrite a different record.
    const identity = (doc: Json) =>
      [
        doc.org_name,
        doc.report_id,
        (doc.published_policy as { domain: string }).domain,
        doc.date_begin,
        doc.date_end,
      ].join('|');
    const byId = new Map<string, Json>();
    let shared = 0;
    for (const [action, doc] of pairs(first.lines)) {
      const id = action.index._id;
      const before = byId.get(id);
      if (before) {
        shared++;
        expect(identity(doc)).toBe(identity(before));
      } else byId.set(id, doc);
    }
    expect(shared).toBeGreaterThan(0);
    const counted: Record<string, number> = {};
    const refused: string[] = [];
    for (const e of entries) {
      const { lines } = await parse('--format', 'es', root + e.relativePath);
      const docs = pairs(lines);
      expect(new Set(docs.map(([action]) => action.index._id)).size).toBe(docs.length);
      counted[e.relativePath] = docs.reduce((sum, [, doc]) => sum + (doc.message_count as number), 0);
      // A report the reader refuses (dates before 2012 in the specification's samples) is said on stderr instead.
      if (lines.length === 0 && e.messages! > 0) refused.push(e.relativePath);
    }
    expect(counted).toEqual(
      Object.fromEntries(entries.map((e) => [e.relativePath, refused.includes(e.relativePath) ? 0 : e.messages])),
    );
    for (const path of refused) {
      const { lines, err, code } = await parse('--format', 'json', root + path);
      expect([code, (lines[0]?.error as { code?: string } | undefined)?.code, err]).toEqual([1, 'malformed', []]);
    }
    expect(refused.length).toBeLessThan(entries.length / 20);
  });
});

describe('dmarc-lens parse --format splunk', () => {
  it('writes one dmarc:aggregate event per record, as parsedmarc sends them', async () => {
    const { lines } = await parse('--format', 'splunk', rfc9990);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      sourcetype: 'dmarc:aggregate',
      time: 1700000000,
      event: {
        org_name: 'example.net',
        org_email: 'postmaster@example.net',
        org_extra_contact_info: null,
        report_id: 'dmarcbis-test-report-001',
        begin_date: '2023-11-14 22:13:20',
        end_date: '2023-11-15 22:13:19',
        timespan_requires_normalization: false,
        original_timespan_seconds: 86399,
        errors: [],
        interval_begin: '2023-11-14 22:13:20',
        interval_end: '2023-11-15 22:13:19',
        normalized_timespan: false,
        published_policy: {
          domain: 'example.com',
          adkim: 's',
          aspf: 's',
          p: 'reject',
          sp: 'quarantine',
          pct: '100',
          fo: '1',
        },
        source_ip_address: '198.51.100.1',
        source_country: null,
        source_reverse_dns: null,
        source_base_domain: null,
        source_type: null,
        source_name: null,
        source_asn: null,
        source_as_name: null,
        source_as_domain: null,
        message_count: 5,
        disposition: 'none',
        spf_aligned: true,
        dkim_aligned: true,
        passed_dmarc: true,
        header_from: 'example.com',
        envelope_from: 'example.com',
        dkim_results: [{ domain: 'example.com', selector: 'selector1', result: 'pass' }],
        spf_results: [{ domain: 'example.com', scope: 'mfrom', result: 'pass' }],
      },
    });
  });

  it('times a split record’s events at the start of each day and a TLS report at its begin date', async () => {
    const { lines } = await parse('--format', 'splunk', upperCasedPass, smtpTls);
    expect(lines.map((l) => [l.sourcetype, l.time])).toEqual([
      ['dmarc:aggregate', 1574985600],
      ['smtp:tls', 1704758400],
    ]);
    expect(lines[0]!.event).toMatchObject({
      interval_begin: '2019-11-29 00:00:00',
      interval_end: '2019-11-30 00:00:00',
      normalized_timespan: true,
      message_count: 1,
    });
    expect(lines[1]!.event).toMatchObject({
      organization_name: 'Example Inc.',
      report_id: '2024-01-09T00:00:00Z_example.com',
    });
  });
});

describe('dmarc-lens parse --format parsedmarc-csv', () => {
  async function csv(...files: string[]): Promise<{ text: string; err: string[] }> {
    let text = '';
    const err: string[] = [];
    const io: CliIo = {
      out: { closed: false, write: (t) => void (text += t), ready: () => Promise.resolve() },
      err: (line) => void err.push(line),
    };
    await main(['parse', '--format', 'parsedmarc-csv', ...files], io);
    return { text, err };
  }

  it('writes parsedmarc’s columns in its order and a row per record, worked out from the XML', async () => {
    const { text, err } = await csv(rfc9990, smtpTls);
    expect(text.split('\r\n')).toEqual([
      'xml_schema,org_name,org_email,org_extra_contact_info,report_id,begin_date,end_date,normalized_timespan,errors,' +
        'domain,adkim,aspf,p,sp,np,pct,fo,testing,discovery_method,source_ip_address,source_country,source_reverse_dns,' +
        'source_base_domain,source_name,source_type,source_asn,source_as_name,source_as_domain,count,spf_aligned,' +
        'dkim_aligned,dmarc_aligned,disposition,policy_override_reasons,policy_override_comments,envelope_from,' +
        'header_from,envelope_to,dkim_domains,dkim_selectors,dkim_results,spf_domains,spf_scopes,spf_results',
      '2.0,example.net,postmaster@example.net,,dmarcbis-test-report-001,2023-11-14 22:13:20,2023-11-15 22:13:19,' +
        'False,,example.com,s,s,reject,quarantine,reject,100,1,y,treewalk,198.51.100.1,,,,,,,,,5,True,True,True,none,' +
        ',,example.com,example.com,,example.com,selector1,pass,example.com,mfrom,pass',
      '2.0,example.net,postmaster@example.net,,dmarcbis-test-report-001,2023-11-14 22:13:20,2023-11-15 22:13:19,' +
        'False,,example.com,s,s,reject,quarantine,reject,100,1,y,treewalk,203.0.113.10,,,,,,,,,2,False,False,False,' +
        'reject,other,sender not authorized,spoofed.example.com,example.com,,,,,spoofed.example.com,mfrom,fail',
      '',
    ]);
    expect(err).toEqual([`${smtpTls}: SMTP TLS report is not written as --format parsedmarc-csv; add --tls-csv FILE`]);
  });

  it('writes a report longer than a day as rows of its days', async () => {
    const { text } = await csv(upperCasedPass);
    const [, row] = text.split('\r\n');
    expect(row).toBe(
      'draft,example.com,postmaster@example.com,,aggr_report_example.com_20191202_1638,2019-11-29 00:00:00,' +
        '2019-11-30 00:00:00,True,,example.com,r,r,reject,reject,,100,0,,,23.104.41.189,,,,,,,,,1,True,True,True,none,' +
        ',,,example.com,,example.com,none,pass,example.com,mfrom,pass',
    );
  });
});
