import { cardErrorText } from '../messaging/cardErrors';
import { checkAttachmentUrl, isAllowedFinalUrl, type AttachmentUrlPolicy } from './attachmentUrlPolicy';
import { AttachmentUnavailableError } from './webmailAdapter';

export interface DownloadedAttachment {
  bytes: Uint8Array;
  /** The hosts the download contacted, in order (the page's own, then the webmail's attachment host if redirected). */
  hosts: string[];
}

/**
 * Reads an attachment URL of the webmail the page is on, with the page's cookies. Every download passes here, and the
 * URL is checked against `policy` before any request: another host, a look-alike, a user name in the URL, another
 * scheme or a path that is not the webmail's download is refused (`refused`) without contacting anything. Without
 * redirect hosts the browser keeps every redirect on the page's origin (mode `same-origin` fails a cross-origin
 * redirect before requesting it); with them (Gmail's attachment host) the redirect is Gmail's own server's, and where
 * the download ended is checked before a byte of it is used. `headers` (the Outlook canary) are only allowed with a
 * same-origin policy, so they never leave the origin.
 *
 * When the answer is an HTML page instead of the file (the download redirected back to the webmail: session refresh,
 * scan interstitial) it retries once with a cache-busting parameter, then gives up with `html-bounce` so the caller can
 * fall back to the next tier.
 */
export async function fetchAttachmentUrl(
  url: string,
  signal: AbortSignal,
  policy: AttachmentUrlPolicy,
  headers: Record<string, string> = {},
): Promise<DownloadedAttachment> {
  if (policy.redirectHosts.length > 0 && Object.keys(headers).length > 0) {
    throw new Error('fetchAttachmentUrl: headers are only sent where no redirect may leave the page’s origin');
  }
  // Absolute: Firefox content scripts reject relative URLs.
  const checked = checkAttachmentUrl(url, location.href, policy);
  if (!checked.ok)
    throw new AttachmentUnavailableError(
      'refused',
      cardErrorText('ext.download.refused', { problem: checked.problem }),
    );
  const absolute = checked.url;
  const mode: RequestMode = policy.redirectHosts.length === 0 ? 'same-origin' : 'cors';
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) absolute.searchParams.set('zx', Math.random().toString(36).slice(2));
    let response: Response;
    try {
      response = await pageFetch(absolute.href, signal, { credentials: 'include', mode, redirect: 'follow', headers });
    } catch (error) {
      if (signal.aborted) throw new AttachmentUnavailableError('aborted', cardErrorText('ext.download.cancelled'));
      throw new AttachmentUnavailableError('network', cardErrorText('ext.download.failed', { error: String(error) }));
    }
    const finalUrl = response.url === '' ? absolute.href : response.url;
    if (!isAllowedFinalUrl(finalUrl, location.href, policy)) {
      throw new AttachmentUnavailableError(
        'refused',
        cardErrorText('ext.download.redirected', { host: hostOf(finalUrl), expected: absolute.host }),
      );
    }
    if (!response.ok) {
      throw new AttachmentUnavailableError('http', cardErrorText('ext.download.http', { status: response.status }));
    }
    // Firefox: the ArrayBuffer belongs to the page's realm; copy it into one of ours before handing it on.
    const bytes = new Uint8Array(new Uint8Array(await response.arrayBuffer()));
    const hosts = [...new Set([absolute.host, hostOf(finalUrl)])];
    if (!looksLikeHtmlPage(response.headers.get('content-type'), bytes)) return { bytes, hosts };
  }
  throw new AttachmentUnavailableError('html-bounce', cardErrorText('ext.download.htmlBounce'));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an unknown address';
  }
}

/**
 * Chrome and Firefox MV3 content scripts fetch as the page: same origin, the page's cookies. Firefox MV2 content
 * scripts fetch with the extension's principal, which the webmail's same-origin rules refuse; there `content.fetch`
 * (Firefox only) is the page's own fetch. Its init object crosses into the page's realm, so it carries plain values
 * only (no AbortSignal: an abort is noticed right after the answer instead).
 */
async function pageFetch(url: string, signal: AbortSignal, init: RequestInit): Promise<Response> {
  if (firefoxMv2PageFetch !== undefined) {
    const response = await firefoxMv2PageFetch(url, init);
    if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
    return response;
  }
  return fetch(url, { ...init, signal });
}

/** Taken once, when the content script starts: the page's `content` global is not stable later on. */
const firefoxMv2PageFetch: typeof fetch | undefined =
  import.meta.env.FIREFOX && import.meta.env.MANIFEST_VERSION === 2
    ? (() => {
        const page = (globalThis as unknown as { content?: { fetch?: typeof fetch } }).content;
        return typeof page?.fetch === 'function' ? page.fetch.bind(page) : undefined;
      })()
    : undefined;

/** A report is never HTML: XML starts with `<?xml` or `<feedback`, archives with their magic bytes. */
function looksLikeHtmlPage(contentType: string | null, bytes: Uint8Array): boolean {
  if (contentType !== null && /^\s*text\/html/i.test(contentType)) return true;
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
