// mbox files and emails are read one message at a time: each message is parsed and read to its end before the next
// is started, and an mbox is read to at most MAX_MESSAGES_PER_FILE messages. An mbox of a million one-line messages
// (9 MB, a few KB gzipped) once had every message parsed at once and ran the process out of memory.
import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_MESSAGES_PER_FILE, MAX_MIME_BOUNDARY_LINES } from '../../../core/report/limits';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateReport, ParseResult } from '../../../core/report/types';

const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/reports/${path}`, import.meta.url)));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const utf8 = (value: string) => new TextEncoder().encode(value);

/** Real report emails (test/fixtures/reports/*, PROVENANCE.tsv), as mbox messages. */
const messages = [
  'freitagsrunde__dmarc-report-aggregator/google.eml',
  'freitagsrunde__dmarc-report-aggregator/aol.eml',
  'freitagsrunde__dmarc-report-aggregator/outlook.eml',
  'freitagsrunde__dmarc-report-aggregator/mailru.eml',
].map((path) => text(fixture(path)).replace(/\r\n/g, '\n'));

function mboxOf(bodies: string[]): Uint8Array {
  return utf8(
    bodies
      .map((body) => `From MAILER-DAEMON Tue Nov 14 10:00:00 2023\n${body.replace(/^From /gm, '>From ')}\n`)
      .join(''),
  );
}

function orgNames(result: ParseResult): string[] {
  return result.ok ? result.reports.map((r) => (r.report as AggregateReport).metadata.orgName) : [];
}

/** Counts the MIME parses running at once, around the real postal-mime. */
function countConcurrentParses(): { most: () => number } {
  const parse = PostalMime.parse.bind(PostalMime);
  let running = 0;
  let most = 0;
  vi.spyOn(PostalMime, 'parse').mockImplementation(async (...args: Parameters<typeof PostalMime.parse>) => {
    most = Math.max(most, ++running);
    try {
      return await parse(...args);
    } finally {
      running--;
    }
  });
  return { most: () => most };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('mbox: one message at a time', () => {
  it('parses one message at a time and reads their reports in file order', async () => {
    const parses = countConcurrentParses();
    const result = await parseReport(mboxOf(messages), { fileName: 'inbox.mbox' });
    expect(orgNames(result)).toEqual(['google.com', 'Yahoo', 'Outlook.com', 'Mail.Ru']);
    if (result.ok)
      expect(result.reports.map((r) => r.path[1])).toEqual(['message 1', 'message 2', 'message 3', 'message 4']);
    expect(parses.most()).toBe(1);
  });

  it('parses forwarded messages inside an email one at a time, after the email itself', async () => {
    const forwarded = messages.map(
      (message, i) =>
        `--b\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename="fwd${i + 1}.eml"\n\n${message}\n`,
    );
    const outer = `From: a@example.com\nTo: b@example.com\nSubject: Fwd: reports\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n${forwarded.join('')}--b--\n`;
    const parses = countConcurrentParses();
    const result = await parseReport(utf8(outer), { fileName: 'forwarded.eml' });
    expect(orgNames(result)).toEqual(['google.com', 'Yahoo', 'Outlook.com', 'Mail.Ru']);
    if (result.ok)
      expect(result.reports.map((r) => r.path[1])).toEqual(['fwd1.eml', 'fwd2.eml', 'fwd3.eml', 'fwd4.eml']);
    expect(parses.most()).toBe(1);
  });

  it(`reads at most MAX_MESSAGES_PER_FILE (${MAX_MESSAGES_PER_FILE}) messages and says so, naming the file`, async () => {
    // Messages of a `From ` line alone count as messages too, without a MIME parse each: the cap is reached quickly.
    const flood = `From MAILER-DAEMON\n`.repeat(MAX_MESSAGES_PER_FILE - 1);
    const mbox = utf8(`${text(mboxOf([messages[0]!]))}${flood}${text(mboxOf([messages[1]!]))}`);
    const result = await parseReport(mbox, { fileName: 'flood.mbox' });
    expect(orgNames(result)).toEqual(['google.com']);
    expect(result.warnings).toEqual([
      `flood.mbox: holds more than ${MAX_MESSAGES_PER_FILE} messages; the messages after message ${MAX_MESSAGES_PER_FILE} were not read`,
    ]);
  });

  it('reads the last message when the mbox holds exactly MAX_MESSAGES_PER_FILE', async () => {
    const flood = `From MAILER-DAEMON\n`.repeat(MAX_MESSAGES_PER_FILE - 2);
    const mbox = utf8(`${text(mboxOf([messages[0]!]))}${flood}${text(mboxOf([messages[1]!]))}`);
    const result = await parseReport(mbox, { fileName: 'full.mbox' });
    expect(orgNames(result)).toEqual(['google.com', 'Yahoo']);
    expect(result.warnings).toEqual([]);
  });

  it('fails with too-large, naming the file and the cap, when no message before the cap held a report', async () => {
    const result = await parseReport(utf8('From a\n'.repeat(MAX_MESSAGES_PER_FILE + 1)), { fileName: 'empty.mbox' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'too-large',
        message: `empty.mbox: holds more than ${MAX_MESSAGES_PER_FILE} messages; the messages after message ${MAX_MESSAGES_PER_FILE} were not read`,
      },
    });
  });
});

describe('email: a flood of MIME parts', () => {
  const withParts = (parts: number) =>
    utf8(
      'From: a@example.com\nSubject: parts\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n' +
        `${'--b\nContent-Type: text/plain\n\nx\n'.repeat(parts)}--b\nContent-Type: text/xml\nContent-Disposition: attachment; filename="r.xml"\n\n` +
        `<feedback><report_metadata><org_name>parts</org_name><date_range><begin>1700000000</begin><end>1700086399</end></date_range></report_metadata><policy_published><domain>example.com</domain></policy_published><record><row><source_ip>192.0.2.1</source_ip><count>1</count></row></record></feedback>\n--b--\n`,
    );

  it(`refuses an email of more than MAX_MIME_BOUNDARY_LINES (${MAX_MIME_BOUNDARY_LINES}) boundary lines before parsing it`, async () => {
    const parses = countConcurrentParses();
    const result = await parseReport(withParts(MAX_MIME_BOUNDARY_LINES), { fileName: 'parts.eml' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'too-large',
        message: `parts.eml: the email has more than ${MAX_MIME_BOUNDARY_LINES} MIME boundary lines (a flood of parts?); not read`,
      },
    });
    expect(parses.most()).toBe(0);
  });

  it('reads an email of exactly MAX_MIME_BOUNDARY_LINES boundary lines', async () => {
    // The parts, the report's part and the closing delimiter.
    const result = await parseReport(withParts(MAX_MIME_BOUNDARY_LINES - 2), { fileName: 'parts.eml' });
    expect(orgNames(result)).toEqual(['parts']);
  });
});
