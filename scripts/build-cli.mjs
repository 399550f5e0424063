// Builds the command-line tool into one plain JavaScript file, dist/cli/dmarc-lens.mjs, with the core and its
// libraries bundled in: the installed tool then starts without compiling TypeScript and without any dependency, and
// nothing of the browser app (preact, idb) comes with it. Run by `npm install` (prepare), `npm pack` and `npm test`;
// bin/dmarc-lens.mjs uses the bundle only while it is newer than every source file, so a stale one is never run.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'dist/cli/dmarc-lens.mjs');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

mkdirSync(dirname(output), { recursive: true });
// Written aside and renamed: a test or a second install building at the same moment never runs a half-written file.
const partial = `${output}.${process.pid}.partial`;
await build({
  entryPoints: [join(root, 'cli/run.ts')],
  outfile: partial,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The version the tool prints is the package's, fixed at build time instead of reading package.json at each start.
  define: { DMARC_LENS_VERSION: JSON.stringify(version) },
  // Kept readable: a stack trace from a user's pipeline should point at code someone can read.
  minifyWhitespace: true,
  legalComments: 'inline',
  // pg is CommonJS and requires Node's modules at run time (events, net, tls): an ES module has no `require` of its
  // own, so the bundle makes one. pg-native is pg's optional binding, never used here (pg only loads it when asked).
  banner: {
    js: "import { createRequire as dmarcLensCreateRequire } from 'node:module'; const require = dmarcLensCreateRequire(import.meta.url);",
  },
  external: ['pg-native'],
  logLevel: 'warning',
});
renameSync(partial, output);
