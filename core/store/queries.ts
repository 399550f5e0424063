// Read side of core/store. Every read is bounded by an index or key range, and big reads come back in chunks so that
// a page calling these from its main thread never decodes more than CHUNK_SIZE records in one task.
import { keyRanges } from './keyRange';
import type {
  ReportDatabase,
  StoredAggregateReport,
  StoredFailureReport,
  StoredRecord,
  StoredReport,
  StoredTlsReport,
} from './schema';

/** Records decoded per IndexedDB request: ~5 ms of structured-clone work in Chromium. */
export const CHUNK_SIZE = 4000;

/**
 * Reports are keyed by their `begin`; one that began before a period can still reach into it. RFC 7489 §7.2 asks for
 * daily reports; real ones span up to a few weeks (shared/docs/dmarc.md), so a read for a period starts this much
 * earlier and keeps what overlaps.
 */
export const MAX_REPORT_SPAN_SECONDS = 62 * 86_400;

export interface Period {
  /** Unix seconds, inclusive. */
  from: number;
  /** Unix seconds, exclusive. */
  to: number;
}

/** From 1970 to the end of year 9999 (day names stay four-digit years, so they sort as strings). */
export const ALL_TIME: Period = { from: 0, to: 253_402_300_800 };

/** Every domain that has reports of any kind, sorted. */
export async function listDomains(db: ReportDatabase): Promise<string[]> {
  const domains: string[] = [];
  let cursor = await db.transaction('reports').store.index('byDomain').openKeyCursor(null, 'nextunique');
  while (cursor) {
    if (cursor.key !== '') domains.push(cursor.key);
    cursor = await cursor.continue();
  }
  return domains;
}

/**
 * Hands the aggregate records of `domain` (or of every domain, when null) whose report period overlaps `period` to
 * `onChunk`, CHUNK_SIZE at a time, in key order.
 */
export async function forEachRecordChunk(
  db: ReportDatabase,
  domain: string | null,
  period: Period,
  onChunk: (chunk: StoredRecord[]) => void,
): Promise<void> {
  const domains = domain === null ? await listDomains(db) : [domain];
  for (const d of domains) {
    let lower: unknown[] = [d, period.from - MAX_REPORT_SPAN_SECONDS];
    let lowerOpen = false;
    const upper = [d, period.to];
    for (;;) {
      const range = keyRanges().bound(lower, upper, lowerOpen, true);
      const chunk = await db.getAll('records', range, CHUNK_SIZE);
      const kept = chunk.filter((r) => r.end >= period.from);
      if (kept.length > 0) onChunk(kept);
      if (chunk.length < CHUNK_SIZE) break;
      lower = chunk[chunk.length - 1]!.id;
      lowerOpen = true;
    }
  }
}

/** The records forEachRecordChunk would hand over, as one list. */
export async function readRecords(
  db: ReportDatabase,
  domain: string | null,
  period: Period = ALL_TIME,
  onChunk?: (chunk: StoredRecord[]) => void,
): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  await forEachRecordChunk(db, domain, period, (chunk) => {
    onChunk?.(chunk);
    for (const r of chunk) out.push(r);
  });
  return out;
}

function overlaps(report: StoredReport, period: Period): boolean {
  return report.end >= period.from && report.begin < period.to;
}

async function reportsOfKind(db: ReportDatabase, kind: StoredReport['kind']): Promise<StoredReport[]> {
  return db.getAllFromIndex('reports', 'byKind', kind);
}

export async function listAggregateReports(
  db: ReportDatabase,
  domain: string | null,
  period: Period = ALL_TIME,
): Promise<StoredAggregateReport[]> {
  const all = domain === null ? await reportsOfKind(db, 'aggregate') : await db.getAllFromIndex('reports', 'byDomain', domain);
  return all.filter((r): r is StoredAggregateReport => r.kind === 'aggregate' && overlaps(r, period));
}

export async function listFailureReports(
  db: ReportDatabase,
  domain: string | null,
  period: Period = ALL_TIME,
): Promise<StoredFailureReport[]> {
  const all = await reportsOfKind(db, 'failure');
  return all.filter(
    (r): r is StoredFailureReport =>
      r.kind === 'failure' && (domain === null || r.domain === domain) && (r.begin === 0 || overlaps(r, period)),
  );
}

export async function listTlsReports(
  db: ReportDatabase,
  domain: string | null,
  period: Period = ALL_TIME,
): Promise<StoredTlsReport[]> {
  const all = await reportsOfKind(db, 'tls');
  return all.filter(
    (r): r is StoredTlsReport =>
      r.kind === 'tls' &&
      (domain === null || r.domain === domain || r.report.policies.some((p) => p.policyDomain.toLowerCase() === domain)) &&
      overlaps(r, period),
  );
}

export async function readRawXml(db: ReportDatabase, reportKey: string): Promise<string | undefined> {
  return (await db.get('rawXml', reportKey))?.xml;
}

export async function readRecordsOfReport(db: ReportDatabase, reportKey: string): Promise<StoredRecord[]> {
  return db.getAllFromIndex('records', 'byReport', reportKey);
}

export interface StoreCounts {
  reports: number;
  records: number;
}

export async function countStored(db: ReportDatabase): Promise<StoreCounts> {
  const [reports, records] = await Promise.all([db.count('reports'), db.count('records')]);
  return { reports, records };
}
