// Convention tests that keep the architecture honest (ARCHITECTURE.md "Modules and their dependencies"): dependencies
// point one way (extension → site → core), core imports only pure libraries, and no HTML sink is ever used on report
// strings.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  coreModuleOf,
  deepCoreImports,
  importsOf as importEdgesOf,
  runtimeCycles,
  sourceFiles as sourceFilesOf,
  type ImportEdge,
} from './helpers/importGraph';

const root = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx)$/.test(d.name) && !d.name.endsWith('.d.ts'))
    .map((d) => relative(root, join(d.parentPath, d.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => (m[1] ?? m[2])!);
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
        } else if (!CORE_PACKAGES.has(spec.split('/')[0]!) && !spec.startsWith('@ip-location-db/'))
          offenders.push(`${file} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('site never imports the extension', () => {
    const offenders = sourceFiles('site').flatMap((file) =>
      importsOf(file)
        .filter((s) => s.includes('extension/'))
        .map((s) => `${file} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('no HTML sinks (report strings are text; Gmail enforces Trusted Types)', () => {
  it('site and extension never use innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML', () => {
    const sink = /\.(?:inner|outer)HTML\s*=|insertAdjacentHTML|document\.write\(|dangerouslySetInnerHTML/;
    const offenders = [...sourceFiles('site'), ...sourceFiles('extension'), ...sourceFiles('core')].filter((file) =>
      sink.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

/**
 * The layers of ARCHITECTURE.md, lowest first: a file may import its own module and the layers below it, never a
 * layer above nor a sibling of its own layer.
 */
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['core/i18n'],
  ['core/report'],
  ['core/analysis'],
  ['core/dns', 'core/store'],
  ['site', 'cli'],
  ['extension'],
];

function moduleOf(file: string): { module: string; layer: number } | undefined {
  for (const [layer, modules] of LAYERS.entries()) {
    const module = modules.find((m) => file === m || file.startsWith(`${m}/`));
    if (module) return { module, layer };
  }
  return undefined;
}

function productionEdges(): ImportEdge[] {
  return ['core', 'site', 'extension', 'cli'].flatMap((dir) =>
    sourceFilesOf(root, dir).flatMap((f) => importEdgesOf(root, f)),
  );
}

describe('the import graph', () => {
  const edges = productionEdges();

  it('has no cycle at run time (a cycle is one top-level use away from a load-order bug)', () => {
    expect(runtimeCycles(edges)).toEqual([]);
  });

  it('points one way: core/i18n → core/report → core/analysis → core/dns · core/store → site · cli → extension', () => {
    const upward = edges
      .filter((e) => e.to !== undefined)
      .filter((e) => {
        const from = moduleOf(e.from);
        const to = moduleOf(e.to!);
        return from !== undefined && to !== undefined && from.module !== to.module && to.layer >= from.layer;
      })
      .map((e) => `${e.from} → ${e.to}${e.runtime ? '' : ' (type)'}`);
    expect(upward).toEqual([]);
  });

  it('the cycle finder finds a run-time cycle and ignores one closed only by a type import', () => {
    const edge = (from: string, to: string, runtime = true): ImportEdge => ({ from, spec: to, to, runtime });
    expect(runtimeCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(runtimeCycles([edge('a', 'b'), edge('b', 'a', false)])).toEqual([]);
  });
});

/**
 * Whether each core module is entered only through its entry (core/<module>/index.ts). scripts/core-entries.mjs writes
 * the entries, sends every import to them and then sets this to true (and its twin in eslint.config.mjs).
 */
const ENTRIES_IN_FORCE = true;

describe('one public entry per core module', () => {
  it.skipIf(!ENTRIES_IN_FORCE)('every core module has an entry, core/<module>/index.ts', () => {
    const modules = readdirSync(join(root, 'core'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `core/${d.name}`);
    expect(modules.filter((m) => !existsSync(join(root, m, 'index.ts')))).toEqual([]);
  });

  it.skipIf(!ENTRIES_IN_FORCE)(
    'the site, the extension, the CLI and the other core modules import a core module from its entry, never a file inside it',
    () => {
      expect(deepCoreImports(productionEdges()).map((e) => `${e.from} → ${e.spec}`)).toEqual([]);
    },
  );

  it('the deep-import finder tells an entry from a file inside the module, and a module from its outside', () => {
    const edge = (from: string, to: string, runtime = true): ImportEdge => ({ from, spec: to, to, runtime });
    const edges = [
      edge('site/src/a.ts', 'core/report/index.ts'),
      edge('site/src/b.ts', 'core/report/types.ts', false),
      edge('cli/main.ts', 'core/report/parseReport.ts'),
      edge('core/analysis/x.ts', 'core/report/index.ts'),
      edge('core/analysis/y.ts', 'core/report/alignment.ts'),
      edge('core/analysis/y.ts', 'core/analysis/x.ts'),
      edge('core/i18n/en.ts', 'core/i18n/en/dns.ts'),
      edge('extension/c.ts', 'core/i18n/en/dns.ts'),
      edge('site/src/d.ts', 'site/src/e.ts'),
    ];
    expect(deepCoreImports(edges).map((e) => `${e.from} → ${e.to}`)).toEqual([
      'site/src/b.ts → core/report/types.ts',
      'cli/main.ts → core/report/parseReport.ts',
      'core/analysis/y.ts → core/report/alignment.ts',
      'extension/c.ts → core/i18n/en/dns.ts',
    ]);
    expect(coreModuleOf('core/platform.d.ts')).toBeUndefined();
  });
});

/**
 * Exported names that still have two homes, each with where they are: one idea written twice, to be merged. A twin
 * that is gone must leave this list, so that the list stays the truth.
 */
const KNOWN_TWINS: Readonly<Record<string, string>> = {};

describe('one name per idea', () => {
  const declaration =
    /^export\s+(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(function|const|let|class|enum|interface|type)\s+([A-Za-z_$][\w$]*)/gm;

  function twins(): Map<string, string[]> {
    const homes = new Map<string, Array<{ file: string; type: boolean }>>();
    for (const file of ['core', 'site', 'extension', 'cli'].flatMap(sourceFiles)) {
      for (const [, kind, name] of readFileSync(join(root, file), 'utf8').matchAll(declaration)) {
        const list = homes.get(name!) ?? [];
        if (!list.some((h) => h.file === file)) list.push({ file, type: kind === 'interface' || kind === 'type' });
        homes.set(name!, list);
      }
    }
    const found = new Map<string, string[]>();
    for (const [name, list] of homes) {
      if (list.length < 2) continue;
      // A component named after the type it shows (AsnAttribution, TlsSummary) is a value beside a type: one idea.
      const values = list.filter((h) => !h.type);
      if (values.length <= 1 && values.every((h) => h.file.endsWith('.tsx'))) continue;
      found.set(name, list.map((h) => h.file).sort());
    }
    return found;
  }

  it('no two files of core, site, extension and cli export the same name for two things', () => {
    const found = twins();
    expect(
      [...found.keys()]
        .filter((name) => !(name in KNOWN_TWINS))
        .map((name) => `${name}: ${found.get(name)!.join(', ')}`),
    ).toEqual([]);
    expect(Object.keys(KNOWN_TWINS).filter((name) => !found.has(name))).toEqual([]);
  });
});
