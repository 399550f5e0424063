// The Microsoft hosts Graph mode needs, requested only when the user turns it on. Kept alone in this file because
// wxt.config.ts imports it (at build time, outside any browser) to declare them as optional in the manifest.
export const GRAPH_ORIGINS = ['https://graph.microsoft.com/*', 'https://login.microsoftonline.com/*'];
