// Backup and restore of the whole database as one JSON Lines file: a header line, then one line per stored row
// (`{"store": "...", "value": {...}}`). Lines keep memory flat on both sides: a million records never become one
// string. Restoring goes through the same dedupe as importing: rows of a report already stored are skipped. Record
// digests are derived from record batches, so a backup leaves them out and a restore rebuilds them.
import { keyRanges } from './keyRange';
import { toRecordDigest } from './toRecordDigest';
import { DB_VERSION, type ReportDatabase, type StoredRecordBatch, type StoredReport } from './schema';


export const BACKUP_FORMAT = 'dmarc-lens-backup';
/** Version of the backup file layout (not of the database schema, which the header records separately). */
export const BACKUP_VERSION = 1;

const STORES = ['reports', 'records', 'rawXml'] as const;
/** Rows read per request while writing a backup. */
const ROWS_PER_REQUEST = 200;
type BackupStore = (typeof STORES)[number];

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

/** Every line of a backup of `db`, each ending with "\n". */
export async function* backupLines(db: ReportDatabase, now: number = Date.now()): AsyncGenerator<string> {
  const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: DB_VERSION, exportedAt: now };
  yield `${JSON.stringify(header)}\n`;
  for (const store of STORES) {
    let lowerKey: unknown;
    for (;;) {
      const range = lowerKey === undefined ? null : keyRanges().lowerBound(lowerKey, true);
      const [values, keys] = await Promise.all([
        db.getAll(store, range, ROWS_PER_REQUEST),
        db.getAllKeys(store, range, ROWS_PER_REQUEST),
      ]);
      let text = '';
      for (const value of values) text += `${JSON.stringify({ store, value })}\n`;
      if (text) yield text;
      if (values.length < ROWS_PER_REQUEST) break;
      lowerKey = keys[keys.length - 1];
    }
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
    const tx = db.transaction(['reports', 'records', 'recordDigests', 'rawXml'], 'readwrite', { durability: 'relaxed' });
    const reportRows = batch.filter((row) => row.store === 'reports').map((row) => row.value as StoredReport);
    const existing = await Promise.all(reportRows.map((r) => tx.objectStore('reports').getKey(r.key)));
    const writes: Array<Promise<unknown>> = [];
    reportRows.forEach((report, i) => {
      if (existing[i] !== undefined || restored.has(report.key)) {
        duplicates++;
        return;
      }
      restored.add(report.key);
      imported++;
      writes.push(tx.objectStore('reports').put(report));
    });
    for (const row of batch) {
      if (row.store === 'records') {
        const batch = row.value as StoredRecordBatch;
        if (!restored.has(batch.reportKey)) continue;
        records += batch.records.length;
        writes.push(tx.objectStore('records').put(batch), tx.objectStore('recordDigests').put(toRecordDigest(batch)));
      } else if (row.store === 'rawXml') {
        const raw = row.value as { key: string; xml: string };
        if (restored.has(raw.key)) writes.push(tx.objectStore('rawXml').put(raw));
      }
    }
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
    default:
      return undefined;
  }
}
