// The places fetch reads from. Each lists its messages in a stable order, each with a key that names it for good
// (an IMAP UID under its UIDVALIDITY, a file name, a Maildir unique name) and opens its raw bytes as a stream.
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import tls from 'node:tls';
import { readFileBytes, type Chunks } from '../fileBytes';

export interface FetchItem {
  key: string;
  /** How output lines and messages name it (the `file` field). */
  label: string;
  /** The name the core sees (for its messages). */
  fileName: string;
  open(): Promise<Chunks | undefined>;
}

export interface FetchSource {
  /** Stable name of what is read, kept in the state file. */
  readonly id: string;
  /** IMAP: the folder's UIDVALIDITY. */
  readonly uidValidity?: string;
  list(): Promise<FetchItem[]>;
  /** Where the next pass should start (Graph's delta link), once every item of the last list() is recorded. */
  cursor?(): string | undefined;
  /** Whether `settle` does anything (an archive folder or --delete was given). */
  readonly settles: boolean;
  /** After a message's reports are written and recorded: archive or delete it, when asked. */
  settle(item: FetchItem): Promise<void>;
  /** Resolves when there may be something new (IMAP IDLE news, or the polling interval), or when `stop` fires. */
  waitForNews(pollMs: number, stopped: Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export function sleepOrStop(ms: number, stopped: Promise<void>, also?: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const slept = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([slept, stopped, ...(also ? [also] : [])]).finally(() => clearTimeout(timer));
}

/** A folder of report files (not its subfolders), by file name. */
export function dirSource(dir: string): FetchSource {
  return {
    id: `dir:${dir}`,
    async list() {
      const entries = await readdir(dir, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort()
        .map((name) => fileItem(name, join(dir, name), name));
    },
    settles: false,
    settle: () => Promise.resolve(),
    waitForNews: (pollMs, stopped) => sleepOrStop(pollMs, stopped),
    close: () => Promise.resolve(),
  };
}

/**
 * A Maildir: messages in new/ and cur/, each known by its unique name (the part before `:`), which stays the same when
 * a mail client marks it read and moves it from new/ to cur/.
 */
export function maildirSource(dir: string): FetchSource {
  return {
    id: `maildir:${dir}`,
    async list() {
      const items: FetchItem[] = [];
      for (const sub of ['cur', 'new']) {
        let names: string[];
        try {
          names = await readdir(join(dir, sub));
        } catch {
          continue;
        }
        for (const name of names) {
          if (name.startsWith('.')) continue;
          items.push(fileItem(name.split(':')[0]!, join(dir, sub, name), name));
        }
      }
      return items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    settles: false,
    settle: () => Promise.resolve(),
    waitForNews: (pollMs, stopped) => sleepOrStop(pollMs, stopped),
    close: () => Promise.resolve(),
  };
}

function fileItem(key: string, path: string, name: string): FetchItem {
  return {
    key,
    label: path,
    fileName: name,
    open: () => {
      // Most report messages are small and read whole at once (three thread-pool round trips a message otherwise).
      const read = readFileBytes(path);
      if ('chunks' in read) return Promise.resolve(read.chunks);
      return new Promise((resolve) => {
        // A message a mail client moved from new/ to cur/ meanwhile is found again at the next pass; one over the size
        // limit is streamed, and refused by the parser as an input of any other kind would be.
        const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
        stream.once('open', () => resolve(stream));
        stream.once('error', () => resolve(undefined));
      });
    },
  };
}

export interface ImapOptions {
  url: URL;
  password: string;
  insecure: boolean;
  /** Certificate authorities (PEM) trusted for the server's certificate, besides the system's. */
  ca?: string;
  archiveTo?: string;
  deleteAfter: boolean;
}

/** The IMAP URL without password: what the state file and output lines name. */
export function imapId(url: URL): string {
  const port = url.port || (url.protocol === 'imaps:' ? '993' : '143');
  const user = url.username ? `${url.username}@` : '';
  return `${url.protocol}//${user}${url.hostname}:${port}/${imapFolder(url)}`;
}

export function imapFolder(url: URL): string {
  return decodeURIComponent(url.pathname.slice(1)) || 'INBOX';
}

/**
 * imapflow, loaded only when an IMAP folder is read (the bundle's `require` for its CommonJS parts comes from the
 * banner in scripts/build-cli.mjs).
 */
async function loadImapFlow(): Promise<typeof import('imapflow').ImapFlow> {
  return (await import('imapflow')).ImapFlow;
}

export async function imapSource(options: ImapOptions): Promise<FetchSource> {
  const { url } = options;
  const ImapFlow = await loadImapFlow();
  const secure = url.protocol === 'imaps:';
  const client = new ImapFlow({
    host: url.hostname,
    port: Number(url.port || (secure ? 993 : 143)),
    secure,
    // imap:// means STARTTLS, required; only --insecure (a local test server) allows a plain connection.
    doSTARTTLS: options.insecure ? undefined : !secure,
    ...(options.insecure
      ? { tls: { rejectUnauthorized: false } }
      : options.ca !== undefined && { tls: { ca: [...tls.rootCertificates, options.ca] } }),
    auth: { user: decodeURIComponent(url.username), pass: options.password },
    logger: false,
  });
  // Errors after connecting also arrive as events; without a listener they would end the process.
  client.on('error', () => undefined);
  await client.connect();
  const folder = imapFolder(url);
  const mailbox = await client.mailboxOpen(folder);
  if (options.archiveTo !== undefined) {
    const folders = await client.list();
    if (!folders.some((f) => f.path === options.archiveTo)) await client.mailboxCreate(options.archiveTo);
  }
  const id = imapId(url);
  let news: (() => void) | undefined;
  client.on('exists', () => news?.());
  // A dropped connection ends the wait at once; the next listing then fails, and --watch connects again.
  let dropped = false;
  client.on('close', () => {
    dropped = true;
    news?.();
  });
  return {
    id,
    uidValidity: String(mailbox.uidValidity),
    settles: options.archiveTo !== undefined || options.deleteAfter,
    async list() {
      if (dropped || !client.usable) {
        throw Object.assign(new Error('the server closed the connection'), { code: 'NoConnection' });
      }
      if (client.mailbox === false || client.mailbox.exists === 0) return [];
      const uids = await client.search({ all: true }, { uid: true });
      if (!uids) return [];
      return uids.map((uid) => ({
        key: String(uid),
        label: `${id};UIDVALIDITY=${String(mailbox.uidValidity)}/;UID=${uid}`,
        fileName: `${folder} UID ${uid}.eml`,
        async open() {
          const { content } = await client.download(String(uid), undefined, { uid: true });
          return content;
        },
      }));
    },
    async settle(item) {
      if (options.archiveTo !== undefined) await client.messageMove(item.key, options.archiveTo, { uid: true });
      else if (options.deleteAfter) await client.messageDelete(item.key, { uid: true });
    },
    waitForNews(pollMs, stopped) {
      // IDLE at once (imapflow polls with NOOP where the server lacks IDLE); new mail then arrives as an `exists`
      // event, and the next command ends the IDLE. The timer is the polling fallback.
      if (dropped) return Promise.resolve();
      const arrived = new Promise<void>((resolve) => {
        news = resolve;
      });
      void client.idle().catch(() => undefined);
      return sleepOrStop(pollMs, stopped, arrived).finally(() => {
        news = undefined;
      });
    },
    async close() {
      await client.logout().catch(() => client.close());
    },
  };
}

/**
 * Whether an error is the connection going away or not coming up (a server restarting, a network break), which
 * trying again later can mend; a refused password or a server's NO is not.
 */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return (
    (code !== undefined && CONNECTION_LOSS.has(code)) ||
    /connection not available|connection closed|socket closed|unexpected close/i.test(error.message)
  );
}

/** Node's codes for a connection refused, reset or timed out, and imapflow's for one it found closed. */
const CONNECTION_LOSS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'NoConnection',
  'EConnectionClosed',
  'ClosedAfterConnectTLS',
  'ClosedAfterConnectText',
]);
