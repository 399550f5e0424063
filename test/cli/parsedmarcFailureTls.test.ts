// Failure and SMTP TLS reports in every parsedmarc-shaped output: parsedmarc's failure and TLS CSVs (--failure-csv,
// --tls-csv beside --format parsedmarc-csv), the dmarc_failure documents of --format es and the dmarc:failure events of
// --format splunk. Expected values are read off the report emails and JSON files by hand (the comments say where).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../cli/main';
import { elasticFailureLines, elasticTlsLines, splunkFailureLine, splunkTlsLine } from '../../cli/outputs/dashboards';
import { parsedmarcFailureCsvRow, parsedmarcTlsCsvRows } from '../../core/report/parsedmarcCsv';
import type { FailureReport, TlsReport } from '../../core/report/types';
import { FIXTURE_REPORTS, readManifest, SHARED_CORPUS } from '../corpus/readManifest';

type Json = Record<string, unknown>;

const fixture = (path: string) => `${FIXTURE_REPORTS}domainaware__parsedmarc/${path}`;
/** Arrival-Date: Mon, 01 Oct 2018 11:20:27 +0200; Delivery-Result: smg-policy-action; the sample is message/rfc822. */
const sharepoint = fixture('DMARC Failure Report for domain.de (mail-from=sharepoint@domain.de, ip=10.10.10.10).eml');
/** Original-Mail-From is empty; Delivery-Result: delivered; the sample From is `Sender <sender@example.com>`. */
const linkedin = fixture('dmarc_ruf_report_linkedin.eml');
/** Exim's plain-text report: no feedback-report part, Identity-Alignment: dkim, spf. */
const exim = fixture('exim_plain_text_only_no_arf_part.eml');
/** One sts policy with two validation-failure details (2 and 1 sessions). */
const smtpTls = fixture('smtp_tls.json');
/** RFC 8460's example: one sts policy, 5326 successful and 303 failed sessions, three failure details. */
const rfc8460 = fixture('rfc8460.json');

const dir = mkdtempSync(join(tmpdir(), 'dmarc-lens-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ out: string; err: string[]; code: number }> {
  let out = '';
  const err: string[] = [];
  const io: CliIo = {
    out: { closed: false, write: (t) => void (out += t), ready: () => Promise.resolve() },
    err: (line) => void err.push(line),
  };
  const code = await main(['parse', ...args], io);
  return { out, err, code };
}

const jsonLines = (text: string): Json[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Json);

describe('--format parsedmarc-csv --failure-csv / --tls-csv', () => {
  it('writes parsedmarc’s failure CSV, its columns in its order, a row per report', async () => {
    const failureCsv = join(dir, 'failure.csv');
    const { out, err, code } = await run(
      '--format',
      'parsedmarc-csv',
      '--failure-csv',
      failureCsv,
      sharepoint,
      linkedin,
    );
    expect(code).toBe(0);
    // Only the aggregate CSV's header: neither file holds an aggregate report.
    expect(out.split('\r\n')).toHaveLength(2);
    expect(err).toEqual([]);
    expect(readFileSync(failureCsv, 'utf8').split('\r\n')).toEqual([
      'feedback_type,user_agent,version,original_envelope_id,original_mail_from,original_rcpt_to,arrival_date,' +
        'arrival_date_utc,subject,message_id,authentication_results,dkim_domain,source_ip_address,source_country,' +
        'source_reverse_dns,source_base_domain,source_name,source_type,source_asn,source_as_name,source_as_domain,' +
        'delivery_result,auth_failure,reported_domain,authentication_mechanisms,sample_headers_only',
      // 11:20:27 +0200 is 09:20:27 UTC; smg-policy-action holds parsedmarc's word "policy"; no Identity-Alignment;
      // both carry the whole failed message (message/rfc822), so sample_headers_only is False.
      'auth-failure,Lua/1.0,1.0,,sharepoint@domain.de,peter.pan@domain.de,"Mon, 01 Oct 2018 11:20:27 +0200",' +
        '2018-10-01 09:20:27,Subject,<38.E7.30937.BD6E1BB5@ mailrelay.de>,' +
        '"dmarc=fail (p=none, dis=none) header.from=domain.de",,10.10.10.10,,,,,,,,,policy,dmarc,domain.de,,False',
      'auth-failure,Lua/1.0,1.0,,,recipient@linkedin.com,"Tue, 30 Apr 2019 02:09:00 +0000",2019-04-30 02:09:00,' +
        '"Subject line, could be UTF8 encoded",<01010101010101010101010101010101@ABAB01MS0016.someserver.loc>,' +
        'dmarc=fail (p=none; dis=none) header.from=example.com,,10.10.10.10,,,,,,,,,delivered,dmarc,example.com,,False',
      '',
    ]);
  });

  it('writes parsedmarc’s SMTP TLS CSV: a row per policy with its totals, then one per failure detail', async () => {
    const tlsCsv = join(dir, 'tls.csv');
    const { code, err } = await run('--format', 'parsedmarc-csv', '--tls-csv', tlsCsv, smtpTls, rfc8460);
    expect(code).toBe(0);
    expect(err).toEqual([`${rfc8460}: policies[0].policy: mx-host is a string, not a list; read as a one-item list`]);
    const strings = 'version: STSv1|mode: testing|mx: example.com|max_age: 86400';
    const rfcStrings = 'version: STSv1|mode: testing|mx: *.mail.company-y.example|max_age: 86400';
    const company = 'Company-X,2016-04-01T00:00:00Z,2016-04-01T23:59:59Z,5065427c-23d3-47ca-b6e0-946ea0e8c4be';
    expect(readFileSync(tlsCsv, 'utf8').split('\r\n')).toEqual([
      'organization_name,begin_date,end_date,report_id,result_type,successful_session_count,failed_session_count,' +
        'policy_domain,policy_type,policy_strings,mx_host_patterns,sending_mta_ip,receiving_ip,receiving_mx_hostname,' +
        'receiving_mx_helo,additional_info_uri,failure_reason_code',
      `Example Inc.,2024-01-09T00:00:00Z,2024-01-09T23:59:59Z,2024-01-09T00:00:00Z_example.com,,0,3,example.com,sts,${strings},,,,,,,`,
      `Example Inc.,2024-01-09T00:00:00Z,2024-01-09T23:59:59Z,2024-01-09T00:00:00Z_example.com,validation-failure,,2,example.com,sts,${strings},,209.85.222.201,173.212.201.41,example.com,,,`,
      `Example Inc.,2024-01-09T00:00:00Z,2024-01-09T23:59:59Z,2024-01-09T00:00:00Z_example.com,validation-failure,,1,example.com,sts,${strings},,209.85.208.176,173.212.201.41,example.com,,,`,
      `${company},,5326,303,company-y.example,sts,${rfcStrings},*.mail.company-y.example,,,,,,`,
      `${company},certificate-expired,,100,company-y.example,sts,${rfcStrings},*.mail.company-y.example,2001:db8:abcd:0012::1,,mx1.mail.company-y.example,,,`,
      `${company},starttls-not-supported,,200,company-y.example,sts,${rfcStrings},*.mail.company-y.example,2001:db8:abcd:0013::1,203.0.113.56,mx2.mail.company-y.example,,https://reports.company-x.example/report_info?id=5065427c-23d3#StarttlsNotSupported,`,
      `${company},validation-failure,,3,company-y.example,sts,${rfcStrings},*.mail.company-y.example,198.51.100.62,203.0.113.58,mx-backup.mail.company-y.example,,,X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED`,
      '',
    ]);
  });

  it('names the option that would write a failure or TLS report when it is not given', async () => {
    const { err } = await run('--format', 'parsedmarc-csv', sharepoint, smtpTls);
    expect(err).toEqual([
      `${sharepoint}: failure report is not written as --format parsedmarc-csv; add --failure-csv FILE`,
      `${smtpTls}: SMTP TLS report is not written as --format parsedmarc-csv; add --tls-csv FILE`,
    ]);
  });

  it('refuses --failure-csv and --tls-csv with another format, and a file that cannot be made', async () => {
    const other = await run('--format', 'json', '--tls-csv', join(dir, 'x.csv'), smtpTls);
    expect([other.code, other.err[0]?.split('\n')[0]]).toEqual([
      2,
      '--failure-csv and --tls-csv go with --format parsedmarc-csv',
    ]);
    const missing = join(dir, 'no-such-folder', 'f.csv');
    const unwritable = await run('--format', 'parsedmarc-csv', '--failure-csv', missing, sharepoint);
    expect([unwritable.code, unwritable.out, unwritable.err]).toEqual([
      2,
      '',
      [`${missing}: cannot be written (ENOENT)`],
    ]);
  });
});

describe('--format es: failure reports', () => {
  it('writes parsedmarc’s failure document in dmarc_failure-<arrival day>, field by field', async () => {
    const { out, err } = await run('--format', 'es', sharepoint);
    expect(err).toEqual([]);
    const [action, doc] = jsonLines(out) as [{ index: { _index: string; _id: string } }, Json];
    expect(action.index._index).toBe('dmarc_failure-2018-10-01');
    expect(action.index._id).toMatch(/^[0-9a-f]{40}$/);
    expect(doc).toEqual({
      feedback_type: 'auth-failure',
      user_agent: 'Lua/1.0',
      version: '1.0',
      original_mail_from: 'sharepoint@domain.de',
      // 2018-10-01 09:20:27 UTC in milliseconds.
      arrival_date: 1538385627000,
      domain: 'domain.de',
      original_envelope_id: null,
      authentication_results: 'dmarc=fail (p=none, dis=none) header.from=domain.de',
      delivery_results: 'policy',
      source_ip_address: '10.10.10.10',
      source_country: null,
      source_reverse_dns: null,
      source_base_domain: null,
      source_asn: null,
      source_as_name: null,
      source_as_domain: null,
      authentication_mechanisms: [],
      auth_failure: ['dmarc'],
      dkim_domain: null,
      original_rcpt_to: 'peter.pan@domain.de',
      sample: {
        raw: null,
        headers: {
          received:
            'from Servernameone.domain.local (Servernameone.domain.local [10.10.10.10]) by  mailrelay.de ' +
            '(mail.DOMAIN.de) with SMTP id 38.E7.30937.BD6E1BB5; Mon,  1 Oct 2018 11:20:27 +0200 (CEST)',
          date: '01 Oct 2018 11:20:27 +0200',
          'message-id': '<38.E7.30937.BD6E1BB5@ mailrelay.de>',
          // From and To flattened as parsedmarc does: `Name <address>`, or the bare address; the name's
          // encoded word (UTF-8 base64) decoded.
          to: 'peter.pan@domain.de',
          from: 'Interaktive Wettbewerber-Übersicht <sharepoint@domain.de>',
          subject: 'Subject',
          'mime-version': '1.0',
          'x-mailer': 'Microsoft SharePoint Foundation 2010',
          'content-type': 'text/html; charset=utf-8',
          'content-transfer-encoding': 'quoted-printable',
        },
        // The sample is a message/rfc822 part, as parsedmarc's own output for this file says (false).
        headers_only: false,
        date: '2018-10-01T09:20:27+00:00',
        subject: 'Subject',
        filename_safe_subject: 'Subject',
        body: null,
        to: [{ display_name: null, address: 'peter.pan@domain.de' }],
        reply_to: [],
        cc: [],
        bcc: [],
        attachments: [],
      },
    });
  });

  it('reads Exim’s plain-text report’s Identity-Alignment into authentication_mechanisms', async () => {
    const [action, doc] = jsonLines((await run('--format', 'es', exim)).out) as [
      { index: { _index: string } },
      Json & { sample: Json },
    ];
    // Arrival-Date Mon, 07 Apr 2025 23:16:09 +0200 is 21:16:09 UTC, still Apr 7.
    expect(action.index._index).toBe('dmarc_failure-2025-04-07');
    expect(doc).toMatchObject({
      arrival_date: 1744060569000,
      domain: 'example.com',
      delivery_results: 'other',
      source_ip_address: '203.0.113.68',
      authentication_mechanisms: ['dkim', 'spf'],
      auth_failure: ['dmarc'],
    });
    // Date: Mon, 7 Apr 2025 10:10:06 -0600; the trailing dot of the subject is not in the safe one.
    expect(doc.sample).toMatchObject({
      date: '2025-04-07T16:10:06+00:00',
      subject: 'Payment from your account.',
      filename_safe_subject: 'Payment from your account',
    });
  });
});

describe('--format splunk: failure reports', () => {
  it('sends a dmarc:failure event timed at the arrival date, with parsedmarc’s failure report as the event', async () => {
    const [event] = jsonLines((await run('--format', 'splunk', linkedin)).out);
    expect(event).toMatchObject({ sourcetype: 'dmarc:failure', time: 1556590140 });
    expect(event!.event).toMatchObject({
      feedback_type: 'auth-failure',
      original_mail_from: null,
      original_rcpt_to: 'recipient@linkedin.com',
      arrival_date_utc: '2019-04-30 02:09:00',
      message_id: '<01010101010101010101010101010101@ABAB01MS0016.someserver.loc>',
      delivery_result: 'delivered',
      auth_failure: ['dmarc'],
      authentication_mechanisms: [],
      reported_domain: 'example.com',
      source: { ip_address: '10.10.10.10' },
      parsed_sample: {
        from: { display_name: 'Sender', address: 'sender@example.com', local: 'sender', domain: 'example.com' },
        to: [
          { display_name: 'LinkedIn', address: 'recipient@linkedin.com', local: 'recipient', domain: 'linkedin.com' },
        ],
        subject: 'Subject line, could be UTF8 encoded',
      },
    });
  });
});

describe('--format splunk: SMTP TLS reports', () => {
  it('sends parsedmarc’s SMTP TLS report as its documentation shows it for this sample, with contact_info', async () => {
    const [event] = jsonLines((await run('--format', 'splunk', smtpTls)).out);
    // parsedmarc's docs/source/output.md, "JSON SMTP TLS report", is this file parsed; its parser also keeps
    // contact-info, which the sample there leaves out.
    expect(event).toEqual({
      sourcetype: 'smtp:tls',
      time: 1704758400,
      event: {
        organization_name: 'Example Inc.',
        begin_date: '2024-01-09T00:00:00Z',
        end_date: '2024-01-09T23:59:59Z',
        contact_info: 'smtp-tls-reporting@example.com',
        report_id: '2024-01-09T00:00:00Z_example.com',
        policies: [
          {
            policy_domain: 'example.com',
            policy_type: 'sts',
            policy_strings: ['version: STSv1', 'mode: testing', 'mx: example.com', 'max_age: 86400'],
            successful_session_count: 0,
            failed_session_count: 3,
            failure_details: [
              {
                result_type: 'validation-failure',
                failed_session_count: 2,
                sending_mta_ip: '209.85.222.201',
                receiving_ip: '173.212.201.41',
                receiving_mx_hostname: 'example.com',
              },
              {
                result_type: 'validation-failure',
                failed_session_count: 1,
                sending_mta_ip: '209.85.208.176',
                receiving_ip: '173.212.201.41',
                receiving_mx_hostname: 'example.com',
              },
            ],
          },
        ],
      },
    });
  });
});

describe('every failure and TLS report of the corpus', () => {
  const manifest = readManifest(`${SHARED_CORPUS}MANIFEST.tsv`);
  const root = manifest.length > 0 ? SHARED_CORPUS : FIXTURE_REPORTS;
  const entries = (manifest.length > 0 ? manifest : readManifest(`${FIXTURE_REPORTS}PROVENANCE.tsv`)).filter(
    (e) => e.reportType === 'failure' || e.reportType === 'failure(no-ARF-part)' || e.reportType === 'smtp-tls',
  );

  it('is written by es and by the CSVs, each under its own id, none said to be left out', async () => {
    expect(entries.length).toBeGreaterThan(8);
    const files = entries.map((e) => root + e.relativePath);
    const es = await run('--format', 'es', ...files);
    expect(es.err.filter((line) => line.includes('not written'))).toEqual([]);
    const lines = jsonLines(es.out);
    const actions = lines.filter((_, i) => i % 2 === 0) as Array<{ index: { _index: string; _id: string } }>;
    const failures = entries.filter((e) => e.reportType !== 'smtp-tls').length;
    expect(actions.filter((a) => a.index._index.startsWith('dmarc_failure-'))).toHaveLength(failures);
    expect(actions.filter((a) => a.index._index.startsWith('smtp_tls-'))).toHaveLength(entries.length - failures);
    // Some reports are in the corpus twice (an email and its attachment saved alone, LF and CRLF copies, RFC 8460's
    // example copied with its spacing): what parsedmarc takes for the same report gets the same id, so indexing both
    // leaves one document; any other shared id would overwrite a different report.
    const identity = (doc: Json & { sample?: { headers?: Json; subject?: unknown } | null }) =>
      JSON.stringify(
        'org_name' in doc
          ? [doc.org_name, doc.report_id, doc.date_begin, doc.date_end]
          : [doc.arrival_date, doc.sample?.headers?.['from'], doc.sample?.headers?.['to'], doc.sample?.subject],
      );
    const byId = new Map<string, string>();
    actions.forEach((action, i) => {
      const same = identity(lines[2 * i + 1]!);
      expect(byId.get(action.index._id) ?? same).toBe(same);
      byId.set(action.index._id, same);
    });
    expect(byId.size).toBe(new Set(lines.filter((_, i) => i % 2 === 1).map(identity)).size);
    const failureCsv = join(dir, 'corpus-failure.csv');
    const tlsCsv = join(dir, 'corpus-tls.csv');
    const csv = await run('--format', 'parsedmarc-csv', '--failure-csv', failureCsv, '--tls-csv', tlsCsv, ...files);
    expect(csv.err.filter((line) => line.includes('not written'))).toEqual([]);
    expect(readFileSync(failureCsv, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(failures + 1);
  });
});

describe('any failure or TLS report a type allows', () => {
  // Text with quotes, commas, line breaks, angle brackets, lone surrogates; numbers no date holds.
  const text = fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '<', '>', '@', '=', '\ud800', ' ', '-') });
  const number = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, 1e20, -1));
  // Optional fields are left out rather than undefined, as a parsed or restored report has them.
  const failure: fc.Arbitrary<FailureReport> = fc
    .record(
      {
        feedbackType: text,
        authFailure: text,
        identityAlignment: text,
        deliveryResult: text,
        sourceIp: text,
        arrivalTime: number,
        original: fc.record(
          {
            from: text,
            to: text,
            subject: text,
            date: text,
            headers: fc.array(fc.tuple(text, text), { maxLength: 3 }),
          },
          { requiredKeys: ['headers'] },
        ),
        fields: fc.array(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'source-ip', 'x'), text), {
          maxLength: 3,
        }),
      },
      { requiredKeys: ['feedbackType', 'fields'] },
    )
    .map((r) => ({ kind: 'failure' as const, format: 'arf' as const, ...r }));
  const tls: fc.Arbitrary<TlsReport> = fc.record({
    kind: fc.constant('tls' as const),
    organizationName: text,
    reportId: text,
    begin: number,
    end: number,
    policies: fc.array(
      fc.record({
        policyType: text,
        policyString: fc.array(text, { maxLength: 2 }),
        policyDomain: text,
        mxHost: fc.array(text, { maxLength: 2 }),
        successfulSessions: number,
        failedSessions: number,
        failureDetails: fc.array(fc.record({ resultType: text, failedSessionCount: number }), { maxLength: 2 }),
      }),
      { maxLength: 2 },
    ),
  });
  /** Rows of RFC 4180 CSV: line breaks only inside quoted cells, every row ending in CRLF. */
  const rowsOf = (csv: string) => csv.replace(/"(?:[^"]|"")*"/g, 'Q').split('\r\n');

  it('is written without throwing, as JSON that parses and CSV rows of the right width', () => {
    fc.assert(
      fc.property(failure, tls, (f, t) => {
        for (const line of [elasticFailureLines(f), splunkFailureLine(f), elasticTlsLines(t), splunkTlsLine(t)])
          for (const json of line.split('\n').filter(Boolean)) expect(() => JSON.parse(json) as unknown).not.toThrow();
        const failureRows = rowsOf(parsedmarcFailureCsvRow(f));
        expect(failureRows.at(-1)).toBe('');
        expect(failureRows.slice(0, -1).map((row) => row.split(',').length)).toEqual([26]);
        for (const row of rowsOf(parsedmarcTlsCsvRows(t)).slice(0, -1)) expect(row.split(',')).toHaveLength(17);
      }),
    );
  });
});
