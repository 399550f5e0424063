// A local stand-in for Microsoft Graph and its sign-in endpoint, serving the committed answers in
// test/fixtures/graph (shaped as Microsoft documents them; see its README) and real report files as attachment bytes.
// It checks the bearer token, answers the first download of one attachment with 429 and Retry-After: 1, as Graph
// throttles, and records every request.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../fixtures/graph/', import.meta.url));
const reports = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));

export const GRAPH_TOKEN = (JSON.parse(readFileSync(`${fixtures}token.json`, 'utf8')) as { access_token: string })
  .access_token;
export const GRAPH_MAILBOX = 'dmarc@example.com';
export const GRAPH_TENANT = 'contoso.onmicrosoft.com';
export const GRAPH_CLIENT = { id: '6731de76-14a6-49ae-97bc-6eba6914391e', secret: 'sZs8Q~fake-test-secret' };

/** Messages by the end of their id, each with its attachments' list. */
const MESSAGES: Record<string, string> = { p1vNAAA: 'A', p1vOAAA: 'B', p1vQAAA: 'D' };
/** Attachment bytes by the end of the attachment id: real report files. */
export const ATTACHMENT_FILES: Record<string, string> = {
  'QAFYvkSeoKzRAmLOSJCqLNn0=':
    'domainaware__parsedmarc/fastmail.com!example.com!1516060800!1516147199!102675056.xml.gz',
  'QAJd9Xz3gAnZFg5mN6lAr3QQ=': 'mjl-__mox/microsoft.eml',
  'QAO2zJm0xlGJBgsh1Yt2xE6I=': 'domainaware__parsedmarc/nice-input.xml.zip',
};
/** The attachment whose first download is throttled. */
const THROTTLED = 'QAFYvkSeoKzRAmLOSJCqLNn0=';

export interface GraphServer {
  base: string;
  /** Every request: method, path and query (decoded), and when it came. */
  requests: Array<{ line: string; at: number }>;
  stop(): Promise<void>;
}

export async function startGraphServer(port: number): Promise<GraphServer> {
  const requests: GraphServer['requests'] = [];
  let base = '';
  let throttled = false;
  const fixture = (name: string): string => readFileSync(`${fixtures}${name}`, 'utf8').replaceAll('{{base}}', base);

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base);
    const path = decodeURIComponent(url.pathname);
    requests.push({ line: `${request.method} ${path}${decodeURIComponent(url.search)}`, at: Date.now() });
    const send = (status: number, body: string | Buffer, type = 'application/json', headers = {}): void => {
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(body);
    };
    const graphError = (status: number, code: string, message: string): void =>
      send(status, JSON.stringify({ error: { code, message } }));

    if (request.method === 'POST' && path === `/${GRAPH_TENANT}/oauth2/v2.0/token`) {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const form = new URLSearchParams(body);
        const right =
          form.get('grant_type') === 'client_credentials' &&
          form.get('client_id') === GRAPH_CLIENT.id &&
          form.get('client_secret') === GRAPH_CLIENT.secret &&
          form.get('scope') === `${base}/.default`;
        if (right) send(200, fixture('token.json'));
        else {
          send(
            401,
            JSON.stringify({
              error: 'invalid_client',
              error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: 0d3a4c1e`,
            }),
          );
        }
      });
      return;
    }
    if (request.headers.authorization !== `Bearer ${GRAPH_TOKEN}`) {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    const user = `/v1.0/users/${GRAPH_MAILBOX}`;
    if (!path.startsWith(user)) return graphError(404, 'ErrorInvalidUser', 'The requested user is invalid.');
    const rest = path.slice(user.length);
    if (rest === '/mailFolders' && url.searchParams.get('$filter') === "displayName eq 'DMARC'") {
      return send(200, fixture('mailFolders.json'));
    }
    if (/^\/mailFolders\/[^/]+\/messages\/delta$/.test(rest)) {
      if (url.searchParams.has('$skiptoken')) return send(200, fixture('delta-2.json'));
      const token = url.searchParams.get('$deltatoken');
      if (token === null) return send(200, fixture('delta-1.json'));
      return send(200, fixture(token.startsWith('Lzt') ? 'delta-3.json' : 'delta-4.json'));
    }
    const attachments = /^\/messages\/[^/]*(p1v[A-Z]AAA)=\/attachments$/.exec(rest);
    if (attachments && MESSAGES[attachments[1]!]) {
      return send(200, fixture(`attachments-${MESSAGES[attachments[1]!]!}.json`));
    }
    const value = /^\/messages\/[^/]+\/attachments\/[^/]*(Q[A-Za-z0-9]{23}=)\/\$value$/.exec(rest);
    const file = value && ATTACHMENT_FILES[value[1]!];
    if (value && file) {
      if (value[1] === THROTTLED && !throttled) {
        throttled = true;
        return send(
          429,
          JSON.stringify({ error: { code: 'ApplicationThrottled', message: 'Too many requests' } }),
          'application/json',
          {
            'retry-after': '1',
          },
        );
      }
      return send(200, readFileSync(`${reports}${file}`), 'application/octet-stream');
    }
    graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${port}`;
  return {
    base,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
