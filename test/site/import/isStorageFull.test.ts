// isStorageFull: the errors browsers raise when the site's storage quota is used up, and nothing else.
import { describe, expect, it } from 'vitest';
import { isStorageFull } from '../../../site/src/import/isStorageFull';

describe('isStorageFull', () => {
  it('recognises a quota error by name, by legacy code, wrapped in a cause, or passed on as text', () => {
    expect(isStorageFull(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    // Firefox's older name for it, and the legacy codes (QUOTA_EXCEEDED_ERR 22, NS_ERROR_DOM_QUOTA_REACHED 1014).
    expect(
      isStorageFull({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'Persistent storage maximum size reached' }),
    ).toBe(true);
    expect(isStorageFull({ name: 'Error', code: 22 })).toBe(true);
    expect(isStorageFull({ name: 'Error', code: 1014 })).toBe(true);
    expect(isStorageFull(new Error('write failed', { cause: new DOMException('full', 'QuotaExceededError') }))).toBe(
      true,
    );
    expect(isStorageFull('backup.jsonl: QuotaExceededError: The quota has been exceeded.')).toBe(true);
  });

  it('leaves every other error alone', () => {
    expect(isStorageFull(new DOMException('The transaction was aborted.', 'AbortError'))).toBe(false);
    expect(isStorageFull(new DOMException('Unknown error', 'UnknownError'))).toBe(false);
    expect(isStorageFull(new TypeError('x is undefined'))).toBe(false);
    expect(isStorageFull('report.xml: the XML is too broken to recover')).toBe(false);
    expect(isStorageFull({ code: 'ENOSPC' })).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
    expect(isStorageFull(null)).toBe(false);
    // A cycle of causes ends.
    const looped: { name: string; cause?: unknown } = { name: 'Error' };
    looped.cause = looped;
    expect(isStorageFull(looped)).toBe(false);
  });
});
