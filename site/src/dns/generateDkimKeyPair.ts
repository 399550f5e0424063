// DKIM key pairs made with WebCrypto in the page: the private key exists only in this tab until the user downloads
// it (or explicitly asks to keep it in this browser).
import { encodeBase64, formatPem, type DkimKeyType } from '../../../core/dns';

export type DkimKeySize = 'rsa-1024' | 'rsa-2048' | 'rsa-4096' | 'ed25519';

export interface GeneratedDkimKey {
  size: DkimKeySize;
  keyType: DkimKeyType;
  /** Base64 for p=: SubjectPublicKeyInfo (RSA) or the raw 32 bytes (Ed25519, RFC 8463 §4.2). */
  publicKey: string;
  /** PKCS #8 private key, PEM (RFC 7468 §10), as OpenDKIM, rspamd and Exim read it. */
  privateKeyPem: string;
}

const RSA_BITS: Record<Exclude<DkimKeySize, 'ed25519'>, number> = {
  'rsa-1024': 1024,
  'rsa-2048': 2048,
  'rsa-4096': 4096,
};

export async function generateDkimKeyPair(
  size: DkimKeySize,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<GeneratedDkimKey> {
  if (size === 'ed25519') {
    const pair = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
    const raw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
    const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
    return { size, keyType: 'ed25519', publicKey: encodeBase64(raw), privateKeyPem: formatPem('PRIVATE KEY', pkcs8) };
  }
  // RFC 6376 §3.3.1: rsa-sha256 signatures, RSASSA-PKCS1-v1_5.
  const pair = await subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: RSA_BITS[size],
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  const spki = new Uint8Array(await subtle.exportKey('spki', pair.publicKey));
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  return { size, keyType: 'rsa', publicKey: encodeBase64(spki), privateKeyPem: formatPem('PRIVATE KEY', pkcs8) };
}

let ed25519Support: Promise<boolean> | undefined;

/** Whether this browser's WebCrypto can make Ed25519 keys (Chromium 137+, Firefox 129+, Safari 17+). */
export function supportsEd25519(subtle: SubtleCrypto = crypto.subtle): Promise<boolean> {
  ed25519Support ??= subtle
    .generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])
    .then(() => true)
    .catch(() => false);
  return ed25519Support;
}
