// SMTP TLS Reporting (RFC 8460 §3): TXT at `_smtp._tls.<domain>` saying where to send TLS reports.
import { formatTagList, parseVersionedTagList, type Tag } from './tagList';
import type { RecordParseResult, TagExplanation } from './types';
import { hasErrors, recordIssue } from './types';

export interface TlsRptRecord {
  /** mailto: or https: URIs, in order. */
  rua: string[];
  extensions: Tag[];
}


export function parseTlsRptRecord(text: string): RecordParseResult<TlsRptRecord> {
  const versioned = parseVersionedTagList(text, 'tls-rpt', 'TLSRPTv1', 'A TLS-RPT record must start with v=TLSRPTv1 (RFC 8460 §3).');
  if (!versioned.ok) return versioned;
  const { tags, issues } = versioned;
  let rua: string[] | undefined;
  const extensions: Tag[] = [];
  for (const tag of tags) {
    if (tag.name !== 'rua') {
      extensions.push(tag);
      continue;
    }
    rua = tag.value.split(',').map((uri) => uri.trim());
    for (const uri of rua)
      if (!/^(?:mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i.test(uri))
        issues.push(recordIssue('error', 'tls-rpt-invalid-rua', `${uri} must be a mailto: or https: address (RFC 8460 §3).`, 'rua'));
  }
  if (!rua) issues.push(recordIssue('error', 'tls-rpt-missing-rua', 'The record needs rua= with the address for reports.', 'rua'));
  if (!rua || hasErrors(issues)) return { ok: false, issues };
  return { ok: true, record: { rua, extensions }, issues };
}

export function formatTlsRptRecord(record: TlsRptRecord): string {
  return formatTagList([{ name: 'v', value: 'TLSRPTv1' }, { name: 'rua', value: record.rua.join(',') }, ...record.extensions]);
}

export function explainTlsRptRecord(record: TlsRptRecord): TagExplanation[] {
  return [
    { tag: 'v', value: 'TLSRPTv1', meaning: 'SMTP TLS reporting, version 1.' },
    { tag: 'rua', value: record.rua.join(','), meaning: `Daily reports about TLS connection failures to your mail servers go to ${record.rua.join(' and ')}.` },
    ...record.extensions.map((tag) => ({ tag: tag.name, value: tag.value, meaning: 'An extension; senders ignore it.' })),
  ];
}
