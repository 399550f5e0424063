// SMTP TLS Reporting (RFC 8460 §3): TXT at `_smtp._tls.<domain>` saying where to send TLS reports.
import { formatTagList, parseVersionedTagList, type Tag } from './tagList';
import { joinTexts, recordText } from './recordTexts';
import type { RecordParseResult, TagExplanation } from './types';
import { hasErrors, recordIssue, tagExplanation } from './types';

export interface TlsRptRecord {
  /** mailto: or https: URIs, in order. */
  rua: string[];
  extensions: Tag[];
}

export function parseTlsRptRecord(text: string): RecordParseResult<TlsRptRecord> {
  const versioned = parseVersionedTagList(text, 'tls-rpt', 'TLSRPTv1', recordText('tls-rpt.missing-version'));
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
        issues.push(recordIssue('error', 'tls-rpt-invalid-rua', recordText('tls-rpt.invalid-rua', { uri }), 'rua'));
  }
  if (!rua) issues.push(recordIssue('error', 'tls-rpt-missing-rua', recordText('tls-rpt.missing-rua'), 'rua'));
  if (!rua || hasErrors(issues)) return { ok: false, issues };
  return { ok: true, record: { rua, extensions }, issues };
}

export function formatTlsRptRecord(record: TlsRptRecord): string {
  return formatTagList([
    { name: 'v', value: 'TLSRPTv1' },
    { name: 'rua', value: record.rua.join(',') },
    ...record.extensions,
  ]);
}

export function explainTlsRptRecord(record: TlsRptRecord): TagExplanation[] {
  return [
    tagExplanation('v', 'TLSRPTv1', recordText('tls-rpt.explain.v')),
    tagExplanation(
      'rua',
      record.rua.join(','),
      recordText('tls-rpt.explain.rua', { addresses: joinTexts(record.rua, 'list.and') }),
    ),
    ...record.extensions.map((tag) => tagExplanation(tag.name, tag.value, recordText('tag.extension'))),
  ];
}
