// Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com, outlook.cloud.microsoft). Bytes in
// tiers: (1) an in-page download URL (classic OWA GetFileAttachment with the X-OWA-CANARY cookie); (2) the opt-in
// Microsoft Graph mode, run by the background; (3) otherwise "download it, then drop it here". Modern Microsoft 365
// authenticates downloads with bearer tokens the page keeps to itself; reading them would be credential harvesting.
//
// Messages are written by strangers and Outlook keeps their roles, titles and links: in every layer a tile inside a
// message body is never an attachment, and a tile whose download link is not one of this Outlook's downloads
// (OUTLOOK_DOWNLOADS: same origin, a download path) is not one either. The canary goes only with such a download.
import { cardErrorText } from '../../messaging/cardErrors';
import { requestGraphAttachment } from '../../messaging/contentMessages';
import { OUTLOOK_DOWNLOADS, checkAttachmentUrl } from '../attachmentUrlPolicy';
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
import { OWA_CANARY_COOKIE, outlookSelectors as s } from './outlookSelectors';

export const OUTLOOK_HOSTS = [
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.cloud.microsoft',
];

export const outlookAdapter: WebmailAdapter = {
  id: 'outlook',
  matches: (url) => OUTLOOK_HOSTS.includes(url.hostname),
  watchedAttributes: ['title', 'href', 'aria-selected', 'data-convid'],
  scan: scanOutlook,
};

function scanOutlook(root: ParentNode): AttachmentRef[] {
  const found = new FoundAttachments();
  const add = (tile: HTMLElement, fileName: string, layer: SelectorLayer) => {
    if (isOutlookTile(tile)) found.add(tile, fileName, layer);
  };

  // Only inside the reading pane: the message list is a listbox of options too.
  const panes = readingPanes(root);
  for (const tile of panes.flatMap((pane) => [...pane.querySelectorAll<HTMLElement>(s.tile.precise)])) {
    const fileName = tile.querySelector(s.tileName.precise)?.getAttribute('title')?.trim() ?? '';
    if (isReportFileName(fileName)) add(tile, fileName, 'precise');
  }
  for (const tile of panes.flatMap((pane) => [...pane.querySelectorAll<HTMLElement>(s.tile.semantic)])) {
    if (found.has(tile)) continue;
    const fileName = nameOfTile(tile);
    if (fileName !== undefined) add(tile, fileName, 'semantic');
  }
  for (const pane of panes) {
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!isReportFileName(text) || parent === null) continue;
      const tile = parent.closest<HTMLElement>('[role="option"]') ?? parent.closest<HTMLElement>('[title]') ?? parent;
      if (!found.has(tile)) add(tile, text, 'text');
    }
  }
  return found.all.map(toRef);
}

/**
 * Whether a candidate is a tile of Outlook's own attachment list: outside every message body (a report name quoted in
 * a mail, or attachment-like markup a sender wrote, is not an attachment), and without a download link that is not
 * one of this Outlook's downloads.
 */
function isOutlookTile(tile: HTMLElement): boolean {
  if (tile.closest(s.messageBody) !== null) return false;
  // A name found by the text layer sits inside the tile; the tile's link is judged, wherever in it the name is.
  const href = downloadHref(tile.closest<HTMLElement>('[role="option"]') ?? tile);
  return href === undefined || checkAttachmentUrl(href, location.href, OUTLOOK_DOWNLOADS).ok;
}

function downloadHref(tile: HTMLElement): string | undefined {
  return tile.querySelector(s.downloadLink)?.getAttribute('href') ?? undefined;
}

function readingPanes(root: ParentNode): HTMLElement[] {
  const precise = [...root.querySelectorAll<HTMLElement>(s.readingPane.precise)];
  return precise.length > 0 ? precise : [...root.querySelectorAll<HTMLElement>(s.readingPane.semantic)];
}

function nameOfTile(tile: HTMLElement): string | undefined {
  for (const el of tile.querySelectorAll(s.tileName.semantic)) {
    const title = el.getAttribute('title')?.trim() ?? '';
    if (isReportFileName(title)) return title;
  }
  return findReportFileName(tile.getAttribute('aria-label') ?? '');
}

/** The selected conversation's id, from the message list (never from inside a message body). */
function conversationId(): string {
  const selected = [...document.querySelectorAll(s.selectedConversation)].find(
    (el) => el.closest(s.messageBody) === null,
  );
  return selected?.getAttribute('data-convid') ?? '';
}

function toRef({ element: tile, fileName, layer }: FoundAttachment): AttachmentRef {
  const list = tile.closest(s.attachmentList.semantic);
  // Index of this attachment among all tiles of the reading pane: stable while the conversation is shown.
  const pane = tile.closest(`${s.readingPane.precise}, ${s.readingPane.semantic}`) ?? document;
  const index = [...pane.querySelectorAll(s.tile.semantic)].indexOf(tile);
  const convid = conversationId();
  return {
    fileName,
    messageKey: `${convid}#${index}`,
    element: tile,
    layer,
    fetchBytes: (signal) => fetchOutlookAttachment(tile, fileName, convid, signal),
    mountPoint: () => list ?? tile,
  };
}

async function fetchOutlookAttachment(
  tile: HTMLElement,
  fileName: string,
  convid: string,
  signal: AbortSignal,
): Promise<AttachmentBytes> {
  let lastError: AttachmentUnavailableError | undefined;
  // Tier 1: an in-page URL.
  const href = downloadHref(tile);
  if (href) {
    // fetchAttachmentUrl refuses any URL off the page's origin before sending anything, and keeps redirects on it.
    const canary = document.cookie.match(OWA_CANARY_COOKIE)?.[1];
    try {
      const { bytes, hosts } = await fetchAttachmentUrl(
        href,
        signal,
        OUTLOOK_DOWNLOADS,
        canary === undefined ? {} : { 'X-OWA-CANARY': canary },
      );
      return { bytes, hosts, container: 'attachment', via: 'download link' };
    } catch (error) {
      if (!(error instanceof AttachmentUnavailableError) || error.reason === 'aborted') throw error;
      lastError = error;
    }
  }
  // Tier 2: Microsoft Graph, when the user turned it on (the background answers `off` otherwise).
  if (convid !== '') {
    const graph = await requestGraphAttachment(convid, fileName);
    if (graph.ok) return { bytes: graph.bytes, hosts: graph.hosts, container: 'attachment', via: 'Microsoft Graph' };
    if (graph.reason !== 'off') lastError = new AttachmentUnavailableError('network', graph.message);
  }
  // Tier 3: the user downloads the file and drops it on the extension's page.
  throw new AttachmentUnavailableError(
    'needs-download',
    lastError === undefined
      ? cardErrorText('ext.outlook.noAccess')
      : cardErrorText('ext.outlook.thenDrop', { unavailable: lastError.message }),
  );
}
