// Records whose text between values is that of a record read before are read by that shape (readByShape) instead of
// tag by tag. Both ways must give the same record and end it at the same place: held to each other on every record of
// the fixture reports, on generated reports (one layout each, elements there or not, values of every kind) and on
// damaged copies of them, read one after another so that what was learned from a record is used on the next.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  plainRecordEnd,
  readByShapes,
  readPlainRecordAt,
  recordsReadByShape,
} from '../../../core/report/readPlainRecords';
import type { RecordText } from '../../../core/report/toAggregateReport';
import { mutated } from '../../helpers/mutated';
import { fixtureRecords } from './fixtureRecords';

/** Each record of `texts` read with shapes on or off, as the reader reads them: reused object copied at once. */
function readAll(texts: readonly string[], shapes: boolean, reuse: boolean): Array<[RecordText | undefined, number]> {
  readByShapes(shapes);
  return texts.map((text) => {
    const start = text.indexOf('<record');
    const record = readPlainRecordAt(text, start, reuse);
    return [record === undefined ? undefined : structuredClone(record), record === undefined ? -1 : plainRecordEnd()];
  });
}

function agree(texts: readonly string[]): number {
  for (const reuse of [true, false]) {
    const tagByTag = readAll(texts, false, reuse);
    const byShape = readAll(texts, true, reuse);
    expect(byShape).toStrictEqual(tagByTag);
  }
  return recordsReadByShape();
}

afterAll(() => readByShapes(true));

describe('records read by shape', () => {
  it('read every fixture record as tag by tag', () => {
    const records = fixtureRecords();
    // In the fixtures' order (reports one after another), and each record twice in a row: the second is read by shape.
    expect(agree(records)).toBeGreaterThan(records.length / 4);
    expect(agree(records.flatMap((r) => [r, r]))).toBeGreaterThan(records.length * 0.9);
  });

  /** Common values often; now and then one read otherwise (references, CDATA) or refused. */
  const value = fc.oneof(
    {
      weight: 40,
      arbitrary: fc.constantFrom('pass', 'fail', 'example.com', 'Mail.Example.COM.', '192.0.2.1', '2001:db8::1', '12'),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        ' 7 ',
        '',
        '  ',
        'a &amp; b',
        '&#65;&#x42;',
        '&bogus;',
        'a\r\nb',
        '\u00a0a\u00a0',
        '\u2028x\u000b',
        'verify result: all signatures verified',
        'x'.repeat(200),
        '<![CDATA[ 1.2.3.4 ]]>',
      ),
    },
  );
  /** A reporter's layout: what it writes between tags at each depth, and whether it writes attributes. */
  const layout = fc.record({
    gaps: fc.array(
      fc.oneof(
        { weight: 30, arbitrary: fc.constantFrom('', '\n', '\n  ', '\r\n\t', ' ', '<!-- c -->') },
        // Longer than a shape's text may be.
        { weight: 1, arbitrary: fc.constant(`<!-- ${'x'.repeat(5000)} -->`) },
      ),
      { minLength: 5, maxLength: 5 },
    ),
    attribute: fc.constantFrom('', ' a="1"', ' a="\u{1f600}"'),
    empty: fc.constantFrom('<x/>', '<x></x>', '<x />'),
  });
  type Layout = { gaps: string[]; attribute: string; empty: string };
  const leaf = (l: Layout, depth: number, name: string, v: string | undefined) =>
    v === undefined ? '' : `${l.gaps[depth]}<${name}>${v}</${name}>`;
  const group = (l: Layout, depth: number, name: string, inner: string[]) =>
    `${l.gaps[depth]}<${name}${depth === 1 ? l.attribute : ''}>${inner.join('')}${l.gaps[depth]}</${name}>`;
  const optional = fc.option(value, { nil: undefined, freq: 8 });
  /** Mostly `usual` elements, now and then from none to `most`: records of a report differ in shape now and then. */
  const some = <T>(item: fc.Arbitrary<T>, usual: number, most: number) =>
    fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { minLength: usual, maxLength: usual }) },
      { weight: 1, arbitrary: fc.array(item, { maxLength: most }) },
    );
  const recordOf = (l: Layout) =>
    fc
      .record({
        ip: value,
        count: value,
        disposition: optional,
        reasons: some(fc.tuple(optional, optional), 0, 2),
        headerFrom: value,
        envelopeFrom: optional,
        dkims: some(fc.tuple(value, optional, value, optional), 1, 3),
        spfs: some(fc.tuple(value, optional, value), 1, 2),
        evaluated: fc.oneof({ weight: 8, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      })
      .map((r) =>
        group(l, 0, 'record', [
          group(l, 1, 'row', [
            leaf(l, 2, 'source_ip', r.ip),
            leaf(l, 2, 'count', r.count),
            r.evaluated
              ? group(l, 2, 'policy_evaluated', [
                  leaf(l, 3, 'disposition', r.disposition),
                  ...r.reasons.map(([type, comment]) =>
                    group(l, 3, 'reason', [leaf(l, 4, 'type', type), leaf(l, 4, 'comment', comment)]),
                  ),
                ])
              : `${l.gaps[2]}${l.empty.replace('x', 'policy_evaluated')}`,
          ]),
          group(l, 1, 'identifiers', [
            leaf(l, 2, 'header_from', r.headerFrom),
            leaf(l, 2, 'envelope_from', r.envelopeFrom),
          ]),
          group(l, 1, 'auth_results', [
            ...r.dkims.map(([domain, selector, result, human]) =>
              group(l, 2, 'dkim', [
                leaf(l, 3, 'domain', domain),
                leaf(l, 3, 'selector', selector),
                leaf(l, 3, 'result', result),
                leaf(l, 3, 'human_result', human),
              ]),
            ),
            ...r.spfs.map(([domain, scope, result]) =>
              group(l, 2, 'spf', [
                leaf(l, 3, 'domain', domain),
                leaf(l, 3, 'scope', scope),
                leaf(l, 3, 'result', result),
              ]),
            ),
          ]),
        ]),
      );
  const report = layout.chain((l) => fc.array(recordOf(l), { minLength: 2, maxLength: 30 }));

  it('read generated records as tag by tag', () => {
    let byShape = 0;
    fc.assert(
      fc.property(report, (records) => {
        byShape += agree(records);
      }),
      { numRuns: 300 },
    );
    // Records of one layout repeat their shapes: many are read by one.
    expect(byShape).toBeGreaterThan(300);
  });

  it('read damaged records as tag by tag', () => {
    const damaged = report.chain((records) =>
      fc
        .array(
          mutated(fc.constantFrom(...records), ['<', '>', '/', '&', '</record>', '<record>', '<!--', ']]>', 'x']),
          {
            maxLength: 10,
          },
        )
        .map((bad) => [...records, ...bad, ...records]),
    );
    fc.assert(
      fc.property(damaged, (records) => {
        agree(records);
      }),
      { numRuns: 300 },
    );
  });
});
