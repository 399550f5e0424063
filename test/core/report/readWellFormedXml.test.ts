// The fast path for plain XML must build exactly what fast-xml-parser builds, or decline: checked on the XML of every
// fixture report (whole document, head, each record, record batches as the reader joins them) and on generated and
// mutated documents. Where it accepts, the damage check must agree that nothing needs repair.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { gunzipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { XML_PARSER_OPTIONS } from '../../../core/report/AggregateXmlReader';
import { readWellFormedXml } from '../../../core/report/readWellFormedXml';
import { looksDamaged } from '../../../core/report/repairXml';
import { FIXTURE_REPORTS } from '../../corpus/readManifest';
import { mutated } from '../../helpers/mutated';

const fxp = new XMLParser(XML_PARSER_OPTIONS);

/** Accepted → the same tree as fast-xml-parser and no damage; returns whether it was accepted. */
function agrees(xml: string): boolean {
  const fast = readWellFormedXml(xml);
  if (fast === undefined) return false;
  expect(fast, xml.slice(0, 300)).toStrictEqual(fxp.parse(xml));
  expect(looksDamaged(xml), xml.slice(0, 300)).toBe(false);
  return true;
}

function fixtureXml(): Array<{ name: string; xml: string }> {
  const out: Array<{ name: string; xml: string }> = [];
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  for (const dir of readdirSync(FIXTURE_REPORTS, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(`${FIXTURE_REPORTS}${dir.name}`, { recursive: true }) as string[]) {
      const path = `${FIXTURE_REPORTS}${dir.name}/${name}`;
      try {
        const bytes = new Uint8Array(readFileSync(path));
        if (name.endsWith('.xml')) out.push({ name, xml: decode(bytes) });
        else if (name.endsWith('.gz')) out.push({ name, xml: decode(gunzipSync(bytes)) });
        else if (name.endsWith('.zip')) {
          for (const [member, data] of Object.entries(unzipSync(bytes)))
            if (member.endsWith('.xml')) out.push({ name: `${name}/${member}`, xml: decode(data) });
        }
      } catch {
        // Directories, damaged archives: the corpus tests cover those.
      }
    }
  }
  return out.filter(({ xml }) => xml.includes('<feedback') || xml.includes(':feedback'));
}

describe('readWellFormedXml', () => {
  it('builds fast-xml-parser’s tree for the XML of every fixture report, or declines', () => {
    let pieces = 0;
    let accepted = 0;
    const fixtures = fixtureXml();
    // The .xml, .gz and .zip files (members) of test/fixtures/reports that hold a feedback element.
    expect(fixtures.length).toBe(70);
    for (const { xml } of fixtures) {
      const body = xml.slice(Math.max(0, xml.search(/<(?:\w+:)?feedback/)));
      const records = body.match(/<(?:\w+:)?record[\s>][\s\S]*?<\/(?:\w+:)?record\s*>/g) ?? [];
      const firstRecord = records[0] === undefined ? -1 : body.indexOf(records[0]);
      const head = firstRecord === -1 ? undefined : `${body.slice(0, firstRecord)}</feedback>`;
      for (const piece of [body, head, `<b>${records.join('')}</b>`, ...records.slice(0, 50)]) {
        if (piece === undefined) continue;
        pieces++;
        if (agrees(piece)) accepted++;
      }
    }
    // Real reports are plain XML: the fast path must be the path they take.
    expect(accepted / pieces).toBeGreaterThan(0.9);
  });

  it('declines what only the general path reads right', () => {
    for (const xml of [
      '<a>x<!-- note --></a>',
      '<a><![CDATA[x]]></a>',
      '<a>&#65;</a>',
      '<a>&nbsp;</a>',
      '<a>AT&T</a>',
      '<a>x<b/>y</a>',
      '<a><b></a></b>',
      '<a><b></a>',
      '<a></b>',
      'text<a/>',
      '<a><b>1</b></a>tail',
      '<?xml version="1.0"?><a/>',
      '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
      '<a><__proto__>1</__proto__></a>',
      '<a><constructor>1</constructor></a>',
      '<a x="<">1</a>',
      '<a:b:c>1</a:b:c>',
      '<a y="2>">1</a>',
      '<a><mail>user <bad@example.com></mail></a>',
      // A line end inside a value: fast-xml-parser reads it as a line feed (checked below).
      '<a><comment>line one\r\nline two</comment></a>',
      '<a><comment>x\ry</comment></a>',
      '',
      'no markup',
    ]) {
      expect(readWellFormedXml(xml), xml).toBeUndefined();
    }
    expect(fxp.parse('<a><comment>line one\r\nline two</comment></a>')).toStrictEqual({
      a: { comment: 'line one\nline two' },
    });
    expect(agrees('<a><comment>\r\n 1 \r\n</comment>\r\n</a>')).toBe(true);
  });

  it('reads namespaces, attributes, empty and repeated elements and the predefined entities as fast-xml-parser does', () => {
    for (const xml of [
      '<feedback xmlns="urn:ietf:params:xml:ns:dmarc-2.0"><report_metadata><org_name>A &amp; B &lt;x&gt; &quot;q&quot; &apos;</org_name></report_metadata></feedback>',
      '<dmarc:feedback xmlns:dmarc="urn:x"><dmarc:record><dmarc:row><dmarc:count>1</dmarc:count></dmarc:row></dmarc:record></dmarc:feedback>',
      '<a><b/><b></b><b x=\'1\' y="2"> t </b><c>\n  </c></a>',
      '<b><record><x>1</x></record>\n<record><x>2</x></record><record><x>3</x></record></b>',
      '<a>\u00a0padded\u00a0</a>',
      '<a>\r\nline\r\n</a>',
    ]) {
      expect(agrees(xml), xml).toBe(true);
    }
  });

  const name = fc.constantFrom('a', 'b', 'record', 'row', 'x:c', 'dmarc:row', '_d', 'e.f', 'g-h');
  const text = fc
    .array(
      fc.constantFrom(
        'x',
        ' ',
        '\n',
        '\t',
        '\u00a0',
        '&amp;',
        '&lt;',
        '&gt;',
        '&quot;',
        '&apos;',
        '&',
        '<',
        '>',
        '"',
        "'",
        'é',
        '1',
        '&#32;',
        ';',
      ),
      {
        maxLength: 8,
      },
    )
    .map((parts) => parts.join(''));
  const attributes = fc.constantFrom('', ' id="1"', " xmlns:x='urn:y'", ' a="x>y"', ' b', '  ');
  const leaf = fc.oneof(
    fc.tuple(name, attributes, text).map(([n, a, t]) => `<${n}${a}>${t}</${n}>`),
    fc.tuple(name, attributes).map(([n, a]) => `<${n}${a}/>`),
  );
  const element: fc.Memo<string> = fc.memo((depth) =>
    depth <= 1
      ? leaf
      : fc.oneof(
          leaf,
          fc
            .tuple(name, attributes, fc.array(element(depth - 1), { maxLength: 4 }), fc.constantFrom('', '\n  ', ' '))
            .map(([n, a, kids, ws]) => `<${n}${a}>${kids.map((k) => ws + k).join('')}${ws}</${n}>`),
        ),
  );

  it('agrees with fast-xml-parser on generated documents', () => {
    let accepted = 0;
    fc.assert(
      fc.property(element(4), (xml) => {
        if (agrees(xml)) accepted++;
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('agrees with fast-xml-parser on mutated documents', () => {
    fc.assert(
      fc.property(mutated(element(3), ['<', '>', '/', '&', '"', '!', '?', 'x', ' ', '</a>', '<a>']), (xml) => {
        agrees(xml);
      }),
      { numRuns: 5000 },
    );
  });
});
