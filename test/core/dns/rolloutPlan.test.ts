import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildRolloutPlan, findCurrentStep, seedDmarcRecord } from '../../../core/dns/rolloutPlan';
import { formatDmarcRecord, parseDmarcRecord } from '../../../core/dns/dmarcRecord';
import { publishedPolicyHistory } from '../../../core/dns/publishedPolicyHistory';
import { parseReport } from '../../../core/report/parseReport';

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

describe('seedDmarcRecord: a plan starts from what receivers saw published, with report addresses of the domain', () => {
  const fixtures = fileURLToPath(new URL('../../fixtures/reports/', import.meta.url));
  async function reportedRecord(path: string) {
    const result = await parseReport(new Uint8Array(readFileSync(fixtures + path)), { fileName: path.split('/')[1] });
    if (!result.ok) throw new Error(result.error.message);
    const reports = result.reports.flatMap(({ report }) =>
      report.kind === 'aggregate'
        ? [{ begin: report.metadata.begin, end: report.metadata.end, policy: report.policy }]
        : [],
    );
    return publishedPolicyHistory(reports)?.record;
  }

  it('a strict domain at reject (Comcast about secure.200permits.com): every tag kept, rua at the domain, assumed', async () => {
    // policy_published: adkim s, aspf s, p reject, sp reject, pct 100, fo 0.
    const reported = await reportedRecord(
      'jonzobrist__DMARC-Report-Manager/comcast.net!secure.200permits.com!1766188800!1766275200.xml',
    );
    const seeded = seedDmarcRecord('secure.200permits.com', { ...(reported ? { reported } : {}) });
    expect(seeded.assumedRua).toBe('mailto:dmarc@secure.200permits.com');
    expect(formatDmarcRecord(seeded.record)).toBe(
      'v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; fo=0; rua=mailto:dmarc@secure.200permits.com',
    );
    const plan = buildRolloutPlan({ flavour: 'rfc9989', start, base: seeded.record });
    expect(plan.map((s) => s.record)).toEqual([
      'v=DMARC1; p=none; sp=reject; adkim=s; aspf=s; fo=0; rua=mailto:dmarc@secure.200permits.com',
      'v=DMARC1; p=quarantine; sp=reject; t=y; adkim=s; aspf=s; fo=0; rua=mailto:dmarc@secure.200permits.com',
      'v=DMARC1; p=quarantine; sp=reject; adkim=s; aspf=s; fo=0; rua=mailto:dmarc@secure.200permits.com',
      'v=DMARC1; p=reject; sp=reject; t=y; adkim=s; aspf=s; fo=0; rua=mailto:dmarc@secure.200permits.com',
      'v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; fo=0; rua=mailto:dmarc@secure.200permits.com',
    ]);
    expect(findCurrentStep(plan, seeded.record)).toBe(4);
    expect(plan.some((s) => s.record.includes('example.com'))).toBe(false);
  });

  it('a monitoring domain (Microsoft about lolei.uk): p=none, sp=none, fo=0', async () => {
    const reported = await reportedRecord(
      'loleik__dmarc-analysis/enterprise.protection.outlook.com!lolei.uk!1754524800!1754611200.xml',
    );
    expect(formatDmarcRecord(seedDmarcRecord('lolei.uk', { ...(reported ? { reported } : {}) }).record)).toBe(
      'v=DMARC1; p=none; sp=none; adkim=r; aspf=r; fo=0; rua=mailto:dmarc@lolei.uk',
    );
  });

  it('report addresses the user gave are kept and not marked; without reports the given record is the start', () => {
    const given = { p: 'quarantine' as const, rua: [{ uri: 'mailto:agg@reports.example.net' }], extensions: [] };
    const reported = { p: 'reject' as const, adkim: 's' as const, extensions: [] };
    expect(seedDmarcRecord('example.org', { reported, given })).toEqual({
      record: { p: 'reject', adkim: 's', rua: given.rua, extensions: [] },
    });
    expect(seedDmarcRecord('example.org', { given })).toEqual({ record: given });
    expect(seedDmarcRecord('example.org')).toEqual({
      record: { p: 'none', rua: [{ uri: 'mailto:dmarc@example.org' }], extensions: [] },
      assumedRua: 'mailto:dmarc@example.org',
    });
  });
});
