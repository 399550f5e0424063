// A record's profile (core/store/toRecordDigest.ts PROFILE_FIELDS): records of the real fixtures, each changed in one
// field of its profile or one field of an item of its lists, must never share a profile with the record they came
// from, whether the table finds candidates by the real hash or by one under which every profile collides.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../core/report/parseReport';
import type { AggregateRecord } from '../../../core/report/types';
import { recordsOfDigest } from '../../../core/report/recordDigest';
import { PROFILE_FIELDS, profileHash, ProfileTable, toRecordDigest } from '../../../core/store/toRecordDigest';
import { FIXTURE_REPORTS, readManifest } from '../../corpus/readManifest';
import { OTHER_VALUES } from './storeFixtures';

async function fixtureRecords(): Promise<AggregateRecord[]> {
  const records: AggregateRecord[] = [];
  for (const entry of readManifest(`${FIXTURE_REPORTS}PROVENANCE.tsv`)) {
    const result = await parseReport(new Uint8Array(readFileSync(FIXTURE_REPORTS + entry.relativePath)));
    if (!result.ok) continue;
    for (const { report } of result.reports) if (report.kind === 'aggregate') records.push(...report.records);
  }
  return records;
}

/** The JSON of a value with every object's keys sorted: equal for equal profiles whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** `record` with `field` set to `value`, or without it when `value` is undefined. */
function withField<T extends object>(record: T, field: string, value: unknown): T {
  const changed = { ...record } as Record<string, unknown>;
  if (value === undefined) delete changed[field];
  else changed[field] = value;
  return changed as T;
}

/** Whether `record` has raw values (its own or an item's) or extensions. */
function hasJsonFields(record: AggregateRecord): boolean {
  return record.extensions !== undefined || /"raw":/.test(JSON.stringify(record));
}

interface Variant {
  /** What was changed, e.g. `dkimResults[0].selector` or `reasons.length`. */
  what: string;
  record: AggregateRecord;
}

/** Every record that differs from `record` in exactly one field of its profile or of an item of its lists. */
function variantsOf(record: AggregateRecord): Variant[] {
  const variants: Variant[] = [];
  const fields = record as unknown as Record<string, unknown>;
  for (const [field, others] of Object.entries(OTHER_VALUES)) {
    if (Array.isArray(others)) {
      for (const value of others) {
        if (canonical(value) !== canonical(fields[field]))
          variants.push({ what: field, record: withField(record, field, value) });
      }
      continue;
    }
    const items = fields[field] as Array<Record<string, unknown>>;
    const itemFields = others as Record<string, unknown[]>;
    // One item more or fewer.
    const extra = Object.fromEntries(
      Object.entries(itemFields).map(([name, values]) => [name, values.find((value) => value !== undefined)]),
    );
    variants.push({ what: `${field}.length`, record: withField(record, field, [...items, extra]) });
    if (items.length) variants.push({ what: `${field}.length`, record: withField(record, field, items.slice(1)) });
    items.forEach((item, i) => {
      for (const [name, values] of Object.entries(itemFields)) {
        for (const value of values) {
          if (canonical(value) === canonical(item[name])) continue;
          const changed = items.map((other, j) => (j === i ? withField(other, name, value) : other));
          variants.push({ what: `${field}[${i}].${name}`, record: withField(record, field, changed) });
        }
      }
    });
  }
  return variants;
}

describe('record profiles', () => {
  it('never share a profile between records that differ in any one field of it', async () => {
    const records = await fixtureRecords();
    // Each distinct profile of the fixtures once.
    const distinct = new Map<string, AggregateRecord>();
    for (const record of records) {
      const { sourceIp: _ip, count: _count, ...profile } = record;
      distinct.set(canonical(profile), record);
    }
    const changedFields = new Set<string>();
    for (const record of distinct.values()) {
      for (const { what, record: variant } of variantsOf(record)) {
        changedFields.add(what.replace(/\[\d+\]/, '[]'));
        for (const table of [new ProfileTable(), new ProfileTable(() => 0)]) {
          const profile = table.profileOf(record);
          const other = table.profileOf(variant);
          expect(other, what).not.toBe(profile);
          expect(table.profileOf({ ...variant, sourceIp: '203.0.113.9', count: 12 }), what).toBe(other);
        }
        // The hash tells them apart as well (two hashes of 32 bits alike would be chance, not an omission), where it
        // is used: records with raw values or extensions are found by the JSON of their whole profile instead.
        if (!hasJsonFields(record) && !hasJsonFields(variant))
          expect(profileHash(variant), what).not.toBe(profileHash(record));
        const digest = toRecordDigest({
          id: ['d', 0, 'k', 0],
          reportKey: 'k',
          domain: 'd',
          orgName: 'o',
          begin: 0,
          end: 0,
          records: [record, variant, record],
        });
        expect(digest.profiles, what).toHaveLength(2);
        expect(recordsOfDigest(digest).map((stored) => stored.record)).toEqual([record, variant, record]);
      }
    }
    // Every field of the profile and of each list's items was changed in some record.
    const expected = Object.entries(OTHER_VALUES).flatMap(([field, others]) =>
      Array.isArray(others) ? [field] : [`${field}.length`, ...Object.keys(others).map((name) => `${field}[].${name}`)],
    );
    expect([...changedFields].sort()).toEqual(expected.sort());
  });

  it('list every field of a record but its IP and count', () => {
    const record: Required<AggregateRecord> = {
      sourceIp: '192.0.2.1',
      count: 1,
      disposition: 'none',
      dkim: 'pass',
      spf: 'pass',
      reasons: [],
      headerFrom: 'example.com',
      envelopeFrom: 'example.com',
      envelopeTo: 'example.net',
      dkimResults: [],
      spfResults: [],
      dkimAligned: true,
      spfAligned: true,
      extensions: {},
      raw: {},
    };
    expect(Object.keys(PROFILE_FIELDS).sort()).toEqual(
      Object.keys(record)
        .filter((field) => field !== 'sourceIp' && field !== 'count')
        .sort(),
    );
  });
});
