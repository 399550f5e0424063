// What the dashboard keeps of a read (site/src/dashboard/keptDigests.ts): the digests it read plus those an import
// announced as it stored them must be exactly what a fresh read of the store gives, in the same order, so that the
// summary and sources made from them after an import are those a reload shows. Real corpus reports, stored through
// core/store as the import worker stores them.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_TIME, type Period } from '../../../core/analysis/period';
import { RecordSummarizer } from '../../../core/analysis/summarizeRecords';
import { parseReport } from '../../../core/report/parseReport';
import type { DigestId, StoredRecordDigest } from '../../../core/report/recordDigest';
import { digestInView, forEachDigestChunk } from '../../../core/store/queries';
import { saveFiles, type FileRows } from '../../../core/store/saveReportRows';
import { openReportDatabase, type ReportDatabase } from '../../../core/store/schema';
import { toReportRows } from '../../../core/store/toStoredReport';
import { compareDigestIds, DigestKeeper } from '../../../site/src/dashboard/keptDigests';

const REPORTS = new URL('../../fixtures/reports/', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : /\.(xml|gz|zip)$/.test(name) ? [path] : [];
    });
}

/** Every aggregate report of the corpus fixtures, as the import worker makes its rows (one FileRows per file). */
async function corpusFiles(): Promise<FileRows[]> {
  const out: FileRows[] = [];
  for (const [i, path] of filesUnder(REPORTS).entries()) {
    const parsed = await parseReport(new Uint8Array(readFileSync(path)), { fileName: path });
    if (!parsed.ok) continue;
    const context = { fileName: path, fileWarnings: parsed.warnings, importedAt: 1_700_000_000_000 + i };
    const rows = parsed.reports.filter((r) => r.report.kind === 'aggregate').map((r) => toReportRows(r, context));
    if (rows.length > 0) out.push({ rows });
  }
  return out;
}

let counter = 0;
async function freshDatabase(): Promise<ReportDatabase> {
  return openReportDatabase(`kept-digests-test-${++counter}`);
}

async function read(db: ReportDatabase, domain: string | null, period: Period, into: DigestKeeper): Promise<void> {
  await forEachDigestChunk(db, domain, period, (digests) => {
    for (const digest of digests) into.add(digest);
  });
}

function summaryOf(digests: readonly StoredRecordDigest[], period: Period) {
  const summarizer = new RecordSummarizer(period);
  summarizer.addDigests(digests);
  return summarizer.result();
}

describe('DigestKeeper', () => {
  it('orders digest ids as IndexedDB orders the keys', () => {
    const ids: DigestId[] = [
      ['example.com', 10, 'b', 0],
      ['example.com', 9, 'b', 0],
      ['example.com', 9, 'a', 10],
      ['example.com', 9, 'a', 2],
      ['Example.com', 99, 'a', 0],
      ['exämple.com', 1, 'a', 0],
      ['example.co', 5, 'z', 0],
      ['example.com', 9, 'a!', 0],
      ['example.com', 9, 'A', 0],
    ];
    const ours = [...ids].sort(compareDigestIds);
    const indexedDb = [...ids].sort((a, b) => indexedDB.cmp(a, b));
    expect(ours).toEqual(indexedDb);
  });

  it('keeps each digest once, however often it comes', async () => {
    const db = await freshDatabase();
    const stored: StoredRecordDigest[] = [];
    await saveFiles(db, await corpusFiles(), (digests) => stored.push(...digests));
    expect(stored.length).toBeGreaterThan(20);
    const keeper = new DigestKeeper();
    for (const digest of stored) expect(keeper.add(digest)).toBe(true);
    await read(db, null, ALL_TIME, keeper);
    expect(keeper.size).toBe(stored.length);
    expect(keeper.sorted().map((d) => d.id)).toEqual(stored.map((d) => d.id).sort((a, b) => indexedDB.cmp(a, b)));
    db.close();
  });

  it('a read plus what imports announced after it is what a fresh read gives, summed and grouped alike', async () => {
    const files = await corpusFiles();
    expect(files.length).toBeGreaterThan(20);
    const half = Math.floor(files.length / 2);
    const domains = [...new Set(files.flatMap((f) => f.rows.map((r) => r.report.domain)))].sort();
    const spans = files.flatMap((f) => f.rows.map((r) => [r.report.begin, r.report.end]));
    const first = Math.min(...spans.map(([begin]) => begin!));
    const last = Math.max(...spans.map(([, end]) => end!));
    const views: Array<{ domain: string | null; period: Period }> = [
      { domain: null, period: ALL_TIME },
      { domain: domains[0]!, period: ALL_TIME },
      {
        domain: null,
        period: { from: first + Math.floor((last - first) / 3), to: last - Math.floor((last - first) / 3) },
      },
    ];
    for (const { domain, period } of views) {
      const db = await freshDatabase();
      await saveFiles(db, files.slice(0, half));
      const keeper = new DigestKeeper();
      await read(db, domain, period, keeper);
      const announced = (digests: StoredRecordDigest[]) => {
        for (const digest of digests) if (digestInView(digest, domain, period)) keeper.add(digest);
      };
      // The rest in two imports, each with files stored already (duplicates, announced by no one).
      await saveFiles(db, [...files.slice(half, half + 10), ...files.slice(0, 3)], announced);
      await saveFiles(db, [...files.slice(half + 10), ...files.slice(half, half + 2)], announced);
      const fresh = new DigestKeeper();
      await read(db, domain, period, fresh);
      expect(fresh.size).toBeGreaterThan(0);
      const kept = keeper.sorted();
      expect(kept.map((d) => d.id)).toEqual(fresh.sorted().map((d) => d.id));
      expect(kept).toEqual(fresh.sorted());
      expect(summaryOf(kept, period)).toEqual(summaryOf(fresh.sorted(), period));
      db.close();
    }
  });
});
