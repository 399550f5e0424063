// The import history (site/src/import/importHistory.ts): an import's per-file results in rows of RESULTS_PER_ROW,
// written as they come, read only when shown; a database of version 1 (one row per import, its results in it), as
// users have it, opens with its imports intact.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileResult } from '../../../site/src/import/importProtocol';

type History = typeof import('../../../site/src/import/importHistory');

/** A fresh database and a fresh module (it keeps its connection). */
async function freshHistory(): Promise<History> {
  vi.resetModules();
  return import('../../../site/src/import/importHistory');
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** What a worker reports for file `id` of an import: one report stored, or a refusal. */
function result(id: number): FileResult {
  if (id % 97 === 3)
    return {
      id,
      fileName: `broken-${id}.xml`,
      size: 120,
      status: 'refused',
      imported: 0,
      duplicates: 0,
      warnings: [],
      errorCode: 'not-xml',
      message: `broken-${id}.xml: this is not XML`,
    };
  return {
    id,
    fileName: `google.com!example.com!${1_700_000_000 + id * 86_400}!${1_700_086_399 + id * 86_400}.xml.gz`,
    size: 900 + id,
    status: 'imported',
    imported: 1,
    duplicates: 0,
    warnings: [],
    folder: 'reports/2024/',
    reports: [
      {
        key: `aggregate:google.com:${id}`,
        kind: 'aggregate',
        domain: 'example.com',
        begin: 1_700_000_000 + id * 86_400,
        end: 1_700_086_399 + id * 86_400,
        stored: true,
      },
    ],
  };
}

const summary = (importedAt: number, total: number, sample = false) => ({
  importedAt,
  finishedAt: importedAt + 5_000,
  sample,
  cancelled: false,
  total,
  imported: total - Math.floor((total + 93) / 97),
  duplicates: 0,
  refused: Math.floor((total + 93) / 97),
});

describe('import history', () => {
  it('writes results as they come in rows of 500, and reads them back in order only when asked', async () => {
    const history = await freshHistory();
    const results = Array.from({ length: 1_234 }, (_, i) => result(i));
    const writer = new history.ImportHistoryWriter(1_760_000_000_000);
    for (let i = 0; i < results.length; i += 128) writer.add(results.slice(i, i + 128));
    await writer.finish(summary(1_760_000_000_000, 1_234));
    const db = await openDB('dmarc-lens-imports');
    const rows = (await db.getAll('results')) as Array<{ importedAt: number; part: number; results: FileResult[] }>;
    expect(rows.map((row) => [row.importedAt, row.part, row.results.length])).toEqual([
      [1_760_000_000_000, 0, 500],
      [1_760_000_000_000, 1, 500],
      [1_760_000_000_000, 2, 234],
    ]);
    db.close();
    expect(await history.listImports()).toEqual([summary(1_760_000_000_000, 1_234)]);
    expect(await history.readImportResults(1_760_000_000_000)).toEqual(results);
    expect(await history.readImportResults(1_760_000_000_001)).toEqual([]);
  });

  it('keeps a begun import as unfinished, its summary counting the results written (within a second); its end makes it whole', async () => {
    const history = await freshHistory();
    const writer = new history.ImportHistoryWriter(1_770_000_000_000);
    const begun = { ...summary(1_770_000_000_000, 3_000), finishedAt: 0, imported: 0, refused: 0 };
    writer.begin(begun);
    writer.add(Array.from({ length: 1_100 }, (_, i) => result(i)));
    // Two rows of 500 at once, the last 100 within RESULTS_WRITTEN_WITHIN_MS.
    await new Promise((resolve) => setTimeout(resolve, history.RESULTS_WRITTEN_WITHIN_MS + 300));
    // Node has no Web Locks, so no page is taken to run it: listed as interrupted, as after its page closed.
    const refused = Math.floor((1_100 + 93) / 97);
    expect(await history.listImports()).toEqual([
      { ...begun, unfinished: true, done: 1_100, imported: 1_100 - refused, refused },
    ]);
    expect(await history.readImportResults(1_770_000_000_000)).toHaveLength(1_100);
    writer.add(Array.from({ length: 1_900 }, (_, i) => result(1_100 + i)));
    await writer.finish(summary(1_770_000_000_000, 3_000));
    expect(await history.listImports()).toEqual([summary(1_770_000_000_000, 3_000)]);
    expect(await history.readImportResults(1_770_000_000_000)).toHaveLength(3_000);
  });

  it('keeps the newest 25 imports, and drops the results of the others and of an import never finished', async () => {
    const history = await freshHistory();
    // A page closed mid-import: its first row was written, its summary never.
    await history.listImports();
    const closed = await openDB('dmarc-lens-imports');
    await closed.put('results', { importedAt: 1_000, part: 0, results: [result(0), result(1)] });
    closed.close();
    for (let n = 1; n <= 27; n++) await history.saveImport(summary(n * 10_000, 3), [result(0), result(1), result(2)]);
    const kept = (await history.listImports()).map((s) => s.importedAt);
    expect(kept).toEqual(Array.from({ length: 25 }, (_, i) => (27 - i) * 10_000));
    const db = await openDB('dmarc-lens-imports');
    const owners = new Set((await db.getAllKeys('results')).map((key) => (key as [number, number])[0]));
    db.close();
    expect([...owners].sort((a, b) => a - b)).toEqual([...kept].sort((a, b) => a - b));
  });

  it('names the reports sample imports stored, and forgets sample imports with their results', async () => {
    const history = await freshHistory();
    await history.saveImport(summary(5_000, 4, true), [0, 1, 2, 3].map(result));
    await history.saveImport(summary(6_000, 2), [10, 11].map(result));
    // File 3 was refused: it stored nothing.
    expect(await history.sampleReportKeys()).toEqual([
      'aggregate:google.com:0',
      'aggregate:google.com:1',
      'aggregate:google.com:2',
    ]);
    await history.forgetSampleImports();
    expect((await history.listImports()).map((s) => s.importedAt)).toEqual([6_000]);
    expect(await history.readImportResults(5_000)).toEqual([]);
    expect(await history.sampleReportKeys()).toEqual([]);
    await history.clearImports();
    expect(await history.listImports()).toEqual([]);
    expect(await history.readImportResults(6_000)).toEqual([]);
  });

  it('opens a database of version 1 with its imports and their results intact', async () => {
    // Version 1 as the site wrote it: one row per import, keyed by importedAt, the results in it.
    const old = await openDB('dmarc-lens-imports', 1, {
      upgrade(db) {
        db.createObjectStore('imports', { keyPath: 'importedAt' });
      },
    });
    const big = Array.from({ length: 1_100 }, (_, i) => result(i));
    await old.put('imports', { ...summary(7_000, 1_100, true), retentionRemoved: 4, results: big });
    await old.put('imports', { ...summary(8_000, 0), cancelled: true, results: [] });
    old.close();
    const history = await freshHistory();
    expect(await history.listImports()).toEqual([
      { ...summary(8_000, 0), cancelled: true },
      { ...summary(7_000, 1_100, true), retentionRemoved: 4 },
    ]);
    expect(await history.readImportResults(7_000)).toEqual(big);
    expect(await history.readImportResults(8_000)).toEqual([]);
    expect((await history.sampleReportKeys()).length).toBe(1_100 - 12);
    const db = await openDB('dmarc-lens-imports');
    expect([db.version, (await db.getAll('results')).length]).toEqual([history.HISTORY_DB_VERSION, 3]);
    db.close();
  });
});
