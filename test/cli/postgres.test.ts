// `dmarc-lens parse --to postgres://…` against a real PostgreSQL from Debian, started here in a temporary data
// directory (./postgresServer.ts). The CLI runs as a user would run it, in a child process.
import { execFile, spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../core/report/parseReport';
import { isoFromReportSeconds } from '../../core/report/reportDate';
import { seededRandom, syntheticRecord } from '../bench/generateAggregateXml';
import { readManifest, SHARED_CORPUS, type ManifestEntry } from '../corpus/readManifest';
import { findPostgresBin, startPostgres, type PostgresServer } from './postgresServer';
import { LEFT_OUT_RECORDS, REFUSED_REPORTS } from '../corpus/refusedValues';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/dmarc-lens.mjs', import.meta.url));
const smallReport = fileURLToPath(new URL('../fixtures/reports/DSalko__dmarc_parser/complete.xml', import.meta.url));

async function cli(...args: string[]): Promise<{ stderr: string; code: number }> {
  try {
    const { stderr } = await run(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { stderr, code: 0 };
  } catch (error) {
    const e = error as { stderr: string; code: number };
    return { stderr: e.stderr, code: e.code };
  }
}

const TABLES = [
  'dmarc_aggregate_report',
  'dmarc_aggregate_record',
  'dmarc_aggregate_record_dkim',
  'dmarc_aggregate_record_spf',
  'dmarc_aggregate_record_policy_override',
  'dmarc_failure_report',
  'dmarc_failure_sample_address',
  'smtp_tls_report',
  'smtp_tls_policy',
  'smtp_tls_failure_detail',
];

/** The messages the manifest gives a corpus file, as the corpus test reads them; undefined when none are expected. */
function manifestMessages(entry: ManifestEntry): number | undefined {
  if (entry.reportType !== 'aggregate' || REFUSED_REPORTS[entry.relativePath] !== undefined) return undefined;
  const leftOut = LEFT_OUT_RECORDS[entry.relativePath];
  if (leftOut) return leftOut.messages;
  if (entry.messages !== undefined) return entry.messages;
  const estimate = /records=(\d+) messages=(\d+)/.exec(entry.notes);
  return estimate ? Number(estimate[2]) : undefined;
}

const postgresBin = findPostgresBin();
const corpus = readManifest(`${SHARED_CORPUS}MANIFEST.tsv`);

if (!postgresBin) {
  describe('dmarc-lens parse --to postgres://', () => {
    // CI installs PostgreSQL (.ci/run), so there a missing server is a failure, not a skip.
    it.skipIf(!process.env.CI)(
      'skipped: no PostgreSQL programs under /usr/lib/postgresql/*/bin (apt-get install postgresql)',
      () => {
        expect(postgresBin, 'PostgreSQL must be installed on CI').toBeDefined();
      },
    );
  });
}

describe.skipIf(!postgresBin)('dmarc-lens parse --to postgres:// (a real PostgreSQL)', () => {
  let server: PostgresServer | undefined;
  let dir: string;
  let url: string;
  let db: pg.Client;

  const count = async (table: string): Promise<number> =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  const counts = async (): Promise<Record<string, number>> => {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = await count(table);
    return result;
  };

  beforeAll(async () => {
    server = await startPostgres(postgresBin!);
    dir = server.dir;
    url = server.url;
    db = new pg.Client({ connectionString: url });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await db?.end().catch(() => {});
    await server?.stop();
  }, 60_000);

  it('makes the tables and writes a report once: the same file again changes nothing', async () => {
    const report = smallReport;
    const first = await cli('parse', '--to', url, report);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('1 report written (12 aggregate records), 0 already there');
    const after = await counts();
    expect(after.dmarc_aggregate_report).toBe(1);
    const second = await cli('parse', '--to', url, report);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('0 reports written (0 aggregate records), 1 already there');
    expect(await counts()).toEqual(after);
    // Progress counts what was read, whether or not it was new to the database.
    const records = /1 report written \((\d+) aggregate records\)/.exec(first.stderr)![1]!;
    const third = await cli('parse', '--to', url, '--progress', report);
    expect(third.stderr).toMatch(new RegExp(`^dmarc-lens: 1 of 1 file, 1 report, ${records} records;`, 'm'));
    const quiet = await cli('parse', '--to', url, '--quiet', report);
    expect(quiet).toEqual({ stderr: '', code: 0 });
  }, 60_000);

  it.skipIf(corpus.length === 0)(
    'the corpus loaded gives the manifest messages of every file in SQL, and a second load changes nothing',
    async () => {
      const files = corpus.map((entry) => SHARED_CORPUS + entry.relativePath);
      // Files that are not reports (the manifest's negative samples) make the run end with status 1.
      const first = await cli('parse', '--to', url, ...files);
      expect(first.stderr).not.toContain('could not be written');
      const loaded = await counts();

      // parsedmarc's key (org name, report id, domain, begin, end) makes a report that comes again in a later file
      // (the same report as .xml and .gz, a test file reusing another's head) count once: the first file loaded has it.
      const owner = new Map<string, { file: string; messages: number }>();
      const keysOf = new Map<string, string[][]>();
      for (const entry of corpus) {
        const parsed = await parseReport(new Uint8Array(readFileSync(SHARED_CORPUS + entry.relativePath)), {
          fileName: entry.relativePath,
        });
        const keys: string[][] = [];
        for (const { report } of parsed.ok ? parsed.reports : []) {
          if (report.kind !== 'aggregate') continue;
          const key = [
            report.metadata.orgName,
            report.metadata.reportId,
            report.policy.domain,
            isoFromReportSeconds(report.metadata.begin)!,
            isoFromReportSeconds(report.metadata.end)!,
          ];
          keys.push(key);
          const messages = report.records.reduce((sum, record) => sum + record.count, 0);
          if (!owner.has(key.join('\n'))) owner.set(key.join('\n'), { file: entry.relativePath, messages });
        }
        keysOf.set(entry.relativePath, keys);
      }
      const inSql = async (keys: string[][]): Promise<{ messages: number; reports: number }> => {
        const { rows } = await db.query<{ messages: string | null; reports: string }>(
          `SELECT sum(message_count) AS messages, count(DISTINCT r.id) AS reports
           FROM dmarc_aggregate_report r LEFT JOIN dmarc_aggregate_record rec ON rec.report_id = r.id
           WHERE (r.org_name, r.report_id, r.domain, r.begin_date, r.end_date) IN
             (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[]))`,
          [0, 1, 2, 3, 4].map((i) => keys.map((key) => key[i])),
        );
        return { messages: Number(rows[0]!.messages ?? 0), reports: Number(rows[0]!.reports) };
      };

      const mismatches: string[] = [];
      const sharing: string[] = [];
      for (const entry of corpus) {
        const expected = manifestMessages(entry);
        if (expected === undefined) continue;
        const keys = keysOf.get(entry.relativePath)!;
        const own = keys.every((key) => owner.get(key.join('\n'))!.file === entry.relativePath);
        if (own) {
          const sql = await inSql(keys);
          if (sql.messages !== expected || sql.reports !== keys.length) {
            mismatches.push(`${entry.relativePath}: ${sql.messages} messages in SQL, manifest ${expected}`);
          }
        } else {
          sharing.push(entry.relativePath);
          for (const key of keys) {
            const first = owner.get(key.join('\n'))!;
            const sql = await inSql([key]);
            if (sql.messages !== first.messages || sql.reports !== 1) {
              mismatches.push(`${entry.relativePath}: report ${key[1]} has ${sql.messages} messages in SQL`);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(sharing).toHaveLength(15);
      const total = [...owner.values()].reduce((sum, report) => sum + report.messages, 0);
      const { rows } = await db.query<{ n: string }>('SELECT sum(message_count) AS n FROM dmarc_aggregate_record');
      expect(Number(rows[0]!.n)).toBe(total);
      expect(loaded.dmarc_aggregate_report).toBe(owner.size);

      const again = await cli('parse', '--to', url, ...files);
      expect(again.stderr).toMatch(/: 0 reports written \(0 aggregate records\), \d+ already there/);
      expect(await counts()).toEqual(loaded);
    },
    300_000,
  );

  it('a report cut off inside an mbox is not written, although the next report in the mbox is', async () => {
    // The real 2286-record report, gzipped and cut in half, attached to the first message; yahoo.eml (1 record, 1
    // message: PROVENANCE.tsv) after it. The cut report's first records stream before the next report's head comes.
    const large = readFileSync(
      new URL(
        '../fixtures/reports/domainaware__parsedmarc/!large-example.com!1711897200!1711983600.xml',
        import.meta.url,
      ),
    );
    const gzip = gzipSync(large);
    const cut = Buffer.from(gzip.subarray(0, Math.floor(gzip.length / 2)))
      .toString('base64')
      .replace(/.{76}/g, '$&\n');
    const yahoo = readFileSync(new URL('../fixtures/reports/mjl-__mox/yahoo.eml', import.meta.url), 'latin1');
    const file = join(dir, 'cut.mbox');
    writeFileSync(
      file,
      [
        'From MAILER-DAEMON Thu Jan  1 00:00:00 2026',
        'From: reports@example.net',
        'Subject: Report domain: example.com',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="part"',
        '',
        '--part',
        'Content-Type: application/gzip; name="large.xml.gz"',
        'Content-Transfer-Encoding: base64',
        '',
        cut,
        '--part--',
        '',
        'From MAILER-DAEMON Thu Jan  1 00:00:00 2026',
        yahoo,
        '',
      ].join('\n'),
      'latin1',
    );
    // A database of its own: the corpus test loads yahoo.eml's report too.
    await db.query('CREATE DATABASE cut_off');
    const cutUrl = url.replace(/\/postgres$/, '/cut_off');
    const run = await cli('parse', '--to', cutUrl, file);
    expect(run.stderr).toMatch(
      /cut\.mbox › message 1 › large\.xml\.gz: only the first \d+ records could be read; the report was not written/,
    );
    expect(run.stderr).toContain('1 report written (1 aggregate record), 0 already there');
    const own = new pg.Client({ connectionString: cutUrl });
    await own.connect();
    try {
      const { rows } = await own.query<{ report_id: string; messages: string }>(
        `SELECT r.report_id, sum(rec.message_count) AS messages FROM dmarc_aggregate_report r
         LEFT JOIN dmarc_aggregate_record rec ON rec.report_id = r.id GROUP BY r.report_id`,
      );
      expect(rows).toEqual([{ report_id: '1559613526.307161', messages: '1' }]);
    } finally {
      await own.end();
    }
  }, 60_000);

  it('fetch --to writes what parse --to writes, each message once across runs', async () => {
    // mjl-__mox: three aggregate report emails (Mail.Ru, xs4all.nl, Yahoo: 1 record and 1 message each, PROVENANCE.tsv)
    // and two TLS ones (Google, Microsoft), into a database of their own.
    await db.query('CREATE DATABASE fetch_to');
    const fetchUrl = url.replace(/\/postgres$/, '/fetch_to');
    const own = new pg.Client({ connectionString: fetchUrl });
    await own.connect();
    try {
      const folder = fileURLToPath(new URL('../fixtures/reports/mjl-__mox/', import.meta.url));
      const state = join(dir, 'fetch-to.json');
      const contents = async (): Promise<unknown> => ({
        aggregate: (
          await own.query(
            `SELECT org_name AS org, sum(message_count)::int AS messages FROM dmarc_aggregate_report r
             JOIN dmarc_aggregate_record rec ON rec.report_id = r.id GROUP BY org_name ORDER BY org_name`,
          )
        ).rows,
        tls: (await own.query('SELECT organization_name AS org FROM smtp_tls_report ORDER BY 1')).rows,
      });
      const first = await cli('fetch', '--dir', folder, '--to', fetchUrl, '--state', state);
      expect(first.code).toBe(0);
      expect(first.stderr).toMatch(
        /: 5 reports written \(3 aggregate records\), 0 already there\nfetch: 5 read \(5 with reports, 0 without, 0 failed\), 0 read before\n$/,
      );
      const written = await contents();
      expect(written).toEqual({
        aggregate: [
          { org: 'Mail.Ru', messages: 1 },
          { org: 'Yahoo! Inc.', messages: 1 },
          { org: 'xs4all.nl', messages: 1 },
        ],
        tls: [{ org: 'Google Inc.' }, { org: 'Microsoft Corporation' }],
      });
      const second = await cli('fetch', '--dir', folder, '--to', fetchUrl, '--state', state);
      expect(second.stderr).toMatch(
        /: 0 reports written \(0 aggregate records\), 0 already there\nfetch: 0 read \(0 with reports, 0 without, 0 failed\), 5 read before\n$/,
      );
      // parse --to over the same files finds every report there already.
      const files = ['example', 'mailru', 'microsoft', 'xs4all', 'yahoo'].map((name) => join(folder, `${name}.eml`));
      const parsed = await cli('parse', '--to', fetchUrl, ...files);
      expect(parsed.stderr).toContain(': 0 reports written (0 aggregate records), 5 already there');
      expect(await contents()).toEqual(written);
    } finally {
      await own.end();
    }
  }, 60_000);

  it('a load killed halfway through a large report leaves none of it, and a second run writes it once', async () => {
    const records = 60_000;
    const random = seededRandom(18);
    const parts: string[] = [];
    let messages = 0;
    let dkim = 0;
    for (let i = 0; i < records; i++) {
      const record = syntheticRecord(random);
      messages += Number(/<count>(\d+)<\/count>/.exec(record)![1]);
      dkim += record.match(/<dkim>\s*<domain>/g)?.length ?? 0;
      parts.push(record);
    }
    const file = join(dir, 'large.xml');
    writeFileSync(
      file,
      `<?xml version="1.0"?>
<feedback>
  <report_metadata><org_name>kill test</org_name><email>r@example.net</email><report_id>killed-halfway</report_id>
    <date_range><begin>1767225600</begin><end>1767311999</end></date_range></report_metadata>
  <policy_published><domain>example.com</domain><p>none</p></policy_published>
${parts.join('\n')}
</feedback>
`,
    );
    expect(statSync(file).size).toBeGreaterThan(30 * 2 ** 20);
    // The tables exist before the run that is killed (this test may run alone).
    expect((await cli('parse', '--to', url, smallReport)).code).toBe(0);
    const before = await counts();
    const sequence = async (): Promise<number> =>
      Number((await db.query<{ v: string }>('SELECT last_value AS v FROM dmarc_aggregate_record_id_seq')).rows[0]!.v);
    const start = await sequence();

    // Record ids are drawn from a sequence, which every session sees at once, before the report's transaction ends.
    const child = spawn(process.execPath, [bin, 'parse', '--to', url, file], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let drawn = 0;
    while (drawn < 10_000 && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      drawn = (await sequence()) - start;
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(drawn).toBeGreaterThanOrEqual(10_000);
    expect(drawn).toBeLessThan(records);
    // The server ends the dead client's transaction when it sees the connection gone.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const { rows } = await db.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'dmarc-lens'",
      );
      if (rows[0]!.n === '0') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await counts()).toEqual(before);

    const rerun = await cli('parse', '--to', url, file);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(`1 report written (${records} aggregate records)`);
    const { rows } = await db.query<{ reports: string; records: string; messages: string; dkim: string }>(
      `SELECT count(DISTINCT r.id) AS reports, count(*) AS records, sum(message_count) AS messages,
         (SELECT count(*) FROM dmarc_aggregate_record_dkim d JOIN dmarc_aggregate_record x ON x.id = d.record_id
          JOIN dmarc_aggregate_report y ON y.id = x.report_id WHERE y.report_id = 'killed-halfway') AS dkim
       FROM dmarc_aggregate_report r JOIN dmarc_aggregate_record rec ON rec.report_id = r.id
       WHERE r.report_id = 'killed-halfway'`,
    );
    expect(rows[0]).toEqual({
      reports: '1',
      records: String(records),
      messages: String(messages),
      dkim: String(dkim),
    });
  }, 300_000);
});
