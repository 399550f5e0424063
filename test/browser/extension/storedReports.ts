// What the extension's own store holds, read in one of its pages (Chromium through Playwright, Firefox through
// puppeteer), and what it should hold, read from the reports' XML independently of the extension's code.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';

/**
 * Runs in an extension page: the report keys of the extension's IndexedDB (core/store's `reportPacks.byKey`, one per
 * stored report), sorted. Self-contained, so both drivers can send it into the page.
 */
export function readStoredReportKeys(): Promise<string[]> {
  return new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('dmarc-lens');
    // No database yet: it must not be created here (an empty version 1 would stand in the extension's way).
    let absent = false;
    open.onupgradeneeded = () => {
      absent = true;
      open.transaction?.abort();
    };
    open.onerror = () => (absent ? resolve([]) : reject(new Error(String(open.error?.message))));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('reportPacks')) {
        db.close();
        resolve([]);
        return;
      }
      // The index's own keys (getAllKeys would give the packs' ids).
      const keys: string[] = [];
      const cursor = db.transaction('reportPacks').objectStore('reportPacks').index('byKey').openKeyCursor();
      cursor.onsuccess = () => {
        if (cursor.result === null) {
          db.close();
          resolve(keys.sort());
          return;
        }
        keys.push(cursor.result.key as string);
        cursor.result.continue();
      };
      cursor.onerror = () => reject(new Error(String(cursor.error?.message)));
    };
  });
}

/**
 * The store's key of an aggregate report (org name + report id, core/analysis/reportKey.ts), read with a regular
 * expression from the XML of a fixture in test/fixtures/reports (plain, .gz or a one-member .zip).
 */
export function reportKeyOfFixture(path: string): string {
  const bytes = new Uint8Array(readFileSync(`test/fixtures/reports/${path}`));
  return reportKeyOfBytes(bytes);
}

export function reportKeyOfBytes(bytes: Uint8Array): string {
  const xml = new TextDecoder().decode(
    bytes[0] === 0x1f && bytes[1] === 0x8b
      ? gunzipSync(bytes)
      : bytes[0] === 0x50 && bytes[1] === 0x4b
        ? Object.values(unzipSync(bytes))[0]!
        : bytes,
  );
  const org = /<org_name>([^<]*)<\/org_name>/.exec(xml)?.[1];
  const id = /<report_id>([^<]*)<\/report_id>/.exec(xml)?.[1];
  if (org === undefined || id === undefined) throw new Error('not an aggregate report');
  return `aggregate\u0000${org}\u0000${id}`;
}
