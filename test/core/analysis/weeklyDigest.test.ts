// The weekly digest on real reports, every count summed by hand from the XML (the comments show the sums):
// hello-charly.com's Google and Microsoft reports (asrokknoivl/dmarc-analyser, read in place from ../shared/corpus).
// A day is the day a report's last second falls on; DMARC pass is the receiver's verdict (DKIM or SPF pass).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateReport } from '../../../core/report/types';
import { weeklyDigest } from '../../../core/analysis/weeklyDigest';
import { SHARED_CORPUS } from '../../corpus/readManifest';
import { loadAsnTableForTest } from './asnTableFile';

const FOLDER = `${SHARED_CORPUS}asrokknoivl__dmarc-analyser/`;
const FILES = ['noreply-dmarc-support@google.com.txt', 'dmarcreport@microsoft.com.txt'];

async function helloCharly(): Promise<AggregateReport[]> {
  const reports: AggregateReport[] = [];
  for (const file of FILES) {
    const result = await parseReport(new Uint8Array(readFileSync(FOLDER + file)), { fileName: file });
    if (!result.ok) throw new Error(result.error.message);
    for (const parsed of result.reports) if (parsed.report.kind === 'aggregate') reports.push(parsed.report);
  }
  return reports;
}

const now = Date.parse('2024-02-16T00:00:00Z') / 1000;

describe.skipIf(!existsSync(FOLDER))('weeklyDigest on hello-charly.com', () => {
  it('counts the week of 4 to 10 February day by day, and the week before', async () => {
    const digest = weeklyDigest(await helloCharly(), {
      domain: 'hello-charly.com',
      weekEnd: '2024-02-10',
      now,
      asnTable: loadAsnTableForTest(),
    })!;
    expect([digest.from, digest.to]).toEqual(['2024-02-04', '2024-02-10']);
    expect(digest.days).toEqual([
      { day: '2024-02-04', messages: 79, dmarcPass: 78 }, // Google
      { day: '2024-02-05', messages: 0, dmarcPass: 0 },
      { day: '2024-02-06', messages: 0, dmarcPass: 0 },
      { day: '2024-02-07', messages: 0, dmarcPass: 0 },
      { day: '2024-02-08', messages: 23, dmarcPass: 23 }, // Enterprise Outlook 20, Outlook.com 3
      { day: '2024-02-09', messages: 12, dmarcPass: 12 }, // Enterprise Outlook
      { day: '2024-02-10', messages: 65, dmarcPass: 65 }, // Google 64, Enterprise Outlook 1
    ]);
    expect(digest.thisWeek).toEqual({ messages: 179, dmarcPass: 178 });
    // 28 Jan – 3 Feb: Google 255 + 512 + 247 + 288 + 52, Microsoft 1 + 11 on 1 February; passing 245 + 509 + 244 +
    // 282 + 52 + 1 + 11.
    expect(digest.weekBefore).toEqual({ messages: 1366, dmarcPass: 1344 });
    expect(digest.failingSources).toEqual([]);
    expect(digest.readiness.current).toMatchObject({ p: 'none' });
    expect(digest.reportDays.slice(0, 3)).toEqual(['2024-02-14', '2024-02-13', '2024-02-12']);
  });

  it('names OVH as new and failing in the week of 26 January to 1 February', async () => {
    const digest = weeklyDigest(await helloCharly(), {
      domain: 'hello-charly.com',
      weekEnd: '2024-02-01',
      now,
      asnTable: loadAsnTableForTest(),
    })!;
    // 29 Jan – 1 Feb: Google 255 + 512 + 247 + 288, Microsoft 1 + 11; passing 245 + 509 + 244 + 282 + 1 + 11.
    expect(digest.thisWeek).toEqual({ messages: 1314, dmarcPass: 1292 });
    expect(digest.weekBefore).toEqual({ messages: 0, dmarcPass: 0 });
    // 51.210.94.141 on 30 January: SPF pass for mail-out.cluster028.hosting.ovh.net, no DKIM, not aligned. Google's
    // notifications failed 10 of 75 on the 29th, but over the week 273 of 283 were aligned (75 + 76 + 33 + 3 + 96).
    expect(digest.failingSources).toEqual([
      { key: 'ovh', label: 'OVHcloud (mail hosting)', ownMessages: 1, alignedMessages: 0 },
    ]);
    // New in the week: OVH (above), and one aligned message on 1 February from a server in OVH's network (named by
    // the offline ASN table), a catalogued service, so told however few its messages.
    expect(digest.newSources.map((s) => [s.key, s.firstDay, s.status, s.ownMessages])).toEqual([
      ['ovh', '2024-01-30', 'failing', 1],
      ['ovh-cloud', '2024-02-01', 'passing', 1],
    ]);
    // Google's reports say np=none, Microsoft's leave np out: not a change of policy.
    expect(digest.changes).toEqual([]);
  });
});
