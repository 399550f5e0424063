// The dashboard's view in the address: read leniently (what a hash does not say, or says wrongly, stays default),
// written minimally, and the same view after a round trip.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  hashOfView,
  isDashboardHash,
  sameView,
  viewFromHash,
  type DashboardView,
} from '../../../site/src/dashboard/dashboardView';

const view = (changes: Partial<DashboardView>): DashboardView => ({ ...DEFAULT_VIEW, ...changes });

describe('viewFromHash', () => {
  it('reads the domain as DMARC does: trimmed, lower case, without a final dot', () => {
    expect(DEFAULT_VIEW).toEqual({ domain: null, preset: 'recent', customFrom: '', customTo: '' });
    expect(viewFromHash('#/dashboard?domain=Example.COM.')).toEqual(view({ domain: 'example.com' }));
    expect(viewFromHash('#/dashboard?domain=%20mail.Example.org%20')).toEqual(view({ domain: 'mail.example.org' }));
    expect(viewFromHash('#/dashboard?domain=')).toEqual(DEFAULT_VIEW);
    expect(viewFromHash('#/dashboard?domain=%20%20')).toEqual(DEFAULT_VIEW);
  });

  it('reads what the extension links to', () => {
    expect(viewFromHash('#/dashboard?domain=secure.200permits.com')).toEqual(view({ domain: 'secure.200permits.com' }));
  });

  it('takes only the periods it offers', () => {
    for (const preset of ['recent', 'all', '7', '30', '90', '365'] as const) {
      expect(viewFromHash(`#/dashboard?period=${preset}`)).toEqual(view({ preset }));
    }
    expect(viewFromHash('#/dashboard?period=bogus')).toEqual(DEFAULT_VIEW);
    expect(viewFromHash('#/dashboard?period=14')).toEqual(DEFAULT_VIEW);
    expect(viewFromHash('#/dashboard?period=Custom')).toEqual(DEFAULT_VIEW);
  });

  it('reads the days of a custom period only, and only as YYYY-MM-DD', () => {
    expect(viewFromHash('#/dashboard?period=custom&from=2024-03-01&to=2024-03-31')).toEqual(
      view({ preset: 'custom', customFrom: '2024-03-01', customTo: '2024-03-31' }),
    );
    expect(viewFromHash('#/dashboard?period=30&from=2024-03-01&to=2024-03-31')).toEqual(view({ preset: '30' }));
    expect(viewFromHash('#/dashboard?period=custom&from=1%20March&to=2024-3-31')).toEqual(view({ preset: 'custom' }));
    expect(viewFromHash('#/dashboard?period=custom&to=2024-03-31')).toEqual(
      view({ preset: 'custom', customTo: '2024-03-31' }),
    );
  });

  it('ignores what it does not know, and a hash without a query is the default view', () => {
    expect(viewFromHash('#/dashboard?domain=a.example&utm_source=mail&period=7')).toEqual(
      view({ domain: 'a.example', preset: '7' }),
    );
    for (const hash of ['', '#', '#/', '#/dashboard', '#/dashboard/'])
      expect(viewFromHash(hash), hash).toEqual(DEFAULT_VIEW);
  });
});

describe('hashOfView', () => {
  it('writes only what differs from the default', () => {
    expect(hashOfView(DEFAULT_VIEW)).toBe('#/dashboard');
    expect(hashOfView(view({ domain: 'x.example' }))).toBe('#/dashboard?domain=x.example');
    expect(hashOfView(view({ preset: '365' }))).toBe('#/dashboard?period=365');
    // Days belong to a custom period only.
    expect(hashOfView(view({ domain: 'x.example', preset: '30', customFrom: '2024-03-01' }))).toBe(
      '#/dashboard?domain=x.example&period=30',
    );
    expect(hashOfView(view({ preset: 'custom', customFrom: '2024-03-01' }))).toBe(
      '#/dashboard?period=custom&from=2024-03-01',
    );
  });

  it('escapes what a domain holds, and every view survives the round trip', () => {
    const odd = view({ domain: 'a&b=c.example', preset: 'custom', customFrom: '2024-03-01', customTo: '2024-03-31' });
    expect(hashOfView(odd)).toBe('#/dashboard?domain=a%26b%3Dc.example&period=custom&from=2024-03-01&to=2024-03-31');
    const views = [
      DEFAULT_VIEW,
      odd,
      view({ domain: 'a.example' }),
      view({ preset: '90' }),
      view({ domain: 'b.example', preset: 'custom', customTo: '2024-12-31' }),
    ];
    for (const v of views) expect(viewFromHash(hashOfView(v)), hashOfView(v)).toEqual(v);
  });
});

describe('isDashboardHash', () => {
  it.each(['', '#', '#/', '#/dashboard', '#dashboard', '#/dashboard?domain=a', '#/dashboard/'])(
    '%j is the dashboard',
    (hash) => expect(isDashboardHash(hash)).toBe(true),
  );

  it.each(['#/import', '#/records', '#/senders', '#/data', '#/dashboards', '#/dashboard-old', '#/x/dashboard'])(
    '%j is not',
    (hash) => expect(isDashboardHash(hash)).toBe(false),
  );
});

describe('sameView', () => {
  it('compares every part of a view', () => {
    const base = view({ domain: 'a.example', preset: 'custom', customFrom: '2024-03-01', customTo: '2024-03-31' });
    expect(sameView(base, { ...base })).toBe(true);
    const changes: Array<Partial<DashboardView>> = [
      { domain: null },
      { domain: 'b.example' },
      { preset: '30' },
      { customFrom: '' },
      { customTo: '2024-04-30' },
    ];
    for (const change of changes) expect(sameView(base, { ...base, ...change }), JSON.stringify(change)).toBe(false);
  });
});
