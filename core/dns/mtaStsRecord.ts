// MTA-STS (RFC 8461): the TXT record at `_mta-sts.<domain>` announcing a policy, and the policy file served at
// `https://mta-sts.<domain>/.well-known/mta-sts.txt`.
import { formatTagList, parseVersionedTagList, type Tag } from './tagList';
import { recordText } from './recordTexts';
import type { RecordIssue, RecordParseResult, TagExplanation } from './types';
import { hasErrors, recordIssue, tagExplanation } from './types';

export interface MtaStsRecord {
  /** RFC 8461 §3.1 sts-id: 1*32 ALPHA/DIGIT; change it whenever the policy file changes. */
  id: string;
  extensions: Tag[];
}

export type MtaStsMode = 'enforce' | 'testing' | 'none';

export interface MtaStsPolicy {
  mode: MtaStsMode;
  /** MX host patterns; `*.example.net` matches one label (RFC 8461 §4.1). */
  mx: string[];
  /** Seconds; RFC 8461 §3.2 caps it at 31557600 (about a year). */
  maxAge: number;
  extensions: Array<[key: string, value: string]>;
}

/** RFC 8461 §3.2: max_age "up to 31557600". */
export const MAX_MTA_STS_MAX_AGE = 31_557_600;
const STS_ID = /^[A-Za-z0-9]{1,32}$/;
const MX_PATTERN =
  /^(?:\*\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?$/;

export function parseMtaStsRecord(text: string): RecordParseResult<MtaStsRecord> {
  const versioned = parseVersionedTagList(text, 'mta-sts', 'STSv1', recordText('mta-sts.missing-version'));
  if (!versioned.ok) return versioned;
  const { tags, issues } = versioned;
  let id: string | undefined;
  const extensions: Tag[] = [];
  for (const tag of tags) {
    if (tag.name === 'id') {
      if (STS_ID.test(tag.value)) id = tag.value;
      else
        issues.push(
          recordIssue(
            'error',
            'mta-sts-invalid-id',
            recordText('mta-sts.invalid-id', { id: tag.value }),
            'id',
            recordText('mta-sts.invalid-id.fix'),
          ),
        );
    } else extensions.push(tag);
  }
  if (id === undefined && !issues.some((i) => i.code === 'mta-sts-invalid-id'))
    issues.push(recordIssue('error', 'mta-sts-missing-id', recordText('mta-sts.missing-id'), 'id'));
  if (id === undefined || hasErrors(issues)) return { ok: false, issues };
  return { ok: true, record: { id, extensions }, issues };
}

export function formatMtaStsRecord(record: MtaStsRecord): string {
  return formatTagList([{ name: 'v', value: 'STSv1' }, { name: 'id', value: record.id }, ...record.extensions]);
}

/** A policy id from a timestamp (digits only, as in RFC 8461's example `20160831085700Z` without the Z). */
export function mtaStsIdFor(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

export function explainMtaStsRecord(record: MtaStsRecord): TagExplanation[] {
  return [
    tagExplanation('v', 'STSv1', recordText('mta-sts.explain.v')),
    tagExplanation('id', record.id, recordText('mta-sts.explain.id')),
    ...record.extensions.map((tag) => tagExplanation(tag.name, tag.value, recordText('tag.extension'))),
  ];
}

/** Parses the policy file (RFC 8461 §3.2): `key: value` lines ending in CRLF (LF accepted), version first. */
export function parseMtaStsPolicy(text: string): RecordParseResult<MtaStsPolicy> {
  const issues: RecordIssue[] = [];
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const fields: Array<[string, string]> = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) {
      issues.push(recordIssue('error', 'mta-sts-policy-malformed', recordText('mta-sts.policy-malformed', { line })));
      continue;
    }
    fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  const versionFirst = fields[0]?.[0] === 'version' && fields[0][1] === 'STSv1';
  if (!versionFirst)
    issues.push(recordIssue('error', 'mta-sts-policy-version', recordText('mta-sts.policy-version'), 'version'));
  const policy: Partial<MtaStsPolicy> & { mx: string[]; extensions: Array<[string, string]> } = {
    mx: [],
    extensions: [],
  };
  for (const [key, value] of versionFirst ? fields.slice(1) : fields) {
    if (key === 'mode') {
      if (value === 'enforce' || value === 'testing' || value === 'none') policy.mode = value;
      else
        issues.push(recordIssue('error', 'mta-sts-policy-mode', recordText('mta-sts.policy-mode', { value }), 'mode'));
    } else if (key === 'mx') {
      if (MX_PATTERN.test(value)) policy.mx.push(value);
      else issues.push(recordIssue('error', 'mta-sts-policy-mx', recordText('mta-sts.policy-mx', { value }), 'mx'));
    } else if (key === 'max_age') {
      if (/^\d{1,10}$/.test(value) && Number(value) <= MAX_MTA_STS_MAX_AGE) policy.maxAge = Number(value);
      else
        issues.push(
          recordIssue(
            'error',
            'mta-sts-policy-max-age',
            recordText('mta-sts.policy-max-age', { value, max: MAX_MTA_STS_MAX_AGE }),
            'max_age',
          ),
        );
    } else if (key === 'version') {
      if (versionFirst)
        issues.push(
          recordIssue('error', 'mta-sts-policy-version', recordText('mta-sts.policy-repeated-version'), 'version'),
        );
    } else policy.extensions.push([key, value]);
  }
  if (!policy.mode)
    issues.push(recordIssue('error', 'mta-sts-policy-no-mode', recordText('mta-sts.policy-no-mode'), 'mode'));
  if (policy.maxAge === undefined)
    issues.push(recordIssue('error', 'mta-sts-policy-no-max-age', recordText('mta-sts.policy-no-max-age'), 'max_age'));
  if (policy.mode && policy.mode !== 'none' && policy.mx.length === 0)
    issues.push(
      recordIssue('error', 'mta-sts-policy-no-mx', recordText('mta-sts.policy-no-mx', { mode: policy.mode }), 'mx'),
    );
  if (hasErrors(issues) || !policy.mode || policy.maxAge === undefined) return { ok: false, issues };
  return { ok: true, record: policy as MtaStsPolicy, issues };
}

/** The policy file, lines ending in CRLF as RFC 8461 §3.2 specifies. */
export function formatMtaStsPolicy(policy: MtaStsPolicy): string {
  const lines = [
    'version: STSv1',
    `mode: ${policy.mode}`,
    ...policy.mx.map((mx) => `mx: ${mx}`),
    `max_age: ${policy.maxAge}`,
    ...policy.extensions.map(([key, value]) => `${key}: ${value}`),
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}

export function checkMtaStsPolicy(policy: MtaStsPolicy): RecordIssue[] {
  const issues: RecordIssue[] = [];
  if (policy.mode === 'testing')
    issues.push(
      recordIssue('info', 'mta-sts-testing', recordText('mta-sts.testing'), 'mode', recordText('mta-sts.testing.fix')),
    );
  if (policy.mode === 'enforce' && policy.maxAge < 86_400 * 7)
    issues.push(recordIssue('info', 'mta-sts-short-max-age', recordText('mta-sts.short-max-age'), 'max_age'));
  return issues;
}
