// A fake Microsoft identity platform (login.microsoftonline.com, OAuth 2.0 authorization code with PKCE) and Microsoft
// Graph (graph.microsoft.com /v1.0/me/messages, /attachments) for Graph mode's browser test. It answers on the real
// origins, as the services document themselves, and checks what a real service would refuse: an unknown application
// id or redirect URI, a missing S256 challenge, a code verifier that does not match the challenge (RFC 7636 §4.6), a
// code used twice, a Graph call without the token it issued. Every refusal is also recorded in `problems`.
import { createHash } from 'node:crypto';
import type { FakeRequest } from './launchExtension';
import type { WebmailAnswer } from './webmailRoutes';

export interface FakeMessage {
  id: string;
  attachments: Array<{ id: string; name: string; contentType: string; bytes: Uint8Array }>;
}

export interface FakeMicrosoftOptions {
  clientId: string;
  tenant: string;
  redirectUri: string;
  /** Messages by Graph conversation id (REST format). */
  conversations: Record<string, FakeMessage[]>;
}

export interface FakeMicrosoft {
  answer: (url: URL, request: FakeRequest) => Promise<WebmailAnswer | undefined>;
  /** What the fake refused, in words: the test expects none. */
  problems: string[];
  /** Authorization requests seen (their query), token requests redeemed, Graph calls made (path + query). */
  authorizations: URLSearchParams[];
  tokenRequests: URLSearchParams[];
  graphCalls: string[];
  accessToken: string;
  /** Every request as `via METHOD origin+path` (via: context.route or the local HTTPS server). */
  seen: string[];
  /** The next sign-in: the user consents (default) or declines on Microsoft's page. */
  nextSignIn: 'consent' | 'decline';
}

const base64Url = (bytes: Buffer) =>
  bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const json = (status: number, body: unknown, extra: Record<string, string> = {}): WebmailAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...extra },
  body: Buffer.from(JSON.stringify(body)),
});
// Microsoft answers the token endpoint and Graph with CORS headers for single-page applications.
const CORS = { 'access-control-allow-origin': '*' };

export function fakeMicrosoft(options: FakeMicrosoftOptions): FakeMicrosoft {
  const authority = `/${options.tenant}/oauth2/v2.0`;
  const problems: string[] = [];
  const authorizations: URLSearchParams[] = [];
  const tokenRequests: URLSearchParams[] = [];
  const graphCalls: string[] = [];
  const seen: string[] = [];
  /** Issued codes → the PKCE challenge and redirect URI they were issued for. */
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const accessToken = `fake-access-token-${base64Url(createHash('sha256').update(String(Math.random())).digest())}`;
  const refuse = (status: number, error: string, description: string): WebmailAnswer => {
    problems.push(`${error}: ${description}`);
    return json(status, { error, error_description: description }, CORS);
  };

  function answerLogin(url: URL, request: FakeRequest): WebmailAnswer {
    if (url.pathname === `${authority}/authorize` && request.method === 'GET') {
      const q = url.searchParams;
      authorizations.push(q);
      if (q.get('client_id') !== options.clientId)
        return refuse(400, 'unauthorized_client', `unknown application ${q.get('client_id')}`);
      if (q.get('redirect_uri') !== options.redirectUri)
        return refuse(400, 'invalid_request', `redirect URI ${q.get('redirect_uri')} is not registered`);
      if (q.get('response_type') !== 'code')
        return refuse(400, 'unsupported_response_type', String(q.get('response_type')));
      if (!(q.get('scope') ?? '').split(' ').includes('https://graph.microsoft.com/Mail.Read'))
        return refuse(400, 'invalid_scope', String(q.get('scope')));
      const challenge = q.get('code_challenge') ?? '';
      if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
        return refuse(400, 'invalid_request', 'PKCE with S256 is required');
      }
      if (fake.nextSignIn === 'decline') {
        // The user declined consent: Microsoft sends the browser back with an error instead of a code.
        fake.nextSignIn = 'consent';
        const back = new URL(options.redirectUri);
        back.search = new URLSearchParams({
          error: 'access_denied',
          error_description: 'AADSTS65004: User declined to consent to access the app.',
          state: q.get('state') ?? '',
        }).toString();
        return { status: 302, headers: { location: back.href, 'cache-control': 'no-store' }, body: Buffer.from('') };
      }
      // The user signed in and consented: back to the redirect URI with a code, as Microsoft does (302).
      const code = `fake-code-${codes.size + 1}-${base64Url(createHash('sha256').update(challenge).digest()).slice(0, 16)}`;
      codes.set(code, { challenge, redirectUri: options.redirectUri });
      const back = new URL(options.redirectUri);
      back.search = new URLSearchParams({
        code,
        state: q.get('state') ?? '',
        session_state: 'fake-session',
      }).toString();
      return { status: 302, headers: { location: back.href, 'cache-control': 'no-store' }, body: Buffer.from('') };
    }
    if (url.pathname === `${authority}/token`) {
      if (request.method === 'OPTIONS')
        return {
          status: 204,
          headers: { ...CORS, 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST' },
          body: Buffer.from(''),
        };
      if (request.method !== 'POST') return refuse(405, 'invalid_request', 'token requests are POSTed');
      if (!/^application\/x-www-form-urlencoded/.test(request.headers['content-type'] ?? '')) {
        return refuse(400, 'invalid_request', 'the token request body must be form-encoded');
      }
      const form = new URLSearchParams(request.body?.toString('utf8') ?? '');
      tokenRequests.push(form);
      const issued = codes.get(form.get('code') ?? '');
      if (form.get('grant_type') !== 'authorization_code')
        return refuse(400, 'unsupported_grant_type', String(form.get('grant_type')));
      if (form.get('client_id') !== options.clientId)
        return refuse(400, 'invalid_client', String(form.get('client_id')));
      if (issued === undefined) return refuse(400, 'invalid_grant', 'the code is unknown or was already redeemed');
      codes.delete(form.get('code') ?? '');
      if (form.get('redirect_uri') !== issued.redirectUri)
        return refuse(400, 'invalid_grant', 'redirect_uri differs from the authorization request');
      const verifier = form.get('code_verifier') ?? '';
      // RFC 7636 §4.1: 43–128 unreserved characters; §4.6: BASE64URL(SHA256(verifier)) == challenge.
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return refuse(400, 'invalid_grant', 'malformed code_verifier');
      if (base64Url(createHash('sha256').update(verifier, 'ascii').digest()) !== issued.challenge) {
        return refuse(400, 'invalid_grant', 'the code_verifier does not match the code_challenge');
      }
      return json(
        200,
        {
          token_type: 'Bearer',
          scope: 'https://graph.microsoft.com/Mail.Read',
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: accessToken,
        },
        CORS,
      );
    }
    return refuse(404, 'not_found', `${request.method} ${url.pathname}`);
  }

  function answerGraph(url: URL, request: FakeRequest): WebmailAnswer {
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: { ...CORS, 'access-control-allow-headers': 'authorization', 'access-control-allow-methods': 'GET' },
        body: Buffer.from(''),
      };
    }
    graphCalls.push(`${url.pathname}${url.search}`);
    if (request.headers.authorization !== `Bearer ${accessToken}`) {
      problems.push(`Graph call without the issued token: ${url.pathname}`);
      return json(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } }, CORS);
    }
    const all = Object.values(options.conversations).flat();
    const select = (object: Record<string, unknown>) => {
      const fields = url.searchParams.get('$select')?.split(',');
      return fields === undefined
        ? object
        : Object.fromEntries(Object.entries(object).filter(([key]) => key.startsWith('@') || fields.includes(key)));
    };
    const attachmentJson = (a: FakeMessage['attachments'][number]) => ({
      '@odata.type': '#microsoft.graph.fileAttachment',
      id: a.id,
      name: a.name,
      contentType: a.contentType,
      size: a.bytes.length,
      isInline: false,
      contentBytes: Buffer.from(a.bytes).toString('base64'),
    });
    if (url.pathname === '/v1.0/me/messages') {
      const filter = url.searchParams.get('$filter') ?? '';
      const match = filter.match(/^conversationId eq '((?:[^']|'')*)'$/);
      if (match === null) {
        problems.push(`unexpected $filter ${filter}`);
        return json(400, { error: { code: 'BadRequest', message: `Invalid filter clause: ${filter}` } }, CORS);
      }
      const messages = options.conversations[match[1]!.replace(/''/g, "'")] ?? [];
      return json(
        200,
        {
          value: messages.map((m) =>
            select({ id: m.id, hasAttachments: m.attachments.length > 0, subject: 'DMARC report' }),
          ),
        },
        CORS,
      );
    }
    const parts = url.pathname.match(/^\/v1\.0\/me\/messages\/([^/]+)\/attachments(?:\/([^/]+)(\/\$value)?)?$/);
    const message = parts === null ? undefined : all.find((m) => m.id === decodeURIComponent(parts[1]!));
    if (parts !== null && message !== undefined) {
      if (parts[2] === undefined)
        return json(200, { value: message.attachments.map((a) => select(attachmentJson(a))) }, CORS);
      const attachment = message.attachments.find((a) => a.id === decodeURIComponent(parts[2]!));
      if (attachment !== undefined && parts[3] === undefined)
        return json(200, select(attachmentJson(attachment)), CORS);
      if (attachment !== undefined) {
        return {
          status: 200,
          headers: { 'content-type': attachment.contentType, ...CORS },
          body: Buffer.from(attachment.bytes),
        };
      }
    }
    problems.push(`Graph has no ${url.pathname}`);
    return json(
      404,
      { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } },
      CORS,
    );
  }

  const fake: FakeMicrosoft = {
    problems,
    authorizations,
    tokenRequests,
    graphCalls,
    accessToken,
    seen,
    nextSignIn: 'consent',
    answer: (url, request) => {
      if (url.origin !== 'https://login.microsoftonline.com' && url.origin !== 'https://graph.microsoft.com')
        return Promise.resolve(undefined);
      seen.push(`${request.via} ${request.method} ${url.origin}${url.pathname}`);
      return Promise.resolve(
        url.origin === 'https://login.microsoftonline.com' ? answerLogin(url, request) : answerGraph(url, request),
      );
    },
  };
  return fake;
}
