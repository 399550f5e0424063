// The site's text hook: every text node and every shown attribute Preact renders has its invisible and reordering
// characters made visible, while form values and ordinary text in any script are left exactly as they are.
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { showInvisibleCharacters } from '../../../site/src/ui/showInvisibleCharacters';

const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
Object.assign(globalThis, { document });
showInvisibleCharacters();
showInvisibleCharacters();

/** The example: displays as "exaexample.com" when the override is honoured. */
const SPOOFED = 'exa\u202Emoc.elpmaxe\u202C';

function rendered(node: ReturnType<typeof h>): HTMLElement {
  const root = document.getElementById('app') as unknown as HTMLElement;
  render(null, root);
  render(node, root);
  return root;
}

describe('showInvisibleCharacters', () => {
  it('shows the characters in text nodes, however they are passed', () => {
    const Name = ({ name }: { name: string }) => h('strong', null, name);
    const root = rendered(
      h(
        'table',
        null,
        h(
          'tbody',
          null,
          h(
            'tr',
            null,
            h('td', null, SPOOFED),
            h('td', null, 'org ', h(Name, { name: 'pay\u200Bpal.com' }), ` id ${'r\u2066-1\u2069'}`),
          ),
        ),
      ),
    );
    expect(root.textContent).toBe('exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩org pay⟨U+200B⟩pal.com id r⟨U+2066⟩-1⟨U+2069⟩');
    expect(root.innerHTML).not.toMatch(/[\u200B\u202A-\u202E\u2066-\u2069]/);
  });

  it('shows them in tooltips, accessible names and options, not in form values', () => {
    const root = rendered(
      h(
        'div',
        null,
        h('button', { title: SPOOFED, 'aria-label': `Show ${SPOOFED}` }, 'x'),
        h('select', null, h('option', { value: SPOOFED }, SPOOFED)),
        h('input', { value: SPOOFED }),
      ),
    );
    const button = root.querySelector('button')!;
    expect(button.getAttribute('title')).toBe('exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩');
    expect(button.getAttribute('aria-label')).toBe('Show exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩');
    expect(root.querySelector('option')!.textContent).toBe('exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩');
    // The option's value is the stored key the page selects by; an input's value is what the user typed.
    expect((root.querySelector('option') as unknown as { value: string }).value).toBe(SPOOFED);
    expect((root.querySelector('input') as unknown as { value: string }).value).toBe(SPOOFED);
  });

  it('leaves ordinary text in any script, and the site texts, as written', () => {
    const texts = [
      'Rapporten importeren',
      'Größe · 12 345 ✓',
      'مرحبا بالعالم',
      'שלום',
      '日本語のテキスト',
      'e\u0301 👩‍💻 🇳🇱',
      'tab\tand\nline',
    ];
    const root = rendered(h('ul', null, ...texts.map((text) => h('li', null, text))));
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Rapporten importeren',
      'Größe · 12 345 ✓',
      'مرحبا بالعالم',
      'שלום',
      '日本語のテキスト',
      // The zero-width joiner inside the emoji sequence is a format character: shown, as in a domain it would hide.
      'e\u0301 👩⟨U+200D⟩💻 🇳🇱',
      'tab\tand\nline',
    ]);
  });
});
