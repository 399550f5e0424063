// Every scanning step of reading a file takes time linear in its input. Each worst case below attacks one step with
// what makes a careless scan rescan the rest of its input: openers that never close, long runs of what a search
// skips, many small parts. Each is timed at 64 KB, 256 KB and 1 MB (test/helpers/linearTime.ts); the repair rules'
// own worst cases are in repairXml.test.ts.
import { gzipSync, zipSync } from 'fflate';
import type { Email } from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { AggregateXmlReader } from '../../../core/report/AggregateXmlReader';
import { findTag } from '../../../core/report/findTag';
import { parseFailureReport } from '../../../core/report/parseFailureReport';
import { parseReport, parseReportStream } from '../../../core/report/parseReport';
import { parseTlsReport } from '../../../core/report/parseTlsReport';
import { readPlainRecords } from '../../../core/report/readPlainRecords';
import { readWellFormedXml } from '../../../core/report/readWellFormedXml';
import { readZipEntries } from '../../../core/report/readZipEntries';
import { XmlTextDecoder } from '../../../core/report/XmlTextDecoder';
import {
  LINEAR_SIZES_FROM_16K,
  LINEAR_SIZES_FROM_256K,
  expectLinear,
  expectLinearAsync,
  repeatTo,
} from '../../helpers/linearTime';
import { recordXml, reportXml, utf8 } from '../../helpers/reportXml';

const HEAD = reportXml({ records: [] }).replace(/<\/feedback>$/, '');

/** A report whose head (before the first record) carries `junk` of about `size` characters. */
const reportWithJunkInHead = (unit: string) => (size: number) =>
  utf8(reportXml().replace('<policy_published>', `${repeatTo(unit, size)}<policy_published>`));
/** A report one of whose records carries `junk`. */
const reportWithJunkInRecord = (unit: string) => (size: number) =>
  utf8(reportXml({ records: [recordXml(), recordXml({ extra: repeatTo(unit, size) }), recordXml()] }));

const parse = (bytes: Uint8Array) => parseReport(bytes, { fileName: 'worst.xml' });

describe('aggregate XML read through parseReport', { retry: 2 }, () => {
  it('"<!-- >" repeated in the report head (issue 13: 600 KB took 26 s)', async () => {
    await expectLinearAsync('<!-- > in the head', reportWithJunkInHead('<!-- >'), parse);
  });

  it('"<!-- >" repeated in a record', async () => {
    await expectLinearAsync('<!-- > in a record', reportWithJunkInRecord('<!-- >'), parse);
  });

  it('"<!-- >" repeated, gzipped (issue 13: a 1.6 KB .xml.gz took 78 s)', async () => {
    const gz = reportWithJunkInHead('<!-- >')(1024 * 1024);
    expect(gzipSync(gz, { level: 9 }).length).toBeLessThan(8 * 1024);
    await expectLinearAsync(
      '<!-- > gzipped',
      (size) => gzipSync(reportWithJunkInHead('<!-- >')(size), { level: 9 }),
      parse,
    );
  });

  it('unclosed CDATA sections and processing instructions in a record', async () => {
    await expectLinearAsync('<![CDATA[ in a record', reportWithJunkInRecord('<![CDATA[ >'), parse);
    await expectLinearAsync('<? in a record', reportWithJunkInRecord('<? >'), parse);
  });

  it('well-formed references filling a record (the damage check must not search past each)', async () => {
    await expectLinearAsync('&amp; in a record', reportWithJunkInRecord('<comment>&amp;&lt;</comment>'), parse);
  });

  it('a record that never closes, streamed in 1 KB chunks (the text so far was joined and searched at every chunk)', async () => {
    // eslint-disable-next-line @typescript-eslint/require-await -- an async generator is the AsyncIterable the API reads (its yields await); nothing else to await
    async function* inKilobytes(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
      for (let at = 0; at < bytes.length; at += 1024) yield bytes.subarray(at, at + 1024);
    }
    await expectLinearAsync(
      'an unclosed record',
      (size) => utf8(`${HEAD}<record><row>${repeatTo('<a>x</a>', size)}`),
      (bytes) => parseReportStream(inKilobytes(bytes), { fileName: 'worst.xml' }),
    );
    const truncated = await parseReportStream(
      inKilobytes(utf8(`${HEAD}${recordXml()}<record><row>${repeatTo('<a>x</a>', 4096)}`)),
    );
    expect(truncated).toMatchObject({
      ok: true,
      reports: [{ warnings: ['report ends without </feedback> (truncated)', 'dropped an incomplete last record'] }],
    });
  });

  it('many small records', async () => {
    await expectLinearAsync(
      'many records',
      (size) => utf8(reportXml({ records: Array.from({ length: Math.ceil(size / 600) }, () => recordXml()) })),
      parse,
    );
  });

  it('many documents pasted together', async () => {
    await expectLinearAsync('pasted reports', (size) => utf8(repeatTo(reportXml(), size)), parse);
  });
});

describe('AggregateXmlReader, text pushed whole', { retry: 2 }, () => {
  const read = (text: string) => {
    const reader = new AggregateXmlReader({ onHead() {}, onRecords() {}, onReportEnd() {} }, 'worst.xml');
    reader.push(text);
    reader.end();
  };

  it('unclosed comments and XML declarations before <feedback> (the text ignored is counted)', () => {
    expectLinear('<!-- before feedback', (size) => `${repeatTo('<!-- ', size)}${reportXml()}`, read);
    expectLinear('<?xml before feedback', (size) => `${repeatTo('<?xml ', size)}${reportXml()}`, read);
  });

  it('"<record" openers that never close', () => {
    expectLinear('<record openers', (size) => `${HEAD}${repeatTo('<record>', size)}`, read);
  });

  it('"</feedback" and "<record" look-alikes', () => {
    expectLinear(
      'look-alikes',
      (size) => `${HEAD}${recordXml()}${repeatTo('</feedbackx <recordx x:record ', size)}</feedback>`,
      read,
    );
  });
});

describe('the fast readers and findTag', { retry: 2 }, () => {
  it('findTag over prefixes and names that never make a tag', () => {
    expectLinear(
      'findTag prefixes',
      (size) => repeatTo('a:record:', size),
      (text) => findTag(text, 'record', 0, 'end'),
    );
    expectLinear(
      'findTag blanks',
      (size) => repeatTo('</record ', size),
      (text) => findTag(text, 'record', 0, 'end'),
    );
  });

  it('readWellFormedXml on nesting that never closes and long attribute lists', () => {
    expectLinear('unclosed nesting', (size) => repeatTo('<a>', size), readWellFormedXml, LINEAR_SIZES_FROM_256K);
    expectLinear('attributes', (size) => `<a${repeatTo(' b="c"', size)} x></a>`, readWellFormedXml);
  });

  it('readPlainRecords declining at the end of a long batch', () => {
    expectLinear(
      'plain records',
      (size) => `${repeatTo(recordXml(), size)}<record><extra/></record>`,
      readPlainRecords,
    );
  });
});

describe('containers', { retry: 2 }, () => {
  it('XmlTextDecoder fed a byte at a time at the start, then in small pieces', () => {
    expectLinear(
      'decoder',
      (size) => utf8(`<?xml version="1.0"${' '.repeat(size)}encoding="utf-8"?>`),
      (bytes) => {
        const decoder = new XmlTextDecoder();
        for (let at = 0; at < 300; at++) decoder.push(bytes.subarray(at, at + 1));
        for (let at = 300; at < bytes.length; at += 4096) decoder.push(bytes.subarray(at, at + 4096));
        decoder.end();
      },
    );
  });

  it('a zip with many members', async () => {
    const zipOf = (size: number) => {
      const files: Record<string, Uint8Array> = {};
      for (let i = 0; i < size / 120; i++) files[`member-${i}.txt`] = utf8(`not a report ${i}`);
      return zipSync(files, { level: 0 });
    };
    expectLinear('zip directory', zipOf, (zip) => readZipEntries(zip, 'worst.zip'));
    await expectLinearAsync('zip members', zipOf, (zip) => parseReport(zip, { fileName: 'worst.zip' }));
  });

  it('mbox: many messages', async () => {
    const separator = 'From MAILER-DAEMON Tue Nov 14 10:00:00 2023\n';
    const message = `${separator}Subject: x\n\n${`${'y'.repeat(70)}\n`.repeat(14)}`;
    await expectLinearAsync(
      'mbox messages',
      (size) => utf8(repeatTo(message, size)),
      (bytes) => parseReport(bytes, { fileName: 'worst.mbox' }),
    );
  });
});

describe('email', { retry: 2 }, () => {
  const message = (headers: string, body: string) => utf8(`From: a@example.com\nSubject: x\n${headers}\n${body}`);

  it('a body pasted with "<" look-alikes of <feedback', async () => {
    await expectLinearAsync(
      'body <feedback check',
      (size) => message('', repeatTo('<x:feedbac <feedbac ', size)),
      (bytes) => parseReport(bytes, { fileName: 'worst.eml' }),
    );
  });

  it('many MIME parts, and MIME nested deeper than postal-mime allows', async () => {
    const parts = (size: number) =>
      message(
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n',
        `${repeatTo(`--b\nContent-Type: text/plain\n\n${'x'.repeat(180)}\n`, size)}\n--b--\n`,
      );
    await expectLinearAsync('MIME parts', parts, (bytes) => parseReport(bytes, { fileName: 'worst.eml' }));
    const nested = (size: number) => {
      const depth = Math.floor(size / 60);
      let body = 'x\n';
      for (let i = depth; i > 0; i--)
        body = `--b${i}\nContent-Type: multipart/mixed; boundary="b${i + 1}"\n\n${body}--b${i}--\n`;
      return message('MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b1"\n', body);
    };
    await expectLinearAsync('nested MIME', nested, (bytes) => parseReport(bytes, { fileName: 'worst.eml' }));
  });
});

describe('failure reports', { retry: 2 }, () => {
  // The message as postal-mime gives it (its own parse is timed with the email tests above).
  const arf = (original: string): Email =>
    ({
      headers: [],
      from: { address: 'a@example.com', name: '' },
      subject: 'x',
      text: 'A report',
      attachments: [
        {
          filename: null,
          mimeType: 'message/feedback-report',
          disposition: null,
          content: utf8('Feedback-Type: auth-failure\nAuth-Failure: dmarc\n'),
        },
        { filename: null, mimeType: 'text/rfc822-headers', disposition: null, content: utf8(original) },
      ],
    }) as unknown as Email;
  const plain = (body: string): Email =>
    ({
      headers: [],
      from: { address: 'a@example.com', name: '' },
      subject: 'DMARC failure',
      text: `Sender Domain: example.com\nSender IP Address: 192.0.2.1\n${body}`,
      attachments: [],
    }) as unknown as Email;
  const isFailure = (email: Email) => expect(parseFailureReport(email).kind).toBe('failure');

  it('a long folded header and many header fields in the failed message’s part', () => {
    expectLinear(
      'folded header',
      (size) => arf(`Subject: x\n${repeatTo(' folded\n', size)}`),
      isFailure,
      LINEAR_SIZES_FROM_256K,
    );
    expectLinear('many headers', (size) => arf(repeatTo('X-A: b\n', size)), isFailure, LINEAR_SIZES_FROM_256K);
  });

  it('a plain-text report with a long continued field and a long line of dashes', () => {
    expectLinear('continued field', (size) => plain(`Dmarc Results: fail\n${repeatTo('  more\n', size)}`), isFailure);
    // The marker line's expression took 23 s on 64 KB of dashes: measured from 16 KB, so that it fails within seconds.
    expectLinear(
      'line of dashes',
      (size) => plain(`Dmarc Results: fail\n${'-'.repeat(size)}\n`),
      isFailure,
      LINEAR_SIZES_FROM_16K,
    );
  });
});

describe('TLS reports', { retry: 2 }, () => {
  const tls = '{"organization-name":"x","policies":[]}';

  it('NUL padding that does not end the text, deep nesting, many members', () => {
    // `/\u0000+$/` took 17 s on 64 KB of NULs: measured from 16 KB, so that it fails within seconds.
    expectLinear('NUL run', (size) => `${tls}${'\u0000'.repeat(size)}x`, parseTlsReport, LINEAR_SIZES_FROM_16K);
    const deep = (size: number) => `{"policies":${'['.repeat(size / 2)}${']'.repeat(size / 2)}}`;
    expectLinear('deep nesting', deep, parseTlsReport);
    expect(parseTlsReport(deep(1024))).toEqual({
      ok: false,
      reason: 'JSON nested deeper than 64 levels, so not an SMTP TLS report',
    });
    expectLinear(
      'many members',
      (size) => `{"policies":[{${Array.from({ length: size / 12 }, (_, i) => `"m${i}":0`).join(',')}}]}`,
      parseTlsReport,
    );
  });
});
