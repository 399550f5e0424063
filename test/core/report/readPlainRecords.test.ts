// Records read straight from the text must be what the tree path reads from them (fast-xml-parser's tree, then
// recordTextOf), or declined: checked on every record of every fixture report, on generated records of the plain shape
// and on mutated ones (misspelt, repeated, reordered, attributes, references, damage).
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { gunzipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { XML_PARSER_OPTIONS } from '../../../core/report/AggregateXmlReader';
import { readPlainRecords } from '../../../core/report/readPlainRecords';
import { children, child, recordTextOf, type RecordText, type XmlNode } from '../../../core/report/toAggregateReport';
import { FIXTURE_REPORTS } from '../../corpus/readManifest';
import { mutated } from '../../helpers/mutated';

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

function fixtureRecords(): string[] {
  const out: string[] = [];
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  for (const dir of readdirSync(FIXTURE_REPORTS, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(`${FIXTURE_REPORTS}${dir.name}`, { recursive: true }) as string[]) {
      const path = `${FIXTURE_REPORTS}${dir.name}/${name}`;
      const texts: string[] = [];
      try {
        const bytes = new Uint8Array(readFileSync(path));
        if (name.endsWith('.xml')) texts.push(decode(bytes));
        else if (name.endsWith('.gz')) texts.push(decode(gunzipSync(bytes)));
        else if (name.endsWith('.zip')) {
          for (const [member, data] of Object.entries(unzipSync(bytes)))
            if (member.endsWith('.xml')) texts.push(decode(data));
        }
      } catch {
        // Directories, damaged archives: the corpus tests cover those.
      }
      for (const text of texts) out.push(...(text.match(/<(?:\w+:)?record[\s>][\s\S]*?<\/(?:\w+:)?record\s*>/g) ?? []));
    }
  }
  return out;
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
      '<record id="1"><row/></record>',
      '<dmarc:record><row/></dmarc:record>',
      '<record><row><count>1 &amp; 2</count></row></record>',
      '<record><row><count><!-- x -->1</count></row></record>',
      '<record><row><count><![CDATA[1]]></count></row></record>',
      '<record><row>text<count>1</count></row></record>',
      '<record><row><count>1</count ></row></record>',
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
