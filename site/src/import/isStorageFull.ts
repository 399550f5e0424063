// Whether an error means the browser's storage for this site is full, so that the import says so in plain words (what
// to do about it) instead of showing the browser's exception name.

/** DOMException names and legacy codes of a storage quota that is used up. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** Legacy DOMException codes: QUOTA_EXCEEDED_ERR (22), and Firefox's NS_ERROR_DOM_QUOTA_REACHED (1014). */
const QUOTA_CODES = new Set([22, 1014]);

export function isStorageFull(error: unknown): boolean {
  // Followed through `cause` a few levels: wrappers keep the browser's error there.
  for (let depth = 0, current = error; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { name, code, cause } = current as { name?: unknown; code?: unknown; cause?: unknown };
    if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
    if (typeof code === 'number' && QUOTA_CODES.has(code)) return true;
    current = cause;
  }
  // Errors that reach here as text only (a message passed on by another layer).
  return typeof error === 'string' && /\b(QuotaExceededError|NS_ERROR_DOM_QUOTA_REACHED)\b/.test(error);
}
