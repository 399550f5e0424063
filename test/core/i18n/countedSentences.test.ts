// Sentences that count things say one thing in the singular and more in the plural, in both languages: no "1 reports",
// "1 of 1 files" or "1 have".
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../core/i18n';

const en = createTranslator('en').t;
const nl = createTranslator('nl').t;

describe('counted sentences', () => {
  it('say one in the singular', () => {
    expect(en('data.stored', { reports: 1, records: 1 })).toBe('1 report and 1 record are stored in this browser.');
    expect(nl('data.stored', { reports: 1, records: 1 })).toBe('In deze browser zijn 1 rapport en 1 record bewaard.');
    expect(en('import.progress', { done: 0, total: 1 })).toBe('0 of 1 file');
    expect(nl('import.progress', { done: 0, total: 1 })).toBe('0 van 1 bestand');
    expect(en('import.cancelled', { done: 1, total: 1 })).toBe(
      'Import cancelled: 1 of 1 file was read; what was stored stays stored.',
    );
    expect(en('dash.fromReports', { count: 1 })).toBe('from 1 report');
    expect(nl('dash.fromReports', { count: 1 })).toBe('uit 1 rapport');
    expect(en('drilldown.shown.sources', { shown: 1, count: 1 })).toBe('1 of 1 source shown.');
    expect(en('senders.rdns.withoutName', { count: 1 })).toBe('; 1 has no reverse DNS name');
    expect(nl('senders.rdns.withoutName', { count: 1 })).toBe('; 1 heeft geen reverse-DNS-naam');
    expect(en('senders.rdns.failed', { count: 1 })).toBe('; 1 lookup failed');
  });

  it('say more in the plural, numbers written the language’s way', () => {
    expect(en('data.stored', { reports: 4000, records: 160000 })).toBe(
      '4,000 reports and 160,000 records are stored in this browser.',
    );
    expect(nl('data.stored', { reports: 4000, records: 2 })).toBe(
      'In deze browser zijn 4.000 rapporten en 2 records bewaard.',
    );
    expect(en('import.progress', { done: 2, total: 3 })).toBe('2 of 3 files');
    expect(en('dash.fromReports', { count: 12 })).toBe('from 12 reports');
    expect(nl('senders.rdns.failed', { count: 2 })).toBe('; 2 opzoekingen mislukt');
  });
});
