import { expect, it } from 'vitest';
import { publishedPolicyHistory, type ReportPolicy } from '../../../core/dns/publishedPolicyHistory';

const day = 86_400;
const report = (startDay: number, policy: ReportPolicy['policy']): ReportPolicy => ({
  begin: startDay * day,
  end: (startDay + 1) * day,
  policy,
});

it('finds the current step and since when reports show it', () => {
  const reports = [
    report(1, { domain: 'example.com', p: 'none', pct: 100 }),
    report(2, { domain: 'example.com', p: 'none' }),
    report(3, { domain: 'example.com', p: 'quarantine', pct: 25 }),
    // A receiver with a cached record still reports the old step in the middle of the new run.
    report(4, { domain: 'example.com', p: 'none' }),
    report(5, { domain: 'example.com', p: 'quarantine', pct: 25, adkim: 'r' }),
    report(6, { domain: 'example.com', p: 'quarantine', pct: 25 }),
  ];
  expect(publishedPolicyHistory(reports)).toEqual({
    record: { p: 'quarantine', pct: 25, extensions: [] },
    since: 3 * day,
    until: 7 * day,
    reports: 3,
  });
});

it('reads RFC 9990 testing as t=y and is undefined without reports', () => {
  expect(publishedPolicyHistory([report(1, { domain: 'example.com', p: 'reject', testing: 'y' })])?.record).toEqual({
    p: 'reject',
    t: 'y',
    extensions: [],
  });
  expect(publishedPolicyHistory([])).toBeUndefined();
});

it('keeps fo as reporters saw it (a failure-report choice, not a new step), and drops an fo no RFC defines', () => {
  const run = publishedPolicyHistory([
    report(1, { domain: 'example.com', p: 'none', fo: '0' }),
    report(2, { domain: 'example.com', p: 'none', fo: '1:d' }),
  ]);
  expect(run?.record).toEqual({ p: 'none', fo: ['1', 'd'], extensions: [] });
  expect(run?.reports).toBe(2);
  expect(publishedPolicyHistory([report(1, { domain: 'example.com', p: 'none', fo: 'x' })])?.record).toEqual({
    p: 'none',
    extensions: [],
  });
});
