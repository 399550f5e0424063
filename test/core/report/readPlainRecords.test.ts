// Records read straight from the text must be what the tree path reads from them (fast-xml-parser's tree, then
// recordTextOf), or declined: checked on every record of every fixture report, on generated records of the plain shape
// and on mutated ones (misspelt, repeated, reordered, attributes, references, damage).
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { XML_PARSER_OPTIONS } from '../../../core/report/AggregateXmlReader';
import { readPlainBatch, readPlainRecords } from '../../../core/report/readPlainRecords';
import { children, child, recordTextOf, type RecordText, type XmlNode } from '../../../core/report/toAggregateReport';
import { mutated } from '../../helpers/mutated';
import { fixtureRecords } from './fixtureRecords';

const fxp = new XMLParser(XML_PARSER_OPTIONS);

/** What the tree path reads from a batch of records. */
function throughTree(xml: string): RecordText[] {
  const tree = fxp.parse(`<b>${xml}</b>`) as XmlNode;
  return children(child(tree, 'b'), 'record').map(recordTextOf);
}

/** Accepted → the same as the tree path; returns whether it was accepted. */
function agrees(xml: string): boolean {
  const plain = readPlainRecords(xml);
  if (plain === undefined) return false;
  expect(plain, xml.slice(0, 400)).toStrictEqual(throughTree(xml));
  return true;
}

describe('readPlainRecords', () => {
  it('reads every record of the fixture reports as the tree path does, or declines', () => {
    const records = fixtureRecords();
    // Every record element of those files.
    expect(records.length).toBe(3259);
    let accepted = 0;
    for (const record of records) if (agrees(record)) accepted++;
    // Real records are of the plain shape: this must be the path they take.
    expect(accepted / records.length).toBeGreaterThan(0.95);
    // A batch is read whole or declined whole.
    expect(agrees(records.slice(0, 200).join(''))).toBe(
      records.slice(0, 200).every((r) => readPlainRecords(r) !== undefined),
    );
  });

  it('reads empty, self-closing and repeated elements as the tree path does', () => {
    for (const xml of [
      '<record><row/><identifiers/><auth_results/></record>',
      '<record/>',
      '<record><row><source_ip> 192.0.2.1 </source_ip><count>3</count><policy_evaluated/></row></record>',
      '<record><row><policy_evaluated><reason/><reason><type>forwarded</type><comment/></reason></policy_evaluated></row></record>',
      '<record><auth_results><spf><domain>a.example</domain></spf><dkim/><dkim><selector>s</selector></dkim><spf><scope>mfrom</scope></spf></auth_results></record>',
      '<record>\r\n <identifiers>\n\t<envelope_to>x.example</envelope_to><header_from>X.example</header_from></identifiers></record>\n<record></record>',
      '<record><row><count>a>b</count></row></record>',
      '',
      // What real reports also hold: attributes, references, comments between elements, CDATA, blanks in end tags.
      '<record id="1"><row/></record>',
      '<record xmlns:x="urn:x" ><row><source_ip a=\'1\' b="2">192.0.2.1</source_ip><count x="y"/></row></record>',
      '<record><row><count>1 &amp; 2</count></row></record>',
      '<record><auth_results><dkim><human_result> &lt;a&gt; &quot;b&quot; &apos;c&apos; &amp;lt; </human_result></dkim></auth_results></record>',
      '<record><auth_results><dkim><human_result>&#65;&#x42;&#x1F600;&#233;&#0065;&#160;x</human_result></dkim></auth_results></record>',
      '<record><auth_results><dkim><human_result>&#32;x&#32;&amp;#65;&#160;</human_result></dkim></auth_results></record>',
      '<record><row><count><![CDATA[1]]></count></row></record>',
      '<record><row><source_ip>\n  <![CDATA[ 192.0.2.1 &amp; ]]>\n</source_ip></row></record>',
      '<record><row><count>1</count ></row></record ><!-- after -->',
      '<!-- before --><record><!-- a --><row><!-- b --><count>1</count><!-- c --></row>\r\n<!-- d --></record>',
      '<record><row><count>1\r\n</count></row></record>',
      '  \n',
    ]) {
      expect(agrees(xml), xml).toBe(true);
    }
  });

  it('declines what it does not read itself', () => {
    for (const xml of [
      '<record><identities><header_from>a</header_from></identities></record>',
      '<record><auth_results><diskim><domain>a</domain></diskim></auth_results></record>',
      '<record><row><policy_evaluated><diskim>pass</diskim></policy_evaluated></row></record>',
      '<record><policy_evaluated><dkim>pass</dkim></policy_evaluated></record>',
      '<record><extension><x>1</x></extension></record>',
      '<record><row><source_ip>1</source_ip><source_ip>2</source_ip></row></record>',
      '<record><row/><row/></record>',
      '<dmarc:record><row/></dmarc:record>',
      '<record><row><count><!-- x -->1</count></row></record>',
      '<record><row><count>1<!-- x --></count></row></record>',
      '<record><row><count>1<![CDATA[2]]></count></row></record>',
      '<record><row><count><![CDATA[1]]><![CDATA[2]]></count></row></record>',
      '<record><row><count><![CDATA[1\r\n2]]></count></row></record>',
      '<record><row><count>1 &nbsp;</count></row></record>',
      '<record><row><count>&#1;</count></row></record>',
      '<record><row><count>&#xD800;</count></row></record>',
      '<record><row><count>&#1114112;</count></row></record>',
      '<record><row><count>&#65</count></row></record>',
      '<record><row><count>a\r\nb</count></row></record>',
      '<record><row><count x="&amp;">1</count></row></record>',
      '<record><!-- open <row/></record>',
      '<record><row>text<count>1</count></row></record>',
      '<record><row><count>1</row></record>',
      '<record><auth_results><spf><selector>s</selector></spf></auth_results></record>',
      '<record><auth_results><dkim><scope>mfrom</scope></dkim></auth_results></record>',
      '<record><auth_results><dkim><domain>a</domain><domain>b</domain></dkim></auth_results></record>',
      '<record><row><policy_evaluated><reason><type>a</type><type>b</type></reason></policy_evaluated></row></record>',
      '<record><Row/></record>',
      '<record><row/>',
      '<row/>',
      'x<record/>',
    ]) {
      expect(readPlainRecords(xml), xml).toBeUndefined();
    }
  });

  const word = fc.constantFrom(
    'pass',
    'fail',
    'none',
    'Pass',
    ' softfail ',
    '',
    'example.com',
    'MAIL.Example.ORG.',
    '192.0.2.1',
    '2001:db8::1',
    '12',
    '1.0',
    'x>y',
    'é',
    '\u00a0a\u00a0',
  );
  const blank = fc.constantFrom('', '', '\n', '\n    ', ' ', '\r\n\t');
  /** An element in one of the forms a reporter may write it, including some this reader declines. */
  const leaf = (name: string) =>
    fc
      .tuple(word, blank, fc.constantFrom('plain', 'plain', 'plain', 'plain', 'empty', 'attribute', 'reference'))
      .map(([value, ws, form]) => {
        if (form === 'empty') return `${ws}<${name}/>`;
        if (form === 'attribute') return `${ws}<${name} x="1">${value}</${name}>`;
        if (form === 'reference') return `${ws}<${name}>${value}&amp;</${name}>`;
        return `${ws}<${name}>${value}</${name}>`;
      });
  const some = (parts: Array<fc.Arbitrary<string>>) =>
    fc.tuple(...parts.map((p) => fc.option(p, { freq: 4 }))).chain((chosen) =>
      fc
        .shuffledSubarray(
          chosen.filter((c): c is string => c !== null),
          { minLength: 0 },
        )
        .map((xs) => xs.join('')),
    );
  const container = (name: string, parts: Array<fc.Arbitrary<string>>) =>
    fc.tuple(some(parts), blank).map(([inner, ws]) => `${ws}<${name}>${inner}${ws}</${name}>`);
  const reason = container('reason', [leaf('type'), leaf('comment')]);
  const evaluated = container('policy_evaluated', [
    leaf('disposition'),
    leaf('dkim'),
    leaf('spf'),
    reason,
    reason,
    leaf('diskim'),
  ]);
  const row = container('row', [leaf('source_ip'), leaf('count'), evaluated]);
  const dkim = container('dkim', [
    leaf('domain'),
    leaf('selector'),
    leaf('result'),
    leaf('human_result'),
    leaf('scope'),
  ]);
  const spf = container('spf', [leaf('domain'), leaf('scope'), leaf('result'), leaf('human_result'), leaf('selector')]);
  const auth = container('auth_results', [dkim, dkim, spf, spf, container('diskim', [leaf('domain')])]);
  const identifiers = container('identifiers', [leaf('header_from'), leaf('envelope_from'), leaf('envelope_to')]);
  const record = container('record', [
    row,
    identifiers,
    auth,
    container('identities', [leaf('header_from')]),
    leaf('extension'),
    evaluated,
  ]);
  const batch = fc.array(record, { minLength: 1, maxLength: 4 }).map((records) => records.join(''));

  it('agrees with the tree path on generated records', () => {
    let accepted = 0;
    fc.assert(
      fc.property(batch, (xml) => {
        if (agrees(xml)) accepted++;
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('reads values that share a table slot as the tree path does', () => {
    // The reader finds values read before by their length and first, middle and last two characters: these share all
    // of those and differ elsewhere (one by a reference of the same length), so each is found in the other's slot.
    const values = fc.constantFrom(
      'ab&amp;cd',
      'abXamp;cd',
      'abYamp;cd',
      'mail0.example.com',
      'mailA.example.com',
      'maXl0.example.com',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(values, values, values), { minLength: 1, maxLength: 6 }), (records) => {
        const xml = records
          .map(
            ([from, domain, selector]) =>
              `<record><identifiers><header_from>${from}</header_from></identifiers><auth_results><dkim><domain>${domain}</domain><selector>${selector}</selector></dkim></auth_results></record>`,
          )
          .join('\n');
        expect(agrees(xml), xml).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the tree path on mutated records', () => {
    fc.assert(
      fc.property(mutated(batch, ['<', '>', '/', '&', '!', 'x', ' ', '</row>', '<row>', '<count>1</count>']), (xml) => {
        // fast-xml-parser throws on some damage; this reader must then decline.
        let tree: RecordText[] | undefined;
        try {
          tree = throughTree(xml);
        } catch {
          expect(readPlainRecords(xml), xml).toBeUndefined();
          return;
        }
        const plain = readPlainRecords(xml);
        if (plain !== undefined) expect(plain, xml).toStrictEqual(tree);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('readPlainBatch', () => {
  /** Each record of a batch read alone: what the tree path reads from it, or undefined where it declines. */
  function perRecord(records: string[]): Array<RecordText | undefined> {
    return readPlainBatch(
      records.join(''),
      records.map((r) => r.length),
    );
  }

  it('declines only the records it does not read, reading the others of the batch', () => {
    const plainRecord = (ip: string) =>
      `<record><row><source_ip>${ip}</source_ip><count>2</count></row><identifiers><header_from>example.com</header_from></identifiers></record>\n`;
    const records = [
      plainRecord('192.0.2.1'),
      '<record><row><source_ip>192.0.2.2</source_ip><count>3</count></row><extension><x>1</x></extension></record>\n',
      plainRecord('192.0.2.3'),
      '<record><row><source_ip>192.0.2.4</source_ip><count>1</count></row><row/></record>',
      plainRecord('2001:db8::5'),
    ];
    const read = perRecord(records);
    expect(read.map((r) => r?.sourceIp)).toEqual(['192.0.2.1', undefined, '192.0.2.3', undefined, '2001:db8::5']);
    expect(read[2]).toStrictEqual(throughTree(records[2]!)[0]);
    // A length that does not end where the record does declines that record only.
    expect(
      readPlainBatch(records[0]! + records[2]!, [records[0]!.length - 2, records[2]!.length + 2]).map((r) => r?.count),
    ).toEqual([undefined, undefined]);
  });

  // Values and blanks as real reports write them, including forms the reader declines (control characters, HTML
  // entities, text around a CDATA section or a comment inside a value).
  const value = fc.oneof(
    {
      weight: 100,
      arbitrary: fc.constantFrom(
        'pass',
        'example.com',
        '192.0.2.1',
        '2001:db8::1',
        '12',
        ' 7 ',
        'a &amp; b',
        '&lt;bounces&gt;',
        '&quot;list&quot; &apos;x&apos;',
        '&amp;lt;',
        '&#65;&#x42;',
        '&#x1F600; &#233;',
        '&#32;y&#32;',
        '&#160;',
        'é',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('&#1;', '&#x9F;', '&nbsp;', '&#65', 'a & b', 'a\r\nb'),
    },
  );
  const gap = fc.constantFrom('', '', '\n    ', '\r\n  ', '\t', '<!-- c -->', '\n<!-- a <b> -->\n', '<!---->');
  const leaf = (name: string) =>
    fc
      .tuple(
        value,
        gap,
        fc.oneof(
          {
            weight: 100,
            arbitrary: fc.constantFrom(
              'plain',
              'plain',
              'plain',
              'cdata',
              'cdata-blanks',
              'attribute',
              'end-blank',
              'empty',
            ),
          },
          // A comment inside a value: declined.
          { weight: 1, arbitrary: fc.constant('comment') },
        ),
      )
      .map(([v, ws, form]) => {
        switch (form) {
          case 'cdata':
            return `${ws}<${name}><![CDATA[${v}]]></${name}>`;
          case 'cdata-blanks':
            return `${ws}<${name}>\n  <![CDATA[${v}]]>  </${name}>`;
          case 'comment':
            return `${ws}<${name}>${v}<!-- note --></${name}>`;
          case 'attribute':
            return `${ws}<${name} kind="x" other='y'>${v}</${name}>`;
          case 'end-blank':
            return `${ws}<${name}>${v}</${name}\n>`;
          case 'empty':
            return `${ws}<${name} />`;
          default:
            return `${ws}<${name}>${v}</${name}>`;
        }
      });
  const group = (name: string, parts: Array<fc.Arbitrary<string>>) =>
    fc
      .tuple(fc.tuple(...parts), gap, fc.boolean())
      .map(([inner, ws, attribute]) => `${ws}<${name}${attribute ? ' a="1"' : ''}>${inner.join('')}${ws}</${name}>`);
  const reason = group('reason', [leaf('type'), leaf('comment')]);
  const record = group('record', [
    group('row', [
      leaf('source_ip'),
      leaf('count'),
      group('policy_evaluated', [leaf('disposition'), leaf('dkim'), leaf('spf'), reason, reason]),
    ]),
    group('identifiers', [leaf('envelope_to'), leaf('header_from'), leaf('envelope_from')]),
    group('auth_results', [
      group('dkim', [leaf('domain'), leaf('selector'), leaf('result'), leaf('human_result')]),
      group('dkim', [leaf('domain'), leaf('result')]),
      group('spf', [leaf('domain'), leaf('scope'), leaf('result')]),
    ]),
  ]);

  it('reads entities, character references, CDATA, comments and attributes as the tree path does, record by record', () => {
    let accepted = 0;
    let declined = 0;
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), (records) => {
        const read = perRecord(records);
        records.forEach((one, n) => {
          const tree = throughTree(one);
          expect(tree).toHaveLength(1);
          if (read[n] === undefined) declined++;
          else {
            accepted++;
            expect(read[n], one).toStrictEqual(tree[0]);
          }
        });
      }),
      { numRuns: 1500 },
    );
    // Both kinds occur: the variations exercise the reading and the declining.
    expect(accepted).toBeGreaterThan(50);
    expect(declined).toBeGreaterThan(50);
  });
});
