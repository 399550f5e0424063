import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import {
  buildDkimKeyRecord,
  checkDkimKeyRecord,
  describeDkimPublicKey,
  explainDkimKeyRecord,
  formatDkimKeyRecord,
  formatPem,
  isValidDkimSelector,
  parseDkimKeyRecord,
  suggestDkimSelector,
  type DkimKeyRecord,
} from '../../../core/dns/dkimKeyRecord';
import { decodeBase64, encodeBase64 } from '../../../core/dns/base64';
import type { Tag } from '../../../core/dns/tagList';

// RFC 6376 appendix C.2: the 1024-bit key of brisbane._domainkey.example.com.
const RFC6376_KEY =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB';
// RFC 8463 appendix A.2: the Ed25519 key of brisbane._domainkey.football.example.com.
const RFC8463_KEY = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

function parsed(text: string): DkimKeyRecord {
  const result = parseDkimKeyRecord(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.record;
}

describe('parseDkimKeyRecord', () => {
  it('reads the RFC 6376 example key (1024-bit RSA: weak under RFC 8301)', () => {
    const record = parsed(`v=DKIM1; p=${RFC6376_KEY}`);
    expect(describeDkimPublicKey(record)).toEqual({ keyType: 'rsa', bits: 1024 });
    expect(checkDkimKeyRecord(record).map((i) => i.code)).toEqual(['dkim-key-weak']);
  });
  it('reads the RFC 8463 Ed25519 example', () => {
    const record = parsed(`v=DKIM1; k=ed25519; p=${RFC8463_KEY}`);
    expect(describeDkimPublicKey(record)).toEqual({ keyType: 'ed25519', bits: 256 });
  });
  it('allows whitespace inside p= (folded records) and no v=', () => {
    const record = parsed(`k=rsa; p=${RFC6376_KEY.slice(0, 50)} \r\n ${RFC6376_KEY.slice(50)}`);
    expect(record.p).toBe(RFC6376_KEY);
  });
  it('reads a bare PKCS#1 RSAPublicKey too', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'der' });
    expect(describeDkimPublicKey(parsed(`p=${pkcs1.toString('base64')}`))).toEqual({ keyType: 'rsa', bits: 2048 });
  });
  it('errors: v= not first, missing p=, bad base64, duplicates', () => {
    expect(parseDkimKeyRecord(`k=rsa; v=DKIM1; p=${RFC6376_KEY}`).issues[0]?.code).toBe('dkim-invalid-version');
    expect(parseDkimKeyRecord('v=DKIM1; k=rsa').issues[0]?.code).toBe('dkim-missing-p');
    expect(parseDkimKeyRecord('v=DKIM1; p=abc$').issues[0]?.code).toBe('dkim-invalid-p');
    expect(parseDkimKeyRecord('v=DKIM1; p=; p=').issues[0]?.code).toBe('dkim-duplicate-tag');
  });
  it('flags a revoked key, sha1 only, testing and small keys', () => {
    expect(checkDkimKeyRecord(parsed('v=DKIM1; p=')).map((i) => i.code)).toEqual(['dkim-revoked']);
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 512 });
    const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(checkDkimKeyRecord(parsed(`v=DKIM1; h=sha1; t=y; p=${spki}`)).map((i) => i.code)).toEqual([
      'dkim-key-too-small',
      'dkim-sha1',
      'dkim-testing',
    ]);
  });
  it('explains each tag, shortening the key', () => {
    const explained = explainDkimKeyRecord(parsed(`v=DKIM1; k=rsa; p=${RFC6376_KEY}`));
    expect(explained.map((e) => e.tag)).toEqual(['v', 'k', 'p']);
    expect(explained[2]?.meaning).toBe('The public key: RSA, 1024 bits.');
  });
});

it('buildDkimKeyRecord for a generated 2048-bit key', () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const record = buildDkimKeyRecord('rsa', new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })));
  const text = formatDkimKeyRecord(record);
  expect(text).toMatch(/^v=DKIM1; k=rsa; p=MIIBIjAN/);
  expect(checkDkimKeyRecord(parsed(text))).toEqual([]);
});

it('formatPem wraps at 64 characters (RFC 7468)', () => {
  const pem = formatPem('PRIVATE KEY', new Uint8Array(100).fill(7));
  const lines = pem.trim().split('\n');
  expect(lines[0]).toBe('-----BEGIN PRIVATE KEY-----');
  expect(lines.at(-1)).toBe('-----END PRIVATE KEY-----');
  // 100 bytes are 136 base64 characters: two full lines and 8 over.
  expect(lines.slice(1, -1).map((line) => line.length)).toEqual([64, 64, 8]);
  expect(decodeBase64(lines.slice(1, -1).join(''))).toEqual(new Uint8Array(100).fill(7));
});

it('selectors', () => {
  expect(suggestDkimSelector(new Date('2026-11-22T00:00:00Z'))).toBe('s202611');
  expect(isValidDkimSelector('s202611')).toBe(true);
  expect(isValidDkimSelector('google.2026')).toBe(true);
  expect(isValidDkimSelector('bad_selector')).toBe(false);
  expect(isValidDkimSelector('-x')).toBe(false);
});

it('base64 matches Node and round-trips (fast-check)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
    }),
  );
  expect(decodeBase64('ab=c')).toBeUndefined();
  expect(decodeBase64('a')).toBeUndefined();
});

it('parse(format(x)) = x for DKIM key records (fast-check)', () => {
  const list = (values: string[]) => fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 2 });
  fc.assert(
    fc.property(
      fc.record(
        {
          version: fc.constant('DKIM1' as const),
          h: list(['sha256', 'sha1']),
          k: fc.constantFrom('rsa', 'ed25519'),
          n: fc.stringMatching(/^[a-zA-Z0-9]{0,12}$/),
          p: fc.uint8Array({ maxLength: 80 }).map(encodeBase64),
          s: list(['*', 'email']),
          t: list(['y', 's']),
          extensions: fc.constant<Tag[]>([]),
        },
        { requiredKeys: ['p', 'extensions'] },
      ),
      (record) => {
        const result = parseDkimKeyRecord(formatDkimKeyRecord(record));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.record).toEqual(record);
      },
    ),
  );
});
