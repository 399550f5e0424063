// parsedmarc's failure and TLS CSV rows and the pieces of its failure JSON they are made from, on the cases the CLI
// tests' real files do not hold: address lists with commas inside quotes, Delivery-Result words, Identity-Alignment
// "none", a reporter's text that would run as a spreadsheet formula, a policy without strings after one with them.
import { describe, expect, it } from 'vitest';
import { parsedmarcFailureCsvRow, parsedmarcTlsCsvRows } from '../../../core/report/parsedmarcCsv';
import { bucketsOf } from '../../../core/report/parsedmarcDays';
import { parsedmarcAddresses, parsedmarcDeliveryResult, toParsedmarcJson } from '../../../core/report/toParsedmarcJson';
import type { FailureReport, TlsReport } from '../../../core/report/types';

describe('parsedmarcAddresses', () => {
  it('splits a list at commas outside quotes and angle brackets', () => {
    expect(parsedmarcAddresses('"Doe, Jane" <jane@Example.COM>, bob@example.org, <x,y@example.net>')).toEqual([
      { display_name: 'Doe, Jane', address: 'jane@Example.COM', local: 'jane', domain: 'example.com' },
      { display_name: null, address: 'bob@example.org', local: 'bob', domain: 'example.org' },
      { display_name: null, address: 'x,y@example.net', local: 'x,y', domain: 'example.net' },
    ]);
  });

  it('keeps an address without @ and skips empty parts', () => {
    expect(parsedmarcAddresses('undisclosed-recipients:;, ,')).toEqual([
      { display_name: null, address: 'undisclosed-recipients:;', local: null, domain: null },
    ]);
    expect(parsedmarcAddresses(undefined)).toEqual([]);
  });
});

describe('parsedmarcDeliveryResult', () => {
  it('takes the first of parsedmarc’s five words the reporter’s value contains, else other', () => {
    expect(
      ['delivered', 'Reject', 'smg-policy-action', 'spam-folder', 'discarded', undefined].map(parsedmarcDeliveryResult),
    ).toEqual(['delivered', 'reject', 'policy', 'spam', 'other', 'other']);
  });
});

const failure: FailureReport = {
  kind: 'failure',
  format: 'arf',
  feedbackType: 'auth-failure',
  userAgent: '=cmd|calc',
  authFailure: 'dkim, spf',
  identityAlignment: 'none',
  sourceIp: '192.0.2.1',
  reportedDomain: 'example.com',
  arrivalDate: 'Tue, 2 Jan 2024 03:04:05 +0100',
  arrivalTime: 1704161045,
  fields: [
    ['feedback-type', 'auth-failure'],
    ['source-ip', '192.0.2.1'],
    ['identity-alignment', 'none'],
    ['original-envelope-id', 'env-1'],
    ['x-extra', 'kept'],
  ],
};

describe('a failure report in parsedmarc’s shapes', () => {
  it('keeps every feedback field, replaces Source-IP and Identity-Alignment, and normalises as parsedmarc', () => {
    const json = toParsedmarcJson(failure);
    expect(json).toMatchObject({
      x_extra: 'kept',
      original_envelope_id: 'env-1',
      arrival_date_utc: '2024-01-02 02:04:05',
      auth_failure: ['dkim', 'spf'],
      authentication_mechanisms: [],
      delivery_result: 'other',
      source: { ip_address: '192.0.2.1' },
      parsed_sample: null,
    });
    expect(json).not.toHaveProperty('source_ip');
    expect(json).not.toHaveProperty('identity_alignment');
  });

  it('writes its CSV row with a formula-looking cell as text', () => {
    expect(parsedmarcFailureCsvRow(failure)).toBe(
      'auth-failure,\'=cmd|calc,,env-1,,,"Tue, 2 Jan 2024 03:04:05 +0100",2024-01-02 02:04:05,,,,,192.0.2.1,' +
        ',,,,,,,,other,"dkim,spf",example.com,,\r\n',
    );
  });
});

describe('an SMTP TLS report’s CSV rows', () => {
  it('gives each policy only its own strings and patterns', () => {
    const report: TlsReport = {
      kind: 'tls',
      organizationName: 'Example',
      reportId: 'r1',
      begin: 1704067200,
      end: 1704153599,
      policies: [
        {
          policyType: 'sts',
          policyDomain: 'a.example',
          policyString: ['version: STSv1', 'mode: enforce'],
          mxHost: ['mx.a.example'],
          successfulSessions: 10,
          failedSessions: 0,
          failureDetails: [],
        },
        {
          policyType: 'no-policy-found',
          policyDomain: 'b.example',
          policyString: [],
          mxHost: [],
          successfulSessions: 4,
          failedSessions: 1,
          failureDetails: [{ resultType: 'starttls-not-supported', failedSessionCount: 1, receivingIp: '192.0.2.9' }],
        },
      ],
    };
    expect(parsedmarcTlsCsvRows(report).split('\r\n')).toEqual([
      'Example,2024-01-01T00:00:00Z,2024-01-01T23:59:59Z,r1,,10,0,a.example,sts,version: STSv1|mode: enforce,mx.a.example,,,,,,',
      'Example,2024-01-01T00:00:00Z,2024-01-01T23:59:59Z,r1,,4,1,b.example,no-policy-found,,,,,,,,',
      'Example,2024-01-01T00:00:00Z,2024-01-01T23:59:59Z,r1,starttls-not-supported,,1,b.example,no-policy-found,,,,192.0.2.9,,,,',
      '',
    ]);
  });
});

describe('bucketsOf', () => {
  it('keeps a report of one day whole and splits a longer one by day', () => {
    const head = (begin: number, end: number) =>
      ({ metadata: { begin, end } }) as unknown as Parameters<typeof bucketsOf>[0];
    const record = { count: 10 } as Parameters<typeof bucketsOf>[1];
    expect(bucketsOf(head(1704067200, 1704153599), record)).toEqual({
      normalized: false,
      buckets: [{ begin: 1704067200, end: 1704153599, count: 10 }],
    });
    // 12 hours of Jan 1 and 24 of Jan 2: a third and two thirds of 10, 3.33 and 6.67, rounded by largest remainder.
    expect(bucketsOf(head(1704110400, 1704240000), record)).toEqual({
      normalized: true,
      buckets: [
        { begin: 1704110400, end: 1704153600, count: 3 },
        { begin: 1704153600, end: 1704240000, count: 7 },
      ],
    });
  });
});
