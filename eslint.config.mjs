// Lint is a correctness gate (`npm test` runs it with zero findings allowed): typescript-eslint with type information,
// and the import boundaries of ARCHITECTURE.md as rules. Modules are layered, lowest first: core/i18n → core/report →
// core/analysis → core/dns · core/store → site · cli → extension. A file imports its own module and the layers below,
// never a layer above or a sibling of its own layer; and a file outside a core module imports it through its entry
// (core/<module>/index.ts), never a file inside it. test/conventions.test.ts checks the same graph, cycles included.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A pattern refusing relative imports that reach any of `targets` (paths from the root). */
function refuse(targets, why) {
  const alternatives = targets.map((t) => t.replaceAll('/', '\\/')).join('|');
  return { regex: `^(\\.\\.?\\/)+(${alternatives})(\\/|$)`, message: why };
}

/** A pattern refusing imports from a core module's inside; relative paths from any depth (`../../core/report/x`). */
function refuseCore(modules, why) {
  const alternatives = modules.join('|');
  return { regex: `^(\\.\\.\\/)+(core\\/)?(${alternatives})(\\/|$)`, message: why };
}

/**
 * Whether each core module is entered only through its entry (core/<module>/index.ts). scripts/core-entries.mjs writes
 * the entries, sends every import to them and then sets this to true (and its twin in test/conventions.test.ts).
 */
const ENTRIES_IN_FORCE = true;
const ENTERED = ENTRIES_IN_FORCE
  ? readdirSync(new URL('./core', import.meta.url), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  : [];

/**
 * A pattern refusing imports of a file inside an entered core module: the entry is the way in. `own` is the core
 * module of the files the rule is for (their paths to a sibling are `../<module>/…`); outside core, paths name core/.
 */
function throughEntries(own) {
  const modules = ENTERED.filter((m) => m !== own);
  if (modules.length === 0) return [];
  return [
    {
      regex: `^(\\.\\.\\/)+${own ? '' : 'core\\/'}(${modules.join('|')})\\/.`,
      message: 'Import a core module from its entry (core/<module>, its index.ts), not from a file inside it.',
    },
  ];
}

/** The no-restricted-imports rule: one per file, since a later configuration replaces an earlier one's options. */
function restrict(...patterns) {
  return ['error', { patterns }];
}

export default tseslint.config(
  {
    ignores: ['dist/**', '.wxt/**', '.output/**', 'node_modules/**', 'test/fixtures/**', 'site/public/**', 'bench/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused names are allowed when they say so: `_` prefixed parameters of callbacks whose shape is fixed.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Scripts and configuration in plain JavaScript run in Node and are not part of a TypeScript project.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'Buffer', 'setTimeout', 'clearTimeout', 'TextEncoder', 'TextDecoder'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
  },
  {
    // idb's types name the DOM's IndexedDB interfaces, which core's DOM-free compiler settings (core/tsconfig.json) do
    // not have: there they are unresolved, so these rules see "any" where the site's settings see the real types.
    files: ['core/store/**'],
    rules: {
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    files: ['core/report/**'],
    rules: {
      'no-restricted-imports': restrict(
        refuse(['analysis', 'dns', 'store'], 'core/report is the lowest layer: it imports no other core module.'),
        ...throughEntries('report'),
      ),
    },
  },
  {
    files: ['core/analysis/**'],
    rules: {
      'no-restricted-imports': restrict(
        refuse(['dns', 'store'], 'core/analysis imports only core/report.'),
        ...throughEntries('analysis'),
      ),
    },
  },
  {
    files: ['core/dns/**'],
    rules: {
      'no-restricted-imports': restrict(
        refuse(['store'], 'core/dns and core/store are siblings: neither imports the other.'),
        ...throughEntries('dns'),
      ),
    },
  },
  {
    files: ['core/store/**'],
    rules: {
      'no-restricted-imports': restrict(
        refuse(['dns'], 'core/dns and core/store are siblings: neither imports the other.'),
        ...throughEntries('store'),
      ),
    },
  },
  {
    files: ['core/i18n/**'],
    rules: {
      'no-restricted-imports': restrict(
        refuse(
          ['report', 'analysis', 'dns', 'store'],
          'core/i18n is the lowest layer: it imports no other core module.',
        ),
        ...throughEntries('i18n'),
      ),
    },
  },
  {
    files: ['site/**'],
    rules: {
      'no-restricted-imports': restrict(
        refuseCore(['extension', 'cli'], 'The site never imports the extension or the CLI.'),
        ...throughEntries(),
      ),
    },
  },
  {
    files: ['cli/**'],
    rules: {
      'no-restricted-imports': restrict(
        refuseCore(['extension', 'site'], 'The CLI imports core only.'),
        ...throughEntries(),
      ),
    },
  },
  {
    files: ['extension/**'],
    rules: { 'no-restricted-imports': restrict(...throughEntries()) },
  },
);
