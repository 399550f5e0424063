import { describe, expect, it } from 'vitest';
import { appliedPolicy, appliedPolicyToNormalized } from '../../../core/analysis/simulatePolicy';

describe('appliedPolicyToNormalized', () => {
  it('agrees with appliedPolicy on normalized domains', () => {
    const policies = [
      { domain: 'Example.COM.', p: 'reject' as const },
      { domain: 'example.com', p: 'quarantine' as const, sp: 'none' as const, testing: 'y' as const },
      { domain: 'example.com', p: 'none' as const, sp: 'quarantine' as const, np: 'reject' as const },
      { domain: 'example.com' },
    ];
    const nonExistent = new Set(['gone.example.com']);
    for (const policy of policies) {
      for (const from of ['example.com', ' EXAMPLE.com. ', 'sub.example.com', 'gone.example.com', '']) {
        const normalized = from.trim().toLowerCase().replace(/\.$/, '');
        expect(appliedPolicyToNormalized(normalized, 'example.com', policy, nonExistent)).toBe(appliedPolicy(from, policy, nonExistent));
      }
    }
  });
});
