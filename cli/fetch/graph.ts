// A Microsoft 365 mail folder through Microsoft Graph (v1.0): the folder's messages are listed with a delta query, so
// each pass asks only for what changed since the last (its delta link is kept in the state file once the pass is
// done), and the attachments of each message are read as raw bytes (`…/attachments/{id}/$value`: a file attachment's
// content, or an attached email's MIME). Every attachment is one input, known by its message id and attachment id.
//
// Graph throttles with 429 (and 503) answers carrying Retry-After: the request waits as long as asked and is made
// again. A token comes from an environment variable, or from the client credentials flow of an app registration with
// Mail.Read application permission (tenant, client id, and the secret in an environment variable).
import type { FetchItem, FetchSource } from './sources';
import { sleepOrStop } from './sources';

export interface GraphOptions {
  /** https://graph.microsoft.com, or a national cloud's endpoint. */
  endpoint: string;
  mailbox: string;
  folder: string;
  /** A bearer token; or the client credentials to get one. */
  token?: string;
  credentials?: { loginEndpoint: string; tenant: string; clientId: string; clientSecret: string };
  /** The delta link of the last finished pass, from the state file. */
  cursor?: string;
  stopped: Promise<void>;
  note: (line: string) => void;
}

/** How often a throttled request is made again before the run gives up. */
const MAX_TRIES = 6;
/** The wait when a 429 or 503 names none (Graph normally does). */
const DEFAULT_RETRY_SECONDS = 10;
/** Folders every mailbox has, addressed by these names instead of their ids (Graph's well-known folder names). */
const WELL_KNOWN_FOLDERS = new Set(['inbox', 'archive', 'junkemail', 'deleteditems', 'sentitems', 'drafts']);

interface DeltaPage {
  value?: Array<{ id?: string; hasAttachments?: boolean; subject?: string; '@removed'?: unknown }>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

interface AttachmentList {
  value?: Array<{ '@odata.type'?: string; id?: string; name?: string; contentType?: string; isInline?: boolean }>;
  '@odata.nextLink'?: string;
}

export class GraphRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export async function graphSource(options: GraphOptions): Promise<FetchSource & { cursor(): string | undefined }> {
  const base = options.endpoint.replace(/\/+$/, '');
  const user = `${base}/v1.0/users/${encodeURIComponent(options.mailbox)}`;
  const token = options.token ?? (await clientCredentialsToken(options));

  /** One request, made again as long as Graph asks to wait. */
  const request = async (url: string): Promise<Response> => {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        throw Object.assign(new Error(`cannot reach ${base} (${cause?.code ?? (error as Error).message})`), {
          code: cause?.code,
        });
      }
      if ((response.status === 429 || response.status === 503) && attempt < MAX_TRIES) {
        const seconds = retryAfterSeconds(response.headers.get('retry-after'));
        await response.body?.cancel();
        options.note(`${base}: Microsoft Graph asked to wait ${seconds} s (${response.status}); waiting`);
        await sleepOrStop(seconds * 1000, options.stopped);
        continue;
      }
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        const detail = /"message"\s*:\s*"([^"]*)"/.exec(text)?.[1] ?? response.statusText;
        throw new GraphRequestError(
          `Microsoft Graph answered ${response.status} to ${pathOf(url, base)}: ${detail}`,
          response.status,
        );
      }
      return response;
    }
  };
  const json = async <T>(url: string): Promise<T> => (await request(url)).json() as Promise<T>;

  /** The first delta query over the folder; the folder is looked up only when there is no delta link to go on from. */
  const initial = async (): Promise<string> => {
    const folderId = await findFolder(options.folder, user, json);
    return `${user}/mailFolders/${encodeURIComponent(folderId)}/messages/delta?$select=id,subject,hasAttachments`;
  };
  let cursor = options.cursor;
  let next: string | undefined;
  const id = `graph:${options.mailbox}/${options.folder}`;

  return {
    id,
    settles: false,
    cursor: () => next,
    async list() {
      const items: FetchItem[] = [];
      let url: string | undefined = cursor ?? (await initial());
      while (url) {
        let page: DeltaPage;
        try {
          page = await json<DeltaPage>(url);
        } catch (error) {
          // A delta link Graph no longer knows (410 Gone): start over; what was read is in the state already.
          if (!(error instanceof GraphRequestError && error.status === 410 && url === cursor)) throw error;
          options.note(`${id}: Microsoft Graph no longer knows the saved delta link; listing the folder again`);
          cursor = undefined;
          url = await initial();
          continue;
        }
        for (const message of page.value ?? []) {
          if (message['@removed'] !== undefined || !message.id || message.hasAttachments !== true) continue;
          items.push(...(await attachmentsOf(message.id)));
        }
        if (page['@odata.deltaLink']) next = page['@odata.deltaLink'];
        url = page['@odata.nextLink'];
      }
      cursor = next;
      return items;
    },
    settle: () => Promise.resolve(),
    waitForNews: (pollMs, stopped) => sleepOrStop(pollMs, stopped),
    close: () => Promise.resolve(),
  };

  async function attachmentsOf(messageId: string): Promise<FetchItem[]> {
    const items: FetchItem[] = [];
    const message = `${user}/messages/${encodeURIComponent(messageId)}`;
    let url: string | undefined = `${message}/attachments?$select=id,name,contentType,isInline`;
    while (url) {
      const page: AttachmentList = await json<AttachmentList>(url);
      for (const attachment of page.value ?? []) {
        const type = attachment['@odata.type'];
        // A reference attachment is a link to a file elsewhere (OneDrive), not its bytes.
        if (
          !attachment.id ||
          (type !== '#microsoft.graph.fileAttachment' && type !== '#microsoft.graph.itemAttachment')
        ) {
          continue;
        }
        const attachmentId = attachment.id;
        const name = attachment.name ?? attachmentId;
        items.push({
          key: `${messageId}/${attachmentId}`,
          label: `${id}/${messageId}/${name}`,
          fileName: name,
          async open() {
            const response = await request(`${message}/attachments/${encodeURIComponent(attachmentId)}/$value`);
            return response.body ? streamOf(response.body) : undefined;
          },
        });
      }
      url = page['@odata.nextLink'];
    }
    return items;
  }
}

async function* streamOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** A well-known folder by its name; any other by its display name among the mailbox's top-level folders. */
async function findFolder(folder: string, user: string, json: <T>(url: string) => Promise<T>): Promise<string> {
  if (WELL_KNOWN_FOLDERS.has(folder.toLowerCase())) return folder.toLowerCase();
  const filter = encodeURIComponent(`displayName eq '${folder.replace(/'/g, "''")}'`);
  const found = await json<{ value?: Array<{ id?: string }> }>(`${user}/mailFolders?$filter=${filter}&$select=id`);
  const match = found.value?.[0]?.id;
  if (!match) throw new GraphRequestError(`the mailbox has no top-level folder named "${folder}"`);
  return match;
}

/** Retry-After in seconds (Graph sends a number; an HTTP date is allowed too). */
function retryAfterSeconds(header: string | null): number {
  if (header === null) return DEFAULT_RETRY_SECONDS;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3600);
  const at = Date.parse(header);
  return Number.isNaN(at) ? DEFAULT_RETRY_SECONDS : Math.max(0, Math.min(3600, Math.ceil((at - Date.now()) / 1000)));
}

function pathOf(url: string, base: string): string {
  return url.startsWith(base) ? url.slice(base.length).split('?')[0]! : url;
}

/** The OAuth 2.0 client credentials flow of the Microsoft identity platform, for Graph's `.default` scope. */
async function clientCredentialsToken(options: GraphOptions): Promise<string> {
  const credentials = options.credentials;
  if (!credentials) throw new GraphRequestError('no token and no client credentials for Microsoft Graph');
  const login = credentials.loginEndpoint.replace(/\/+$/, '');
  const url = `${login}/${encodeURIComponent(credentials.tenant)}/oauth2/v2.0/token`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        scope: `${options.endpoint.replace(/\/+$/, '')}/.default`,
      }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new GraphRequestError(`cannot reach ${login} (${cause?.code ?? (error as Error).message})`);
  }
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token) {
    const reason = body.error_description?.split(/\r?\n/)[0] ?? body.error ?? `status ${response.status}`;
    throw new GraphRequestError(`${login} refused the client credentials: ${reason}`);
  }
  return body.access_token;
}
