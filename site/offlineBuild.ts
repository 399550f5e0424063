// The build's side of the offline site: the list of files the service worker keeps, a version that changes with any
// byte of them, and the service worker itself compiled with both (site/src/offline/serviceWorker.ts). Used by
// site/vite.config.ts; a unit test holds the list and the version to the build's files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build } from 'esbuild';

/** What the service worker is given: file names relative to it, and the build's version. */
export interface OfflineFiles {
  files: string[];
  version: string;
}

/** Every file under `dir` as a path relative to it with `/` separators; dotfiles (a .gitignore) are not the site's. */
export function listPublicFiles(dir: string): Array<{ name: string; bytes: Uint8Array }> {
  const out: Array<{ name: string; bytes: Uint8Array }> = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push({ name: relative(dir, path).split(sep).join('/'), bytes: readFileSync(path) });
    }
  };
  walk(dir);
  return out;
}

/**
 * The files to keep offline, sorted, and a version made of their names and contents: a new build that changes any file
 * (index.html and the ASN table have no hash in their names) is a new version, and an identical build the same one.
 */
export function offlineFiles(contents: ReadonlyMap<string, string | Uint8Array>, serviceWorker: string): OfflineFiles {
  const files = [...contents.keys()].filter((name) => name !== serviceWorker).sort();
  const hash = createHash('sha256');
  for (const name of files) {
    const content = contents.get(name)!;
    hash.update(`${name}\0${content.length}\0`);
    hash.update(content);
  }
  return { files, version: hash.digest('hex').slice(0, 16) };
}

/** The service worker's code for these files. */
export async function compileServiceWorker(entry: string, offline: OfflineFiles): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { BUILD_FILES: JSON.stringify(offline.files), BUILD_VERSION: JSON.stringify(offline.version) },
  });
  return result.outputFiles[0]!.text;
}
