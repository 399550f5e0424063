import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { META_CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.mjs';

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

// The static web app: built to dist/site, served by `npm start` (scripts/serve-site.mjs).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [preact(), tailwindcss(), contentSecurityPolicyMeta()],
  build: {
    outDir: fileURLToPath(new URL('../dist/site', import.meta.url)),
    emptyOutDir: true,
    // Every asset a file of its own, never a data: URL: the sample reports are fetched, and connect-src allows the
    // site's own origin, not data:.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
});
