// Untrusted input never throws across the core/dns API: every parser and checker over arbitrary text, and the
// SPF walker over an arbitrary (even hostile) zone.
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBimiRecord, parseBimiRecord } from '../../../core/dns/bimiRecord';
import { checkDkimKeyRecord, describeDkimPublicKey, parseDkimKeyRecord } from '../../../core/dns/dkimKeyRecord';
import { checkMtaStsPolicy, parseMtaStsPolicy, parseMtaStsRecord } from '../../../core/dns/mtaStsRecord';
import { parseTlsRptRecord } from '../../../core/dns/tlsRptRecord';
import { checkRecordText } from '../../../core/dns/checkRecordText';
import { evaluateSpfLookups, MAX_SPF_QUESTIONS } from '../../../core/dns/evaluateSpfLookups';
import { decodeBase64 } from '../../../core/dns/base64';
import { fakeResolver } from './fakeResolver';

const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));

it('record parsers and checks never throw', () => {
  fc.assert(
    fc.property(text, (input) => {
      for (const prefix of [
        '',
        'v=DKIM1; ',
        'v=STSv1; ',
        'v=TLSRPTv1; ',
        'v=BIMI1; ',
        'v=DMARC1; ',
        'v=spf1 ',
        'version: STSv1\n',
      ]) {
        const value = prefix + input;
        const dkim = parseDkimKeyRecord(value);
        if (dkim.ok) {
          checkDkimKeyRecord(dkim.record);
          describeDkimPublicKey(dkim.record);
        }
        parseMtaStsRecord(value);
        const policy = parseMtaStsPolicy(value);
        if (policy.ok) checkMtaStsPolicy(policy.record);
        parseTlsRptRecord(value);
        const bimi = parseBimiRecord(value);
        if (bimi.ok) checkBimiRecord(bimi.record);
        checkRecordText(value, { domain: 'example.com' });
      }
    }),
  );
});

it('a DKIM p= of random bytes is described or refused, never thrown on', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('rsa', 'ed25519'), (bytes, k) => {
      const parsed = parseDkimKeyRecord(`k=${k}; p=${Buffer.from(bytes).toString('base64')}`);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) checkDkimKeyRecord(parsed.record);
    }),
  );
  expect(decodeBase64('%%%%')).toBeUndefined();
});

it('the SPF walker stays bounded on an arbitrary zone of includes and redirects', async () => {
  const names = ['a.example', 'b.example', 'c.example', 'd.example'];
  const term = fc.oneof(
    fc.constantFrom(...names).map((n) => `include:${n}`),
    fc.constantFrom(...names).map((n) => `redirect=${n}`),
    fc.constantFrom(...names).map((n) => `a:${n}`),
    fc.constantFrom(...names).map((n) => `mx:${n}`),
    fc.constantFrom('-all', '~all', 'ip4:192.0.2.1', 'exists:%{i}.x.example', 'ptr', 'bogus!'),
  );
  const zone = fc.dictionary(
    fc.constantFrom(...names),
    fc.oneof(
      fc.constant<'SERVFAIL'>('SERVFAIL'),
      fc.array(term, { maxLength: 6 }).map((terms) => ({ TXT: [`v=spf1 ${terms.join(' ')}`], A: ['192.0.2.1'] })),
    ),
  );
  await fc.assert(
    fc.asyncProperty(zone, async (entries) => {
      const asked: string[] = [];
      const result = await evaluateSpfLookups('a.example', fakeResolver(entries, asked));
      expect(asked.length).toBeLessThanOrEqual(MAX_SPF_QUESTIONS);
      expect(result.lookups).toBeGreaterThanOrEqual(0);
    }),
    { numRuns: 200 },
  );
});
