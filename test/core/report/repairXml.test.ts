import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksDamaged, repairXml } from '../../../core/report/repairXml';

describe('repairXml — the damage real reports carry (dmarc.md)', () => {
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
    const { xml, repairs } = repairXml('<feedback><report_metadata><org_name>t</org_name><policy_published/></feedback>');
    expect(xml).toBe('<feedback><report_metadata><org_name>t</org_name><policy_published/></report_metadata></feedback>');
    expect(repairs.join()).toMatch(/report_metadata/);
  });

  it('drops a closing tag that closes nothing and closes what truncation left open', () => {
    const { xml } = repairXml('<a><b>1</b></c><d>2');
    expect(xml).toBe('<a><b>1</b><d>2</d></a>');
  });

  it('always produces well-formed XML from tag soup', () => {
    const piece = fc.constantFrom('<a>', '</a>', '<b>', '</b>', '<c/>', 'text', '&', '<', '>', '<x@y>', '&amp;', ' ', '<a x="1">', '</', '/>', '"', '=', '<!-- c -->', '<?pi?>');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const { xml } = repairXml(`<root>${pieces.join('')}</root>`);
        expect(XMLValidator.validate(xml)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
