// Microsoft Graph tier of Outlook attachments (runs in the background, only when the user turned Graph mode on):
// OAuth 2.0 authorization code with PKCE (RFC 7636) through the identity API, scope Mail.Read, then
// /me/messages?$filter=conversationId eq '…' → /attachments → /$value. Never reads tokens from the Outlook page.
import type { GraphAnswer } from '../messaging/messages';
import { bytesToBase64 } from '../messaging/base64Bytes';
import { GRAPH_PERMISSIONS, readGraphSettings, type GraphSettings } from './graphSettings';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const SCOPE = 'https://graph.microsoft.com/Mail.Read';

interface AccessToken {
  token: string;
  /** Unix milliseconds. */
  expiresAt: number;
}
/** Kept in memory only: a token never touches storage. Losing it (service worker restart) means one more sign-in. */
let cachedToken: AccessToken | undefined;

export async function readGraphAttachment(conversationId: string, fileName: string): Promise<GraphAnswer> {
  const settings = await readGraphSettings();
  if (!settings.enabled || settings.clientId === '') return { ok: false, reason: 'off', message: 'Graph mode is off.' };
  if (!(await browser.permissions.contains(GRAPH_PERMISSIONS))) {
    return { ok: false, reason: 'off', message: 'Graph mode lacks its permissions; turn it on again in the options.' };
  }
  try {
    const token = await accessToken(settings);
    // Outlook on the web names the conversation by its EWS id; Graph knows the REST form of the same id. The id as the
    // page has it is asked only when its REST form finds nothing.
    let messages: Array<{ id: string; hasAttachments: boolean }> = [];
    for (const id of new Set([toRestId(conversationId), conversationId])) {
      messages = await graphList<{ id: string; hasAttachments: boolean }>(
        token,
        `/me/messages?$filter=${encodeURIComponent(`conversationId eq '${id.replace(/'/g, "''")}'`)}&$select=id,hasAttachments`,
      );
      if (messages.length > 0) break;
    }
    for (const message of messages.filter((m) => m.hasAttachments)) {
      const attachments = await graphList<{ id: string; name: string }>(
        token,
        `/me/messages/${encodeURIComponent(message.id)}/attachments?$select=id,name`,
      );
      const match = attachments.find((a) => a.name === fileName);
      if (match === undefined) continue;
      const response = await fetch(
        `${GRAPH}/me/messages/${encodeURIComponent(message.id)}/attachments/${encodeURIComponent(match.id)}/$value`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if (response.status === 401) cachedToken = undefined;
      if (!response.ok) throw new Error(`Microsoft Graph answered ${response.status} to the download`);
      return { ok: true, base64: bytesToBase64(new Uint8Array(await response.arrayBuffer())) };
    }
    return {
      ok: false,
      reason: 'not-found',
      message: `Microsoft Graph found no attachment named ${fileName} in this conversation.`,
    };
  } catch (error) {
    // Chrome's own messages end with a period ("Authorization page could not be loaded."); say it once.
    const said = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
    return { ok: false, reason: 'failed', message: `Microsoft Graph: ${said}.` };
  }
}

/**
 * EWS ids (what Outlook on the web puts in the page) are standard base64; Graph's REST ids are the same bytes with `-`
 * for `/` and `_` for `+` (the conversion Office.js's `convertToRestId` makes).
 */
export function toRestId(ewsId: string): string {
  return ewsId.replace(/\//g, '-').replace(/\+/g, '_');
}

/** A Graph collection, following its `@odata.nextLink` pages (a long conversation has more than one page). */
async function graphList<T>(token: string, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let url: string | undefined = `${GRAPH}${path}`, pages = 0; url !== undefined && pages < 20; pages++) {
    const page: { value: T[]; '@odata.nextLink'?: string } = await graphJson(token, url);
    items.push(...page.value);
    const next = page['@odata.nextLink'];
    url = next !== undefined && next.startsWith(`${GRAPH}/`) ? next : undefined;
  }
  return items;
}

async function graphJson<T>(token: string, url: string): Promise<T> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (response.status === 401) cachedToken = undefined;
  if (!response.ok) throw new Error(`Microsoft Graph answered ${response.status}`);
  return (await response.json()) as T;
}

async function accessToken(settings: GraphSettings): Promise<string> {
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
  }).toString();
  const answerUrl = await browser.identity.launchWebAuthFlow({ url: authorize.href, interactive: true });
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
