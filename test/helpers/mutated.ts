// Damaged variants of generated text for property tests: a few characters deleted or snippets inserted at random.
import fc from 'fast-check';

/** `text` with one to three edits: at each position drawn, a character deleted ('') or one of `inserts` put in. */
export function mutated(text: fc.Arbitrary<string>, inserts: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(text, fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ...inserts)), { minLength: 1, maxLength: 3 }))
    .map(([original, edits]) => {
      let out = original;
      for (const [at, insert] of edits) {
        const i = at % (out.length + 1);
        out = insert === '' ? out.slice(0, i) + out.slice(i + 1) : out.slice(0, i) + insert + out.slice(i);
      }
      return out;
    });
}
