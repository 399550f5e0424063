// The build step that takes Preact's innerHTML assignment out of the extension's bundles (web-ext lint's one warning,
// UNSAFE_VAR_ASSIGNMENT in the chunk the pages share). That nothing renders raw HTML, which it rests on, is
// test/conventions.test.ts's "no HTML sinks".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withoutInnerHtml } from '../../scripts/preactWithoutInnerHtml';

const preactModule = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8');
/** An assignment to innerHTML (not a comparison with it). */
const ASSIGNS_INNER_HTML = /\.innerHTML\s*=(?!=)/g;

describe('preactWithoutInnerHtml', () => {
  it('replaces the one innerHTML assignment in the Preact the extension bundles, and nothing else', () => {
    expect(preactModule.match(ASSIGNS_INNER_HTML)).toHaveLength(1);
    const { code, replaced } = withoutInnerHtml(preactModule);
    expect(replaced).toBe(1);
    expect(code.match(ASSIGNS_INNER_HTML)).toBeNull();
    // Reading innerHTML (Preact compares the new HTML with the element's) is no warning and stays.
    expect(code).toContain('.innerHTML)');
    // Only the assignment changed: the rest of the module is byte for byte Preact's.
    const [before, after] = preactModule.split(/\b[A-Za-z_$][\w$]*\.innerHTML=[A-Za-z_$][\w$]*\.__html\b/);
    expect(code.startsWith(before!)).toBe(true);
    expect(code.endsWith(after!)).toBe(true);
    expect(code.slice(before!.length, code.length - after!.length)).toContain('throw new Error');
  });
});
