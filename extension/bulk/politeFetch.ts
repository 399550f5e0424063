// One request of a bulk import, made as the page would make it (its origin, its cookies) under the same rules as the
// card's downloads (webmail/attachmentUrlPolicy.ts: checked before any request, the page's own origin only, Gmail's
// own redirect host the one exception, headers only where no redirect may leave the origin), and politely: a 429 or
// 5xx answer is waited out (its Retry-After, else a growing pause) a few times before the message is given up.
import { checkAttachmentUrl, isAllowedFinalUrl, type AttachmentUrlPolicy } from '../webmail/attachmentUrlPolicy';

/** Why a listed message could not be read; `params` fill the sentence of monitor.gather.reason.<reason>. */
export type BulkReadReason =
  'http' | 'network' | 'refused' | 'htmlPage' | 'aborted' | 'notMessageId' | 'outlookRefused';

export class BulkReadError extends Error {
  constructor(
    readonly reason: BulkReadReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${reason} ${JSON.stringify(params)}`);
    this.name = 'BulkReadError';
  }
}

export interface PoliteRequest {
  policy: AttachmentUrlPolicy;
  signal: AbortSignal;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Told when the webmail asked to slow down, with how long the wait is. */
  onWait?: (host: string, seconds: number) => void;
}

/** Attempts per request: the first and three more after waiting. */
const ATTEMPTS = 4;
/** A Retry-After longer than this is not waited for: the message is reported instead. */
const MAX_WAIT_SECONDS = 60;

export async function politeFetch(
  raw: string,
  request: PoliteRequest,
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const { policy, signal } = request;
  const headers = request.headers ?? {};
  if (policy.redirectHosts.length > 0 && Object.keys(headers).length > 0) {
    throw new Error('politeFetch: headers are only sent where no redirect may leave the page’s origin');
  }
  const checked = checkAttachmentUrl(raw, location.href, policy);
  if (!checked.ok) throw new BulkReadError('refused', { host: location.host });
  const url = checked.url;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await pageFetch(url.href, signal, {
        method: request.method ?? 'GET',
        credentials: 'include',
        mode: policy.redirectHosts.length === 0 ? 'same-origin' : 'cors',
        redirect: 'follow',
        headers,
        ...(request.body === undefined ? {} : { body: request.body }),
      });
    } catch (error) {
      if (signal.aborted) throw new BulkReadError('aborted');
      throw new BulkReadError('network', { error: String(error) });
    }
    const finalUrl = response.url === '' ? url.href : response.url;
    if (!isAllowedFinalUrl(finalUrl, location.href, policy)) throw new BulkReadError('refused', { host: url.host });
    const status = response.status;
    if ((status === 429 || status >= 500) && attempt < ATTEMPTS) {
      const seconds = retryAfterSeconds(response.headers.get('retry-after'), attempt);
      if (seconds <= MAX_WAIT_SECONDS) {
        request.onWait?.(url.host, seconds);
        await pause(seconds, signal);
        continue;
      }
    }
    if (!response.ok) throw new BulkReadError('http', { host: url.host, status });
    // Firefox: the ArrayBuffer belongs to the page's realm; copy it into one of ours.
    const bytes = new Uint8Array(new Uint8Array(await response.arrayBuffer()));
    const contentType = response.headers.get('content-type') ?? '';
    if (/^\s*text\/html/i.test(contentType)) throw new BulkReadError('htmlPage', { host: url.host });
    return { bytes, contentType };
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3); without one, 1, 2, 4 … seconds. */
export function retryAfterSeconds(header: string | null, attempt: number, now = Date.now()): number {
  const fallback = 2 ** (attempt - 1);
  if (header === null || header.trim() === '') return fallback;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? fallback : Math.max(0, Math.ceil((date - now) / 1000));
}

function pause(seconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, seconds * 1000);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new BulkReadError('aborted'));
      },
      { once: true },
    );
  });
}

/**
 * The page's own fetch where the content script's would not carry the page's cookies: Firefox MV2 content scripts
 * fetch with the extension's principal, so there `content.fetch` (the page's) is used, with plain values only in its
 * options (no AbortSignal: an abort is noticed right after the answer).
 */
async function pageFetch(url: string, signal: AbortSignal, init: RequestInit): Promise<Response> {
  if (mv2PageFetch !== undefined) {
    const response = await mv2PageFetch(url, init);
    if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
    return response;
  }
  return fetch(url, { ...init, signal });
}

/** Taken once, when the content script starts: the page's `content` global is not stable later on. */
const mv2PageFetch: typeof fetch | undefined =
  import.meta.env.FIREFOX && import.meta.env.MANIFEST_VERSION === 2
    ? (() => {
        const page = (globalThis as unknown as { content?: { fetch?: typeof fetch } }).content;
        return typeof page?.fetch === 'function' ? page.fetch.bind(page) : undefined;
      })()
    : undefined;
