// Record batches to record digests and back: the compact form the dashboard reads (see StoredRecordDigest).
import type { AggregateRecord, PolicyOverride } from '../report/types';
import {
  RECORDS_PER_BATCH,
  type RecordProfile,
  type StoredRecord,
  type StoredRecordBatch,
  type StoredRecordDigest,
} from './schema';

/**
 * Profiles made so far, by profileKey: digests made with the same map hold equal profiles as one object. Structured
 * clone writes an object it has already written as a reference to it, so a chunk row of many reports stores each
 * outcome of a sender once: IndexedDB then has fewer bytes to serialize, copy and decode, and a read makes one object.
 */
export type SharedProfiles = Map<string, RecordProfile>;

/**
 * The digest of a stored batch: each distinct profile once, then per record a profile index, its IP and count.
 * Profiles come from `shared` when an equal one is there (treat them as read-only).
 */
export function toRecordDigest(batch: StoredRecordBatch, shared: SharedProfiles = new Map()): StoredRecordDigest {
  const [domain, begin, reportKey, index] = batch.id;
  const profiles: RecordProfile[] = [];
  const profileIndex = new Map<string, number>();
  const { records } = batch;
  const profileOf = new Uint16Array(records.length);
  const counts = new Float64Array(records.length);
  const sourceIps = new Array<string>(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const key = profileKey(record);
    let at = profileIndex.get(key);
    if (at === undefined) {
      let profile = shared.get(key);
      if (!profile) shared.set(key, (profile = profileWithout(record)));
      at = profiles.push(profile) - 1;
      profileIndex.set(key, at);
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

/** Every field of a record, and whether its profile holds it: a field added to AggregateRecord must be decided here. */
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
const IN_PROFILE = (Object.keys(PROFILE_FIELDS) as Array<keyof AggregateRecord>).filter((field) => PROFILE_FIELDS[field]);

/** The record without its IP and count. */
function profileWithout(record: AggregateRecord): RecordProfile {
  const profile: Partial<Record<keyof AggregateRecord, unknown>> = {};
  for (const field of IN_PROFILE) if (record[field] !== undefined) profile[field] = record[field];
  return profile as RecordProfile;
}

/** A string as its length and itself, so that no two sequences of them read alike; `-` for none. */
function part(text: string | undefined): string {
  return text === undefined ? '-' : `${text.length}:${text}`;
}

/**
 * A text two records share exactly when their profiles are equal (keying by the JSON of each profile was most of the
 * time to make a digest). Built field by field for records as the parser makes them; a record with raw values or
 * extensions (rare) is keyed by the JSON of its whole profile instead.
 */
export function profileKey(record: AggregateRecord): string {
  const whole = () => `J${JSON.stringify(profileWithout(record))}`;
  if (record.raw !== undefined || record.extensions !== undefined) return whole();
  let key = `${part(record.disposition)}${part(record.dkim)}${part(record.spf)}${record.dkimAligned ? 'A' : 'a'}${record.spfAligned ? 'A' : 'a'}${part(record.headerFrom)}${part(record.envelopeFrom)}${part(record.envelopeTo)}`;
  for (const reason of record.reasons) {
    if (reason.raw !== undefined) return whole();
    key += `R${part(reason.type)}${part(reason.comment)}`;
  }
  for (const result of record.dkimResults) {
    if (result.raw !== undefined) return whole();
    key += `D${part(result.domain)}${part(result.result)}${part(result.selector)}${part(result.humanResult)}`;
  }
  for (const result of record.spfResults) {
    if (result.raw !== undefined) return whole();
    key += `S${part(result.domain)}${part(result.result)}${part(result.scope)}${part(result.humanResult)}`;
  }
  return key;
}

/** What counting a record into totals reads of its profile: verdicts, disposition and override types. */
export type CountedProfile = Pick<RecordProfile, 'disposition' | 'dkim' | 'spf'> & { reasons: ReadonlyArray<Pick<PolicyOverride, 'type'>> };

/**
 * What counting a digest into totals needs: an import posts these to its page as they land, without the identifiers
 * and results each profile also carries (those are read when records are grouped into sources).
 */
export interface CountedDigest
  extends Pick<StoredRecordDigest, 'reportKey' | 'domain' | 'orgName' | 'begin' | 'end' | 'profileOf' | 'sourceIps' | 'counts'> {
  profiles: CountedProfile[];
}

/**
 * `digest` as counting it in needs it. Profiles shared by digests (see SharedProfiles) stay shared when made with the
 * same `made` map, so that posting many digests writes each once.
 */
export function toCountedDigest(digest: StoredRecordDigest, made = new Map<RecordProfile, CountedProfile>()): CountedDigest {
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
  const out: StoredRecord[] = new Array(digest.profileOf.length);
  for (let i = 0; i < out.length; i++) out[i] = storedRecordOfDigest(digest, i);
  return out;
}

/** Record `i` of a digest, as recordsOfDigest makes it. */
export function storedRecordOfDigest(digest: StoredRecordDigest, i: number): StoredRecord {
  const { domain, begin, end, reportKey, orgName, first } = digest;
  return { id: [domain, begin, reportKey, first + i], reportKey, domain, orgName, begin, end, record: recordOfDigest(digest, i) };
}

/** The record `i` of a digest alone, without its report's context. */
export function recordOfDigest(digest: StoredRecordDigest, i: number): AggregateRecord {
  return { ...digest.profiles[digest.profileOf[i]!]!, sourceIp: digest.sourceIps[i]!, count: digest.counts[i]! };
}
