// The IndexedDB layout of DMARC Lens, versioned from day one. Each entry of `migrations` takes the database from
// version i to i + 1; opening at DB_VERSION runs every step the stored database has not seen yet, inside the one
// versionchange transaction IndexedDB gives us, so a half-migrated database cannot exist.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { AggregateRecord, AggregateReport, FailureReport, TlsReport } from '../report/types';
import { toRecordDigest } from './toRecordDigest';

export const DB_NAME = 'dmarc-lens';
export const DB_VERSION = 2;

/** What every stored report carries besides its own content. */
interface StoredReportBase {
  /** Dedupe key (core/analysis/reportKey.ts): the same report stored twice is one report. */
  key: string;
  /** The domain the report is about (policy domain, reported domain, TLS policy domain), lower-cased. */
  domain: string;
  /** Who sent the report. */
  orgName: string;
  /** Unix seconds, UTC. */
  begin: number;
  end: number;
  /** The file the report came from, as the user's system named it. */
  fileName: string;
  /** Where inside that file (zip member, message part…). */
  path: string[];
  /** Oddities the parser recovered from, for this report and its file. */
  warnings: string[];
  /** Unix milliseconds. */
  importedAt: number;
}

export interface StoredAggregateReport extends StoredReportBase {
  kind: 'aggregate';
  /** The report without its records (they live in the `records` store, keyed for range queries). */
  report: Omit<AggregateReport, 'records'>;
  recordCount: number;
  messageCount: number;
  /** Whether the raw XML was kept (within RAW_XML_MAX_CHARS) in the `rawXml` store. */
  hasRawXml: boolean;
}

export interface StoredFailureReport extends StoredReportBase {
  kind: 'failure';
  report: FailureReport;
}

export interface StoredTlsReport extends StoredReportBase {
  kind: 'tls';
  report: TlsReport;
  successfulSessions: number;
  failedSessions: number;
}

export type StoredReport = StoredAggregateReport | StoredFailureReport | StoredTlsReport;

/**
 * Primary key of a stored batch of records: `[domain, begin, reportKey, batch]`. Ordered so that "one domain, one
 * period" — the dashboard's question — is a single contiguous key range, read without any secondary index.
 */
export type BatchId = [domain: string, begin: number, reportKey: string, batch: number];

/** Records per stored batch: one IndexedDB row per record made imports and reads 10–50× slower than batches do. */
export const RECORDS_PER_BATCH = 500;

/** Up to RECORDS_PER_BATCH consecutive records of one aggregate report, with the report context queries need. */
export interface StoredRecordBatch {
  id: BatchId;
  reportKey: string;
  domain: string;
  /** The reporter (report_metadata org_name). */
  orgName: string;
  begin: number;
  end: number;
  records: AggregateRecord[];
}

/** `[domain, begin, reportKey, index of the record in its report]`. */
export type RecordId = [domain: string, begin: number, reportKey: string, index: number];

/** One record with its report's context, as queries hand records out (they are stored in batches). */
export interface StoredRecord {
  id: RecordId;
  reportKey: string;
  domain: string;
  orgName: string;
  begin: number;
  end: number;
  record: AggregateRecord;
}

/**
 * Primary key of a record digest: `[domain, end, reportKey, batch]`. Keyed by the report's end, not its begin: a period
 * [from, to) is then the range `[domain, from] … [domain, to + MAX_REPORT_SPAN_SECONDS]`, which for the dashboard's
 * usual "last N days" reads nothing outside the period (keyed by begin it had to start MAX_REPORT_SPAN_SECONDS early).
 */
export type DigestId = [domain: string, end: number, reportKey: string, batch: number];

/**
 * What a record says besides who sent it and how many messages: everything the dashboard figures, the source
 * classification and the drill-down table read. Drops `raw` and `extensions`, which only the raw XML view shows.
 */
export type RecordProfile = Omit<AggregateRecord, 'sourceIp' | 'count' | 'raw' | 'extensions'>;

/**
 * The compact twin of a StoredRecordBatch, written with it at import (and backfilled by migration 1 → 2). Real
 * reports repeat a handful of outcomes (same DKIM d= and selector, same SPF domain, same verdicts) across hundreds of
 * source IPs, so a batch keeps each distinct profile once and per record only an index, an IP and a count, the numbers
 * in typed arrays: IndexedDB decodes it several times faster than the batch of full records, which was most of the
 * dashboard query's time. Derived data: backups leave it out and restore rebuilds it.
 */
export interface StoredRecordDigest {
  id: DigestId;
  reportKey: string;
  domain: string;
  orgName: string;
  begin: number;
  end: number;
  /** Record index in its report of the first record here (batch × RECORDS_PER_BATCH). */
  first: number;
  profiles: RecordProfile[];
  /** Per record, in report order: its index into `profiles`. */
  profileOf: Uint16Array;
  sourceIps: string[];
  counts: Float64Array;
}

export interface StoredRawXml {
  key: string;
  xml: string;
}

export interface ReportDbSchema extends DBSchema {
  reports: {
    key: string;
    value: StoredReport;
    /**
     * byKind: `[kind, domain, begin, key]`, unique per report, so "aggregate reports of one domain in one period" is
     * one range, read page by page. byKindEnd: `[kind, domain, end, key]` (schema 2), the same keyed by the report's
     * end, so a recent period reads no report that ended before it.
     */
    indexes: { byDomain: string; byKind: [string, string, number, string]; byKindEnd: [string, string, number, string] };
  };
  records: {
    key: BatchId;
    value: StoredRecordBatch;
    indexes: { byReport: string };
  };
  rawXml: {
    key: string;
    value: StoredRawXml;
  };
  recordDigests: {
    key: DigestId;
    value: StoredRecordDigest;
    indexes: { byReport: string };
  };
}

export type ReportDatabase = IDBPDatabase<ReportDbSchema>;
type UpgradeTransaction = IDBPTransaction<ReportDbSchema, ArrayLike<StoreNames<ReportDbSchema>>, 'versionchange'>;

/**
 * migrations[i] upgrades a database at version i to version i + 1. Append, never edit a released step. A step may go
 * on asynchronously with requests on `tx` (a backfill): the versionchange transaction stays open until they finish,
 * and a failure aborts the upgrade as a whole.
 */
export const migrations: ReadonlyArray<(db: ReportDatabase, tx: UpgradeTransaction) => void | Promise<void>> = [
  // 0 → 1: the first layout.
  (db) => {
    const reports = db.createObjectStore('reports', { keyPath: 'key' });
    reports.createIndex('byDomain', 'domain');
    reports.createIndex('byKind', ['kind', 'domain', 'begin', 'key']);
    const records = db.createObjectStore('records', { keyPath: 'id' });
    records.createIndex('byReport', 'reportKey');
    db.createObjectStore('rawXml', { keyPath: 'key' });
  },
  // 1 → 2: record digests for the dashboard, backfilled from the stored record batches; reports indexed by end.
  async (db, tx) => {
    tx.objectStore('reports').createIndex('byKindEnd', ['kind', 'domain', 'end', 'key']);
    const digests = db.createObjectStore('recordDigests', { keyPath: 'id' });
    digests.createIndex('byReport', 'reportKey');
    let cursor = await tx.objectStore('records').openCursor();
    while (cursor) {
      void tx.objectStore('recordDigests').put(toRecordDigest(cursor.value));
      cursor = await cursor.continue();
    }
  },
];

if (migrations.length !== DB_VERSION) throw new Error('core/store: one migration per schema version');

/** Opens (creating or migrating as needed) the report database. `name` lets tests and benchmarks use their own. */
export function openReportDatabase(name: string = DB_NAME): Promise<ReportDatabase> {
  return openDB<ReportDbSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      // Each step starts synchronously, so schema changes happen while the versionchange transaction is active; a
      // backfill's requests queue behind those of the steps before it. A rejected step aborts the whole upgrade.
      for (let version = oldVersion; version < (newVersion ?? DB_VERSION); version++) {
        const done = migrations[version]!(db, tx);
        done?.catch(() => {
          try {
            tx.abort();
          } catch {
            // Already aborted by the failed request.
          }
        });
      }
    },
    blocking(_current, _blocked, event) {
      // Another tab wants a newer schema: let it, rather than leaving it blocked.
      (event as unknown as { target: { close(): void } }).target.close();
    },
  });
}
