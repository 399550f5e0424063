// Runs only the extension's browser tests, without the site server the main playwright.config.ts starts (these tests
// serve their own fake webmail): `npx playwright test -c test/browser/extension/playwright.extension.config.ts`.
import { defineConfig } from '@playwright/test';
import base from '../../../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  webServer: undefined,
  reporter: [['list']],
  outputDir: '../../../dist/test-results/playwright-extension',
});
