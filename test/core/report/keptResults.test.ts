// DKIM and SPF results are interpreted once and the result objects shared by every record with the same four values
// (toAggregateReport.ts, keptResult). Sharing must change nothing a reader of the records sees: each record still gets
// the warnings its results give, and its alignment is decided by its own header_from and its report's modes. The
// oracle here is the interpretation of each record on its own, in a fresh copy of the module (nothing kept), and
// alignment.ts's isDkimAligned / isSpfAligned on the record as read.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { isDkimAligned, isSpfAligned } from '../../../core/report/alignment';
import { reportText } from '../../../core/report/reportMessages';
import type { AlignmentPolicy, RecordText } from '../../../core/report/toAggregateReport';
import type { AggregateRecord } from '../../../core/report/types';
import { parseOneAggregate, recordXml, reportXml } from '../../helpers/reportXml';

type Interpreter = typeof import('../../../core/report/toAggregateReport');

/** A copy of toAggregateReport with nothing kept yet. */
async function freshInterpreter(): Promise<Interpreter> {
  vi.resetModules();
  return import('../../../core/report/toAggregateReport');
}

function interpret(
  module: Interpreter,
  texts: readonly RecordText[],
  policy: AlignmentPolicy,
): { records: Array<AggregateRecord | undefined>; warnings: string[] } {
  const warnings: string[] = [];
  const sink = { add: (message: string) => warnings.push(message) };
  return { records: texts.map((text) => module.readAggregateRecord(text, policy, sink)), warnings };
}

describe('kept DKIM and SPF results', () => {
  it('are one object for every record of a report with the same result', async () => {
    const records = ['192.0.2.1', '192.0.2.2', '192.0.2.3'].map((ip) => recordXml({ ip }));
    const twoSignatures =
      '<dkim><domain>example.com</domain><selector>s1</selector><result>pass</result></dkim><dkim><domain>esp.example</domain><result>pass</result></dkim><spf><domain>example.com</domain><result>pass</result></spf>';
    records.push(...['192.0.2.4', '192.0.2.5'].map((ip) => recordXml({ ip, authResults: twoSignatures })));
    const { report } = await parseOneAggregate(reportXml({ records }));
    expect(report.records).toHaveLength(5);
    const [first, second, third, fourth, fifth] = report.records;
    for (const record of [second!, third!, fourth!, fifth!]) {
      expect(record.dkimResults[0]).toBe(first!.dkimResults[0]);
      expect(record.spfResults[0]).toBe(first!.spfResults[0]);
    }
    // A list of one result is shared too; a longer one is the record's own.
    expect(second!.dkimResults).toBe(first!.dkimResults);
    expect(fifth!.spfResults).toBe(first!.spfResults);
    expect(fifth!.dkimResults[1]).toBe(fourth!.dkimResults[1]);
    expect(fifth!.dkimResults).not.toBe(fourth!.dkimResults);
    // Records without reasons share one empty list, frozen as the shared results are.
    expect(fifth!.reasons).toEqual([]);
    expect(fifth!.reasons).toBe(first!.reasons);
    expect(Object.isFrozen(first!.reasons) && Object.isFrozen(first!.dkimResults[0])).toBe(true);
  });

  it('give their warnings again for every record that has them', async () => {
    const authResults =
      '<dkim><domain>example.com</domain><result>bogus</result></dkim><spf><domain>example.com</domain><result>pass</result></spf>';
    const records = ['192.0.2.1', '192.0.2.2', '192.0.2.3'].map((ip) => recordXml({ ip, authResults }));
    const { report, warnings } = await parseOneAggregate(reportXml({ records }));
    expect(report.records.map((r) => r.dkimResults[0]!.result)).toEqual(['none', 'none', 'none']);
    const warning = reportText('report.unknownValue', { field: 'result', value: 'bogus', fallback: 'none' });
    expect(warnings).toContain(reportText('report.repeated', { warning, count: 3 }));
  });

  it('align by each record’s header_from and each report’s modes', async () => {
    const dkim = '<dkim><domain>mail.example.com</domain><selector>s1</selector><result>pass</result></dkim>';
    const spf = '<spf><domain>bounces.example.com</domain><result>pass</result></spf>';
    const records = ['example.com', 'other.example', 'mail.example.com', 'example.com'].map((from, n) =>
      recordXml({
        ip: `192.0.2.${n + 1}`,
        identifiers: `<header_from>${from}</header_from>`,
        authResults: dkim + spf,
      }),
    );
    const relaxed = reportXml({ records });
    const strict = reportXml({
      records,
      policy: '<domain>example.com</domain><adkim>s</adkim><aspf>s</aspf><p>none</p>',
    });
    const seen: boolean[] = [];
    for (const xml of [relaxed, strict, relaxed]) {
      const { report } = await parseOneAggregate(xml);
      for (const record of report.records) {
        expect(record.dkimAligned).toBe(isDkimAligned(record.dkimResults, record.headerFrom, report.policy.adkim));
        expect(record.spfAligned).toBe(isSpfAligned(record.spfResults, record.headerFrom, report.policy.aspf));
        seen.push(record.dkimAligned, record.spfAligned);
      }
    }
    expect(seen).toContain(true);
    expect(seen).toContain(false);
  });

  // Values from small pools, so that results repeat between records, with forms that give warnings (unknown words,
  // invisible characters) and that need a raw value (upper case), and header_from values that align with some.
  const domain = fc.constantFrom(
    'example.com',
    'mail.example.com',
    'Example.COM',
    'other.example',
    'exa\u200bmple.com',
    '',
  );
  const result = fc.constantFrom('pass', 'fail', 'PASS', 'hardfail', 'bogus', '', 'softfail', 'none');
  const human = fc.constantFrom('', 'ok', 'signature verified');
  const dkimText = fc.record({
    domain,
    selector: fc.constantFrom('', 's1', 's\u202e2'),
    result,
    humanResult: human,
  });
  const spfText = fc.record({
    domain,
    scope: fc.constantFrom('', 'mfrom', 'helo', 'HELO'),
    result,
    humanResult: human,
  });
  const recordText: fc.Arbitrary<RecordText> = fc.record({
    sourceIp: fc.constantFrom('192.0.2.1', '2001:db8::1'),
    count: fc.constantFrom('1', '07', '300'),
    evaluated: fc.constant(true),
    disposition: fc.constantFrom('none', 'reject'),
    dkim: fc.constantFrom('pass', 'fail'),
    spf: fc.constantFrom('pass', 'fail'),
    reasons: fc.constant([]),
    headerFrom: fc.constantFrom('example.com', 'mail.example.com', 'other.example', 'EXAMPLE.com'),
    envelopeFrom: fc.constant(''),
    envelopeTo: fc.constant(''),
    dkimResults: fc.array(dkimText, { maxLength: 3 }),
    spfResults: fc.array(spfText, { maxLength: 2 }),
  });
  const policy = fc.record({ adkim: fc.constantFrom('r', 's', undefined), aspf: fc.constantFrom('r', 's', undefined) });

  it('give what interpreting each record on its own gives, on generated records', async () => {
    const kept = await freshInterpreter();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(recordText, policy), { minLength: 1, maxLength: 8 }), async (records) => {
        for (const [text, modes] of records) {
          const shared = interpret(kept, [text], modes);
          const alone = interpret(await freshInterpreter(), [text], modes);
          expect(shared).toStrictEqual(alone);
          const record = shared.records[0];
          if (record === undefined) continue;
          expect(record.dkimAligned).toBe(isDkimAligned(record.dkimResults, record.headerFrom, modes.adkim));
          expect(record.spfAligned).toBe(isSpfAligned(record.spfResults, record.headerFrom, modes.aspf));
        }
      }),
      { numRuns: 40 },
    );
  });
});
