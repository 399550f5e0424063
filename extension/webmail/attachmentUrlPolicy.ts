// Which URLs the content script may download an attachment from. The page it runs in shows mail written by strangers:
// any URL taken from the page can be theirs. A request to their host, made with the user's cookies the moment a
// message is opened, is a read receipt that bypasses the webmail's image proxy, and whatever their host answers would
// be shown as a report the user received. So a download goes only to the webmail page's own origin, at a path where
// the webmail serves attachments, and the only other host it may end on is one the webmail's own server redirects its
// downloads to (Gmail: mail-attachment.googleusercontent.com). Checked before any request is made.
import { cardErrorText } from '../messaging/cardErrors';

export interface AttachmentUrlPolicy {
  /** Whether a URL on the page's own origin is one of the webmail's attachment downloads. */
  isDownloadPath(url: URL): boolean;
  /**
   * Hosts (https only) the webmail's own server answers a download with a redirect to. Empty: the download must stay
   * on the page's origin, which the browser then enforces for every redirect (fetch mode `same-origin`).
   */
  redirectHosts: readonly string[];
}

export type AttachmentUrlCheck = { ok: true; url: URL } | { ok: false; problem: string };

/**
 * Whether `raw` (an attribute value taken from the page, possibly relative) may be downloaded from the page at
 * `pageUrl`. URL parsing does the normalization an attacker would play with: IDN hosts become punycode, default
 * ports disappear, `\` counts as `/`, a protocol-relative `//host` takes the page's scheme, and `user@host` puts the
 * part before `@` into the user name, so the origin compared is the one the browser would contact.
 */
export function checkAttachmentUrl(
  raw: string,
  pageUrl: string | URL,
  policy: AttachmentUrlPolicy,
): AttachmentUrlCheck {
  const page = new URL(pageUrl);
  let url: URL;
  try {
    url = new URL(raw, page);
  } catch {
    return { ok: false, problem: cardErrorText('ext.link.invalid') };
  }
  if (url.protocol !== 'https:')
    return { ok: false, problem: cardErrorText('ext.link.scheme', { scheme: url.protocol }) };
  if (url.origin !== page.origin)
    return { ok: false, problem: cardErrorText('ext.link.otherHost', { host: url.host, expected: page.host }) };
  if (url.username !== '' || url.password !== '') {
    return { ok: false, problem: cardErrorText('ext.link.userName') };
  }
  if (!policy.isDownloadPath(url))
    return { ok: false, problem: cardErrorText('ext.link.notDownload', { host: page.host }) };
  return { ok: true, url };
}

/** Whether a download that ended at `finalUrl` (after redirects) came from a host the policy allows. */
export function isAllowedFinalUrl(finalUrl: string, pageUrl: string | URL, policy: AttachmentUrlPolicy): boolean {
  let url: URL;
  try {
    url = new URL(finalUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.origin === new URL(pageUrl).origin) return true;
  return url.protocol === 'https:' && url.port === '' && policy.redirectHosts.includes(url.hostname);
}

/**
 * Gmail serves attachments (and whole raw messages) from `/mail/` or `/mail/u/N/` with `view=att`; anything else on
 * mail.google.com (its `/mail/u/N/?…&view=…` actions, its link redirector) is not a download.
 */
export const GMAIL_DOWNLOADS: AttachmentUrlPolicy = {
  isDownloadPath: (url) => /^\/mail\/(?:u\/\d+\/)?$/.test(url.pathname) && url.searchParams.get('view') === 'att',
  redirectHosts: ['mail-attachment.googleusercontent.com'],
};

/**
 * Classic Outlook on the web serves an attachment from `…/service.svc/s/GetFileAttachment`; newer builds link
 * downloads under an `/attachment/` or `/attachments/` path. Its other service calls (which act on the mailbox when
 * they carry the anti-CSRF canary) are never downloads. No redirect may leave the origin.
 */
export const OUTLOOK_DOWNLOADS: AttachmentUrlPolicy = {
  isDownloadPath: (url) =>
    /\/service\.svc\/s\/GetFileAttachment$/i.test(url.pathname) || /\/attachments?\/[^/]/i.test(url.pathname),
  redirectHosts: [],
};
