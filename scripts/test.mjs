// `npm test`: every test of the project, in order — type checks, format check and lint, unit/property/corpus tests
// (Vitest, Node), the builds, then the browser tests (Playwright on the built site and extension). Ends with one line
// `N passed, N failed` carrying the real totals (CI reads it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';

const results = 'dist/test-results';
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
// What failed, repeated just above the totals: CI keeps only the end of the output.
const failures = [];

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const status = spawnSync(command, args, { stdio: 'inherit', shell: false }).status;
  if (status !== 0) failures.push(`step: ${label}`);
  return status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

// 1. Type checks count as one test each: a type error is a failure.
for (const project of ['tsconfig.json', 'core/tsconfig.json']) {
  if (run(`typecheck ${project}`, 'npx', ['tsc', '-p', project, '--noEmit'])) passed++;
  else failed++;
}

// 2. One formatting and zero lint findings (eslint.config.mjs: type-aware rules and the module layers), one test each.
if (run('format check', 'npx', ['prettier', '--check', '--log-level', 'warn', '.'])) passed++;
else failed++;
if (run('lint', 'npx', ['eslint', '--max-warnings', '0', '.'])) passed++;
else failed++;

// 3. Node tests.
run('unit, property and corpus tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${results}/vitest.json`,
]);
const vitest = readJson(`${results}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  for (const file of vitest.testResults) {
    const failing = file.assertionResults.filter((t) => t.status === 'failed');
    for (const t of failing) failures.push(`vitest: ${file.name} › ${t.fullName}`);
    // A test file that failed without any failing test could not even load: count it once.
    if (file.status === 'failed' && failing.length === 0) {
      failed++;
      failures.push(`vitest: ${file.name} did not load: ${String(file.message).slice(0, 300)}`);
    }
  }
} else failed++;

// 4. Browser tests, when there are any: build what they exercise, then run them.
const hasBrowserTests = (dir) =>
  existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.spec.ts'));
if (hasBrowserTests('test/browser')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(
      `\nBrowser tests need Chromium at ${chromium} (and Firefox ESR for the extension's Firefox tests).\n` +
        'Install them with:  sudo apt-get install -y chromium firefox-esr\n' +
        '(Playwright cannot download browsers on these machines; never run `npx playwright install`.)',
    );
    failed++;
  } else {
    // The offline ASN/country table (site/public/data, not committed) ships with the site and the extension.
    const built =
      run('build ASN table', 'node', ['scripts/build-asn-table.mjs']) &&
      run('build site', 'npx', ['vite', 'build', '--config', 'site/vite.config.ts']);
    const extBuilt =
      run('build extension (chrome)', 'npx', ['wxt', 'build']) &&
      run('build extension (firefox MV3)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']) &&
      run('build extension (firefox MV2)', 'npx', ['wxt', 'build', '-b', 'firefox']);
    // Both Firefox builds must pass Mozilla's linter with no error and no warning (AMO reviewers read the warnings):
    // a test each.
    if (extBuilt) {
      for (const build of ['firefox-mv3', 'firefox-mv2']) {
        const args = ['web-ext', 'lint', '--warnings-as-errors', '-s', `dist/extension/${build}`];
        if (run(`web-ext lint (${build})`, 'npx', args)) passed++;
        else failed++;
      }
    }
    if (!built || !extBuilt) failed++;
    const ran = run('browser tests', 'npx', ['playwright', 'test']);
    const pw = readJson(`${results}/playwright.json`);
    if (pw?.stats) {
      passed += pw.stats.expected + (pw.stats.flaky ?? 0);
      failed += pw.stats.unexpected;
      const specs = (suite) => [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specs)];
      for (const spec of (pw.suites ?? []).flatMap(specs)) {
        if (spec.tests?.some((t) => t.status === 'unexpected')) failures.push(`browser: ${spec.file} › ${spec.title}`);
      }
      // Errors outside any test (the site's server could not start, a spec file would not load) stop tests from
      // running at all, and the report then counts nothing as failed: each counts as a failure.
      for (const error of pw.errors ?? []) {
        failed++;
        failures.push(
          `browser: ${String(error.message ?? error)
            .split('\n')[0]
            .slice(0, 300)}`,
        );
      }
      // Playwright failed without saying why in its report: that counts too.
      if (!ran && pw.stats.unexpected === 0 && (pw.errors ?? []).length === 0) failed++;
    } else failed++;
  }
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
