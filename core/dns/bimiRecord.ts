// BIMI (draft-brand-indicators-for-message-identification): TXT at `<selector>._bimi.<domain>` (selector `default`)
// pointing at an SVG Tiny PS logo and, for most mailbox providers, a mark certificate (VMC/CMC).
import { formatTagList, parseVersionedTagList, type Tag } from './tagList';
import type { DmarcRecord } from './dmarcRecord';
import { recordText } from './recordTexts';
import type { RecordIssue, RecordParseResult, TagExplanation } from './types';
import { hasErrors, recordIssue, tagExplanation } from './types';

export interface BimiRecord {
  /** Logo URL (https, SVG); empty declines to show a logo. */
  l: string;
  /** Authority evidence: URL of the PEM mark certificate. */
  a?: string;
  extensions: Tag[];
}

const HTTPS = /^https:\/\/\S+$/i;

export function parseBimiRecord(text: string): RecordParseResult<BimiRecord> {
  const versioned = parseVersionedTagList(text, 'bimi', 'BIMI1', recordText('bimi.missing-version'));
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
  if (l === undefined) issues.push(recordIssue('error', 'bimi-missing-l', recordText('bimi.missing-l'), 'l'));
  else if (l !== '' && !HTTPS.test(l))
    issues.push(recordIssue('error', 'bimi-invalid-l', recordText('bimi.invalid-l'), 'l'));
  if (a !== undefined && a !== '' && !HTTPS.test(a))
    issues.push(recordIssue('error', 'bimi-invalid-a', recordText('bimi.invalid-a'), 'a'));
  if (l === undefined || hasErrors(issues)) return { ok: false, issues };
  return { ok: true, record: { l, ...(a === undefined ? {} : { a }), extensions }, issues };
}

export function formatBimiRecord(record: BimiRecord): string {
  const tags: Tag[] = [
    { name: 'v', value: 'BIMI1' },
    { name: 'l', value: record.l },
  ];
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
    issues.push(recordIssue('warning', 'bimi-not-svg', recordText('bimi.not-svg'), 'l'));
  if (record.a === undefined || record.a === '')
    issues.push(recordIssue('info', 'bimi-no-certificate', recordText('bimi.no-certificate'), 'a'));
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
        recordText('bimi.needs-enforcement'),
        'v',
        recordText('bimi.needs-enforcement.fix'),
      ),
    );
  return issues;
}

export function explainBimiRecord(record: BimiRecord): TagExplanation[] {
  return [
    tagExplanation('v', 'BIMI1', recordText('bimi.explain.v')),
    tagExplanation('l', record.l, recordText(record.l === '' ? 'bimi.explain.l.none' : 'bimi.explain.l')),
    ...(record.a === undefined ? [] : [tagExplanation('a', record.a, recordText('bimi.explain.a'))]),
    ...record.extensions.map((tag) => tagExplanation(tag.name, tag.value, recordText('bimi.explain.unknown'))),
  ];
}
