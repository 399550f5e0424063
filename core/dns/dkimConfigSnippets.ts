// Ready-to-paste signer configuration for a key generated in the wizard. Paths are the Debian packages' defaults;
// the private key file is the PEM the page offers for download.
import type { DkimKeyType } from './dkimKeyRecord';
import { englishText, recordText, type DnsRecordSentence } from './recordTexts';

export interface DkimSignerConfig {
  domain: string;
  selector: string;
  keyType: DkimKeyType;
}

export interface ConfigSnippet {
  id: 'opendkim' | 'postfix' | 'rspamd' | 'exim';
  title: string;
  /** Which file the snippet goes in. */
  file: string;
  content: string;
  /** In English; `noteText` is the same by id. */
  note?: string;
  noteText?: DnsRecordSentence;
}

export function privateKeyFileName({ domain, selector }: DkimSignerConfig): string {
  return `${selector}.${domain}.private.pem`;
}

export function dkimConfigSnippets(config: DkimSignerConfig): ConfigSnippet[] {
  const { domain, selector, keyType } = config;
  const key = privateKeyFileName(config);
  const snippets: Array<Omit<ConfigSnippet, 'note' | 'noteText'> & { note: DnsRecordSentence }> = [
    {
      id: 'opendkim',
      title: 'OpenDKIM',
      file: '/etc/opendkim.conf, /etc/opendkim/KeyTable, /etc/opendkim/SigningTable',
      content: [
        '# /etc/opendkim.conf',
        'Mode                    sv',
        'Canonicalization        relaxed/relaxed',
        'KeyTable                refile:/etc/opendkim/KeyTable',
        'SigningTable            refile:/etc/opendkim/SigningTable',
        'Socket                  inet:8891@localhost',
        '',
        '# /etc/opendkim/KeyTable',
        `${selector}._domainkey.${domain} ${domain}:${selector}:/etc/opendkim/keys/${key}`,
        '',
        '# /etc/opendkim/SigningTable',
        `*@${domain} ${selector}._domainkey.${domain}`,
        '',
      ].join('\n'),
      note: recordText('snippet.install-key', { command: `install -o opendkim -m 600 ${key} /etc/opendkim/keys/` }),
    },
    {
      id: 'postfix',
      title: 'Postfix + OpenDKIM',
      file: '/etc/postfix/main.cf',
      content: [
        '# Hand every message to OpenDKIM (the Socket above) for signing.',
        'milter_default_action = accept',
        'milter_protocol = 6',
        'smtpd_milters = inet:localhost:8891',
        'non_smtpd_milters = $smtpd_milters',
        '',
      ].join('\n'),
      note: recordText('snippet.reload', { command: 'postfix reload' }),
    },
    {
      id: 'rspamd',
      title: 'rspamd',
      file: '/etc/rspamd/local.d/dkim_signing.conf',
      content: [
        'allow_username_mismatch = true;',
        'domain {',
        `  ${domain} {`,
        `    path = "/var/lib/rspamd/dkim/${key}";`,
        `    selector = "${selector}";`,
        '  }',
        '}',
        '',
      ].join('\n'),
      note: recordText('snippet.install-key', { command: `install -o _rspamd -m 600 ${key} /var/lib/rspamd/dkim/` }),
    },
    {
      id: 'exim',
      title: 'Exim, remote_smtp transport',
      file: '/etc/exim4/conf.d/transport/30_exim4-config_remote_smtp',
      content: [
        'remote_smtp:',
        '  driver = smtp',
        `  dkim_domain = ${domain}`,
        `  dkim_selector = ${selector}`,
        `  dkim_private_key = /etc/exim4/dkim/${key}`,
        '  dkim_canon = relaxed',
        '',
      ].join('\n'),
      note: recordText('snippet.install-key', { command: `install -o Debian-exim -m 640 ${key} /etc/exim4/dkim/` }),
    },
  ];
  return snippets.map((snippet) => {
    // Every signer but Postfix (which only hands mail to OpenDKIM) needs to know about Ed25519.
    const note =
      keyType === 'ed25519' && snippet.id !== 'postfix'
        ? recordText('snippet.note-and-ed25519', { note: snippet.note, ed25519: recordText('snippet.ed25519') })
        : snippet.note;
    return { ...snippet, note: englishText(note), noteText: note };
  });
}
