// Saved wizard configurations and rollout plans, one entry per domain, in the records pages' own small IndexedDB
// database (separate from the report store, so neither schema depends on the other).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DomainSetup, RolloutFlavour } from '../../../core/dns';

export const RECORDS_DB_NAME = 'dmarc-lens-records';
const RECORDS_DB_VERSION = 1;

export interface SavedRolloutPlan {
  flavour: RolloutFlavour;
  /** YYYY-MM-DD. */
  start: string;
  compatiblePct: boolean;
  /** The step the domain is at now. */
  currentStep: number;
}

export interface SavedDomain {
  domain: string;
  setup?: DomainSetup;
  plan?: SavedRolloutPlan;
  /** Private keys by selector: present only when the user asked to keep them in this browser. */
  privateKeys?: Record<string, string>;
  /** Unix milliseconds. */
  savedAt: number;
}

interface RecordsDbSchema extends DBSchema {
  domains: { key: string; value: SavedDomain };
}

let opening: Promise<IDBPDatabase<RecordsDbSchema>> | undefined;

function database(): Promise<IDBPDatabase<RecordsDbSchema>> {
  opening ??= openDB<RecordsDbSchema>(RECORDS_DB_NAME, RECORDS_DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('domains', { keyPath: 'domain' });
    },
  });
  return opening;
}

export async function listSavedDomains(): Promise<SavedDomain[]> {
  const all = await (await database()).getAll('domains');
  return all.sort((a, b) => a.domain.localeCompare(b.domain));
}

export async function readSavedDomain(domain: string): Promise<SavedDomain | undefined> {
  return (await database()).get('domains', domain);
}

/** Merges `changes` into the domain's entry (a wizard save keeps the plan, a plan save keeps the setup). */
export async function saveDomain(
  domain: string,
  changes: Partial<Omit<SavedDomain, 'domain' | 'savedAt'>>,
): Promise<void> {
  const db = await database();
  const tx = db.transaction('domains', 'readwrite');
  const existing = await tx.store.get(domain);
  await tx.store.put({ ...existing, ...changes, domain, savedAt: Date.now() });
  await tx.done;
}

export async function deleteSavedDomain(domain: string): Promise<void> {
  await (await database()).delete('domains', domain);
}
