// The one CSV escaping of the CLI and the site's exports: RFC 4180 quoting and no cell a spreadsheet runs as a formula.
import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from '../../../core/report/csv';

describe('csvField', () => {
  // value → cell, by hand.
  const table: Array<[value: Parameters<typeof csvField>[0], cell: string]> = [
    ['plain', 'plain'],
    ['', ''],
    [undefined, ''],
    [null, ''],
    [true, 'true'],
    [false, 'false'],
    // RFC 4180 §2 rules 6 and 7: a field with a comma, quote or line break is quoted, its quotes doubled.
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    // Formula starts get a leading ' (and quotes when they also need them).
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['=1+1', "'=1+1"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['\n=1', `"'\n=1"`],
    // Full-width forms, which spreadsheets read as their ASCII counterparts.
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    // A leading apostrophe of the text itself gets one more, so that one leading `'` always means "added here".
    ["'+1", "''+1"],
    ["'quoted'", "''quoted'"],
    // Text that is only a negative number is still text from a report: escaped.
    ['-1', "'-1"],
    // Formula characters after the first are harmless.
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    // Numbers the writer emits as numbers stay numbers, negative ones included.
    [0, '0'],
    [42, '42'],
    [-1, '-1'],
    [-0.5, '-0.5'],
    [1e21, '1e+21'],
    [-1e21, '-1e+21'],
    // NaN and infinities are no numbers a spreadsheet reads: written as text, escaped like text.
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, "'-Infinity"],
  ];
  it.each(table)('%j → %j', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });
});

describe('csvRow', () => {
  it('joins escaped fields with commas', () => {
    expect(csvRow(['Evil, Inc', '=cmd', 3, -3, undefined, 'x'])).toBe(`"Evil, Inc",'=cmd,3,-3,,x`);
    expect(csvRow([])).toBe('');
    expect(csvRow([''])).toBe('');
  });
});
