import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { gunzipSync } from 'fflate';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { parseTlsReport, type TlsParseOutcome } from '../../../core/report/parseTlsReport';
import type { TlsReport } from '../../../core/report/types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/reports');

/** The JSON text of a fixture; for .eml files, the (gzipped) application/tlsrpt attachment, as the unpacker does. */
async function tlsText(relativePath: string): Promise<string> {
  const bytes = readFileSync(join(FIXTURES, relativePath));
  if (!relativePath.endsWith('.eml')) return new TextDecoder().decode(bytes);
  const email = await PostalMime.parse(bytes);
  const part = email.attachments.find((a) => a.mimeType.startsWith('application/tlsrpt'));
  if (!part) throw new Error(`${relativePath}: no application/tlsrpt attachment`);
  let content = new Uint8Array(part.content as ArrayBuffer);
  if (content[0] === 0x1f && content[1] === 0x8b) content = gunzipSync(content);
  return new TextDecoder().decode(content);
}

function expectOk(outcome: TlsParseOutcome): { report: TlsReport; warnings: string[] } {
  if (!outcome.ok) throw new Error(`expected a report, got: ${outcome.reason}`);
  return outcome;
}

interface ExpectedPolicy {
  type: string;
  domain: string;
  ok: number;
  fail: number;
  mxHost: string[];
  policyStrings: number;
  details: Array<[resultType: string, count: number]>;
}
interface Expected {
  org: string;
  reportId: string;
  contact?: string;
  begin: string;
  end: string;
  policies: ExpectedPolicy[];
  warnings: RegExp[];
}

const RFC_EXAMPLE_POLICY: ExpectedPolicy = {
  type: 'sts',
  domain: 'company-y.example',
  ok: 5326,
  fail: 303,
  mxHost: ['*.mail.company-y.example'],
  policyStrings: 4,
  details: [
    ['certificate-expired', 100],
    ['starttls-not-supported', 200],
    ['validation-failure', 3],
  ],
};
const RFC_EXAMPLE = {
  org: 'Company-X',
  reportId: '5065427c-23d3-47ca-b6e0-946ea0e8c4be',
  contact: 'sts-reporting@company-x.example',
  begin: '2016-04-01T00:00:00Z',
  end: '2016-04-01T23:59:59Z',
  policies: [RFC_EXAMPLE_POLICY],
};
const RPT02: Omit<Expected, 'warnings'> = {
  org: 'Google Inc.',
  reportId: '2020-01-01T00:00:00Z_example.com',
  contact: 'smtp-tls-reporting@google.com',
  begin: '2020-01-01T00:00:00Z',
  end: '2020-01-07T23:59:59Z',
  policies: [
    {
      type: 'sts',
      domain: 'example.com',
      ok: 23,
      fail: 1,
      mxHost: [],
      policyStrings: 4,
      details: [['certificate-host-mismatch', 1]],
    },
  ],
};

// Every TLS report among the MIT/Apache/BSD fixtures (MANIFEST report_type smtp-tls).
const CASES: Record<string, Expected> = {
  'domainaware__parsedmarc/mail.ru.json': {
    org: 'Mail.ru',
    reportId: 'b28254de-7b2e-be36-bb5c-4c3b92da8b25@mail.ru',
    contact: 'tls_support@corp.mail.ru',
    begin: '2024-02-22T00:00:00Z',
    end: '2024-02-23T00:00:00Z',
    policies: [
      {
        type: 'sts',
        domain: 'example.com',
        ok: 0,
        fail: 1,
        mxHost: [],
        policyStrings: 0,
        details: [
          ['sts-policy-fetch-error', 1],
          ['sts-policy-fetch-error', 1],
        ],
      },
    ],
    warnings: [
      /policy-string missing for a "sts" policy/,
      /failure-details add up to 2 failed sessions but summary says 1/,
    ],
  },
  'domainaware__parsedmarc/rfc8460.json': {
    ...RFC_EXAMPLE,
    // RFC 8460's own example writes mx-host as a string.
    warnings: [/mx-host is a string, not a list/],
  },
  'domainaware__parsedmarc/smtp_tls.json': {
    org: 'Example Inc.',
    reportId: '2024-01-09T00:00:00Z_example.com',
    contact: 'smtp-tls-reporting@example.com',
    begin: '2024-01-09T00:00:00Z',
    end: '2024-01-09T23:59:59Z',
    policies: [
      {
        type: 'sts',
        domain: 'example.com',
        ok: 0,
        fail: 3,
        mxHost: [],
        policyStrings: 4,
        details: [
          ['validation-failure', 2],
          ['validation-failure', 1],
        ],
      },
    ],
    warnings: [],
  },
  'domainaware__parsedmarc/google.com_smtp_tls_report.eml': {
    org: 'Google Inc.',
    reportId: '2024-09-03T00:00:00Z_cardinalhealth.ca',
    contact: 'smtp-tls-reporting@google.com',
    begin: '2024-09-03T00:00:00Z',
    end: '2024-09-03T23:59:59Z',
    policies: [
      {
        type: 'no-policy-found',
        domain: 'cardinalhealth.ca',
        ok: 48,
        fail: 0,
        mxHost: [],
        policyStrings: 0,
        details: [],
      },
    ],
    warnings: [],
  },
  'cry-inc__dmarc-report-viewer/google.json': {
    org: 'Google Inc.',
    reportId: '2025-05-22T00:00:00Z_foo-bar.io',
    contact: 'smtp-tls-reporting@google.com',
    begin: '2025-05-22T00:00:00Z',
    end: '2025-05-22T23:59:59Z',
    policies: [
      { type: 'sts', domain: 'foo-bar.io', ok: 1, fail: 0, mxHost: ['*.foo-bar.io'], policyStrings: 4, details: [] },
    ],
    warnings: [],
  },
  'cry-inc__dmarc-report-viewer/microsoft.json': {
    org: 'Microsoft Corporation',
    reportId: '133925885310113267+random.net',
    contact: 'tlsrpt-noreply@microsoft.com',
    begin: '2025-05-23T00:00:00Z',
    end: '2025-05-23T23:59:59Z',
    policies: [
      { type: 'sts', domain: 'random.net', ok: 2, fail: 0, mxHost: [], policyStrings: 4, details: [] },
      // Microsoft puts all TLSA records into one JSON-encoded string.
      { type: 'tlsa', domain: 'random.net', ok: 2, fail: 0, mxHost: [], policyStrings: 1, details: [] },
    ],
    warnings: [],
  },
  'cry-inc__dmarc-report-viewer/no-contact.json': {
    org: 'server.com',
    reportId: '123_456',
    begin: '2026-01-11T00:00:00Z',
    end: '2026-01-12T00:00:00Z',
    policies: [
      { type: 'sts', domain: 'server.com', ok: 1, fail: 0, mxHost: ['mx.server.com'], policyStrings: 4, details: [] },
    ],
    warnings: [/contact-info missing/, /mx-host "mx: mx.server.com" carries the policy's "mx:" prefix/],
  },
  'cry-inc__dmarc-report-viewer/no-policy.json': {
    org: 'Google Inc.',
    reportId: '2025-03-27T00:00:00Z_foo-bar.io',
    contact: 'smtp-tls-reporting@google.com',
    begin: '2025-03-27T00:00:00Z',
    end: '2025-03-27T23:59:59Z',
    policies: [
      { type: 'no-policy-found', domain: 'foo-bar.io', ok: 1, fail: 0, mxHost: [], policyStrings: 0, details: [] },
    ],
    warnings: [],
  },
  'cry-inc__dmarc-report-viewer/rfc-example.json': { ...RFC_EXAMPLE, warnings: [] },
  'stalwartlabs__mail-auth/rpt01.eml': { ...RFC_EXAMPLE, warnings: [] },
  'stalwartlabs__mail-auth/rpt02.json': { ...RPT02, warnings: [] },
  'stalwartlabs__mail-auth/rpt02.eml': { ...RPT02, warnings: [] },
  'mjl-__mox/example.eml': {
    org: 'Google Inc.',
    reportId: '2022-09-15T00:00:00Z_test.xmox.nl',
    contact: 'smtp-tls-reporting@google.com',
    begin: '2022-09-15T00:00:00Z',
    end: '2022-09-15T23:59:59Z',
    policies: [
      {
        type: 'sts',
        domain: 'test.xmox.nl',
        ok: 3,
        fail: 0,
        mxHost: ['komijn.test.xmox.nl'],
        policyStrings: 4,
        details: [],
      },
    ],
    warnings: [],
  },
  'mjl-__mox/microsoft.eml': {
    org: 'Microsoft Corporation',
    reportId: '133198585438131172+test.xmox.nl',
    contact: 'tlsrpt-noreply@microsoft.com',
    begin: '2023-01-10T00:00:00Z',
    end: '2023-01-10T23:59:59Z',
    policies: [{ type: 'sts', domain: 'test.xmox.nl', ok: 2, fail: 0, mxHost: [], policyStrings: 4, details: [] }],
    // Microsoft (2023) wrote date-times without a zone.
    warnings: [
      /start-datetime "2023-01-10T00:00:00" has no time zone/,
      /end-datetime "2023-01-10T23:59:59" has no time zone/,
    ],
  },
  'isseis__tlsrpt-digest/tlsrpt_failure.eml': {
    org: 'Google Inc.',
    reportId: '2026-02-08T00:00:00Z_example.com',
    contact: 'smtp-tls-reporting@google.com',
    begin: '2026-02-08T00:00:00Z',
    end: '2026-02-09T00:00:00Z',
    policies: [
      {
        type: 'sts',
        domain: 'example.com',
        ok: 4523,
        fail: 2,
        mxHost: [],
        policyStrings: 4,
        details: [['certificate-expired', 2]],
      },
    ],
    warnings: [],
  },
  'isseis__tlsrpt-digest/tlsrpt_success_google_1.eml': {
    org: 'Google Inc.',
    reportId: '2026-05-11T00:00:00Z_example.com',
    contact: 'smtp-tls-reporting@google.com',
    begin: '2026-05-11T00:00:00Z',
    end: '2026-05-11T23:59:59Z',
    policies: [
      {
        type: 'sts',
        domain: 'example.com',
        ok: 1,
        fail: 0,
        mxHost: ['in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com'],
        policyStrings: 5,
        details: [],
      },
    ],
    warnings: [],
  },
};

const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('parseTlsReport on every TLS fixture', () => {
  for (const [file, want] of Object.entries(CASES)) {
    it(file, async () => {
      const { report, warnings } = expectOk(parseTlsReport(await tlsText(file)));
      expect(report.kind).toBe('tls');
      expect(report.organizationName).toBe(want.org);
      expect(report.reportId).toBe(want.reportId);
      expect(report.contactInfo).toBe(want.contact);
      expect(report.begin).toBe(seconds(want.begin));
      expect(report.end).toBe(seconds(want.end));
      expect(
        report.policies.map((p) => ({
          type: p.policyType,
          domain: p.policyDomain,
          ok: p.successfulSessions,
          fail: p.failedSessions,
          mxHost: p.mxHost,
          policyStrings: p.policyString.length,
          details: p.failureDetails.map((d): [string, number] => [d.resultType, d.failedSessionCount]),
        })),
      ).toEqual(want.policies);
      expect(warnings).toEqual(want.warnings.map((re): unknown => expect.stringMatching(re)));
    });
  }

  it('agrees with the ground truth in PROVENANCE.tsv for every smtp-tls fixture', async () => {
    const rows = readFileSync(join(FIXTURES, 'PROVENANCE.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .filter((cols) => cols[11] === 'smtp-tls');
    expect(rows.map((r) => r[0]).sort()).toEqual(Object.keys(CASES).sort());
    for (const cols of rows) {
      const file = cols[0] ?? '';
      const m = /TLS-RPT policies=(\d+) sessions=(\d+) ok\/(\d+) fail/.exec(cols[8] ?? '');
      expect(m, file).not.toBeNull();
      const { report } = expectOk(parseTlsReport(await tlsText(file)));
      const ok = report.policies.reduce((s, p) => s + p.successfulSessions, 0);
      const fail = report.policies.reduce((s, p) => s + p.failedSessions, 0);
      expect([report.policies.length, ok, fail], file).toEqual([Number(m?.[1]), Number(m?.[2]), Number(m?.[3])]);
    }
  });

  it('keeps every failure-details field of the RFC 8460 §4.5 example', async () => {
    const { report } = expectOk(parseTlsReport(await tlsText('cry-inc__dmarc-report-viewer/rfc-example.json')));
    expect(report.policies[0]?.policyString).toEqual([
      'version: STSv1',
      'mode: testing',
      'mx: *.mail.company-y.example',
      'max_age: 86400',
    ]);
    expect(report.policies[0]?.failureDetails).toEqual([
      {
        resultType: 'certificate-expired',
        sendingMtaIp: '2001:db8:abcd:0012::1',
        receivingMxHostname: 'mx1.mail.company-y.example',
        failedSessionCount: 100,
      },
      {
        resultType: 'starttls-not-supported',
        sendingMtaIp: '2001:db8:abcd:0013::1',
        receivingMxHostname: 'mx2.mail.company-y.example',
        receivingIp: '203.0.113.56',
        failedSessionCount: 200,
        additionalInformation: 'https://reports.company-x.example/report_info?id=5065427c-23d3#StarttlsNotSupported',
      },
      {
        resultType: 'validation-failure',
        sendingMtaIp: '198.51.100.62',
        receivingIp: '203.0.113.58',
        receivingMxHostname: 'mx-backup.mail.company-y.example',
        failedSessionCount: 3,
        failureReasonCode: 'X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED',
      },
    ]);
  });

  it('reads failure reason codes (Mail.ru) and sending IPs (Google)', async () => {
    const mailru = expectOk(parseTlsReport(await tlsText('domainaware__parsedmarc/mail.ru.json'))).report;
    expect(mailru.policies[0]?.failureDetails.map((d) => d.failureReasonCode)).toEqual([
      'bad https response code: 404',
      'bad https response code: 500',
    ]);
    const google = expectOk(parseTlsReport(await tlsText('isseis__tlsrpt-digest/tlsrpt_failure.eml'))).report;
    expect(google.policies[0]?.failureDetails).toEqual([
      {
        resultType: 'certificate-expired',
        sendingMtaIp: '192.0.2.1',
        receivingMxHostname: 'mail.example.com',
        failedSessionCount: 2,
      },
    ]);
  });
});

const minimal = (policies: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    'organization-name': 'Org',
    'date-range': { 'start-datetime': '2024-01-01T00:00:00Z', 'end-datetime': '2024-01-01T23:59:59Z' },
    'contact-info': 'tls@org.example',
    'report-id': 'r1',
    policies,
    ...extra,
  });
const stsPolicy = {
  policy: {
    'policy-type': 'sts',
    'policy-string': ['version: STSv1'],
    'policy-domain': 'd.example',
    'mx-host': ['mx.d.example'],
  },
  summary: { 'total-successful-session-count': 5, 'total-failure-session-count': 0 },
};

describe('parseTlsReport refuses what is not a TLS report', () => {
  const refused: Array<[string, string, RegExp]> = [
    ['empty', '', /empty/],
    ['whitespace', ' \n\t ', /empty/],
    ['not JSON', 'hello world', /not valid JSON/],
    ['broken JSON', '{"organization-name": "x", "policies": [', /not valid JSON/],
    ['XML', '<?xml version="1.0"?><feedback/>', /not valid JSON/],
    ['a JSON array', '[1,2,3]', /a JSON array, not an SMTP TLS report/],
    ['JSON null', 'null', /null, not an SMTP TLS report/],
    ['a JSON number', '42', /a JSON number/],
    ['a JSON string', '"tls"', /a JSON string/],
    ['some other JSON object', '{"name": "package", "version": "1.0.0"}', /not an SMTP TLS report \(none of/],
    ['TLS metadata without policies', '{"organization-name": "x", "report-id": "1"}', /no "policies" list/],
    ['policies not a list', minimal('nope'), /"policies" is a JSON string, not a list/],
  ];
  for (const [name, input, reason] of refused) {
    it(name, () => {
      const outcome = parseTlsReport(input);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason).toMatch(reason);
    });
  }
});

describe('parseTlsReport tolerates real-world deviations with warnings', () => {
  it('reads a BOM, trailing NULs and surrounding whitespace', () => {
    const { report, warnings } = expectOk(parseTlsReport(`\uFEFF\n ${minimal([stsPolicy])} \n\u0000\u0000`));
    expect(report.policies[0]?.successfulSessions).toBe(5);
    expect(warnings).toEqual([]);
  });

  it('reads numbers written as strings', () => {
    const policy = {
      ...stsPolicy,
      summary: { 'total-successful-session-count': '12', 'total-failure-session-count': '3' },
      'failure-details': [
        { 'result-type': 'starttls-not-supported', 'failed-session-count': '3', 'sending-mta-ip': '192.0.2.1' },
      ],
    };
    const { report, warnings } = expectOk(parseTlsReport(minimal([policy])));
    expect(report.policies[0]).toMatchObject({ successfulSessions: 12, failedSessions: 3 });
    expect(report.policies[0]?.failureDetails[0]).toEqual({
      resultType: 'starttls-not-supported',
      failedSessionCount: 3,
      sendingMtaIp: '192.0.2.1',
    });
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/total-successful-session-count is the string "12"/);
  });

  it('reads mx-host and policy-string written as single strings', () => {
    const policy = {
      ...stsPolicy,
      policy: { ...stsPolicy.policy, 'mx-host': 'mx.d.example', 'policy-string': 'version: STSv1' },
    };
    const { report, warnings } = expectOk(parseTlsReport(minimal([policy])));
    expect(report.policies[0]?.mxHost).toEqual(['mx.d.example']);
    expect(report.policies[0]?.policyString).toEqual(['version: STSv1']);
    expect(warnings).toEqual([
      expect.stringMatching(/policy-string is a string, not a list/),
      expect.stringMatching(/mx-host is a string, not a list/),
    ]);
  });

  it('names missing contact-info, policy-string and unknown members', () => {
    const policy = { ...stsPolicy, policy: { 'policy-type': 'sts', 'policy-domain': 'd.example' }, vendor: 1 };
    const doc = JSON.parse(minimal([policy], { 'x-extra': true })) as Record<string, unknown>;
    delete doc['contact-info'];
    const { report, warnings } = expectOk(parseTlsReport(JSON.stringify(doc)));
    expect(report.contactInfo).toBeUndefined();
    expect(report.policies[0]?.policyString).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(/unknown member "x-extra" ignored/),
      expect.stringMatching(/contact-info missing/),
      expect.stringMatching(/policies\[0\]: unknown member "vendor" ignored/),
      expect.stringMatching(/policy-string missing for a "sts" policy/),
    ]);
  });

  it('reads member names with underscores or capitals', () => {
    const text = JSON.stringify({
      organization_name: 'Org',
      'Date-Range': { start_datetime: '2024-01-01T00:00:00Z', end_datetime: '2024-01-02T00:00:00Z' },
      'contact-info': 'c',
      report_id: 'r',
      policies: [
        {
          policy: { policy_type: 'STS', policy_domain: 'd.example', policy_string: [] },
          summary: { total_successful_session_count: 1, total_failure_session_count: 0 },
        },
      ],
    });
    const { report, warnings } = expectOk(parseTlsReport(text));
    expect(report).toMatchObject({ organizationName: 'Org', reportId: 'r', begin: 1704067200, end: 1704153600 });
    expect(report.policies[0]).toMatchObject({ policyType: 'sts', policyDomain: 'd.example', successfulSessions: 1 });
    expect(warnings).toEqual([
      'report: 3 member names "organization_name", "Date-Range", "report_id" not spelled as in RFC 8460 §4.5; read anyway',
      'date-range: 2 member names "start_datetime", "end_datetime" not spelled as in RFC 8460 §4.5; read anyway',
      'policies[0].policy: 3 member names "policy_type", "policy_domain", "policy_string" not spelled as in RFC 8460 §4.5; read anyway',
      'policies[0].policy: policy-type "STS" normalized to "sts"',
      'policies[0].summary: 2 member names "total_successful_session_count", "total_failure_session_count" not spelled as in RFC 8460 §4.5; read anyway',
    ]);
  });

  it('converts RFC 3339 offsets, fractions, missing zones, bare dates and unix numbers', () => {
    const at = (start: unknown, end: unknown = '2024-01-02T00:00:00Z') =>
      expectOk(
        parseTlsReport(
          JSON.stringify({
            'organization-name': 'o',
            'report-id': 'r',
            'contact-info': 'c',
            'date-range': { 'start-datetime': start, 'end-datetime': end },
            policies: [stsPolicy],
          }),
        ),
      );
    expect(at('2024-01-01T02:00:00+02:00').report.begin).toBe(1704067200);
    expect(at('2023-12-31T19:30:00-04:30').report.begin).toBe(1704067200);
    expect(at('2024-01-01T00:00:00.999Z').report.begin).toBe(1704067200);
    expect(at('2024-01-01t00:00:00z').report.begin).toBe(1704067200);
    expect(at('2024-01-01 00:00:00Z').report.begin).toBe(1704067200);
    expect(at('2024-01-01T00:00:00').warnings).toEqual([expect.stringMatching(/no time zone/)]);
    expect(at('2024-01-01').report.begin).toBe(1704067200);
    expect(at(1704067200).report.begin).toBe(1704067200);
    const bad = at('yesterday');
    expect(bad.report.begin).toBe(0);
    expect(bad.warnings).toEqual([expect.stringMatching(/start-datetime "yesterday" is not an RFC 3339 date-time/)]);
    expect(at('2024-01-03T00:00:00Z').warnings).toEqual([
      expect.stringMatching(/end-datetime is before start-datetime/),
    ]);
  });

  it('keeps going through a policy entry with no policy, no summary and junk failure details', () => {
    const text = minimal([
      {},
      'junk',
      {
        ...stsPolicy,
        'failure-details': [
          null,
          { 'failed-session-count': -4 },
          { 'result-type': 'Certificate-Expired', 'failed-session-count': 1.6 },
        ],
      },
    ]);
    const { report, warnings } = expectOk(parseTlsReport(text));
    expect(report.policies).toHaveLength(2);
    expect(report.policies[0]).toEqual({
      policyType: 'no-policy-found',
      policyString: [],
      policyDomain: '',
      mxHost: [],
      successfulSessions: 0,
      failedSessions: 0,
      failureDetails: [],
    });
    expect(report.policies[1]?.failureDetails).toEqual([
      { resultType: 'unknown', failedSessionCount: 0 },
      { resultType: 'certificate-expired', failedSessionCount: 2 },
    ]);
    expect(warnings).toEqual([
      'policies[0]: policy missing or not an object (RFC 8460 §4.3 requires it)',
      'policies[0]: summary missing or not an object (RFC 8460 §4.3 requires it); session counts read as 0',
      'policies[1]: a JSON string, not a policy object; skipped',
      'policies[2].failure-details[0]: null, not a failure-details object; skipped',
      'policies[2].failure-details[1]: result-type missing (RFC 8460 §4.4 requires it); read as "unknown"',
      'policies[2].failure-details[1]: failed-session-count -4 is not a count; read as 0',
      'policies[2].failure-details[2]: failed-session-count 1.6 is not a whole number; rounded',
      'policies[2]: failure-details add up to 2 failed sessions but summary says 0; the summary is kept',
    ]);
  });

  it('reads an empty policies list with a warning', () => {
    const { report, warnings } = expectOk(parseTlsReport(minimal([])));
    expect(report.policies).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/no policies/)]);
  });

  it('accepts result types and policy types outside RFC 8460 with a warning', () => {
    const policy = {
      policy: { 'policy-type': 'dane', 'policy-domain': 'd.example' },
      summary: { 'total-successful-session-count': 0, 'total-failure-session-count': 1 },
      'failure-details': [{ 'result-type': 'tls-version-too-old', 'failed-session-count': 1 }],
    };
    const { report, warnings } = expectOk(parseTlsReport(minimal([policy])));
    expect(report.policies[0]?.policyType).toBe('dane');
    expect(report.policies[0]?.failureDetails[0]?.resultType).toBe('tls-version-too-old');
    expect(warnings).toEqual([
      expect.stringMatching(/policy-type "dane" is not one of/),
      expect.stringMatching(/result-type "tls-version-too-old" is not one of/),
    ]);
  });
});

describe('parseTlsReport never throws', () => {
  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const outcome = parseTlsReport(s);
        expect(typeof outcome.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('on random JSON values, alone or in place of any member of a real report', async () => {
    const base = JSON.parse(await tlsText('cry-inc__dmarc-report-viewer/rfc-example.json')) as Record<string, unknown>;
    const paths: string[][] = [
      ['organization-name'],
      ['date-range'],
      ['date-range', 'start-datetime'],
      ['report-id'],
      ['contact-info'],
      ['policies'],
      ['policies', '0'],
      ['policies', '0', 'policy'],
      ['policies', '0', 'policy', 'mx-host'],
      ['policies', '0', 'policy', 'policy-string'],
      ['policies', '0', 'summary'],
      ['policies', '0', 'summary', 'total-failure-session-count'],
      ['policies', '0', 'failure-details'],
      ['policies', '0', 'failure-details', '1'],
      ['policies', '0', 'failure-details', '1', 'failed-session-count'],
    ];
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...paths), (value, path) => {
        expect(typeof parseTlsReport(JSON.stringify(value) ?? '').ok).toBe('boolean');
        const doc = structuredClone<Record<string, unknown>>(base);
        let node: Record<string, unknown> = doc;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
        node[path[path.length - 1] ?? ''] = value;
        const outcome = parseTlsReport(JSON.stringify(doc));
        if (path.join('.') !== 'policies') expect(outcome.ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('on every truncation of a real report', async () => {
    const text = await tlsText('domainaware__parsedmarc/smtp_tls.json');
    for (let i = 0; i < text.length; i++) {
      const outcome = parseTlsReport(text.slice(0, i));
      expect(outcome.ok).toBe(false);
    }
  });
});
