// Housekeeping on stored reports chosen one by one rather than by domain: what a set of reports amounts to per domain
// (so a delete can say exactly what it will remove before it does), and deleting exactly those reports with their
// records, kept files and raw XML. The site removes sample reports and applies its retention setting with these.
import { keyRanges, prefixUpperBound } from './keyRange';
import { spanStart, utcMidnight } from './recordChunks';
import { soundReports } from './queries';
import { forgetKeptFiles } from './deleteReports';
import type { PackId, ReportDatabase, StoredRecordChunk, StoredReport } from './schema';

/** What the chosen reports of one domain amount to. */
export interface DomainCounts {
  domain: string;
  aggregate: number;
  failure: number;
  tls: number;
  /** Records and messages of its aggregate reports. */
  records: number;
  messages: number;
}

/** Per domain (sorted), the stored reports `wanted` accepts (every report when it is left out). */
export async function countReportsByDomain(
  db: ReportDatabase,
  wanted: (report: StoredReport) => boolean = () => true,
): Promise<DomainCounts[]> {
  const byDomain = new Map<string, DomainCounts>();
  let cursor = await db.transaction('reportPacks').store.openCursor();
  while (cursor) {
    for (const report of soundReports(cursor.value)) {
      if (!wanted(report)) continue;
      let counts = byDomain.get(report.domain);
      if (!counts) {
        counts = { domain: report.domain, aggregate: 0, failure: 0, tls: 0, records: 0, messages: 0 };
        byDomain.set(report.domain, counts);
      }
      counts[report.kind]++;
      if (report.kind === 'aggregate') {
        counts.records += report.recordCount;
        counts.messages += report.messageCount;
      }
    }
    cursor = await cursor.continue();
  }
  return [...byDomain.values()].sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
}

/** The keys of the stored reports `wanted` accepts. */
export async function reportKeysWhere(
  db: ReportDatabase,
  wanted: (report: StoredReport) => boolean,
): Promise<string[]> {
  const keys: string[] = [];
  let cursor = await db.transaction('reportPacks').store.openCursor();
  while (cursor) {
    for (const report of soundReports(cursor.value)) if (wanted(report)) keys.push(report.key);
    cursor = await cursor.continue();
  }
  return keys;
}

/**
 * Whether a report ended before `cutoff` (Unix seconds). A report whose date could not be read (stored as 0: a failure
 * report without an arrival date) has no age, and is never taken for an old one.
 */
export function endedBefore(report: Pick<StoredReport, 'end'>, cutoff: number): boolean {
  return report.end > 0 && report.end < cutoff;
}

/**
 * Deletes the reports with these keys (keys not stored are passed over), each with its records, its raw XML and its
 * kept file once no other report needs it, in one transaction. Returns how many reports went.
 */
export async function deleteReports(db: ReportDatabase, keys: Iterable<string>): Promise<number> {
  const doomed = new Set(keys);
  if (doomed.size === 0) return 0;
  const tx = db.transaction(['reportPacks', 'recordChunks', 'sources', 'rawXml'], 'readwrite');
  const packs = tx.objectStore('reportPacks');
  const packIds = new Map<string, PackId>();
  for (const id of await Promise.all([...doomed].map((key) => packs.index('byKey').getKey(key))))
    if (id) packIds.set(JSON.stringify(id), id);
  const removed: StoredReport[] = [];
  const writes: Array<Promise<unknown>> = [];
  for (const pack of await Promise.all([...packIds.values()].map((id) => packs.get(id)))) {
    if (!pack) continue;
    removed.push(...soundReports(pack).filter((report) => doomed.has(report.key)));
    // A malformed report stays unless it is one of those asked for (by the key its pack lists).
    const reports = (Array.isArray(pack.reports) ? pack.reports : []).filter(
      (report: { key?: unknown }) => !doomed.has(String(report.key)),
    );
    const keysLeft = pack.keys.filter((key) => !doomed.has(key));
    writes.push(
      reports.length === 0 && keysLeft.length === 0
        ? packs.delete(pack.id)
        : packs.put({ ...pack, keys: keysLeft, reports }),
    );
  }
  // Records: in the chunks of the span of days each report ended in (or, written before spans, its day).
  const chunkRanges = new Map<string, [string, number, number]>();
  for (const report of removed) {
    if (report.kind !== 'aggregate') continue;
    const range: [string, number, number] = [report.domain, spanStart(report.end), utcMidnight(report.end)];
    chunkRanges.set(JSON.stringify(range), range);
  }
  const chunkStore = tx.objectStore('recordChunks');
  const chunks = new Map<string, StoredRecordChunk>();
  for (const [domain, from, to] of chunkRanges.values()) {
    const range = keyRanges().bound([domain, from], prefixUpperBound([domain, to]));
    for (const chunk of await chunkStore.getAll(range)) chunks.set(JSON.stringify(chunk.id), chunk);
  }
  for (const chunk of chunks.values()) {
    if (!Array.isArray(chunk.digests)) continue;
    const digests = chunk.digests.filter((digest) => !doomed.has(digest.reportKey));
    if (digests.length === chunk.digests.length) continue;
    writes.push(digests.length === 0 ? chunkStore.delete(chunk.id) : chunkStore.put({ ...chunk, digests }));
  }
  for (const report of removed) writes.push(tx.objectStore('rawXml').delete(report.key));
  const sourceIds = new Set(
    removed.flatMap((report) => (report.kind === 'aggregate' && report.source ? [report.source.id] : [])),
  );
  writes.push(...(await forgetKeptFiles(tx.objectStore('sources'), sourceIds, doomed)));
  await Promise.all([...writes, tx.done]);
  return removed.length;
}
