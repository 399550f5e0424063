import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';
import { GRAPH_ORIGINS } from './extension/graph/graphPermissions';

// The extension (issue 5). Source in extension/, builds in dist/extension/<browser>-mv3. Permissions are minimal:
// the content script's webmail hosts and `storage`; Graph mode's `identity` and Microsoft hosts are optional and
// requested only when the user turns it on (extension/entrypoints/options).
export default defineConfig({
  srcDir: 'extension',
  outDir: 'dist/extension',
  // `worker.format: 'es'`: the dashboard (the site's app) imports reports in module Web Workers, as on the site.
  vite: () => ({ plugins: [preact(), tailwindcss()], worker: { format: 'es' } }),
  manifest: ({ browser }) => ({
    name: 'DMARC Lens',
    description:
      'Summarizes DMARC and SMTP TLS report attachments inside Gmail and Outlook on the web. Reports are read in your browser; nothing is sent anywhere.',
    // Firefox cannot make `identity` optional (and shows no install prompt for it), so there it is a plain permission;
    // the Microsoft hosts stay optional on both.
    permissions: browser === 'firefox' ? ['storage', 'identity'] : ['storage'],
    ...(browser === 'firefox' ? {} : { optional_permissions: ['identity'] }),
    optional_host_permissions: GRAPH_ORIGINS,
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
