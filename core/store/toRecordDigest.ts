// Record batches to record digests and back: the compact form the dashboard reads (see StoredRecordDigest).
import type { AggregateRecord } from '../report/types';
import {
  RECORDS_PER_BATCH,
  type RecordProfile,
  type StoredRecord,
  type StoredRecordBatch,
  type StoredRecordDigest,
} from './schema';

/** The digest of a stored batch: each distinct profile once, then per record a profile index, its IP and count. */
export function toRecordDigest(batch: StoredRecordBatch): StoredRecordDigest {
  const [domain, begin, reportKey, index] = batch.id;
  const profiles: RecordProfile[] = [];
  const profileIndex = new Map<string, number>();
  const profileOf = new Uint16Array(batch.records.length);
  const counts = new Float64Array(batch.records.length);
  const sourceIps: string[] = [];
  batch.records.forEach((record, i) => {
    const { sourceIp, count, ...profile } = record;
    // Same text, same profile: a difference in key order only costs a duplicate profile, never a wrong one.
    const key = JSON.stringify(profile);
    let at = profileIndex.get(key);
    if (at === undefined) {
      at = profiles.push(profile) - 1;
      profileIndex.set(key, at);
    }
    profileOf[i] = at;
    counts[i] = count;
    sourceIps.push(sourceIp);
  });
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
 * The records of a digest with their report's context. Equal to the records it was made from (digests of schema 2
 * left out `raw` and `extensions`); records of one profile share its nested objects (treat them as read-only).
 */
export function recordsOfDigest(digest: StoredRecordDigest): StoredRecord[] {
  const { domain, begin, end, reportKey, orgName, first, profiles, profileOf, sourceIps, counts } = digest;
  const out: StoredRecord[] = new Array(profileOf.length);
  for (let i = 0; i < profileOf.length; i++) {
    const record: AggregateRecord = { ...profiles[profileOf[i]!]!, sourceIp: sourceIps[i]!, count: counts[i]! };
    out[i] = { id: [domain, begin, reportKey, first + i], reportKey, domain, orgName, begin, end, record };
  }
  return out;
}
