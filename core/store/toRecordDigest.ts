// Record batches to record digests: the compact form the store keeps and the dashboard reads (core/report/recordDigest.ts).
import type { StoredRecordDigest, AggregateRecord, RecordProfile } from '../report';
import { RECORDS_PER_BATCH } from './rowSizes';
import type { StoredRecordBatch } from './schema';

/**
 * The profiles of records made so far, each distinct one once: a digest holds each of its profiles once, and digests
 * made with the same table hold equal profiles as one object. Structured clone writes an object it has already
 * written as a reference to it, so a chunk row of many reports stores each outcome of a sender once: IndexedDB then has
 * fewer bytes to serialize, copy and decode, and a read makes one object.
 *
 * A record's profile is read once into a list of its values (profileValues), which is hashed and compared with the
 * lists of the profiles made before: nothing is allocated per record, where a text key would allocate a string for
 * each, and each field is read once.
 */
export class ProfileTable {
  readonly #byHash = new Map<number, Made[]>();
  /** Profiles with raw values or extensions (rare), by the JSON of the whole profile. */
  readonly #byJson = new Map<string, RecordProfile>();
  /** The values of the record being looked up, reused from record to record. */
  readonly #values: unknown[] = [];

  /** `hash` must give equal profiles equal numbers; tests pass one that makes every profile collide. */
  constructor(private readonly hash?: (record: AggregateRecord) => number) {}

  /** The profile of `record` (everything but its IP and count): an equal one made before, or a new one. */
  profileOf(record: AggregateRecord): RecordProfile {
    const values = this.#values;
    const length = profileValues(record, values);
    if (length < 0) {
      const key = JSON.stringify(profileWithout(record));
      let profile = this.#byJson.get(key);
      if (!profile) this.#byJson.set(key, (profile = profileWithout(record)));
      return profile;
    }
    const hash = this.hash ? this.hash(record) : valuesHash;
    const candidates = this.#byHash.get(hash);
    if (candidates) {
      for (const made of candidates) if (sameValues(made.values, values, length)) return made.profile;
    }
    const made = { profile: profileWithout(record), values: values.slice(0, length) };
    if (candidates) candidates.push(made);
    else this.#byHash.set(hash, [made]);
    return made.profile;
  }
}

/** A profile made, with its values as profileValues lists them. */
interface Made {
  profile: RecordProfile;
  values: unknown[];
}

/**
 * The digest of a stored batch: each distinct profile once, then per record a profile index, its IP and count.
 * Profiles come from `table` when an equal one is there (treat them as read-only).
 */
export function toRecordDigest(batch: StoredRecordBatch, table = new ProfileTable()): StoredRecordDigest {
  const [domain, begin, reportKey, index] = batch.id;
  const profiles: RecordProfile[] = [];
  const profileIndex = new Map<RecordProfile, number>();
  const { records } = batch;
  // Two bytes an index while the profiles fit (a batch of RECORDS_PER_BATCH records always does), four past that.
  let profileOf: Uint16Array | Uint32Array = new Uint16Array(records.length);
  const counts = new Float64Array(records.length);
  const sourceIps = new Array<string>(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const profile = table.profileOf(record);
    let at = profileIndex.get(profile);
    if (at === undefined) {
      at = profiles.push(profile) - 1;
      profileIndex.set(profile, at);
      if (at === 0x10000) profileOf = Uint32Array.from(profileOf);
    }
    profileOf[i] = at;
    counts[i] = record.count;
    sourceIps[i] = record.sourceIp;
  }
  return {
    id: [domain, batch.end, reportKey, index],
    reportKey,
    domain,
    orgName: batch.orgName,
    begin,
    end: batch.end,
    first: index * RECORDS_PER_BATCH,
    profiles,
    profileOf,
    sourceIps,
    counts,
  };
}

/**
 * How records are told apart by each field of their profile: `text` and `flag` fields by value; a list item by item,
 * by the fields its rule names; `json` fields (raw values and extensions, rare) send a record that has any to a key of
 * the JSON of its whole profile. The hash and the comparison below are made from this table, so a field is listed once:
 * the type check fails when RecordProfile has a field missing here, when a field here is not one of RecordProfile's,
 * and when a rule does not fit its field's type (a field of another kind needs a new rule).
 */
type Rule<V> = [NonNullable<V>] extends [ReadonlyArray<infer Item>]
  ? { readonly [K in keyof Item]-?: ValueRule<Item[K]> }
  : ValueRule<V>;
type ValueRule<V> = [NonNullable<V>] extends [string]
  ? 'text'
  : [NonNullable<V>] extends [boolean]
    ? 'flag'
    : [NonNullable<V>] extends [Readonly<Record<string, unknown>>]
      ? 'json'
      : never;

/** Every field of a record's profile, in the order a profile holds them. */
export const PROFILE_FIELDS: { readonly [K in keyof RecordProfile]-?: Rule<RecordProfile[K]> } = {
  disposition: 'text',
  dkim: 'text',
  spf: 'text',
  reasons: { type: 'text', comment: 'text', raw: 'json' },
  headerFrom: 'text',
  dkimResults: { domain: 'text', selector: 'text', result: 'text', humanResult: 'text', raw: 'json' },
  spfResults: { domain: 'text', scope: 'text', result: 'text', humanResult: 'text', raw: 'json' },
  dkimAligned: 'flag',
  spfAligned: 'flag',
  envelopeFrom: 'text',
  envelopeTo: 'text',
  extensions: 'json',
  raw: 'json',
};

/** A record, a profile or an item of one of their lists, read by field name. */
type Fields = Readonly<Record<string, unknown>>;
type ValueKind = 'text' | 'flag' | 'json';

/** The names of the fields of `rules` with rule `kind`. */
function named(rules: Readonly<Record<string, unknown>>, kind: ValueKind): string[] {
  return Object.keys(rules).filter((field) => rules[field] === kind);
}

const IN_PROFILE = Object.keys(PROFILE_FIELDS) as Array<keyof RecordProfile>;
const TEXTS = named(PROFILE_FIELDS, 'text');
const FLAGS = named(PROFILE_FIELDS, 'flag');
const JSONS = named(PROFILE_FIELDS, 'json');
/** The list fields, with their items' fields by rule. */
const LISTS = Object.entries(
  PROFILE_FIELDS as Readonly<Record<string, ValueKind | Readonly<Record<string, ValueKind>>>>,
)
  .filter((entry): entry is [string, Readonly<Record<string, ValueKind>>] => typeof entry[1] === 'object')
  .map(([field, items]) => ({
    field,
    texts: named(items, 'text'),
    flags: named(items, 'flag'),
    jsons: named(items, 'json'),
  }));

/** The record without its IP and count. */
function profileWithout(record: AggregateRecord): RecordProfile {
  const profile: Partial<Record<keyof RecordProfile, unknown>> = {};
  for (const field of IN_PROFILE) if (record[field] !== undefined) profile[field] = record[field];
  return profile as RecordProfile;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over `text` (UTF-16 code units) and an end mark no code unit can be; another mark for none. */
function hashText(hash: number, text: unknown): number {
  if (typeof text !== 'string') return Math.imul(hash ^ 0x10001, FNV_PRIME);
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return Math.imul(hash ^ 0x10000, FNV_PRIME);
}

/** The hash of the values profileValues wrote last. */
let valuesHash = 0;

/**
 * Writes what tells the profile of `record` apart into `out`: the value of each text and flag field, then per list its
 * length and each item's values; how many it wrote, or -1 when the record or an item of its lists has a `json` field
 * (raw values or extensions), whose profile is found by its JSON instead. Equal values, equal profiles. Hashes them
 * into valuesHash on the way, so that each field is read once.
 */
function profileValues(record: AggregateRecord, out: unknown[]): number {
  const fields = record as unknown as Fields;
  for (const name of JSONS) if (fields[name] !== undefined) return -1;
  let n = 0;
  let hash = FNV_OFFSET;
  for (const name of TEXTS) hash = hashText(hash, (out[n++] = fields[name]));
  for (const name of FLAGS) {
    const flag = (out[n++] = fields[name]);
    hash = Math.imul(hash ^ (flag ? 0x10002 : 0x10003), FNV_PRIME);
  }
  for (const { field, texts, flags, jsons } of LISTS) {
    const items = fields[field] as readonly Fields[];
    hash = Math.imul(hash ^ (0x20000 + (out[n++] = items.length)), FNV_PRIME);
    for (const item of items) {
      for (const name of jsons) if (item[name] !== undefined) return -1;
      for (const name of texts) hash = hashText(hash, (out[n++] = item[name]));
      for (const name of flags) {
        const flag = (out[n++] = item[name]);
        hash = Math.imul(hash ^ (flag ? 0x10002 : 0x10003), FNV_PRIME);
      }
    }
  }
  valuesHash = hash;
  return n;
}

/** Whether the first `length` values of `values` are `made`. */
function sameValues(made: readonly unknown[], values: readonly unknown[], length: number): boolean {
  if (made.length !== length) return false;
  for (let i = 0; i < length; i++) if (made[i] !== values[i]) return false;
  return true;
}

/** A hash of the profile of `record` (one without raw values or extensions): equal profiles hash alike. */
export function profileHash(record: AggregateRecord): number {
  return profileValues(record, []) < 0 ? 0 : valuesHash;
}
