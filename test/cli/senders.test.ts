// `dmarc-lens senders` end to end: the real bin script in a child process, on a real report, every figure checked by
// hand against its XML.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { asnTableBytes } from '../core/analysis/asnTableFile';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/dmarc-lens.mjs', import.meta.url));
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/reports/${path}`, import.meta.url));
const asnTable = fileURLToPath(new URL('../../site/public/data/asn-table.bin', import.meta.url));
/** google.com's report for opserv.io (MIT, DSalko/dmarc_parser). */
const opserv = fixture('DSalko__dmarc_parser/complete.xml');
const chinanet = fixture('trusteddomainproject__OpenDMARC/good.com!example.com!1337270400!1337356799.xml');

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const none = { compliant: 0, forwarded: 0, misconfigured: 0, suspicious: 0 };

describe('dmarc-lens senders', () => {
  asnTableBytes();

  it('writes one JSON line per policy domain with every source, its class and its messages per class', async () => {
    const { stdout, stderr, code } = await cli('senders', '--asn-table', asnTable, opserv);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    // From the XML: 12 records, 524 messages from 5 addresses; 412 with DKIM and SPF pass in policy_evaluated. The
    // 112 failing (96 + 10 + 6 from 209.85.220.69) carry Gmail's local_policy arc=pass override: forwarded, so
    // nothing is spoofed.
    expect(JSON.parse(lines[0]!)).toEqual({
      domain: 'opserv.io',
      messages: 524,
      dmarcPass: 412,
      distinctIps: 5,
      spoofedMessages: 0,
      sources: [
        {
          name: 'Twilio SendGrid',
          type: 'transactional',
          class: 'compliant',
          // 11 + 31 from .132, 96 + 161 from .13, 28 + 13 from 50.31.60.236, and 3 from Google signed sendgrid.info.
          messages: 343,
          byClass: { ...none, compliant: 343 },
          ips: ['167.89.100.13', '167.89.100.132', '50.31.60.236', '209.85.220.41'],
          reason: '100% of 343 messages from Twilio SendGrid pass DMARC with aligned DKIM.',
        },
        {
          name: "Others' accounts at Google Workspace / Gmail",
          type: 'mailbox',
          class: 'forwarded',
          messages: 112,
          byClass: { ...none, forwarded: 112 },
          ips: ['209.85.220.69'],
          reason:
            "112 of 112 messages from Others' accounts at Google Workspace / Gmail failed DMARC after forwarding: the receivers marked them as forwarded or mailing-list mail (policy override). Nothing to fix for these unless you send from this source; keep DKIM signing everything so forwarded copies can pass.",
        },
        {
          name: 'Google Workspace / Gmail',
          type: 'mailbox',
          class: 'compliant',
          // 3 + 66 from 209.85.220.41 with opserv.io's own signature passing.
          messages: 69,
          byClass: { ...none, compliant: 69 },
          ips: ['209.85.220.41'],
          reason: '100% of 69 messages from Google Workspace / Gmail pass DMARC with aligned DKIM.',
        },
      ],
    });
  });

  it('writes one CSV row per source, and names a file it could not read while reading the others', async () => {
    const { stdout, stderr, code } = await cli(
      'senders',
      '--format',
      'csv',
      '--asn-table',
      asnTable,
      '--domain',
      'example.com',
      '/nonexistent/report.xml',
      chinanet,
      opserv,
    );
    expect(code).toBe(1);
    expect(stderr).toBe('/nonexistent/report.xml: cannot be read (ENOENT)\n');
    const rows = stdout.split('\r\n');
    expect(rows[0]).toBe('domain,source,type,class,messages,compliant,forwarded,misconfigured,suspicious,ips,reason');
    expect(rows.at(-1)).toBe('');
    // Only example.com's sources; the largest is Facebook's (180,032 messages, 2 with example.com's own signature
    // failing from its servers).
    expect(rows[1]).toMatch(
      /^example\.com,"Meta \(Facebook, Instagram\)",notifications,compliant,180032,180030,0,2,0,/,
    );
    expect(rows.filter((row) => row.startsWith('example.com,AS4134 '))).toHaveLength(1);
    expect(rows.find((row) => row.startsWith('example.com,AS4134 '))).toMatch(/,suspicious,1005,14,0,0,991,/);
    expect(rows.some((row) => row.includes('opserv'))).toBe(false);
  });

  it('explains its options and refuses a format it does not know', async () => {
    const help = await cli('senders', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: dmarc-lens senders \[--domain D\] \[--format json\|csv\]/);
    const wrong = await cli('senders', '--format', 'xml', opserv);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^unknown format "xml"/);
  });
});
