import { defineConfig } from 'wxt';

// The extension's source lives in extension/ (see issue 5). Kept minimal until the extension lands.
export default defineConfig({
  srcDir: 'extension',
  outDir: 'dist/extension',
});
