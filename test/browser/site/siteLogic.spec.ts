// The site's pure helpers, checked in Node by the Playwright runner (no page needed): the sources table's IP/CIDR
// filter, CSV quoting of report text, failure-report redaction, the dashboard's periods and its view in the address.
import { expect, test } from '@playwright/test';
import { csvField, sourcesCsv } from '../../../site/src/dashboard/exportView';
import { redactAddress } from '../../../site/src/dashboard/FailuresList';
import { matchIpFilter } from '../../../site/src/dashboard/matchIpFilter';
import { periodOf } from '../../../site/src/dashboard/period';
import { hashOfView, isDashboardHash, viewFromHash } from '../../../site/src/dashboard/dashboardView';
import { describePolicy } from '../../../site/src/dashboard/ReportersTable';
import { SourceRecords } from '../../../core/store/summarizeRecords';

test('IP filter: IPv4 and IPv6 CIDR, exact addresses, and text as you type', () => {
  const v4 = matchIpFilter('192.0.2.0/24')!;
  expect(v4('192.0.2.77')).toBe(true);
  expect(v4('192.0.3.1')).toBe(false);
  expect(v4('2001:db8::1')).toBe(false);
  const v6 = matchIpFilter('2001:db8::/32')!;
  expect(v6('2001:db8:ffff::1')).toBe(true);
  expect(v6('2001:db9::1')).toBe(false);
  expect(matchIpFilter('10.0.0.0/8')!('10.255.1.2')).toBe(true);
  expect(matchIpFilter('0.0.0.0/0')!('203.0.113.9')).toBe(true);
  expect(matchIpFilter('203.0.')!('203.0.113.9')).toBe(true);
  expect(matchIpFilter('  ')).toBeUndefined();
  // A malformed prefix length is text, not a network.
  expect(matchIpFilter('192.0.2.0/99')!('192.0.2.1')).toBe(false);
});

test('CSV: RFC 4180 quoting, and report text never starts a spreadsheet formula', () => {
  expect(csvField('plain')).toBe('plain');
  expect(csvField('a,b')).toBe('"a,b"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  expect(csvField('-1')).toBe("'-1");
  expect(csvField(-1)).toBe('-1');
  const csv = sourcesCsv([
    {
      name: 'Evil, Inc',
      sourceClass: 'suspicious',
      messages: 3,
      dmarcPass: 0,
      dkimAligned: 0,
      spfAligned: 0,
      ipCount: 1,
      spfDomains: ['=cmd'],
      dkimDomains: [],
      reporters: ['r'],
      overrideReasons: [],
      ips: [
        {
          ip: '192.0.2.1',
          messages: 3,
          dmarcPass: 0,
          dkimAligned: 0,
          spfAligned: 0,
          reporters: ['r'],
          records: new SourceRecords(),
        },
      ],
    },
  ]);
  expect(csv.split('\r\n')[1]).toBe(`"Evil, Inc",suspicious,192.0.2.1,3,0,0,0,r,'=cmd,`);
});

test('redaction keeps domains and hides local parts', () => {
  expect(redactAddress('John Doe <john.doe@example.com>')).toBe('John Doe <j***@example.com>');
  expect(redactAddress('a@x.test, bob@y.test')).toBe('a***@x.test, b***@y.test');
  expect(redactAddress(undefined)).toBe('–');
});

test('periods are whole UTC days; custom ranges include both days', () => {
  const now = Date.parse('2026-03-15T13:00:00Z');
  expect(periodOf('7', '', '', now)).toEqual({
    from: Date.parse('2026-03-09T00:00:00Z') / 1000,
    to: Date.parse('2026-03-16T00:00:00Z') / 1000,
  });
  expect(periodOf('custom', '2026-01-01', '2026-01-31', now)).toEqual({
    from: Date.parse('2026-01-01T00:00:00Z') / 1000,
    to: Date.parse('2026-02-01T00:00:00Z') / 1000,
  });
});

test('published policy reads like the DMARC record it came from', () => {
  expect(
    describePolicy({ domain: 'example.com', p: 'reject', sp: 'none', adkim: 's', aspf: 'r', pct: 100, testing: 'n' }),
  ).toBe('p=reject; sp=none; adkim=s; aspf=r; pct=100; t=n');
});

test('the dashboard view in the hash: read leniently, written minimally, round-tripped', () => {
  expect(viewFromHash('#/dashboard?domain=Example.COM.')).toEqual({
    domain: 'example.com',
    preset: 'all',
    customFrom: '',
    customTo: '',
  });
  expect(viewFromHash('#/dashboard')).toEqual({ domain: null, preset: 'all', customFrom: '', customTo: '' });
  expect(viewFromHash('#/dashboard?domain=&period=bogus&from=2024-03-01')).toEqual({
    domain: null,
    preset: 'all',
    customFrom: '',
    customTo: '',
  });
  const custom = viewFromHash('#/dashboard?domain=a.example&period=custom&from=2024-03-01&to=2024-03-31');
  expect(custom).toEqual({ domain: 'a.example', preset: 'custom', customFrom: '2024-03-01', customTo: '2024-03-31' });
  expect(hashOfView(custom)).toBe('#/dashboard?domain=a.example&period=custom&from=2024-03-01&to=2024-03-31');
  expect(viewFromHash(hashOfView(custom))).toEqual(custom);
  expect(hashOfView({ domain: null, preset: 'all', customFrom: '', customTo: '' })).toBe('#/dashboard');
  expect(hashOfView({ domain: 'x.example', preset: '30', customFrom: '2024-03-01', customTo: '' })).toBe(
    '#/dashboard?domain=x.example&period=30',
  );
  expect(['', '#/', '#/dashboard', '#/dashboard?domain=a'].every(isDashboardHash)).toBe(true);
  expect(['#/import', '#/records', '#/dashboards'].some(isDashboardHash)).toBe(false);
});
