// CSV as every writer of DMARC Lens makes it (the CLI's records, the site's exports): RFC 4180 fields, and report text
// that can never become a spreadsheet formula. Report fields are written by whoever sent the report, so a reporter
// could put `=HYPERLINK(…)` in an org name or `+cmd|…` in a domain and have it run when the CSV is opened in a
// spreadsheet (CSV injection, OWASP "CSV Injection").

/** A value a CSV cell is made from. `undefined` and `null` are empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula: = + - @, and tab, carriage
 * return and line feed (a formula may follow them). Spreadsheets also take the full-width forms ＝ ＋ － ＠ (U+FF1D,
 * U+FF0B, U+FF0D, U+FF20) as their ASCII counterparts.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Characters that make RFC 4180 §2 rule 6 quote a field. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field. Text starting like a formula gets a leading `'`, which spreadsheets show as text and do not evaluate;
 * so does text that starts with `'` itself, so that one leading `'` always means "added here" and the text can be told
 * back exactly (a reporter's `'+1` is written `''+1`, not confused with an escaped `+1`).
 * Finite numbers are written as numbers (a negative count stays `-1`, not text); NaN and ±Infinity are not numbers a
 * spreadsheet reads, so they are written as the text they are, escaped like any text.
 */
export function csvField(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  let text = String(value);
  if (FORMULA_START.test(text) || text.startsWith("'")) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (no line break): the fields escaped and joined with commas. */
export function csvRow(values: readonly CsvValue[]): string {
  let row = '';
  for (let i = 0; i < values.length; i++) row += i === 0 ? csvField(values[i]) : `,${csvField(values[i])}`;
  return row;
}
