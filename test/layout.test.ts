// The maps at the door hold the tree as it is: README.md's "What is where" block names every tracked top-level folder,
// every core module, every folder of site/src and extension/ and every doc, and ARCHITECTURE.md names every one of
// those folders by its path. A folder added without a line in the maps fails here, and so does a line naming a
// folder that is gone.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const architecture = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');

/** The fenced block under README's "## What is where". */
function layoutBlock(): string {
  const section = readme.slice(readme.indexOf('## What is where'));
  const start = section.indexOf('```\n') + 4;
  return section.slice(start, section.indexOf('```', start));
}

function foldersIn(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((name) => statSync(join(root, dir, name)).isDirectory())
    .sort();
}

/** Top-level folders that hold tracked files, hidden ones aside. */
function trackedTopFolders(): string[] {
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
  const folders = new Set(files.filter((f) => f.includes('/') && !f.startsWith('.')).map((f) => f.split('/')[0]!));
  return [...folders].sort();
}

/** Folder names a block of text mentions as `name/` (a word ending in a slash). */
function namedFolders(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\w./-])([a-z][\w-]*)\/(?=[\s,.):;]|$)/gm)].map((m) => m[1]!));
}

describe("README's layout block", () => {
  const block = layoutBlock();
  const named = namedFolders(block);

  it('names every tracked top-level folder at the start of a line', () => {
    const starts = new Set([...block.matchAll(/^([a-z][\w-]*)\//gm)].map((m) => m[1]!));
    for (const m of block.matchAll(/^cli\/ ([a-z]+)\//gm)) starts.add(m[1]!);
    expect(trackedTopFolders().filter((f) => !starts.has(f))).toEqual([]);
  });

  it('names every core module, every folder of site/src and of extension/', () => {
    const missing = [
      ...foldersIn('core').map((f) => `core/${f}`),
      ...foldersIn('site/src').map((f) => `site/src/${f}`),
      ...foldersIn('extension').map((f) => `extension/${f}`),
    ].filter((path) => !named.has(path.split('/').at(-1)!));
    expect(missing).toEqual([]);
  });

  it('names every doc in docs/', () => {
    const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'));
    expect(docs.filter((doc) => !block.includes(doc))).toEqual([]);
  });

  it('names no folder of site/src or extension/ that is not there', () => {
    const siteLine = block.slice(block.indexOf('  src/'), block.indexOf('\nextension/'));
    const extensionLines = block.slice(block.indexOf('\nextension/'), block.indexOf('\ncli/'));
    const gone = [
      ...[...namedFolders(siteLine)].filter((f) => f !== 'src' && !foldersIn('site/src').includes(f)),
      ...[...namedFolders(extensionLines)].filter((f) => f !== 'extension' && !foldersIn('extension').includes(f)),
    ];
    expect(gone).toEqual([]);
  });
});

describe('ARCHITECTURE.md', () => {
  it('names every core module and every folder of site/src and extension/ by its path', () => {
    const paths = [
      ...foldersIn('core').map((f) => `core/${f}`),
      ...foldersIn('site/src').map((f) => `site/src/${f}`),
      ...foldersIn('extension').map((f) => `extension/${f}`),
    ];
    expect(paths.filter((path) => !new RegExp(`${path}(?![\\w-])`).test(architecture))).toEqual([]);
  });
});
