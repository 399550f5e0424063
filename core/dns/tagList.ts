// The `tag=value; tag=value` syntax DKIM defines (RFC 6376 §3.2) and DMARC, MTA-STS, TLS-RPT and BIMI reuse.
import { recordText, type DnsRecordSentence } from './recordTexts';
import { recordIssue, type RecordIssue } from './types';

export interface Tag {
  name: string;
  value: string;
}

export interface TagListParse {
  tags: Tag[];
  issues: RecordIssue[];
}

/** RFC 6376 §3.2: tag-name = ALPHA *ALNUMPUNC, ALNUMPUNC = ALPHA / DIGIT / "_". */
const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** VALCHAR = %x21-3A / %x3C-7E, with whitespace allowed between tvals. */
const TAG_VALUE = /^[\x21-\x3a\x3c-\x7e]+(?:[ \t\r\n]+[\x21-\x3a\x3c-\x7e]+)*$/;

/**
 * Splits a tag list into tags, in order. Whitespace around names and values is dropped (it is FWS in the grammar).
 * A segment without `=`, an invalid name and a repeated tag are errors: RFC 6376 §3.2 says "Tags with duplicate
 * names MUST NOT occur within a single tag-list; if a tag name does occur more than once, the entire tag-list is
 * invalid", and DMARC/MTA-STS/TLS-RPT inherit the syntax. `recordName` prefixes the issue codes (`dmarc-…`).
 */
export function parseTagList(
  text: string,
  recordName: string,
  options: { splitRunTogether?: boolean } = {},
): TagListParse {
  const tags: Tag[] = [];
  const issues: RecordIssue[] = [];
  const seen = new Set<string>();
  const segments = text.split(';');
  const pieces = segments.flatMap((segment, index) => {
    if (!options.splitRunTogether) return [{ segment, index }];
    const parts = splitRunTogether(segment.trim());
    if (parts.length < 2) return [{ segment, index }];
    issues.push(
      recordIssue(
        'error',
        `${recordName}-missing-semicolon`,
        recordText('tag.missing-semicolon', { segment: segment.trim(), fixed: parts.join('; ') }),
        parts[1]?.split('=')[0]?.trim(),
        recordText('tag.missing-semicolon.fix'),
      ),
    );
    return parts.map((part) => ({ segment: part, index }));
  });
  pieces.forEach(({ segment, index }) => {
    const trimmed = segment.trim();
    if (trimmed === '') {
      // A trailing ";" is allowed by the grammar; an empty segment in the middle (";;") is tolerated with a note.
      if (index !== segments.length - 1 && index !== 0) {
        issues.push(
          recordIssue(
            'info',
            `${recordName}-empty-tag`,
            recordText('tag.empty'),
            undefined,
            recordText('tag.empty.fix'),
          ),
        );
      }
      return;
    }
    const equals = trimmed.indexOf('=');
    if (equals < 0) {
      issues.push(
        recordIssue(
          'error',
          `${recordName}-malformed-tag`,
          recordText('tag.malformed', { segment: trimmed }),
          trimmed,
          recordText('tag.malformed.fix'),
        ),
      );
      return;
    }
    const name = trimmed.slice(0, equals).trim();
    const value = trimmed.slice(equals + 1).trim();
    if (!TAG_NAME.test(name)) {
      issues.push(
        recordIssue('error', `${recordName}-invalid-tag-name`, recordText('tag.invalid-name', { name }), name),
      );
      return;
    }
    if (value !== '' && !TAG_VALUE.test(value))
      issues.push(
        recordIssue('error', `${recordName}-invalid-tag-value`, recordText('tag.invalid-value', { name }), name),
      );
    if (seen.has(name)) {
      issues.push(
        recordIssue(
          'error',
          `${recordName}-duplicate-tag`,
          recordText('tag.duplicate', { name }),
          name,
          recordText('tag.duplicate.fix', { name }),
        ),
      );
      return;
    }
    seen.add(name);
    tags.push({ name, value });
  });
  return { tags, issues };
}

/**
 * `v=DMARC1 p=reject`: tags written one after another with only a space between them, the `;` forgotten. A space
 * followed by a tag name and `=` (and not base64 padding, `==` or `=` at the end) starts the next tag.
 */
function splitRunTogether(segment: string): string[] {
  if (!segment.includes('=')) return [segment];
  return segment.split(/\s+(?=[A-Za-z][A-Za-z0-9_]*\s*=(?!=|\s*$))/);
}

/** Formats tags as `a=b; c=d` (the spacing RFC 7489 and RFC 8461 use in their examples). */
export function formatTagList(tags: readonly Tag[]): string {
  return tags.map((tag) => `${tag.name}=${tag.value}`).join('; ');
}

/**
 * A tag list that must open with `v=<version>` (MTA-STS, TLS-RPT, BIMI): the tags after it, or the issue saying the
 * version is missing — such a text is not a record of that kind at all. `rule` is the sentence shown to the user.
 */
export function parseVersionedTagList(
  text: string,
  recordName: string,
  version: string,
  rule: DnsRecordSentence,
): { ok: true; tags: Tag[]; issues: RecordIssue[] } | { ok: false; issues: RecordIssue[] } {
  const { tags, issues } = parseTagList(text, recordName, { splitRunTogether: true });
  if (tags[0]?.name !== 'v' || tags[0].value !== version) {
    issues.unshift(recordIssue('error', `${recordName}-missing-version`, rule, 'v'));
    return { ok: false, issues };
  }
  return { ok: true, tags: tags.slice(1), issues };
}
