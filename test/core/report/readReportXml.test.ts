// readReportXml gives back each aggregate report's own XML text from its file, through every container parseReport
// reads: checked on every real aggregate file (fixtures always, the shared corpus with its pasted reports when present)
// by reading the text again and getting the same report.
import { readFileSync } from 'node:fs';
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../core/report/concatBytes';
import { MAX_XML_TEXT_CHARS } from '../../../core/report/limits';
import { parseReport } from '../../../core/report/parseReport';
import { readReportXml } from '../../../core/report/readReportXml';
import type { ParsedReport } from '../../../core/report/types';
import { FIXTURE_REPORTS, readManifest, SHARED_CORPUS } from '../../corpus/readManifest';
import { REFUSED_REPORTS } from '../../corpus/refusedValues';
import { recordXml, reportXml, utf8 } from '../../helpers/reportXml';

/** Each aggregate report of `bytes` with its index among the reports sharing its path. */
async function aggregatesOf(
  bytes: Uint8Array,
  fileName: string,
): Promise<Array<{ parsed: ParsedReport; index: number }>> {
  const result = await parseReport(bytes, { fileName });
  if (!result.ok) return [];
  const seen = new Map<string, number>();
  return result.reports
    .filter((parsed) => parsed.report.kind === 'aggregate')
    .map((parsed) => {
      const key = JSON.stringify(parsed.path);
      const index = seen.get(key) ?? 0;
      seen.set(key, index + 1);
      return { parsed, index };
    });
}

/** Every aggregate report of the file, read back from its own text, is the same report. */
async function expectEachReportReadBack(bytes: Uint8Array, fileName: string): Promise<number> {
  const reports = await aggregatesOf(bytes, fileName);
  const pasted = new Set(reports.filter((r) => r.index > 0).map((r) => JSON.stringify(r.parsed.path)));
  for (const { parsed, index } of reports) {
    const xml = await readReportXml(bytes, parsed.path, index);
    expect(xml, `${parsed.path.join(' › ')} #${index}`).toBeDefined();
    if (pasted.has(JSON.stringify(parsed.path)))
      expect(xml).toMatch(/^<([\w.-]+:)?feedback[\s>][\s\S]*<\/([\w.-]+:)?feedback\s*>$/);
    const again = await parseReport(utf8(xml!));
    expect(again.ok && again.reports.map((r) => r.report)).toEqual([parsed.report]);
  }
  return reports.length;
}

function aggregateFiles(manifest: string): string[] {
  return readManifest(manifest)
    .filter((e) => e.reportType === 'aggregate' && REFUSED_REPORTS[e.relativePath] === undefined)
    .map((e) => e.relativePath);
}

describe('every aggregate fixture (test/fixtures/reports)', () => {
  it.each(aggregateFiles(`${FIXTURE_REPORTS}PROVENANCE.tsv`))('%s', async (name) => {
    expect(await expectEachReportReadBack(new Uint8Array(readFileSync(FIXTURE_REPORTS + name)), name)).toBeGreaterThan(
      0,
    );
  });
});

const corpus = aggregateFiles(`${SHARED_CORPUS}MANIFEST.tsv`);
describe.skipIf(corpus.length === 0)('every aggregate file of the shared corpus, pasted reports included', () => {
  it.each(corpus)('%s', async (name) => {
    expect(await expectEachReportReadBack(new Uint8Array(readFileSync(SHARED_CORPUS + name)), name)).toBeGreaterThan(0);
  });
});

describe('containers', () => {
  const one = reportXml({ records: [recordXml({ count: 3 })] });
  const two = reportXml({
    records: [recordXml({ count: 5 })],
    root: '<feedback xmlns="urn:ietf:params:xml:ns:dmarc-2.0">',
  });

  it('gives the whole text of a file holding one report, declaration included', async () => {
    expect(await readReportXml(utf8(one), ['r.xml'])).toBe(one);
  });

  it('gives each pasted report its own text, from <feedback to </feedback>, in file order', async () => {
    const bytes = utf8(`${one}\n-----------------\n${two}\n`);
    const own = (doc: string) => doc.slice(doc.indexOf('<feedback'));
    expect(await readReportXml(bytes, ['pasted.txt'], 0)).toBe(own(one));
    expect(await readReportXml(bytes, ['pasted.txt'], 1)).toBe(own(two));
    expect(await readReportXml(bytes, ['pasted.txt'], 2)).toBeUndefined();
  });

  it('gives a truncated last pasted report its text up to the end of the file', async () => {
    const cut = two.slice(0, two.lastIndexOf('<auth_results>'));
    expect(await readReportXml(utf8(`${one}\n${cut}`), ['cut.xml'], 1)).toBe(cut.slice(cut.indexOf('<feedback')));
  });

  it('reads members of nested zip and gzip layers by their path', async () => {
    const inner = zipSync({ 'a.xml.gz': gzipSync(utf8(one)), 'b.xml': utf8(two) });
    const outer = zipSync({ 'inner.zip': inner, 'c.xml': utf8(two) });
    expect(await readReportXml(outer, ['outer.zip', 'inner.zip', 'a.xml.gz'])).toBe(one);
    expect(await readReportXml(outer, ['outer.zip', 'inner.zip', 'b.xml'])).toBe(two);
    expect(await readReportXml(gzipSync(gzipSync(utf8(one))), ['r.xml.gz.gz'])).toBe(one);
  });

  it('reads a report attached to a message of an mbox', async () => {
    const eml = (name: string) => readFileSync(`${FIXTURE_REPORTS}${name}`);
    const mbox = concatBytes([
      utf8('From MAILER-DAEMON Tue Nov 14 10:00:00 2023\n'),
      eml('stalwartlabs__mail-auth/103.eml'),
      utf8('\nFrom MAILER-DAEMON Tue Nov 14 11:00:00 2023\n'),
      eml('freitagsrunde__dmarc-report-aggregator/mailru.eml'),
    ]);
    const reports = await aggregatesOf(mbox, 'inbox.mbox');
    expect(reports.map((r) => r.parsed.path[1]).sort()).toEqual(['message 1', 'message 2']);
    expect(await expectEachReportReadBack(mbox, 'inbox.mbox')).toBe(2);
  });

  it('decodes the declared encoding', async () => {
    const doc = one.replace('UTF-8', 'windows-1252').replace('Example Receiver', 'Caf\u00e9');
    const bytes = Uint8Array.from([...doc].map((c) => c.charCodeAt(0)));
    expect(await readReportXml(bytes, ['latin.xml'])).toBe(doc);
  });
});

describe('what gives undefined', () => {
  const zip = zipSync({ 'a.xml': utf8(reportXml()) });

  it('a path that does not exist, or a report index past the last', async () => {
    expect(await readReportXml(zip, ['r.zip', 'a.xml'])).toBeDefined();
    expect(await readReportXml(zip, ['r.zip', 'b.xml'])).toBeUndefined();
    expect(await readReportXml(zip, ['r.zip'])).toBeUndefined();
    expect(await readReportXml(zip, ['r.zip', 'a.xml'], 1)).toBeUndefined();
  });

  it('a file name that is not the first part of the path', async () => {
    expect(await readReportXml(zip, ['r.zip', 'a.xml'], 0, { fileName: 'input' })).toBeUndefined();
    expect(await readReportXml(zip, ['input', 'a.xml'], 0, { fileName: 'input' })).toBeDefined();
  });

  it('files that are not aggregate reports, or not readable', async () => {
    expect(await readReportXml(utf8('{"hello": "world"}'), ['x.json'])).toBeUndefined();
    expect(await readReportXml(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2]), ['cut.gz'])).toBeUndefined();
  });

  it('an aborted read', async () => {
    expect(await readReportXml(zip, ['r.zip', 'a.xml'], 0, { signal: { aborted: true } })).toBeUndefined();
  });

  it('a report whose text is over MAX_XML_TEXT_CHARS, which parseReport still reads', { timeout: 60_000 }, async () => {
    const padding = ' '.repeat(MAX_XML_TEXT_CHARS);
    const bytes = utf8(reportXml({ records: [recordXml(), padding, recordXml()] }));
    expect(await readReportXml(bytes, ['huge.xml'])).toBeUndefined();
    const result = await parseReport(bytes, { fileName: 'huge.xml' });
    expect(result.ok && result.reports.length).toBe(1);
  });
});

describe('parseReport results', () => {
  it('are the same with onAggregateXml as without', async () => {
    for (const name of aggregateFiles(`${FIXTURE_REPORTS}PROVENANCE.tsv`)) {
      const bytes = new Uint8Array(readFileSync(FIXTURE_REPORTS + name));
      expect(await parseReport(bytes, { fileName: name, onAggregateXml: () => {} })).toEqual(
        await parseReport(bytes, { fileName: name }),
      );
    }
  });
});
