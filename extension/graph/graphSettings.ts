// The opt-in Microsoft Graph mode for Outlook: off unless the user enters their own application (client) id and grants
// the optional permissions. Nothing of it runs, and no request goes to Microsoft, while it is off.
import { GRAPH_ORIGINS } from './graphPermissions';

/** What turning Graph mode on asks for. Firefox grants `identity` at install (it cannot be optional there). */
export const GRAPH_PERMISSIONS =
  import.meta.env.BROWSER === 'firefox'
    ? { origins: GRAPH_ORIGINS }
    : { permissions: ['identity' as const], origins: GRAPH_ORIGINS };

export interface GraphSettings {
  enabled: boolean;
  /** The Entra application (client) id the user registered, with this extension's redirect URL as SPA redirect. */
  clientId: string;
  /** `common`, `organizations`, `consumers` or a tenant id. */
  tenant: string;
}

const SETTINGS_KEY = 'graphSettings';
export const DEFAULT_GRAPH_SETTINGS: GraphSettings = { enabled: false, clientId: '', tenant: 'common' };

export async function readGraphSettings(): Promise<GraphSettings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Partial<GraphSettings> | undefined;
  return { ...DEFAULT_GRAPH_SETTINGS, ...stored };
}

export async function writeGraphSettings(settings: GraphSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** Application ids are GUIDs; anything else would only produce a confusing sign-in error later. */
export function isApplicationId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value.trim());
}

/**
 * The redirect URL the user registers with their application, shown before Graph mode is on (the application id comes
 * from that registration) and after it is turned off. Chrome's is the documented `https://<extension id>.chromiumapp.org/`
 * (what `identity.getRedirectURL()` returns); it is built here because Chrome exposes no usable `identity` API while
 * the optional permission is not granted: once given back, `identity.getRedirectURL` throws "not available in this
 * context", which blanked the options page. Firefox grants `identity` at install and derives its own URL.
 */
export function graphRedirectUrl(): string {
  if (import.meta.env.BROWSER === 'firefox') return browser.identity.getRedirectURL();
  return `https://${browser.runtime.id}.chromiumapp.org/`;
}
