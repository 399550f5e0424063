// Reports packed into rows (schema 4): the reports of one kind and domain that end in the same span of UTC days
// (recordChunks.ts spanStart) and are stored together go into one row, as record digests go into chunks: each IndexedDB
// request costs about as much as a small report's content.
// A pack lists its report keys under a unique multiEntry index: a report is found by its key in one request, and a
// report already stored makes adding the pack fail (the dedupe), after which the pack is added again without it.
import { spanStart } from './recordChunks';
import { RowPacker } from './rowPacker';
import { isSoundReport } from './rowShape';
import type { ReportDatabase, ReportPack, StoredReport } from './schema';

/** Reports per pack at most: a few hundred small reports are one request for IndexedDB to decode. */
export const REPORTS_PER_PACK = 256;

/** The pack a report belongs in, but for the batch: its kind, domain and the span of days it ends in. */
function slotOf(report: StoredReport): string {
  return `${report.kind}\u0000${report.domain}\u0000${spanStart(report.end)}`;
}

/** Packs reports by kind, domain and span of days of their end, in the order given within each pack. */
export class ReportPacker {
  readonly #packer = new RowPacker<StoredReport, ReportPack>({
    slotOf,
    sizeOf: () => 1,
    capacity: REPORTS_PER_PACK,
    // The first report's key makes the id unique: a report is stored once.
    open: (report) => ({ id: [report.kind, report.domain, spanStart(report.end), report.key], keys: [], reports: [] }),
    put: (pack, report) => {
      pack.keys.push(report.key);
      pack.reports.push(report);
    },
  });

  add(report: StoredReport): void {
    this.#packer.add(report);
  }

  /** Hands over the packs whose slot differs from `report`'s (for a caller adding reports in pack key order). */
  takeOtherThan(report: StoredReport): ReportPack[] {
    const slot = slotOf(report);
    return this.#packer.takeWhere((_pack, open) => open !== slot);
  }

  takeAll(): ReportPack[] {
    return this.#packer.takeAll();
  }
}

export function packReports(reports: Iterable<StoredReport>): ReportPack[] {
  const packer = new ReportPacker();
  for (const report of reports) packer.add(report);
  return packer.takeAll();
}

/** The part of IDBObjectStore and IDBRequest used to add packs (core compiles without the DOM lib). */
interface RawRequest<T> {
  result: T;
  error: { name: string } | null;
  onsuccess: (() => void) | null;
  onerror: ((event: { preventDefault(): void; stopPropagation(): void }) => void) | null;
}
export interface RawPackStore {
  add(value: ReportPack): RawRequest<unknown>;
  index(name: 'byKey'): { getKey(key: string): RawRequest<unknown> };
}

function request<T>(made: RawRequest<T>, onConstraint?: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    made.onsuccess = () => resolve(made.result);
    made.onerror = (event) => {
      if (!onConstraint || made.error?.name !== 'ConstraintError')
        return reject(made.error ?? new Error('the IndexedDB request failed'));
      // A duplicate key: handled here, so the transaction goes on.
      event.preventDefault();
      event.stopPropagation();
      resolve(onConstraint());
    };
  });
}

const DUPLICATE = Symbol('duplicate');

/**
 * Adds each of `reports` in `store` (a raw reportPacks store of a readwrite transaction) unless its key is stored
 * already or came earlier in `reports`; per report, whether it was added.
 */
export async function addReports(store: RawPackStore, reports: readonly StoredReport[]): Promise<boolean[]> {
  const added = reports.map(() => false);
  const at = new Map<string, number>();
  reports.forEach((report, i) => {
    if (!at.has(report.key)) at.set(report.key, i);
  });
  const addPack = async (pack: ReportPack): Promise<void> => {
    if ((await request(store.add(pack), () => DUPLICATE)) !== DUPLICATE) {
      for (const key of pack.keys) added[at.get(key)!] = true;
      return;
    }
    // Some report of the pack is stored already: add the others (rare, so one lookup per key is fine).
    const stored = await Promise.all(pack.keys.map((key) => request(store.index('byKey').getKey(key))));
    const fresh = pack.reports.filter((_, i) => stored[i] === undefined);
    if (fresh.length === pack.reports.length)
      throw new Error(`core/store: pack ${String(pack.id)} conflicts with no stored report`);
    await Promise.all(packReports(fresh).map(addPack));
  };
  await Promise.all(packReports([...at.values()].map((i) => reports[i]!)).map(addPack));
  return added;
}

/** The stored report with `key`, if any. */
export async function getReport(db: ReportDatabase, key: string): Promise<StoredReport | undefined> {
  const pack = await db.getFromIndex('reportPacks', 'byKey', key);
  const reports: unknown = pack?.reports;
  const report = Array.isArray(reports)
    ? (reports as unknown[]).find((r) => typeof r === 'object' && r !== null && (r as { key?: unknown }).key === key)
    : undefined;
  // A row a previous version or a crafted backup left malformed is as good as absent (see queries.ts soundReports).
  return isSoundReport(report) ? report : undefined;
}
