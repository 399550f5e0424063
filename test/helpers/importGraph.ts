// The repository's import graph as the bundlers and Node see it at run time: type-only imports are erased by
// TypeScript (`verbatimModuleSyntax`), so they can neither form a load-order cycle nor pull code across a boundary.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface ImportEdge {
  from: string;
  /** The specifier as written. */
  spec: string;
  /** The repository-relative file it resolves to, when it is one of ours. */
  to: string | undefined;
  /** False when every imported name is a type (`import type`, or `import { type A, type B }`). */
  runtime: boolean;
}

export function sourceFiles(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx)$/.test(d.name) && !d.name.endsWith('.d.ts'))
    .map((d) => relative(root, join(d.parentPath, d.name)));
}

const STATEMENT =
  /(?:^|\n)[ \t]*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]|(?:^|\n)[ \t]*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every static import, re-export and literal dynamic import of `file`. */
export function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(STATEMENT)) {
    const spec = (m[4] ?? m[5] ?? m[6])!;
    const typeOnly = m[2] !== undefined || (m[3] !== undefined && isTypeOnlyClause(m[3]));
    edges.push({ from: file, spec, to: resolve(root, file, spec), runtime: !typeOnly });
  }
  return edges;
}

/** `{ type A, type B }` imports only types; `X, { type A }`, `* as X` and `{ A }` import values. */
function isTypeOnlyClause(clause: string): boolean {
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1]!
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

function resolve(root: string, file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = join(root, dirname(file), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return undefined;
}

/** The core module a repository path lies in (`core/report` for `core/report/types.ts`), if any. */
export function coreModuleOf(file: string): string | undefined {
  const module = /^core\/([^/]+)\//.exec(file);
  return module ? `core/${module[1]}` : undefined;
}

/**
 * The imports that reach a file inside a core module from outside that module (the site, the extension, the CLI or
 * another core module) instead of its entry, core/<module>/index.ts; type-only imports included, since the rule is
 * about what is public, not about what runs.
 */
export function deepCoreImports(edges: readonly ImportEdge[]): ImportEdge[] {
  return edges.filter((e) => {
    const module = e.to === undefined ? undefined : coreModuleOf(e.to);
    return module !== undefined && coreModuleOf(e.from) !== module && e.to !== `${module}/index.ts`;
  });
}

/** The import cycles among `files` through run-time edges: each strongly connected component of two or more files. */
export function runtimeCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!e.runtime || e.to === undefined) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  // Tarjan's algorithm, iterative so that a long chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; i: number }> = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = next.get(frame.node) ?? [];
      if (frame.i < targets.length) {
        const target = targets[frame.i++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, i: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) components.push(component.sort());
      }
    }
  }
  return components;
}
