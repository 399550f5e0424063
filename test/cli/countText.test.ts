// The CLI's counted sentences: one thing in the singular, more in the plural ("1 report written", not "1 reports").
import { describe, expect, it } from 'vitest';
import { countText, onlyTheFirst } from '../../cli/countText';
import { RunReporter } from '../../cli/progress';

describe('countText', () => {
  it('says one in the singular and every other count in the plural', () => {
    expect(countText(1, 'report', 'reports')).toBe('1 report');
    expect(countText(0, 'report', 'reports')).toBe('0 reports');
    expect(countText(2, 'aggregate record', 'aggregate records')).toBe('2 aggregate records');
    expect(countText(12345, 'record', 'records', (n) => new Intl.NumberFormat('en').format(n))).toBe('12,345 records');
    expect(onlyTheFirst(1)).toBe('only the first record');
    expect(onlyTheFirst(3)).toBe('only the first 3 records');
  });

  it('the progress line counts one file of one in the singular', () => {
    const reporter = new RunReporter({ tty: false, quiet: false, write: () => undefined });
    reporter.totalFiles = 1;
    expect(reporter.line()).toMatch(/^dmarc-lens: 0 of 1 file, 0 reports, 0 records;/);
  });
});
