// The XML view marks the record it was opened for: the n-th <record> element of the report's own XML, checked against
// the record's source address, in real reports (plain, namespaced) and past a record the reader left out.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { locateRecord, recordSpans } from '../../../site/src/dashboard/locateRecord';

const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));
const read = (path: string) => readFileSync(fixtures + path, 'utf8');

describe('locateRecord', () => {
  it('finds each of resend’s five records, from <record> to </record>', () => {
    const xml = read('resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml');
    expect(recordSpans(xml)).toHaveLength(5);
    const ips = ['209.85.220.41', '198.51.100.42', '203.0.113.99', '192.0.2.50', '10.0.0.1'];
    ips.forEach((ip, index) => {
      const span = locateRecord(xml, index, ip)!;
      const text = xml.slice(span.start, span.end);
      expect(text.startsWith('<record>')).toBe(true);
      expect(text.endsWith('</record>')).toBe(true);
      expect(text).toContain(`<source_ip>${ip}</source_ip>`);
    });
    // The fourth record carries the override comment and envelope_to of 192.0.2.50.
    const fourth = locateRecord(xml, 3, '192.0.2.50')!;
    expect(xml.slice(fourth.start, fourth.end)).toContain('<envelope_to>recipient.com</envelope_to>');
  });

  it('finds records of a namespaced report, and the same report with its elements prefixed', () => {
    const xml = read('pescheckit__dmarc-service/namespaced_aggregate.xml');
    const spans = recordSpans(xml);
    expect(spans).toHaveLength(xml.match(/<record>/g)!.length);
    // The same document as a writer using a prefix for the namespace would write it.
    const prefixed = xml.replace(/<(\/?)(\w+)([ >])/g, '<$1d:$2$3');
    const ip = /<source_ip>([^<]+)</.exec(xml)![1]!;
    const span = locateRecord(prefixed, 0, ip)!;
    const first = prefixed.slice(span.start, span.end);
    expect(first.startsWith('<d:record>')).toBe(true);
    expect(first.endsWith('</d:record>')).toBe(true);
    expect(first).toContain(`<d:source_ip>${ip}</d:source_ip>`);
  });

  it('looks past the n-th element when a record before it was left out', () => {
    const xml = read('resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml');
    // As if the reader had dropped the first record: index 2 is then the fourth element, 192.0.2.50.
    const span = locateRecord(xml, 2, '192.0.2.50')!;
    expect(xml.slice(span.start, span.end)).toContain('<source_ip>192.0.2.50</source_ip>');
    expect(locateRecord(xml, 9, '192.0.2.50')).toBeUndefined();
  });
});
