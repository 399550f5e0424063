// What `dmarc-lens fetch` has already read, kept in a small JSON file next to nothing else. It is replaced atomically
// (written aside, flushed, renamed over the old one) at fetch's checkpoints, each time after the reports of the
// messages it records are on disk, so a run killed at any moment leaves the state of one checkpoint or the next.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

export interface FetchState {
  /** The source the state belongs to (an IMAP URL without password, or a folder's absolute path). */
  source: string;
  /** IMAP only: UIDs are valid for this UIDVALIDITY; a different one means every message is new. */
  uidValidity?: string;
  /** Message keys already read: IMAP UIDs as text, file names, or Maildir unique names. */
  seen: Set<string>;
  /** Read and recorded, but not yet archived or deleted as asked. */
  unsettled: Set<string>;
  /** With --out: the output file and its length once the last recorded message was written. */
  output?: { path: string; bytes: number };
  /** Microsoft Graph: the delta link where the next pass starts. */
  cursor?: string;
}

interface StoredState {
  source: string;
  uidValidity?: string;
  seen: string[];
  unsettled?: string[];
  output?: { path: string; bytes: number };
  cursor?: string;
}

export type LoadedState = { ok: true; state: FetchState } | { ok: false; message: string };

export function loadState(file: string, source: string): LoadedState {
  if (!existsSync(file)) return { ok: true, state: { source, seen: new Set(), unsettled: new Set() } };
  let stored: StoredState;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as StoredState;
  } catch (error) {
    return { ok: false, message: `${file}: not a state file of dmarc-lens fetch (${(error as Error).message})` };
  }
  if (typeof stored.source !== 'string' || !Array.isArray(stored.seen)) {
    return { ok: false, message: `${file}: not a state file of dmarc-lens fetch` };
  }
  if (stored.source !== source) {
    return {
      ok: false,
      message: `${file}: this state file belongs to ${stored.source}, not ${source}; give another --state file`,
    };
  }
  return {
    ok: true,
    state: {
      source,
      seen: new Set(stored.seen.map(String)),
      unsettled: new Set((stored.unsettled ?? []).map(String)),
      ...(stored.uidValidity !== undefined && { uidValidity: String(stored.uidValidity) }),
      ...(stored.output && { output: stored.output }),
      ...(typeof stored.cursor === 'string' && { cursor: stored.cursor }),
    },
  };
}

export function saveState(file: string, state: FetchState): void {
  const stored: StoredState = {
    source: state.source,
    ...(state.uidValidity !== undefined && { uidValidity: state.uidValidity }),
    seen: [...state.seen],
    ...(state.unsettled.size > 0 && { unsettled: [...state.unsettled] }),
    ...(state.output && { output: state.output }),
    ...(state.cursor !== undefined && { cursor: state.cursor }),
  };
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w');
  try {
    writeSync(fd, `${JSON.stringify(stored)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
}
