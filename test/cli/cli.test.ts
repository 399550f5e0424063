// The CLI end to end: the real bin script in a child process, on real fixtures.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonLine, ParsedmarcLine } from '../helpers/cliLines';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/dmarc-lens.mjs', import.meta.url));
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/reports/${path}`, import.meta.url));
const fixtureOfHelpers = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const google = fixture(
  'domainaware__parsedmarc/Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml',
);
const large = fixture('domainaware__parsedmarc/!large-example.com!1711897200!1711983600.xml');

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('dmarc-lens parse', () => {
  it('prints one JSON line per report with metadata, policy and records', async () => {
    const { stdout, code } = await cli('parse', google, large);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as JsonLine);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      type: 'aggregate',
      report: {
        metadata: { orgName: 'google.com', reportId: '949348866075514174' },
        policy: { domain: 'borschow.com' },
      },
    });
    expect(lines[1]?.report?.records).toHaveLength(2286);
    expect(Object.keys(lines[1]!.report!.records[0]!)).toEqual(
      expect.arrayContaining([
        'sourceIp',
        'count',
        'disposition',
        'dkim',
        'spf',
        'reasons',
        'headerFrom',
        'dkimResults',
        'spfResults',
        'dkimAligned',
        'spfAligned',
      ]),
    );
  });

  it('prints a typed error line and exits non-zero when a file fails', async () => {
    const { stdout, code } = await cli('parse', fixture('domainaware__parsedmarc/empty.xml'), google);
    expect(code).toBe(1);
    const [bad, good] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as JsonLine);
    expect(bad).toEqual({
      file: expect.stringContaining('empty.xml') as unknown,
      error: { code: 'empty', message: 'empty.xml: the file is empty' },
      warnings: [],
    });
    expect(good?.type).toBe('aggregate');
  });

  it('prints CSV, one row per record', async () => {
    const { stdout } = await cli('parse', '--format', 'csv', large);
    const rows = stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^file,org_name,report_id/);
    expect(rows).toHaveLength(1 + 2286);
  });

  it('prints parsedmarc field names', async () => {
    const { stdout } = await cli('parse', '--format=parsedmarc', google);
    const report = JSON.parse(stdout.trim()) as ParsedmarcLine;
    expect(Object.keys(report)).toEqual(['xml_schema', 'report_metadata', 'policy_published', 'records']);
    expect(report.report_metadata).toMatchObject({
      org_name: 'google.com',
      report_id: '949348866075514174',
      begin_date: '2019-02-12 00:00:00',
    });
    expect(Object.keys(report.records![0]!)).toEqual(
      expect.arrayContaining(['source', 'count', 'alignment', 'policy_evaluated', 'identifiers', 'auth_results']),
    );
  });

  it('explains its usage on a wrong command', async () => {
    const { stderr, code } = await cli('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: dmarc-lens parse/);
  });
});

/** A one-record aggregate report with the given date range and report text, as a reporter could send it. */
function reportXml({
  begin = '1700000000',
  end = '1700086399',
  orgName = 'receiver.example',
  domain = 'example.com',
  headerFrom = 'example.com',
}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feedback>
  <report_metadata><org_name>${orgName}</org_name><email>dmarc@receiver.example</email><report_id>r1</report_id>
    <date_range><begin>${begin}</begin><end>${end}</end></date_range></report_metadata>
  <policy_published><domain>${domain}</domain><p>none</p></policy_published>
  <record><row><source_ip>192.0.2.1</source_ip><count>3</count>
      <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row>
    <identifiers><header_from>${headerFrom}</header_from></identifiers>
    <auth_results><spf><domain>example.com</domain><result>pass</result></spf></auth_results></record>
</feedback>
`;
}

describe('dmarc-lens parse on hostile input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmarc-lens-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  // Times no JavaScript Date holds (beyond ±8.64e15 ms): digits a reader may take as Unix seconds.
  const lateEnd = write('late-end.xml', reportXml({ end: '8640000000001' }));
  const hugeDates = write('huge-dates.xml', reportXml({ begin: '99999999999999', end: '99999999999999' }));

  it.each(['csv', 'parsedmarc'])('--format %s reads every file after one with dates no Date holds', async (format) => {
    const { stdout, stderr } = await cli('parse', '--format', format, lateEnd, hugeDates, google);
    expect(stderr).not.toMatch(/RangeError|\n\s+at /);
    if (format === 'csv') {
      const rows = stdout
        .trim()
        .split('\n')
        .map((row) => row.split(','));
      // Google's report for borschow.com has one record.
      expect(rows.filter((row) => row[1] === 'google.com')).toHaveLength(1);
      // Either the report is read with no date where none exists, or it is refused with its file named.
      const late = rows.find((row) => row[0] === lateEnd);
      if (late) expect([late[3], late[4]]).toEqual(['2023-11-14T22:13:20.000Z', '']);
      else expect(stderr).toContain('late-end.xml');
      const huge = rows.find((row) => row[0] === hugeDates);
      if (huge) expect([huge[3], huge[4]]).toEqual(['', '']);
      else expect(stderr).toContain('huge-dates.xml');
    } else {
      const lines = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ParsedmarcLine);
      expect(lines.at(-1)?.report_metadata).toMatchObject({
        org_name: 'google.com',
        begin_date: '2019-02-12 00:00:00',
      });
      const [late, huge] = lines;
      if (late?.report_metadata)
        expect(late.report_metadata).toMatchObject({ begin_date: '2023-11-14 22:13:20', end_date: null });
      else expect(late?.file).toBe(lateEnd);
      if (huge?.report_metadata) expect(huge.report_metadata).toMatchObject({ begin_date: null, end_date: null });
      else expect(huge?.file).toBe(hugeDates);
    }
  });

  it('CSV cells that would run as spreadsheet formulas are written as text', async () => {
    const evil = write(
      'evil.xml',
      reportXml({
        orgName: '=HYPERLINK("http://evil.example","open")',
        domain: "+cmd|' /C calc'!A0",
        headerFrom: '@SUM(1+1)',
      }),
    );
    const { stdout, code } = await cli('parse', '--format', 'csv', evil);
    expect(code).toBe(0);
    const row = stdout.split('\n')[1]!;
    expect(row).toBe(
      `${evil},"'=HYPERLINK(""http://evil.example"",""open"")",r1,2023-11-14T22:13:20.000Z,2023-11-15T22:13:19.000Z,` +
        // Domains are lower-cased as they are read.
        `'+cmd|' /c calc'!a0,none,,,,,192.0.2.1,3,none,pass,pass,'@sum(1+1),,,false,false,,,example.com,pass,`,
    );
  });

  it('CSV and parsedmarc say on stderr, naming the file, what a report left out (they have no warnings field)', async () => {
    const absurd = write('absurd-count.xml', readFileSync(fixtureOfHelpers('absurd-count.xml'), 'utf8'));
    for (const format of ['csv', 'parsedmarc']) {
      const { stdout, stderr, code } = await cli('parse', '--format', format, absurd);
      expect(code).toBe(0);
      expect(stderr).toBe(
        `${absurd}: left out a record from 192.0.2.1: count "1e30" is not a whole number of messages\n`,
      );
      expect(stdout).not.toContain('192.0.2.1');
      expect(stdout).toContain('192.0.2.2');
    }
  });

  it('refuses a file over the size limit from its size alone, and reads the next one', async () => {
    const big = join(dir, 'big.xml');
    writeFileSync(big, '');
    truncateSync(big, 5 * 2 ** 30); // sparse: no disk used, and reading it would take long
    const started = Date.now();
    const { stdout, code } = await cli('parse', big, google);
    expect(code).toBe(1);
    const [refused, read] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as JsonLine);
    expect(refused).toEqual({
      file: big,
      error: { code: 'too-large', message: `${big}: 5.0 GiB is over the 4 GiB limit for one file; not read` },
    });
    expect(read?.report?.metadata.orgName).toBe('google.com');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('says a directory is not a report file, and reads the next one', async () => {
    const { stdout, code } = await cli('parse', dir, google);
    expect(code).toBe(1);
    const [refused, read] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as JsonLine);
    expect(refused).toEqual({
      file: dir,
      error: { code: 'unreadable', message: `${dir}: is a directory, not a report file` },
    });
    expect(read?.type).toBe('aggregate');
  });
});
