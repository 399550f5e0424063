// Retention counts calendar months back from now, to the same day or the last day of a shorter month.
import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../../site/src/data/retention';

const at = (iso: string) => Date.parse(iso);
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('retentionCutoff', () => {
  it('goes back whole calendar months to the same moment', () => {
    expect(iso(retentionCutoff(12, at('2026-12-05T22:10:00Z')))).toBe('2025-12-05T22:10:00.000Z');
    expect(iso(retentionCutoff(3, at('2026-01-15T00:00:00Z')))).toBe('2025-10-15T00:00:00.000Z');
  });

  it('stops at the last day of a shorter month', () => {
    expect(iso(retentionCutoff(1, at('2026-03-31T12:00:00Z')))).toBe('2026-02-28T12:00:00.000Z');
    expect(iso(retentionCutoff(1, at('2024-03-31T12:00:00Z')))).toBe('2024-02-29T12:00:00.000Z');
    expect(iso(retentionCutoff(6, at('2026-08-31T00:00:00Z')))).toBe('2026-02-28T00:00:00.000Z');
  });
});
