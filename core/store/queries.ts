// Read side of core/store. Every read is bounded by an index or key range, and big reads come back in pages so that
// a page calling these from its main thread never decodes more than about RECORDS_PER_REQUEST records in one task.
import { ALL_TIME, type Period } from '../analysis';
import { recordsOfDigest, type StoredRecord, type StoredRecordDigest, readReportXml } from '../report';
import { keyRanges, prefixUpperBound } from './keyRange';
import { spanStart, utcMidnight } from './recordChunks';
import { getReport, REPORTS_PER_PACK } from './reportPacks';
import { digestProblem, isSoundReport, shapeProblem, STORED_SOURCE } from './rowShape';
import { RECORDS_PER_BATCH, RECORDS_PER_CHUNK } from './rowSizes';
import {
  type ReportDatabase,
  type ReportPack,
  type StoredAggregateReport,
  type StoredFailureReport,
  type StoredRecordBatch,
  type StoredRecordChunk,
  type StoredReport,
  type StoredTlsReport,
  REPORT_KINDS,
} from './schema';

/**
 * Reports are found by the day they end; one that ended after a period can still reach back into it. RFC 7489 §7.2
 * asks for daily reports; real ones span up to a few weeks (docs/report-quirks.md "Date ranges"), so a read for a
 * period goes on this much later and keeps what overlaps.
 */
export const MAX_REPORT_SPAN_SECONDS = 62 * 86_400;

/** Every domain that has reports of any kind, sorted: one step along the report packs per kind and domain. */
export async function listDomains(db: ReportDatabase): Promise<string[]> {
  const domains = new Set<string>();
  const store = db.transaction('reportPacks').store;
  for (const kind of REPORT_KINDS) {
    let cursor = await store.openKeyCursor(keyRanges().bound([kind], prefixUpperBound([kind])));
    while (cursor) {
      const domain = cursor.key[1];
      if (domain !== '') domains.add(domain);
      cursor = await cursor.continue(prefixUpperBound([kind, domain]) as never);
    }
  }
  return [...domains].sort();
}

/** The records of a batch, each with its report's context. */
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
 * Records decoded per IndexedDB request, about: a few ms of structured clone (one full chunk; twice that made tasks of
 * several hundred ms on a busy machine, the page's re-read after a large import).
 */
const RECORDS_PER_REQUEST = RECORDS_PER_CHUNK;

/**
 * Reads the record chunks of each of `domains` whose day lies in [days.from, days.to), handing each page to `onPage`.
 * Chunks hold from one to RECORDS_PER_CHUNK records, so the rows per request follow the records per row seen so far.
 */
async function forEachChunkPage(
  db: ReportDatabase,
  domains: readonly string[],
  days: Period,
  onPage: (chunks: StoredRecordChunk[]) => void,
): Promise<void> {
  let perRequest = Math.max(1, Math.floor(RECORDS_PER_REQUEST / RECORDS_PER_CHUNK));
  for (const d of domains) {
    let lower: unknown[] = [d, days.from];
    let lowerOpen = false;
    const upper = [d, days.to];
    for (;;) {
      const range = keyRanges().bound(lower, upper, lowerOpen, true);
      const chunks = await db.getAll('recordChunks', range, perRequest);
      onPage(chunks);
      if (chunks.length < perRequest) break;
      lower = chunks[chunks.length - 1]!.id;
      lowerOpen = true;
      let records = 0;
      for (const chunk of chunks) for (const digest of soundDigests(chunk)) records += digest.profileOf.length;
      perRequest = Math.min(256, Math.max(1, Math.floor((RECORDS_PER_REQUEST * chunks.length) / Math.max(1, records))));
    }
  }
}

/**
 * Hands the record digests of `domain` (or of every domain, when null) whose report period overlaps `period` to
 * `onChunk`, a few thousand records at a time: what the dashboard reads.
 */
export async function forEachDigestChunk(
  db: ReportDatabase,
  domain: string | null,
  period: Period,
  onChunk: (chunk: StoredRecordDigest[]) => void,
): Promise<void> {
  const domains = domain === null ? await listDomains(db) : [domain];
  // Chunks are keyed by the span of days their reports end in: a report ending after the period reaches back into it
  // only if it began before the period ended, within the longest span a report has.
  await forEachChunkPage(
    db,
    domains,
    { from: spanStart(period.from), to: period.to + MAX_REPORT_SPAN_SECONDS },
    (chunks) => {
      const kept: StoredRecordDigest[] = [];
      for (const chunk of chunks) {
        for (const digest of soundDigests(chunk)) if (digestInView(digest, null, period)) kept.push(digest);
      }
      if (kept.length > 0) onChunk(kept);
    },
  );
}

/**
 * Profiles found sound: digests stored together share them (and a read decodes a shared one as one object), so each
 * is checked once.
 */
const soundProfiles = new WeakSet<object>();
/** Digests checked, by chunk: a chunk is checked once however many times a read goes over it. */
const checkedChunks = new WeakMap<StoredRecordChunk, StoredRecordDigest[]>();

/**
 * The digests of `chunk` that have their full shape. A row a previous version or a crafted backup left malformed is
 * passed over: a page must not break on it (backups are checked in full before they are written since).
 */
function soundDigests(chunk: StoredRecordChunk): StoredRecordDigest[] {
  let sound = checkedChunks.get(chunk);
  if (!sound) {
    const digests: unknown = chunk.digests;
    sound = Array.isArray(digests)
      ? digests.filter((digest): digest is StoredRecordDigest => digestProblem(digest, soundProfiles) === undefined)
      : [];
    checkedChunks.set(chunk, sound);
  }
  return sound;
}

/** The reports of `pack` that have their full shape (see soundDigests). */
export function soundReports(pack: ReportPack): StoredReport[] {
  const reports: unknown = pack.reports;
  if (!Array.isArray(reports)) return [];
  for (const report of reports) if (!isSoundReport(report)) return reports.filter(isSoundReport);
  return reports as StoredReport[];
}

/**
 * Whether forEachDigestChunk hands `digest` over for `domain` (every domain when null) and `period`: a page counting
 * in digests just stored (saveFiles' onStored) takes the same ones a read would.
 */
export function digestInView(
  digest: Pick<StoredRecordDigest, 'domain' | 'begin' | 'end'>,
  domain: string | null,
  period: Period,
): boolean {
  return (
    (domain === null || digest.domain === domain) &&
    digest.end >= period.from &&
    digest.end < period.to + MAX_REPORT_SPAN_SECONDS &&
    digest.begin < period.to
  );
}

/**
 * Hands the aggregate records of `domain` (or of every domain, when null) whose report period overlaps `period` to
 * `onChunk`, a few thousand at a time.
 */
export function forEachRecordChunk(
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

/**
 * Reports decoded per IndexedDB request, about: like RECORDS_PER_REQUEST, a few ms of structured clone for a page's
 * main thread, and well under 50 ms on a machine whose cores are busy with something else (which stretches decoding
 * 450 reports to 110 ms and more). Packs hold from one to REPORTS_PER_PACK reports, so the packs per request follow
 * the reports per pack seen so far, at most doubling from one request to the next: a small pack read first (the
 * few reports of one domain in one import) once made the next request 50 packs, over a thousand reports in one task.
 */
export const REPORTS_PER_REQUEST = 200;

/**
 * Every report of `kind` about `domain` (every domain when null) whose end lies within `ends`, read pack by pack
 * (packs are keyed by the span of days their reports end in) and ordered by end and key.
 */
async function reportsOfKind(
  db: ReportDatabase,
  kind: StoredReport['kind'],
  domain: string | null,
  ends: Period = ALL_TIME,
): Promise<StoredReport[]> {
  const domains = domain === null ? await listDomains(db) : [domain];
  const out: StoredReport[] = [];
  for (const d of domains) {
    const found: StoredReport[] = [];
    const upper = [kind, d, ends.to];
    let lower: unknown[] = [kind, d, spanStart(ends.from)];
    let lowerOpen = false;
    let perRequest = Math.max(1, Math.floor(REPORTS_PER_REQUEST / REPORTS_PER_PACK));
    let packsRead = 0;
    let reportsRead = 0;
    for (;;) {
      const range = keyRanges().bound(lower, upper, lowerOpen, true);
      const packs = await db.getAll('reportPacks', range, perRequest);
      for (const pack of packs) {
        const sound = soundReports(pack);
        reportsRead += sound.length;
        for (const report of sound) if (report.end >= ends.from && report.end < ends.to) found.push(report);
      }
      if (packs.length < perRequest) break;
      lower = packs[packs.length - 1]!.id;
      lowerOpen = true;
      packsRead += packs.length;
      const fitting = Math.floor((REPORTS_PER_REQUEST * packsRead) / Math.max(1, reportsRead));
      perRequest = Math.min(256, 2 * perRequest, Math.max(1, fitting));
    }
    found.sort((a, b) => a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const report of found) out.push(report);
  }
  return out;
}

/** Every stored report of every kind, in no particular order. */
export async function listAllReports(db: ReportDatabase): Promise<StoredReport[]> {
  return (await db.getAll('reportPacks')).flatMap(soundReports);
}

export async function listAggregateReports(
  db: ReportDatabase,
  domain: string | null,
  period: Period = ALL_TIME,
): Promise<StoredAggregateReport[]> {
  // By end, like the record digests: a report ending after the period began before it ended, within the longest span.
  const ends = { from: period.from, to: period.to + MAX_REPORT_SPAN_SECONDS };
  const all = await reportsOfKind(db, 'aggregate', domain, ends);
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
      (domain === null ||
        r.domain === domain ||
        r.report.policies.some((p) => p.policyDomain.toLowerCase() === domain)) &&
      overlaps(r, period),
  );
}

/** The XML of an aggregate report: read from its kept file (schema 3) or as schema 1–2 kept it; undefined if neither. */
export async function readRawXml(db: ReportDatabase, reportKey: string): Promise<string | undefined> {
  const report = await getReport(db, reportKey);
  if (report?.kind === 'aggregate' && report.source) {
    const source = await db.get('sources', report.source.id);
    const file = source && !shapeProblem(STORED_SOURCE, source, false) ? source.files[report.source.file] : undefined;
    if (file) return readReportXml(file.bytes, report.source.path, report.source.document, { fileName: file.fileName });
  }
  const raw = await db.get('rawXml', reportKey);
  return typeof raw?.xml === 'string' ? raw.xml : undefined;
}

/** The records of one aggregate report, in report order. */
export async function readRecordsOfReport(db: ReportDatabase, reportKey: string): Promise<StoredRecord[]> {
  const report = await getReport(db, reportKey);
  if (report?.kind !== 'aggregate') return [];
  // Its chunks are keyed by the start of its span of days, or (written before spans) by its day.
  const range = keyRanges().bound(
    [report.domain, spanStart(report.end)],
    prefixUpperBound([report.domain, utcMidnight(report.end)]),
  );
  const chunks = await db.getAll('recordChunks', range);
  return chunks
    .flatMap((chunk) => soundDigests(chunk).filter((digest) => digest.reportKey === reportKey))
    .sort((a, b) => a.first - b.first)
    .flatMap(recordsOfDigest);
}

export interface StoreCounts {
  reports: number;
  records: number;
}

export async function countStored(db: ReportDatabase): Promise<StoreCounts> {
  let reports = 0;
  let records = 0;
  let cursor = await db.transaction('reportPacks').store.openCursor();
  while (cursor) {
    for (const report of soundReports(cursor.value)) {
      reports++;
      if (report.kind === 'aggregate') records += report.recordCount;
    }
    cursor = await cursor.continue();
  }
  return { reports, records };
}
