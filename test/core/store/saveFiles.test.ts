// saveFiles writes a batch of reports none of which is stored yet in one go, and falls back to the careful path (which
// finds the stored ones first) when one is: what lands is the same either way.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countStored, readRawXml, readRecordsOfReport } from '../../../core/store/queries';
import { saveFiles, type FileRows } from '../../../core/store/saveReportRows';
import { openReportDatabase, type ReportDatabase } from '../../../core/store/schema';
import { toReportRows } from '../../../core/store/toStoredReport';
import { parseReport } from '../../../core/report/parseReport';
import { FIXTURE_REPORTS } from '../../corpus/readManifest';

const FIXTURES = [
  'estadocuenta1.infonacot.gob.mx!example.com!1536853302!1536939702!2940.xml.zip',
  'Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml',
  'fastmail.com!example.com!1516060800!1516147199!102675056.xml.gz',
];

/** The fixture files as the import worker hands them to saveFiles: their reports' rows and the file itself. */
async function fixtureFiles(): Promise<FileRows[]> {
  return Promise.all(
    FIXTURES.map(async (fileName) => {
      const bytes = new Uint8Array(readFileSync(`${FIXTURE_REPORTS}domainaware__parsedmarc/${fileName}`));
      const parsed = await parseReport(bytes, { fileName });
      if (!parsed.ok) throw new Error(parsed.error.message);
      return {
        rows: parsed.reports.map((report) => toReportRows(report, { fileName, importedAt: 1 })),
        source: { fileName, bytes },
      };
    }),
  );
}

let db: ReportDatabase;
let counter = 0;

beforeEach(async () => {
  db = await openReportDatabase(`save-files-${++counter}`);
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('saveFiles', () => {
  it('issues every write of a batch of new reports before the first request is answered', async () => {
    const files = await fixtureFiles();
    const written: string[] = [];
    const { add, put } = Object.getOwnPropertyDescriptors(IDBObjectStore.prototype);
    for (const [method, original] of [
      ['add', add.value as IDBObjectStore['add']],
      ['put', put.value as IDBObjectStore['put']],
    ] as const) {
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['put']>
      ) {
        written.push(this.name);
        return original.apply(this, args);
      });
    }
    const saving = saveFiles(db, files);
    // Nothing has been answered yet: the transaction never waits for this thread between its requests.
    expect(new Set(written)).toEqual(new Set(['reportPacks', 'recordChunks', 'sources']));
    const issued = written.length;
    expect(await saving).toEqual([['imported'], ['imported'], ['imported']]);
    expect(written).toHaveLength(issued);
  });

  it('stores what the careful path stores when a report of the batch is stored already', async () => {
    const files = await fixtureFiles();
    expect(await saveFiles(db, [files[1]!])).toEqual([['imported']]);
    const before = await countStored(db);
    const stored: number[] = [];
    expect(await saveFiles(db, files, (digests) => stored.push(digests.length))).toEqual([
      ['imported'],
      ['duplicate'],
      ['imported'],
    ]);
    // The first attempt wrote nothing: each report's records are there once, and the files of the new reports kept.
    const after = await countStored(db);
    const [first, , third] = files.map((file) => file.rows[0]!);
    const recordsOf = (rows: typeof first) => rows!.batches.reduce((sum, batch) => sum + batch.records.length, 0);
    expect(after).toEqual({
      reports: before.reports + 2,
      records: before.records + recordsOf(first) + recordsOf(third),
    });
    expect(stored).toHaveLength(1);
    for (const rows of [first!, third!]) {
      expect(await readRecordsOfReport(db, rows.report.key)).toHaveLength(recordsOf(rows));
      expect(await readRawXml(db, rows.report.key)).toMatch(/<feedback/);
    }
    expect(await db.count('sources')).toBe(2);
  });
});
