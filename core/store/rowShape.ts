// The full shape of every row core/store keeps, as data, and one checker over it. A backup line is checked strictly
// (every field's type, enums, finite numbers, lengths, no field the type does not have, no `__proto__` key) before
// anything of its file is written; rows read back are checked leniently (the same types, extra fields ignored), so
// that a row a previous version or a crafted backup left in the database is passed over instead of breaking a page.
import {
  type AggregateRecord,
  type AggregateReport,
  type DkimAuthResult,
  type FailureReport,
  type PolicyOverride,
  type PolicyPublished,
  type RecordProfile,
  type ReportMetadata,
  type SpfAuthResult,
  type TlsFailureDetail,
  type TlsPolicyResult,
  type TlsReport,
  type StoredRecordDigest,
  REASONS,
} from '../report';
import type {
  SourceRef,
  StoredAggregateReport,
  StoredFailureReport,
  StoredRecordBatch,
  StoredReport,
  StoredSourceFile,
  StoredTlsReport,
} from './schema';

/** Longest text in a row (warnings, header values, extension text…): far above anything a report holds. */
export const MAX_TEXT = 1 << 20;
/** Longest list in a row but records (warnings, header fields, TLS failure details…). */
export const MAX_LIST = 1 << 20;
/** Deepest nesting of extension content kept from a report's XML. */
export const MAX_XML_DEPTH = 64;

export type Shape =
  | { type: 'text'; max: number }
  | { type: 'number'; min?: number; integer?: boolean }
  | { type: 'boolean' }
  | { type: 'oneOf'; values: readonly string[] }
  | { type: 'list'; of: Shape; max: number }
  | { type: 'tuple'; of: readonly Shape[] }
  | { type: 'object'; fields: Readonly<Record<string, Shape | Optional>> }
  /** An object with any keys whose values all have one shape (RawValues). */
  | { type: 'map'; of: Shape }
  /** Content kept from XML: text, lists of it and objects of it, to MAX_XML_DEPTH. */
  | { type: 'xml' }
  | { type: 'nullable'; of: Shape }
  /** Tells the shapes of a union apart by the text of one field. */
  | { type: 'tagged'; tag: string; shapes: Readonly<Record<string, Shape>> }
  | { type: 'typedArray'; names: readonly string[] };

interface Optional {
  optional: Shape;
}

/** Fields of T: an optional field of T must be `optional(…)`, a required one a shape. */
type FieldsOf<T> = { [K in keyof T]-?: object extends Pick<T, K> ? Optional : Shape };

const text = (max = MAX_TEXT): Shape => ({ type: 'text', max });
const number = (min?: number, integer?: boolean): Shape => ({ type: 'number', min, integer });
const count: Shape = number(0, true);
const boolean: Shape = { type: 'boolean' };
const oneOf = (...values: string[]): Shape => ({ type: 'oneOf', values });
const list = (of: Shape, max = MAX_LIST): Shape => ({ type: 'list', of, max });
const optional = (shape: Shape): Optional => ({ optional: shape });
const object = <T>(fields: FieldsOf<T>): Shape => ({ type: 'object', fields });
const texts = list(text());
const rawValues: Shape = { type: 'map', of: text() };
const xml: Shape = { type: 'xml' };

const REASON = object<PolicyOverride>({
  type: oneOf(...REASONS),
  comment: optional(text()),
  raw: optional(rawValues),
});
const DKIM_RESULT = object<DkimAuthResult>({
  domain: text(),
  selector: optional(text()),
  result: oneOf('none', 'pass', 'fail', 'policy', 'neutral', 'temperror', 'permerror'),
  humanResult: optional(text()),
  raw: optional(rawValues),
});
const SPF_RESULT = object<SpfAuthResult>({
  domain: text(),
  scope: optional(oneOf('mfrom', 'helo')),
  result: oneOf('none', 'neutral', 'pass', 'fail', 'softfail', 'temperror', 'permerror'),
  humanResult: optional(text()),
  raw: optional(rawValues),
});

/** The shape of each field of a record's profile (the type check asks for every field of RecordProfile here). */
const PROFILE_SHAPES: FieldsOf<RecordProfile> = {
  disposition: oneOf('none', 'quarantine', 'reject', 'pass'),
  dkim: oneOf('pass', 'fail'),
  spf: oneOf('pass', 'fail'),
  reasons: list(REASON),
  headerFrom: text(),
  envelopeFrom: optional(text()),
  envelopeTo: optional(text()),
  dkimResults: list(DKIM_RESULT),
  spfResults: list(SPF_RESULT),
  dkimAligned: boolean,
  spfAligned: boolean,
  extensions: optional({ type: 'map', of: xml }),
  raw: optional(rawValues),
};
/** A record of an aggregate report (as a backup's `records` lines hold them). */
export const RECORD = object<AggregateRecord>({ ...PROFILE_SHAPES, sourceIp: text(), count: number(0) });
/** What a record digest keeps once per distinct outcome. */
export const PROFILE = object<RecordProfile>(PROFILE_SHAPES);

const POLICY = oneOf('none', 'quarantine', 'reject');
const ALIGNMENT = oneOf('r', 's');

const AGGREGATE_HEAD = object<Omit<AggregateReport, 'records'>>({
  kind: oneOf('aggregate'),
  version: optional(text()),
  namespace: optional(text()),
  metadata: object<ReportMetadata>({
    orgName: text(),
    email: text(),
    extraContactInfo: optional(text()),
    reportId: text(),
    begin: number(),
    end: number(),
    errors: texts,
    generator: optional(text()),
    raw: optional(rawValues),
  }),
  policy: object<PolicyPublished>({
    domain: text(),
    p: optional(POLICY),
    sp: optional(POLICY),
    np: optional(POLICY),
    adkim: optional(ALIGNMENT),
    aspf: optional(ALIGNMENT),
    pct: optional(number()),
    fo: optional(text()),
    testing: optional(oneOf('y', 'n')),
    discoveryMethod: optional(oneOf('psl', 'treewalk')),
    raw: optional(rawValues),
  }),
  extension: optional({ type: 'map', of: xml }),
});

const textPair: Shape = { type: 'tuple', of: [text(), text()] };
const FAILURE = object<FailureReport>({
  kind: oneOf('failure'),
  format: oneOf('arf', 'text'),
  feedbackType: text(),
  userAgent: optional(text()),
  version: optional(text()),
  authFailure: optional(text()),
  reportedDomain: optional(text()),
  sourceIp: optional(text()),
  arrivalDate: optional(text()),
  arrivalTime: optional(number()),
  originalMailFrom: optional(text()),
  originalRcptTo: optional(text()),
  authenticationResults: optional(text()),
  dkimDomain: optional(text()),
  dkimIdentity: optional(text()),
  dkimSelector: optional(text()),
  spfDns: optional(text()),
  deliveryResult: optional(text()),
  identityAlignment: optional(text()),
  reportedUri: optional(texts),
  reporter: optional(
    object<NonNullable<FailureReport['reporter']>>({
      from: optional(text()),
      subject: optional(text()),
      date: optional(text()),
    }),
  ),
  original: optional(
    object<NonNullable<FailureReport['original']>>({
      from: optional(text()),
      to: optional(text()),
      subject: optional(text()),
      date: optional(text()),
      messageId: optional(text()),
      headersOnly: optional(boolean),
      headers: list(textPair),
    }),
  ),
  fields: list(textPair),
});

const TLS = object<TlsReport>({
  kind: oneOf('tls'),
  organizationName: text(),
  contactInfo: optional(text()),
  reportId: text(),
  begin: number(),
  end: number(),
  policies: list(
    object<TlsPolicyResult>({
      policyType: text(),
      policyString: texts,
      policyDomain: text(),
      mxHost: texts,
      successfulSessions: number(0),
      failedSessions: number(0),
      failureDetails: list(
        object<TlsFailureDetail>({
          resultType: text(),
          sendingMtaIp: optional(text()),
          receivingMxHostname: optional(text()),
          receivingMxHelo: optional(text()),
          receivingIp: optional(text()),
          failedSessionCount: number(0),
          additionalInformation: optional(text()),
          failureReasonCode: optional(text()),
        }),
      ),
    }),
  ),
});

const BASE = {
  key: text(),
  domain: text(),
  orgName: text(),
  begin: number(),
  end: number(),
  fileName: text(),
  path: texts,
  warnings: texts,
  importedAt: number(),
};

/** A stored report of any kind, with its report's full content. */
export const STORED_REPORT: Shape = {
  type: 'tagged',
  tag: 'kind',
  shapes: {
    aggregate: object<StoredAggregateReport>({
      ...BASE,
      kind: oneOf('aggregate'),
      report: AGGREGATE_HEAD,
      recordCount: count,
      messageCount: number(0),
      hasRawXml: boolean,
      source: optional(object<SourceRef>({ id: text(), file: count, path: texts, document: count })),
    }),
    failure: object<StoredFailureReport>({ ...BASE, kind: oneOf('failure'), report: FAILURE }),
    tls: object<StoredTlsReport>({
      ...BASE,
      kind: oneOf('tls'),
      report: TLS,
      successfulSessions: number(0),
      failedSessions: number(0),
    }),
  },
};

/**
 * A backup's `records` line: consecutive records of one report. Backups hold batches of up to RECORDS_PER_BATCH, but
 * any number restores (a digest indexes any number of profiles).
 */
export const RECORD_BATCH = object<StoredRecordBatch>({
  id: { type: 'tuple', of: [text(), number(), text(), count] },
  reportKey: text(),
  domain: text(),
  orgName: text(),
  begin: number(),
  end: number(),
  records: list(RECORD),
});

/** Most base64 characters of one kept file: SOURCE_MAX_BYTES (2 MiB) encoded. */
const MAX_BASE64 = Math.ceil((2 * 1024 * 1024) / 3) * 4;
/** A backup's `sources` line: kept files in base64. */
export const SOURCE_LINE = object<{ id: string; files: unknown }>({
  id: text(),
  files: list({
    type: 'nullable',
    of: object<{ fileName: string; reportKeys: string[]; base64: string }>({
      fileName: text(),
      reportKeys: texts,
      base64: text(MAX_BASE64),
    }),
  }),
});
/** Raw XML as schema 1–2 kept it (RAW_XML_MAX_CHARS then). */
export const RAW_XML = object<{ key: string; xml: string }>({ key: text(), xml: text(2_000_000) });

/** A stored row of kept files. */
export const STORED_SOURCE = object<{ id: string; files: unknown }>({
  id: text(),
  files: list({
    type: 'nullable',
    of: object<StoredSourceFile>({
      fileName: text(),
      bytes: { type: 'typedArray', names: ['Uint8Array'] },
      reportKeys: texts,
    }),
  }),
});

export interface ShapeProblem {
  /** Where in the row, e.g. `records[3].reasons[0]`; empty for the row itself. */
  path: string;
  /** What is wrong there, in plain words. */
  problem: string;
}

/**
 * What is wrong with `value` as `shape`, or undefined when nothing is. `strict` also refuses fields the shape does not
 * name and `__proto__` keys (JSON.parse makes them own keys, but a later copy by assignment would set a prototype).
 */
export function shapeProblem(shape: Shape, value: unknown, strict: boolean): ShapeProblem | undefined {
  return check(shape, value, strict, 0);
}

type Checker = (value: unknown, strict: boolean, depth: number) => ShapeProblem | undefined;

/**
 * Each shape compiled once into nested functions: reads check every report and digest they hand out, so a check only
 * runs the tests its shape needs instead of interpreting the shape again.
 */
const checkers = new WeakMap<Shape, Checker>();

function check(shape: Shape, value: unknown, strict: boolean, depth: number): ShapeProblem | undefined {
  return checkerOf(shape)(value, strict, depth);
}

function checkerOf(shape: Shape): Checker {
  let checker = checkers.get(shape);
  if (!checker) checkers.set(shape, (checker = compile(shape)));
  return checker;
}

function compile(shape: Shape): Checker {
  switch (shape.type) {
    case 'text': {
      const { max } = shape;
      return (value) => {
        if (typeof value !== 'string') return wrong(value, 'text');
        return value.length > max
          ? here(
              `is ${value.length.toLocaleString('en')} characters long, more than the ${max.toLocaleString('en')} allowed`,
            )
          : undefined;
      };
    }
    case 'number': {
      const { min, integer } = shape;
      return (value) => {
        if (typeof value !== 'number' || !Number.isFinite(value)) return wrong(value, 'a number');
        if (integer && !Number.isInteger(value)) return wrong(value, 'a whole number');
        return min !== undefined && value < min ? wrong(value, `a number of at least ${min}`) : undefined;
      };
    }
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? undefined : wrong(value, 'true or false'));
    case 'oneOf': {
      const { values } = shape;
      const expected = `one of ${values.map((v) => `"${v}"`).join(', ')}`;
      return (value) => (typeof value === 'string' && values.includes(value) ? undefined : wrong(value, expected));
    }
    case 'list': {
      const item = checkerOf(shape.of);
      const { max } = shape;
      return (value, strict, depth) => {
        if (!Array.isArray(value)) return wrong(value, 'a list');
        if (value.length > max)
          return here(
            `holds ${value.length.toLocaleString('en')} items, more than the ${max.toLocaleString('en')} allowed`,
          );
        for (let i = 0; i < value.length; i++) {
          const problem = item(value[i], strict, depth);
          if (problem) return within(`[${i}]`, problem);
        }
        return undefined;
      };
    }
    case 'tuple': {
      const items = shape.of.map(checkerOf);
      return (value, strict, depth) => {
        if (!Array.isArray(value) || value.length !== items.length)
          return wrong(value, `a list of ${items.length} items`);
        for (let i = 0; i < items.length; i++) {
          const problem = items[i]!(value[i], strict, depth);
          if (problem) return within(`[${i}]`, problem);
        }
        return undefined;
      };
    }
    case 'object': {
      const fields = Object.entries(shape.fields).map(([name, field]) =>
        'optional' in field
          ? { name, optional: true, check: checkerOf(field.optional) }
          : { name, optional: false, check: checkerOf(field) },
      );
      const known = new Set(fields.map((field) => field.name));
      return (value, strict, depth) => {
        if (!isObject(value)) return wrong(value, 'an object');
        for (let i = 0; i < fields.length; i++) {
          const field = fields[i]!;
          const item = (value as Record<string, unknown>)[field.name];
          if (item === undefined) {
            if (field.optional) continue;
            return within(fieldPath(field.name), here('is missing'));
          }
          const problem = field.check(item, strict, depth);
          if (problem) return within(fieldPath(field.name), problem);
        }
        if (strict) {
          for (const name of Object.keys(value))
            if (!known.has(name))
              return here(`has a field ${JSON.stringify(name)} that this kind of row does not have`);
        }
        return undefined;
      };
    }
    case 'map': {
      const item = checkerOf(shape.of);
      return (value, strict, depth) => {
        if (!isObject(value)) return wrong(value, 'an object');
        for (const name of Object.keys(value)) {
          if (strict && name === '__proto__') return here('has a field "__proto__"');
          const problem = item((value as Record<string, unknown>)[name], strict, depth);
          if (problem) return within(fieldPath(name), problem);
        }
        return undefined;
      };
    }
    case 'xml': {
      const longText = checkerOf(text());
      const xmlNode: Checker = (value, strict, depth) => {
        if (typeof value === 'string') return value.length > MAX_TEXT ? longText(value, strict, depth) : undefined;
        if (depth >= MAX_XML_DEPTH) return here(`is nested more than ${MAX_XML_DEPTH} levels deep`);
        if (Array.isArray(value)) {
          if (value.length > MAX_LIST)
            return here(
              `holds ${value.length.toLocaleString('en')} items, more than the ${MAX_LIST.toLocaleString('en')} allowed`,
            );
          for (let i = 0; i < value.length; i++) {
            const problem = xmlNode(value[i], strict, depth + 1);
            if (problem) return within(`[${i}]`, problem);
          }
          return undefined;
        }
        if (!isObject(value)) return wrong(value, 'text, a list or an object');
        for (const name of Object.keys(value)) {
          if (strict && name === '__proto__') return here('has a field "__proto__"');
          const problem = xmlNode((value as Record<string, unknown>)[name], strict, depth + 1);
          if (problem) return within(fieldPath(name), problem);
        }
        return undefined;
      };
      return xmlNode;
    }
    case 'nullable': {
      const inner = checkerOf(shape.of);
      return (value, strict, depth) => (value === null ? undefined : inner(value, strict, depth));
    }
    case 'tagged': {
      const { tag } = shape;
      const shapes = new Map(Object.entries(shape.shapes).map(([name, inner]) => [name, checkerOf(inner)]));
      const expected = `one of ${[...shapes.keys()].map((v) => `"${v}"`).join(', ')}`;
      return (value, strict, depth) => {
        if (!isObject(value)) return wrong(value, 'an object');
        const kind = (value as Record<string, unknown>)[tag];
        const inner = typeof kind === 'string' ? shapes.get(kind) : undefined;
        if (!inner) return within(fieldPath(tag), wrong(kind, expected));
        return inner(value, strict, depth);
      };
    }
    case 'typedArray': {
      const { names } = shape;
      const expected = names.join(' or ');
      return (value) =>
        ArrayBuffer.isView(value) &&
        names.includes((value as unknown as { [Symbol.toStringTag]: string })[Symbol.toStringTag])
          ? undefined
          : wrong(value, expected);
    }
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function here(problem: string): ShapeProblem {
  return { path: '', problem };
}

function wrong(value: unknown, expected: string): ShapeProblem {
  return here(value === undefined ? 'is missing' : `is ${describe(value)}, not ${expected}`);
}

function within(step: string, problem: ShapeProblem): ShapeProblem {
  const path =
    problem.path === '' || problem.path.startsWith('[') ? `${step}${problem.path}` : `${step}.${problem.path}`;
  return { path, problem: problem.problem };
}

function fieldPath(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `[${JSON.stringify(name)}]`;
}

/** A value in a few plain words. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `the text "${value.slice(0, 40)}…"` : `the text "${value}"`;
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : 'not a finite number';
    case 'boolean':
      return String(value);
    case 'object':
      return ArrayBuffer.isView(value) ? 'binary data' : 'an object';
    default:
      return typeof value;
  }
}

/**
 * What is wrong with a stored record digest, checked as a read finds it: its identifying fields, each distinct
 * profile (once per object: digests stored together share them), and per record a profile index in range, an IP and
 * a finite count.
 */
export function digestProblem(digest: unknown, checkedProfiles: WeakSet<object>): ShapeProblem | undefined {
  if (!isObject(digest)) return wrong(digest, 'an object');
  const d = digest as Partial<Record<keyof StoredRecordDigest, unknown>>;
  const wrongId = check({ type: 'tuple', of: [text(), number(), text(), count] }, d.id, false, 0);
  if (wrongId) return within('id', wrongId);
  for (const name of ['reportKey', 'domain', 'orgName'] as const)
    if (typeof d[name] !== 'string') return within(name, wrong(d[name], 'text'));
  for (const name of ['begin', 'end', 'first'] as const) {
    if (typeof d[name] !== 'number' || !Number.isFinite(d[name])) return within(name, wrong(d[name], 'a number'));
  }
  const problem =
    check({ type: 'typedArray', names: ['Uint16Array', 'Uint32Array'] }, d.profileOf, false, 0) ??
    check({ type: 'typedArray', names: ['Float64Array'] }, d.counts, false, 0) ??
    (Array.isArray(d.sourceIps) ? undefined : wrong(d.sourceIps, 'a list')) ??
    (Array.isArray(d.profiles) ? undefined : wrong(d.profiles, 'a list'));
  if (problem) {
    const name = !ArrayBuffer.isView(d.profileOf)
      ? 'profileOf'
      : !ArrayBuffer.isView(d.counts)
        ? 'counts'
        : !Array.isArray(d.sourceIps)
          ? 'sourceIps'
          : 'profiles';
    return within(name, problem);
  }
  const profiles = d.profiles as unknown[];
  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i];
    if (typeof profile === 'object' && profile !== null && checkedProfiles.has(profile)) continue;
    const wrongProfile = check(PROFILE, profile, false, 0);
    if (wrongProfile) return within(`profiles[${i}]`, wrongProfile);
    checkedProfiles.add(profile as object);
  }
  const profileOf = d.profileOf as Uint16Array | Uint32Array;
  const counts = d.counts as Float64Array;
  const sourceIps = d.sourceIps as unknown[];
  if (counts.length !== profileOf.length || sourceIps.length !== profileOf.length) {
    return here(
      `has ${profileOf.length} profile indexes, ${sourceIps.length} IP addresses and ${counts.length} counts, not one of each per record`,
    );
  }
  for (let i = 0; i < profileOf.length; i++) {
    if (profileOf[i]! >= profiles.length)
      return within(`profileOf[${i}]`, here(`is ${profileOf[i]}, past the ${profiles.length} profiles`));
    if (typeof sourceIps[i] !== 'string') return within(`sourceIps[${i}]`, wrong(sourceIps[i], 'text'));
    if (!Number.isFinite(counts[i])) return within(`counts[${i}]`, wrong(counts[i], 'a number'));
  }
  return undefined;
}

/** Whether a report read from the store has its full shape (extra fields aside). */
export function isSoundReport(report: unknown): report is StoredReport {
  return check(STORED_REPORT, report, false, 0) === undefined;
}
