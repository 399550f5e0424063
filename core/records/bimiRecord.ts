// BIMI (draft-brand-indicators-for-message-identification): TXT at `<selector>._bimi.<domain>` (selector `default`)
// pointing at an SVG Tiny PS logo and, for most mailbox providers, a mark certificate (VMC/CMC).
import { formatTagList, parseVersionedTagList, type Tag } from './tagList';
import type { DmarcRecord } from './dmarcRecord';
import type { RecordIssue, RecordParseResult, TagExplanation } from './types';
import { hasErrors, recordIssue } from './types';

export interface BimiRecord {
  /** Logo URL (https, SVG); empty declines to show a logo. */
  l: string;
  /** Authority evidence: URL of the PEM mark certificate. */
  a?: string;
  extensions: Tag[];
}


const HTTPS = /^https:\/\/\S+$/i;

export function parseBimiRecord(text: string): RecordParseResult<BimiRecord> {
  const versioned = parseVersionedTagList(text, 'bimi', 'BIMI1', 'A BIMI record must start with v=BIMI1.');
  if (!versioned.ok) return versioned;
  const { tags, issues } = versioned;
  let l: string | undefined;
  let a: string | undefined;
  const extensions: Tag[] = [];
  for (const tag of tags) {
    if (tag.name === 'l') l = tag.value;
    else if (tag.name === 'a') a = tag.value;
    else extensions.push(tag);
  }
  if (l === undefined) issues.push(recordIssue('error', 'bimi-missing-l', 'The record needs l= with the https URL of the logo (or l= empty to decline).', 'l'));
  else if (l !== '' && !HTTPS.test(l)) issues.push(recordIssue('error', 'bimi-invalid-l', 'l= must be an https: URL of an SVG file.', 'l'));
  if (a !== undefined && a !== '' && !HTTPS.test(a)) issues.push(recordIssue('error', 'bimi-invalid-a', 'a= must be an https: URL of a PEM certificate.', 'a'));
  if (l === undefined || hasErrors(issues)) return { ok: false, issues };
  return { ok: true, record: { l, ...(a === undefined ? {} : { a }), extensions }, issues };
}

export function formatBimiRecord(record: BimiRecord): string {
  const tags: Tag[] = [{ name: 'v', value: 'BIMI1' }, { name: 'l', value: record.l }];
  if (record.a !== undefined) tags.push({ name: 'a', value: record.a });
  return formatTagList([...tags, ...record.extensions]);
}

/**
 * BIMI is only honoured for domains whose DMARC policy is enforced on all mail: p=quarantine or p=reject, no pct
 * below 100 and no test mode, and subdomains not at none.
 */
export function checkBimiRecord(record: BimiRecord, dmarc?: DmarcRecord): RecordIssue[] {
  const issues: RecordIssue[] = [];
  if (record.l !== '' && !/\.svg(?:[?#].*)?$/i.test(record.l))
    issues.push(recordIssue('warning', 'bimi-not-svg', 'The logo must be an SVG Tiny Portable/Secure file.', 'l'));
  if (record.a === undefined || record.a === '')
    issues.push(recordIssue('info', 'bimi-no-certificate', 'Without a=, Gmail and Apple Mail show no logo; they require a Verified or Common Mark Certificate.', 'a'));
  const enforced =
    dmarc !== undefined &&
    (dmarc.p === 'quarantine' || dmarc.p === 'reject') &&
    (dmarc.pct ?? 100) === 100 &&
    dmarc.t !== 'y' &&
    dmarc.sp !== 'none';
  if (!enforced)
    issues.push(
      recordIssue(
        'warning',
        'bimi-needs-enforcement',
        'BIMI logos are shown only when DMARC is p=quarantine or p=reject on 100% of mail (no pct below 100, no t=y, sp not none).',
        'v',
        'Finish the DMARC rollout first.',
      ),
    );
  return issues;
}

export function explainBimiRecord(record: BimiRecord): TagExplanation[] {
  return [
    { tag: 'v', value: 'BIMI1', meaning: 'Brand Indicators for Message Identification, version 1.' },
    { tag: 'l', value: record.l, meaning: record.l === '' ? 'No logo: the domain declines to show one.' : 'Where mailbox providers fetch the logo (SVG).' },
    ...(record.a === undefined ? [] : [{ tag: 'a', value: record.a, meaning: 'The mark certificate proving the logo belongs to the domain owner.' }]),
    ...record.extensions.map((tag) => ({ tag: tag.name, value: tag.value, meaning: 'Not a BIMI tag known here; mailbox providers may ignore it.' })),
  ];
}
