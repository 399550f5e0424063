import { describe, expect, it } from 'vitest';
import { buildRolloutPlan, findCurrentStep } from '../../../core/dns/rolloutPlan';
import { parseDmarcRecord } from '../../../core/dns/dmarcRecord';

const base = { rua: [{ uri: 'mailto:dmarc@example.com' }], p: 'reject' as const, pct: 3, extensions: [] };
const start = new Date('2026-11-22T15:00:00Z');

describe('buildRolloutPlan', () => {
  it('RFC 7489: none → quarantine 1…100% → reject 1…100%, dated', () => {
    const plan = buildRolloutPlan({ flavour: 'rfc7489', start, base });
    expect(plan.map((s) => `${s.startsOn} ${s.policy} ${s.pct ?? 100}`)).toEqual([
      '2026-11-22 none 100',
      '2026-12-22 quarantine 1',
      '2026-12-29 quarantine 5',
      '2027-01-05 quarantine 10',
      '2027-01-12 quarantine 25',
      '2027-01-19 quarantine 50',
      '2027-01-26 quarantine 100',
      '2027-02-25 reject 1',
      '2027-03-04 reject 5',
      '2027-03-11 reject 10',
      '2027-03-18 reject 25',
      '2027-03-25 reject 50',
      '2027-04-01 reject 100',
    ]);
    expect(plan[0]?.record).toBe('v=DMARC1; p=none; rua=mailto:dmarc@example.com');
    expect(plan[7]?.record).toBe('v=DMARC1; p=reject; pct=1; rua=mailto:dmarc@example.com');
    expect(plan[7]?.effect).toBe('1% of failing mail is rejected; the rest is quarantined.');
    expect(plan.at(-1)?.minimumDays).toBeUndefined();
    expect(plan[6]?.dwellSource).toBe('rfc9989');
  });

  it('RFC 9989: the t=y path with a month at none and at quarantine', () => {
    const plan = buildRolloutPlan({ flavour: 'rfc9989', start, base, compatiblePct: true });
    expect(plan.map((s) => [s.startsOn, s.record])).toEqual([
      ['2026-11-22', 'v=DMARC1; p=none; rua=mailto:dmarc@example.com'],
      ['2026-12-22', 'v=DMARC1; p=quarantine; t=y; pct=0; rua=mailto:dmarc@example.com'],
      ['2027-01-05', 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com'],
      ['2027-02-04', 'v=DMARC1; p=reject; t=y; pct=0; rua=mailto:dmarc@example.com'],
      ['2027-02-18', 'v=DMARC1; p=reject; rua=mailto:dmarc@example.com'],
    ]);
    expect(plan.map((s) => s.minimumDays)).toEqual([30, 14, 30, 14, undefined]);
    // The advice about DKIM and mailing lists comes with the first reject step.
    expect(plan.map((s) => s.advice !== undefined)).toEqual([false, false, false, true, false]);
  });

  it('finds where a published record is in the plan', () => {
    const plan7489 = buildRolloutPlan({ flavour: 'rfc7489', start, base });
    const plan9989 = buildRolloutPlan({ flavour: 'rfc9989', start, base });
    const record = (text: string) => {
      const parsed = parseDmarcRecord(text);
      if (!parsed.ok) throw new Error(text);
      return parsed.record;
    };
    expect(findCurrentStep(plan7489, record('v=DMARC1; p=quarantine; pct=25'))).toBe(4);
    expect(findCurrentStep(plan7489, record('v=DMARC1; p=reject'))).toBe(12);
    expect(findCurrentStep(plan9989, record('v=DMARC1; p=reject; t=y; pct=0'))).toBe(3);
    expect(findCurrentStep(plan9989, record('v=DMARC1; p=quarantine; pct=25'))).toBe(-1);
  });
});
