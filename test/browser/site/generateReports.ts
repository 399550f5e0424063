// Synthetic aggregate reports for the site's browser tests and benchmark: realistic shapes (several reporters, source
// IPs, pass and fail mixes, one report per reporter per day), packed as .xml.gz or .zip like real ones arrive.
// Deterministic: the same seed gives the same files, so totals can be asserted.
import { gzipSync, zipSync, strToU8 } from 'fflate';
import { seededRandom } from '../../bench/generateAggregateXml';

export interface GeneratedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
  records: number;
  messages: number;
}

const REPORTERS = [
  'google.com',
  'Yahoo',
  'Outlook.com',
  'Mail.Ru',
  'GMX',
  'comcast.net',
  'Fastmail Pty Ltd',
  'xs4all.nl',
];
const DAY = 86_400;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function aggregateXml(options: {
  orgName: string;
  reportId: string;
  domain: string;
  begin: number;
  records: Array<{
    ip: string;
    count: number;
    pass: boolean;
    disposition: string;
    dkimDomain: string;
    spfDomain: string;
  }>;
}): string {
  const rows = options.records
    .map(
      (r) =>
        `<record><row><source_ip>${r.ip}</source_ip><count>${r.count}</count><policy_evaluated><disposition>${r.disposition}</disposition><dkim>${r.pass ? 'pass' : 'fail'}</dkim><spf>${r.pass ? 'pass' : 'fail'}</spf></policy_evaluated></row><identifiers><header_from>${options.domain}</header_from></identifiers><auth_results><dkim><domain>${r.dkimDomain}</domain><selector>s1</selector><result>${r.pass ? 'pass' : 'fail'}</result></dkim><spf><domain>${r.spfDomain}</domain><result>${r.pass ? 'pass' : 'fail'}</result></spf></auth_results></record>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feedback><report_metadata><org_name>${escapeXml(options.orgName)}</org_name><email>noreply-dmarc@example.org</email><report_id>${escapeXml(options.reportId)}</report_id><date_range><begin>${options.begin}</begin><end>${options.begin + DAY - 1}</end></date_range></report_metadata>
<policy_published><domain>${options.domain}</domain><adkim>r</adkim><aspf>r</aspf><p>none</p><sp>none</sp><pct>100</pct></policy_published>
${rows}
</feedback>`;
}

/**
 * `count` report files for `domains`, ~`recordsPerFile` records each, alternating .xml.gz and .zip. Days run back from
 * `lastDay` (Unix seconds of a UTC midnight).
 */
export function generateReportFiles(
  count: number,
  options: { seed?: number; recordsPerFile?: number; domains?: string[]; lastDay?: number } = {},
): GeneratedFile[] {
  const random = seededRandom(options.seed ?? 1);
  const domains = options.domains ?? ['example.com', 'example.net'];
  const perFile = options.recordsPerFile ?? 15;
  const lastDay = options.lastDay ?? 1_767_225_600; // 2026-01-01
  const files: GeneratedFile[] = [];
  for (let i = 0; i < count; i++) {
    const orgName = REPORTERS[i % REPORTERS.length]!;
    const domain = domains[Math.floor(i / REPORTERS.length) % domains.length]!;
    const begin = lastDay - Math.floor(i / (REPORTERS.length * domains.length)) * DAY;
    const n = Math.max(1, Math.round(perFile * (0.5 + random())));
    const records = [];
    let messages = 0;
    for (let r = 0; r < n; r++) {
      const pass = random() < 0.85;
      const count = 1 + Math.floor(random() * 40);
      messages += count;
      const service = Math.floor(random() * 6);
      records.push({
        ip: `198.51.${service * 8 + Math.floor(random() * 8)}.${Math.floor(random() * 254) + 1}`,
        count,
        pass,
        disposition: pass ? 'none' : random() < 0.5 ? 'quarantine' : 'none',
        dkimDomain: pass ? domain : `sender${service}.example.org`,
        spfDomain: pass ? domain : `bounce.sender${service}.example.org`,
      });
    }
    const reportId = `gen-${options.seed ?? 1}-${i}`;
    const xml = aggregateXml({ orgName, reportId, domain, begin, records });
    const base = `${orgName.replace(/[^a-z0-9.]/gi, '')}!${domain}!${begin}!${begin + DAY - 1}!${i}`;
    const gz = i % 2 === 0;
    const bytes = gz ? gzipSync(strToU8(xml)) : zipSync({ [`${base}.xml`]: strToU8(xml) });
    files.push({
      name: `${base}.${gz ? 'xml.gz' : 'zip'}`,
      mimeType: gz ? 'application/gzip' : 'application/zip',
      buffer: Buffer.from(bytes),
      records: n,
      messages,
    });
  }
  return files;
}
