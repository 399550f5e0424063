// One scan's attachments across selector layers: what an earlier layer found, or anything inside or around it, is not
// found again by a later one; elements beside it are. The DOM is linkedom's, shaped like an Outlook attachment well.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { FoundAttachments } from '../../../extension/webmail/foundAttachments';

const { document } = parseHTML(`<!doctype html><html><body>
  <div id="well">
    <div id="tile-1" role="listitem"><span id="name-1" title="usssa.com!example.com!1538784000!1538870399.xml">usssa.com!example.com!1538784000!1538870399.xml</span></div>
    <div id="tile-2" role="listitem"><span id="name-2">enterprise.protection.outlook.com!lolei.uk!1754524800!1754611200.xml</span></div>
  </div>
  <p id="body">The report is attached.</p>
</body></html>`);

const byId = (id: string) => document.getElementById(id) as unknown as HTMLElement;

describe('FoundAttachments', () => {
  it('keeps what each layer found, in order, with its name and layer', () => {
    const found = new FoundAttachments();
    found.add(byId('tile-1'), 'usssa.com!example.com!1538784000!1538870399.xml', 'precise');
    found.add(byId('name-2'), 'enterprise.protection.outlook.com!lolei.uk!1754524800!1754611200.xml', 'text');
    expect(found.all.map((f) => [f.element.id, f.fileName, f.layer])).toEqual([
      ['tile-1', 'usssa.com!example.com!1538784000!1538870399.xml', 'precise'],
      ['name-2', 'enterprise.protection.outlook.com!lolei.uk!1754524800!1754611200.xml', 'text'],
    ]);
  });

  it('has an element found, anything inside it, and anything around it; not its neighbours', () => {
    const found = new FoundAttachments();
    expect(found.has(byId('tile-1'))).toBe(false);
    found.add(byId('tile-1'), 'usssa.com!example.com!1538784000!1538870399.xml', 'precise');
    const has = (id: string) => [id, found.has(byId(id))];
    expect(['tile-1', 'name-1', 'well', 'tile-2', 'name-2', 'body'].map(has)).toEqual([
      ['tile-1', true],
      ['name-1', true],
      ['well', true],
      ['tile-2', false],
      ['name-2', false],
      ['body', false],
    ]);
  });
});
