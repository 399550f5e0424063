// Records in compact form: a batch of one report's records as a digest keeps them (each distinct profile once, then per
// record a profile index, its IP and count), as core/store stores them and core/analysis counts them, and the ways back
// to the records. Making digests is core/store/toRecordDigest.ts.
import type { AggregateRecord, PolicyOverride, RecordProfile } from './types';

/** `[domain, begin, reportKey, index of the record in its report]`. */
export type RecordId = [domain: string, begin: number, reportKey: string, index: number];

/** One record with its report's context, as queries hand records out (they are stored in batches). */
export interface StoredRecord {
  id: RecordId;
  reportKey: string;
  domain: string;
  orgName: string;
  begin: number;
  end: number;
  record: AggregateRecord;
}

/** Identifies a record digest: `[domain, end, reportKey, batch]` (the key of the schema 2 `recordDigests` store). */
export type DigestId = [domain: string, end: number, reportKey: string, batch: number];

/**
 * A batch of records in compact form. Real reports repeat a handful of outcomes (same DKIM d= and selector, same SPF
 * domain, same verdicts) across hundreds of source IPs, so a digest keeps each distinct profile once and per record
 * only an index, an IP and a count, the numbers in typed arrays, so IndexedDB has far less to decode than the batch of
 * full records.
 */
export interface StoredRecordDigest {
  id: DigestId;
  reportKey: string;
  domain: string;
  orgName: string;
  begin: number;
  end: number;
  /** Record index in its report of the first record here (batch × RECORDS_PER_BATCH). */
  first: number;
  /** Schema 2 digests left out raw values and extensions. */
  profiles: RecordProfile[];
  /**
   * Per record, in report order: its index into `profiles`. Two bytes each while the profiles fit (every batch of
   * RECORDS_PER_BATCH records); a digest of more than 65,536 distinct profiles has four.
   */
  profileOf: Uint16Array | Uint32Array;
  sourceIps: string[];
  counts: Float64Array;
}

/** What counting a record into totals reads of its profile: verdicts, disposition and override types. */
export type CountedProfile = Pick<RecordProfile, 'disposition' | 'dkim' | 'spf'> & {
  reasons: ReadonlyArray<Pick<PolicyOverride, 'type'>>;
};

/**
 * What counting a digest into totals needs, and no more: the identifiers and results each profile also carries are
 * read only when records are grouped into sources.
 */
export interface CountedDigest extends Pick<
  StoredRecordDigest,
  'reportKey' | 'domain' | 'orgName' | 'begin' | 'end' | 'profileOf' | 'sourceIps' | 'counts'
> {
  profiles: CountedProfile[];
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
