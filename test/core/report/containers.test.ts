// Containers and encodings real reports arrive in (docs/report-quirks.md "Containers" and "Encoding and XML"), sniffed
// by content only.
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../core/report/concatBytes';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateReport, ParseResult } from '../../../core/report/types';
import { recordXml, reportXml, utf8 } from '../../helpers/reportXml';

const xml = reportXml({ records: [recordXml({ count: 3 }), recordXml({ count: 4 })] });

function messagesOf(result: ParseResult): number[] {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.reports.map((r) => (r.report as AggregateReport).records.reduce((n, rec) => n + rec.count, 0));
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');
}

function email(
  parts: Array<{ type: string; name?: string; body: string; encoding?: string }>,
  subject = 'Report Domain: example.com Submitter: receiver.example',
): Uint8Array {
  const boundary = 'b0undary';
  const body = parts
    .map((p) =>
      [
        `--${boundary}`,
        `Content-Type: ${p.type}${p.name ? `; name="${p.name}"` : ''}`,
        ...(p.encoding ? [`Content-Transfer-Encoding: ${p.encoding}`] : []),
        ...(p.name ? [`Content-Disposition: attachment; filename="${p.name}"`] : []),
        '',
        p.body,
      ].join('\r\n'),
    )
    .join('\r\n');
  return utf8(
    [
      'From: noreply-dmarc@receiver.example',
      'To: dmarc@example.com',
      `Subject: ${subject}`,
      'Date: Tue, 14 Nov 2023 10:00:00 +0000',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      body,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

describe('plain XML', () => {
  it('reads XML with a byte-order mark and leading whitespace', async () => {
    const bytes = concatBytes([new Uint8Array([0xef, 0xbb, 0xbf]), utf8(`\r\n  ${xml}`)]);
    expect(messagesOf(await parseReport(bytes))).toEqual([7]);
  });

  it('decodes windows-1252 when declared', async () => {
    const doc = reportXml({
      metadata:
        '<org_name>Caf\u00e9 \u2019Mail\u2019</org_name><email>a@x</email><report_id>1</report_id><date_range><begin>1700000000</begin><end>1700086399</end></date_range>',
    }).replace('UTF-8', 'windows-1252');
    const bytes = Uint8Array.from([...doc].map((c) => ({ '\u00e9': 0xe9, '\u2019': 0x92 })[c] ?? c.charCodeAt(0)));
    const result = await parseReport(bytes);
    expect(result.ok && (result.reports[0]!.report as AggregateReport).metadata.orgName).toBe(
      'Caf\u00e9 \u2019Mail\u2019',
    );
  });

  it('decodes UTF-16 with a byte-order mark', async () => {
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) utf16[2 + i * 2] = xml.charCodeAt(i);
    expect(messagesOf(await parseReport(utf16))).toEqual([7]);
  });

  it('replaces invalid UTF-8 bytes and says so', async () => {
    const bytes = utf8(xml.replace('example.com</header_from>', 'exa\u0000mple.com</header_from>'));
    bytes[bytes.indexOf(0)] = 0x91;
    const result = await parseReport(bytes);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.reports[0]!.warnings.join()).toMatch(/invalid in utf-8/);
  });

  it('reads several reports pasted into one file, with separators between them', async () => {
    const pasted = `${xml}\n-----------------\n${reportXml({ records: [recordXml({ count: 10 })] })}\n`;
    const result = await parseReport(utf8(pasted), { fileName: 'pasted.txt' });
    expect(messagesOf(result)).toEqual([7, 10]);
  });

  // Cut inside the second record (count 4), before its auth_results: its row and identifiers are whole.
  const cut = xml.slice(0, xml.lastIndexOf('<auth_results>'));

  it('recovers from a truncated file, keeping the complete records and the one cut off, with warnings', async () => {
    const result = await parseReport(utf8(cut));
    expect(result.ok).toBe(true);
    if (result.ok) {
      const records = (result.reports[0]!.report as AggregateReport).records;
      expect(records.map((r) => [r.count, r.dkimResults.length, r.spfResults.length]).sort()).toEqual([
        [3, 1, 1],
        [4, 0, 0],
      ]);
      expect(result.reports[0]!.warnings).toEqual([
        'report ends without </feedback> (truncated)',
        'kept the last record, cut off by truncation',
      ]);
    }
  });

  it('keeps the records of a truncated file in the order of the file', async () => {
    const result = await parseReport(utf8(cut));
    expect(result.ok && (result.reports[0]!.report as AggregateReport).records.map((r) => r.count)).toEqual([3, 4]);
  });
});

describe('gzip', () => {
  it('reads gzip, multi-member gzip and double gzip', async () => {
    const half = Math.floor(xml.length / 2);
    expect(messagesOf(await parseReport(gzipSync(utf8(xml))))).toEqual([7]);
    expect(
      messagesOf(await parseReport(concatBytes([gzipSync(utf8(xml.slice(0, half))), gzipSync(utf8(xml.slice(half)))]))),
    ).toEqual([7]);
    expect(messagesOf(await parseReport(gzipSync(gzipSync(utf8(xml)))))).toEqual([7]);
  });

  it('ignores trailing bytes after the gzip data (Mimecast) with a warning', async () => {
    const result = await parseReport(concatBytes([gzipSync(utf8(xml)), utf8('\r\n\r\n')]), {
      fileName: 'mimecast.xml.gz',
    });
    expect(messagesOf(result)).toEqual([7]);
    expect(result.warnings.join()).toMatch(/ignored bytes after the end of the gzip data/);
  });

  it('recognises the literal "unused" payload as empty', async () => {
    const result = await parseReport(gzipSync(utf8('unused')), { fileName: 'yahoo.xml.gz' });
    expect(result).toMatchObject({ ok: false, error: { code: 'empty' } });
    if (!result.ok) expect(result.error.message).toMatch(/yahoo\.xml\.gz.*unused/);
  });

  it('refuses a truncated gzip as corrupt, naming the file', async () => {
    const gz = gzipSync(utf8(xml.repeat(20)));
    const result = await parseReport(gz.subarray(0, gz.length >> 1), { fileName: 'cut.xml.gz' });
    expect(result).toMatchObject({ ok: false, error: { code: 'corrupt-archive' } });
    if (!result.ok) expect(result.error.message).toContain('cut.xml.gz');
  });
});

describe('zip', () => {
  it('reads every report in a zip, skipping __MACOSX members', async () => {
    const zip = zipSync({
      'a.xml': utf8(xml),
      'b.xml': utf8(reportXml({ records: [recordXml({ count: 5 })] })),
      '__MACOSX/._a.xml': new Uint8Array([0, 5, 22, 7, 0, 2]),
    });
    const result = await parseReport(zip, { fileName: 'reports.zip' });
    expect(messagesOf(result)).toEqual([7, 5]);
    if (result.ok)
      expect(result.reports.map((r) => r.path)).toEqual([
        ['reports.zip', 'a.xml'],
        ['reports.zip', 'b.xml'],
      ]);
  });

  it('reads nested archives: a gz inside a zip inside a zip', async () => {
    const inner = zipSync({ 'report.xml.gz': gzipSync(utf8(xml)) });
    expect(messagesOf(await parseReport(zipSync({ 'inner.zip': inner }), { fileName: 'outer.zip' }))).toEqual([7]);
  });

  it('reads stored (uncompressed) members', async () => {
    expect(messagesOf(await parseReport(zipSync({ 'a.xml': [utf8(xml), { level: 0 }] })))).toEqual([7]);
  });

  it('refuses a password-protected member as encrypted', async () => {
    const zip = zipSync({ 'a.xml': utf8(xml) });
    // Set the "encrypted" general-purpose flag in the local header and the central directory entry.
    zip[6] = zip[6]! | 1;
    const central = zip.findIndex(
      (_, i) => zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2,
    );
    zip[central + 8] = zip[central + 8]! | 1;
    expect(await parseReport(zip, { fileName: 'secret.zip' })).toMatchObject({
      ok: false,
      error: { code: 'encrypted' },
    });
  });

  it('refuses a truncated zip as corrupt', async () => {
    const zip = zipSync({ 'a.xml': utf8(xml.repeat(10)) });
    expect(await parseReport(zip.subarray(0, zip.length - 30))).toMatchObject({
      ok: false,
      error: { code: 'corrupt-archive' },
    });
  });
});

describe('email', () => {
  it('reads a base64 zip attachment with a wrong content type', async () => {
    const message = email([
      { type: 'text/plain', body: 'This is a DMARC aggregate report.' },
      {
        type: 'application/octet-stream',
        name: 'receiver!example.com!1!2.zip',
        encoding: 'base64',
        body: base64(zipSync({ 'r.xml': utf8(xml) })),
      },
    ]);
    expect(messagesOf(await parseReport(message, { fileName: 'report.eml' }))).toEqual([7]);
  });

  it('reads a quoted-printable XML attachment', async () => {
    const qp = xml.replace(/=/g, '=3D').replace(/(.{70})/g, '$1=\r\n');
    const message = email([{ type: 'text/xml', name: 'report.xml', encoding: 'quoted-printable', body: qp }]);
    expect(messagesOf(await parseReport(message))).toEqual([7]);
  });

  it('reads a report inside a forwarded message/rfc822', async () => {
    const inner = email([
      { type: 'application/gzip', name: 'r.xml.gz', encoding: 'base64', body: base64(gzipSync(utf8(xml))) },
    ]);
    const outer = email(
      [
        { type: 'text/plain', body: 'FYI, forwarding this report.' },
        { type: 'message/rfc822', name: 'forwarded.eml', body: new TextDecoder().decode(inner) },
      ],
      'Fwd: report',
    );
    expect(messagesOf(await parseReport(outer))).toEqual([7]);
  });

  it('reads every message of an mbox', async () => {
    const one = new TextDecoder().decode(
      email([{ type: 'application/gzip', name: 'a.xml.gz', encoding: 'base64', body: base64(gzipSync(utf8(xml))) }]),
    );
    const two = new TextDecoder().decode(
      email([
        {
          type: 'application/zip',
          name: 'b.zip',
          encoding: 'base64',
          body: base64(zipSync({ 'b.xml': utf8(reportXml({ records: [recordXml({ count: 9 })] })) })),
        },
      ]),
    );
    const mbox = `From MAILER-DAEMON Tue Nov 14 10:00:00 2023\n${one}\nFrom MAILER-DAEMON Tue Nov 14 11:00:00 2023\n${two}\n`;
    const result = await parseReport(utf8(mbox), { fileName: 'inbox.mbox' });
    expect(messagesOf(result)).toEqual([7, 9]);
    if (result.ok) expect(result.reports.map((r) => r.path[1])).toEqual(['message 1', 'message 2']);
  });

  it('refuses an email without a report as not-a-report', async () => {
    const result = await parseReport(email([{ type: 'text/plain', body: 'Hello, lunch on Friday?' }]), {
      fileName: 'lunch.eml',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-a-report' } });
  });

  it('refuses an S/MIME-encrypted message as encrypted', async () => {
    const result = await parseReport(
      email([
        {
          type: 'application/pkcs7-mime',
          name: 'smime.p7m',
          encoding: 'base64',
          body: base64(new Uint8Array([1, 2, 3])),
        },
      ]),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'encrypted' } });
  });
});

describe('what is not a report', () => {
  it('a PNG named .xml.gz is not a report', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const result = await parseReport(png, { fileName: 'report.xml.gz' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-a-report' } });
    if (!result.ok) expect(result.error.message).toMatch(/report\.xml\.gz.*PNG/);
  });

  it('PGP-armoured content is encrypted', async () => {
    expect(await parseReport(utf8('-----BEGIN PGP MESSAGE-----\n\nhQEMA...\n'))).toMatchObject({
      ok: false,
      error: { code: 'encrypted' },
    });
  });

  it('XML that is not a DMARC report is not-a-report', async () => {
    expect(await parseReport(utf8('<?xml version="1.0"?><rss><channel/></rss>'))).toMatchObject({
      ok: false,
      error: { code: 'not-a-report' },
    });
  });

  it('JSON that is not a TLS report is not-a-report', async () => {
    expect(await parseReport(utf8('{"hello": "world"}'))).toMatchObject({ ok: false, error: { code: 'not-a-report' } });
  });

  it('an empty file is empty', async () => {
    expect(await parseReport(new Uint8Array(0), { fileName: 'zero.xml' })).toMatchObject({
      ok: false,
      error: { code: 'empty', message: 'zero.xml: the file is empty' },
    });
  });
});

describe('cancellation', () => {
  it('stops with the aborted error when the signal is set', async () => {
    const signal = { aborted: true };
    expect(await parseReport(gzipSync(utf8(xml)), { fileName: 'r.xml.gz', signal })).toMatchObject({
      ok: false,
      error: { code: 'aborted' },
    });
  });
});

describe('streaming consumers', () => {
  it('hands records to onRecords and can leave them out of the result (flat memory for huge reports)', async () => {
    const seen: number[] = [];
    const result = await parseReport(gzipSync(utf8(xml)), {
      retainRecords: false,
      onRecords: (batch) => seen.push(...batch.map((r) => r.count)),
    });
    expect(seen).toEqual([3, 4]);
    expect(result.ok && (result.reports[0]!.report as AggregateReport).records).toEqual([]);
    expect(result.ok && result.reports[0]).toMatchObject({ stats: { records: 2, messages: 7 } });
  });

  it('reads a report from a stream of chunks', async () => {
    const { parseReportStream } = await import('../../../core/report/parseReport');
    const bytes = gzipSync(
      utf8(reportXml({ records: Array.from({ length: 500 }, (_, i) => recordXml({ count: i })) })),
    );
    // eslint-disable-next-line @typescript-eslint/require-await -- an async generator is the AsyncIterable the API reads (its yields await); nothing else to await
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000);
    }
    const result = await parseReportStream(chunks(), { fileName: 'stream.xml.gz' });
    expect(messagesOf(result)).toEqual([(499 * 500) / 2]);
  });
});
