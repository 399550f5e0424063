// Gmail (mail.google.com, every /mail/u/N/ account). Cards are found through the layers of gmailSelectors.ts; bytes
// come from a same-origin fetch of the card's URL (download_url, then the card link with disp=safe), falling back to
// the raw message, from which the parser takes the attachment out by name.
//
// Messages are written by strangers, and Gmail keeps much of their markup: links, titles, class names, text. So in
// every layer a card is Gmail's own attachment UI only when it is outside the message body, every URL it offers is a
// download of this Gmail (GMAIL_DOWNLOADS: never another host, checked again before each request), and, when not
// found by Gmail's class names, one of its URLs names the very message it sits in (`permmsgid`), which a sender cannot
// know when writing the mail.
import { cardErrorText } from '../../messaging/cardErrors';
import { GMAIL_DOWNLOADS, checkAttachmentUrl } from '../attachmentUrlPolicy';
import { fetchAttachmentUrl } from '../fetchAttachmentUrl';
import { FoundAttachments, type FoundAttachment } from '../foundAttachments';
import { findReportFileName, isReportFileName } from '../reportFileName';
import {
  AttachmentUnavailableError,
  type AttachmentBytes,
  type AttachmentRef,
  type SelectorLayer,
  type WebmailAdapter,
} from '../webmailAdapter';
import { ACCOUNT_PATH_PATTERN, DOWNLOAD_URL_PATTERN, gmailSelectors as s } from './gmailSelectors';

export const gmailAdapter: WebmailAdapter = {
  id: 'gmail',
  matches: (url) => url.hostname === 'mail.google.com',
  watchedAttributes: ['download_url', 'href', 'aria-disabled', 'aria-busy', 'data-message-id'],
  scan: scanGmail,
};

function scanGmail(root: ParentNode): AttachmentRef[] {
  const found = new FoundAttachments();
  const add = (card: HTMLElement, fileName: string, layer: SelectorLayer) => {
    if (isGmailCard(card, layer)) found.add(card, fileName, layer);
  };

  // Layer 1: Gmail's class names.
  for (const card of root.querySelectorAll<HTMLElement>(s.card.precise)) {
    const fileName = card.querySelector(s.cardName.precise)?.textContent?.trim() ?? '';
    if (isReportFileName(fileName)) add(card, fileName, 'precise');
  }
  // Layer 2: download_url / attachment links, named by download_url, aria-label, title or text.
  for (const el of root.querySelectorAll<HTMLElement>(s.card.semantic)) {
    const card = el.closest<HTMLElement>('[download_url]') ?? (el.matches('a') ? el.parentElement : el);
    if (card === null || found.has(card)) continue;
    const fileName = nameOfCard(card);
    if (fileName !== undefined) add(card, fileName, 'semantic');
  }
  // Layer 3: any text that is a report file name, inside a message of the conversation view.
  for (const container of root.querySelectorAll<HTMLElement>(`${s.main}`)) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (!isReportFileName(text) || node.parentElement === null) continue;
      const card = cardAround(node.parentElement);
      if (card === undefined || found.has(card)) continue;
      add(card, text, 'text');
    }
  }
  return found.all.map(toRef);
}

/**
 * Whether a candidate is an attachment card of Gmail's own UI: outside any message body, offering only downloads of
 * this Gmail (a Drive card or a link to another host is not an attachment of the message), and, for the layers that
 * do not rely on Gmail's class names, offering a download of the message it sits in.
 */
function isGmailCard(card: HTMLElement, layer: SelectorLayer): boolean {
  if (insideMessageBody(card)) return false;
  const urls = cardUrls(card);
  if (urls.some(({ url }) => !checkAttachmentUrl(url, location.href, GMAIL_DOWNLOADS).ok)) return false;
  if (layer === 'precise') return true;
  const messageId = messageIdOf(card);
  return (
    messageId !== '' && urls.some(({ url }) => new URL(url, location.href).searchParams.get('permmsgid') === messageId)
  );
}

function insideMessageBody(el: Element): boolean {
  return el.closest(s.messageBody) !== null;
}

function nameOfCard(card: HTMLElement): string | undefined {
  const downloadUrl = card.getAttribute('download_url');
  // download_url is `mime:name:url`; the name sits between the first colon and `:https://`.
  if (downloadUrl !== null) {
    const name = downloadUrl.slice(downloadUrl.indexOf(':') + 1).replace(DOWNLOAD_URL_PATTERN, '');
    if (isReportFileName(name)) return name;
  }
  for (const el of [card, ...card.querySelectorAll('[aria-label], [title]')]) {
    const name = findReportFileName(`${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`);
    if (name !== undefined) return name;
  }
  return findReportFileName(card.textContent ?? '');
}

/** The card around a text node: the nearest ancestor (within a message) holding an attachment link or download_url. */
function cardAround(el: HTMLElement): HTMLElement | undefined {
  for (let current: HTMLElement | null = el, depth = 0; current !== null && depth < 8; depth++) {
    if (current.matches(s.message.semantic) || current.matches(s.main)) return undefined;
    if (current.matches('[download_url]') || current.querySelector(s.cardLink.semantic) !== null) return current;
    current = current.parentElement;
  }
  return undefined;
}

/** The id of the message a card belongs to (`msg-f:…`), or '' outside any message. */
function messageIdOf(card: HTMLElement): string {
  const message = card.closest<HTMLElement>(s.message.precise) ?? card.closest<HTMLElement>(s.message.semantic);
  return (message?.getAttribute('data-message-id') ?? message?.getAttribute('data-legacy-message-id') ?? '').replace(
    /^#/,
    '',
  );
}

function toRef({ element: card, fileName, layer }: FoundAttachment): AttachmentRef {
  const messageId = messageIdOf(card);
  return {
    fileName,
    messageKey: messageId,
    element: card,
    layer,
    fetchBytes: (signal) => fetchGmailAttachment(card, fileName, messageId, signal),
    mountPoint: () =>
      card.closest(s.attachmentArea.precise) ?? card.closest(s.attachmentArea.semantic) ?? card.parentElement ?? card,
  };
}

/** The URLs a card offers, best first: download_url (Chrome), then the card link switched to `disp=safe`. */
function cardUrls(card: HTMLElement): Array<{ url: string; via: string }> {
  const urls: Array<{ url: string; via: string }> = [];
  const downloadUrl = (card.closest('[download_url]') ?? card.querySelector('[download_url]'))?.getAttribute(
    'download_url',
  );
  const fromAttribute = downloadUrl?.match(DOWNLOAD_URL_PATTERN)?.[1];
  if (fromAttribute !== undefined) urls.push({ url: fromAttribute, via: 'download_url' });
  const link =
    card.querySelector<HTMLAnchorElement>(s.cardLink.precise) ??
    card.querySelector<HTMLAnchorElement>(s.cardLink.semantic) ??
    (card.matches(s.cardLink.semantic) ? (card as HTMLAnchorElement) : null);
  const href = link?.getAttribute('href');
  if (href) urls.push({ url: href.replace(/([?&])disp=inline\b/, '$1disp=safe'), via: 'attachment link' });
  return urls;
}

function isScanning(card: HTMLElement): boolean {
  return (
    card.matches(s.scanning.semantic) || card.querySelector(`${s.scanning.precise}, ${s.scanning.semantic}`) !== null
  );
}

async function fetchGmailAttachment(
  card: HTMLElement,
  fileName: string,
  messageId: string,
  signal: AbortSignal,
): Promise<AttachmentBytes> {
  if (isScanning(card)) throw new AttachmentUnavailableError('pending', cardErrorText('ext.gmail.scanning'));
  const urls = cardUrls(card);
  let lastError: AttachmentUnavailableError | undefined;
  // A refused download says more than a later tier's failure: it is the one the card reports.
  const keep = (error: unknown) => {
    if (!(error instanceof AttachmentUnavailableError) || error.reason === 'aborted') throw error;
    if (lastError?.reason !== 'refused') lastError = error;
  };
  for (const { url, via } of urls) {
    try {
      const { bytes, hosts } = await fetchAttachmentUrl(url, signal, GMAIL_DOWNLOADS);
      return { bytes, hosts, container: 'attachment', via };
    } catch (error) {
      keep(error);
    }
  }
  // Fallback: the whole raw message (attid=0, disp=comp); the parser takes the attachment out of the MIME by name.
  if (messageId !== '') {
    try {
      const { bytes, hosts } = await fetchAttachmentUrl(rawMessageUrl(messageId, urls), signal, GMAIL_DOWNLOADS);
      return { bytes, hosts, container: 'message', via: 'raw message' };
    } catch (error) {
      keep(error);
    }
  }
  if (urls.length === 0 && messageId === '') {
    throw new AttachmentUnavailableError('pending', cardErrorText('ext.gmail.notShown', { file: fileName }));
  }
  throw (
    lastError ?? new AttachmentUnavailableError('needs-download', cardErrorText('ext.gmail.noLink', { file: fileName }))
  );
}

/**
 * `…/mail/u/N/?view=att&permmsgid=msg-f:…&attid=0&disp=comp&safe=1&zw`, with the account's `ik` when the card's own
 * URLs carry it (only the card's: a link elsewhere on the page may be a sender's).
 */
function rawMessageUrl(messageId: string, cardUrls: Array<{ url: string }>): string {
  const account = location.pathname.match(ACCOUNT_PATH_PATTERN)?.[0] ?? '/mail/';
  const url = new URL(account, location.href);
  const ik = cardUrls
    .map(({ url: cardUrl }) => new URL(cardUrl, location.href).searchParams.get('ik'))
    .find((value) => value !== null);
  if (ik !== undefined) url.searchParams.set('ik', ik);
  url.searchParams.set('view', 'att');
  url.searchParams.set('permmsgid', messageId);
  url.searchParams.set('attid', '0');
  url.searchParams.set('disp', 'comp');
  url.searchParams.set('safe', '1');
  url.searchParams.set('zw', '');
  return url.href;
}
