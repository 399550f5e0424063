// Builds the command-line tool into plain JavaScript, dist/cli/dmarc-lens.mjs, with the core and its libraries bundled
// in: the installed tool then starts without compiling TypeScript and without any dependency, and nothing of the
// browser app (preact, idb) comes with it. Run by `npm install` (prepare), `npm pack` and `npm test`;
// bin/dmarc-lens.mjs uses the build only while it is newer than every source file, so a stale one is never run.
//
// The IMAP client (two thirds of the bytes) and the PostgreSQL driver are bundled apart, in dist/cli/vendor/, and
// imported only by the code that uses them (fetch --imap, --to postgres://), so `parse`, `senders` and `--help` never
// load them. The main file stays one bundle rather than esbuild's split chunks: in one bundle esbuild runs a module's
// top-level code only when something first uses it, whereas split chunks run all of theirs at start-up, which cost
// more than the bytes saved.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/cli');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Each package bundled apart: how the tool's code imports it, and the module the bundle of it exports. */
const VENDOR = {
  imapflow: "export { ImapFlow } from 'imapflow';",
  pg: "import pg from 'pg'; export default pg;",
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Kept readable: a stack trace from a user's pipeline should point at code someone can read.
  minifyWhitespace: true,
  legalComments: 'inline',
  // pg and imapflow are CommonJS and require Node's modules at run time (events, net, tls): an ES module has no
  // `require` of its own, so each file makes one. pg-native is pg's optional binding, never used here (pg only loads
  // it when asked).
  banner: {
    js: "import { createRequire as dmarcLensCreateRequire } from 'node:module'; const require = dmarcLensCreateRequire(import.meta.url);",
  },
  external: ['pg-native'],
  logLevel: 'warning',
};

/** Imports of the vendored packages point at their bundles, next to the main file. */
const vendored = {
  name: 'vendored',
  setup(plugin) {
    plugin.onResolve({ filter: new RegExp(`^(${Object.keys(VENDOR).join('|')})$`) }, (args) => ({
      path: `./vendor/${args.path}.mjs`,
      external: true,
    }));
  },
};

// Built aside and renamed into place, each file whole: a test or a second install building at the same moment never
// runs a half-written file.
const staging = join(root, `dist/cli-build-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
mkdirSync(join(outdir, 'vendor'), { recursive: true });
try {
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'cli/start.ts')],
      outfile: join(staging, 'dmarc-lens.mjs'),
      // The version the tool prints is the package's, fixed at build time instead of reading package.json at each
      // start.
      define: { DMARC_LENS_VERSION: JSON.stringify(version) },
      plugins: [vendored],
    }),
    ...Object.entries(VENDOR).map(([name, contents]) =>
      build({
        ...common,
        stdin: { contents, resolveDir: root, loader: 'js' },
        outfile: join(staging, 'vendor', `${name}.mjs`),
      }),
    ),
  ]);
  for (const name of Object.keys(VENDOR)) {
    renameSync(join(staging, 'vendor', `${name}.mjs`), join(outdir, 'vendor', `${name}.mjs`));
  }
  // The main file last: when it is there, what it imports is too.
  renameSync(join(staging, 'dmarc-lens.mjs'), join(outdir, 'dmarc-lens.mjs'));
} finally {
  rmSync(staging, { recursive: true, force: true });
}
