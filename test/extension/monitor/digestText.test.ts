// "Copy as e-mail text": the weekly digest of hello-charly.com for 4 to 10 February 2024 as plain lines, with the
// figures summed by hand from the XML in test/core/analysis/weeklyDigest.test.ts (reports read in place from
// ../shared/corpus).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { weeklyDigest } from '../../../core/analysis';
import { createTranslator } from '../../../core/i18n';
import { parseReport, type AggregateReport } from '../../../core/report';
import { digestText } from '../../../extension/monitor/digestText';
import { SHARED_CORPUS } from '../../corpus/readManifest';
import { loadAsnTableForTest } from '../../core/analysis/asnTableFile';

const FOLDER = `${SHARED_CORPUS}asrokknoivl__dmarc-analyser/`;

async function helloCharly(): Promise<AggregateReport[]> {
  const reports: AggregateReport[] = [];
  for (const file of ['noreply-dmarc-support@google.com.txt', 'dmarcreport@microsoft.com.txt']) {
    const result = await parseReport(new Uint8Array(readFileSync(FOLDER + file)), { fileName: file });
    if (!result.ok) throw new Error(result.error.message);
    for (const parsed of result.reports) if (parsed.report.kind === 'aggregate') reports.push(parsed.report);
  }
  return reports;
}

describe.skipIf(!existsSync(FOLDER))('digestText', () => {
  it('writes the week of 4 to 10 February as e-mail lines', async () => {
    const digest = weeklyDigest(await helloCharly(), {
      domain: 'hello-charly.com',
      weekEnd: '2024-02-10',
      now: Date.parse('2024-02-16T00:00:00Z') / 1000,
      asnTable: loadAsnTableForTest(),
    })!;
    const lines = digestText(digest, createTranslator('en')).split('\n');
    expect(lines.slice(0, 14)).toEqual([
      'DMARC weekly digest for hello-charly.com, 2024-02-04 to 2024-02-10',
      '',
      'Volume and DMARC pass rate',
      '- This week: 179 · Passing DMARC: 178 (99.4%)',
      '- The week before: 1,366 · Passing DMARC: 1,344 (98.4%)',
      '',
      'Messages per day',
      '- 2024-02-04: 79',
      '- 2024-02-05: 0',
      '- 2024-02-06: 0',
      '- 2024-02-07: 0',
      '- 2024-02-08: 23',
      '- 2024-02-09: 12',
      '- 2024-02-10: 65',
    ]);
    // Readiness as of 10 February: nine days with reports under p=none (29-31 January, 1, 3, 4, 8, 9, 10 February);
    // Google's notifications 293 of 303 aligned (75 + 76 + 33 + 3 + 96 + 4 + 6 + 6 + 4, ten failing on 29 January);
    // OVH none of its one message.
    expect(lines.slice(14)).toEqual([
      '',
      'What changed',
      '- Nothing changed this week.',
      '',
      'New sources',
      '- No new sources this week.',
      '',
      'Sources failing DMARC',
      '- No source of your own mail failed DMARC this week.',
      '',
      'Readiness',
      '- hello-charly.com is not ready for p=quarantine t=y: 3 things to fix first.',
      '  - Only 9 days of reports under p=none; RFC 9989 suggests watching at least 30 days before the next step.',
      '  - Google service notifications: 96.7% of 303 messages aligned (needs 98%).',
      '  - OVHcloud (mail hosting): 0% of 1 message aligned (needs 98%). Turn on DKIM signing with d=hello-charly.com at OVHcloud (mail hosting); optionally set a custom return-path under hello-charly.com at OVHcloud (mail hosting) so SPF aligns as well.',
      '',
    ]);
    expect(digestText(digest, createTranslator('nl')).split('\n')[3]).toBe(
      '- Deze week: 179 · Geslaagd voor DMARC: 178 (99,4%)',
    );
  });
});
