// A file's identical warnings are listed once with how often they came, in the order they first came; report links
// cover the days a report covers.
import { describe, expect, it } from 'vitest';
import { collapseWarnings, reportHash } from '../../../site/src/import/ImportPanel';

describe('collapseWarnings', () => {
  it('counts identical warnings and keeps their first order', () => {
    const pasted = '12 reports were pasted into one file; read each';
    expect(collapseWarnings([pasted, 'b', pasted, pasted, 'b', 'c'])).toEqual([
      { text: pasted, count: 3 },
      { text: 'b', count: 2 },
      { text: 'c', count: 1 },
    ]);
    expect(collapseWarnings([])).toEqual([]);
  });
});

describe('reportHash', () => {
  it('opens the domain over the days the report covers; one ending at midnight covers the day before', () => {
    // Comcast's report of secure.200permits.com: 1766188800 – 1766275200, 20 December 2025 00:00 to 21 December 00:00.
    expect(reportHash({ domain: 'secure.200permits.com', begin: 1766188800, end: 1766275200 })).toBe(
      '#/dashboard?domain=secure.200permits.com&period=custom&from=2025-12-20&to=2025-12-20',
    );
    // zoho's: 15 February 2020 08:00 to 16 February 08:00.
    expect(reportHash({ domain: 'example.com', begin: 1581753600, end: 1581840000 })).toBe(
      '#/dashboard?domain=example.com&period=custom&from=2020-02-15&to=2020-02-16',
    );
    // A failure report without a date: the domain over all time.
    expect(reportHash({ domain: 'example.com', begin: 0, end: 0 })).toBe('#/dashboard?domain=example.com&period=all');
  });
});
