// One search box for sources: on real reports, "google" finds Google's sources by name, a domain finds the sources
// whose header From, DKIM or SPF domains hold it (whole), and an address or network finds only those addresses.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_TIME } from '../../../core/analysis/period';
import { reportKey } from '../../../core/analysis/reportKey';
import { summarizeRecords, type ClassifiedSourceGroup } from '../../../core/analysis/summarizeRecords';
import { parseReport } from '../../../core/report/parseReport';
import type { StoredRecord } from '../../../core/report/recordDigest';
import { readSourceSearch } from '../../../site/src/dashboard/matchSourceSearch';
import { filterSources, NO_SOURCE_FILTERS } from '../../../site/src/dashboard/SourcesTable';
import { loadAsnTableForTest } from '../../core/analysis/asnTableFile';

const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));
const FILES = [
  'resend__resend-dmarc-analyzer/sample-rua-dmarc-report.xml',
  'cry-inc__dmarc-report-viewer/acme.xml',
  'domainaware__parsedmarc/protection.outlook.com!example.com!1711756800!1711843200.xml',
  'jonzobrist__DMARC-Report-Manager/google.com!secure.200permits.com!1766361600!1766447999.xml',
];

let groups: ClassifiedSourceGroup[];
beforeAll(async () => {
  const records: StoredRecord[] = [];
  for (const path of FILES) {
    const result = await parseReport(new Uint8Array(readFileSync(fixtures + path)), { fileName: path });
    if (!result.ok) throw new Error(path);
    for (const { report } of result.reports) {
      if (report.kind !== 'aggregate') continue;
      const key = reportKey(report);
      const { begin, end, orgName } = report.metadata;
      const domain = report.policy.domain.toLowerCase();
      report.records.forEach((record, i) =>
        records.push({ id: [domain, begin, key, i], reportKey: key, domain, orgName, begin, end, record }),
      );
    }
  }
  groups = summarizeRecords(records, ALL_TIME, { asnTable: loadAsnTableForTest() }).sources;
});

/** The groups a search shows, each with the addresses it keeps. */
function found(search: string): Array<[string, string[]]> {
  return filterSources(groups, { ...NO_SOURCE_FILTERS, search }).map((g) => [g.name, g.ips.map((ip) => ip.ip).sort()]);
}

describe('the sources search', () => {
  it('"google" finds Google’s sending service by its name, in any case', () => {
    // resend's 209.85.220.41 (1,523 messages, DKIM example.com selector google) is Google's address.
    expect(found('google')).toEqual([['Google Workspace / Gmail', ['209.85.220.41']]]);
    expect(found('  GOOGLE ')).toEqual(found('google'));
  });

  it('a domain finds every source whose header From, DKIM or SPF domains hold it, with all its addresses', () => {
    // SPF forwarder.com is in resend's record of 192.0.2.50 only.
    expect(found('forwarder.com')).toEqual([['192.0.2.50', ['192.0.2.50']]]);
    // secure.200permits.com is the header From of 52.4.242.136 only, in a group of three EC2 addresses: shown whole.
    expect(found('secure.200permits')).toEqual([
      ['Amazon Web Services (EC2)', ['100.24.188.149', '52.4.242.136', '72.150.241.94']],
    ]);
    expect(found('malicious.com')).toEqual([['203.0.113.99', ['203.0.113.99']]]);
  });

  it('an address or network finds those addresses alone, never a name that contains the text', () => {
    expect(found('52.4.0.0/16')).toEqual([['Amazon Web Services (EC2)', ['52.4.242.136']]]);
    expect(found('::ffff:72.150.241.94')).toEqual([['Amazon Web Services (EC2)', ['72.150.241.94']]]);
    expect(found('192.0.2.0/24')).toEqual([['192.0.2.50', ['192.0.2.50']]]);
  });

  it('part of an address narrows as it is typed; text that matches nothing finds nothing', () => {
    expect(found('203.0.')).toEqual([['203.0.113.99', ['203.0.113.99']]]);
    expect(found('no-such-sender')).toEqual([]);
    expect(found('')).toHaveLength(groups.length);
  });

  it('an empty search is no search', () => {
    expect(readSourceSearch('   ')).toBeUndefined();
  });
});
