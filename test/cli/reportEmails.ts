// Small report emails as a mailbox provider sends them, for the benchmark and the fetch tests that need many messages:
// a real-shaped aggregate report (test/bench/generateAggregateXml.ts) of one to four records, base64 in a MIME part.
import { seededRandom, syntheticHead, syntheticRecord } from '../bench/generateAggregateXml';

/** The `index`-th email and the messages its records count (the sum of their <count>s). */
export function reportEmail(index: number): { email: string; messages: number } {
  const random = seededRandom(index + 1);
  const records = Array.from({ length: 1 + (index % 4) }, () => syntheticRecord(random)).join('');
  const messages = [...records.matchAll(/<count>(\d+)<\/count>/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  const begin = 1_700_000_000 + index * 60;
  const xml = `${syntheticHead(`bench-${index}`, begin)}${records}</feedback>\n`;
  const body = Buffer.from(xml).toString('base64').replace(/.{76}/g, '$&\n');
  const email = [
    'From: noreply-dmarc-support@google.com',
    'To: dmarc@example.com',
    `Subject: Report domain: example.com Submitter: google.com Report-ID: bench-${index}`,
    `Date: ${new Date(begin * 1000).toUTCString()}`,
    `Message-ID: <bench-${index}@google.com>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'This is an aggregate report from google.com.',
    '--b',
    `Content-Type: application/xml; name="google.com!example.com!${begin}!0.xml"`,
    'Content-Transfer-Encoding: base64',
    '',
    body,
    '--b--',
    '',
  ].join('\n');
  return { email, messages };
}
