// The CLI end to end: the real bin script in a child process, on real fixtures.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/dmarc-lens.mjs', import.meta.url));
const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/reports/${path}`, import.meta.url));
const google = fixture('domainaware__parsedmarc/Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml');
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
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ type: 'aggregate', report: { metadata: { orgName: 'google.com', reportId: '949348866075514174' }, policy: { domain: 'borschow.com' } } });
    expect(lines[1].report.records).toHaveLength(2286);
    expect(Object.keys(lines[1].report.records[0])).toEqual(expect.arrayContaining(['sourceIp', 'count', 'disposition', 'dkim', 'spf', 'reasons', 'headerFrom', 'dkimResults', 'spfResults', 'dkimAligned', 'spfAligned']));
  });

  it('prints a typed error line and exits non-zero when a file fails', async () => {
    const { stdout, code } = await cli('parse', fixture('domainaware__parsedmarc/empty.xml'), google);
    expect(code).toBe(1);
    const [bad, good] = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(bad).toEqual({ file: expect.stringContaining('empty.xml'), error: { code: 'empty', message: 'empty.xml: the file is empty' }, warnings: [] });
    expect(good.type).toBe('aggregate');
  });

  it('prints CSV, one row per record', async () => {
    const { stdout } = await cli('parse', '--format', 'csv', large);
    const rows = stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^file,org_name,report_id/);
    expect(rows).toHaveLength(1 + 2286);
  });

  it('prints parsedmarc field names', async () => {
    const { stdout } = await cli('parse', '--format=parsedmarc', google);
    const report = JSON.parse(stdout.trim());
    expect(Object.keys(report)).toEqual(['xml_schema', 'report_metadata', 'policy_published', 'records']);
    expect(report.report_metadata).toMatchObject({ org_name: 'google.com', report_id: '949348866075514174', begin_date: '2019-02-12 00:00:00' });
    expect(Object.keys(report.records[0])).toEqual(expect.arrayContaining(['source', 'count', 'alignment', 'policy_evaluated', 'identifiers', 'auth_results']));
  });

  it('explains its usage on a wrong command', async () => {
    const { stderr, code } = await cli('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: dmarc-lens parse/);
  });
});
