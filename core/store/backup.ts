// Backup and restore of the whole database as one JSON Lines file: a header line, then one line per row
// (`{"store": "...", "value": {...}}`). Lines keep memory flat on both sides: a million records never become one
// string. Restoring goes through the same dedupe as importing: rows of a report already stored are skipped. Records
// are written as batches of full records (`records` lines), whatever the schema keeps them in, so backups of every
// schema version restore into every later one; kept files (`sources`) carry their bytes in base64.
import { unwrap } from 'idb';
import { firstByteOfText } from '../report/sniffContainer';
import { keyRanges } from './keyRange';
import { addReports, type RawPackStore } from './reportPacks';
import { ChunkPacker } from './recordChunks';
import { ProfileTable, recordsOfDigest, toRecordDigest } from './toRecordDigest';
import { DB_VERSION, type ReportDatabase, type ReportPack, type StoredRecordBatch, type StoredRecordDigest, type StoredReport, type StoredSource, type StoredSourceFile } from './schema';

export const BACKUP_FORMAT = 'dmarc-lens-backup';
/** Version of the backup file layout (not of the database schema, which the header records separately). */
export const BACKUP_VERSION = 1;

/** Stores read for a backup, in order; `reports` lines are written from `reportPacks`, `records` from `recordChunks`. */
const STORES = ['reportPacks', 'recordChunks', 'rawXml', 'sources'] as const;
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

/** Every line of a backup of `db`, each ending with "\n". */
export async function* backupLines(db: ReportDatabase, now: number = Date.now()): AsyncGenerator<string> {
  const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: DB_VERSION, exportedAt: now };
  yield `${JSON.stringify(header)}\n`;
  for (const store of STORES) {
    const perRequest = store === 'recordChunks' ? CHUNKS_PER_REQUEST : store === 'reportPacks' ? PACKS_PER_REQUEST : ROWS_PER_REQUEST;
    let lowerKey: unknown;
    for (;;) {
      const range = lowerKey === undefined ? null : keyRanges().lowerBound(lowerKey, true);
      const [values, keys] = await Promise.all([
        db.getAll(store, range, perRequest),
        db.getAllKeys(store, range, perRequest),
      ]);
      let text = '';
      for (const value of values) {
        if (store === 'reportPacks') {
          for (const report of (value as ReportPack).reports) text += `${JSON.stringify({ store: 'reports', value: report })}\n`;
        } else if (store === 'recordChunks') {
          for (const digest of (value as { digests: StoredRecordDigest[] }).digests) {
            text += `${JSON.stringify({ store: 'records', value: toBatch(digest) })}\n`;
          }
        } else if (store === 'sources') {
          const { id, files } = value as StoredSource;
          const line: SourceLine = { id, files: files.map((file) => file && { fileName: file.fileName, reportKeys: file.reportKeys, base64: toBase64(file.bytes) }) };
          text += `${JSON.stringify({ store, value: line })}\n`;
        } else text += `${JSON.stringify({ store, value })}\n`;
      }
      if (text) yield text;
      if (values.length < perRequest) break;
      lowerKey = keys[keys.length - 1];
    }
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
  | { ok: true; imported: number; duplicates: number; records: number; skippedLines: number }
  | { ok: false; error: { code: 'not-a-backup' | 'unsupported'; message: string } };

/** Rows written per transaction while restoring. */
const RESTORE_BATCH = 2000;

/**
 * Restores backup lines into `db`. Reports already stored are counted as duplicates and their rows left alone; lines
 * that are not valid rows are skipped and counted. Never throws on bad input.
 */
export async function restoreBackup(
  db: ReportDatabase,
  lines: Iterable<string> | AsyncIterable<string>,
  fileName = 'backup',
): Promise<RestoreResult> {
  let header: BackupHeader | undefined;
  let imported = 0;
  let duplicates = 0;
  let records = 0;
  let skippedLines = 0;
  /** Keys of reports this restore added: only their records and raw XML are written. */
  const restored = new Set<string>();
  let pending: Array<{ store: BackupStore; value: unknown }> = [];

  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const tx = db.transaction(['reportPacks', 'recordChunks', 'rawXml', 'sources'], 'readwrite', { durability: 'relaxed' });
    const reportRows = batch.filter((row) => row.store === 'reports').map((row) => row.value as StoredReport);
    const added = await addReports(unwrap(tx.objectStore('reportPacks')) as unknown as RawPackStore, reportRows);
    const writes: Array<Promise<unknown>> = [];
    reportRows.forEach((report, i) => {
      if (!added[i]) {
        duplicates++;
        return;
      }
      restored.add(report.key);
      imported++;
    });
    const packer = new ChunkPacker();
    const profiles = new ProfileTable();
    for (const row of batch) {
      if (row.store === 'records') {
        const batch = row.value as StoredRecordBatch;
        if (!restored.has(batch.reportKey)) continue;
        records += batch.records.length;
        packer.add(toRecordDigest(batch, profiles));
      } else if (row.store === 'rawXml') {
        const raw = row.value as { key: string; xml: string };
        if (restored.has(raw.key)) writes.push(tx.objectStore('rawXml').put(raw));
      } else if (row.store === 'sources') {
        const line = row.value as SourceLine;
        const files = line.files.map((file): StoredSourceFile | null => {
          const bytes = file && fromBase64(file.base64);
          const reportKeys = file?.reportKeys.filter((key) => restored.has(key)) ?? [];
          return file && bytes && reportKeys.length > 0 ? { fileName: file.fileName, bytes, reportKeys } : null;
        });
        if (files.some((file) => file !== null)) writes.push(tx.objectStore('sources').put({ id: line.id, files }));
      }
    }
    for (const chunk of packer.takeAll()) writes.push(tx.objectStore('recordChunks').put(chunk));
    await Promise.all([...writes, tx.done]);
  };

  for await (const line of lines) {
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      if (!header) return notABackup(fileName);
      skippedLines++;
      continue;
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
    const row = validRow(parsed);
    if (!row) {
      skippedLines++;
      continue;
    }
    pending.push(row);
    if (pending.length >= RESTORE_BATCH) await flush();
  }
  if (!header) return notABackup(fileName);
  await flush();
  return { ok: true, imported, duplicates, records, skippedLines };
}

function notABackup(fileName: string): RestoreResult {
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

function isRecordShaped(value: unknown): boolean {
  const record = value as Record<string, unknown> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.count === 'number' &&
    typeof record.sourceIp === 'string' &&
    Array.isArray(record.reasons) &&
    Array.isArray(record.dkimResults) &&
    Array.isArray(record.spfResults)
  );
}

function isSourceFileLine(value: unknown): boolean {
  if (value === null) return true;
  const file = value as Record<string, unknown>;
  return (
    typeof file === 'object' &&
    typeof file.fileName === 'string' &&
    typeof file.base64 === 'string' &&
    Array.isArray(file.reportKeys) &&
    file.reportKeys.every((key) => typeof key === 'string')
  );
}

/** Checks the shape enough that a stored row cannot break the queries (the file is untrusted input). */
function validRow(value: unknown): { store: BackupStore; value: unknown } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { store, value: row } = value as { store?: unknown; value?: unknown };
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Record<string, unknown>;
  switch (store) {
    case 'reports':
      return typeof r.key === 'string' &&
        (r.kind === 'aggregate' || r.kind === 'failure' || r.kind === 'tls') &&
        typeof r.domain === 'string' &&
        typeof r.begin === 'number' &&
        typeof r.end === 'number' &&
        typeof r.report === 'object' &&
        r.report !== null
        ? { store, value: row }
        : undefined;
    case 'records': {
      const id = r.id;
      const records = r.records;
      return Array.isArray(id) &&
        id.length === 4 &&
        typeof id[0] === 'string' &&
        typeof id[1] === 'number' &&
        typeof id[2] === 'string' &&
        typeof id[3] === 'number' &&
        typeof r.reportKey === 'string' &&
        typeof r.domain === 'string' &&
        typeof r.begin === 'number' &&
        typeof r.end === 'number' &&
        Array.isArray(records) &&
        records.every(isRecordShaped)
        ? { store, value: row }
        : undefined;
    }
    case 'rawXml':
      return typeof r.key === 'string' && typeof r.xml === 'string' ? { store, value: row } : undefined;
    case 'sources':
      return typeof r.id === 'string' && Array.isArray(r.files) && r.files.every(isSourceFileLine) ? { store, value: row } : undefined;
    default:
      return undefined;
  }
}
