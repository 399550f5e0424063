// Record batches to record digests and back: the compact form the dashboard reads (see StoredRecordDigest).
import type { AggregateRecord, PolicyOverride } from '../report/types';
import { RECORDS_PER_BATCH } from './rowSizes';
import type { RecordProfile, StoredRecord, StoredRecordBatch, StoredRecordDigest } from './schema';

/**
 * The profiles of records made so far, each distinct one once: a digest holds each of its profiles once, and digests
 * made with the same table hold equal profiles as one object. Structured clone writes an object it has already
 * written as a reference to it, so a chunk row of many reports stores each outcome of a sender once: IndexedDB then has
 * fewer bytes to serialize, copy and decode, and a read makes one object.
 *
 * Profiles are found by a hash of their fields and compared field by field, which allocates nothing per record, where a
 * text key would allocate a string for each.
 */
export class ProfileTable {
  readonly #byHash = new Map<number, RecordProfile[]>();
  /** Profiles with raw values or extensions (rare), by the JSON of the whole profile. */
  readonly #byJson = new Map<string, RecordProfile>();

  /** `hash` must give equal profiles equal numbers; tests pass one that makes every profile collide. */
  constructor(private readonly hash: (record: AggregateRecord) => number = profileHash) {}

  /** The profile of `record` (everything but its IP and count): an equal one made before, or a new one. */
  profileOf(record: AggregateRecord): RecordProfile {
    if (hasRawValues(record)) {
      const key = JSON.stringify(profileWithout(record));
      let profile = this.#byJson.get(key);
      if (!profile) this.#byJson.set(key, (profile = profileWithout(record)));
      return profile;
    }
    const hash = this.hash(record);
    const candidates = this.#byHash.get(hash);
    if (candidates) {
      for (const profile of candidates) if (sameProfile(record, profile)) return profile;
    }
    const profile = profileWithout(record);
    if (candidates) candidates.push(profile);
    else this.#byHash.set(hash, [profile]);
    return profile;
  }
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
 * Every field of a record, and whether its profile holds it: a field added to AggregateRecord must be decided here, and
 * one the profile holds compared in sameProfile and hashed in profileHash (or, like raw values, sent to the JSON key).
 */
const PROFILE_FIELDS: Record<keyof AggregateRecord, boolean> = {
  sourceIp: false,
  count: false,
  disposition: true,
  dkim: true,
  spf: true,
  reasons: true,
  headerFrom: true,
  dkimResults: true,
  spfResults: true,
  dkimAligned: true,
  spfAligned: true,
  envelopeFrom: true,
  envelopeTo: true,
  extensions: true,
  raw: true,
};
const IN_PROFILE = (Object.keys(PROFILE_FIELDS) as Array<keyof AggregateRecord>).filter(
  (field) => PROFILE_FIELDS[field],
);

/** The record without its IP and count. */
function profileWithout(record: AggregateRecord): RecordProfile {
  const profile: Partial<Record<keyof AggregateRecord, unknown>> = {};
  for (const field of IN_PROFILE) if (record[field] !== undefined) profile[field] = record[field];
  return profile as RecordProfile;
}

/** Whether `record` or one of its reasons or results carries raw values, or it has extensions. */
function hasRawValues(record: AggregateRecord): boolean {
  if (record.raw !== undefined || record.extensions !== undefined) return true;
  for (const reason of record.reasons) if (reason.raw !== undefined) return true;
  for (const result of record.dkimResults) if (result.raw !== undefined) return true;
  for (const result of record.spfResults) if (result.raw !== undefined) return true;
  return false;
}

/**
 * Whether `profile` (one without raw values or extensions) is the profile of `record` (likewise): every field of
 * PROFILE_FIELDS but IP and count, and every field of each reason and result, equal.
 */
function sameProfile(record: AggregateRecord, profile: RecordProfile): boolean {
  if (
    record.disposition !== profile.disposition ||
    record.dkim !== profile.dkim ||
    record.spf !== profile.spf ||
    record.dkimAligned !== profile.dkimAligned ||
    record.spfAligned !== profile.spfAligned ||
    record.headerFrom !== profile.headerFrom ||
    record.envelopeFrom !== profile.envelopeFrom ||
    record.envelopeTo !== profile.envelopeTo ||
    record.reasons.length !== profile.reasons.length ||
    record.dkimResults.length !== profile.dkimResults.length ||
    record.spfResults.length !== profile.spfResults.length
  ) {
    return false;
  }
  for (let i = 0; i < record.reasons.length; i++) {
    const a = record.reasons[i]!;
    const b = profile.reasons[i]!;
    if (a.type !== b.type || a.comment !== b.comment) return false;
  }
  for (let i = 0; i < record.dkimResults.length; i++) {
    const a = record.dkimResults[i]!;
    const b = profile.dkimResults[i]!;
    if (a.domain !== b.domain || a.result !== b.result || a.selector !== b.selector || a.humanResult !== b.humanResult)
      return false;
  }
  for (let i = 0; i < record.spfResults.length; i++) {
    const a = record.spfResults[i]!;
    const b = profile.spfResults[i]!;
    if (a.domain !== b.domain || a.result !== b.result || a.scope !== b.scope || a.humanResult !== b.humanResult)
      return false;
  }
  return true;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over `text` (UTF-16 code units) and an end mark no code unit can be; another mark for none. */
function hashText(hash: number, text: string | undefined): number {
  if (text === undefined) return Math.imul(hash ^ 0x10001, FNV_PRIME);
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return Math.imul(hash ^ 0x10000, FNV_PRIME);
}

/** A hash of what sameProfile compares: equal profiles hash alike (different ones rarely do). */
export function profileHash(record: AggregateRecord): number {
  let hash = FNV_OFFSET;
  hash = hashText(hash, record.disposition);
  hash = hashText(hash, record.dkim);
  hash = hashText(hash, record.spf);
  hash = Math.imul(hash ^ ((record.dkimAligned ? 1 : 0) | (record.spfAligned ? 2 : 0)), FNV_PRIME);
  hash = hashText(hash, record.headerFrom);
  hash = hashText(hash, record.envelopeFrom);
  hash = hashText(hash, record.envelopeTo);
  for (const reason of record.reasons) {
    hash = hashText(hash, reason.type);
    hash = hashText(hash, reason.comment);
  }
  hash = Math.imul(hash ^ 0x10002, FNV_PRIME);
  for (const result of record.dkimResults) {
    hash = hashText(hash, result.domain);
    hash = hashText(hash, result.result);
    hash = hashText(hash, result.selector);
    hash = hashText(hash, result.humanResult);
  }
  hash = Math.imul(hash ^ 0x10003, FNV_PRIME);
  for (const result of record.spfResults) {
    hash = hashText(hash, result.domain);
    hash = hashText(hash, result.result);
    hash = hashText(hash, result.scope);
    hash = hashText(hash, result.humanResult);
  }
  return hash;
}

/** What counting a record into totals reads of its profile: verdicts, disposition and override types. */
export type CountedProfile = Pick<RecordProfile, 'disposition' | 'dkim' | 'spf'> & {
  reasons: ReadonlyArray<Pick<PolicyOverride, 'type'>>;
};

/**
 * What counting a digest into totals needs: an import posts these to its page as they land, without the identifiers
 * and results each profile also carries (those are read when records are grouped into sources).
 */
export interface CountedDigest extends Pick<
  StoredRecordDigest,
  'reportKey' | 'domain' | 'orgName' | 'begin' | 'end' | 'profileOf' | 'sourceIps' | 'counts'
> {
  profiles: CountedProfile[];
}

/**
 * `digest` as counting it in needs it. Profiles shared by digests (see ProfileTable) stay shared when made with the
 * same `made` map, so that posting many digests writes each once.
 */
export function toCountedDigest(
  digest: StoredRecordDigest,
  made = new Map<RecordProfile, CountedProfile>(),
): CountedDigest {
  const { reportKey, domain, orgName, begin, end, profileOf, sourceIps, counts } = digest;
  const profiles = digest.profiles.map((profile) => {
    let counted = made.get(profile);
    if (!counted) {
      const { disposition, dkim, spf, reasons } = profile;
      made.set(profile, (counted = { disposition, dkim, spf, reasons: reasons.map(({ type }) => ({ type })) }));
    }
    return counted;
  });
  return { reportKey, domain, orgName, begin, end, profiles, profileOf, sourceIps, counts };
}

/**
 * The records of a digest with their report's context. Equal to the records it was made from (digests of schema 2
 * left out `raw` and `extensions`); records of one profile share its nested objects (treat them as read-only).
 */
export function recordsOfDigest(digest: StoredRecordDigest): StoredRecord[] {
  const out = new Array<StoredRecord>(digest.profileOf.length);
  for (let i = 0; i < out.length; i++) out[i] = storedRecordOfDigest(digest, i);
  return out;
}

/** Record `i` of a digest, as recordsOfDigest makes it. */
export function storedRecordOfDigest(digest: StoredRecordDigest, i: number): StoredRecord {
  const { domain, begin, end, reportKey, orgName, first } = digest;
  return {
    id: [domain, begin, reportKey, first + i],
    reportKey,
    domain,
    orgName,
    begin,
    end,
    record: recordOfDigest(digest, i),
  };
}

/** The record `i` of a digest alone, without its report's context. */
export function recordOfDigest(digest: StoredRecordDigest, i: number): AggregateRecord {
  return Object.assign({}, digest.profiles[digest.profileOf[i]!]!, {
    sourceIp: digest.sourceIps[i]!,
    count: digest.counts[i]!,
  });
}
