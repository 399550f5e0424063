// One public entry per core module (ARCHITECTURE.md "Modules and their dependencies"): each core/<module>/index.ts
// re-exports, by name, what code outside that module uses, and that code imports from the module, never from a file
// inside it.
//
//   node scripts/core-entries.mjs           writes the missing entries, rewrites deep imports to the entries, and
//                                           puts the rule in force (ENTRIES_IN_FORCE in eslint.config.mjs and
//                                           test/conventions.test.ts)
//   node scripts/core-entries.mjs --check   changes nothing; lists every deep import, every missing entry or name in
//                                           an entry, and a rule not in force, and exits 1 if there is one
//   --root DIR                              works on another checkout (the default is the one holding this script)
//
// Outside code is site/, extension/, cli/ and the other core modules. Tests (test/) are not rewritten: a module's
// tests test its parts, most of which are not public, so they import the files they test.
//
// An entry lists names, not `export *`: the public surface is what is written there, and two files of one module
// exporting the same name cannot make a name silently ambiguous. An existing entry is never rewritten; a name it
// lacks is appended to it, so hand-made entries and their comments stay, and a second run changes nothing.
// Rewritten imports keep their `type` markers (a type-only import stays erased, so it adds no run-time edge) and the
// imports of one module in one file are merged into one statement.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as prettier from 'prettier';

const rootAt = process.argv.indexOf('--root');
const root = rootAt > 0 ? process.argv[rootAt + 1] : fileURLToPath(new URL('..', import.meta.url));
/** Folders of code outside core whose imports into core must go through the entries. */
const OUTSIDE = ['site', 'extension', 'cli'];
const ENTRY = 'index.ts';
/** The files holding the switch that puts the rule in force, once every import goes through the entries. */
const SWITCHES = ['eslint.config.mjs', 'test/conventions.test.ts'];
const SWITCH_OFF = 'const ENTRIES_IN_FORCE = false;';

const posix = (path) => path.split(sep).join('/');

function sourceFiles(dir) {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx)$/.test(d.name) && !d.name.endsWith('.d.ts'))
    .map((d) => posix(relative(root, join(d.parentPath, d.name))))
    .sort();
}

/** The core modules: every folder directly under core/. */
function coreModules() {
  return readdirSync(join(root, 'core'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `core/${d.name}`)
    .sort();
}

function moduleOf(file, modules) {
  return modules.find((m) => file.startsWith(`${m}/`));
}

/** The repository file a relative specifier names, as the bundlers resolve it. */
function resolveSpecifier(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = join(root, dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return posix(relative(root, candidate));
  }
  return undefined;
}

function specifierTo(from, target) {
  const spec = posix(relative(dirname(join(root, from)), join(root, target)));
  return spec.startsWith('.') ? spec : `./${spec}`;
}

function parse(file) {
  const text = readFileSync(join(root, file), 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

/**
 * Every import, re-export and literal dynamic import of `file` that names a core module: `{ node, spec, target,
 * module, deep }`, where `deep` means it reaches a file inside the module instead of its entry.
 */
function coreImportsOf(file, source, modules) {
  const own = moduleOf(file, modules);
  const found = [];
  const consider = (node, literal) => {
    const target = resolveSpecifier(file, literal.text);
    const module = target && moduleOf(target, modules);
    if (!module || module === own) return;
    found.push({ node, literal, spec: literal.text, target, module, deep: target !== `${module}/${ENTRY}` });
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) consider(node, node.moduleSpecifier);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      consider(node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The names an import or re-export takes from its file, each `{ name, type }` (`type`: written as type-only). */
function namesTaken(node) {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) return undefined;
    return clause.namedBindings.elements.map((e) => ({
      name: (e.propertyName ?? e.name).text,
      alias: e.propertyName ? e.name.text : undefined,
      type: clause.isTypeOnly || e.isTypeOnly,
    }));
  }
  if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
    return node.exportClause.elements.map((e) => ({
      name: (e.propertyName ?? e.name).text,
      alias: e.propertyName ? e.name.text : undefined,
      type: node.isTypeOnly || e.isTypeOnly,
    }));
  }
  return undefined;
}

/** What each core file exports, from the type checker: name → { value } (false: a type only). */
function coreExports() {
  const configPath = join(root, 'core/tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
  );
  const program = ts.createProgram(config?.fileNames ?? [], config?.options ?? {});
  const checker = program.getTypeChecker();
  const exports = new Map();
  for (const source of program.getSourceFiles()) {
    const file = posix(relative(root, source.fileName));
    if (!file.startsWith('core/') || file.endsWith('.d.ts')) continue;
    const symbol = checker.getSymbolAtLocation(source);
    const names = new Map();
    for (const exported of symbol ? checker.getExportsOfModule(symbol) : []) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      names.set(exported.name, { value: (target.flags & ts.SymbolFlags.Value) !== 0, symbol: target });
    }
    exports.set(file, names);
  }
  return exports;
}

/** Names exported by two files of one module that are different things: an entry can carry only one of them. */
function collisionsOf(modules, exports) {
  const collisions = [];
  for (const module of modules) {
    const seen = new Map();
    for (const [file, names] of exports) {
      if (moduleOf(file, modules) !== module || file === `${module}/${ENTRY}`) continue;
      for (const [name, { symbol }] of names) {
        const first = seen.get(name);
        if (!first) seen.set(name, { file, symbol });
        else if (first.symbol !== symbol) collisions.push({ module, name, files: [first.file, file] });
      }
    }
  }
  return collisions;
}

function entryLines(module, names) {
  const byFile = new Map();
  for (const [name, { file, value }] of names) {
    byFile.set(file, [...(byFile.get(file) ?? []), { name, value }]);
  }
  return [...byFile.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, list]) => {
      const sorted = list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const from = `./${posix(relative(module, file)).replace(/\.tsx?$/, '')}`;
      if (sorted.every((n) => !n.value))
        return `export type { ${sorted.map((n) => n.name).join(', ')} } from '${from}';`;
      return `export { ${sorted.map((n) => (n.value ? n.name : `type ${n.name}`)).join(', ')} } from '${from}';`;
    });
}

function entryHeader(module) {
  return [
    `// The public entry of ${module}: what the site, the extension, the CLI and the other core modules use of it. Code`,
    `// outside ${module} imports from here, never from a file inside it (eslint.config.mjs, test/conventions.test.ts).`,
  ];
}

/** The merged import of one module in one file, keeping each name's `type` marker. */
function mergedImport(statements, spec) {
  const names = [];
  for (const statement of statements) {
    for (const n of namesTaken(statement)) {
      const text = n.alias ? `${n.name} as ${n.alias}` : n.name;
      const same = names.find((m) => m.text === text);
      if (same) same.type &&= n.type;
      else names.push({ text, type: n.type });
    }
  }
  if (names.every((n) => n.type)) return `import type { ${names.map((n) => n.text).join(', ')} } from '${spec}';`;
  return `import { ${names.map((n) => (n.type ? `type ${n.text}` : n.text)).join(', ')} } from '${spec}';`;
}

/** Text edits (start, end, text) that send `file`'s deep imports to the entries; what cannot be rewritten, listed. */
function rewrites(file, source, found, refused) {
  const edits = [];
  const manual = [];
  const byModule = new Map();
  for (const f of found) byModule.set(f.module, [...(byModule.get(f.module) ?? []), f]);
  for (const [module, list] of byModule) {
    if (!list.some((f) => f.deep)) continue;
    const spec = specifierTo(file, module);
    const mergeable = [];
    for (const f of list) {
      const taken = namesTaken(f.node);
      if (f.deep && taken?.some((n) => refused.has(`${module}:${n.name}`))) {
        manual.push(`${where(file, source, f.node)}: ${f.spec} takes a name two files of ${module} export`);
      } else if (ts.isImportDeclaration(f.node) && taken) {
        mergeable.push(f.node);
      } else if (f.deep && ts.isImportDeclaration(f.node)) {
        manual.push(
          `${where(file, source, f.node)}: ${f.spec} is a default, namespace or bare import: rewrite it by hand`,
        );
      } else if (f.deep) {
        edits.push({ start: f.literal.getStart(), end: f.literal.getEnd(), text: `'${spec}'` });
      }
    }
    if (mergeable.length === 0) continue;
    const [first, ...rest] = mergeable.sort((a, b) => a.getStart() - b.getStart());
    edits.push({ start: first.getStart(), end: first.getEnd(), text: mergedImport(mergeable, spec) });
    for (const node of rest) {
      const text = source.text;
      let end = node.getEnd();
      if (text[end] === '\n') end++;
      else if (text.startsWith('\r\n', end)) end += 2;
      edits.push({ start: node.getStart(), end, text: '' });
    }
  }
  return { edits, manual };
}

function where(file, source, node) {
  return `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

function applyEdits(text, edits) {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

async function format(file, text) {
  const options = (await prettier.resolveConfig(join(root, file))) ?? {};
  return prettier.format(text, { ...options, filepath: join(root, file) });
}

async function main() {
  const check = process.argv.includes('--check');
  const modules = coreModules();
  const exports = coreExports();
  const collisions = collisionsOf(modules, exports);

  const consumers = [...OUTSIDE.flatMap(sourceFiles), ...sourceFiles('core')];
  const parsed = new Map();
  const deep = [];
  /** module → name → { file, value }: what the entries must carry. */
  const wanted = new Map(modules.map((m) => [m, new Map()]));
  for (const file of consumers) {
    const source = parse(file);
    const found = coreImportsOf(file, source, modules);
    if (found.length === 0) continue;
    parsed.set(file, { source, found });
    for (const f of found.filter((x) => x.deep)) {
      deep.push(`${where(file, source, f.node)}: ${f.spec}`);
      for (const { name } of namesTaken(f.node) ?? []) {
        const info = exports.get(f.target)?.get(name);
        if (info) wanted.get(f.module).set(name, { file: f.target, value: info.value, symbol: info.symbol });
      }
    }
  }

  // A used name two files export differently cannot be one entry's name: it needs a rename first. So is a used name
  // the entry already gives to something else.
  const refused = new Set();
  for (const c of collisions) {
    if (wanted.get(c.module).has(c.name)) refused.add(`${c.module}:${c.name}`);
  }
  for (const module of modules) {
    const has = exports.get(`${module}/${ENTRY}`) ?? new Map();
    for (const [name, { file, symbol }] of wanted.get(module)) {
      if (!has.has(name) || has.get(name).symbol === symbol) continue;
      refused.add(`${module}:${name}`);
      console.log(`name collision in ${module}: ${ENTRY} exports another ${name} than ${file}`);
    }
  }

  const missingEntries = [];
  const entryWrites = [];
  for (const module of modules) {
    const entry = `${module}/${ENTRY}`;
    const has = exports.get(entry) ?? new Map();
    const missing = new Map(
      [...wanted.get(module)].filter(([name]) => !has.has(name) && !refused.has(`${module}:${name}`)),
    );
    if (!existsSync(join(root, entry))) {
      missingEntries.push(entry);
      entryWrites.push({ entry, text: [...entryHeader(module), ...entryLines(module, missing)].join('\n') + '\n' });
    } else if (missing.size > 0) {
      missingEntries.push(`${entry} lacks ${[...missing.keys()].join(', ')}`);
      const text = readFileSync(join(root, entry), 'utf8');
      entryWrites.push({ entry, text: `${text.replace(/\n*$/, '\n')}${entryLines(module, missing).join('\n')}\n` });
    }
  }

  for (const c of collisions) {
    const used = refused.has(`${c.module}:${c.name}`) ? ' (used outside: rename one)' : '';
    console.log(`name collision in ${c.module}: ${c.name} is exported by ${c.files.join(' and ')}${used}`);
  }

  const switchesOff = SWITCHES.filter(
    (f) => existsSync(join(root, f)) && readFileSync(join(root, f), 'utf8').includes(SWITCH_OFF),
  );
  if (check) {
    for (const m of missingEntries) console.log(`missing entry: ${m}`);
    for (const d of deep) console.log(`deep import: ${d}`);
    for (const f of switchesOff) console.log(`not in force: ${SWITCH_OFF} in ${f}`);
    const offenders = missingEntries.length + deep.length + refused.size + switchesOff.length;
    console.log(offenders === 0 ? 'core entries: ok' : `core entries: ${offenders} offenders`);
    process.exitCode = offenders === 0 ? 0 : 1;
    return;
  }

  for (const { entry, text } of entryWrites) {
    writeFileSync(join(root, entry), await format(entry, text));
    console.log(`wrote ${entry}`);
  }
  let rewritten = 0;
  const manual = [];
  for (const [file, { source, found }] of parsed) {
    const { edits, manual: left } = rewrites(file, source, found, refused);
    manual.push(...left);
    if (edits.length === 0) continue;
    writeFileSync(join(root, file), await format(file, applyEdits(source.text, edits)));
    rewritten++;
  }
  console.log(`rewrote the core imports of ${rewritten} files (${deep.length} deep imports)`);
  for (const m of manual) console.log(`not rewritten: ${m}`);
  if (manual.length > 0 || refused.size > 0) {
    process.exitCode = 1;
    return;
  }
  for (const file of switchesOff) {
    const text = readFileSync(join(root, file), 'utf8');
    writeFileSync(join(root, file), text.replace(SWITCH_OFF, 'const ENTRIES_IN_FORCE = true;'));
    console.log(`put the rule in force in ${file}`);
  }
}

await main();
