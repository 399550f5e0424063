// Synthetic aggregate reports for benchmarks (generated, never committed): realistic record shapes and a spread of
// sources, domains and results, so that parsing cost resembles a large Google or Microsoft report.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Deterministic pseudo-random numbers (mulberry32): the same input every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENDERS = [
  'example.com',
  'mail.example.com',
  'sendgrid.net',
  'amazonses.com',
  'mailchimpapp.net',
  'outlook.com',
  'spoofer.test',
];

export function syntheticRecord(random: () => number): string {
  const ip = `${1 + Math.floor(random() * 222)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`;
  const sender = SENDERS[Math.floor(random() * SENDERS.length)]!;
  const dkimPass = random() < 0.8;
  const spfPass = random() < 0.7;
  const count = 1 + Math.floor(random() * random() * 500);
  return `  <record>
    <row>
      <source_ip>${ip}</source_ip>
      <count>${count}</count>
      <policy_evaluated>
        <disposition>${dkimPass || spfPass ? 'none' : 'quarantine'}</disposition>
        <dkim>${dkimPass ? 'pass' : 'fail'}</dkim>
        <spf>${spfPass ? 'pass' : 'fail'}</spf>
      </policy_evaluated>
    </row>
    <identifiers>
      <header_from>example.com</header_from>
      <envelope_from>bounces.${sender}</envelope_from>
    </identifiers>
    <auth_results>
      <dkim>
        <domain>${sender}</domain>
        <selector>s${Math.floor(random() * 4)}</selector>
        <result>${dkimPass ? 'pass' : 'fail'}</result>
      </dkim>
      <spf>
        <domain>bounces.${sender}</domain>
        <scope>mfrom</scope>
        <result>${spfPass ? 'pass' : 'softfail'}</result>
      </spf>
    </auth_results>
  </record>
`;
}

export function syntheticHead(reportId: string, begin = 1_700_000_000): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feedback>
  <version>1.0</version>
  <report_metadata>
    <org_name>bench.receiver.example</org_name>
    <email>noreply-dmarc@bench.receiver.example</email>
    <report_id>${reportId}</report_id>
    <date_range><begin>${begin}</begin><end>${begin + 86399}</end></date_range>
  </report_metadata>
  <policy_published>
    <domain>example.com</domain><adkim>r</adkim><aspf>r</aspf><p>none</p><sp>none</sp><pct>100</pct><fo>1</fo>
  </policy_published>
`;
}

/** A whole report of about `targetBytes`, as a string (small sizes) — returns the XML and its record count. */
export function syntheticReport(targetBytes: number, seed = 1): { xml: string; records: number } {
  const random = seededRandom(seed);
  const parts = [syntheticHead(`bench-${seed}-${targetBytes}`)];
  let size = parts[0]!.length;
  let records = 0;
  while (size < targetBytes) {
    const record = syntheticRecord(random);
    parts.push(record);
    size += record.length;
    records++;
  }
  parts.push('</feedback>\n');
  return { xml: parts.join(''), records };
}

/** Write a report of about `targetBytes` to `path` without holding it in memory. Returns the record count. */
export async function writeSyntheticReport(path: string, targetBytes: number, seed = 1): Promise<number> {
  const out = createWriteStream(path);
  const random = seededRandom(seed);
  let size = 0;
  let records = 0;
  let buffer = syntheticHead(`bench-${seed}-${targetBytes}`);
  while (size < targetBytes) {
    const record = syntheticRecord(random);
    buffer += record;
    records++;
    if (buffer.length > 1 << 20) {
      size += buffer.length;
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
    if (size + buffer.length >= targetBytes) break;
  }
  out.write(`${buffer}</feedback>\n`);
  out.end();
  await once(out, 'finish');
  return records;
}
