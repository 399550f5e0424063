// The DNS-over-HTTPS hosts the watch's live lookups may ask (the site's servers, site/src/dns/dohResolver.ts), as
// optional host permissions: one is requested when the user turns live lookups on in the options. Kept alone in this
// file because wxt.config.ts imports it (at build time, outside any browser) to declare them in the manifest;
// test/extension/monitor/liveLookups.test.ts holds it to the site's list.
export const DOH_ORIGINS = ['https://cloudflare-dns.com/*', 'https://dns.google/*'];
