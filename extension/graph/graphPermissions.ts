// What Graph mode asks for, only when the user turns it on: the identity API (for the sign-in window) and the two
// Microsoft hosts. Kept apart from the settings code because wxt.config.ts declares these as optional in the manifest.
export const GRAPH_ORIGINS = ['https://graph.microsoft.com/*', 'https://login.microsoftonline.com/*'];
export const GRAPH_PERMISSIONS = { permissions: ['identity' as const], origins: GRAPH_ORIGINS };
