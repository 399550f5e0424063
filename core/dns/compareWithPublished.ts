// Rollout check: is what the wizard generated actually in DNS? Each generated record is looked up through the
// injected resolver (live lookups only) and compared with what the name publishes.
import { normalizeDomain } from '../report';
import type { PublishedRecord } from './buildDomainRecords';
import type { DnsRecordSentence } from './recordTexts';
import { joinTxtStrings } from './txtStrings';
import { askResolver, type DnsResolver } from './types';

export type PublicationStatus =
  /** The name publishes this value. */
  | 'published'
  /** The name publishes a record of the same kind with another value (shown in `found`). */
  | 'different'
  /** Nothing of this kind at the name. */
  | 'missing'
  /** The generated value still has `<…>` parts to fill in, so only presence is checked. */
  | 'placeholder-present'
  | 'placeholder-missing'
  /** The lookup failed (SERVFAIL, timeout). */
  | 'error';

export interface PublicationCheck {
  record: PublishedRecord;
  status: PublicationStatus;
  /** Values of the same kind found at the name. */
  found: string[];
  /** For `error`: why (`messageText` is the same by id, when the resolver gave one). */
  message?: string;
  messageText?: DnsRecordSentence;
}

/** The leading version tag that says which kind of TXT record a value is (`v=spf1`, `v=DMARC1`…), lower-cased. */
function txtKind(value: string): string {
  return /^\s*(v\s*=\s*[A-Za-z0-9]+)/.exec(value)?.[1]?.replace(/\s+/g, '').toLowerCase() ?? value.trim().toLowerCase();
}

/** Tag lists compare without regard to the spaces around `;` and `=` (RFC 6376 §3.2 FWS). */
function normalizeTxt(value: string): string {
  return value
    .trim()
    .replace(/\s*;\s*/g, ';')
    .replace(/\s*=\s*/g, '=')
    .replace(/;$/, '');
}

export async function compareWithPublished(
  records: readonly PublishedRecord[],
  resolver: DnsResolver,
): Promise<PublicationCheck[]> {
  const checks: PublicationCheck[] = [];
  for (const record of records) {
    const answer = await askResolver(resolver, record.name, record.type);
    if (answer.status === 'error') {
      checks.push({
        record,
        status: 'error',
        found: [],
        message: answer.message,
        ...(answer.text ? { messageText: answer.text } : {}),
      });
      continue;
    }
    const values =
      answer.status === 'ok' ? answer.answers.map(record.type === 'TXT' ? joinTxtStrings : (a) => a.join('')) : [];
    const found =
      record.type === 'TXT'
        ? values.filter((value) => txtKind(value) === txtKind(record.value))
        : values.map(normalizeDomain);
    let status: PublicationStatus;
    if (record.placeholder) status = found.length > 0 ? 'placeholder-present' : 'placeholder-missing';
    else if (found.length === 0) status = 'missing';
    else if (record.type === 'TXT')
      status = found.some((value) => normalizeTxt(value) === normalizeTxt(record.value)) ? 'published' : 'different';
    else status = found.includes(normalizeDomain(record.value)) ? 'published' : 'different';
    checks.push({ record, status, found });
  }
  return checks;
}
