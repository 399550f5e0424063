// Deleting stored data: one domain's reports (every kind) with their records, record digests and raw XML, or everything.
import { keyRanges, prefixUpperBound } from './keyRange';
import type { ReportDatabase } from './schema';

/** Deletes every report about `domain`; returns how many reports went. */
export async function deleteDomain(db: ReportDatabase, domain: string): Promise<number> {
  const tx = db.transaction(['reports', 'records', 'recordDigests', 'rawXml'], 'readwrite');
  const keys = await tx.objectStore('reports').index('byDomain').getAllKeys(domain);
  const range = keyRanges().bound([domain], prefixUpperBound([domain]));
  await Promise.all([
    ...keys.map((key) => tx.objectStore('reports').delete(key)),
    ...keys.map((key) => tx.objectStore('rawXml').delete(key)),
    tx.objectStore('records').delete(range),
    tx.objectStore('recordDigests').delete(range),
    tx.done,
  ]);
  return keys.length;
}

export async function deleteEverything(db: ReportDatabase): Promise<void> {
  const tx = db.transaction(['reports', 'records', 'recordDigests', 'rawXml'], 'readwrite');
  await Promise.all([
    tx.objectStore('reports').clear(),
    tx.objectStore('records').clear(),
    tx.objectStore('recordDigests').clear(),
    tx.objectStore('rawXml').clear(),
    tx.done,
  ]);
}
