import { describe, expect, it } from 'vitest';
import { hasInvisibleCharacters, visibleText } from '../../../core/report/visibleText';

describe('visibleText', () => {
  it('shows a right-to-left override that makes a domain display as another one', () => {
    // Displayed as "exaexample.com" by a bidi-aware renderer; the escapes show what the bytes are.
    expect(visibleText('exa\u202Emoc.elpmaxe\u202C')).toBe('exa⟨U+202E⟩moc.elpmaxe⟨U+202C⟩');
  });

  it('shows every bidi control: embeddings, overrides, isolates and marks', () => {
    const controls = [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
    ];
    expect(visibleText(controls.join(''))).toBe(
      '⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+202E⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩',
    );
  });

  it('shows zero-width and other invisible format characters', () => {
    expect(visibleText('pay\u200Bpal.com')).toBe('pay⟨U+200B⟩pal.com');
    expect(visibleText('a\u200Cb\u200Dc\u2060d\uFEFFe\u00ADf\u2062g')).toBe(
      'a⟨U+200C⟩b⟨U+200D⟩c⟨U+2060⟩d⟨U+FEFF⟩e⟨U+00AD⟩f⟨U+2062⟩g',
    );
    // A Unicode tag character (astral, category Cf) can carry hidden text after a visible one.
    expect(visibleText('example.com\u{E0041}')).toBe('example.com⟨U+E0041⟩');
  });

  it('shows control characters, line separators, blank-drawing letters and variation selectors', () => {
    expect(visibleText('a\u0000b\u001Bc\u007Fd\u0085e\rf')).toBe('a⟨U+0000⟩b⟨U+001B⟩c⟨U+007F⟩d⟨U+0085⟩e⟨U+000D⟩f');
    expect(visibleText('a\u2028b\u2029c')).toBe('a⟨U+2028⟩b⟨U+2029⟩c');
    expect(visibleText('x\u3164y\u115Fz\u2800w\u180Ev')).toBe('x⟨U+3164⟩y⟨U+115F⟩z⟨U+2800⟩w⟨U+180E⟩v');
    expect(visibleText('a\uFE0Fb\u{E0100}c')).toBe('a⟨U+FE0F⟩b⟨U+E0100⟩c');
  });

  it('keeps a carriage return that ends a line with its line feed (CRLF), and shows one that stands alone', () => {
    expect(visibleText('version: STSv1\r\nmode: testing\r\n')).toBe('version: STSv1\r\nmode: testing\r\n');
    expect(visibleText('a\rb\r')).toBe('a⟨U+000D⟩b⟨U+000D⟩');
  });

  it('shows a lone surrogate but keeps a surrogate pair', () => {
    expect(visibleText('a\uD800b')).toBe('a⟨U+D800⟩b');
    expect(visibleText('a\uDC00b')).toBe('a⟨U+DC00⟩b');
    expect(visibleText('mail \u{1F4E7} ok')).toBe('mail \u{1F4E7} ok');
  });

  it('keeps ordinary text in every script, tabs and line feeds unchanged', () => {
    for (const text of [
      'google.com!example.com!1766361600!1766447999.zip',
      'Mail.Ru',
      'בדיקה.example', // Hebrew is right-to-left by itself: no control character, nothing to show
      'مثال.إختبار',
      '例え.テスト',
      'bücher.example',
      'xn--bcher-kva.example',
      'two\twords\nand a line',
      '',
    ]) {
      expect(visibleText(text)).toBe(text);
      expect(hasInvisibleCharacters(text)).toBe(false);
    }
    expect(hasInvisibleCharacters('a\u202Eb')).toBe(true);
  });
});
