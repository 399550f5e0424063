// A database written by the first schema (version 1: reports, record batches, raw XML) opened by today's site in a
// real browser: the migrations (1 → 2 → 3 → 4) move the records into record chunks and the reports into report packs
// inside the upgrade, and the dashboard shows every stored message.
import { expect, test } from '@playwright/test';
import { toReportRows } from '../../../core/store/toStoredReport';
import { aggregate, DAY, MARCH_1, record } from '../../core/store/storeFixtures';
import { ORIGIN, recordRequests, totalMessages } from './siteHelpers';

test('a version 1 database is upgraded in place and its records reach the dashboard', async ({ page }) => {
  const requests = recordRequests(page);
  const file = { fileName: 'old.xml', importedAt: 1 };
  const many = Array.from({ length: 1200 }, (_, i) => record({ sourceIp: `10.1.${i >> 8}.${i & 255}`, count: 2 }));
  const rows = [
    toReportRows(
      aggregate('google.com', 'old-1', [
        record({ count: 30 }),
        record({ sourceIp: '198.51.100.9', count: 4, dkim: 'fail', spf: 'fail' }),
      ]),
      file,
    ),
    toReportRows(aggregate('Yahoo', 'old-2', many, { begin: MARCH_1 + DAY }), file),
  ];
  const expected = 34 + 2400;

  await page.goto(`${ORIGIN}/#/data`);
  // The page may already hold the database at today's version: delete it (the page's connection closes itself on
  // versionchange), then write it as version 1 did.
  await page.evaluate(
    async (stored) => {
      await new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('dmarc-lens');
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error ?? new Error('deleting the database failed'));
        del.onblocked = () => resolve();
      });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('dmarc-lens', 1);
        // The version 1 layout, as core/store/schema.ts migration 0 → 1 made it.
        open.onupgradeneeded = () => {
          const reports = open.result.createObjectStore('reports', { keyPath: 'key' });
          reports.createIndex('byDomain', 'domain');
          reports.createIndex('byKind', ['kind', 'domain', 'begin', 'key']);
          open.result.createObjectStore('records', { keyPath: 'id' }).createIndex('byReport', 'reportKey');
          open.result.createObjectStore('rawXml', { keyPath: 'key' });
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('opening the database failed'));
      });
      const tx = db.transaction(['reports', 'records'], 'readwrite');
      for (const row of stored) {
        tx.objectStore('reports').put(row.report);
        for (const batch of row.batches) tx.objectStore('records').put(batch);
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('writing the version 1 rows failed'));
      });
      db.close();
    },
    rows.map((r) => ({ report: r.report, batches: r.batches })),
  );

  // A fresh page load (the old page's connection was closed by the delete) opens the database at today's version.
  await page.goto(`${ORIGIN}/#/dashboard?domain=example.com&period=all`);
  await page.reload();
  await expect.poll(() => totalMessages(page), { timeout: 30_000 }).toBe(expected);
  const stores = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; chunks: number; packs: number }>((resolve, reject) => {
        const open = indexedDB.open('dmarc-lens');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['recordChunks', 'reportPacks']);
          const chunks = tx.objectStore('recordChunks').count();
          const packs = tx.objectStore('reportPacks').count();
          tx.oncomplete = () => {
            resolve({
              version: db.version,
              stores: [...db.objectStoreNames].sort(),
              chunks: chunks.result,
              packs: packs.result,
            });
            db.close();
          };
        };
        open.onerror = () => reject(open.error ?? new Error('opening the database failed'));
      }),
  );
  // Two reports of one domain ending on different days of one span of days (core/store/recordChunks.ts): one chunk
  // holding their 1 + 3 batches of records, and one report pack.
  expect(stores).toEqual({
    version: 4,
    stores: ['rawXml', 'recordChunks', 'reportPacks', 'sources'],
    chunks: 1,
    packs: 1,
  });
  requests.assertSameOrigin();
});
