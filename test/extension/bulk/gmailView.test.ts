// Which list a Gmail tab shows, read from the address fragments Gmail writes (docs/webmail.md "Bulk import"): the
// background sync reads only from a tab showing the label or search named in the options.
import { describe, expect, it } from 'vitest';
import { gmailViewOf, showsGmailList } from '../../../extension/bulk/gmailView';

describe('gmailViewOf', () => {
  it('reads a label or a search list, decoded', () => {
    expect(gmailViewOf('#label/DMARC')).toEqual({ kind: 'label', value: 'DMARC' });
    expect(gmailViewOf('#label/Reports%2FDMARC')).toEqual({ kind: 'label', value: 'Reports/DMARC' });
    expect(gmailViewOf('#label/DMARC+reports')).toEqual({ kind: 'label', value: 'DMARC reports' });
    expect(gmailViewOf('#search/has%3Aattachment+%22Report+Domain%22')).toEqual({
      kind: 'search',
      value: 'has:attachment "Report Domain"',
    });
  });

  it('gives nothing for an open conversation, a system view or a fragment Gmail did not write', () => {
    for (const hash of [
      '#label/DMARC/FMfcgzQXJWDsKmvrzVmpRtxvwHkkfbxB',
      '#inbox',
      '#all',
      '',
      '#label/',
      '#label/%E0%A4%A',
      '#settings/general',
    ])
      expect(gmailViewOf(hash)).toBeUndefined();
  });
});

describe('showsGmailList', () => {
  it('matches a label by its name or its label: search, a search by its words, regardless of case and spacing', () => {
    const label = { kind: 'label', value: 'DMARC reports' } as const;
    expect(showsGmailList(label, 'DMARC reports')).toBe(true);
    expect(showsGmailList(label, ' dmarc   Reports ')).toBe(true);
    expect(showsGmailList(label, 'label:dmarc-reports')).toBe(true);
    expect(showsGmailList({ kind: 'label', value: 'Reports/DMARC' }, 'label:reports-dmarc')).toBe(true);
    const search = { kind: 'search', value: 'has:attachment "Report Domain"' } as const;
    expect(showsGmailList(search, 'has:attachment "report domain"')).toBe(true);
  });

  it('does not match another list, or nothing named', () => {
    expect(showsGmailList({ kind: 'label', value: 'DMARC' }, 'DMARC reports')).toBe(false);
    expect(showsGmailList({ kind: 'label', value: 'DMARC' }, '')).toBe(false);
    expect(showsGmailList({ kind: 'search', value: 'DMARC' }, 'label:dmarc')).toBe(false);
    expect(showsGmailList({ kind: 'search', value: 'has:attachment' }, 'has:attachment "Report Domain"')).toBe(false);
  });
});
