import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit, property and corpus tests run in Node. Browser tests (test/browser) run under Playwright instead.
const include = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
const exclude = ['test/browser/**', 'node_modules/**', 'dist/**'];

export default defineConfig({
  test: {
    // No include here: a project that extends this config would add its own include to it, not replace it.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include, exclude: [...exclude, 'test/extension/**'] } },
      {
        extends: true,
        // WXT's plugin gives extension code its `browser`: WXT's in-memory fake (wxt/testing/fake-browser).
        plugins: [WxtVitest()],
        // The build-time globals of the Chrome MV3 build, which the plugin's own `define` does not reach in a
        // Vitest project; a test of the Firefox branch stubs them (vi.stubEnv).
        define: {
          'import.meta.env.BROWSER': JSON.stringify('chrome'),
          'import.meta.env.CHROME': 'true',
          'import.meta.env.FIREFOX': 'false',
          'import.meta.env.MANIFEST_VERSION': '3',
        },
        test: { name: 'extension', include: ['test/extension/**/*.test.ts'], exclude },
      },
    ],
  },
});
