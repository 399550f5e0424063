import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { META_CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.mjs';
import { compileServiceWorker, listPublicFiles, offlineFiles } from './offlineBuild';

const SERVICE_WORKER = 'sw.js';

/**
 * The Content-Security-Policy as a <meta> element first in the built index.html, for static hosts that cannot send
 * headers (serve-site.mjs sends it as a header too). Build only: Vite's dev server injects inline scripts it would block.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'dmarc-lens-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      // Right after the charset, before anything the policy governs. The policy holds no double quote to escape.
      const charset = '<meta charset="utf-8" />';
      if (!html.includes(charset)) throw new Error(`site/index.html lost its ${charset}`);
      return html.replace(
        charset,
        `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

/**
 * sw.js, the offline copy's service worker, written last into the build with the list of every file the build wrote
 * (scripts, styles, index.html, and what site/public holds: the ASN table, the manifest, the icons).
 */
function offlineServiceWorker(): Plugin {
  return {
    name: 'dmarc-lens-offline',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const contents = new Map<string, string | Uint8Array>();
      for (const item of Object.values(bundle))
        contents.set(item.fileName, item.type === 'chunk' ? item.code : item.source);
      for (const file of listPublicFiles(fileURLToPath(new URL('./public', import.meta.url))))
        contents.set(file.name, file.bytes);
      const entry = fileURLToPath(new URL('./src/offline/serviceWorker.ts', import.meta.url));
      const source = await compileServiceWorker(entry, offlineFiles(contents, SERVICE_WORKER));
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER, source });
    },
  };
}

// The static web app: built to dist/site, served by `npm start` (scripts/serve-site.mjs).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [preact(), tailwindcss(), contentSecurityPolicyMeta(), offlineServiceWorker()],
  build: {
    outDir: fileURLToPath(new URL('../dist/site', import.meta.url)),
    emptyOutDir: true,
    // Every asset a file of its own, never a data: URL: the sample reports are fetched, and connect-src allows the
    // site's own origin, not data:.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
});
