// Read side of core/store. Every read is bounded by an index or key range, and big reads come back in chunks so that
// a page calling these from its main thread never decodes more than CHUNK_SIZE records in one task.
import { keyRanges } from './keyRange';
import { recordsOfDigest } from './toRecordDigest';
import {
  RECORDS_PER_BATCH,
  type ReportDatabase,
  type ReportDbSchema,
  type StoredAggregateReport,
  type StoredFailureReport,
  type StoredRecord,
  type StoredRecordBatch,
  type StoredRecordDigest,
  type StoredReport,
  type StoredTlsReport,
} from './schema';

/** Record batches decoded per IndexedDB request (up to 8 × RECORDS_PER_BATCH records): a few ms of structured clone. */
export const BATCHES_PER_REQUEST = 8;

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

/** The records of a stored batch, each with its report's context. */
export function recordsOfBatch(batch: StoredRecordBatch): StoredRecord[] {
  const [domain, begin, reportKey, index] = batch.id;
  const first = index * RECORDS_PER_BATCH;
  return batch.records.map((record, i) => ({
    id: [domain, begin, reportKey, first + i],
    reportKey,
    domain,
    orgName: batch.orgName,
    begin,
    end: batch.end,
    record,
  }));
}

/**
 * Reads the rows of `store` keyed `[domain, time, …]` for each of `domains`, with time in [from, to), `perRequest`
 * rows per IndexedDB request, handing each page to `onPage`.
 */
async function forEachPageByDomainAndTime<Store extends 'records' | 'recordDigests'>(
  db: ReportDatabase,
  store: Store,
  domains: readonly string[],
  times: Period,
  perRequest: number,
  onPage: (rows: ReportDbSchema[Store]['value'][]) => void,
): Promise<void> {
  for (const d of domains) {
    let lower: unknown[] = [d, times.from];
    let lowerOpen = false;
    const upper = [d, times.to];
    for (;;) {
      const range = keyRanges().bound(lower, upper, lowerOpen, true);
      const rows = await db.getAll(store, range, perRequest);
      onPage(rows);
      if (rows.length < perRequest) break;
      lower = rows[rows.length - 1]!.id;
      lowerOpen = true;
    }
  }
}

/**
 * Hands the aggregate records of `domain` (or of every domain, when null) whose report period overlaps `period` to
 * `onChunk`, a few thousand at a time, in key order.
 */
export async function forEachRecordChunk(
  db: ReportDatabase,
  domain: string | null,
  period: Period,
  onChunk: (chunk: StoredRecord[]) => void,
): Promise<void> {
  const domains = domain === null ? await listDomains(db) : [domain];
  // Batches are keyed by begin: one that began up to MAX_REPORT_SPAN_SECONDS before the period may reach into it.
  const begins = { from: period.from - MAX_REPORT_SPAN_SECONDS, to: period.to };
  await forEachPageByDomainAndTime(db, 'records', domains, begins, BATCHES_PER_REQUEST, (batches) => {
    const kept = batches.filter((b) => b.end >= period.from).flatMap(recordsOfBatch);
    if (kept.length > 0) onChunk(kept);
  });
}

/** Record digests decoded per IndexedDB request (up to 16 × RECORDS_PER_BATCH records, a few ms to decode). */
export const DIGESTS_PER_REQUEST = 16;

/**
 * Hands the record digests of `domain` (or of every domain, when null) whose report period overlaps `period` to
 * `onChunk`, a few thousand records at a time, ordered by report end. What the dashboard reads: the same records as
 * forEachRecordChunk in a fraction of the decoding time (StoredRecordDigest).
 */
export async function forEachDigestChunk(
  db: ReportDatabase,
  domain: string | null,
  period: Period,
  onChunk: (chunk: StoredRecordDigest[]) => void,
): Promise<void> {
  const domains = domain === null ? await listDomains(db) : [domain];
  // Digests are keyed by end: a report ending after the period reaches back into it only if it began before it ended.
  const ends = { from: period.from, to: period.to + MAX_REPORT_SPAN_SECONDS };
  await forEachPageByDomainAndTime(db, 'recordDigests', domains, ends, DIGESTS_PER_REQUEST, (digests) => {
    const kept = digests.filter((digest) => digest.begin < period.to);
    if (kept.length > 0) onChunk(kept);
  });
}

/** Like forEachRecordChunk, from the record digests: records without `raw` and `extensions`. */
export function forEachRecordOfDigests(
  db: ReportDatabase,
  domain: string | null,
  period: Period,
  onChunk: (chunk: StoredRecord[]) => void,
): Promise<void> {
  return forEachDigestChunk(db, domain, period, (digests) => onChunk(digests.flatMap(recordsOfDigest)));
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

/** Reports decoded per IndexedDB request. */
const REPORTS_PER_REQUEST = 500;

/**
 * Every report of `kind` about `domain` (every domain when null) whose begin (or, with `byEnd`, end) lies within
 * `keys`, read page by page along the byKind (byKindEnd) index.
 */
async function reportsOfKind(
  db: ReportDatabase,
  kind: StoredReport['kind'],
  domain: string | null,
  keys: Period = ALL_TIME,
  byEnd = false,
): Promise<StoredReport[]> {
  const domains = domain === null ? await listDomains(db) : [domain];
  const index = byEnd ? 'byKindEnd' : 'byKind';
  const out: StoredReport[] = [];
  for (const d of domains) {
    const upper = [kind, d, keys.to];
    let lower: unknown[] = [kind, d, keys.from];
    let lowerOpen = false;
    for (;;) {
      const range = keyRanges().bound(lower, upper, lowerOpen, true);
      const page = await db.getAllFromIndex('reports', index, range, REPORTS_PER_REQUEST);
      for (const report of page) out.push(report);
      if (page.length < REPORTS_PER_REQUEST) break;
      const last = page[page.length - 1]!;
      lower = [last.kind, last.domain, byEnd ? last.end : last.begin, last.key];
      lowerOpen = true;
    }
  }
  return out;
}

export async function listAggregateReports(
  db: ReportDatabase,
  domain: string | null,
  period: Period = ALL_TIME,
): Promise<StoredAggregateReport[]> {
  // By end, like the record digests: a report ending after the period began before it ended, within the longest span.
  const ends = { from: period.from, to: period.to + MAX_REPORT_SPAN_SECONDS };
  const all = await reportsOfKind(db, 'aggregate', domain, ends, true);
  return all.filter((r): r is StoredAggregateReport => r.kind === 'aggregate' && overlaps(r, period));
}

export async function listFailureReports(
  db: ReportDatabase,
  domain: string | null,
  period: Period = ALL_TIME,
): Promise<StoredFailureReport[]> {
  const all = await reportsOfKind(db, 'failure', domain);
  // A failure report whose arrival date could not be read (stored as 0) is shown in every period.
  return all.filter((r): r is StoredFailureReport => r.kind === 'failure' && (r.begin === 0 || overlaps(r, period)));
}

export async function listTlsReports(
  db: ReportDatabase,
  domain: string | null,
  period: Period = ALL_TIME,
): Promise<StoredTlsReport[]> {
  // A TLS report covers every policy domain it lists; it is stored under the first (see toReportRows).
  const all = await reportsOfKind(db, 'tls', null);
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
  const batches = await db.getAllFromIndex('records', 'byReport', reportKey);
  return batches.sort((a, b) => a.id[3] - b.id[3]).flatMap(recordsOfBatch);
}

export interface StoreCounts {
  reports: number;
  records: number;
}

export async function countStored(db: ReportDatabase): Promise<StoreCounts> {
  let reports = 0;
  let records = 0;
  let cursor = await db.transaction('reports').store.openCursor();
  while (cursor) {
    reports++;
    if (cursor.value.kind === 'aggregate') records += cursor.value.recordCount;
    cursor = await cursor.continue();
  }
  return { reports, records };
}
