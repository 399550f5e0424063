// Which list a Gmail tab shows, from its address: Gmail keeps the view in the fragment, `#label/<name>` for a label
// and `#search/<query>` for a search (spaces as `+`, a nested label's `/` as `%2F`), with a third part once a
// conversation is open. The background sync reads a list only from a tab that shows it (extension/sync/gmailSync.ts).

export interface GmailView {
  kind: 'label' | 'search';
  /** The label's name or the search's words, decoded. */
  value: string;
}

/** The label or search a Gmail address's fragment shows as a list; undefined for anything else. */
export function gmailViewOf(hash: string): GmailView | undefined {
  const parts = hash.replace(/^#/, '').split('/');
  // Two parts: the list itself. Three or more: a conversation opened from it, where there is no list to read.
  if (parts.length !== 2) return undefined;
  const [kind, raw] = parts as [string, string];
  if (kind !== 'label' && kind !== 'search') return undefined;
  let value: string;
  try {
    value = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined; // a fragment Gmail did not write
  }
  return value.trim() === '' ? undefined : { kind, value };
}

/**
 * Whether the view is the list the user named: a label by its name or as Gmail's `label:` search, a search by its
 * words. Gmail treats both without regard to case or spacing; a label's spaces and slashes are `-` in `label:`.
 */
export function showsGmailList(view: GmailView, wanted: string): boolean {
  const want = normalized(wanted);
  if (want === '') return false;
  const value = normalized(view.value);
  if (view.kind === 'search') return value === want;
  return value === want || `label:${value.replace(/[\s/]+/g, '-')}` === want.replace(/[\s/]+/g, '-');
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
