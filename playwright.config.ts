import { defineConfig } from '@playwright/test';

// Browser tests run the real built site (dist/site) and the real built extension (dist/extension) in Debian's
// Chromium (and Firefox ESR through puppeteer-core where an issue asks). Browsers are never downloaded:
// scripts/test.mjs checks /usr/bin/chromium first and says what to install.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The built site's port: 4174 unless SITE_PORT says otherwise (two test runs on one machine). Specs read SITE_ORIGIN.
const sitePort = Number(process.env.SITE_PORT ?? 4174);
process.env.SITE_ORIGIN ??= `http://127.0.0.1:${sitePort}`;

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'dist/test-results/playwright.json' }]],
  outputDir: 'dist/test-results/playwright',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: {
    command: `node scripts/serve-site.mjs ${sitePort}`,
    port: sitePort,
    reuseExistingServer: false,
  },
});
