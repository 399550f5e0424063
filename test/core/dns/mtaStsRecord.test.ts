import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkMtaStsPolicy,
  formatMtaStsPolicy,
  formatMtaStsRecord,
  mtaStsIdFor,
  parseMtaStsPolicy,
  parseMtaStsRecord,
} from '../../../core/dns/mtaStsRecord';
import { formatTlsRptRecord, parseTlsRptRecord } from '../../../core/dns/tlsRptRecord';
import { checkBimiRecord, formatBimiRecord, parseBimiRecord } from '../../../core/dns/bimiRecord';

describe('MTA-STS (RFC 8461)', () => {
  it('§3.1 example record', () => {
    expect(parseMtaStsRecord('v=STSv1; id=20160831085700Z;')).toEqual({
      ok: true,
      record: { id: '20160831085700Z', extensions: [] },
      issues: [],
    });
  });
  it('rejects a missing or overlong id and a wrong version', () => {
    expect(parseMtaStsRecord('v=STSv1;').issues[0]?.code).toBe('mta-sts-missing-id');
    expect(parseMtaStsRecord(`v=STSv1; id=${'a'.repeat(33)}`).issues[0]?.code).toBe('mta-sts-invalid-id');
    expect(parseMtaStsRecord('v=STSv2; id=1').issues[0]?.code).toBe('mta-sts-missing-version');
  });
  it('§3.2 example policy', () => {
    const text =
      'version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmx: backupmx.example.com\r\nmax_age: 604800\r\n';
    const result = parseMtaStsPolicy(text);
    expect(result).toEqual({
      ok: true,
      record: {
        mode: 'enforce',
        mx: ['mail.example.com', '*.example.net', 'backupmx.example.com'],
        maxAge: 604800,
        extensions: [],
      },
      issues: [],
    });
    if (result.ok) expect(formatMtaStsPolicy(result.record)).toBe(text);
  });
  it('policy errors', () => {
    const codes = (text: string) => parseMtaStsPolicy(text).issues.map((i) => i.code);
    expect(codes('mode: enforce\nmax_age: 1')).toEqual(['mta-sts-policy-version', 'mta-sts-policy-no-mx']);
    expect(codes('mode: none\nversion: STSv1\nmax_age: 1')).toEqual(['mta-sts-policy-version']);
    expect(codes('version: STSv1\nmode: strict\nmax_age: 99999999999')).toEqual([
      'mta-sts-policy-mode',
      'mta-sts-policy-max-age',
      'mta-sts-policy-no-mode',
      'mta-sts-policy-no-max-age',
    ]);
    const testing = parseMtaStsPolicy('version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 86400');
    expect(testing.ok && checkMtaStsPolicy(testing.record).map((i) => i.code)).toEqual(['mta-sts-testing']);
  });
  it('ids from dates', () => expect(mtaStsIdFor(new Date('2026-11-22T11:30:05Z'))).toBe('20261122113005'));
  it('round trips (fast-check)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,32}$/), (id) => {
        expect(parseMtaStsRecord(formatMtaStsRecord({ id, extensions: [] }))).toEqual({
          ok: true,
          record: { id, extensions: [] },
          issues: [],
        });
      }),
    );
    const host = fc.stringMatching(/^(?:\*\.)?[a-z0-9]{1,8}\.[a-z]{2,5}$/);
    fc.assert(
      fc.property(
        fc.constantFrom('enforce' as const, 'testing' as const),
        fc.array(host, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 31557600 }),
        (mode, mx, maxAge) => {
          const policy = { mode, mx, maxAge, extensions: [] };
          const result = parseMtaStsPolicy(formatMtaStsPolicy(policy));
          expect(result.ok && result.record).toEqual(policy);
        },
      ),
    );
  });
});

describe('TLS-RPT (RFC 8460 §3)', () => {
  it('the RFC examples', () => {
    expect(parseTlsRptRecord('v=TLSRPTv1;rua=mailto:reports@example.com')).toEqual({
      ok: true,
      record: { rua: ['mailto:reports@example.com'], extensions: [] },
      issues: [],
    });
    const https = parseTlsRptRecord('v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt');
    expect(https.ok && https.record.rua).toEqual(['https://reporting.example.com/v1/tlsrpt']);
  });
  it('errors', () => {
    expect(parseTlsRptRecord('v=TLSRPTv1').issues[0]?.code).toBe('tls-rpt-missing-rua');
    expect(parseTlsRptRecord('v=TLSRPTv1; rua=http://x.example').issues[0]?.code).toBe('tls-rpt-invalid-rua');
    expect(parseTlsRptRecord('rua=mailto:a@b.example; v=TLSRPTv1').issues[0]?.code).toBe('tls-rpt-missing-version');
  });
  it('round trips', () => {
    const uri = fc.oneof(
      fc.stringMatching(/^[a-z0-9]{1,8}@[a-z]{1,8}\.[a-z]{2,4}$/).map((a) => `mailto:${a}`),
      fc.stringMatching(/^[a-z]{1,8}\.[a-z]{2,4}\/[a-z0-9]{0,8}$/).map((a) => `https://${a}`),
    );
    fc.assert(
      fc.property(fc.array(uri, { minLength: 1, maxLength: 3 }), (rua) => {
        const record = { rua, extensions: [] };
        const result = parseTlsRptRecord(formatTlsRptRecord(record));
        expect(result.ok && result.record).toEqual(record);
      }),
    );
  });
});

describe('BIMI', () => {
  const record = { l: 'https://images.example.com/logo.svg', a: 'https://images.example.com/vmc.pem', extensions: [] };
  it('parses and formats', () => {
    const text = formatBimiRecord(record);
    expect(text).toBe('v=BIMI1; l=https://images.example.com/logo.svg; a=https://images.example.com/vmc.pem');
    expect(parseBimiRecord(text)).toEqual({ ok: true, record, issues: [] });
    expect(parseBimiRecord('v=BIMI1; l=')).toEqual({ ok: true, record: { l: '', extensions: [] }, issues: [] });
    expect(parseBimiRecord('v=BIMI1; l=http://x.example/logo.svg').issues[0]?.code).toBe('bimi-invalid-l');
  });
  it('needs DMARC enforcement at 100%', () => {
    const codes = (dmarc: Parameters<typeof checkBimiRecord>[1]) => checkBimiRecord(record, dmarc).map((i) => i.code);
    expect(codes({ p: 'reject', extensions: [] })).toEqual([]);
    expect(codes({ p: 'quarantine', pct: 50, extensions: [] })).toEqual(['bimi-needs-enforcement']);
    expect(codes({ p: 'reject', t: 'y', extensions: [] })).toEqual(['bimi-needs-enforcement']);
    expect(codes({ p: 'none', extensions: [] })).toEqual(['bimi-needs-enforcement']);
    expect(codes(undefined)).toEqual(['bimi-needs-enforcement']);
  });
});
