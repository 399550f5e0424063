// A fake Microsoft Graph mailbox for the background sync's test: mail folders found by display name, a folder's
// messages through the delta query (pages linked by @odata.nextLink, a round ended by @odata.deltaLink, later rounds
// giving only what changed: new messages and @removed ones), attachments and their $value, and Graph's throttling
// (429 with Retry-After) on the downloads the test names. Sign-in is microsoftRoutes.ts's fake, whose token every
// call here must carry.
import type { FakeRequest } from './launchExtension';
import type { FakeMicrosoft } from './microsoftRoutes';
import type { WebmailAnswer } from './webmailRoutes';

export interface MailboxMessage {
  id: string;
  attachments: Array<{ id: string; name: string; contentType: string; bytes: Uint8Array }>;
}

export interface FakeMailbox {
  answer: (url: URL, request: FakeRequest) => Promise<WebmailAnswer | undefined>;
  /** Graph calls made, as path and query with the query decoded. */
  calls: string[];
  problems: string[];
  /** Starts the next delta round: these messages arrive, those ids are deleted. */
  deliver(messages: MailboxMessage[], removed?: string[]): void;
  /** Downloads (attachment ids) to answer once with 429 and `Retry-After: 1`. */
  throttleOnce: Set<string>;
}

const CORS = { 'access-control-allow-origin': '*' };
const json = (status: number, body: unknown, extra: Record<string, string> = {}): WebmailAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...CORS, ...extra },
  body: Buffer.from(JSON.stringify(body)),
});
const GRAPH = 'https://graph.microsoft.com/v1.0';
/** Graph's default delta page holds ten messages; three here, so that one round spans pages. */
const PAGE_SIZE = 3;

export function fakeMailbox(
  microsoft: FakeMicrosoft,
  folder: { id: string; displayName: string },
  first: MailboxMessage[],
): FakeMailbox {
  const calls: string[] = [];
  const problems: string[] = [];
  const throttleOnce = new Set<string>();
  const messages = new Map(first.map((m) => [m.id, m]));
  /** Each delta round: what it reports, in order. Round 0 is the folder's content at the first sync. */
  const rounds: Array<Array<{ id: string; removed?: true }>> = [first.map((m) => ({ id: m.id }))];
  const deltaLink = (round: number) =>
    `${GRAPH}/me/mailFolders/${encodeURIComponent(folder.id)}/messages/delta?$deltatoken=round${round}`;

  function answerDelta(url: URL): WebmailAnswer {
    const skip = url.searchParams.get('$skiptoken');
    const delta = url.searchParams.get('$deltatoken');
    // A first request names the fields; the links Graph hands out carry them inside their tokens.
    let round: number;
    let offset = 0;
    if (skip !== null) {
      const match = skip.match(/^round(\d+)-(\d+)$/);
      if (match === null) return json(400, { error: { code: 'BadRequest', message: 'bad skiptoken' } });
      round = Number(match[1]);
      offset = Number(match[2]);
    } else if (delta !== null) {
      const match = delta.match(/^round(\d+)$/);
      if (match === null) return json(400, { error: { code: 'BadRequest', message: 'bad deltatoken' } });
      round = Number(match[1]) + 1;
    } else {
      if (url.searchParams.get('$select') !== 'id,subject,hasAttachments')
        problems.push(`first delta request without the expected $select: ${url.search}`);
      round = 0;
    }
    const changes = rounds[round] ?? [];
    const page = changes.slice(offset, offset + PAGE_SIZE).map((change) => {
      if (change.removed)
        return { '@odata.type': '#microsoft.graph.message', id: change.id, '@removed': { reason: 'deleted' } };
      const message = messages.get(change.id)!;
      return {
        '@odata.type': '#microsoft.graph.message',
        id: message.id,
        subject: 'Report Domain: example.com',
        hasAttachments: message.attachments.length > 0,
      };
    });
    const more = offset + PAGE_SIZE < changes.length;
    return json(200, {
      '@odata.context': `${GRAPH}/$metadata#Collection(message)`,
      value: page,
      ...(more
        ? {
            '@odata.nextLink': `${GRAPH}/me/mailFolders/${encodeURIComponent(folder.id)}/messages/delta?$skiptoken=round${round}-${offset + PAGE_SIZE}`,
          }
        : { '@odata.deltaLink': deltaLink(Math.min(round, rounds.length - 1)) }),
    });
  }

  function answerGraph(url: URL, request: FakeRequest): WebmailAnswer {
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: { ...CORS, 'access-control-allow-headers': 'authorization', 'access-control-allow-methods': 'GET' },
        body: Buffer.from(''),
      };
    }
    calls.push(decodeURIComponent(`${url.pathname}${url.search}`));
    if (request.headers.authorization !== `Bearer ${microsoft.accessToken}`) {
      problems.push(`Graph call without the issued token: ${url.pathname}`);
      return json(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
    }
    if (url.pathname === '/v1.0/me/mailFolders' || url.pathname === '/v1.0/me/mailFolders/inbox/childFolders') {
      const filter = url.searchParams.get('$filter') ?? '';
      const name = filter.match(/^displayName eq '((?:[^']|'')*)'$/)?.[1]?.replace(/''/g, "'");
      if (name === undefined) return json(400, { error: { code: 'BadRequest', message: `Invalid filter ${filter}` } });
      const found = url.pathname === '/v1.0/me/mailFolders' && name === folder.displayName ? [{ id: folder.id }] : [];
      return json(200, { value: found });
    }
    if (url.pathname === `/v1.0/me/mailFolders/${encodeURIComponent(folder.id)}/messages/delta`)
      return answerDelta(url);
    const parts = url.pathname.match(/^\/v1\.0\/me\/messages\/([^/]+)\/attachments(?:\/([^/]+)\/\$value)?$/);
    const message = parts === null ? undefined : messages.get(decodeURIComponent(parts[1]!));
    if (parts !== null && message !== undefined) {
      if (parts[2] === undefined) {
        if (url.searchParams.get('$select') !== 'id,name') problems.push(`attachments listed with ${url.search}`);
        return json(200, { value: message.attachments.map((a) => ({ id: a.id, name: a.name })) });
      }
      const attachment = message.attachments.find((a) => a.id === decodeURIComponent(parts[2]!));
      if (attachment !== undefined) {
        if (throttleOnce.delete(attachment.id)) {
          return json(
            429,
            { error: { code: 'TooManyRequests', message: 'Please retry again later.' } },
            { 'retry-after': '1' },
          );
        }
        return {
          status: 200,
          headers: { 'content-type': attachment.contentType, ...CORS },
          body: Buffer.from(attachment.bytes),
        };
      }
    }
    problems.push(`Graph has no ${url.pathname}`);
    return json(404, {
      error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' },
    });
  }

  return {
    calls,
    problems,
    throttleOnce,
    deliver(arrived, removed = []) {
      for (const message of arrived) messages.set(message.id, message);
      rounds.push([...arrived.map((m) => ({ id: m.id })), ...removed.map((id) => ({ id, removed: true as const }))]);
    },
    answer: async (url, request) => {
      if (url.origin === 'https://graph.microsoft.com') {
        microsoft.seen.push(`${request.via} ${request.method} ${url.origin}${url.pathname}`);
        return answerGraph(url, request);
      }
      return microsoft.answer(url, request);
    },
  };
}
