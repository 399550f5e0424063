// The report area of the catalogue: core writes its errors and warnings in English from it, and reads each back into
// its key and parameters to say it in the reader's language.
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTranslator, en, reportEn, templateParams, type MessageKey } from '../../../core/i18n';
import { parseReport } from '../../../core/report/parseReport';
import {
  localizeReportText,
  readReportMessage,
  reportText,
  type ReportMessageKey,
} from '../../../core/report/reportMessages';

const keys = Object.keys(reportEn) as ReportMessageKey[];
const dutch = createTranslator('nl').t;
const repository = new URL('../../../', import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, repository)));

/** Text of the shape each parameter holds (a number, a quoted value, digits, a JSON number), unlike any template. */
function sample(name: string, key: ReportMessageKey, count: number): string | number {
  if (['count', 'limit', 'size', 'ratio'].includes(name)) return count;
  if (name === 'quoted') return `"‹a value of ${key}›"`;
  if (name === 'digits') return '1536105600000';
  if (name === 'number') return '-5';
  return `‹${name} of ${key}›`;
}

function sampleParams(key: ReportMessageKey, count: number): Record<string, string | number> {
  return Object.fromEntries(templateParams(reportEn[key]).map((name) => [name, sample(name, key, count)]));
}

describe('reading a report sentence back', () => {
  it('gives the key and parameters every sentence was made with, for one and for many', () => {
    const wrong = keys.flatMap((key) =>
      [1, 12345].flatMap((count) => {
        const params = sampleParams(key, count);
        // Typed per key at every call in core; here every key at once.
        const english = (reportText as (key: ReportMessageKey, params: object) => string)(key, params);
        const back = readReportMessage(english);
        return back?.key === key && isDeepStrictEqual(back.params, params) ? [] : [`${key}: ${english}`];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('writes numbers in plain digits in English, as the command line always has', () => {
    expect(reportText('report.tooManyReports', { file: 'a.mbox', limit: 100000 })).toBe(
      'a.mbox: more than 100000 reports in one file',
    );
    expect(reportText('report.moreWarnings', { count: 1 })).toBe('1 more warning of another kind not listed');
    expect(reportText('report.moreWarnings', { count: 1234 })).toBe('1234 more warnings of other kinds not listed');
  });

  it('leaves text it did not make as it is', () => {
    expect(readReportMessage('something else entirely')).toBeUndefined();
    expect(localizeReportText('something else entirely', dutch)).toBe('something else entirely');
  });

  it('says a repeated warning, and the sentences inside a sentence, in Dutch with Dutch numbers', () => {
    expect(
      localizeReportText('left out a record whose source_ip "host-0.example" is not an IP address (×1500)', dutch),
    ).toBe('record weggelaten waarvan source_ip "host-0.example" geen IP-adres is (×1.500)');
    expect(localizeReportText('a.mbox: more than 100000 reports in one file', dutch)).toBe(
      'a.mbox: meer dan 100.000 rapporten in één bestand',
    );
    expect(
      localizeReportText(
        'x.json: JSON but not an SMTP TLS report (a JSON array, not an SMTP TLS report object (RFC 8460 §4.5))',
        dutch,
      ),
    ).toBe(
      'x.json: JSON, maar geen SMTP TLS-rapport (een JSON-array, geen object van een SMTP TLS-rapport (RFC 8460 §4.5))',
    );
  });
});

describe('real files, their refusals in Dutch', () => {
  it('a damaged gzip in a real report email', async () => {
    const result = await parseReport(
      read('test/fixtures/reports/JamesJJ__dmarc-report-ses-tsv/mail-with-bad-gzip.txt'),
      {
        fileName: 'mail-with-bad-gzip.txt',
      },
    );
    if (result.ok) throw new Error('the damaged gzip was read');
    expect(localizeReportText(result.error.message, dutch)).toBe(
      'mail-with-bad-gzip.txt › google.com!example.com!1614902400!1614988799.gz: de gzip-gegevens zijn beschadigd (invalid distance)',
    );
  });

  it('a file too large once unpacked (1 GiB of zeros, gzipped twice)', async () => {
    const result = await parseReport(read('test/fixtures/bombs/zeros-1g.gz.gz'), { fileName: 'zeros-1g.gz.gz' });
    if (result.ok) throw new Error('the bomb was read');
    expect(localizeReportText(result.error.message, dutch)).toBe(
      'zeros-1g.gz.gz: pakt uit tot meer dan 250× de eigen grootte (een zipbom?); geweigerd',
    );
  });

  it('a report dated 1975 (stalwartlabs/mail-auth 001.xml: begin 161212415, end 161221511)', async () => {
    const result = await parseReport(read('test/fixtures/reports/stalwartlabs__mail-auth/001.xml'), {
      fileName: '001.xml',
    });
    if (result.ok) throw new Error('the 1975 report was read');
    expect(localizeReportText(result.error.message, dutch)).toBe(
      '001.xml: rapport "3v98abbp8ya9n3va8yr8oa3ya" van "Sample Reporter" geweigerd: ' +
        'begin-datum 161212415 (1975-02-09 21:13:35 UTC) ligt vóór het bestaan van DMARC-rapporten (2012); ' +
        'end-datum 161221511 (1975-02-09 23:45:11 UTC) ligt vóór het bestaan van DMARC-rapporten (2012)',
    );
  });
});

describe('the keys the code uses', () => {
  /** Every `'report.…'` and `'ext.…'` key written as a string in core/report and the extension. */
  function keysIn(folder: string): Array<[file: string, key: string]> {
    const files = readdirSync(new URL(folder, repository), { recursive: true, encoding: 'utf8' }).filter((name) =>
      /\.tsx?$/.test(name),
    );
    return files.flatMap((file) =>
      [...readFileSync(new URL(`${folder}/${file}`, repository), 'utf8').matchAll(/'((?:report|ext)\.[\w.]+)'/g)].map(
        (match): [string, string] => [`${folder}/${file}`, match[1]!],
      ),
    );
  }

  it('are all in the catalogue', () => {
    const used = [...keysIn('core/report'), ...keysIn('extension')];
    expect(used.length).toBeGreaterThan(150);
    expect(used.filter(([, key]) => !(key in en)).map(([file, key]) => `${file}: ${key}`)).toEqual([]);
  });

  it('have Dutch with the same parameters', () => {
    const mismatched = (Object.keys(en) as MessageKey[])
      .filter((key) => key.startsWith('report.') || key.startsWith('ext.'))
      .filter(
        (key) => templateParams(en[key]).sort().join() !== templateParams(createTranslator('nl').t(key)).sort().join(),
      );
    expect(mismatched).toEqual([]);
  });
});
