import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import PostalMime, { type Email, type PostalMimeOptions } from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { parseFailureReport, type FailureOutcome } from '../../../core/report/parseFailureReport';
import type { FailureReport } from '../../../core/report/types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/reports');

/** The options the unpacker uses: keep every message/rfc822 part as an attachment. */
const OPTIONS: PostalMimeOptions = { forceRfc822Attachments: true };

async function parseFile(relativePath: string, options: PostalMimeOptions = OPTIONS): Promise<FailureOutcome> {
  return parseFailureReport(await PostalMime.parse(readFileSync(join(FIXTURES, relativePath)), options));
}

async function parseText(message: string, options: PostalMimeOptions = OPTIONS): Promise<FailureOutcome> {
  return parseFailureReport(await PostalMime.parse(message.replace(/\r?\n/g, '\r\n'), options));
}

function expectFailure(outcome: FailureOutcome): { report: FailureReport; warnings: string[] } {
  if (outcome.kind !== 'failure') throw new Error(`expected a failure report, got ${JSON.stringify(outcome)}`);
  return outcome;
}

interface Expected {
  report: Partial<Omit<FailureReport, 'original' | 'fields'>>;
  original: Partial<NonNullable<FailureReport['original']>> & { headerCount: number; headersOnly: boolean };
  fieldCount: number;
  warnings: RegExp[];
}

const LINKEDIN: Expected = {
  report: {
    format: 'arf',
    feedbackType: 'auth-failure',
    userAgent: 'Lua/1.0',
    version: '1.0',
    authFailure: 'dmarc',
    reportedDomain: 'example.com',
    sourceIp: '10.10.10.10',
    arrivalDate: 'Tue, 30 Apr 2019 02:09:00 +0000',
    arrivalTime: Date.UTC(2019, 3, 30, 2, 9, 0) / 1000,
    // `Original-Mail-From:` is empty: the failed message had a null return path.
    originalMailFrom: undefined,
    originalRcptTo: 'recipient@linkedin.com',
    authenticationResults: 'dmarc=fail (p=none; dis=none) header.from=example.com',
    deliveryResult: 'delivered',
    reporter: {
      from: 'dmarc-noreply@linkedin.com',
      subject: 'DMARC Failure report for example.com Mail-From: IP:10.10.10.10',
      date: 'Tue, 30 Apr 2019 02:09:00 +0000',
    },
  },
  original: {
    from: 'Sender <sender@example.com>',
    to: 'LinkedIn <recipient@linkedin.com>',
    subject: 'Subject line, could be UTF8 encoded',
    date: 'Tue, 30 Apr 2019 02:09:09 +0000',
    messageId: '<01010101010101010101010101010101@ABAB01MS0016.someserver.loc>',
    headerCount: 27,
    headersOnly: false,
  },
  fieldCount: 12,
  warnings: [],
};

// Every failure report among the MIT/Apache/BSD fixtures (MANIFEST report_type failure / failure(no-ARF-part)).
const CASES: Record<string, Expected> = {
  'domainaware__parsedmarc/DMARC Failure Report for domain.de (mail-from=sharepoint@domain.de, ip=10.10.10.10).eml': {
    report: {
      format: 'arf',
      feedbackType: 'auth-failure',
      userAgent: 'Lua/1.0',
      version: '1.0',
      authFailure: 'dmarc',
      reportedDomain: 'domain.de',
      sourceIp: '10.10.10.10',
      arrivalDate: 'Mon, 01 Oct 2018 11:20:27 +0200',
      arrivalTime: Date.UTC(2018, 9, 1, 9, 20, 27) / 1000,
      originalMailFrom: 'sharepoint@domain.de',
      originalRcptTo: 'peter.pan@domain.de',
      authenticationResults: 'dmarc=fail (p=none, dis=none) header.from=domain.de',
      deliveryResult: 'smg-policy-action',
      reporter: {
        from: 'dmarc-report@domain.de',
        subject: 'DMARC Failure Report for domain.de (mail-from=sharepoint@domain.de, ip=10.10.10.10)',
        date: 'Mon, 1 Oct 2018 11:20:27 +0200',
      },
    },
    original: {
      // RFC 2047 base64 display name, lower-case `from:` header name in the original.
      from: '"Interaktive Wettbewerber-Übersicht" <sharepoint@domain.de>',
      to: '<peter.pan@domain.de>',
      subject: 'Subject',
      date: '01 Oct 2018 11:20:27 +0200',
      messageId: '<38.E7.30937.BD6E1BB5@ mailrelay.de>',
      headerCount: 10,
      headersOnly: false,
    },
    fieldCount: 12,
    warnings: [],
  },
  'domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml': LINKEDIN,
  'domainaware__parsedmarc/dmarc_ruf_report_linkedin.crlf.eml': LINKEDIN,
  'domainaware__parsedmarc/exim_plain_text_only_no_arf_part.eml': {
    report: {
      format: 'text',
      feedbackType: 'auth-failure',
      userAgent: undefined,
      authFailure: 'dmarc',
      reportedDomain: 'example.com',
      sourceIp: '203.0.113.68',
      arrivalDate: 'Mon, 07 Apr 2025 23:16:09 +0200',
      arrivalTime: Date.UTC(2025, 3, 7, 21, 16, 9) / 1000,
      identityAlignment: 'dkim, spf',
      reporter: {
        from: 'no-reply@node01.mailgate.example.net',
        subject: 'DMARC Forensic Report for example.com from IP 203.0.113.68',
        date: 'Mon, 07 Apr 2025 23:16:09 +0200',
      },
    },
    original: {
      from: '<user@example.com>',
      to: '<user@example.com>',
      subject: 'Payment from your account.',
      date: 'Mon, 7 Apr 2025 10:10:06 -0600',
      messageId: '<134117F8-2145-AECE-9CCA-25FC98731341@example.com>',
      headerCount: 17,
      headersOnly: true,
    },
    fieldCount: 6,
    warnings: [/no message\/feedback-report part/],
  },
  'stalwartlabs__mail-auth/003.eml': {
    report: {
      format: 'arf',
      feedbackType: 'auth-failure',
      userAgent: 'SomeDKIMFilter/1.0',
      version: '1',
      authFailure: 'bodyhash',
      reportedDomain: 'example.net',
      sourceIp: '192.0.2.1',
      arrivalDate: 'Wed, 14 Apr 2010 12:15:31 -0700 (PDT)',
      arrivalTime: Date.UTC(2010, 3, 14, 19, 15, 31) / 1000,
      originalMailFrom: 'randomuser@example.net',
      originalRcptTo: 'user@example.com',
      // Folded over two lines in the report.
      authenticationResults: 'mail.example.com; dkim=fail header.d=example.net',
      dkimDomain: 'example.net',
      reporter: {
        from: 'arf-daemon@example.com',
        subject: 'This is a test',
        date: 'Wed, 14 Apr 2010 12:17:45 -0700 (PDT)',
      },
    },
    original: {
      from: 'randomuser@example.net',
      to: 'user@example.com',
      subject: 'This is a test',
      date: 'Wed, 14 Apr 2010 12:12:09 -0700 (PDT)',
      messageId: undefined,
      headerCount: 7,
      headersOnly: false,
    },
    fieldCount: 11,
    warnings: [/Received-Date read as Arrival-Date/],
  },
  'stalwartlabs__mail-auth/004.eml': {
    report: {
      format: 'arf',
      feedbackType: 'auth-failure',
      userAgent: 'OpenDMARC-Filter/1.3.2',
      version: '1',
      authFailure: 'dmarc',
      reportedDomain: 'interpublication.org',
      // Written as `148.163.85.135 (sainay.interpublication.org)`.
      sourceIp: '148.163.85.135',
      arrivalDate: undefined,
      arrivalTime: undefined,
      originalMailFrom: 'info@interpublication.org',
      originalRcptTo: undefined,
      authenticationResults: 'box.mydomain.name; dmarc=fail header.from=interpublication.org',
      reporter: {
        from: 'OpenDMARC Filter <opendmarc@box.mydomain.name>',
        subject: 'FW: Wir kaufen dein Auto!',
        date: 'Tue,  5 Oct 2021 17:37:02 +1300 (NZDT)',
      },
    },
    // A text/rfc822-headers part, not a whole message.
    original: {
      from: '"Rolf Bader" <info@interpublication.org>',
      to: '"address" <address@myotherdomain.name>',
      subject: 'Wir kaufen dein Auto!',
      date: 'Tue, 5 Oct 2021 06:36:51 +0200',
      headerCount: 12,
      headersOnly: true,
    },
    fieldCount: 9,
    warnings: [],
  },
  'sisimai__set-of-emails/arf-18.eml': {
    report: {
      format: 'arf',
      authFailure: 'dmarc',
      reportedDomain: 'example.net',
      sourceIp: '192.0.2.222',
      arrivalTime: Date.UTC(2015, 3, 29, 23, 34, 45) / 1000,
      originalMailFrom: 'sironeko@example.org',
      originalRcptTo: 'kijitora@example.com',
      deliveryResult: 'delivered',
      reporter: {
        from: 'dmarc-noreply@example.com',
        subject: 'DMARC Forensic report for example.net Mail-From:sironeko@example.org IP:192.0.2.222',
        date: 'Thu, 29 Apr 2015 23:34:45 +0000',
      },
    },
    original: {
      from: 'Sironeko <sironeko@example.org>',
      to: 'kijitora@example.org',
      subject: 'Nyaan',
      messageId: '<000000002.2222222.1500000000022@example.net>',
      headerCount: 9,
      headersOnly: false,
    },
    fieldCount: 12,
    warnings: [],
  },
  'sisimai__set-of-emails/arf-07.eml': {
    report: {
      format: 'arf',
      authFailure: 'dmarc',
      reportedDomain: 'example.net',
      sourceIp: '192.0.2.45',
      arrivalTime: Date.UTC(2014, 10, 12, 12, 40, 48) / 1000,
      originalMailFrom: 'mail-handler@example.org',
      originalRcptTo: 'fake.rcpt@example.com',
      reporter: {
        from: 'dmarc-noreply@example.com',
        subject: 'DMARC Forensic report for example.net Mail-From:mail-handler@example.org IP:192.0.2.45',
        date: 'Wed, 12 Nov 2014 12:40:48 +0000',
      },
    },
    original: {
      from: 'Fake User <fake.sender@example.net>',
      to: 'mailling.list@example.org',
      subject: '[mailling list] this is a test message',
      date: 'Wed, 12 Nov 2014 12:40:20 +0000 (WET)',
      headerCount: 9,
      headersOnly: false,
    },
    fieldCount: 12,
    warnings: [],
  },
};

function listFixtures(dir = FIXTURES): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFixtures(path) : [relative(FIXTURES, path)];
  });
}

function provenance(): string[][] {
  return readFileSync(join(FIXTURES, 'PROVENANCE.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

describe('parseFailureReport on every failure-report fixture', () => {
  for (const [file, want] of Object.entries(CASES)) {
    it(file, async () => {
      const { report, warnings } = expectFailure(await parseFile(file));
      expect(report).toMatchObject({ kind: 'failure', ...stripUndefined(want.report) });
      for (const [key, value] of Object.entries(want.report)) {
        if (value === undefined) expect(report[key as keyof FailureReport], key).toBeUndefined();
      }
      const { headerCount, ...original } = want.original;
      expect(report.original?.headers).toHaveLength(headerCount);
      for (const [key, value] of Object.entries(original)) {
        expect(report.original?.[key as keyof typeof original], `original.${key}`).toEqual(value);
      }
      expect(report.fields).toHaveLength(want.fieldCount);
      expect(warnings).toEqual(want.warnings.map((re): unknown => expect.stringMatching(re)));
    });
  }

  it('agrees with PROVENANCE.tsv on feedback type, auth failure and reported domain', async () => {
    const rows = provenance().filter((cols) => /^(failure|arf-abuse)/.test(cols[11] ?? ''));
    expect(rows.map((r) => r[0]).sort()).toEqual([...Object.keys(CASES), 'stalwartlabs__mail-auth/002.eml'].sort());
    for (const cols of rows) {
      const file = cols[0] ?? '';
      const outcome = await parseFile(file);
      const m = /feedback-type=(\S*) auth-failure=(\S*) reported-domain=(\S*)/.exec(cols[8] ?? '');
      if (m === null) {
        // The Exim report has no ARF fields to compare.
        expect(cols[11], file).toBe('failure(no-ARF-part)');
        expect(expectFailure(outcome).report.format).toBe('text');
        continue;
      }
      if (m[1] === 'auth-failure') {
        const { report } = expectFailure(outcome);
        expect([report.feedbackType, report.authFailure, report.reportedDomain], file).toEqual([m[1], m[2], m[3]]);
      } else {
        expect(outcome, file).toEqual({ kind: 'abuse', feedbackType: m[1] });
      }
    }
  });

  it('keeps every feedback-report field in order, names lower-cased, continuation lines unfolded', async () => {
    const { report } = expectFailure(await parseFile('stalwartlabs__mail-auth/003.eml'));
    expect(report.fields).toEqual([
      ['feedback-type', 'auth-failure'],
      ['user-agent', 'SomeDKIMFilter/1.0'],
      ['version', '1'],
      ['original-mail-from', '<randomuser@example.net>'],
      ['original-rcpt-to', '<user@example.com>'],
      ['received-date', 'Wed, 14 Apr 2010 12:15:31 -0700 (PDT)'],
      ['source-ip', '192.0.2.1'],
      ['authentication-results', 'mail.example.com; dkim=fail header.d=example.net'],
      ['reported-domain', 'example.net'],
      ['dkim-domain', 'example.net'],
      ['auth-failure', 'bodyhash'],
    ]);
    // Original header keeps names as written and unfolds values.
    expect(report.original?.headers[0]?.[0]).toBe('DKIM-Signature');
    expect(report.original?.headers[0]?.[1]).toMatch(
      /^v=1; c=relaxed\/simple; a=rsa-sha256; s=testkey; d=example.net;/,
    );
  });

  it('keeps Exim’s own field names in `fields`', async () => {
    const { report } = expectFailure(await parseFile('domainaware__parsedmarc/exim_plain_text_only_no_arf_part.eml'));
    expect(report.fields).toEqual([
      ['sender domain', 'example.com'],
      ['sender ip address', '203.0.113.68'],
      ['received date', 'Mon, 07 Apr 2025 23:16:09 +0200'],
      ['spf alignment', 'no'],
      ['dkim alignment', 'no'],
      ['dmarc results', 'None, Accept'],
    ]);
    expect(report.original?.headers.filter(([n]) => n === 'Authentication-Results')).toHaveLength(2);
  });

  it('calls the RFC 5965 abuse report an abuse report', async () => {
    expect(await parseFile('stalwartlabs__mail-auth/002.eml')).toEqual({ kind: 'abuse', feedbackType: 'abuse' });
  });

  it('gives the same result whether or not postal-mime was told to keep message/rfc822 parts', async () => {
    for (const file of Object.keys(CASES)) {
      expect(await parseFile(file, {}), file).toEqual(await parseFile(file));
    }
  });

  it('reads attachment content handed over as base64 or utf8 strings', async () => {
    const file = 'sisimai__set-of-emails/arf-18.eml';
    const reference = await parseFile(file);
    expect(await parseFile(file, { ...OPTIONS, attachmentEncoding: 'base64' })).toEqual(reference);
    expect(await parseFile(file, { ...OPTIONS, attachmentEncoding: 'utf8' })).toEqual(reference);
  });

  it('finds nothing in every other fixture (aggregate reports, TLS reports, negatives)', async () => {
    const reports = new Set(
      provenance()
        .filter((cols) => /^(failure|arf-abuse)/.test(cols[11] ?? ''))
        .map((cols) => cols[0]),
    );
    const others = listFixtures().filter((f) => /\.(eml|txt|mbox)$/i.test(f) && !reports.has(f));
    // The .eml, .txt and .mbox files of PROVENANCE.tsv whose report_type is neither failure nor arf-abuse.
    expect(others.length).toBe(34);
    for (const file of others) {
      expect(await parseFile(file), file).toEqual({ kind: 'none' });
    }
  });
});

const ARF = (
  feedback: string,
  original = 'From: a@b.example\nSubject: hi\n\nbody\n',
  originalType = 'message/rfc822',
) => `From: Reporter <r@rep.example>
To: ruf@d.example
Subject: report
Date: Sat, 8 Oct 2011 15:15:59 -0500
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="b"

--b
Content-Type: text/plain

An authentication failure report.

--b
Content-Type: message/feedback-report

${feedback}
--b
Content-Type: ${originalType}

${original}
--b--
`;

describe('parseFailureReport on built messages', () => {
  it('reads every RFC 5965 / RFC 6591 / RFC 9991 field', async () => {
    const { report, warnings } = expectFailure(
      await parseText(
        ARF(`Feedback-Type: Auth-Failure
User-Agent: Gen/2.0
Version: 1
Auth-Failure: dmarc
Identity-Alignment: DKIM, spf
Reported-Domain: D.Example
Source-IP: [IPv6:2001:db8::1]
Arrival-Date: 8 Oct 11 20:15:58 GMT
Original-Mail-From: <bounce@d.example>
Original-Rcpt-To: <x@r.example>
Original-Rcpt-To: <y@r.example>
Authentication-Results: mx.r.example;
  dkim=fail header.d=d.example;
  spf=fail smtp.mailfrom=d.example
DKIM-Domain: d.example
DKIM-Identity: @d.example
DKIM-Selector: s1 (rotated)
SPF-DNS: txt : d.example : "v=spf1 -all"
Delivery-Result: Reject
Reported-URI: <http://d.example/a>
Reported-URI: mailto:x@d.example
X-Vendor: kept
`),
      ),
    );
    expect(warnings).toEqual([]);
    expect(report).toMatchObject({
      format: 'arf',
      feedbackType: 'auth-failure',
      userAgent: 'Gen/2.0',
      version: '1',
      authFailure: 'dmarc',
      identityAlignment: 'dkim, spf',
      reportedDomain: 'd.example',
      sourceIp: '2001:db8::1',
      arrivalDate: '8 Oct 11 20:15:58 GMT',
      arrivalTime: Date.UTC(2011, 9, 8, 20, 15, 58) / 1000,
      originalMailFrom: 'bounce@d.example',
      originalRcptTo: 'x@r.example, y@r.example',
      authenticationResults: 'mx.r.example; dkim=fail header.d=d.example; spf=fail smtp.mailfrom=d.example',
      dkimDomain: 'd.example',
      dkimIdentity: '@d.example',
      dkimSelector: 's1',
      spfDns: 'txt : d.example : "v=spf1 -all"',
      deliveryResult: 'reject',
      reportedUri: ['http://d.example/a', 'mailto:x@d.example'],
      reporter: { from: 'Reporter <r@rep.example>', subject: 'report', date: 'Sat, 8 Oct 2011 15:15:59 -0500' },
      original: {
        from: 'a@b.example',
        subject: 'hi',
        headers: [
          ['From', 'a@b.example'],
          ['Subject', 'hi'],
        ],
      },
    });
    expect(report.fields).toHaveLength(20);
    expect(report.fields[19]).toEqual(['x-vendor', 'kept']);
  });

  it('writes Source-IP as aggregate records do: RFC 5952, IPv4-mapped as IPv4; text that is no address as it came', async () => {
    const sourceIpOf = async (written: string) =>
      expectFailure(
        await parseText(
          ARF(
            `Feedback-Type: auth-failure\nUser-Agent: x\nVersion: 1\nReported-Domain: d.example\nSource-IP: ${written}\n`,
          ),
        ),
      ).report.sourceIp;
    expect(await sourceIpOf('[IPv6:2001:DB8:0:0:0:0:0:1]')).toBe('2001:db8::1');
    expect(await sourceIpOf('::FFFF:192.0.2.9 (mapped)')).toBe('192.0.2.9');
    expect(await sourceIpOf('192.0.2.10')).toBe('192.0.2.10');
    expect(await sourceIpOf('unknown')).toBe('unknown');
  });

  it('decodes RFC 2047 words in the original From and Subject, Q and B, joined across whitespace', async () => {
    const { report } = expectFailure(
      await parseText(
        ARF(
          'Feedback-Type: auth-failure\nUser-Agent: x\nVersion: 1\nAuth-Failure: dmarc\nReported-Domain: d.example\n',
          'From: =?iso-8859-1?Q?J=FCrgen_M=FCller?= <j@d.example>\nSubject: =?UTF-8?B?R3LDvMOfZQ==?= =?UTF-8?Q?_aus_K=C3=B6ln?=\n\n',
          'text/rfc822-headers',
        ),
      ),
    );
    expect(report.original?.from).toBe('Jürgen Müller <j@d.example>');
    expect(report.original?.subject).toBe('Grüße aus Köln');
    expect(report.original?.headers[1]).toEqual(['Subject', '=?UTF-8?B?R3LDvMOfZQ==?= =?UTF-8?Q?_aus_K=C3=B6ln?=']);
  });

  it('names missing required fields and takes Reported-Domain from header.from', async () => {
    const { report, warnings } = expectFailure(
      await parseText(ARF('Auth-Failure: dmarc\nAuthentication-Results: mx; dmarc=fail header.from=Sender.Example\n')),
    );
    expect(report.feedbackType).toBe('auth-failure');
    expect(report.reportedDomain).toBe('sender.example');
    expect(warnings).toEqual([
      expect.stringMatching(/Feedback-Type missing/),
      expect.stringMatching(/User-Agent missing/),
      expect.stringMatching(/Version missing/),
      expect.stringMatching(/Reported-Domain missing .* sender\.example/),
    ]);
  });

  it('takes Reported-Domain from the original From when nothing else names it', async () => {
    const { report } = expectFailure(await parseText(ARF('Feedback-Type: auth-failure\nAuth-Failure: spf\n')));
    expect(report.reportedDomain).toBe('b.example');
  });

  it('reports a missing original part and an unreadable arrival date', async () => {
    const message = `From: r@rep.example
Subject: x
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="b"

--b
Content-Type: message/feedback-report

Feedback-Type: auth-failure
User-Agent: x
Version: 1
Auth-Failure: dmarc
Reported-Domain: d.example
Arrival-Date: sometime yesterday

--b--
`;
    const { report, warnings } = expectFailure(await parseText(message));
    expect(report.original).toBeUndefined();
    expect(report.arrivalTime).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringMatching(/Arrival-Date "sometime yesterday" is not an RFC 5322/),
      expect.stringMatching(/no message\/rfc822 or text\/rfc822-headers part/),
    ]);
  });

  it('parses RFC 5322 dates with obsolete zones, comments and ISO timestamps', async () => {
    const at = async (date: string) =>
      expectFailure(
        await parseText(
          ARF(`Feedback-Type: auth-failure\nAuth-Failure: dmarc\nReported-Domain: d\nArrival-Date: ${date}\n`),
        ),
      ).report.arrivalTime;
    const t = Date.UTC(2010, 3, 14, 19, 15, 31) / 1000;
    expect(await at('Wed, 14 Apr 2010 12:15:31 -0700 (PDT)')).toBe(t);
    expect(await at('Wed, 14 Apr 2010 12:15:31 PDT')).toBe(t);
    expect(await at('14 Apr 2010 15:15:31 EDT')).toBe(t);
    expect(await at('Wed, 14 Apr 2010 19:15:31 UT')).toBe(t);
    expect(await at('2010-04-14T19:15:31Z')).toBe(t);
    expect(await at('2010-04-14T21:15:31+02:00')).toBe(t);
    expect(await at('14-Apr-2010 19:15:31 +0000')).toBe(t);
  });

  it('calls other feedback types abuse reports', async () => {
    for (const type of ['abuse', 'fraud', 'virus', 'other', 'not-spam']) {
      expect(await parseText(ARF(`Feedback-Type: ${type}\nUser-Agent: x\nVersion: 1\n`))).toEqual({
        kind: 'abuse',
        feedbackType: type,
      });
    }
    expect(await parseText(ARF('User-Agent: x\nVersion: 1\n'))).toEqual({ kind: 'abuse', feedbackType: '' });
  });

  it('reads ARF fields written into a plain-text body', async () => {
    const message = `From: r@rep.example
Subject: DMARC failure
Content-Type: text/plain

Feedback-Type: auth-failure
Auth-Failure: dmarc
Reported-Domain: d.example
Source-IP: 192.0.2.9
Authentication-Results: mx;
  dmarc=fail
`;
    const { report } = expectFailure(await parseText(message));
    expect(report).toMatchObject({
      format: 'text',
      authFailure: 'dmarc',
      reportedDomain: 'd.example',
      sourceIp: '192.0.2.9',
      authenticationResults: 'mx; dmarc=fail',
    });
    const abuse = message.replace('auth-failure', 'abuse');
    expect(await parseText(abuse)).toEqual({ kind: 'abuse', feedbackType: 'abuse' });
  });

  it('does not take an ordinary letter for a plain-text report', async () => {
    const letter = (body: string, subject = 'Hello') =>
      `From: a@b.example\nSubject: ${subject}\nContent-Type: text/plain\n\n${body}\n`;
    expect(await parseText(letter('Sender Domain: example.com\nSender IP Address: 192.0.2.1'))).toEqual({
      kind: 'none',
    });
    expect(
      await parseText(letter('Report Domain: example.com\nSubmitter: google.com', 'Report Domain: example.com')),
    ).toEqual({
      kind: 'none',
    });
    expect(await parseText(letter(''))).toEqual({ kind: 'none' });
  });

  it('never throws on malformed input', () => {
    const weird: unknown[] = [
      {},
      { attachments: null, headers: null },
      { attachments: [{ mimeType: 'message/feedback-report', content: null }], headers: [] },
      { attachments: [{ mimeType: 'message/feedback-report', content: 42 }], headers: [] },
      { attachments: [{ mimeType: null }], text: 42 },
      { attachments: [], text: 'Feedback-Type: auth-failure', from: { name: 'x' }, headers: [{ key: 'date' }] },
    ];
    for (const email of weird) {
      expect(() => parseFailureReport(email as Email)).not.toThrow();
    }
    expect(parseFailureReport(null as unknown as Email)).toEqual({ kind: 'none' });
  });

  it('never throws on random feedback parts, original parts and text bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), async (a, b) => {
        const arf = parseFailureReport(await PostalMime.parse(ARF(`Feedback-Type: auth-failure\n${a}`, b), OPTIONS));
        expect(['failure', 'abuse', 'none']).toContain(arf.kind);
        const text = parseFailureReport({
          headers: [],
          headerLines: [],
          attachments: [],
          subject: 'DMARC',
          text: `Sender Domain: x\nDMARC Results: y\n${a}\n---- copy of the headers\n${b}`,
        });
        expect(['failure', 'abuse', 'none']).toContain(text.kind);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on truncations of a real report', async () => {
    const bytes = readFileSync(join(FIXTURES, 'domainaware__parsedmarc/dmarc_ruf_report_linkedin.eml'));
    for (let i = 0; i < bytes.length; i += 37) {
      const email = await PostalMime.parse(bytes.subarray(0, i), OPTIONS);
      expect(['failure', 'abuse', 'none']).toContain(parseFailureReport(email).kind);
    }
  });
});

function stripUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
