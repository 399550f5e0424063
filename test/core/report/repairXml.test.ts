import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksDamaged, repairXml } from '../../../core/report/repairXml';
import { expectLinear, LINEAR_SIZES_FROM_256K, repeatTo } from '../../helpers/linearTime';

describe('repairXml — the damage real reports carry (docs/report-quirks.md)', () => {
  it('leaves well-formed XML alone', () => {
    const xml = '<a><b x="1">t &amp; u</b><c/><!-- note --></a>';
    expect(looksDamaged(xml)).toBe(false);
    expect(repairXml(xml)).toEqual({ xml, repairs: [] });
  });

  it('escapes an unescaped & (AT&T in an org name)', () => {
    const { xml, repairs } = repairXml('<org_name>AT&T</org_name>');
    expect(xml).toBe('<org_name>AT&amp;T</org_name>');
    expect(repairs).toEqual(['escaped 1 bare "&"']);
  });

  it('escapes <bad@host> inside <email> (parsedmarc invalid_xml.xml)', () => {
    const { xml } = repairXml('<email><bad-xml@bad-xml.net></email>');
    expect(new XMLParser().parse(xml)).toEqual({ email: '<bad-xml@bad-xml.net>' });
  });

  it('escapes a run of < (rsturla 03-invalid.xml: sturla.dev<<<)', () => {
    expect(new XMLParser().parse(repairXml('<domain>sturla.dev<<<</domain>').xml)).toEqual({ domain: 'sturla.dev<<<' });
  });

  it('closes an element whose end tag is missing where its parent closes (kimon malformed.xml)', () => {
    const { xml, repairs } = repairXml(
      '<feedback><report_metadata><org_name>t</org_name><policy_published/></feedback>',
    );
    expect(xml).toBe(
      '<feedback><report_metadata><org_name>t</org_name><policy_published/></report_metadata></feedback>',
    );
    expect(repairs.join()).toMatch(/report_metadata/);
  });

  it('drops a closing tag that closes nothing and closes what truncation left open', () => {
    const { xml } = repairXml('<a><b>1</b></c><d>2');
    expect(xml).toBe('<a><b>1</b><d>2</d></a>');
  });

  it('always produces well-formed XML from tag soup', () => {
    const piece = fc.constantFrom(
      '<a>',
      '</a>',
      '<b>',
      '</b>',
      '<c/>',
      'text',
      '&',
      '<',
      '>',
      '<x@y>',
      '&amp;',
      ' ',
      '<a x="1">',
      '</',
      '/>',
      '"',
      '=',
      '<!-- c -->',
      '<?pi?>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const { xml } = repairXml(`<root>${pieces.join('')}</root>`);
        expect(XMLValidator.validate(xml)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

// Each rule's worst case at up to 1 MB: repeated openers that never close, references, lone `<` and `&`. Every step of
// the damage check and the repair must stay linear (a report head repeating `<!-- >` once took minutes).
describe('repairXml and looksDamaged take linear time on each rule’s worst case', { retry: 2 }, () => {
  const damageAndRepair = (xml: string) => {
    looksDamaged(xml);
    return repairXml(xml);
  };
  const worstCases: Array<[rule: string, make: (size: number) => string, sizes?: readonly number[]]> = [
    ['bare "&" (escaped one by one)', (n) => repeatTo('&', n)],
    ['well-formed references (each checked where it stands, not searched past)', (n) => repeatTo('&amp;', n)],
    ['a reference name that never ends', (n) => `&${repeatTo('a', n - 1)}`],
    ['lone "<" (a run of them)', (n) => repeatTo('<', n)],
    ['"<" starting a name never closed by ">"', (n) => repeatTo('<a ', n)],
    ['"<" before a character names may not hold', (n) => repeatTo('<a@b ', n)],
    ['end tags with junk, never closed', (n) => repeatTo('</a x', n)],
    ['one start tag with a megabyte of attributes', (n) => `<a${repeatTo(' b="c"', n - 6)} x>`],
    // Tens of thousands of attribute strings: V8's cost per character still changes between 64 and 256 KB (11× seen
    // there once on a busy machine, 4–6× at every step from 256 KB on).
    ['start tags with attributes, never closed', (n) => repeatTo('<a b="c" ', n), LINEAR_SIZES_FROM_256K],
    ['unclosed comments', (n) => `<r>${repeatTo('<!-- >', n)}</r>`],
    ['unclosed processing instructions', (n) => `<r>${repeatTo('<? >', n)}</r>`],
    ['unclosed CDATA sections', (n) => `<r>${repeatTo('<![CDATA[ >', n)}</r>`],
    ['closed comments holding tags', (n) => `<r>${repeatTo('<!-- <a> -->', n)}</r>`],
    ['start tags left open to the end', (n) => repeatTo('<a>', n)],
    ['end tags that close nothing, under many open elements', (n) => '<a>'.repeat(n / 6) + '</b>'.repeat(n / 8)],
    ['end tags closing an element opened deep below', (n) => '<b>' + '<a>'.repeat(n / 6) + '</b>'.repeat(n / 8)],
  ];
  for (const [rule, make, sizes] of worstCases) {
    it(rule, () => expectLinear(rule, make, damageAndRepair, sizes));
  }

  it('balances tags exactly as the regular expression it replaced, on random soup and on each worst case', () => {
    const piece = fc.constantFrom(
      '<a>',
      '</a>',
      '<b>',
      '</b>',
      '<c/>',
      '<a />',
      '</a/>',
      '<a x="1">',
      '<a x=1>',
      '<a\u00a0x>',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '<?',
      '?>',
      '<!x>',
      '<',
      '>',
      '/',
      '&',
      'text',
      ' ',
      '<!-- <b> -->',
      '<x@y>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const soup = pieces.join('');
        expect(repairXml(soup)).toEqual(repairWithRegex(soup));
      }),
      { numRuns: 3000 },
    );
    for (const [, make] of worstCases) expect(repairXml(make(4096))).toEqual(repairWithRegex(make(4096)));
  });

  it('passes comments, CDATA and processing instructions through, closed or not', () => {
    // Closed ones are kept as they are; an unclosed one is text, so the tags after it still count.
    expect(repairXml('<a><!-- b --><![CDATA[ c ]]><?d e?></a>')).toEqual({
      xml: '<a><!-- b --><![CDATA[ c ]]><?d e?></a>',
      repairs: [],
    });
    expect(repairXml('<a><!-- > <b></a>').xml).toBe('<a><!-- > <b></b></a>');
    expect(repairXml('<a><? > <b></a>').xml).toBe('<a><? > <b></b></a>');
  });
});

/**
 * repairXml as it was written with regular expressions: a search to the end of the text for the terminator of every
 * unclosed comment, CDATA section or processing instruction, and a stack search per end tag. Kept as the reference the
 * linear scanner is held to.
 */
function repairWithRegex(xml: string): { xml: string; repairs: string[] } {
  const repairs: string[] = [];
  let ampersands = 0;
  let text = xml.replace(/&(?!(?:#\d+|#x[\da-fA-F]+|[A-Za-z_][\w.-]*);)/g, () => {
    ampersands++;
    return '&amp;';
  });
  if (ampersands) repairs.push(`escaped ${ampersands} bare "&"`);
  let lessThans = 0;
  text = text.replace(
    /<(?!\/?[A-Za-z_]|!--|!\[CDATA\[|\?)|<(?=\/?[A-Za-z_][\w.:-]*[^\w.:\-\s/>])|<(?=[^<>]*(?:<|$))/g,
    () => {
      lessThans++;
      return '&lt;';
    },
  );
  if (lessThans) repairs.push(`escaped ${lessThans} "<" that did not start a tag`);
  text = text.replace(/<\/([A-Za-z_][\w.:-]*)(?![\w.:-])\s*[^\s>][^<>]*>/g, '</$1>');
  text = text.replace(
    /<([A-Za-z_][\w.:-]*)(\s[^<>]*?)(\/?)>/g,
    (tag, name: string, attributes: string, selfClosing: string) =>
      /^(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/.test(attributes) ? tag : `<${name}${selfClosing}>`,
  );
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^<>]*?)?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;
  const out: string[] = [];
  const stack: string[] = [];
  let last = 0;
  const dropped = new Set<string>();
  const closed = new Set<string>();
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const name = m[2];
    if (name === undefined || m[3]) continue;
    if (!m[1]) {
      stack.push(name);
      continue;
    }
    const depth = stack.lastIndexOf(name);
    out.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (depth === -1) {
      dropped.add(name);
      continue;
    }
    while (stack.length - 1 > depth) {
      const open = stack.pop()!;
      closed.add(open);
      out.push(`</${open}>`);
    }
    stack.pop();
    out.push(m[0]);
  }
  out.push(text.slice(last));
  if (stack.length)
    repairs.push(`closed ${stack.length} element(s) left open at the end (${stack.slice(-3).join(', ')})`);
  while (stack.length) out.push(`</${stack.pop()}>`);
  if (dropped.size) repairs.push(`dropped closing tag(s) with no matching start: ${[...dropped].join(', ')}`);
  if (closed.size) repairs.push(`closed element(s) missing their end tag: ${[...closed].join(', ')}`);
  return { xml: out.join(''), repairs };
}
