// Microsoft Graph as the background uses it, only when the user turned Graph mode on: OAuth 2.0 authorization code with
// PKCE (RFC 7636) through the identity API, scope Mail.Read; then JSON calls with the bearer token. Never reads tokens
// from the Outlook page.
import { bytesToBase64 } from '../messaging/base64Bytes';
import { GRAPH_PERMISSIONS, readGraphSettings, type GraphSettings } from './graphSettings';

export const GRAPH = 'https://graph.microsoft.com/v1.0';
const SCOPE = 'https://graph.microsoft.com/Mail.Read';

interface AccessToken {
  token: string;
  /** Unix milliseconds. */
  expiresAt: number;
}
/** Kept in memory only: a token never touches storage. Losing it (service worker restart) means one more sign-in. */
let cachedToken: AccessToken | undefined;

/** Graph mode's settings when it is on and holds its permissions; otherwise why it cannot be used, in words. */
export async function usableGraphSettings(): Promise<
  { ok: true; settings: GraphSettings } | { ok: false; message: string }
> {
  const settings = await readGraphSettings();
  if (!settings.enabled || settings.clientId === '') return { ok: false, message: 'Graph mode is off.' };
  if (!(await browser.permissions.contains(GRAPH_PERMISSIONS))) {
    return { ok: false, message: 'Graph mode lacks its permissions; turn it on again in the options.' };
  }
  return { ok: true, settings };
}

/** A Graph error with its status, so callers can wait out throttling (429 with Retry-After). */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterSeconds: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** A Graph collection, following its `@odata.nextLink` pages (a long conversation has more than one page). */
export async function graphList<T>(token: string, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let url: string | undefined = `${GRAPH}${path}`, pages = 0; url !== undefined && pages < 20; pages++) {
    const page: { value: T[]; '@odata.nextLink'?: string } = await graphJson(token, url);
    items.push(...page.value);
    const next = page['@odata.nextLink'];
    url = next !== undefined && isGraphUrl(next) ? next : undefined;
  }
  return items;
}

/** Only Graph's own v1.0 addresses are followed: a next or delta link is data from the network. */
export function isGraphUrl(url: string): boolean {
  return url.startsWith(`${GRAPH}/`);
}

export async function graphJson<T>(token: string, url: string): Promise<T> {
  const response = await graphFetch(token, url);
  return (await response.json()) as T;
}

export async function graphBytes(token: string, url: string): Promise<Uint8Array> {
  const response = await graphFetch(token, url);
  return new Uint8Array(await response.arrayBuffer());
}

async function graphFetch(token: string, url: string): Promise<Response> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (response.status === 401) cachedToken = undefined;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new GraphError(
      response.status,
      Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
      `Microsoft Graph answered ${response.status}`,
    );
  }
  return response;
}

/**
 * A token for Mail.Read. `interactive: false` (the background sync) never opens a window: it succeeds only when the
 * user's Microsoft session signs in without asking (`prompt=none`), and otherwise fails with a message to say so.
 */
export async function graphAccessToken(settings: GraphSettings, interactive = true): Promise<string> {
  if (cachedToken !== undefined && cachedToken.expiresAt > Date.now() + 60_000) return cachedToken.token;
  const authority = `https://login.microsoftonline.com/${encodeURIComponent(settings.tenant)}/oauth2/v2.0`;
  const redirectUri = browser.identity.getRedirectURL();
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const authorize = new URL(`${authority}/authorize`);
  authorize.search = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: SCOPE,
    code_challenge: challenge,
    code_challenge_method: 'S256', // RFC 7636 §4.2
    state,
    ...(interactive ? {} : { prompt: 'none' }),
  }).toString();
  let answerUrl: string | undefined;
  try {
    answerUrl = await browser.identity.launchWebAuthFlow({ url: authorize.href, interactive });
  } catch (error) {
    if (interactive) throw error;
    throw new Error('signing in needs you: open an Outlook report card or the options once', { cause: error });
  }
  if (answerUrl === undefined) throw new Error('sign-in was cancelled');
  const answer = new URL(answerUrl);
  if (answer.searchParams.get('state') !== state) throw new Error('the sign-in answer did not match the request');
  const code = answer.searchParams.get('code');
  if (code === null) throw new Error(answer.searchParams.get('error_description') ?? 'sign-in was cancelled');
  const response = await fetch(`${authority}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: settings.clientId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier, // RFC 7636 §4.5
      scope: SCOPE,
    }),
  });
  const body = (await response.json()) as { access_token?: string; expires_in?: number; error_description?: string };
  if (!response.ok || body.access_token === undefined)
    throw new Error(body.error_description ?? `token request answered ${response.status}`);
  cachedToken = { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 };
  return cachedToken.token;
}

function base64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
