import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';
import { GRAPH_ORIGINS } from './extension/graph/graphPermissions';
import { DOH_ORIGINS } from './extension/monitor/dohHosts';
import { preactWithoutInnerHtml } from './scripts/preactWithoutInnerHtml';

// The extension (issue 5). Source in extension/, builds in dist/extension/<browser>-mv3. Permissions are minimal:
// the content script's webmail hosts and `storage`; Graph mode's `identity` and Microsoft hosts are optional and
// requested only when the user turns it on (extension/entrypoints/options).
export default defineConfig({
  srcDir: 'extension',
  outDir: 'dist/extension',
  // The dashboard page is the site's app: it gets the site's static files too (data/asn-table.bin for offline
  // sender lookups, when built), at the same relative paths.
  publicDir: 'site/public',
  // `worker.format: 'es'`: the dashboard (the site's app) imports reports in module Web Workers, as on the site.
  // preactWithoutInnerHtml: AMO's linter (web-ext lint) warns of Preact's innerHTML assignment, which nothing uses.
  vite: () => ({ plugins: [preact(), tailwindcss(), preactWithoutInnerHtml()], worker: { format: 'es' } }),
  // The Firefox sources zip (for add-on review) holds what rebuilds the extension: no build output, benchmarks or tests,
  // except the report fixtures the site's sample set bundles.
  zip: {
    excludeSources: ['dist/**', 'bench/**', 'test/**'],
    includeSources: ['test/fixtures/reports/**'],
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const file of readdirSync('extension/icons').filter((name) => name.endsWith('.png')))
        files.push({ absoluteSrc: resolve('extension/icons', file), relativeDest: `icons/${file}` });
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'DMARC Lens',
    description:
      'Summarizes DMARC and SMTP TLS report attachments inside Gmail and Outlook on the web. Reports are read in your browser; nothing is sent anywhere.',
    // Firefox cannot make `identity` optional (and shows no install prompt for it), so there it is a plain permission;
    // the Microsoft hosts stay optional on both. Chrome's `offscreen` (no install prompt): its service worker cannot
    // start Workers, so attachments are read in Workers of an offscreen document (entrypoints/offscreen).
    // `alarms` wakes the background for the opt-in Outlook folder sync (extension/sync/graphSync.ts); no install prompt.
    // `notifications` tells the watch's alerts (extension/monitor).
    permissions:
      browser === 'firefox'
        ? ['storage', 'identity', 'alarms', 'notifications']
        : ['storage', 'offscreen', 'alarms', 'notifications'],
    // The mark in extension/icons (drawn as SVG, rendered by scripts/render-extension-icons.mjs, copied by the hook
    // below). Firefox also gets toolbar variants for light and dark themes; Chrome has no such choice.
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: {
      default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' },
      ...(browser === 'firefox'
        ? {
            // Firefox's words: `light` is the light icon, shown on dark themes; `dark` the dark one.
            theme_icons: [16, 32].map((size) => ({
              light: `icons/toolbar-for-dark-themes-${size}.png`,
              dark: `icons/toolbar-for-light-themes-${size}.png`,
              size,
            })),
          }
        : {}),
    },
    // MV2 (Firefox only) has no optional_host_permissions: hosts go with the optional permissions there.
    // The watch's opt-in live DNS lookups ask one DNS-over-HTTPS host (extension/monitor/liveLookups.ts), optional too.
    ...(manifestVersion === 2
      ? { optional_permissions: [...GRAPH_ORIGINS, ...DOH_ORIGINS] }
      : {
          optional_host_permissions: [...GRAPH_ORIGINS, ...DOH_ORIGINS],
          ...(browser === 'firefox' ? {} : { optional_permissions: ['identity'] }),
        }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: '{5f0b3d62-7c1e-4a8e-9d2f-0b6c1a7e4d93}',
              // 142: the first Firefox (desktop and Android) with data_collection_permissions.
              strict_min_version: '142.0',
              // Email content is processed locally and never transmitted.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
