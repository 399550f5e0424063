// Synthetic aggregate reports for benchmarks (generated, never committed): realistic record shapes and a spread of
// sources, domains and results, so that parsing cost resembles a large Google or Microsoft report.
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

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

/**
 * How the big reporters lay out their records: Google and Microsoft indent by two spaces (Microsoft also lists
 * envelope_to first), Yahoo writes each record on one line. A report keeps one style throughout, as real ones do.
 */
export type ReporterStyle = 'google' | 'microsoft' | 'yahoo';
const STYLES: ReporterStyle[] = ['google', 'microsoft', 'yahoo'];

/** The style a generated report of this seed is written in. */
export function styleOfSeed(seed: number): ReporterStyle {
  return STYLES[Math.abs(seed) % STYLES.length]!;
}

/**
 * Free text with a reference in it, as reporters write human_result and reason comments: in about 2.6% of records one
 * of the predefined entities, which is what sent whole batches down the tree path before (issue 19).
 */
const ENTITY_TEXTS = [
  'signature verified &amp; aligned',
  'forwarded by &quot;list server&quot;',
  'sender &lt;bounces&gt; not authorized',
  'local policy: it&apos;s a mailing list',
];
const HUMAN_RESULTS = [
  'verify result: all signatures verified',
  'signature error: temporary dns failure requesting selector',
  'sigature verify error: message body does not hash to bh value',
  '',
];
const REASONS: Array<[type: string, comment: string]> = [
  ['forwarded', 'Message was forwarded by known forwarder'],
  ['local_policy', 'arc=pass'],
  ['sampled_out', 'legacy sampling'],
  ['mailing_list', ''],
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function ipv4(random: () => number): string {
  return `${1 + Math.floor(random() * 222)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`;
}

function ipv6(random: () => number): string {
  const group = () => Math.floor(random() * 0x10000).toString(16);
  return `2a01:${group()}:${group()}:${group()}::${group()}`;
}

/**
 * One `<record>` in a reporter's style, ending in `</record>\n`: about one in ten sources IPv6, one in three records
 * with a second DKIM signature, human_result in about a third, a policy override reason in 3%, and an entity in the
 * free text of 2.6%.
 */
export function syntheticRecord(random: () => number, style: ReporterStyle = 'google'): string {
  const ip = random() < 0.1 ? ipv6(random) : ipv4(random);
  const sender = SENDERS[Math.floor(random() * SENDERS.length)]!;
  const dkimPass = random() < 0.8;
  const spfPass = random() < 0.7;
  const count = 1 + Math.floor(random() * random() * 500);
  const withEntity = random() < 0.026;
  const humanResult =
    random() < 0.3 ? (withEntity ? pick(random, ENTITY_TEXTS) : pick(random, HUMAN_RESULTS)) : undefined;
  const reason = random() < 0.03 || (withEntity && humanResult === undefined) ? pick(random, REASONS) : undefined;
  const reasonComment = reason && withEntity && humanResult === undefined ? pick(random, ENTITY_TEXTS) : reason?.[1];
  const dkims = [{ domain: sender, selector: `s${Math.floor(random() * 4)}`, pass: dkimPass }];
  if (random() < 0.33) dkims.push({ domain: 'esp.example.net', selector: 'esp', pass: random() < 0.9 });
  // Element lines at their depth; Yahoo's records are one line without indentation.
  const lines: Array<[depth: number, text: string]> = [
    [1, '<record>'],
    [2, '<row>'],
  ];
  lines.push([3, `<source_ip>${ip}</source_ip>`], [3, `<count>${count}</count>`], [3, '<policy_evaluated>']);
  lines.push([4, `<disposition>${dkimPass || spfPass ? 'none' : 'quarantine'}</disposition>`]);
  lines.push([4, `<dkim>${dkimPass ? 'pass' : 'fail'}</dkim>`], [4, `<spf>${spfPass ? 'pass' : 'fail'}</spf>`]);
  if (reason) lines.push([4, `<reason><type>${reason[0]}</type><comment>${reasonComment}</comment></reason>`]);
  lines.push([3, '</policy_evaluated>'], [2, '</row>'], [2, '<identifiers>']);
  if (style === 'microsoft') lines.push([3, '<envelope_to>example.org</envelope_to>']);
  lines.push([3, `<envelope_from>bounces.${sender}</envelope_from>`], [3, '<header_from>example.com</header_from>']);
  lines.push([2, '</identifiers>'], [2, '<auth_results>']);
  for (const d of dkims) {
    lines.push([3, '<dkim>'], [4, `<domain>${d.domain}</domain>`], [4, `<selector>${d.selector}</selector>`]);
    lines.push([4, `<result>${d.pass ? 'pass' : 'fail'}</result>`]);
    if (humanResult !== undefined) lines.push([4, `<human_result>${humanResult}</human_result>`]);
    lines.push([3, '</dkim>']);
  }
  lines.push([3, '<spf>'], [4, `<domain>bounces.${sender}</domain>`], [4, '<scope>mfrom</scope>']);
  lines.push([4, `<result>${spfPass ? 'pass' : 'softfail'}</result>`], [3, '</spf>'], [2, '</auth_results>']);
  lines.push([1, '</record>']);
  if (style === 'yahoo') return `${lines.map(([, text]) => text).join('')}\n`;
  return lines.map(([depth, text]) => `${'  '.repeat(depth)}${text}\n`).join('');
}

export function syntheticHead(reportId: string, begin = 1_700_000_000, style: ReporterStyle = 'google'): string {
  const feedback =
    style === 'microsoft'
      ? '<feedback xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
      : '<feedback>';
  return `<?xml version="1.0" encoding="UTF-8"?>
${feedback}
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
  const style = styleOfSeed(seed);
  const parts = [syntheticHead(`bench-${seed}-${targetBytes}`, undefined, style)];
  let size = parts[0]!.length;
  let records = 0;
  while (size < targetBytes) {
    const record = syntheticRecord(random, style);
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
  const style = styleOfSeed(seed);
  let buffer = syntheticHead(`bench-${seed}-${targetBytes}`, undefined, style);
  while (size < targetBytes) {
    const record = syntheticRecord(random, style);
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

/** `path`.gz beside `path` (zlib's default level, as reporters' gzip writes), made once; returns its path. */
export async function writeGzipCopy(path: string): Promise<string> {
  const gzPath = `${path}.gz`;
  if (!existsSync(gzPath) || statSync(gzPath).mtimeMs < statSync(path).mtimeMs) {
    await pipeline(createReadStream(path), createGzip(), createWriteStream(gzPath));
  }
  return gzPath;
}
