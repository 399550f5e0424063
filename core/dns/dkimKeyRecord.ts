// The DKIM public key record, TXT at `<selector>._domainkey.<domain>` (RFC 6376 §3.6.1), with Ed25519 keys from
// RFC 8463 and the key-size rules of RFC 8301.
import { decodeBase64, encodeBase64 } from './base64';
import { formatTagList, parseTagList, type Tag } from './tagList';
import { joinTexts, recordText, type DnsRecordSentence } from './recordTexts';
import type { RecordIssue, RecordParseResult, TagExplanation } from './types';
import { hasErrors, recordIssue, tagExplanation } from './types';

export type DkimKeyType = 'rsa' | 'ed25519';

export interface DkimKeyRecord {
  /** `v=DKIM1`: optional, but first when present. */
  version?: 'DKIM1';
  /** Acceptable hash algorithms (h=), e.g. ['sha256']. */
  h?: string[];
  /** Key type (k=); rsa when absent. */
  k?: string;
  /** Notes for humans (n=). */
  n?: string;
  /** Base64 public key without whitespace; empty means the key was revoked. */
  p: string;
  /** Service types (s=): '*' or 'email'. */
  s?: string[];
  /** Flags (t=): y (testing), s (no subdomains in i=). */
  t?: string[];
  extensions: Tag[];
}

/** RFC 8301 §3.2: verifiers MUST NOT accept RSA keys under 1024 bits; signers SHOULD use at least 2048. */
export const MIN_RSA_KEY_BITS = 1024;
export const RECOMMENDED_RSA_KEY_BITS = 2048;
/** RFC 8463 §3: an Ed25519 public key is 32 bytes. */
const ED25519_KEY_BYTES = 32;

const colonList = (value: string) => value.split(':').map((item) => item.trim());

export function parseDkimKeyRecord(text: string): RecordParseResult<DkimKeyRecord> {
  const { tags, issues } = parseTagList(text, 'dkim');
  const record: Partial<DkimKeyRecord> & { extensions: Tag[] } = { extensions: [] };
  tags.forEach(({ name, value }, index) => {
    switch (name) {
      case 'v':
        // RFC 6376 §3.6.1: "If specified, this tag MUST be set to "DKIM1" … and MUST be the first tag in the record."
        if (index !== 0 || value !== 'DKIM1')
          issues.push(
            recordIssue(
              'error',
              'dkim-invalid-version',
              recordText('dkim.invalid-version'),
              'v',
              recordText('dkim.invalid-version.fix'),
            ),
          );
        else record.version = 'DKIM1';
        break;
      case 'h':
        record.h = colonList(value);
        break;
      case 'k':
        record.k = value;
        break;
      case 'n':
        record.n = value;
        break;
      case 'p':
        record.p = value.replace(/\s+/g, '');
        break;
      case 's':
        record.s = colonList(value);
        break;
      case 't':
        record.t = colonList(value);
        break;
      default:
        record.extensions.push({ name, value });
    }
  });
  if (record.p === undefined) {
    issues.push(recordIssue('error', 'dkim-missing-p', recordText('dkim.missing-p'), 'p'));
  } else if (record.p !== '' && decodeBase64(record.p) === undefined) {
    issues.push(
      recordIssue('error', 'dkim-invalid-p', recordText('dkim.invalid-p'), 'p', recordText('dkim.invalid-p.fix')),
    );
  }
  if (record.p === undefined || hasErrors(issues)) return { ok: false, issues };
  return { ok: true, record: record as DkimKeyRecord, issues };
}

export function formatDkimKeyRecord(record: DkimKeyRecord): string {
  const tags: Tag[] = [];
  if (record.version) tags.push({ name: 'v', value: record.version });
  if (record.h) tags.push({ name: 'h', value: record.h.join(':') });
  if (record.k !== undefined) tags.push({ name: 'k', value: record.k });
  if (record.n !== undefined) tags.push({ name: 'n', value: record.n });
  if (record.s) tags.push({ name: 's', value: record.s.join(':') });
  if (record.t) tags.push({ name: 't', value: record.t.join(':') });
  tags.push(...record.extensions);
  // p= last: it is long, and receivers and humans find the short tags easier to read before it.
  tags.push({ name: 'p', value: record.p });
  return formatTagList(tags);
}

/** The record a signer publishes for a freshly generated key. */
export function buildDkimKeyRecord(
  keyType: DkimKeyType,
  publicKey: Uint8Array,
  options: { testing?: boolean } = {},
): DkimKeyRecord {
  return {
    version: 'DKIM1',
    k: keyType,
    ...(options.testing ? { t: ['y'] } : {}),
    p: encodeBase64(publicKey),
    extensions: [],
  };
}

export interface DkimPublicKeyInfo {
  keyType: DkimKeyType;
  /** RSA modulus size; 256 for Ed25519. */
  bits: number;
}

/**
 * Reads the key size from `p=`: an RSA SubjectPublicKeyInfo (RFC 6376 §3.6.1; some publishers use the bare PKCS#1
 * RSAPublicKey, which verifiers accept too), or the 32 raw bytes of an Ed25519 key (RFC 8463 §4.2).
 */
export function describeDkimPublicKey(record: DkimKeyRecord): DkimPublicKeyInfo | undefined {
  const bytes = decodeBase64(record.p);
  if (!bytes || bytes.length === 0) return undefined;
  if ((record.k ?? 'rsa') === 'ed25519')
    return bytes.length === ED25519_KEY_BYTES ? { keyType: 'ed25519', bits: 256 } : undefined;
  const modulus = rsaModulus(bytes);
  return modulus === undefined ? undefined : { keyType: 'rsa', bits: modulus };
}

interface DerNode {
  tag: number;
  start: number;
  end: number;
}

/** One DER TLV at `offset` (X.690 §8.1), or undefined when the bytes are not DER. */
function readDer(bytes: Uint8Array, offset: number): DerNode | undefined {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) return undefined;
  let start = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) return undefined;
    length = 0;
    for (let index = 0; index < count; index++) {
      lengthByte = bytes[start + index];
      if (lengthByte === undefined) return undefined;
      length = length * 256 + lengthByte;
    }
    start += count;
  }
  const end = start + length;
  return end > bytes.length ? undefined : { tag, start, end };
}

function rsaModulus(bytes: Uint8Array): number | undefined {
  const outer = readDer(bytes, 0);
  if (!outer || outer.tag !== 0x30) return undefined;
  const first = readDer(bytes, outer.start);
  if (!first) return undefined;
  let sequence: DerNode | undefined = outer;
  if (first.tag === 0x30) {
    // SubjectPublicKeyInfo: AlgorithmIdentifier, then a BIT STRING (one unused-bits byte) holding RSAPublicKey.
    const bitString = readDer(bytes, first.end);
    if (!bitString || bitString.tag !== 0x03) return undefined;
    sequence = readDer(bytes, bitString.start + 1);
    if (!sequence || sequence.tag !== 0x30) return undefined;
  }
  const modulus = readDer(bytes, sequence.start);
  if (!modulus || modulus.tag !== 0x02) return undefined;
  let start = modulus.start;
  while (start < modulus.end && bytes[start] === 0) start++;
  const top = bytes[start];
  if (top === undefined) return undefined;
  return (modulus.end - start - 1) * 8 + (32 - Math.clz32(top));
}

export function checkDkimKeyRecord(record: DkimKeyRecord): RecordIssue[] {
  const issues: RecordIssue[] = [];
  const keyType = record.k ?? 'rsa';
  if (record.p === '') {
    issues.push(recordIssue('warning', 'dkim-revoked', recordText('dkim.revoked'), 'p'));
    return issues;
  }
  if (keyType !== 'rsa' && keyType !== 'ed25519')
    issues.push(recordIssue('error', 'dkim-unknown-key-type', recordText('dkim.unknown-key-type', { keyType }), 'k'));
  const info = describeDkimPublicKey(record);
  if (!info && (keyType === 'rsa' || keyType === 'ed25519'))
    issues.push(
      recordIssue(
        'error',
        'dkim-unreadable-key',
        recordText('dkim.unreadable-key', { keyType: keyType === 'rsa' ? 'RSA' : 'Ed25519' }),
        'p',
      ),
    );
  if (info?.keyType === 'rsa') {
    // Key sizes are written as names ("2048-bit"), not as counts with thousands separators.
    const bits = String(info.bits);
    if (info.bits < MIN_RSA_KEY_BITS)
      issues.push(
        recordIssue(
          'error',
          'dkim-key-too-small',
          recordText('dkim.key-too-small', { bits, min: String(MIN_RSA_KEY_BITS) }),
          'p',
          recordText('dkim.key-too-small.fix'),
        ),
      );
    else if (info.bits < RECOMMENDED_RSA_KEY_BITS)
      issues.push(
        recordIssue(
          'warning',
          'dkim-key-weak',
          recordText('dkim.key-weak', { bits, recommended: String(RECOMMENDED_RSA_KEY_BITS) }),
          'p',
          recordText('dkim.key-weak.fix'),
        ),
      );
  }
  if (keyType === 'ed25519') issues.push(recordIssue('info', 'dkim-ed25519', recordText('dkim.ed25519'), 'k'));
  if (record.h?.includes('sha1') && !record.h.includes('sha256'))
    issues.push(recordIssue('error', 'dkim-sha1', recordText('dkim.sha1'), 'h', recordText('dkim.sha1.fix')));
  if (record.t?.includes('y'))
    issues.push(recordIssue('info', 'dkim-testing', recordText('dkim.testing'), 't', recordText('dkim.testing.fix')));
  if (record.s && !record.s.includes('*') && !record.s.includes('email'))
    issues.push(
      recordIssue('error', 'dkim-service-type', recordText('dkim.service-type', { services: record.s.join(':') }), 's'),
    );
  return issues;
}

export function explainDkimKeyRecord(record: DkimKeyRecord): TagExplanation[] {
  const info = describeDkimPublicKey(record);
  const tags = parseTagList(formatDkimKeyRecord(record), 'dkim').tags;
  return tags.map(({ name, value }) =>
    tagExplanation(
      name,
      name === 'p' && value.length > 40 ? `${value.slice(0, 20)}…${value.slice(-12)}` : value,
      explainDkimTag(name, value, info),
    ),
  );
}

function explainDkimTag(name: string, value: string, info: DkimPublicKeyInfo | undefined): DnsRecordSentence {
  switch (name) {
    case 'v':
      return recordText('dkim.explain.v');
    case 'h':
      return recordText('dkim.explain.h', { value });
    case 'k':
      return recordText('dkim.explain.k', {
        keyType: value === 'ed25519' ? 'Ed25519 (RFC 8463)' : value.toUpperCase(),
      });
    case 'n':
      return recordText('dkim.explain.n');
    case 'p':
      if (value === '') return recordText('dkim.explain.p.revoked');
      if (!info) return recordText('dkim.explain.p.unreadable');
      return info.keyType === 'rsa'
        ? recordText('dkim.explain.p.rsa', { bits: String(info.bits) })
        : recordText('dkim.explain.p.ed25519');
    case 's':
      return recordText('dkim.explain.s', { value });
    case 't': {
      const flags = value
        .split(':')
        .map((flag) =>
          flag === 'y' ? recordText('dkim.explain.t.y') : flag === 's' ? recordText('dkim.explain.t.s') : flag,
        );
      return recordText('dkim.explain.t', { flags: joinTexts(flags, 'list.comma') });
    }
    default:
      return recordText('dkim.explain.unknown');
  }
}

/** RFC 7468 textual encoding: base64 in 64-character lines between BEGIN/END labels. */
export function formatPem(label: string, bytes: Uint8Array): string {
  const body = encodeBase64(bytes).replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

/**
 * A selector naming the month the key was made (e.g. `s202611`), so rotations get new names and old keys can stay
 * published until mail signed with them has been delivered (RFC 6376 §3.1 allows any sub-domain label).
 */
export function suggestDkimSelector(date: Date, prefix = 's'): string {
  return `${prefix}${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** RFC 6376 §3.1: a selector is one or more sub-domain labels (LDH, at most 63 characters each). */
export function isValidDkimSelector(selector: string): boolean {
  return selector.split('.').every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
}
