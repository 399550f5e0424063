import { defineConfig } from 'vitest/config';

// Unit, property and corpus tests run in Node. Browser tests (test/browser) run under Playwright instead.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/browser/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
