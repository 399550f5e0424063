#!/usr/bin/env node
// Runs the built tool (dist/cli/dmarc-lens.mjs, scripts/build-cli.mjs) when it is current, which starts as fast as
// plain JavaScript can. Inside a clone whose cli/ or core/ sources changed since that build, it runs the TypeScript
// through tsx instead, so the command never answers with yesterday's code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/cli/dmarc-lens.mjs');
const sources = ['cli', 'core'].map((dir) => join(root, dir));

/** Whether any file under `dirs` changed after `time` (milliseconds). */
function changedSince(time, dirs) {
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > time) return true;
    }
  }
  return false;
}

function builtIsCurrent() {
  if (!existsSync(built)) return false;
  // An installed package has no sources beside the bundle.
  if (!sources.every((dir) => existsSync(dir))) return true;
  return !changedSince(statSync(built).mtimeMs, sources);
}

if (builtIsCurrent()) {
  await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/start.ts');
}
