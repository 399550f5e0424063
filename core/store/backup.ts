// Backup and restore of the whole database as one JSON Lines file: a header line, then one line per row
// (`{"store": "...", "value": {...}}`). Lines keep memory flat while writing: a million records never become one
// string. Restoring goes through the same dedupe as importing: rows of a report already stored are skipped. Records
// are written as batches of full records (`records` lines), whatever the schema keeps them in, so backups of every
// schema version restore into every later one; kept files (`sources`) carry their bytes in base64.
//
// A restore is all or nothing per file. Every line is checked against the full shape of its row (rowShape.ts) and
// every report's records are counted against the report before anything is written; then one transaction writes it
// all, so a refused line, a quota cut or a closed tab leaves the database as it was. Records are staged as digests,
// the compact form the store keeps them in, so staging costs about what the rows will take in the database.
import { unwrap } from 'idb';
import { recordsOfDigest, type StoredRecordDigest, firstByteOfText } from '../report';
import { keyRanges } from './keyRange';
import { soundReports } from './queries';
import { addReports, type RawPackStore } from './reportPacks';
import { ChunkPacker } from './recordChunks';
import {
  RAW_XML,
  RECORD_BATCH,
  SOURCE_LINE,
  STORED_REPORT,
  STORED_SOURCE,
  digestProblem,
  shapeProblem,
  type Shape,
} from './rowShape';
import { ProfileTable, toRecordDigest } from './toRecordDigest';
import {
  DB_VERSION,
  type ReportDatabase,
  type ReportDbSchema,
  type StoredAggregateReport,
  type StoredRecordBatch,
  type StoredReport,
  type StoredSourceFile,
} from './schema';

export const BACKUP_FORMAT = 'dmarc-lens-backup';
/** Version of the backup file layout (not of the database schema, which the header records separately). */
export const BACKUP_VERSION = 1;

/** Stores read for a backup; `reports` lines are written from `reportPacks`, `records` from `recordChunks`. */
type BackedUpStore = 'reportPacks' | 'recordChunks' | 'rawXml' | 'sources';
type BackupStore = 'reports' | 'records' | 'rawXml' | 'sources';
/** Rows read per request while writing a backup (record chunks hold up to RECORDS_PER_CHUNK records each). */
const ROWS_PER_REQUEST = 200;
const CHUNKS_PER_REQUEST = 2;
const PACKS_PER_REQUEST = 8;

/** Kept files as a backup line holds them. */
interface SourceLine {
  id: string;
  files: Array<(Omit<StoredSourceFile, 'bytes'> & { base64: string }) | null>;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  schemaVersion: number;
  /** Unix milliseconds. */
  exportedAt: number;
}

/** True when `head` (the first bytes of a file) starts a DMARC Lens backup. */
export function looksLikeBackup(head: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"dmarc-lens-backup"/.test(head);
}

/**
 * True when the file `bytes` is a DMARC Lens backup. Only a file whose first byte other than ASCII blanks and a byte
 * order mark is `{` is decoded to check: a report never is, and decoding the head of every report cost an import of
 * thousands of small files more than reading their records.
 */
export function looksLikeBackupFile(bytes: Uint8Array): boolean {
  return firstByteOfText(bytes) === 0x7b && looksLikeBackup(new TextDecoder().decode(bytes.subarray(0, 200)));
}

/**
 * Every line of a backup of `db`, each ending with "\n". Only what a restore takes is written: rows a previous
 * version or a crafted backup left malformed, and aggregate reports whose records are not all there (with what records
 * they have), are left out, or the whole backup would be refused. Knowing which reports have all their records takes a
 * read of the reports and of the records before they are written. The reports left out are counted in `leftOut`, so
 * that the page can say so: a backup never drops a report without a word.
 */
export async function* backupLines(
  db: ReportDatabase,
  now: number = Date.now(),
  leftOut: { reports: number } = { reports: 0 },
): AsyncGenerator<string> {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: DB_VERSION,
    exportedAt: now,
  };
  yield `${JSON.stringify(header)}\n`;
  const checkedProfiles = new WeakSet<object>();
  const aggregates = new Map<string, { report: StoredAggregateReport; records: number }>();
  for await (const packs of pages(db, 'reportPacks')) {
    for (const pack of packs)
      for (const report of soundReports(pack))
        if (report.kind === 'aggregate') aggregates.set(report.key, { report, records: 0 });
  }
  // The same walk decides which digests are written, once to count and once to write.
  const digestsToWrite = async function* (): AsyncGenerator<StoredRecordDigest[]> {
    const batches = new Set<string>();
    for await (const chunks of pages(db, 'recordChunks')) {
      const out: StoredRecordDigest[] = [];
      for (const { digests } of chunks) {
        if (!Array.isArray(digests)) continue;
        for (const digest of digests) {
          if (digestProblem(digest, checkedProfiles)) continue;
          const owner = aggregates.get(digest.reportKey)?.report;
          const batch = `${digest.reportKey}\u0000${digest.id[3]}`;
          if (
            !owner ||
            owner.domain !== digest.domain ||
            owner.begin !== digest.begin ||
            owner.end !== digest.end ||
            batches.has(batch)
          )
            continue;
          batches.add(batch);
          out.push(digest);
        }
      }
      yield out;
    }
  };
  for await (const digests of digestsToWrite())
    for (const digest of digests) aggregates.get(digest.reportKey)!.records += digest.profileOf.length;
  const complete = (key: string): boolean => {
    const entry = aggregates.get(key);
    return entry !== undefined && entry.records === entry.report.recordCount;
  };

  for await (const packs of pages(db, 'reportPacks')) {
    let text = '';
    for (const pack of packs) {
      const sound = soundReports(pack);
      leftOut.reports += (Array.isArray(pack.reports) ? pack.reports.length : 0) - sound.length;
      for (const report of sound) {
        if (report.kind !== 'aggregate' || complete(report.key))
          text += `${JSON.stringify({ store: 'reports', value: report })}\n`;
        else leftOut.reports++;
      }
    }
    if (text) yield text;
  }
  for await (const digests of digestsToWrite()) {
    let text = '';
    for (const digest of digests)
      if (complete(digest.reportKey)) text += `${JSON.stringify({ store: 'records', value: toBatch(digest) })}\n`;
    if (text) yield text;
  }
  for await (const rows of pages(db, 'rawXml')) {
    let text = '';
    for (const value of rows) {
      if (shapeProblem(RAW_XML, value, false)) continue;
      const { key, xml } = value;
      text += `${JSON.stringify({ store: 'rawXml', value: { key, xml } })}\n`;
    }
    if (text) yield text;
  }
  for await (const rows of pages(db, 'sources')) {
    let text = '';
    for (const value of rows) {
      if (shapeProblem(STORED_SOURCE, value, false)) continue;
      const { id, files } = value;
      const line: SourceLine = {
        id,
        files: files.map(
          (file) => file && { fileName: file.fileName, reportKeys: file.reportKeys, base64: toBase64(file.bytes) },
        ),
      };
      text += `${JSON.stringify({ store: 'sources', value: line })}\n`;
    }
    if (text) yield text;
  }
}

/** Every row of `store`, a page at a time. */
async function* pages<S extends BackedUpStore>(
  db: ReportDatabase,
  store: S,
): AsyncGenerator<Array<ReportDbSchema[S]['value']>> {
  const perRequest =
    store === 'recordChunks' ? CHUNKS_PER_REQUEST : store === 'reportPacks' ? PACKS_PER_REQUEST : ROWS_PER_REQUEST;
  let lowerKey: unknown;
  for (;;) {
    const range = lowerKey === undefined ? null : keyRanges().lowerBound(lowerKey, true);
    const [values, keys] = await Promise.all([
      db.getAll(store, range, perRequest),
      db.getAllKeys(store, range, perRequest),
    ]);
    yield values;
    if (values.length < perRequest) return;
    lowerKey = keys[keys.length - 1];
  }
}

function toBatch(digest: StoredRecordDigest): StoredRecordBatch {
  const { domain, begin, end, reportKey, orgName } = digest;
  const records = recordsOfDigest(digest).map((stored) => stored.record);
  return { id: [domain, begin, reportKey, digest.id[3]], reportKey, domain, orgName, begin, end, records };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

export type RestoreResult =
  | {
      ok: true;
      imported: number;
      duplicates: number;
      records: number;
      /** Rows of reports the backup does not hold (records, raw XML): left out. */
      skippedLines: number;
    }
  | { ok: false; error: { code: 'not-a-backup' | 'unsupported' | 'invalid-backup' | 'internal'; message: string } };

type Refused = Extract<RestoreResult, { ok: false }>;

/** A backup read and checked whole, ready to be written. */
interface StagedBackup {
  /** By key, in file order, with the line each came from. */
  reports: Map<string, { line: number; report: StoredReport }>;
  digests: Array<{ line: number; digest: StoredRecordDigest }>;
  rawXml: Array<{ key: string; xml: string }>;
  sources: Array<{
    id: string;
    files: Array<(Omit<StoredSourceFile, 'reportKeys'> & { reportKeys: string[] }) | null>;
  }>;
  skippedLines: number;
}

const ROW_SHAPES: Record<BackupStore, Shape> = {
  reports: STORED_REPORT,
  records: RECORD_BATCH,
  rawXml: RAW_XML,
  sources: SOURCE_LINE,
};
const NOTHING_RESTORED = 'Nothing from this backup was restored.';

/**
 * Restores backup lines into `db`, all or nothing: the whole file is read and checked first, and a line that is not
 * a valid row, or records that do not add up to their report, refuse the file by name (line, row kind, field and what
 * is wrong) with the database unchanged. Reports already stored are counted as duplicates and their rows left alone.
 * Never throws: a failure to store (quota, closed database) is a refusal too, and writes nothing.
 */
export async function restoreBackup(
  db: ReportDatabase,
  lines: Iterable<string> | AsyncIterable<string>,
  fileName = 'backup',
): Promise<RestoreResult> {
  let staged: StagedBackup | Refused;
  try {
    staged = await readBackup(lines, fileName);
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `${fileName} could not be read to the end (${errorText(error)}). ${NOTHING_RESTORED}`,
      },
    };
  }
  if ('error' in staged) return staged;
  try {
    return await writeBackup(db, staged);
  } catch (error) {
    const reason =
      errorName(error) === 'QuotaExceededError'
        ? 'there is not enough storage space left'
        : `the browser's database refused it (${errorText(error)})`;
    return {
      ok: false,
      error: { code: 'internal', message: `${fileName} could not be restored: ${reason}. ${NOTHING_RESTORED}` },
    };
  }
}

async function readBackup(
  lines: Iterable<string> | AsyncIterable<string>,
  fileName: string,
): Promise<StagedBackup | Refused> {
  const refuse = (line: number, problem: string): Refused => ({
    ok: false,
    error: { code: 'invalid-backup', message: `${fileName}, line ${line}: ${problem}. ${NOTHING_RESTORED}` },
  });
  const staged: StagedBackup = { reports: new Map(), digests: [], rawXml: [], sources: [], skippedLines: 0 };
  const sourceIds = new Map<string, number>();
  const profiles = new ProfileTable();
  let header: BackupHeader | undefined;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      if (!header) return notABackup(fileName);
      return refuse(lineNumber, 'this line is not a complete row (the file may have been cut short or edited)');
    }
    if (!header) {
      if (!isHeader(parsed)) return notABackup(fileName);
      if (parsed.version > BACKUP_VERSION || parsed.schemaVersion > DB_VERSION) {
        return {
          ok: false,
          error: {
            code: 'unsupported',
            message: `${fileName} was written by a newer DMARC Lens (backup version ${parsed.version}, schema ${parsed.schemaVersion}).`,
          },
        };
      }
      header = parsed;
      continue;
    }
    const envelope = envelopeProblem(parsed);
    if (envelope) return refuse(lineNumber, envelope);
    const { store, value } = parsed as { store: BackupStore; value: unknown };
    const problem = shapeProblem(ROW_SHAPES[store], value, true);
    if (problem) {
      const where = problem.path === '' ? 'the row' : problem.path;
      return refuse(lineNumber, `the "${store}" row is not valid: ${where} ${problem.problem}`);
    }
    switch (store) {
      case 'reports': {
        const report = value as StoredReport;
        const earlier = staged.reports.get(report.key);
        if (earlier)
          return refuse(
            lineNumber,
            `report ${quote(report.key)} is here a second time (first on line ${earlier.line})`,
          );
        staged.reports.set(report.key, { line: lineNumber, report });
        break;
      }
      case 'records': {
        const batch = value as StoredRecordBatch;
        const [domain, begin, reportKey] = batch.id;
        if (domain !== batch.domain || begin !== batch.begin || reportKey !== batch.reportKey) {
          return refuse(
            lineNumber,
            `the "records" row is not valid: its id ${JSON.stringify(batch.id).slice(0, 200)} does not match its domain, begin and reportKey`,
          );
        }
        staged.digests.push({ line: lineNumber, digest: toRecordDigest(batch, profiles) });
        break;
      }
      case 'rawXml':
        staged.rawXml.push(value as { key: string; xml: string });
        break;
      case 'sources': {
        const line = value as SourceLine;
        const earlier = sourceIds.get(line.id);
        if (earlier !== undefined)
          return refuse(lineNumber, `kept files ${quote(line.id)} are here a second time (first on line ${earlier})`);
        sourceIds.set(line.id, lineNumber);
        const files: StagedBackup['sources'][number]['files'] = [];
        for (const [i, file] of line.files.entries()) {
          if (!file) {
            files.push(null);
            continue;
          }
          const bytes = fromBase64(file.base64);
          if (!bytes) return refuse(lineNumber, `the "sources" row is not valid: files[${i}].base64 is not base64`);
          files.push({ fileName: file.fileName, bytes, reportKeys: file.reportKeys });
        }
        staged.sources.push({ id: line.id, files });
        break;
      }
    }
  }
  if (!header) return notABackup(fileName);

  // Records go with their report: the same domain and dates (or a read for the report's period misses them), each
  // batch once, and as many records as the report says it has.
  const counted = new Map<string, { records: number; batches: Set<number> }>();
  const kept: StagedBackup['digests'] = [];
  for (const entry of staged.digests) {
    const { digest, line } = entry;
    const owner = staged.reports.get(digest.reportKey);
    if (!owner) {
      staged.skippedLines++;
      continue;
    }
    const { report } = owner;
    const about = `records of report ${quote(report.key)} (line ${owner.line})`;
    if (report.kind !== 'aggregate')
      return refuse(line, `these are ${about}, which is a ${report.kind} report: only aggregate reports have records`);
    if (digest.domain !== report.domain || digest.begin !== report.begin || digest.end !== report.end) {
      return refuse(
        line,
        `these ${about} give domain ${quote(digest.domain)}, begin ${digest.begin} and end ${digest.end}; the report has ${quote(report.domain)}, ${report.begin} and ${report.end}`,
      );
    }
    let count = counted.get(report.key);
    if (!count) counted.set(report.key, (count = { records: 0, batches: new Set() }));
    const batch = digest.id[3];
    if (count.batches.has(batch)) return refuse(line, `batch ${batch} of the ${about} is here a second time`);
    count.batches.add(batch);
    count.records += digest.profileOf.length;
    kept.push(entry);
  }
  staged.digests = kept;
  for (const { line, report } of staged.reports.values()) {
    if (report.kind !== 'aggregate') continue;
    const records = counted.get(report.key)?.records ?? 0;
    if (records !== report.recordCount) {
      return refuse(
        line,
        `aggregate report ${quote(report.key)} has ${report.recordCount.toLocaleString('en')} records, but the backup holds ${records.toLocaleString('en')} of them`,
      );
    }
  }
  const rawXml = staged.rawXml.filter((raw) => staged.reports.has(raw.key));
  staged.skippedLines += staged.rawXml.length - rawXml.length;
  staged.rawXml = rawXml;
  return staged;
}

/** Writes a checked backup in one transaction: either all of it that is new is stored, or nothing is. */
async function writeBackup(db: ReportDatabase, staged: StagedBackup): Promise<RestoreResult> {
  const tx = db.transaction(['reportPacks', 'recordChunks', 'rawXml', 'sources'], 'readwrite', {
    durability: 'relaxed',
  });
  const done = tx.done;
  // A failed write below rejects `done` too; it is awaited only on success.
  done.catch(() => undefined);
  const writes: Array<Promise<unknown>> = [];
  try {
    const reports = [...staged.reports.values()].map((entry) => entry.report);
    const added = await addReports(unwrap(tx.objectStore('reportPacks')) as unknown as RawPackStore, reports);
    /** Keys of reports this restore added: only their records, raw XML and kept files are written. */
    const restored = new Set<string>();
    let duplicates = 0;
    reports.forEach((report, i) => {
      if (added[i]) restored.add(report.key);
      else duplicates++;
    });
    const packer = new ChunkPacker();
    let records = 0;
    for (const { digest } of staged.digests) {
      if (!restored.has(digest.reportKey)) continue;
      records += digest.profileOf.length;
      packer.add(digest);
    }
    for (const chunk of packer.takeAll()) writes.push(tx.objectStore('recordChunks').put(chunk));
    for (const raw of staged.rawXml) if (restored.has(raw.key)) writes.push(tx.objectStore('rawXml').put(raw));
    for (const source of staged.sources) {
      const files = source.files.map((file): StoredSourceFile | null => {
        const reportKeys = file?.reportKeys.filter((key) => restored.has(key)) ?? [];
        return file && reportKeys.length > 0 ? { fileName: file.fileName, bytes: file.bytes, reportKeys } : null;
      });
      if (files.some((file) => file !== null)) writes.push(tx.objectStore('sources').put({ id: source.id, files }));
    }
    await Promise.all(writes);
    await done;
    return { ok: true, imported: restored.size, duplicates, records, skippedLines: staged.skippedLines };
  } catch (error) {
    // Requests made before the failure fail with the abort; the refusal says why.
    for (const write of writes) write.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request, or finished.
    }
    throw error;
  }
}

/** What is wrong with a line as a row: `{"store": one of the backup's row kinds, "value": …}` and nothing else. */
function envelopeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'this line is not a row (an object with "store" and "value")';
  const { store } = value as { store?: unknown };
  if (typeof store !== 'string' || !Object.hasOwn(ROW_SHAPES, store)) {
    return `this line is not a row of a kind a backup holds ("reports", "records", "rawXml" or "sources"): its store is ${JSON.stringify(store ?? null).slice(0, 60)}`;
  }
  for (const key of Object.keys(value))
    if (key !== 'store' && key !== 'value')
      return `the "${store}" row has a field ${JSON.stringify(key)} rows do not have`;
  return undefined;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : undefined;
}

function errorText(error: unknown): string {
  const name = errorName(error);
  const message =
    typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
      ? (error as { message: string }).message
      : String(error);
  return name && name !== 'Error' && !message.startsWith(name) ? `${name}: ${message}` : message;
}

function notABackup(fileName: string): Refused {
  return { ok: false, error: { code: 'not-a-backup', message: `${fileName} is not a DMARC Lens backup.` } };
}

function isHeader(value: unknown): value is BackupHeader {
  const v = value as Partial<BackupHeader> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === BACKUP_FORMAT &&
    typeof v.version === 'number' &&
    typeof v.schemaVersion === 'number'
  );
}
