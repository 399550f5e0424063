// Convention tests that keep the architecture honest (style.md): dependencies point one way (extension → site →
// core), core imports only pure libraries, and no HTML sink is ever used on report strings.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx)$/.test(d.name) && !d.name.endsWith('.d.ts'))
    .map((d) => relative(root, join(d.parentPath, d.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

/** Pure libraries core may use: they run in pages, workers, service workers and Node alike. */
const CORE_PACKAGES = new Set(['fflate', 'fast-xml-parser', 'postal-mime', 'tldts', 'idb']);

describe('import boundaries', () => {
  it('core imports only core and pure libraries — never site, extension, Node built-ins or browser APIs', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('core')) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = relative(root, join(root, file, '..', spec));
          if (!target.startsWith('core/')) offenders.push(`${file} → ${spec}`);
        } else if (!CORE_PACKAGES.has(spec.split('/')[0]!) && !spec.startsWith('@ip-location-db/')) offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('site never imports the extension', () => {
    const offenders = sourceFiles('site').flatMap((file) => importsOf(file).filter((s) => s.includes('extension/')).map((s) => `${file} → ${s}`));
    expect(offenders).toEqual([]);
  });
});

describe('no HTML sinks (report strings are text; Gmail enforces Trusted Types)', () => {
  it('site and extension never use innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML', () => {
    const sink = /\.(?:inner|outer)HTML\s*=|insertAdjacentHTML|document\.write\(|dangerouslySetInnerHTML/;
    const offenders = [...sourceFiles('site'), ...sourceFiles('extension'), ...sourceFiles('core')].filter((file) => sink.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
