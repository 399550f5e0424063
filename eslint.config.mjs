// Lint is a correctness gate (`npm test` runs it with zero findings allowed): typescript-eslint with type information,
// and the import boundaries of ARCHITECTURE.md as rules. Modules are layered, lowest first: core/report →
// core/analysis → core/dns · core/store → site · cli → extension. A file imports its own module and the layers below,
// never a layer above or a sibling of its own layer. test/conventions.test.ts checks the same graph for cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A no-restricted-imports rule refusing relative imports that reach any of `targets` (paths from the root). */
function refuse(targets, why) {
  const alternatives = targets.map((t) => t.replaceAll('/', '\\/')).join('|');
  return ['error', { patterns: [{ regex: `^(\\.\\.?\\/)+(${alternatives})(\\/|$)`, message: why }] }];
}

/** Imports from a core module's inside; relative paths from any depth, so `../../core/report/x` and `../report/x`. */
function refuseCore(modules, why) {
  const alternatives = modules.join('|');
  return ['error', { patterns: [{ regex: `^(\\.\\.\\/)+(core\\/)?(${alternatives})(\\/|$)`, message: why }] }];
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
      'no-restricted-imports': refuse(
        ['analysis', 'dns', 'store'],
        'core/report is the lowest layer: it imports no other core module.',
      ),
    },
  },
  {
    files: ['core/analysis/**'],
    rules: { 'no-restricted-imports': refuse(['dns', 'store'], 'core/analysis imports only core/report.') },
  },
  {
    files: ['core/dns/**'],
    rules: {
      'no-restricted-imports': refuse(['store'], 'core/dns and core/store are siblings: neither imports the other.'),
    },
  },
  {
    files: ['core/store/**'],
    rules: {
      'no-restricted-imports': refuse(['dns'], 'core/dns and core/store are siblings: neither imports the other.'),
    },
  },
  {
    files: ['site/**'],
    rules: {
      'no-restricted-imports': refuseCore(['extension', 'cli'], 'The site never imports the extension or the CLI.'),
    },
  },
  {
    files: ['cli/**'],
    rules: { 'no-restricted-imports': refuseCore(['extension', 'site'], 'The CLI imports core only.') },
  },
);
