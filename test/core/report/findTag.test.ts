// findTag (core/report/findTag.ts) against the regular expressions it replaces, on tag soup made to be hard: prefixes
// of every shape, the name inside other names and text, blanks of every kind, the search starting anywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTag } from '../../../core/report/findTag';

const NAME = '(?:[A-Za-z_][\\w.-]*:)?';

function byRegex(text: string, local: string, from: number, kind: 'start' | 'end') {
  const re =
    kind === 'start' ? new RegExp(`<(${NAME}${local})(?=[\\s>/])`, 'g') : new RegExp(`</${NAME}${local}\\s*>`, 'g');
  re.lastIndex = from;
  const match = re.exec(text);
  if (!match) return null;
  const name = kind === 'start' ? match[1]! : /^<\/(.*?)\s*>$/s.exec(match[0])![1]!;
  return { index: match.index, end: match.index + match[0].length, name };
}

const pieces = fc.constantFrom(
  '<',
  '</',
  '>',
  '/',
  ':',
  'a:',
  '_x.y-z:',
  '9:',
  '-:',
  'a:b:',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  '\u2003',
  'record',
  'records',
  'feedback',
  'feedback_',
  'x',
  'R',
  '.',
  '<record>',
  '</record>',
  '<dmarc:record>',
  '</dmarc:record >',
  '<feedback ',
  '</feedback\n>',
  '<record/>',
  'rec',
  'ord',
  'feed',
  'back',
);

describe('findTag', () => {
  it('finds what the regular expressions find', () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 30 }),
        fc.constantFrom('record', 'feedback'),
        fc.constantFrom('start', 'end'),
        fc.nat(),
        (parts, local, kind, offset) => {
          const text = parts.join('');
          const from = text.length === 0 ? 0 : offset % (text.length + 1);
          expect(findTag(text, local, from, kind)).toEqual(byRegex(text, local, from, kind));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('reads prefixed and spaced tags', () => {
    expect(findTag('<x:feedback xmlns:x="u">', 'feedback', 0, 'start')).toEqual({
      index: 0,
      end: 11,
      name: 'x:feedback',
    });
    expect(findTag('<row></dmarc:record \n>', 'record', 0, 'end')).toEqual({ index: 5, end: 22, name: 'dmarc:record' });
    expect(findTag('<records><record>', 'record', 0, 'start')).toEqual({ index: 9, end: 16, name: 'record' });
  });
});
