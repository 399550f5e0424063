import { AttachmentUnavailableError } from './webmailAdapter';

/**
 * Reads an attachment URL of the webmail the page is on, with the page's cookies. The URL is made absolute first:
 * Firefox content scripts reject relative URLs. When the answer is an HTML page instead of the file (the download
 * redirected back to the webmail: session refresh, scan interstitial) it retries once with a cache-busting parameter,
 * then gives up with `html-bounce` so the caller can fall back to the next tier.
 */
export async function fetchAttachmentUrl(
  url: string,
  signal: AbortSignal,
  headers: Record<string, string> = {},
): Promise<Uint8Array> {
  const absolute = new URL(url, location.href);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) absolute.searchParams.set('zx', Math.random().toString(36).slice(2));
    let response: Response;
    try {
      response = await pageFetch(absolute.href, signal, headers);
    } catch (error) {
      if (signal.aborted) throw new AttachmentUnavailableError('aborted', 'Cancelled.');
      throw new AttachmentUnavailableError('network', `The download failed (${String(error)}).`);
    }
    if (!response.ok) {
      throw new AttachmentUnavailableError('http', `The webmail answered ${response.status} to the download.`);
    }
    // Firefox: the ArrayBuffer belongs to the page's realm; copy it into one of ours before handing it on.
    const bytes = new Uint8Array(new Uint8Array(await response.arrayBuffer()));
    if (!looksLikeHtmlPage(response.headers.get('content-type'), bytes)) return bytes;
  }
  throw new AttachmentUnavailableError(
    'html-bounce',
    'The webmail answered with a web page instead of the file (the download was sent back to the mailbox).',
  );
}

/**
 * Chrome and Firefox MV3 content scripts fetch as the page: same origin, the page's cookies. Firefox MV2 content
 * scripts fetch with the extension's principal, which the webmail's same-origin rules refuse; there `content.fetch`
 * (Firefox only) is the page's own fetch. Its init object crosses into the page's realm, so it carries plain values
 * only (no AbortSignal: an abort is noticed right after the answer instead).
 */
async function pageFetch(url: string, signal: AbortSignal, headers: Record<string, string>): Promise<Response> {
  if (firefoxMv2PageFetch !== undefined) {
    const response = await firefoxMv2PageFetch(url, { credentials: 'include', headers });
    if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
    return response;
  }
  return fetch(url, { credentials: 'include', signal, headers });
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
