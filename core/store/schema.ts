// The IndexedDB layout of DMARC Lens, versioned from day one. Each entry of `migrations` takes the database from
// version i to i + 1; opening at DB_VERSION runs every step the stored database has not seen yet, inside the one
// versionchange transaction IndexedDB gives us, so a half-migrated database cannot exist.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type {
  DigestId,
  StoredRecordDigest,
  AggregateRecord,
  AggregateReport,
  FailureReport,
  TlsReport,
} from '../report';
import { ChunkPacker, utcMidnight } from './recordChunks';
import { ReportPacker } from './reportPacks';
import { RECORD_BATCH, shapeProblem } from './rowShape';
import { toRecordDigest } from './toRecordDigest';

export const DB_NAME = 'dmarc-lens';
export const DB_VERSION = 4;

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
  /** The report without its records (they live in the `recordChunks` store, keyed for range queries). */
  report: Omit<AggregateReport, 'records'>;
  recordCount: number;
  messageCount: number;
  /**
   * Whether the raw XML can be shown: schema 1–2 kept it (within RAW_XML_MAX_CHARS) in the `rawXml` store; since
   * schema 3 the file it came from is kept in `sources` (see `source`) and the XML is read from it on demand.
   */
  hasRawXml: boolean;
  /** Where the report's file is kept, when it was small enough (schema 3). */
  source?: SourceRef;
}

/** Where a report's file is kept: the `sources` row, the file in it, and the report's path and index in the file. */
export interface SourceRef {
  id: string;
  file: number;
  /** ParsedReport.path: zip member, message part… */
  path: string[];
  /** Among the reports of that file with the same path (several pasted into one XML file), this one's index. */
  document: number;
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

export const REPORT_KINDS: ReadonlyArray<StoredReport['kind']> = ['aggregate', 'failure', 'tls'];

/**
 * Identifies a batch of records: `[domain, begin, reportKey, batch]`. Schema 1–2 stored batches under this key
 * (store `records`); since schema 3 batches are the form of records in backups and the input of record digests.
 */
export type BatchId = [domain: string, begin: number, reportKey: string, batch: number];

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

/**
 * Primary key of a record chunk: `[domain, day, first]`, day = the UTC midnight starting the span of days its reports
 * end in (recordChunks.ts spanStart; rows of older databases have the day itself), first = `reportKey#batch` of its
 * first digest. A period [from, to) is the key range `[domain, spanStart(from)] … [domain, to +
 * MAX_REPORT_SPAN_SECONDS]`; every report lives in the chunks of one day key, so its records are one range too.
 */
export type ChunkId = [domain: string, day: number, first: string];

/**
 * The record digests of the reports of one domain ending in one span of days, imported together (schema 3). One row for
 * many reports: a row per report, with its index, would make the writes most of an import's cost.
 */
export interface StoredRecordChunk {
  id: ChunkId;
  digests: StoredRecordDigest[];
}

/** A report file as it arrived, kept (up to SOURCE_MAX_BYTES) so that the XML of its reports can be shown. */
export interface StoredSourceFile {
  fileName: string;
  bytes: Uint8Array;
  /** Keys of the stored reports read from it: the file goes when the last of them is deleted. */
  reportKeys: string[];
}

/**
 * The files of one stored batch (schema 3): one row per batch, not per file, for the same reason as record chunks. A
 * file whose reports were all deleted becomes null (SourceRef.file stays valid); the row goes with its last file.
 */
export interface StoredSource {
  id: string;
  files: Array<StoredSourceFile | null>;
}

/** `[kind, domain, day, first report key]`: day as in ChunkId, the start of the span of days its reports end in. */
export type PackId = [kind: StoredReport['kind'], domain: string, day: number, first: string];

/**
 * Reports of one kind and domain ending in the same span of UTC days, stored together (schema 4, see reportPacks.ts).
 * `keys` lists their keys, under the unique multiEntry index byKey.
 */
export interface ReportPack {
  id: PackId;
  keys: string[];
  reports: StoredReport[];
}

/** The raw XML of a report as schema 1–2 kept it; read for those reports, never written since schema 3. */
export interface StoredRawXml {
  key: string;
  xml: string;
}

export interface ReportDbSchema extends DBSchema {
  /**
   * Since schema 4: one row per kind, domain, span of days the reports end in (recordChunks.ts spanStart) and stored
   * batch. Reports ending in [from, to) are the key range `[kind, domain, spanStart(from)] … [kind, domain, to]`; a
   * report is found by key through byKey.
   */
  reportPacks: {
    key: PackId;
    value: ReportPack;
    indexes: { byKey: string };
  };
  /** Schema 1–3: one row per report; migration 3 → 4 packs them into `reportPacks` and deletes the store. */
  reports: {
    key: string;
    value: StoredReport;
    /**
     * byKindEnd: `[kind, domain, end, key]`, unique per report, so "aggregate reports of one domain in one period" is
     * one range, read page by page, and a recent period reads no report that ended before it. Schema 1–2 also had
     * byDomain and byKind (`[kind, domain, begin, key]`); every index is written with every report, so schema 3 keeps
     * only the one all queries can use.
     */
    indexes: {
      byDomain: string;
      byKind: [string, string, number, string];
      byKindEnd: [string, string, number, string];
    };
  };
  /** Schema 1–2 only: migration 2 → 3 moves the batches into `recordChunks` and deletes the store. */
  records: {
    key: BatchId;
    value: StoredRecordBatch;
    indexes: { byReport: string };
  };
  rawXml: {
    key: string;
    value: StoredRawXml;
  };
  /** Schema 2 only: deleted by migration 2 → 3. */
  recordDigests: {
    key: DigestId;
    value: StoredRecordDigest;
    indexes: { byReport: string };
  };
  recordChunks: {
    key: ChunkId;
    value: StoredRecordChunk;
  };
  sources: {
    key: string;
    value: StoredSource;
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
      // A batch a restore of that time let through malformed would make the digest throw and the upgrade fail, and
      // then no page could open the database: it is left behind (reads pass over its report, see rowShape.ts).
      if (!shapeProblem(RECORD_BATCH, cursor.value, false))
        void tx.objectStore('recordDigests').put(toRecordDigest(cursor.value));
      cursor = await cursor.continue();
    }
  },
  // 2 → 3: records move from per-report batches and digests into chunk rows; files kept whole in `sources` from now on;
  // reports keep one index.
  async (db, tx) => {
    tx.objectStore('reports').deleteIndex('byDomain');
    tx.objectStore('reports').deleteIndex('byKind');
    const chunks = db.createObjectStore('recordChunks', { keyPath: 'id' });
    db.createObjectStore('sources', { keyPath: 'id' });
    // Batches come in key order (domain, begin): once a batch begins after a day has ended, no later batch of that
    // domain ends on it, so its chunks are written and memory holds only the days still open.
    const packer = new ChunkPacker();
    let domain: string | undefined;
    let cursor = await tx.objectStore('records').openCursor();
    while (cursor) {
      const batch = cursor.value;
      // As in 1 → 2: a malformed batch is left behind rather than failing the upgrade.
      if (shapeProblem(RECORD_BATCH, batch, false)) {
        cursor = await cursor.continue();
        continue;
      }
      const ready = batch.domain === domain ? packer.takeBefore(utcMidnight(batch.begin)) : packer.takeAll();
      domain = batch.domain;
      for (const chunk of ready) void chunks.put(chunk);
      packer.add(toRecordDigest(batch));
      cursor = await cursor.continue();
    }
    await Promise.all(packer.takeAll().map((chunk) => chunks.put(chunk)));
    db.deleteObjectStore('records');
    db.deleteObjectStore('recordDigests');
  },
  // 3 → 4: reports packed into rows by kind, domain and span of days of their end (recordChunks.ts spanStart). They are
  // read along byKindEnd (kind, domain, end), so a pack is complete when the next report belongs elsewhere, and memory
  // holds one pack.
  async (db, tx) => {
    const packs = db.createObjectStore('reportPacks', { keyPath: 'id' });
    packs.createIndex('byKey', 'keys', { unique: true, multiEntry: true });
    const packer = new ReportPacker();
    let cursor = await tx.objectStore('reports').index('byKindEnd').openCursor();
    while (cursor) {
      for (const pack of packer.takeOtherThan(cursor.value)) void packs.put(pack);
      packer.add(cursor.value);
      cursor = await cursor.continue();
    }
    await Promise.all(packer.takeAll().map((pack) => packs.put(pack)));
    db.deleteObjectStore('reports');
  },
];

if (migrations.length !== DB_VERSION) throw new Error('core/store: one migration per schema version');

/** Opens (creating or migrating as needed) the report database. `name` lets tests and benchmarks use their own. */
export function openReportDatabase(name: string = DB_NAME): Promise<ReportDatabase> {
  return openDB<ReportDbSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      // Steps run in order: one starts when the step before it has finished (a synchronous step at once, an
      // asynchronous one when its last request succeeded, while the versionchange transaction is still active). A
      // rejected step aborts the whole upgrade.
      let previous: Promise<void> | undefined;
      for (let version = oldVersion; version < (newVersion ?? DB_VERSION); version++) {
        const step = migrations[version]!;
        previous = previous ? previous.then(() => step(db, tx)) : (step(db, tx) ?? undefined);
      }
      previous?.catch(() => {
        try {
          tx.abort();
        } catch {
          // Already aborted by the failed request.
        }
      });
    },
    blocking(_current, _blocked, event) {
      // Another tab wants a newer schema: let it, rather than leaving it blocked.
      (event as unknown as { target: { close(): void } }).target.close();
    },
  });
}
