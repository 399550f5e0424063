// Server configuration for an own DKIM key (core/dns/dkimConfigSnippets.ts).
import { expect, it } from 'vitest';
import { dkimConfigSnippets, privateKeyFileName } from '../../../core/dns/dkimConfigSnippets';

const ED25519_NOTE =
  'Ed25519 signing (RFC 8463) needs OpenDKIM 2.11+, rspamd 1.9+ or Exim 4.93+; also sign with an RSA key, as not every receiver verifies Ed25519.';

it('dkimConfigSnippets name the key, selector and domain in each signer’s configuration', () => {
  const config = { domain: 'example.com', selector: 's202611', keyType: 'ed25519' } as const;
  expect(privateKeyFileName(config)).toBe('s202611.example.com.private.pem');
  const snippets = dkimConfigSnippets(config);
  expect(snippets.map((s) => s.id)).toEqual(['opendkim', 'postfix', 'rspamd', 'exim']);
  expect(snippets[0]?.content).toBe(
    [
      '# /etc/opendkim.conf',
      'Mode                    sv',
      'Canonicalization        relaxed/relaxed',
      'KeyTable                refile:/etc/opendkim/KeyTable',
      'SigningTable            refile:/etc/opendkim/SigningTable',
      'Socket                  inet:8891@localhost',
      '',
      '# /etc/opendkim/KeyTable',
      's202611._domainkey.example.com example.com:s202611:/etc/opendkim/keys/s202611.example.com.private.pem',
      '',
      '# /etc/opendkim/SigningTable',
      '*@example.com s202611._domainkey.example.com',
      '',
    ].join('\n'),
  );
  expect(snippets[2]?.content).toBe(
    'allow_username_mismatch = true;\ndomain {\n  example.com {\n    path = "/var/lib/rspamd/dkim/s202611.example.com.private.pem";\n    selector = "s202611";\n  }\n}\n',
  );
  expect(snippets[3]?.content).toBe(
    'remote_smtp:\n  driver = smtp\n  dkim_domain = example.com\n  dkim_selector = s202611\n  dkim_private_key = /etc/exim4/dkim/s202611.example.com.private.pem\n  dkim_canon = relaxed\n',
  );
  // Every signer but Postfix, which only hands mail to OpenDKIM, is told about Ed25519.
  expect(snippets.map((s) => s.note)).toEqual([
    `Install the key with: install -o opendkim -m 600 s202611.example.com.private.pem /etc/opendkim/keys/ ${ED25519_NOTE}`,
    'Reload with: postfix reload',
    `Install the key with: install -o _rspamd -m 600 s202611.example.com.private.pem /var/lib/rspamd/dkim/ ${ED25519_NOTE}`,
    `Install the key with: install -o Debian-exim -m 640 s202611.example.com.private.pem /etc/exim4/dkim/ ${ED25519_NOTE}`,
  ]);
});

it('an RSA key needs no Ed25519 note', () => {
  const notes = dkimConfigSnippets({ domain: 'example.com', selector: 'k1', keyType: 'rsa' }).map((s) => s.note);
  expect(notes).toEqual([
    'Install the key with: install -o opendkim -m 600 k1.example.com.private.pem /etc/opendkim/keys/',
    'Reload with: postfix reload',
    'Install the key with: install -o _rspamd -m 600 k1.example.com.private.pem /var/lib/rspamd/dkim/',
    'Install the key with: install -o Debian-exim -m 640 k1.example.com.private.pem /etc/exim4/dkim/',
  ]);
});
