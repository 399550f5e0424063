// The aggregate reader reads records of the plain shape where they stand in its buffer (readPlainRecordAt) instead of
// cutting each out at the first `</record>` after its start (findTag) and reading the piece. The two must agree: the
// record read in place ends where findTag finds its end, and is what the plain reader or the tree path reads from the
// piece; what it declines goes the old way. And whatever the chunks the text arrives in, the reports are the same.
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { XML_PARSER_OPTIONS } from '../../../core/report/AggregateXmlReader';
import { findTag } from '../../../core/report/findTag';
import { parseReport, parseReportStream } from '../../../core/report/parseReport';
import { plainRecordEnd, readPlainRecordAt, readPlainRecords } from '../../../core/report/readPlainRecords';
import { children, child, recordTextOf, type RecordText, type XmlNode } from '../../../core/report/toAggregateReport';
import { mutated } from '../../helpers/mutated';
import { parseOneAggregate, recordXml, reportXml, utf8 } from '../../helpers/reportXml';

const fxp = new XMLParser(XML_PARSER_OPTIONS);

/** What the tree path reads from a piece: nothing when fast-xml-parser refuses it (as the reader's own parse does). */
function throughTree(xml: string): RecordText[] {
  try {
    const tree = fxp.parse(`<b>${xml}</b>`) as XmlNode;
    return children(child(tree, 'b'), 'record').map(recordTextOf);
  } catch {
    return [];
  }
}

/** Records as the reader read them before: each cut out up to the first end tag after its start, then read alone. */
function cutOut(xml: string): RecordText[] {
  const out: RecordText[] = [];
  for (let pos = 0; ;) {
    const start = findTag(xml, 'record', pos, 'start');
    const end = start && findTag(xml, 'record', start.index, 'end');
    if (!start || !end) return out;
    const piece = xml.slice(start.index, end.end);
    out.push(...(readPlainRecords(piece) ?? throughTree(piece)));
    pos = end.end;
  }
}

/** Records as the reader reads them now: in place where it can, cut out where it declines. */
function inPlace(xml: string): { records: RecordText[]; read: number } {
  const records: RecordText[] = [];
  let read = 0;
  for (let pos = 0; ;) {
    const start = findTag(xml, 'record', pos, 'start');
    const end = start && findTag(xml, 'record', start.index, 'end');
    if (!start || !end) return { records, read };
    const record = readPlainRecordAt(xml, start.index);
    if (record !== undefined) {
      read++;
      expect(plainRecordEnd(), xml).toBe(end.end);
      records.push(record);
    } else {
      const piece = xml.slice(start.index, end.end);
      records.push(...(readPlainRecords(piece) ?? throughTree(piece)));
    }
    pos = end.end;
  }
}

describe('records read in place', () => {
  /** Common forms often, and now and then one the reader declines or that moves where the record is cut. */
  const oftenOrRarely = (often: string[], rarely: string[]) =>
    fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...often) },
      { weight: 1, arbitrary: fc.constantFrom(...rarely) },
    );
  const value = oftenOrRarely(
    [
      'pass',
      'example.com',
      'Mail.Example.COM.',
      '192.0.2.1',
      '2001:db8::1',
      '12',
      ' 7 ',
      'a &amp; b',
      '&#65;&#x42;',
      '\u00a0a\u00a0',
      '\u2028x\u000b',
      'verify result: all signatures verified',
      'x'.repeat(200),
      '<![CDATA[ 1.2.3.4 ]]>',
    ],
    ['<![CDATA[ </record> ]]>', '<![CDATA[ a</b ]]>'],
  );
  const gap = oftenOrRarely(['', '\n  ', '\r\n\t', '<!-- c -->', '<!---->'], ['<!-- </record> -->', '<!-- a </b> -->']);
  const leaf = (name: string) =>
    fc
      .tuple(value, gap, fc.constantFrom('plain', 'plain', 'plain', 'attribute', 'empty'))
      .map(([v, ws, form]) =>
        form === 'empty'
          ? `${ws}<${name}/>`
          : form === 'attribute'
            ? `${ws}<${name} a="1">${v}</${name}>`
            : `${ws}<${name}>${v}</${name}>`,
      );
  const group = (name: string, parts: Array<fc.Arbitrary<string>>) =>
    fc.tuple(fc.tuple(...parts), gap).map(([inner, ws]) => `${ws}<${name}>${inner.join('')}${ws}</${name}>`);
  const record = fc.oneof(
    {
      weight: 20,
      arbitrary: group('record', [
        group('row', [
          leaf('source_ip'),
          leaf('count'),
          group('policy_evaluated', [leaf('disposition'), leaf('dkim'), leaf('spf')]),
        ]),
        group('identifiers', [leaf('header_from'), leaf('envelope_from')]),
        group('auth_results', [
          group('dkim', [leaf('domain'), leaf('selector'), leaf('result'), leaf('human_result')]),
          group('spf', [leaf('domain'), leaf('scope'), leaf('result')]),
        ]),
      ]),
    },
    { weight: 1, arbitrary: fc.constantFrom('<record/>', '<record />', '<record><row/></record >') },
  );
  const records = fc.array(fc.tuple(record, gap), { minLength: 1, maxLength: 5 }).map((rs) => rs.flat().join(''));

  it('end where the record cut out ends and read what it reads, on generated records', () => {
    let read = 0;
    fc.assert(
      fc.property(records, (xml) => {
        const now = inPlace(xml);
        read += now.read;
        expect(now.records, xml).toStrictEqual(cutOut(xml));
      }),
      { numRuns: 1000 },
    );
    // Most generated records are of the plain shape and read in place.
    expect(read).toBeGreaterThan(500);
  });

  it('end where the record cut out ends and read what it reads, on damaged records', () => {
    fc.assert(
      fc.property(mutated(records, ['<', '>', '/', '</record>', '<record>', '<!--', '-->', ']]>', 'x']), (xml) => {
        expect(inPlace(xml).records, xml).toStrictEqual(cutOut(xml));
      }),
      { numRuns: 1500 },
    );
  });

  it('declines a comment or CDATA holding `</`, which may be where the record was cut', () => {
    const ok = recordXml({ ip: '192.0.2.1' });
    expect(readPlainRecordAt(ok, 0)?.sourceIp).toBe('192.0.2.1');
    expect(plainRecordEnd()).toBe(ok.length);
    for (const xml of [
      ok.replace('<row>', '<row><!-- </record> -->'),
      ok.replace('<row>', '<row><!-- a</b -->'),
      ok.replace('192.0.2.1', '<![CDATA[</record>]]>'),
      '<record/>',
      ok.slice(0, -1),
      ok.slice(0, ok.indexOf('</count>') + 3),
    ]) {
      expect(readPlainRecordAt(xml, 0), xml).toBeUndefined();
    }
  });
});

describe('reports streamed in chunks of any size', () => {
  async function* chunksOf(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
    for (let at = 0, n = 0; at < bytes.length; n++) {
      const size = sizes[n % sizes.length]!;
      yield await Promise.resolve(bytes.subarray(at, at + size));
      at += size;
    }
  }

  const documents = [0, 1, 2].map((n) =>
    reportXml({
      metadata: `<org_name>Receiver ${n}</org_name><email>dmarc@receiver.example</email><report_id>r-${n}</report_id><date_range><begin>1700000000</begin><end>1700086399</end></date_range>`,
      records: [1, 2, 3, 4].map((m) => recordXml({ ip: `192.0.2.${10 * n + m}`, count: m })),
    }),
  );
  const pasted = utf8(documents.join('\n'));

  it('reads reports pasted together from chunks of a few bytes as from the whole file', async () => {
    const whole = await parseReport(pasted, { fileName: 'pasted.xml' });
    expect(whole.ok && whole.reports.map((r) => r.report.kind === 'aggregate' && r.report.records.length)).toEqual([
      4, 4, 4,
    ]);
    // An end tag split over several chunks was missed while waiting for a record's end: records ran together.
    for (const sizes of [[3], [1, 2, 5], [7], [64, 1]]) {
      expect(await parseReportStream(chunksOf(pasted, sizes), { fileName: 'pasted.xml' }), String(sizes)).toEqual(
        whole,
      );
    }
  });

  it('reads generated reports from chunks of random sizes as from the whole file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 5 }), async (sizes) => {
        const whole = await parseReport(pasted, { fileName: 'pasted.xml' });
        expect(await parseReportStream(chunksOf(pasted, sizes), { fileName: 'pasted.xml' })).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});

describe('records interpreted as they are read', () => {
  const record = (ip: string, disposition: string, extra = ''): string =>
    recordXml({
      ip,
      disposition,
      extra,
      authResults:
        ip === '192.0.2.1'
          ? '<dkim><domain>a.example</domain><selector>s1</selector><result>pass</result></dkim><dkim><domain>b.example</domain><result>fail</result><human_result>x</human_result></dkim>'
          : ip === '192.0.2.2'
            ? '<spf><domain>example.com</domain><result>pass</result></spf>'
            : '<dkim><domain>c.example</domain><result>pass</result></dkim>',
    });

  it('get results and reasons of their own, however many the record before had', async () => {
    const { report } = await parseOneAggregate(
      reportXml({
        records: [
          record('192.0.2.1', 'none').replace(
            '</policy_evaluated>',
            '<reason><type>forwarded</type></reason><reason><type>other</type><comment>c</comment></reason></policy_evaluated>',
          ),
          record('192.0.2.2', 'none'),
          record('192.0.2.3', 'none'),
        ],
      }),
    );
    expect(report.records.map((r) => [r.reasons, r.dkimResults, r.spfResults])).toEqual([
      [
        [{ type: 'forwarded' }, { type: 'other', comment: 'c' }],
        [
          { domain: 'a.example', result: 'pass', selector: 's1' },
          { domain: 'b.example', result: 'fail', humanResult: 'x' },
        ],
        [],
      ],
      [[], [], [{ domain: 'example.com', result: 'pass' }]],
      [[], [{ domain: 'c.example', result: 'pass' }], []],
    ]);
  });

  it('warn in the order the whole batch gives: its tree parse first, then record by record', async () => {
    const { report, warnings } = await parseOneAggregate(
      reportXml({
        records: [
          record('192.0.2.1', 'bogus'),
          // Damaged: only the tree path reads it, after a repair.
          record('192.0.2.2', 'none', '<row><count>2</count>'),
          record('192.0.2.3', 'weird'),
        ],
      }),
    );
    expect(report.records.map((r) => r.sourceIp)).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3']);
    expect(warnings).toEqual([
      'repaired malformed XML in records: closed element(s) missing their end tag: row',
      'unknown disposition value "bogus" read as "none"',
      'unknown disposition value "weird" read as "none"',
    ]);
  });
});
